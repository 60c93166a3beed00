"""The app's settings, with what a test run needs: a throwaway secret and no build step."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-used-anywhere-else")

from assessment.settings import *  # noqa: E402, F403

# Tests read static files from their sources: no collectstatic needed before running them.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files from the finders, as the development server does.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Each test starts with an empty cache (conftest.py), tests without the database included: the
# process's own memory, unless REDIS_URL asks for Redis (tests/test_shared_cache.py). The database
# cache the app uses by default has tests of its own (tests/test_shared_limits.py).
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
