"""Staff logins: lockout after failed logins (django-axes), its page and log, lifting it in the
admin, where the address comes from, and how long a staff session lasts."""

import datetime
import logging
import re
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from regionportal.base.logins import client_address
from tests.factories import make_user
from tests.staff import log_in_verified

LOGIN_URL = reverse("admin:login")
PASSWORD = "the-right-password"
LOCKED_SL = (
    "Preveč neuspešnih prijav. Prijava s tem uporabniškim imenom ali s tega omrežnega naslova "
    "je začasno onemogočena; poskusite znova čez 15 minut."
)
LOCKED_EN = (
    "Too many failed logins. Logging in with this username or from this network address is "
    "temporarily disabled; try again in 15 minutes."
)
WRONG_PASSWORD_SL = "in geslo za račun osebja."


@pytest.fixture
def staff(db):
    return make_user(username="urska", password=PASSWORD)


def log_in(client, username, password, address="10.0.0.1", **headers):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def at(moment):
    """Axes takes the time of an attempt from here."""
    return mock.patch("axes.handlers.proxy.now", return_value=moment)


def is_logged_in(client):
    return "_auth_user_id" in client.session


def assert_locked_out(response, message=LOCKED_SL, language="sl"):
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert message in html
    assert html.count("<h1") == 1
    assert f'<html lang="{language}"' in html
    # The login form is still there, for when the lockout is over.
    assert 'id="login-form"' in html


@pytest.mark.django_db
def test_five_failures_for_a_username_from_any_addresses_refuse_even_the_right_password(
    client, staff
):
    for number in range(1, 5):
        response = log_in(client, "urska", "wrong", address=f"10.0.0.{number}")
        assert response.status_code == 200
        assert WRONG_PASSWORD_SL in response.content.decode()

    assert_locked_out(log_in(client, "urska", "wrong", address="10.0.0.5"))
    assert_locked_out(log_in(client, "urska", PASSWORD, address="10.0.0.6"))
    assert not is_logged_in(client)

    # Another username from the same addresses is not locked out.
    make_user(username="bojan", password=PASSWORD)
    assert log_in(client, "bojan", PASSWORD, address="10.0.0.1").status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_twenty_failures_from_one_address_refuse_every_username_from_it(client, staff):
    for number in range(19):
        assert log_in(client, f"guess{number}", "wrong", address="10.0.0.9").status_code == 200

    assert_locked_out(log_in(client, "guess19", "wrong", address="10.0.0.9"))
    assert_locked_out(log_in(client, "urska", PASSWORD, address="10.0.0.9"))
    assert not is_logged_in(client)

    # From another address the same staff member logs in.
    assert log_in(client, "urska", PASSWORD, address="10.0.0.10").status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_the_lockout_page_is_in_english_for_staff_who_use_english(client, staff):
    for _ in range(5):
        log_in(client, "urska", "wrong", HTTP_ACCEPT_LANGUAGE="en")

    assert_locked_out(log_in(client, "urska", PASSWORD, HTTP_ACCEPT_LANGUAGE="en"), LOCKED_EN, "en")


@pytest.mark.django_db
def test_a_lockout_ends_fifteen_minutes_after_it_began(client, staff):
    for _ in range(5):
        log_in(client, "urska", "wrong")
    locked_at = timezone.now()

    # A refused attempt does not extend the lockout.
    with at(locked_at + datetime.timedelta(minutes=10)):
        assert_locked_out(log_in(client, "urska", "wrong"))
    with at(locked_at + datetime.timedelta(minutes=14)):
        assert_locked_out(log_in(client, "urska", PASSWORD))
    with at(locked_at + datetime.timedelta(minutes=15, seconds=1)):
        assert log_in(client, "urska", PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_a_successful_login_before_the_limit_lets_in_and_keeps_the_count(client, staff):
    for _ in range(4):
        log_in(client, "urska", "wrong")

    assert log_in(client, "urska", PASSWORD).status_code == 302
    assert is_logged_in(client)

    # A login of one's own does not wipe the failures that someone else made: one more locks.
    client.logout()
    assert_locked_out(log_in(client, "urska", "wrong"))


@pytest.mark.django_db
def test_a_refused_attempt_costs_no_password_hash(client, staff):
    # The tests hash with MD5 (tests/conftest.py): its calls are the ones counted.
    hasher_calls = mock.Mock()
    original_verify, original_encode = MD5PasswordHasher.verify, MD5PasswordHasher.encode

    def verify(self, password, encoded):
        hasher_calls("verify")
        return original_verify(self, password, encoded)

    def encode(self, password, salt):
        hasher_calls("encode")
        return original_encode(self, password, salt)

    with (
        mock.patch.object(MD5PasswordHasher, "verify", verify),
        mock.patch.object(MD5PasswordHasher, "encode", encode),
    ):
        for _ in range(5):
            log_in(client, "urska", "wrong")
        # Each failed attempt before the lockout checked its password.
        assert hasher_calls.call_args_list.count(mock.call("verify")) == 5

        hasher_calls.reset_mock()
        assert_locked_out(log_in(client, "urska", PASSWORD))
        assert_locked_out(log_in(client, "urska", "wrong"))
        for number in range(20):
            log_in(client, f"nobody{number}", "wrong", address="10.0.0.2")
        hasher_calls.reset_mock()
        assert_locked_out(log_in(client, "nobody-else", "wrong", address="10.0.0.2"))
    hasher_calls.assert_not_called()


@pytest.mark.django_db
def test_a_refused_attempt_writes_nothing(client, staff):
    for _ in range(5):
        log_in(client, "urska", "wrong")

    with CaptureQueriesContext(connection) as queries:
        assert_locked_out(log_in(client, "urska", PASSWORD))
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert len(queries) <= 3


@pytest.mark.django_db
def test_failed_and_refused_attempts_are_logged_with_username_and_address(client, staff, caplog):
    for number in range(1, 6):
        log_in(client, "urska", "wrong", address=f"10.0.0.{number}")
    log_in(client, "urska", PASSWORD, address="192.0.2.7")

    lines = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    failures = [line for line in lines if "login failure by" in line]
    assert len(failures) == 5
    for number, line in enumerate(failures, start=1):
        assert 'username: "urska"' in line
        assert f'ip_address: "10.0.0.{number}"' in line
        assert "the-right-password" not in line
    refused = [line for line in lines if "Refused login while locked out" in line]
    assert len(refused) == 1
    assert 'username: "urska"' in refused[0]
    assert 'ip_address: "192.0.2.7"' in refused[0]
    assert PASSWORD not in refused[0]


def test_log_lines_carry_the_time():
    console = next(
        handler
        for handler in logging.getLogger().handlers
        if type(handler) is logging.StreamHandler
    )
    record = logging.LogRecord("axes", logging.WARNING, __file__, 1, "AXES: failure", None, None)
    line = console.format(record)
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING axes: AXES: failure$", line)


def delete_every_attempt(staff_client):
    """Ticks every row of the failed logins' list and confirms "Delete selected"."""
    return staff_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )


