"""Settings, read from environment variables (every one is listed in the README).

Safe by default: DEBUG is off unless asked for, and outside debug a missing secret key stops the
app at start-up instead of running with a guessable one.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see README), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DJANGO_DEBUG"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "assessment",
    "assessment.workshops",
    "assessment.teams",
    "assessment.reports",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which answers static files with its own precompressed copies.
    "assessment.middleware.TextCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view, CSRF's check included, reads a body; after the user is known (the logo).
    "assessment.middleware.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "assessment.indexing.NoIndexMiddleware",
    "assessment.middleware.DatabaseUnavailableMiddleware",
    "assessment.middleware.NoStoreForTokensMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "assessment.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "assessment.context_processors.languages",
                "assessment.indexing.indexing",
            ],
        },
    },
]

WSGI_APPLICATION = "assessment.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default is served by several threads and the report worker at once. A write
    # waits for the lock (up to 20 s) instead of failing at once; transactions take the write lock
    # when they begin, so that two of them reading then writing cannot both be refused; and WAL lets
    # pages be read while a step is being saved.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first: the users are mostly French companies. English is complete.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "assessment" / "locale"]
# English dates written day first, as the report's readers in Europe write them.
FORMAT_MODULE_PATH = ["assessment.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end packages come from npm at install time and are served from node_modules, never
# copied into the repository.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The one stylesheet of the pages (Bootstrap's parts in use and the product's CSS), built from
    # npm packages at install time (frontend/build-css.mjs), served as css/site.css.
    ("css", BASE_DIR / "build" / "css"),
]
# Of the npm packages, only the files the pages and reports name (assessment/staticfinders.py):
# Inter's Latin subset (woff2 for browsers, woff for WeasyPrint) and htmx.
INTER_FILES = BASE_DIR / "node_modules" / "@fontsource" / "inter" / "files"
VENDOR_STATIC_FILES = [
    (
        "vendor/inter",
        INTER_FILES,
        [
            *(
                f"inter-latin-{weight}-normal.{kind}"
                for weight in (400, 600, 700)
                for kind in ("woff2", "woff")
            ),
            "inter-latin-400-italic.woff",
        ],
    ),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist", ["htmx.min.js"]),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "assessment.staticfinders.VendorFilesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workshops:dashboard"
LOGOUT_REDIRECT_URL = "assessment:home"
# Password resets and a company's private link go to the console unless an SMTP server is
# configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# A slow mail server must not hold a worker: the send gives up and the page says so.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The private link's cookie lets the home page offer "continue where you left off".
RESUME_COOKIE_NAME = "smm_resume"
RESUME_COOKIE_MAX_AGE = 60 * 60 * 24 * 180
# A random id per browser, so that peer benchmarks count each respondent once.
RESPONDENT_COOKIE_NAME = "smm_respondent"

SECURE = env_bool("DJANGO_SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
# A load balancer's health check asks over plain HTTP, and a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "assessment.views.csrf_failure"

# Every page loads only the app's own files: no inline script or style, no other origin.
# Bootstrap draws its check marks with data: SVG images; the QR code is an image of our own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The admin lives where the operator says, not where every scanner looks first.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line goes through the filter that hides private links (assessment/logs.py).
    "filters": {"scrub_secrets": {"()": "assessment.logs.ScrubSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub_secrets"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every rendering step at INFO; its warnings (a refused URL) still show.
    "loggers": {
        # The development server's request lines, through the same filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Abuse: rate limits, the visitor's address, logins, request sizes (see README, "Limits").
# Behind a reverse proxy: the header it puts the client's address in (e.g. X-Forwarded-For), and
# how many proxies of ours append to it. The address used is the one the outermost of them
# appended, counted from the right: what a visitor writes in the header themselves is ignored.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
CLIENT_IP_TRUSTED_PROXIES = int(os.environ.get("CLIENT_IP_TRUSTED_PROXIES", "1"))

# A cache shared by every app process and machine (rate limits, peer histograms, reports):
# Redis when REDIS_URL is set, otherwise a table of the database that `migrate` makes.
CACHES = {
    "default": {
        "BACKEND": "assessment.cache.DatabaseCache",
        "LOCATION": "cache_entries",
        # Past this many entries Django deletes a third of them, rate counts included.
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }
}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
# django-ratelimit vouches only for memcached and django-redis by name; Django's own Redis cache
# and the database cache above both count atomically (tests/test_shared_limits.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# Password guessing, the admin's login included: past 10 failures for one account from one
# address, that pair is refused for 15 minutes (django-axes, counted in the database).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "assessment.throttling.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "workshops/too_many_logins.html"
# Successful logins are not kept: who logged in when is not needed to stop guessing.
AXES_DISABLE_ACCESS_LOG = True

# A workshop's size, and the joins one address may make in an hour: a room of up to 300 phones
# behind one Wi-Fi by default (what the workshop load script measures). A guessed or leaked code
# cannot fill a group with thousands; a plenary raises both together (README, "A plenary").
WORKSHOP_MAX_PARTICIPANTS = int(os.environ.get("WORKSHOP_MAX_PARTICIPANTS", "300"))
WORKSHOP_JOINS_PER_ADDRESS_PER_HOUR = int(
    os.environ.get("WORKSHOP_JOINS_PER_ADDRESS_PER_HOUR", "300")
)

# Bodies larger than this are refused before they are read (413), the logo upload excepted,
# which has its own, larger limit (assessment/workshops/brand.py).
REQUEST_BODY_MAX_BYTES = int(os.environ.get("REQUEST_BODY_MAX_BYTES", str(256 * 1024)))

# Unfinished anonymous assessments are deleted after this many days without a change
# (`manage.py purge_unfinished`); finished ones stay until their respondent deletes them.
ASSESSMENT_RETENTION_DAYS = int(os.environ.get("ASSESSMENT_RETENTION_DAYS", "90"))

# Peer benchmarks. Synthetic assessments (made to demonstrate and measure the feature) stay out
# of them unless this is set.
PEER_BENCHMARKS_INCLUDE_SYNTHETIC = env_bool("PEER_BENCHMARKS_INCLUDE_SYNTHETIC")
PEER_BENCHMARKS_CACHE_SECONDS = int(os.environ.get("PEER_BENCHMARKS_CACHE_SECONDS", "3600"))

# Reports are rendered off the request path: a request puts the render in line in the database,
# and a report worker (`manage.py db_worker --queue-name reports`) renders one at a time.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["reports"]},
}
