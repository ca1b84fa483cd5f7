"""Settings for Kongtun.

One module for every environment: development defaults (SQLite, DEBUG) and production values
read from environment variables (see README, "Deployment").
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import fontpkg_sarabun
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production-0123456789")
if not DEBUG and SECRET_KEY.startswith("dev-only"):
    raise RuntimeError("Set DJANGO_SECRET_KEY in production.")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "ninja",  # serves the API docs from local static files (no CDN, no inline script)
    "django_htmx",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "kongtun.core",
    # After core, whose templates/django/forms/ replace some of Django's widget templates.
    "django.forms",
    "kongtun.accounts",
    "kongtun.areas",
    "kongtun.funds",
    "kongtun.programme",
    "kongtun.situations",
    "kongtun.plans",
    "kongtun.projects",
    "kongtun.followups",
    "kongtun.finance",
    "kongtun.reports",
    "kongtun.dashboards",
    "kongtun.search",
    "kongtun.exchange",
    "kongtun.field",
    "kongtun.webhooks",
    "kongtun.api",
    "kongtun.workspace",
]

# Forms render through the project's template loaders, so core can reword Django's widgets (an
# empty choice reads "— เลือก —", not "---------").
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kongtun.core.middleware.RefuseNulMiddleware",  # a NUL in a path, query or field: 400 / API 422
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",  # a refused login gets RATELIMIT_VIEW (429)
]

ROOT_URLCONF = "kongtun.urls"
WSGI_APPLICATION = "kongtun.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kongtun.workspace.context_processors.navigation",
            ],
            "builtins": ["kongtun.core.templatetags.thai", "django.contrib.humanize.templatetags.humanize"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a long import writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Trigram and full-text search of Thai need UTF-8: test databases are made from template0
    # in UTF8 (the cluster ctype must be a UTF-8 one, such as C.UTF-8; see README).
    DATABASES["default"]["TEST"] = {"TEMPLATE": "template0", "CHARSET": "UTF8"}
# A PostgreSQL read replica takes the reads of the dashboards and search pages (kongtun/core/replica.py);
# writes and every other read stay on the primary.
DATABASE_REPLICA_PATHS = ("/dashboards/", "/search/", "/api/v1/dashboards/", "/api/v1/search/")
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["kongtun.core.replica.ReplicaRouter"]
    MIDDLEWARE.insert(0, "kongtun.core.replica.ReplicaReadsMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["kongtun.accounts.backends.UsernameOrEmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "workspace:home"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]

TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [("fonts", Path(fontpkg_sarabun.ROOT) / "files")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if os.environ.get("DJANGO_S3_BUCKET"):
    # Photos on S3-compatible object storage (MinIO, or a cloud's). The bucket stays private: the
    # photo view checks access and sends the browser to a link signed for a few minutes, so the
    # endpoint must be an address both this server and the users' browsers reach.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "addressing_style": "path",  # MinIO's default; clouds accept it too
            "signature_version": "s3v4",
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("DJANGO_S3_URL_SECONDS", "300")),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
# Phone photos are large; the follow-up photo validator gives the Thai message before this limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs (django-tasks, the backport of Django 6's tasks framework). The embedded default
# runs a job at once in the request; production stores jobs in the database for `manage.py db_worker`.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("DJANGO_TASK_BACKEND", "immediate")]}}

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
# Where links in e-mails lead (notices and their daily digest).
KONGTUN_SITE_URL = os.environ.get("KONGTUN_SITE_URL", "http://localhost:8000")
# Webhooks to private or loopback addresses: refused unless this is 1 (tests, local development).
KONGTUN_WEBHOOKS_ALLOW_PRIVATE = os.environ.get("KONGTUN_WEBHOOKS_ALLOW_PRIVATE", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Kongtun <no-reply@localhost>")

# One cache for every worker, so rate limits hold across them: Redis when there is one, otherwise
# a table in the database (`manage.py createcachetable` makes it; the test runner does too).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "kongtun_cache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
RATELIMIT_VIEW = "kongtun.workspace.views.ratelimited"
RATELIMIT_IP_META_KEY = "kongtun.accounts.limits.client_address"
# How many proxies in front of the app append to X-Forwarded-For (0: the app faces the clients).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
LOGIN_RATE_PER_ACCOUNT = os.environ.get("DJANGO_LOGIN_RATE_PER_ACCOUNT", "10/15m")
LOGIN_RATE_PER_ADDRESS = os.environ.get("DJANGO_LOGIN_RATE_PER_ADDRESS", "30/15m")

# Content Security Policy: everything is served from this site; HTMX needs no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # HTMX sends the token from hx-headers on <body>.
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The Sarabun files used by screen pages (static) and by WeasyPrint (file paths).
SARABUN_DIR = Path(fontpkg_sarabun.ROOT) / "files"
