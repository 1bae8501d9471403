import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.integration  # starts manage.py processes


OBJECT_STORAGE = {
    "STORAGE_S3_BUCKET": "portal-files",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
    "AWS_S3_REGION_NAME": "kr-central-1",
    "PRIVATE_MEDIA_S3_REDIRECT": "1",
}


@pytest.mark.parametrize("files", [{}, OBJECT_STORAGE], ids=["local-files", "object-storage"])
def test_production_settings_pass_check_deploy_without_warnings(collected_static, files):
    env = {
        "STATIC_ROOT": str(collected_static),  # what `make deploy-assets` collected
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "exchange_portal.settings",
        "DEBUG": "0",
        "SECRET_KEY": "a-production-like-secret-key-with-enough-length-and-variety-0123456789-!@#",
        "ALLOWED_HOSTS": "portal.example.org",
        "SITE_URL": "https://portal.example.org",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        **files,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    if files:  # the settings did take the object storage
        shown = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from django.core.files.storage import storages; "
                "print(type(storages['private']).__name__, type(storages['default']).__name__); "
                "from django.conf import settings; "
                "print(*settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        storages_line, img_src = shown.strip().splitlines()[-2:]
        assert storages_line.split() == ["PrivateS3Storage", "S3Storage"]
        # Media come from the object storage by signed links: pages may show those images.
        assert img_src.split() == ["'self'", "data:", "https://objects.example.org"]


def test_production_without_secret_key_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "exchange_portal.settings", "DEBUG": "0"})
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
