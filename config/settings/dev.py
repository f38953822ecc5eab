"""Local development: DEBUG on, plain HTTP, a throwaway secret key."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-not-secret-" + "x" * 40)
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *  # noqa: E402, F403

# runserver serves static files from the apps' and project's static folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
