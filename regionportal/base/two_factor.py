"""Staff's two-factor login: who needs a second factor, and their TOTP apps and recovery codes.

A staff member's second factor is a django-otp TOTP device (an authenticator app on a phone)
with a static device beside it that holds single-use recovery codes. Both are throttled: after
each wrong code the next one is checked only after a delay that doubles (1, 2, 4, … seconds).
"""

import math
from base64 import b32encode
from xml.etree import ElementTree

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timeuntil
from django.utils.translation import gettext, gettext_lazy
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10

# What a staff member who has given their password still has to do before the admin opens.
VERIFY = "verify"
ENROL = "enrol"

WRONG_CODE = gettext_lazy(
    "This code is wrong or has expired. Enter the code your app shows now "
    "(it changes every 30 seconds)."
)
WRONG_RECOVERY_CODE = gettext_lazy(
    "This recovery code is not valid: it is mistyped or has already been used. "
    "Each recovery code works only once."
)


def can_change_public_content(user):
    """Whether the user can change what the public sees: a superuser, a publisher (a workflow's
    "<app>.publish_<model>" permission, regionportal.base.publishing), or an editor (a change
    permission: an editor's correction to a published record is public at once)."""
    return user.is_superuser or any(
        permission.partition(".")[2].startswith(("publish_", "change_"))
        for permission in user.get_all_permissions()
    )


def requires_second_factor(user):
    """Whether the user may use the admin only after enrolling a second factor."""
    return settings.STAFF_2FA == "required" and can_change_public_content(user)


def pending_step(user, *, verified_by):
    """What a logged-in staff member must do before the admin opens: VERIFY their code (they
    have a second factor), ENROL an app (they need one but have none), or nothing (None).

    `verified_by` is the device that verified the session, if any. A recovery code alone (say
    one a superuser made with `manage.py addstatictoken`) lets in, but not past enrolment.
    """
    if not (user.is_active and user.is_staff) or isinstance(verified_by, TOTPDevice):
        return None
    if verified_by is None and user_has_device(user, confirmed=True):
        return VERIFY
    if requires_second_factor(user) and not has_authenticator(user):
        return ENROL
    return None


def has_authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise_code(code):
    """A code as typed, without spaces or dashes and in lower case, as recovery codes are kept."""
    return "".join(code.split()).replace("-", "").lower()


def _verify(devices, code, wrong_message):
    """The first of the devices that accepts the code, or a ValidationError saying why none did.

    Each device is locked while it checks the code, so that two requests cannot both use one
    recovery code or slip past the throttle together.
    """
    locked_until = []
    with transaction.atomic():
        for device in devices.select_for_update():
            allowed, details = device.verify_is_allowed()
            if not allowed:
                locked_until.append(details["locked_until"])
            elif device.verify_token(code):
                return device
    # Raised outside the transaction, so that the failure the throttle counted stays counted.
    if locked_until:
        locked_until = min(locked_until)
        seconds = math.ceil((locked_until - timezone.now()).total_seconds())
        wait = f"{seconds} s" if seconds < 60 else timeuntil(locked_until)
        raise ValidationError(
            gettext("Too many wrong codes in a row. You can enter the next one in %(wait)s.")
            % {"wait": wait},
            code="throttled",
        )
    raise ValidationError(wrong_message, code="wrong")


def verify_login_code(*, user, code):
    """The device that accepts the code at login: a six-digit code from the user's app or one
    of their recovery codes (which is used up). Raises a ValidationError saying why not."""
    code = normalise_code(code)
    if code.isdigit() and len(code) == 6:
        return _verify(TOTPDevice.objects.devices_for_user(user, confirmed=True), code, WRONG_CODE)
    return _verify(
        StaticDevice.objects.devices_for_user(user, confirmed=True), code, WRONG_RECOVERY_CODE
    )


def enrolling_device(*, user):
    """The authenticator app the user is adding: one not yet confirmed, the same on every
    visit until a code from it confirms it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=gettext("Authenticator app"), confirmed=False
        )
    return device


def verify_enrolment_code(*, device, code):
    """Raises a ValidationError unless the code comes from the app being enrolled."""
    _verify(TOTPDevice.objects.filter(pk=device.pk), normalise_code(code), WRONG_CODE)


def secret_text(device):
    """The device's secret as an authenticator app asks for it when typed: base32, in groups
    of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device, label):
    """The device's set-up address as a QR code: an inline SVG image named by the label."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    svg = image.get_image()
    svg.set("role", "img")
    svg.set("aria-label", str(label))
    svg.set("width", "240")
    svg.set("height", "240")
    return mark_safe(ElementTree.tostring(svg, encoding="unicode"))  # noqa: S308 (built here)


@transaction.atomic
def finish_enrolment(*, device):
    """Confirm the app being enrolled and give the user a new set of recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.devices_for_user(device.user, confirmed=False).delete()
    return new_recovery_codes(user=device.user)


@transaction.atomic
def new_recovery_codes(*, user):
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones and return them:
    the only time they are shown."""
    # The device itself stays: a session that a recovery code let in remains verified.
    device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=gettext("Recovery codes"))
    StaticToken.objects.filter(device__user=user).delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_second_factor(*, user):
    """Delete the user's authenticator apps and recovery codes. Where a second factor is
    required, they enrol again at their next visit to the admin."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
