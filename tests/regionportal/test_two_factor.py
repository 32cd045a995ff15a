"""Staff's two-factor login: the password, then a code from an authenticator app or a recovery
code; enrolment from the admin; new recovery codes, turning it off, and a superuser's reset.

Tests run with debug off, so DJANGO_STAFF_2FA is "required" unless a test says otherwise.
"""

import re
from base64 import b32decode
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from regionportal.base import two_factor
from tests.factories import make_totp_device, make_user
from tests.staff import log_in_verified

pytestmark = pytest.mark.django_db

PASSWORD = "a-password-for-tests"
LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
VERIFY = reverse("admin:two_factor_verify")
TWO_FACTOR = reverse("admin:two_factor")
PROJECTS = reverse("admin:projects_project_changelist")
USERS = reverse("admin:auth_user_changelist")

WRONG_CODE = (
    "Ta koda ni pravilna ali je že potekla. Vpišite kodo, ki jo aplikacija kaže zdaj "
    "(vsakih 30 sekund je nova)."
)
WRONG_RECOVERY_CODE = (
    "Ta obnovitvena koda ne velja: napačno je vpisana ali pa je bila že uporabljena. "
    "Vsaka obnovitvena koda velja samo enkrat."
)


def code_of(device):
    """The code the device's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def log_in_with_password(client, user, next_url=INDEX):
    return client.post(
        LOGIN, {"username": user.get_username(), "password": PASSWORD, "next": next_url}
    )


def enter_code(client, code, next_url=INDEX):
    return client.post(VERIFY, {"code": code, "next": next_url})


@pytest.fixture
def superuser():
    return make_user(is_superuser=True)


@pytest.fixture
def optional_2fa(settings):
    settings.STAFF_2FA = "optional"


def test_a_password_alone_does_not_open_the_admin_to_a_superuser_with_an_app(client, superuser):
    make_totp_device(user=superuser)

    response = log_in_with_password(client, superuser)

    assertRedirects(response, f"{VERIFY}?next=%2Fadmin%2F")
    assert client.get(INDEX).status_code == 302
    response = client.get(INDEX, follow=True)
    assertContains(response, "<h1>Dvostopenjska prijava</h1>", html=True)
    assertContains(response, '<label for="id_code">Koda:</label>', html=True)
    assertNotContains(response, "Vsebina portala")


def test_the_password_and_the_apps_code_open_the_admin(client, superuser):
    device = make_totp_device(user=superuser)
    log_in_with_password(client, superuser, next_url=PROJECTS)

    response = enter_code(client, code_of(device), next_url=PROJECTS)

    assertRedirects(response, PROJECTS)
    assert client.get(INDEX).status_code == 200


def test_a_wrong_code_is_refused_beside_the_field(client, superuser):
    device = make_totp_device(user=superuser)
    log_in_with_password(client, superuser)
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"

    response = enter_code(client, wrong)

    assert response.status_code == 200
    assertContains(
        response,
        f'<ul class="errorlist" id="id_code_error"><li>{WRONG_CODE}</li></ul>',
        html=True,
    )
    assert client.get(INDEX).status_code == 302


def test_too_many_wrong_codes_hold_back_even_the_right_one(client, superuser):
    device = make_totp_device(
        user=superuser, throttling_failure_count=5, throttling_failure_timestamp=timezone.now()
    )
    log_in_with_password(client, superuser)

    response = enter_code(client, code_of(device))

    assertContains(response, "Preveč napačnih kod zapored. Naslednjo lahko vpišete čez")
    assert client.get(INDEX).status_code == 302


def test_a_recovery_code_works_once(client, superuser):
    make_totp_device(user=superuser)
    codes = two_factor.new_recovery_codes(user=superuser)
    log_in_with_password(client, superuser)

    response = enter_code(client, codes[0].upper())

    assertRedirects(response, INDEX, fetch_redirect_response=False)
    response = client.get(INDEX)
    assertContains(response, "Prijavili ste se z obnovitveno kodo, ki je zdaj porabljena.")
    assertContains(response, "Preostale obnovitvene kode: 9.")

    client.post(reverse("admin:logout"))
    log_in_with_password(client, superuser)
    response = enter_code(client, codes[0])

    assertContains(response, WRONG_RECOVERY_CODE)
    assert client.get(INDEX).status_code == 302


def test_a_recovery_code_alone_lets_in_only_as_far_as_enrolment(client, superuser):
    # As after `manage.py addstatictoken` for a superuser who lost their phone and codes.
    code = two_factor.new_recovery_codes(user=superuser)[0]
    log_in_with_password(client, superuser)

    response = enter_code(client, code, next_url=PROJECTS)

    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith(TWO_FACTOR)
    assertContains(response, "<h1>Nastavitev dvostopenjske prijave</h1>", html=True)


def test_an_editor_without_an_app_is_sent_to_enrol_and_reaches_nothing_else(client, editor):
    response = log_in_with_password(client, editor)

    assertRedirects(response, f"{TWO_FACTOR}?next=%2Fadmin%2F")
    for url in [INDEX, PROJECTS, reverse("admin:password_change")]:
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0].startswith(TWO_FACTOR), url
        assertContains(response, "<h1>Nastavitev dvostopenjske prijave</h1>", html=True)
    # No admin links on the way, but a way out.
    assertNotContains(response, "Vsebina portala")
    assertContains(response, f'<form method="post" action="{reverse("admin:logout")}">')


def test_an_editor_enrols_from_the_page_and_gets_recovery_codes(client, editor):
    log_in_with_password(client, editor, next_url=PROJECTS)
    page = client.get(f"{TWO_FACTOR}?next={PROJECTS}")
    assertContains(page, 'role="img" aria-label="QR koda za vašo aplikacijo za preverjanje"')
    assertContains(page, '<label for="id_code">Koda:</label>', html=True)
    secret = re.search(r'<code id="two-factor-secret">([A-Z2-7 ]+)</code>', page.text)[1]
    code = f"{totp(b32decode(secret.replace(' ', ''))):06d}"

    response = client.post(TWO_FACTOR, {"code": code, "next": PROJECTS})

    assertContains(response, "<h1>Vaše obnovitvene kode</h1>", html=True)
    assertContains(response, "Dvostopenjska prijava je vklopljena.")
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.text)
    assert len(set(codes)) == two_factor.RECOVERY_CODE_COUNT
    assertContains(response, f'<a href="{PROJECTS}">Naprej</a>', html=True)
    assert client.get(PROJECTS).status_code == 200

    client.post(reverse("admin:logout"))
    log_in_with_password(client, editor)
    assertRedirects(enter_code(client, codes[3]), INDEX)


def test_a_wrong_code_at_enrolment_leaves_the_app_unconfirmed(client, editor):
    log_in_with_password(client, editor)
    client.get(TWO_FACTOR)

    response = client.post(TWO_FACTOR, {"code": "000000"})

    assertContains(response, WRONG_CODE)
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get(PROJECTS).status_code == 302


def test_the_enrolment_page_shows_the_same_key_until_it_is_confirmed(client, editor):
    log_in_with_password(client, editor)

    first = client.get(TWO_FACTOR)
    second = client.get(TWO_FACTOR)

    device = TOTPDevice.objects.get(user=editor)
    assertContains(first, two_factor.secret_text(device))
    assertContains(second, two_factor.secret_text(device))


def test_a_reviewer_logs_in_with_the_password_alone(client, reviewer):
    response = log_in_with_password(client, reviewer)

    assertRedirects(response, INDEX)
    response = client.get(INDEX)
    assertContains(response, "Vsebina portala")
    # and may enrol of their own accord
    assertContains(response, f'<a href="{TWO_FACTOR}">Dvostopenjska prijava</a>', html=True)
    assertContains(client.get(TWO_FACTOR), "<h1>Nastavitev dvostopenjske prijave</h1>", html=True)


def test_when_optional_a_superuser_without_an_app_logs_in_with_the_password(
    client, superuser, optional_2fa
):
    assertRedirects(log_in_with_password(client, superuser), INDEX)
    assert client.get(INDEX).status_code == 200


def test_when_optional_an_enrolled_reviewer_still_gives_a_code(client, reviewer, optional_2fa):
    make_totp_device(user=reviewer)

    assertRedirects(log_in_with_password(client, reviewer), f"{VERIFY}?next=%2Fadmin%2F")


def test_who_needs_a_second_factor(superuser, editor, reviewer):
    assert two_factor.requires_second_factor(superuser)
    assert two_factor.requires_second_factor(editor)
    assert not two_factor.requires_second_factor(reviewer)
    publisher = make_user()
    publisher.user_permissions.add(Permission.objects.get(codename="change_project"))
    assert two_factor.requires_second_factor(publisher)


def test_the_verify_page_does_not_send_anyone_off_the_site(client, superuser):
    device = make_totp_device(user=superuser)
    log_in_with_password(client, superuser)

    response = enter_code(client, code_of(device), next_url="https://elsewhere.example/")

    assertRedirects(response, INDEX)


def test_someone_at_the_second_step_may_log_out(client, superuser):
    make_totp_device(user=superuser)
    log_in_with_password(client, superuser)

    client.post(reverse("admin:logout"))

    assertRedirects(client.get(VERIFY), f"{LOGIN}?next={VERIFY}")


def test_the_password_alone_cannot_change_the_second_factor(client, superuser):
    make_totp_device(user=superuser)
    log_in_with_password(client, superuser)

    for url in [TWO_FACTOR, reverse("admin:two_factor_remove")]:
        response = client.post(url, {"password": PASSWORD}, follow=True)
        assert response.redirect_chain[-1][0].startswith(VERIFY), url
    assert TOTPDevice.objects.filter(user=superuser).exists()


def test_the_status_page_counts_the_recovery_codes_left(client, superuser):
    log_in_verified(client, superuser)
    two_factor.new_recovery_codes(user=superuser)

    response = client.get(TWO_FACTOR)

    assertContains(response, "Dvostopenjska prijava je vklopljena")
    assertContains(response, "Imate 10 neporabljenih obnovitvenih kod.")


@pytest.fixture
def failed_logins():
    """The usernames of the failed logins that authenticate() reports (as django-axes sees them)."""
    failed = []

    def record(credentials, **kwargs):
        failed.append(credentials["username"])

    user_login_failed.connect(record)
    yield failed
    user_login_failed.disconnect(record)


def test_new_recovery_codes_need_the_password_and_replace_the_old_ones(
    client, superuser, failed_logins
):
    log_in_verified(client, superuser)
    old_codes = two_factor.new_recovery_codes(user=superuser)
    url = reverse("admin:two_factor_recovery_codes")

    response = client.post(url, {"password": "not-it"})

    assertContains(
        response,
        '<ul class="errorlist" id="id_password_error"><li>To ni vaše geslo.</li></ul>',
        html=True,
    )
    assert failed_logins == [superuser.username]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(old_codes)

    response = client.post(url, {"password": PASSWORD})

    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.text)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new_codes)
    assert not set(new_codes) & set(old_codes)
    assertContains(response, "Vaše stare obnovitvene kode ne veljajo več.")


def test_turning_it_off_sends_an_editor_to_enrol_again(client, editor):
    log_in_verified(client, editor)
    two_factor.new_recovery_codes(user=editor)

    response = client.post(reverse("admin:two_factor_remove"), {"password": PASSWORD})

    assertRedirects(response, TWO_FACTOR, fetch_redirect_response=False)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    response = client.get(PROJECTS, follow=True)
    assertContains(response, "<h1>Nastavitev dvostopenjske prijave</h1>", html=True)
    assertContains(response, "Dvostopenjska prijava je izklopljena. Za delo v urejanju portala")


def test_a_superuser_resets_a_staff_members_second_factor(admin_client, editor):
    make_totp_device(user=editor)
    two_factor.new_recovery_codes(user=editor)

    response = admin_client.post(
        USERS, {"action": "reset_second_factor", "_selected_action": [editor.pk]}, follow=True
    )

    assertContains(response, f"Dvostopenjska prijava je ponastavljena za: {editor.username}.")
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()


def test_only_superusers_may_reset_a_second_factor(client):
    user_admin = make_user(group="Urednik")
    user_admin.user_permissions.add(*Permission.objects.filter(codename__endswith="_user"))
    log_in_verified(client, user_admin)
    editor = make_user(group="Urednik")
    make_totp_device(user=editor)

    response = client.get(USERS)
    assertNotContains(response, "reset_second_factor")
    client.post(USERS, {"action": "reset_second_factor", "_selected_action": [editor.pk]})

    assert TOTPDevice.objects.filter(user=editor).exists()


def test_the_user_list_shows_who_has_two_factor_login_in_as_many_queries(
    assert_constant_queries, admin_client
):
    enrolled = make_user()
    make_totp_device(user=enrolled)
    not_enrolled = make_user()
    admin_client.get(USERS)

    def add_rows():
        for _number in range(5):
            make_totp_device(user=make_user())

    response, _ = assert_constant_queries(USERS, add_rows, client=admin_client)

    assertContains(response, "Dvostopenjska prijava</a></div>")
    shown = {user.username: user.has_second_factor for user in response.context["cl"].result_list}
    assert shown[enrolled.username] is True
    assert shown[not_enrolled.username] is False


PRODUCTION = {"DJANGO_SECRET_KEY": "test-only-a-long-random-value", "DJANGO_ALLOWED_HOSTS": "x"}


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (PRODUCTION, "required"),
        ({"DJANGO_DEBUG": "true"}, "optional"),
        ({**PRODUCTION, "DJANGO_STAFF_2FA": "optional"}, "optional"),
        ({"DJANGO_DEBUG": "true", "DJANGO_STAFF_2FA": " Required "}, "required"),
    ],
)
def test_required_by_default_with_debug_off(run_manage, environment, expected):
    result = run_manage("diffsettings", **environment)

    assert result.returncode == 0, result.stderr
    assert f"STAFF_2FA = '{expected}'" in result.stdout


def test_another_value_stops_start_up(run_manage):
    result = run_manage("check", **PRODUCTION, DJANGO_STAFF_2FA="yes")

    assert result.returncode != 0
    assert 'DJANGO_STAFF_2FA must be "required" or "optional", not "yes".' in result.stderr


def test_a_long_wait_after_wrong_codes_is_said_in_hours_and_minutes(superuser):
    # After 13 wrong codes in a row the next one waits 2**12 seconds, 68 minutes.
    device = make_totp_device(
        user=superuser,
        throttling_failure_count=13,
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=1),
    )

    with translation.override("sl"), pytest.raises(ValidationError) as refused:
        two_factor.verify_login_code(user=superuser, code=code_of(device))

    assert refused.value.messages == [
        "Preveč napačnih kod zapored. Naslednjo lahko vpišete čez 1\xa0uro, 8\xa0minut."
    ]
