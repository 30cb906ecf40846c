"""Helpers shared by tests that act as a person in the admin."""


def log_in(client, user):
    """Log `user` into the admin with the test client, as a real person would be.

    Every admin test logs in through this one function, so that when the admin requires more
    than a password (two-factor login), only this function changes.
    """
    client.force_login(user)
    return client
