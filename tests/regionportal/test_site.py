"""Site-wide checks: migrations, deployment settings, and refusing development defaults."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def run_manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.update(env_overrides)
    return subprocess.run(
        [*MANAGE, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_check_deploy_is_clean_with_production_like_settings():
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
def test_production_refuses_to_start_on_development_defaults(env, message):
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_debug_mode_starts_without_secrets():
    result = run_manage("check", DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
