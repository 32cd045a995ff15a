"""Settings for the Savinjska regional portal.

Every value that differs between a developer's machine and production is read once, here,
from an environment variable. With DEBUG off the portal refuses to start on development
defaults (no secret key, no allowed hosts).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from regionportal.environment import (
    env_bool,
    env_int,
    env_list,
    media_storage,
    number_problems,
    settings_problems,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

if DEBUG:
    # A development-only key, never used with DEBUG off (see the check below).
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
elif problems := settings_problems():
    raise ImproperlyConfigured(" ".join(problems))
if problems := number_problems():
    raise ImproperlyConfigured(" ".join(problems))

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    # django.contrib.admin whose site asks staff for their second factor.
    "regionportal.base.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "django_tables2",
    "rest_framework",
    "drf_spectacular",
    "reversion",
    # Staff's spreadsheet imports (regionportal.base.importing).
    "import_export",
    # The queue of background tasks (a large import), in the database; see TASKS.
    "django_tasks_db",
    # Staff's second factor: TOTP devices and single-use recovery codes (see STAFF_2FA).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Failed staff logins and lockouts (see "Staff logins" below).
    "axes",
    "regionportal.base",
    "pillars",
    "funding",
    "projects",
    "regionportal.site",
]

MIDDLEWARE = [
    # Anonymous visitors' pages from the cache, whole (with every header the middleware below
    # gave them): a kept page runs nothing else.
    "regionportal.base.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so that the static files carry these headers too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "regionportal.base.middleware.CrossOriginResourcePolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 for a conditional request whose ETag or Last-Modified still holds.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user as verified once the session has passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Reversion's, but for the views that make their own revisions (the spreadsheet imports).
    "regionportal.base.middleware.PortalRevisionMiddleware",
    # A PDF address on a server without Pango answers with a 503 page (regionportal/base/pdf.py).
    "regionportal.base.pdf.PdfUnavailableMiddleware",
    # Last, as axes documents: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regionportal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "regionportal.wsgi.application"

# SQLite by default so that a new user runs the portal with one command; production sets
# DATABASE_URL=postgres://…
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers write at once (failed logins are recorded): a transaction takes SQLite's
    # write lock when it begins and waits for it, rather than failing "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Slovenian first: it is the default language of the public pages and of the admin.
LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Slovenian dates with the month in the genitive ("1. decembra 2026"), not Django's "01. december".
FORMAT_MODULE_PATH = ["regionportal.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "sl"
# An English field left empty shows the Slovenian text rather than nothing.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("sl",), "sl": ("en",)}
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# The static files are for the portal's own pages, as Cross-Origin-Resource-Policy says too.
WHITENOISE_ALLOW_ALL_ORIGINS = False
# Uploaded files: MEDIA_ROOT, or the S3-compatible bucket that DJANGO_S3_BUCKET names (see
# regionportal.environment.media_storage); every file goes through this storage's API.
DEFAULT_STORAGE, MEDIA_ORIGIN = media_storage()
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Uploaded media and backups -------------------------------------------------------------
# Uploaded files live in MEDIA_ROOT; `manage.py backup` stores them, with every table, in one
# file in BACKUP_DIR, and `manage.py restore` puts both back (regionportal/site/backups.py).
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
# --- end of uploaded media and backups --------------------------------------------------------

LOGIN_URL = "admin:login"

# Staff's two-factor login (regionportal/base/two_factor.py). "required": superusers and staff who
# can publish must enrol a TOTP app before the admin opens; "optional": any staff member may.
# Optional by default in development, so that a local createsuperuser account needs no phone.
STAFF_2FA = os.environ.get("DJANGO_STAFF_2FA", "optional" if DEBUG else "required").strip().lower()
if STAFF_2FA not in {"required", "optional"}:
    raise ImproperlyConfigured(
        f'DJANGO_STAFF_2FA must be "required" or "optional", not "{STAFF_2FA}".'
    )
# The name an authenticator app shows beside the staff member's username.
OTP_TOTP_ISSUER = "RASR portal"

# --- Staff logins: lockout after failed logins (django-axes) and session length ---
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username or address before ModelBackend hashes a password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A username is locked after 5 failed logins from any address, an address after 20 for any
# usernames (regionportal.base.logins.LockoutHandler gives each parameter its own limit).
AXES_HANDLER = "regionportal.base.logins.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
# The 15 minutes run from the lockout: a refused attempt neither extends it nor is written down.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The admin's login page with the message in the staff's language, not a bare text page.
AXES_LOCKOUT_CALLABLE = "regionportal.base.logins.lockout_response"
# Behind N reverse proxies the client is the Nth address from the right in X-Forwarded-For;
# 0 (no proxy) uses the connection's address, so a client cannot claim another.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "regionportal.base.logins.client_address"
# Log lines name the username and address (axes masks both by default); never the password.
AXES_SENSITIVE_PARAMETERS = []
# Every failed login stays in the admin (Access failures), not only the running counts.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# A staff session ends 8 hours after login and when the browser closes: a login left open on a
# shared or lost computer does not stay open for the default two weeks.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# The read-only JSON API at /api/v1/ (regionportal/api_urls.py).
REST_FRAMEWORK = {
    # Anyone may read; the viewsets are read-only, so nothing else is offered.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # No sessions or tokens: the API is public and never writes.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    # JSON only: the browsable API needs scripts and styles that the CSP would block.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # An unknown ?format= is a 400 naming it, as any other bad parameter.
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "regionportal.base.api_defaults.ContentNegotiation",
    # Page links (next/previous); a bad page or page size is a 400 that names it.
    "DEFAULT_PAGINATION_CLASS": "regionportal.base.api_defaults.PageNumberPagination",
    # The same FilterSets as the pages' filter forms.
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Money and other decimals as strings ("1598948.00"): exact, never a float.
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Savinjska region portal API",
    "DESCRIPTION": (
        "Read-only open data of the Savinjska regional development agency (RASR): published "
        "projects with their partners and budgets, organisations, pillars, vision goals, "
        "programmes and municipalities. Texts come in Slovenian and English side by side; "
        "amounts in EUR are strings with two decimals."
    ),
    "VERSION": "1.0.0",
    # 3.1 is JSON Schema proper: a record that may be null is "oneOf: [record, null]".
    "OAS_VERSION": "3.1.0",
    # /api/v1/schema describes the endpoints, not itself.
    "SERVE_INCLUDE_SCHEMA": False,
}

# Tables with a caption, header scopes, aria-sort and paging that keeps the filters.
DJANGO_TABLES2_TEMPLATE = "includes/_table.html"

# Every asset is served by the portal itself: no CDN, no outside fonts, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # The object storage's origin where the uploaded images come from there.
    "img-src": [CSP.SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# No page of the portal uses a powerful browser feature, so each is off, for embedded frames
# too. The list is what Chromium knows: a feature it does not know only adds a console warning.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "captured-surface-control",
        "clipboard-read",
        "clipboard-write",
        "compute-pressure",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "keyboard-map",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "speaker-selection",
        "storage-access",
        "sync-xhr",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "regionportal",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        # Django's, reusing its Redis clients (regionportal/base/cache_backends.py).
        "BACKEND": "regionportal.base.cache_backends.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        # A Redis that does not answer fails the request (and /health/) within two seconds,
        # instead of holding the worker until the operating system gives up.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }

# The whole-page cache for anonymous visitors (regionportal.base.page_cache);
# DJANGO_PAGE_CACHE=off turns it off, e.g. to measure the pages themselves.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# Downloads too large for the cache (a list's export of many thousand rows) are kept as files
# in this folder, each app server's own, at most this many bytes of them
# (regionportal.base.kept_files).
PAGE_CACHE_FILES_DIR = Path(
    os.environ.get("DJANGO_PAGE_CACHE_FILES_DIR", BASE_DIR / "var" / "page-cache")
)
PAGE_CACHE_FILES_MAX_BYTES = env_int("DJANGO_PAGE_CACHE_FILES_MAX_MB", 2048) * 2**20

# Background tasks (Django's tasks framework) queued in the database: a spreadsheet import too
# large for one request runs in `manage.py db_worker`, which gunicorn starts beside itself
# (regionportal/gunicorn.conf.py) and `make run` beside the development server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The time on every line: failed and refused logins are read from the log.
    "formatters": {"timed": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "timed"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint logs each step of every PDF it builds at INFO; its warnings still show.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
