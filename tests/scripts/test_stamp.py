"""scripts/stamp.py: a `make run` step runs again only when its inputs or its database changed."""

import sqlite3
import sys

import pytest

from scripts import stamp

pytestmark = pytest.mark.integration  # runs the step's command as a subprocess


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setattr(stamp, "STAMPS", tmp_path / "stamps")
    database = tmp_path / "db.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "0001_initial.py").write_text("# a migration\n")
    return tmp_path, database, inputs


def _migrate(database, *names):
    with sqlite3.connect(database) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS django_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, app, name, applied)"
        )
        for name in names:
            conn.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('a', ?, datetime('now'))", [name])


def _step(tmp_path, inputs, *, database="migrations", extra=()):
    """Run a step whose command appends a line to runs.txt; return how many times it ran."""
    log = tmp_path / "runs.txt"
    command = [sys.executable, "-c", f"open({str(log)!r}, 'a').write('ran\\n')"]
    args = ["step", "--inputs", str(inputs), *extra]
    if database:
        args += ["--database", database]
    assert stamp.main([*args, "--", *command]) == 0
    return len(log.read_text().splitlines()) if log.exists() else 0


def test_a_step_runs_once_then_is_skipped_until_an_input_changes(workspace, capsys):
    tmp_path, database, inputs = workspace
    _migrate(database, "0001_initial")

    assert _step(tmp_path, inputs) == 1
    assert _step(tmp_path, inputs) == 1
    assert "step: up to date" in capsys.readouterr().out

    (inputs / "0002_more.py").write_text("# another migration\n")
    assert _step(tmp_path, inputs) == 2
    (inputs / "0002_more.py").write_text("# changed\n")
    assert _step(tmp_path, inputs) == 3
    assert _step(tmp_path, inputs) == 3


def test_a_new_database_runs_the_step_again(workspace):
    tmp_path, database, inputs = workspace
    _migrate(database, "0001_initial")
    assert _step(tmp_path, inputs, database="identity") == 1

    database.unlink()
    assert _step(tmp_path, inputs, database="identity") == 2  # no database: not stamped as done
    _migrate(database, "0001_initial")
    assert _step(tmp_path, inputs, database="identity") == 3  # made again: a new first migration
    assert _step(tmp_path, inputs, database="identity") == 3


def test_migrations_applied_or_unapplied_elsewhere_run_migrate_again(workspace):
    tmp_path, database, inputs = workspace
    _migrate(database, "0001_initial")
    assert _step(tmp_path, inputs) == 1

    with sqlite3.connect(database) as conn:
        conn.execute("DELETE FROM django_migrations WHERE name = '0001_initial'")
    _migrate(database, "0000_first")
    assert _step(tmp_path, inputs) == 2


def test_each_database_has_its_own_stamp(workspace, monkeypatch):
    tmp_path, database, inputs = workspace
    _migrate(database, "0001_initial")
    assert _step(tmp_path, inputs) == 1

    other = tmp_path / "other.sqlite3"
    _migrate(other, "0001_initial")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{other}")
    assert _step(tmp_path, inputs) == 2
    assert _step(tmp_path, inputs) == 2
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    assert _step(tmp_path, inputs) == 2


def test_a_step_that_creates_a_file_runs_again_when_the_file_is_gone(workspace):
    tmp_path, _database, inputs = workspace
    manifest = tmp_path / "staticfiles.json"
    manifest.write_text("{}")
    creates = ["--creates", str(manifest)]
    assert _step(tmp_path, inputs, database=None, extra=creates) == 1
    assert _step(tmp_path, inputs, database=None, extra=creates) == 1

    manifest.unlink()
    assert _step(tmp_path, inputs, database=None, extra=creates) == 2


def test_a_failed_step_is_not_stamped(workspace):
    tmp_path, database, inputs = workspace
    _migrate(database, "0001_initial")
    failing = ["step", "--inputs", str(inputs), "--database", "migrations", "--", sys.executable, "-c", "exit(3)"]

    assert stamp.main(failing) == 3
    assert list((tmp_path / "stamps").glob("*.json")) == []
