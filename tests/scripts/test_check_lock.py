"""The lock files pin every package of requirements*.txt, and keep test tools out of `make run`."""

from pathlib import Path

import pytest

from scripts import check_lock

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
TEST_ONLY = {"pytest", "pytest-django", "playwright", "factory-boy", "ruff", "import-linter", "pre-commit", "aiosmtpd"}


def test_the_lock_files_match_the_requirements():
    assert check_lock.problems(ROOT) == []


def test_the_runtime_lock_has_no_test_tools_and_the_dev_lock_has_them():
    runtime = check_lock.locked(ROOT / "requirements.lock")
    dev = check_lock.locked(ROOT / "requirements-dev.lock")
    assert TEST_ONLY & set(runtime) == set()
    assert set(dev) >= TEST_ONLY
    assert {"django", "celery", "kombu", "asgiref", "sqlparse"} <= set(runtime)  # transitive ones too


def test_an_edited_requirement_without_a_new_lock_is_reported(tmp_path):
    for name in ("requirements.lock", "requirements-dev.lock", "requirements-dev.txt"):
        (tmp_path / name).write_text((ROOT / name).read_text())
    (tmp_path / "requirements.txt").write_text(
        (ROOT / "requirements.txt").read_text().replace("Django==5.2.19", "Django==5.2.99") + "humanize==4.0\n"
    )

    assert check_lock.problems(tmp_path) == [
        "django==5.2.99 in requirements.txt but 5.2.19 in requirements.lock",
        "humanize is in requirements.txt but not in requirements.lock",
        "django==5.2.99 in requirements-dev.txt but 5.2.19 in requirements-dev.lock",
        "humanize is in requirements-dev.txt but not in requirements-dev.lock",
    ]


def test_run_sh_prints_the_demo_logins_the_demo_creates():
    from demo.samples import DEMO_PASSWORD

    run_sh = (ROOT / "scripts" / "run.sh").read_text()
    assert DEMO_PASSWORD in run_sh
    for email in ("admin@example.org", "staff@example.org", "official@example.org"):
        assert email in run_sh


def test_a_requirement_removed_without_a_new_lock_is_reported(tmp_path):
    for name in ("requirements.lock", "requirements-dev.lock", "requirements-dev.txt"):
        (tmp_path / name).write_text((ROOT / name).read_text())
    kept = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if not line.startswith("whitenoise")]
    (tmp_path / "requirements.txt").write_text("\n".join(kept) + "\n")

    assert check_lock.problems(tmp_path) == [
        "whitenoise is in requirements.lock but no longer required",
        "whitenoise is in requirements-dev.lock but no longer required",
    ]
