"""Settings shared by every environment; everything deployment-specific comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Local state of the embedded default (SQLite, broker files, media): never committed.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so that their templates and translations win.
    "portal",
    "accounts",
    "assets",
    "outbox",
    "home",
    "news",
    "documents",
    "qa",
    "search",
    "workflows",
    "royalties",
    "reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    # Wagtail's users app with the head's account management (accounts.user_admin).
    "accounts.users_app.BoardUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Security (issue 8): two-factor devices and failed-login lockout.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    # First: an anonymous visitor's page from the page cache skips everything below (issue 18).
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Size caps, and control characters refused or removed on the public site (issue 16).
    "portal.middleware.HostileInputMiddleware",
    # The site and the page route of a public request from the cache (issue 18).
    "portal.middleware.CachedSiteAndRouteMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.AdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A publication refused by the regulation's rules becomes a message, not an error page.
    "workflows.middleware.PublicationRefusedMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: PostgreSQL in production through DATABASE_URL; the embedded default is a SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (the embedded default, and any sqlite:// DATABASE_URL) under concurrent writers: WAL lets
# readers go on while one writes; IMMEDIATE transactions take the write lock at BEGIN, so a
# writer waits its turn (up to `timeout` seconds) instead of failing with "database is locked"
# when its read lock cannot be upgraded.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Custom models decided before the first migration: swapping them later is costly.
AUTH_USER_MODEL = "accounts.User"
WAGTAILIMAGES_IMAGE_MODEL = "assets.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.PortalDocument"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first, served at the root; English under /en/.
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
# The project's own catalog comes first (PORTAL_LOCALE_DIR lets the catalog check extract
# messages into a scratch copy). Then our Vietnamese translations of the installed packages'
# catalogs (Wagtail ships ~15% of its admin in Vietnamese), one folder per package, which Django
# reads before the packages' own catalogs.
LOCALE_PATHS = [Path(os.environ.get("PORTAL_LOCALE_DIR", BASE_DIR / "locale"))] + sorted(
    (BASE_DIR / "locale" / "overrides").glob("*/")
)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail does not offer Vietnamese for its admin by default; our editors read Vietnamese.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Asia/Ho_Chi_Minh"]
# Dates read back exactly as the admin shows them (dd/mm/yyyy): the admin widgets and their JS
# picker write these formats, and portal/formats/<lang>/formats.py lists each one first among
# the input formats, with no month-first format at all (10/09 is 10 September, never 9 October).
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# Static and media files: served by the project itself (no CDN).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Complex page editors exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request size caps (issue 16, item 8), checked by portal.middleware.HostileInputMiddleware on the
# Content-Length before anything is read. Django's own limits cover only form fields kept in
# memory, not uploaded file parts, which it streams to disk however large. The public site takes
# no files: 256 KB holds the longest question. The admin's cap sits above the largest upload
# Wagtail accepts (documents 20 MB, images 10 MB, see WAGTAILDOCS_MAX_UPLOAD_SIZE below), so
# Wagtail's own message still explains a document that is too large. nginx in front: set
# `client_max_body_size 32m;` (see docs/security.md).
PORTAL_PUBLIC_MAX_REQUEST_SIZE = 256 * 1024
PORTAL_ADMIN_MAX_REQUEST_SIZE = 32 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields kept in memory (Django's default, now explicit)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file

# Cache: Redis when REDIS_URL is set (shared between web processes), else local memory.
# The site must keep serving while Redis is down (issue 16): the backend treats an unavailable
# Redis as an empty cache (portal/cache.py), and short socket timeouts bound what a dead server
# costs a request. Sessions are in the database, never only in the cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The anonymous page cache and the versions of what invalidates it (portal.page_cache, issue 18):
# shared by every process, the Celery worker included, whose scheduled publications must reach
# the web processes at once. Redis when there is one; on the embedded default a file cache
# under var/ (local memory would be private to each process).
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "portal-pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
# PORTAL_PAGE_CACHE=0 turns the page cache off (bench/load.sh measures both).
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", True)
# An entry lives at most this long (and never past local midnight); changes forget it before.
PORTAL_PAGE_CACHE_TIMEOUT = int(os.environ.get("PORTAL_PAGE_CACHE_TIMEOUT", "3600"))
# How long an HTTP cache in front (nginx, Varnish, a CDN) may keep a page without asking again
# (`s-maxage`). Purges make a publication visible at once on the pages it affects; this bounds
# the rest (a settings change, a paginated list), so one second keeps "a publish is visible
# within one second" true even without purging.
PORTAL_PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PORTAL_PAGE_CACHE_SHARED_MAX_AGE", "1"))
# Purged in front with the pages a change affects (the sitemap index, its first section, the feed).
PORTAL_PAGE_CACHE_FEED_PATHS = ["/sitemap.xml", "/sitemap-pages.xml", "/tin-tuc/rss/"]
# An HTTP cache in front that accepts PURGE requests (docs/operations.md, "Page cache"), e.g.
# FRONTEND_CACHE_URL=http://127.0.0.1:8080 for the nginx of docs/deploy/nginx-cache.conf.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Celery: Redis in production; without REDIS_URL a broker that needs no server (kombu's
# filesystem transport under var/), so the embedded default still runs a real worker and beat.
CELERY_BROKER_DIR = VAR_DIR / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL)
    # A request that enqueues a task while Redis is down must fail fast (the outbox keeps the
    # e-mail for the sweep): one-second connects, and two quick publish retries, not Celery's
    # default of three with a four-second connect each.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 5}
    CELERY_BROKER_CONNECTION_TIMEOUT = 1
    CELERY_TASK_PUBLISH_RETRY_POLICY = {
        "max_retries": 2,
        "interval_start": 0,
        "interval_step": 0.2,
        "interval_max": 0.5,
    }
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
else:
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", f"file://{CELERY_BROKER_DIR / 'results'}")
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        # Remote-control messages (ping, shutdown) would otherwise land in the working directory.
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Periodic tasks; each app's issue adds its entries here.
CELERY_BEAT_SCHEDULE = {
    # Deadline alerts (Điều 8), local time (CELERY_TIMEZONE). Each task sends nothing on a day off
    # and nothing twice, so the schedules can fire every day and safely more than once.
    "workflows-morning-digest": {
        "task": "workflows.tasks.send_morning_digest",
        "schedule": crontab(hour=7, minute=30),
    },
    "workflows-question-reminders": {
        "task": "workflows.tasks.send_question_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "workflows-no-update-alert": {
        "task": "workflows.tasks.send_no_update_alert",
        "schedule": crontab(hour=16, minute=0),
    },
    # Wagtail's go_live_at / expire_at, carried out by Celery instead of cron (issue 4).
    "publish-scheduled-pages": {
        "task": "workflows.tasks.publish_scheduled_pages",
        "schedule": crontab(minute="*"),
        # A tick not picked up within the minute is superseded by the next one.
        "options": {"expires": 55},
    },
}
# E-mails left unsent by a stopped broker or a failing mail server (the outbox app).
CELERY_BEAT_SCHEDULE["outbox-send-pending-emails"] = {"task": "outbox.tasks.send_pending_emails", "schedule": 300}

# E-mail (docs/operations.md, "E-mail"): everything sent with Django's mail API is written to the
# outbox, in the transaction of the event it reports; Celery then hands it to the real backend,
# The first retry of an e-mail the mail server refused comes after up to this many seconds, each
# next one after twice as long (at most an hour; 12 retries, then the beat sweep keeps trying).
OUTBOX_RETRY_BACKOFF_SECONDS = 30
# OUTBOX_DELIVERY_BACKEND: SMTP when EMAIL_HOST is set, else the console (or the environment's).
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    OUTBOX_DELIVERY_BACKEND = os.environ.get(
        "OUTBOX_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ban biên tập xã Tân Cương <bbt@tancuong.gov.vn>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Trang thông tin điện tử xã Tân Cương")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# PostgreSQL has no Vietnamese text-search configuration and neither `simple` nor `english` folds
# diacritics: `portal_unaccent` (home/migrations/0003) does, for search and autocomplete alike.
# SQLite ignores SEARCH_CONFIG; search.services folds the text itself there.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "portal_unaccent"}}
# No avatars from Gravatar: it would send editors' e-mail hashes abroad and fails offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Keep the admin's password reset for board members (personal accounts, Điều 6).
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.PortalLoginForm"

# Residents' questions (DESIGN §6, §8): flood limits per client address, kept in the cache.
QA_SUBMISSIONS_PER_IP = int(os.environ.get("QA_SUBMISSIONS_PER_IP", "5"))
QA_SUBMISSION_WINDOW = 3600  # seconds
QA_LOOKUPS_PER_IP = int(os.environ.get("QA_LOOKUPS_PER_IP", "30"))
QA_LOOKUP_WINDOW = 600  # seconds
# A person needs a few seconds to write a question; a bot posts at once. A form older than a day
# is refused too (its token is replayable otherwise).
QA_FORM_MIN_SECONDS = int(os.environ.get("QA_FORM_MIN_SECONDS", "3"))
QA_FORM_MAX_AGE = 24 * 3600
# One address gets at most this many receipt e-mails in 24 hours (anyone can type any address in
# the form); further questions are stored but not acknowledged by e-mail (issue 16, item 8).
QA_RECEIPTS_PER_ADDRESS_PER_DAY = int(os.environ.get("QA_RECEIPTS_PER_ADDRESS_PER_DAY", "5"))
# The longest question the form takes, in characters (the request cap is 256 KB).
QA_QUESTION_MAX_LENGTH = 10_000

# The groups of DESIGN §2 and who may do what live in accounts.policy.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every background index update at INFO; only problems matter here.
        "django_tasks": {"level": "WARNING"},
    },
}

# ---------------------------------------------------------------------------------------------
# Security (issue 8, Điều 6 of the regulation; docs/security.md explains every choice)
# ---------------------------------------------------------------------------------------------
# django-axes must see every login first: it refuses a locked-out account or address before
# the password is even checked. Our backend then refuses accounts reported compromised.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.PortalModelBackend",
]
# Lockout after 5 failures, counted per account and, separately, per address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"
# Number of reverse proxies in front of gunicorn whose X-Forwarded-For entries can be trusted;
# 0 (no proxy) uses the connection's address, which a client cannot forge.
PORTAL_TRUSTED_PROXIES = int(os.environ.get("PORTAL_TRUSTED_PROXIES", "0"))

# Two-factor login: who must use it is accounts.policy.requires_two_factor; the others may enrol.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
PORTAL_RECOVERY_CODE_COUNT = 10
# An admin session left idle this long ends; the next request asks for the password again.
PORTAL_ADMIN_IDLE_TIMEOUT = int(os.environ.get("PORTAL_ADMIN_IDLE_TIMEOUT", str(30 * 60)))
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content Security Policy in every environment, so a page that breaks it fails in development
# too. The public site runs no inline script; Wagtail 8's admin still has a few inline scripts
# (inline panels, date pickers), so only /admin/ allows them (accounts.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Inline style attributes are common in rich text and Wagtail's userbar; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Wagtail's live preview shows the page in a frame of the admin itself.
        "frame-ancestors": ["'self'"],
    }
}
PORTAL_ADMIN_CSP_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}
# The admin's update check calls a server abroad; the portal makes no outside requests.
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Documents go through Wagtail's serve view (privacy rules, attachment headers, CSP), never as
# plain files of the media folder.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Media a live page uses is replaced only by the head (assets.permissions, issue 16.5).
WAGTAILIMAGES_IMAGE_FORM_BASE = "assets.forms.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "assets.forms.PortalDocumentForm"
