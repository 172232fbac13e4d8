"""A minimal Django project serving django-scim2's stock views under /scim/v2, on SQLite.

The fixture (Tests/TestSupport/DjangoSCIMFixture.swift) sets SCIMDECK_DJANGO_DB (a file in a temp
directory), SCIMDECK_DJANGO_NETLOC (127.0.0.1:port) and SCIMDECK_TEST_TOKEN."""
import os
import secrets

SECRET_KEY = secrets.token_hex(32)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
USE_TZ = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django_scim",
    "scimapp",
]
MIDDLEWARE = [
    "scimapp.bearer.BearerTokenMiddleware",
    "django_scim.middleware.SCIMAuthCheckMiddleware",
]
ROOT_URLCONF = "scimapp.urls"
AUTH_USER_MODEL = "scimapp.User"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["SCIMDECK_DJANGO_DB"],
    }
}
SCIM_SERVICE_PROVIDER = {
    "NETLOC": os.environ["SCIMDECK_DJANGO_NETLOC"],
    "SCHEME": "http",
    "GROUP_MODEL": "scimapp.models.Group",
    "GROUP_FILTER_PARSER": "scimapp.filters.GroupDisplayNameFilterQuery",
    "AUTHENTICATION_SCHEMES": [
        {
            "type": "oauthbearertoken",
            "name": "OAuth Bearer Token",
            "description": "Authentication scheme using the OAuth Bearer Token Standard",
        },
    ],
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django_scim": {"handlers": ["console"], "level": "WARNING"}},
}
