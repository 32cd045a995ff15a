"""Site-wide checks: migrations, deployment settings, and refusing development defaults."""

import ast
from io import StringIO
from pathlib import Path

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


def test_a_setting_that_is_not_a_number_stops_start_up_with_its_name(run_manage):
    result = run_manage("check", DJANGO_DEBUG="true", DJANGO_PAGE_CACHE_FILES_MAX_MB="2 GB")
    assert result.returncode != 0
    assert "DJANGO_PAGE_CACHE_FILES_MAX_MB must be a whole number of at least 1, not '2 GB'." in (
        result.stderr
    )


def test_debug_mode_starts_without_secrets(run_manage):
    result = run_manage("check", DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr


def global_registry_lookups(source):
    """The lines where the source looks a model up by name in Django's app registry
    (`apps.get_model(…)`, whatever `django.apps.apps` is imported as)."""
    tree = ast.parse(source)
    registry_names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.apps"
        for alias in node.names
        if alias.name == "apps"
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get_model"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in registry_names
    ]


def test_global_registry_lookups_are_found():
    assert global_registry_lookups(
        "from django.apps import apps as registry\nregistry.get_model('projects', 'Project')\n"
    ) == [2]
    assert global_registry_lookups("state_apps.get_model('projects', 'Project')\n") == []


def test_no_app_module_reaches_for_a_model_through_the_app_registry():
    """Outside migrations a module imports what it uses (import-linter then sees every
    dependency); a model looked up by name at run time would hide an import that runs up the
    layers."""
    root = Path(__file__).resolve().parents[2]
    offenders = {
        str(path.relative_to(root)): lines
        for package in ("regionportal", "pillars", "funding", "projects")
        for path in (root / package).rglob("*.py")
        if "migrations" not in path.parts and (lines := global_registry_lookups(path.read_text()))
    }
    assert offenders == {}
