"""The Celery application, configured from Django settings (Celery's Django recipe).

Like the WSGI entry point, it defaults to the production settings (which refuse to start without
their secrets); `scripts/dev` and `Procfile.dev` name the development settings explicitly.
"""

import os

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")


class PortalTask(DjangoTask):
    """Tasks enqueued after commit never break the request that committed (issue 16, item 2).

    A stopped broker is logged (Django's robust on_commit) instead of turning the request, whose
    work is already committed, into an error page. Their results are never read (`*_on_commit` returns nothing), so
    they are not stored: with the Redis result backend, asking for a result makes the web process
    subscribe to it, and a Redis outage then blocks every later enqueue for some twenty seconds.
    """

    def delay_on_commit(self, *args, **kwargs):
        self.apply_async_on_commit(args, kwargs)

    def apply_async_on_commit(self, *args, **kwargs):
        kwargs.setdefault("ignore_result", True)

        def enqueue():
            self.apply_async(*args, **kwargs)

        # Django names a failed robust callback by its __qualname__ (a functools.partial has
        # none, and logging the broker's error then failed with an AttributeError).
        enqueue.__qualname__ = f"{self.name}.apply_async"
        transaction.on_commit(enqueue, robust=True)


app = Celery("portal", task_cls=PortalTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def create_broker_folders(sender, **kwargs):
    """The filesystem transport needs its folders before a worker or beat polls them."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if options.get(key):
            os.makedirs(options[key], exist_ok=True)
    backend = sender.conf.result_backend or ""
    if backend.startswith("file://"):
        os.makedirs(backend[len("file://") :], exist_ok=True)
