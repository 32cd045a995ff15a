"""Site-wide checks: migrations, deployment settings, and refusing development defaults."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_check_deploy_is_clean_with_production_like_settings(run_manage):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "x7Kq9" * 10,
        DJANGO_ALLOWED_HOSTS="portal.rasr.si",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "portal.rasr.si"}, "DJANGO_SECRET_KEY must be set"),
        (
            {
                "DJANGO_ALLOWED_HOSTS": "portal.rasr.si",
                "DJANGO_SECRET_KEY": "django-insecure-copied-from-a-tutorial",
            },
            "DJANGO_SECRET_KEY must be set",
        ),
        ({"DJANGO_SECRET_KEY": "k" * 60}, "DJANGO_ALLOWED_HOSTS must list"),
    ],
)
def test_production_refuses_to_start_on_development_defaults(run_manage, env, message):
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_debug_mode_starts_without_secrets(run_manage):
    result = run_manage("check", DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
