"""Settings for Exchange Portal.

Every value that differs between machines comes from an environment variable (see
.env.example). Development and production differ only by those variables.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="dev-only-insecure-key-change-me" if DEBUG else environ.Env.NOTSET,
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so it can patch the ModelAdmins.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "django_countries",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_celery_beat",
    "health_check",
    # The project's apps, bottom layer first (README, Architecture; pyproject.toml's contract).
    "notifications",
    "jobs",
    "devmail",
    "formats",
    "programs",
    "accounts",
    "workshops",
    "participants",
    "delegations",
    "cohorts",
    "rosters",
    "reports",
    "bureau",
    "mailings",
    "aftercare",
    # Applications by organizations: above the Online Bureau, whose verified requesters apply.
    "applications",
    "exhibitions",
    "meetings",
    # The top layer: the admin pages composed across apps, and the demo data.
    "backoffice",
    "demo",
    "record",
    # The read-only open-data API (record/api.py) and its OpenAPI schema and docs, served from static.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "exchange_portal.middleware.RefuseNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor (TOTP) for staff: who must use it is TWO_FACTOR_REQUIRED (accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "exchange_portal.urls"
WSGI_APPLICATION = "exchange_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "exchange_portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    # PostgreSQL's default random_page_cost (4) prices a row read through an index as on a spinning
    # disk; the portal's tables sit in memory or on SSD, where 1.1 is the usual setting. With 4 the
    # planner counts the officials matching a common name in the admin ("kim": 1 in 7) by reading
    # every search key instead of the trigram index (participants 0011): at 100,000 officials
    # 70-80 ms instead of 15-20 ms.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _page_cost = env.float("DATABASE_RANDOM_PAGE_COST", default=1.1)
    _options["options"] = f"{_options.get('options', '')} -c random_page_cost={_page_cost}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend reading the signed-in account from the cache on each request (accounts/backends.py).
    "accounts.backends.CachedModelBackend",
    # Sessions signed in before CachedModelBackend came name this one: they stay signed in.
    "django.contrib.auth.backends.ModelBackend",
]
# OWASP ASVS level 1: length of at least 12, common passwords refused, no composition rules.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# --- Languages ------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ko", _("Korean")),
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    ("zh-hant", _("Traditional Chinese")),
    ("ja", _("Japanese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
# Each language's date, time and number forms: Django's, corrected where they mix forms on one
# page (formats/conf/<lang>/formats.py; formats/dates.py).
FORMAT_MODULE_PATH = ["formats.conf"]
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# --- Static and media -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap comes from the npm registry (package.json), installed by `make`.
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    # KRDS (the government's design system): its design tokens and icons.
    ("vendor/krds/css", BASE_DIR / "node_modules" / "krds-uiux" / "resources" / "css" / "token"),
    ("vendor/krds/img", BASE_DIR / "node_modules" / "krds-uiux" / "resources" / "img"),
    # Pretendard GOV (Korean, Latin) and Pretendard JP, split into unicode-range subsets.
    ("vendor/pretendard-gov", BASE_DIR / "node_modules" / "pretendard-gov" / "dist" / "web" / "variable"),
    ("vendor/pretendard-jp", BASE_DIR / "node_modules" / "pretendard-jp" / "dist" / "web" / "variable"),
]
# Noto Sans SC/TC come in nine weights; only the two the pages use (400, 700) are served
# (exchange_portal/staticfinders.py), which keeps collectstatic from copying 290 MB.
STATIC_VENDOR_SUBSETS = [
    (
        f"vendor/noto-sans-{script}",
        BASE_DIR / "node_modules" / "@fontsource" / f"noto-sans-{script}",
        [
            "400.css",
            "700.css",
            "files/*-400-normal.woff2",
            "files/*-400-normal.woff",
            "files/*-700-normal.woff2",
            "files/*-700-normal.woff",
        ],
    )
    for script in ("sc", "tc")
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "exchange_portal.staticfinders.VendorSubsetFinder",
]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Every stored document (certificates, letters, exports, reports, nomination letters, agreement
# documents) lives in the "private" storage, which nothing serves: only permission-checked views
# read it (jobs/storage.py). MEDIA_ROOT keeps only public files (organization logos, event photos, library reports).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
PRIVATE_STORAGE_BACKEND = env.str("PRIVATE_STORAGE_BACKEND", default="jobs.storage.PrivateStorage")
# With nginx: a location marked `internal` that maps this prefix onto PRIVATE_MEDIA_ROOT; the
# views then only check who asks and answer with X-Accel-Redirect (empty: Django sends the file).
PRIVATE_MEDIA_ACCEL_REDIRECT = env.str("PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
# Delegations: how long a nominee's invitation link stays valid, and the largest nomination letter.
DELEGATIONS_INVITATION_DAYS = env.int("DELEGATIONS_INVITATION_DAYS", default=14)
DELEGATIONS_LETTER_MAX_BYTES = env.int("DELEGATIONS_LETTER_MAX_BYTES", default=5 * 1024 * 1024)
# Online Bureau attachments: each file's size limit and how many one form may carry.
BUREAU_ATTACHMENT_MAX_BYTES = env.int("BUREAU_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
BUREAU_ATTACHMENT_MAX_FILES = env.int("BUREAU_ATTACHMENT_MAX_FILES", default=5)
# Under runserver (the embedded default) static files come straight from the app and vendor
# folders; everywhere else, production and `make run` with real services alike, from the
# collected, hashed and compressed STATIC_ROOT, so a broken collectstatic shows before deploy.
STATIC_FROM_APPS = env.bool("STATIC_FROM_APPS", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": PRIVATE_STORAGE_BACKEND},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if STATIC_FROM_APPS
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# More than one machine: with STORAGE_S3_BUCKET set, uploaded and generated files live in an
# S3-compatible object storage (django-storages with boto3) that every web process and worker
# reaches, instead of MEDIA_ROOT and PRIVATE_MEDIA_ROOT on one machine's disk. Public media under
# the prefix "media/", private documents under "private/" (or in STORAGE_S3_PRIVATE_BUCKET); the
# keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role), as boto3 reads them.
STORAGE_S3_BUCKET = env.str("STORAGE_S3_BUCKET", default="")
if STORAGE_S3_BUCKET:
    _s3 = {
        "bucket_name": STORAGE_S3_BUCKET,
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or None,
        "signature_version": "s3v4",
        "default_acl": None,  # the bucket's own policy decides; nothing is made public by an upload
        "file_overwrite": False,  # a name taken gets a new one, as on local disk
    }
    STORAGE_S3_MEDIA_DOMAIN = env.str("STORAGE_S3_MEDIA_DOMAIN", default="")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "media",
            # Public media (logos, photos) through a public domain (a CDN or a public-read prefix)
            # when one is given; otherwise by links signed for a day (the bucket stays private).
            "custom_domain": STORAGE_S3_MEDIA_DOMAIN or None,
            "querystring_auth": not STORAGE_S3_MEDIA_DOMAIN,
            "querystring_expire": env.int("STORAGE_S3_MEDIA_URL_SECONDS", default=24 * 60 * 60),
        },
    }
    STORAGES["private"] = {
        "BACKEND": "jobs.storage_s3.PrivateS3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": env.str("STORAGE_S3_PRIVATE_BUCKET", default="") or STORAGE_S3_BUCKET,
            "location": "private",
            "querystring_auth": True,
        },
    }
# Private files in object storage reach the browser through the checking view, which streams
# them (default), or, with this set, answers the checked request with a redirect to a link signed
# for PRIVATE_MEDIA_S3_REDIRECT_SECONDS (the bytes then go straight from the object storage).
PRIVATE_MEDIA_S3_REDIRECT = env.bool("PRIVATE_MEDIA_S3_REDIRECT", default=False)
PRIVATE_MEDIA_S3_REDIRECT_SECONDS = env.int("PRIVATE_MEDIA_S3_REDIRECT_SECONDS", default=60)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email ----------------------------------------------------------------------
# EMAIL_URL chooses how mail leaves (smtp:// in production). Without it, development keeps
# every email in a local mailbox, readable at /dev/mail/ (devmail); production prints them.
email_url = env.str("EMAIL_URL", default="")  # lower case: not a setting, it may hold a password
if email_url or not DEBUG:
    vars().update(environ.Env.email_url_config(email_url or "consolemail://"))
else:
    EMAIL_BACKEND = "devmail.backend.MailboxBackend"
DEV_MAIL_DIR = env.path("DEV_MAIL_DIR", default=BASE_DIR / "var" / "mail")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Exchange Portal <noreply@exchange-portal.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A stuck SMTP server must not hold a worker forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)

# --- Celery ---------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
# With no broker every task runs in-process (the embedded default of `make run`).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
# Even an eager task takes a producer from the pool: an in-memory transport keeps that from
# announcing a fallback to an AMQP server on localhost.
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="exchange_portal")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=14 * 60)
# Countdowns stay far below this, so Redis never redelivers a task that is merely waiting.
# One immediate reconnect and a short connect timeout make a publish to a dead Redis fail
# fast (the notification outbox catches up later) instead of holding a web request.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "socket_connect_timeout": 2,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Every periodic job is a django-celery-beat row created by a migration (reports 0002,
# rosters 0003) and editable in the admin; there is deliberately no CELERY_BEAT_SCHEDULE.
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- Forms ----------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# History is for reading: seats and statuses change only through participants.services.
SIMPLE_HISTORY_REVERT_DISABLED = True

# --- Two-factor authentication -----------------------------------------------------
# "superusers" (default): superusers must enrol an authenticator app and type its code once per
# session before any page; "staff": every staff member; "off".
TWO_FACTOR_REQUIRED = env.str("TWO_FACTOR_REQUIRED", default="superusers")
if TWO_FACTOR_REQUIRED not in {"superusers", "staff", "off"}:
    raise ImproperlyConfigured('TWO_FACTOR_REQUIRED must be "superusers", "staff" or "off".')
OTP_TOTP_ISSUER = "Exchange Portal"

# --- Rosters (exports and delegate-list imports) ------------------------------------
# Exports up to this many rows download at once; larger ones run as a Celery job.
ROSTERS_SYNC_MAX_ROWS = env.int("ROSTERS_SYNC_MAX_ROWS", default=2000)
ROSTERS_PROGRESS_EVERY = env.int("ROSTERS_PROGRESS_EVERY", default=1000)
ROSTERS_EXPORT_TTL_HOURS = env.int("ROSTERS_EXPORT_TTL_HOURS", default=48)
# Delegate lists up to this many rows are previewed within the request; longer ones by a worker.
ROSTERS_IMPORT_SYNC_MAX_ROWS = env.int("ROSTERS_IMPORT_SYNC_MAX_ROWS", default=200)
ROSTERS_IMPORT_MAX_BYTES = env.int("ROSTERS_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
# Every uploaded spreadsheet (delegate and nominee lists) is checked against these before any
# parser reads it (jobs/spreadsheet_limits.py): a file past one is refused, naming the limit.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=ROSTERS_IMPORT_MAX_BYTES)
IMPORT_MAX_UNCOMPRESSED_BYTES = env.int("IMPORT_MAX_UNCOMPRESSED_BYTES", default=50 * 1024 * 1024)
IMPORT_MAX_ZIP_MEMBERS = env.int("IMPORT_MAX_ZIP_MEMBERS", default=100)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20_001)  # the header and 20,000 delegates
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=60)
IMPORT_MAX_CELL_CHARS = env.int("IMPORT_MAX_CELL_CHARS", default=2000)

# --- Notifications and reports (issue 6) -------------------------------------------
# Retries back off as BASE, 2*BASE, 4*BASE ... up to MAX seconds; a row is failed for good
# after MAX_ATTEMPTS. A "sending" claim older than SENDING_STALE_SECONDS belongs to a dead
# worker (it must exceed EMAIL_TIMEOUT and the send task's 90 s time limit); the drain
# re-publishes rows that waited DRAIN_AFTER_SECONDS without a task.
NOTIFICATION_RETRY_BASE_SECONDS = env.float("NOTIFICATION_RETRY_BASE_SECONDS", default=10)
NOTIFICATION_RETRY_MAX_SECONDS = env.float("NOTIFICATION_RETRY_MAX_SECONDS", default=1800)
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=8)
NOTIFICATION_SENDING_STALE_SECONDS = env.float("NOTIFICATION_SENDING_STALE_SECONDS", default=600)
NOTIFICATION_DRAIN_AFTER_SECONDS = env.float("NOTIFICATION_DRAIN_AFTER_SECONDS", default=120)
# A worker keeps its SMTP connection open between messages (notifications/smtp.py) while it is
# used again within this many seconds (a batch or a drain); 0 opens one connection per message.
NOTIFICATION_SMTP_IDLE_SECONDS = env.float("NOTIFICATION_SMTP_IDLE_SECONDS", default=30)
# Many notices queued at once (a cohort message, survey invitations) go to the workers in tasks of
# this many rows: one claim (SELECT ... FOR UPDATE SKIP LOCKED) for all, each still fenced and marked.
NOTIFICATION_BATCH_SIZE = env.int("NOTIFICATION_BATCH_SIZE", default=50)
# Participants whose registrations all ended longer ago than this are anonymised (counts stay).
PERSONAL_DATA_RETENTION_DAYS = env.int("PERSONAL_DATA_RETENTION_DAYS", default=5 * 365)

# --- Security (production: DEBUG=0) ----------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Under runserver WhiteNoise serves straight from the app and vendor folders (see STORAGES).
WHITENOISE_USE_FINDERS = STATIC_FROM_APPS
WHITENOISE_AUTOREFRESH = STATIC_FROM_APPS

# --- Accounts: sign-up throttling and password reset (issue 3) ---------------------
# Sign-up and "resend verification" counters must be shared by every web process, so they
# live in Redis when it is configured; axes throttles the login itself.
# The default cache holds rendered public fragments and sessions (cached_db), shared by
# every web process through Redis; without REDIS_URL it is per-process memory.
CACHES = {
    "default": (
        {
            "BACKEND": "exchange_portal.cache.RedisCache",
            "LOCATION": env.str("CACHE_URL", default="") or REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="portal"),
            # A dead Redis must cost a page a moment, not a worker (exchange_portal/cache.py).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"}
    ),
    "throttle": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "throttle"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}
    ),
}
# Sessions are read from the cache and written through to the database: a signed-in request
# costs no session query, and a flushed cache signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Seconds a rendered public fragment lives at most; any edit of what it shows replaces it at once
# (workshops/public_cache.py), so this bounds only what no edit announces (time passing).
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=600)
# Seconds an official's registration page is kept at most (participants/page_cache.py); edits of
# what it shows replace it at once, this bounds what a write in bulk might not announce.
REGISTER_PAGE_CACHE_SECONDS = env.int("REGISTER_PAGE_CACHE_SECONDS", default=300)
# Seconds a signed-in account is kept at most (accounts/backends.py); every save replaces it at once.
ACCOUNT_CACHE_SECONDS = env.int("ACCOUNT_CACHE_SECONDS", default=3600)
SIGNUP_RATE_LIMIT = env.int("SIGNUP_RATE_LIMIT", default=20)  # sign-up attempts per IP address per hour
PASSWORD_RESET_TIMEOUT = 2 * 3600  # reset links are short-lived (OWASP ASVS 2.5)
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Django's login form posts the email as "username"; axes would otherwise look for "email"
# (USERNAME_FIELD) and record every failure without the account it was aimed at.
AXES_USERNAME_FORM_FIELD = "username"
# Cut a typed name to an address's 254 characters before axes records it (accounts/lockout.py).
AXES_USERNAME_CALLABLE = "accounts.lockout.attempt_username"

# The open-data API (record/api.py): read-only, anonymous, JSON, paginated, throttled per client.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_RATE", default="600/hour")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Exchange Portal open data",
    "DESCRIPTION": "Organizations, programs, occurrences with their agenda, public agreements and participation "
    "counts. Read-only; no personal data. Content in the language of Accept-Language or ?lang=.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"DatePrecisionEnum": "programs.models.DatePrecision"},
}

# --- The portal's frame: who runs it and how to reach them (issue 19) ------------------
# Named in every page's header and footer and in the staff admin. Unset, the demo's host
# bodies, translated; set (comma-separated), the names as written.
PORTAL_HOST_ORGANIZATIONS = env.list(
    "PORTAL_HOST_ORGANIZATIONS",
    default=[_("Governors Association of Korea (GAOK)"), _("Ministry of Foreign Affairs")],
)
PORTAL_CONTACT_EMAIL = env.str("PORTAL_CONTACT_EMAIL", default="exchange@example.org")
PORTAL_CONTACT_PHONE = env.str("PORTAL_CONTACT_PHONE", default="+82 2-000-0000")

# --- Content-Security-Policy (django-csp; issue 15) -------------------------------------
# Strict: scripts, styles, fonts and images only from this site's own static files, no inline
# script or style anywhere (templates link static files instead), nothing framed. `data:` images
# are Bootstrap's own form icons, written into its stylesheet. Browsers send what a policy
# blocked to /csp-report/ (exchange_portal/csp_report.py), which logs it.
CSP_REPORT_PATH = "/csp-report/"
_MEDIA_ORIGINS = []
if STORAGE_S3_BUCKET:
    _options = STORAGES["default"]["OPTIONS"]
    if _options["custom_domain"]:
        _MEDIA_ORIGINS = [f"https://{_options['custom_domain']}"]
    else:
        _MEDIA_ORIGINS = [_options["endpoint_url"] or "https://*.amazonaws.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Plus, by hash, the three style attributes third-party admin templates write
        # (django-import-export's export form, django-simple-history's list): nothing else inline.
        "style-src": [
            SELF,
            "'unsafe-hashes'",
            "'sha256-mHgUAqxc8GPXM/QhzkHrHujcrQTU9fd6ZjWz+icxKcA='",  # padding: 0;
            "'sha256-+YWRMZ88jMyO7jVlBA52tZADiPobPIUA8LAWee68Fvs='",  # font-weight: bold;
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",  # border-top: 0
        ],
        # Public media from the object storage are images on another origin (see STORAGES).
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": CSP_REPORT_PATH,
    },
}
