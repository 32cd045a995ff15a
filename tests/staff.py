"""Staff in the admin in tests, as far as a real login takes them."""

from django_otp import DEVICE_ID_SESSION_KEY

from tests.factories import make_totp_device


def log_in_verified(client, user):
    """Log the client in as a staff member who gave their password and a code from their
    enrolled authenticator app, and return it."""
    device = make_totp_device(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
