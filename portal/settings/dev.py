"""Settings for a developer's machine: debug on, console e-mail, embedded services by default."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY
from .base import env_bool

DEBUG = True
# A development-only key: production refuses to start without its own (see production.py).
# The demo site (`manage.py seed_demo`, built on the shared factories); production has no demo.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = _SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
# Serve static files straight from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Templates change under a developer's hands: the page cache only when asked (PORTAL_PAGE_CACHE=1);
# bench/pages.py measures the application's own cost, uncached.
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", False)
# E-mail goes through the outbox (base.py) and is printed by the worker.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
