"""Production static files: fingerprinted, compressed, cached for a long time."""

from io import StringIO

from django.core.management import call_command
from django.test import Client, override_settings

MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collected_static_files_are_fingerprinted_compressed_and_cached_forever(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST, WHITENOISE_USE_FINDERS=False):
        call_command("collectstatic", "--noinput", stdout=StringIO())
        from django.contrib.staticfiles.storage import staticfiles_storage

        hashed = staticfiles_storage.url("css/site.css")
        assert hashed != "/static/css/site.css" and hashed.endswith(".css")
        assert (tmp_path / hashed.removeprefix("/static/")).with_suffix(".css.gz").exists()
        response = Client().get(hashed, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]
        assert response["Content-Encoding"] == "gzip"
