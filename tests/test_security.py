"""Security headers, cookies, CSRF, redirects and the deployment checklist."""

import subprocess
import sys

import pytest
from django.test import Client, override_settings

from tests.factories import make_speech

pytestmark = pytest.mark.django_db

PAGES = ["/", "/speeches/", "/resolutions/", "/claims/", "/search/?q=arms", "/no-such-page/"]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def observatory_score(response) -> int:
    """Score headers the way Mozilla's HTTP Observatory (v2) does, for the tests
    it can judge from one response: 100, plus or minus each modifier."""
    score = 100
    csp = csp_directives(response.get("Content-Security-Policy", ""))
    if not csp:
        score -= 25
    else:
        scripts = csp.get("script-src", csp.get("default-src", []))
        if "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts:
            score -= 20
        elif csp.get("default-src") == ["'none'"]:
            score += 10
        else:
            score += 5
    referrer = response.get("Referrer-Policy", "")
    if referrer in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        score += 5
    hsts = response.get("Strict-Transport-Security", "")
    if not hsts:
        score -= 20
    elif "preload" in hsts:
        score += 5
    if response.get("X-Content-Type-Options") != "nosniff":
        score -= 5
    if csp.get("frame-ancestors") in (["'none'"], ["'self'"]):
        score += 5
    elif response.get("X-Frame-Options") not in {"DENY", "SAMEORIGIN"}:
        score -= 20
    return score


@pytest.fixture
def https_client():
    """A client speaking HTTPS, as production traffic does behind the proxy."""
    with override_settings(SECURE_HSTS_SECONDS=63072000, SECURE_HSTS_PRELOAD=True, SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        yield Client()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_the_security_headers(https_client, path):
    make_speech()
    response = https_client.get(path, secure=True)
    assert response.status_code in {200, 404}
    csp = csp_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in csp["script-src"]
    assert any(source.startswith("'nonce-") for source in csp["script-src"])
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "max-age=63072000" in response["Strict-Transport-Security"]
    assert observatory_score(response) >= 115


def test_each_response_gets_a_fresh_nonce(client):
    first = client.get("/")["Content-Security-Policy"]
    second = client.get("/")["Content-Security-Policy"]
    assert first != second


def test_admin_login_form_is_csrf_protected():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_admin_login_never_redirects_off_site(client, django_user_model, target):
    django_user_model.objects.create_user("curator", password="a long passphrase 123", is_staff=True)
    response = client.post(
        f"/admin/login/?next={target}",
        {"username": "curator", "password": "a long passphrase 123", "next": target},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-unguessable-" + "q7Z" * 12,
        "DJANGO_ALLOWED_HOSTS": "sanctions.example.org",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("path", ["/search/?q=a%00b", "/claims/?actor=%00", "/speeches/x%00/"])
def test_null_bytes_get_a_400_not_a_database_error(client, path):
    assert client.get(path).status_code in {400, 404}