@pytest.mark.django_db
def test_a_superuser_sees_and_lifts_a_lockout_in_the_admin(client, staff):
    for _ in range(5):
        log_in(client, "urska", "wrong")
    assert_locked_out(log_in(client, "urska", PASSWORD))

    admin_client = log_in_verified(type(client)(), make_user(is_superuser=True))
    changelist = reverse("admin:axes_accessattempt_changelist")
    response = admin_client.get(changelist, HTTP_ACCEPT_LANGUAGE="sl")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Poskusi prijave" in html
    assert "urska" in html
    assert "Neuspešne prijave" in html  # the column of the failures' count

    response = delete_every_attempt(admin_client)
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert log_in(client, "urska", PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_an_editor_can_neither_see_nor_lift_a_lockout(client, staff, editor_client):
    for _ in range(5):
        log_in(client, "urska", "wrong")
    changelist = reverse("admin:axes_accessattempt_changelist")

    assert editor_client.get(changelist).status_code == 403
    response = delete_every_attempt(editor_client)
    assert response.status_code == 403
    assert AccessAttempt.objects.filter(username="urska").exists()
    assert_locked_out(log_in(client, "urska", PASSWORD))


@pytest.mark.parametrize(
    ("proxy_count", "meta", "address"),
    [
        (0, {"REMOTE_ADDR": "203.0.113.5"}, "203.0.113.5"),
        # Without a proxy a client's own X-Forwarded-For is not believed.
        (0, {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "203.0.113.5"),
        # One proxy: the entry it appended; what the client put in front is ignored.
        (
            1,
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.5"},
            "203.0.113.5",
        ),
        (
            2,
            {
                "REMOTE_ADDR": "127.0.0.1",
                "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.5, 10.1.1.1",
            },
            "203.0.113.5",
        ),
        (1, {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "2001:db8::1"}, "2001:db8::1"),
        # Not through the proxies, or not an address: nothing a client can choose.
        (2, {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}, "127.0.0.1"),
        (1, {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-address"}, None),
    ],
)
def test_the_address_of_a_login(settings, proxy_count, meta, address):
    settings.TRUSTED_PROXY_COUNT = proxy_count
    request = RequestFactory().post(LOGIN_URL, **meta)
    assert client_address(request) == address


@pytest.mark.django_db
def test_a_staff_session_ends_with_the_browser_and_after_eight_hours(client, staff, settings):
    logged_in_at = timezone.now()
    response = log_in(client, "urska", PASSWORD)
    assert response.status_code == 302

    # A browser-session cookie: the browser forgets it when it closes.
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""

    session = Session.objects.get(session_key=cookie.value)
    expected_end = logged_in_at + datetime.timedelta(hours=8)
    assert abs(session.expire_date - expected_end) < datetime.timedelta(minutes=1)

    with mock.patch(
        "django.utils.timezone.now", return_value=expected_end - datetime.timedelta(minutes=1)
    ):
        assert client.get(reverse("admin:index")).status_code == 200
    with mock.patch(
        "django.utils.timezone.now", return_value=expected_end + datetime.timedelta(minutes=1)
    ):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
