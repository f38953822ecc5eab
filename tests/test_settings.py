"""Settings read from the environment land where Django reads them."""

import subprocess
import sys

from django.conf import settings


def settings_in_subprocess(env: dict[str, str], expression: str) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    base["DJANGO_SECRET_KEY"] = "s" * 50
    result = subprocess.run([sys.executable, "-c", code], env=base | env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_connection_reuse_is_configured_inside_the_database_entry():
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert not hasattr(settings, "CONN_MAX_AGE")


def test_database_url_selects_postgresql():
    engine = settings_in_subprocess(
        {"DATABASE_URL": "postgres://u:p@db.internal:5432/sne", "DJANGO_CONN_MAX_AGE": "300"},
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['CONN_MAX_AGE']",
    )
    assert engine == "django.db.backends.postgresql 300"


def test_production_defaults_are_secure():
    values = settings_in_subprocess(
        {},
        "settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_NAME, settings.SECURE_SSL_REDIRECT",
    )
    assert values == "False True __Host-sessionid True"
