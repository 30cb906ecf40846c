"""WSGI entry point for gunicorn.

Defaults to the production settings, which refuse to start without their secrets: a deployment
that forgets DJANGO_SETTINGS_MODULE must fail loudly, never run with DEBUG on and a known key.
Only `manage.py` and `scripts/dev` default to the development settings.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()
