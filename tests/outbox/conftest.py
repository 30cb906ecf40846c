"""Fixtures of the outbox tests: the board's people and a Celery broker that is down."""

import socket

import pytest

from accounts import policy
from demo.factories.accounts import UserFactory
from portal.celery import app as celery_app

ROLES = {
    "head": "GROUP_HEAD",
    "member": "GROUP_MEMBER",
    "contributor": "GROUP_CONTRIBUTOR",
    "official": "GROUP_OFFICIAL",
    "party": "GROUP_PARTY_COMMITTEE",
}


@pytest.fixture
def people(db):
    """One person per group of DESIGN §2, in the groups the migrations created."""
    return {
        role: UserFactory(username=f"outbox-{role}", groups=[getattr(policy, name)]) for role, name in ROLES.items()
    }


def closed_port():
    """A localhost port with nobody listening (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_broker(url):
    celery_app.conf.broker_url = url
    # Forget the pooled connections (as Celery does after a fork) so the next publish dials `url`.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def stopped_broker():
    """Point Celery at a broker address where nothing listens, as when Redis is down.

    Yields a function that brings the broker back (and eager mode, as the rest of the suite runs).
    """
    original = celery_app.conf.broker_url

    def back():
        use_broker(original)
        celery_app.conf.update(task_always_eager=True)

    celery_app.conf.update(task_always_eager=False, broker_connection_timeout=1)
    use_broker(f"redis://127.0.0.1:{closed_port()}/0")
    yield back
    back()
