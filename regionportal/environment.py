"""What the portal reads from the environment, and what production needs there.

settings.py reads its variables through these helpers and refuses to load, with debug off,
on the problems `settings_problems` names. `python -m regionportal.environment` (the first
step of `make serve`) checks the whole production environment before anything starts and
prints one line for every variable that is missing or wrong. It needs no Django settings: they
do not load without some of the very variables it checks.
"""

import os
import sys


def env_bool(name, default=False, environ=os.environ):
    value = environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, environ=os.environ):
    return [item.strip() for item in environ.get(name, "").split(",") if item.strip()]


def settings_problems(environ=os.environ):
    """Why the settings cannot load with debug off, one message per variable; empty if they can."""
    problems = []
    secret_key = environ.get("DJANGO_SECRET_KEY", "")
    if not secret_key or secret_key.startswith("django-insecure"):
        problems.append(
            "DJANGO_SECRET_KEY must be set to a long random value when DJANGO_DEBUG is off. "
            "For local development set DJANGO_DEBUG=true (make run does)."
        )
    if not env_list("DJANGO_ALLOWED_HOSTS", environ):
        problems.append(
            "DJANGO_ALLOWED_HOSTS must list the portal's host names (comma-separated) "
            "when DJANGO_DEBUG is off."
        )
    return problems


def _is_positive_whole_number(value):
    return value.isdigit() and int(value) > 0


def production_problems(environ=os.environ):
    """Why the portal cannot serve in production, one message per variable; empty if it can."""
    problems = []
    if env_bool("DJANGO_DEBUG", environ=environ):
        problems.append(
            "DJANGO_DEBUG is on: production does not run in debug. Unset it or set it to false."
        )
    problems += settings_problems(environ)
    if not environ.get("DATABASE_URL"):
        problems.append(
            "DATABASE_URL must name the production database, e.g. "
            "postgres://user:password@host:5432/regionportal (without it the portal would use "
            "the SQLite file db.sqlite3)."
        )
    if not environ.get("REDIS_URL"):
        problems.append(
            "REDIS_URL must name the Redis cache, e.g. redis://127.0.0.1:6379/1 (without it "
            "every worker would keep a cache of its own)."
        )
    for name in ("WEB_CONCURRENCY", "PORT"):
        value = environ.get(name, "")
        if value and not _is_positive_whole_number(value):
            problems.append(f"{name} must be a positive whole number, not {value!r}.")
    return problems


def main():
    problems = production_problems()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
