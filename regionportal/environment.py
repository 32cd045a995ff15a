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


# The settings' whole-number variables and the least each may be.
WHOLE_NUMBER_VARIABLES = {
    "DJANGO_CONN_MAX_AGE": 0,
    "DJANGO_TRUSTED_PROXY_COUNT": 0,
    "DJANGO_HSTS_SECONDS": 0,
    "DJANGO_PAGE_CACHE_FILES_MAX_MB": 1,
}


def env_int(name, default, environ=os.environ):
    """A whole-number variable (WHOLE_NUMBER_VARIABLES), or `default` if it is unset or not one:
    number_problems() names a wrong value, and the settings refuse to load on it."""
    value = environ.get(name, "").strip()
    if _is_whole_number(value, WHOLE_NUMBER_VARIABLES[name]):
        return int(value)
    return default


def _is_whole_number(value, least):
    # isascii(): str.isdigit() takes "²" and "١٢٣" for digits too.
    return value.isascii() and value.isdigit() and int(value) >= least


def number_problems(environ=os.environ):
    """A message for each whole-number variable that is set to something else."""
    problems = []
    for name, least in WHOLE_NUMBER_VARIABLES.items():
        value = environ.get(name, "").strip()
        if value and not _is_whole_number(value, least):
            kind = "a whole number" if least == 0 else f"a whole number of at least {least}"
            problems.append(f"{name} must be {kind}, not {environ[name]!r}.")
    return problems


# The variables that put the uploaded files in S3-compatible object storage (django-storages).
S3_VARIABLES = {
    "DJANGO_S3_BUCKET": "bucket_name",
    "DJANGO_S3_ENDPOINT_URL": "endpoint_url",
    "DJANGO_S3_ACCESS_KEY_ID": "access_key",
    "DJANGO_S3_SECRET_ACCESS_KEY": "secret_key",
    "DJANGO_S3_REGION": "region_name",
    "DJANGO_S3_CUSTOM_DOMAIN": "custom_domain",
}


def media_storage(environ=os.environ):
    """The default storage of the uploaded files (STORAGES["default"]) and the origin the pages
    load uploaded images from (None: the portal's own, MEDIA_URL).

    Local files under MEDIA_ROOT, unless DJANGO_S3_BUCKET names a bucket: then S3-compatible
    object storage with the endpoint, keys, region and public domain of the other DJANGO_S3_*
    variables (those left empty fall back to boto3's own: its credentials chain, AWS's endpoint).
    """
    if not environ.get("DJANGO_S3_BUCKET", "").strip():
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}, None
    options = {
        option: environ[name].strip()
        for name, option in S3_VARIABLES.items()
        if environ.get(name, "").strip()
    }
    options.update(
        # A new file never replaces one of the same name: a name is never reused anyway, and an
        # overwritten file would be lost to the versions in the history that name it.
        file_overwrite=False,
        # Plain addresses, not signed ones that expire: the images are on public pages (which
        # are cached), and documents are read by the portal itself, never linked to the bucket.
        querystring_auth=False,
    )
    if "custom_domain" in options:
        origin = f"https://{options['custom_domain']}"
    elif "endpoint_url" in options:
        parts = options["endpoint_url"].split("/")
        origin = "/".join(parts[:3])
    else:
        origin = f"https://{options['bucket_name']}.s3.amazonaws.com"
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, origin


def settings_problems(environ=os.environ):
    """Why the settings cannot load with debug off, one message per variable; empty if they can
    (number_problems() stop them in debug too)."""
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


def production_problems(environ=os.environ):
    """Why the portal cannot serve in production, one message per variable; empty if it can."""
    problems = []
    if env_bool("DJANGO_DEBUG", environ=environ):
        problems.append(
            "DJANGO_DEBUG is on: production does not run in debug. Unset it or set it to false."
        )
    problems += settings_problems(environ)
    problems += number_problems(environ)
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
        if value and not _is_whole_number(value, 1):
            problems.append(f"{name} must be a positive whole number, not {value!r}.")
    return problems


def main():
    problems = production_problems()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
