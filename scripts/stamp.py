"""Run a set-up step only when its inputs changed: `make run` redoes nothing it already did.

    python scripts/stamp.py NAME [--inputs PATH ...] [--database {identity,migrations}]
                                 [--key TEXT] [--creates PATH] -- COMMAND ...

The step's stamp (var/stamps/NAME-<key>.json) records a digest of its input files (folders are
walked, shell patterns expanded) and, with --database, a fingerprint of the database read
without loading Django: the time of its first applied migration (a database dropped and made
again gets a new one) and, for `migrations`, a digest of the applied ones. The stamps are per
database (DATABASE_URL) and per --key, so switching databases never skips a step wrongly.
COMMAND runs when anything differs, when the database is new (no django_migrations table)
or when --creates names a missing file; the stamp is written only if it succeeds.
"""

import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMPS = ROOT / "var" / "stamps"
SKIPPED_DIRS = {"__pycache__", ".venv", "node_modules", ".git"}
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'db.sqlite3'}"


def database_url():
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def _files(patterns):
    for pattern in patterns:
        for match in sorted(glob.glob(str(ROOT / pattern), recursive=True)) or [str(ROOT / pattern)]:
            path = Path(match)
            if path.is_dir():
                for dirpath, dirnames, filenames in os.walk(path):
                    dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
                    for name in sorted(filenames):
                        if not name.endswith((".pyc", ".mo")):
                            yield Path(dirpath) / name
            else:
                yield path


def inputs_digest(patterns):
    """One digest over the names and contents of the input files (a missing one counts too)."""
    digest = hashlib.sha256()
    for path in _files(patterns):
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"missing")
    return digest.hexdigest()


def _query_migrations(url):
    """The rows of django_migrations, oldest first, or None when there is no such table yet."""
    query = "SELECT app, name, applied FROM django_migrations ORDER BY applied, id"
    if url.startswith("sqlite"):
        import sqlite3  # only the backend in use is imported: this runs before every `make run`

        import environ

        name = environ.Env.db_url_config(url)["NAME"]
        if not Path(name).exists():
            return None
        with sqlite3.connect(f"file:{name}?mode=ro", uri=True) as conn:
            try:
                rows = conn.execute(query).fetchall()
            except sqlite3.OperationalError:
                return None
    elif url.startswith(("postgres://", "postgresql://", "pgsql://")):
        import environ
        import psycopg2  # only the backend in use is imported

        config = environ.Env.db_url_config(url)
        try:
            conn = psycopg2.connect(
                dbname=config["NAME"],
                host=config.get("HOST") or None,
                port=config.get("PORT") or None,
                user=config.get("USER") or None,
                password=config.get("PASSWORD") or None,
                connect_timeout=5,
            )
        except psycopg2.OperationalError:
            return None
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT to_regclass('django_migrations') IS NOT NULL")
                if not cur.fetchone()[0]:
                    return None
                cur.execute(query)
                rows = cur.fetchall()
        finally:
            conn.close()
    else:
        return None  # a backend we cannot read cheaply: always run the step
    return rows or None


def database_fingerprint(kind, url):
    rows = _query_migrations(url)
    if rows is None:
        return None
    fingerprint = {"created": str(rows[0][2])}
    if kind == "migrations":
        applied = sorted(f"{app}.{name}" for app, name, _applied in rows)
        fingerprint["migrations"] = hashlib.sha256("\n".join(applied).encode()).hexdigest()
    return fingerprint


def stamp_path(name, key_parts):
    key = hashlib.sha256("\n".join(key_parts).encode()).hexdigest()[:12]
    return STAMPS / f"{name}-{key}.json"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("name")
    parser.add_argument("--inputs", nargs="*", default=[])
    parser.add_argument("--database", choices=["identity", "migrations"])
    parser.add_argument("--key", default="")
    parser.add_argument("--creates")
    argv = sys.argv[1:] if argv is None else argv
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        parser.error("a command after -- is required")
    split = argv.index("--")
    args, command = parser.parse_args(argv[:split]), argv[split + 1 :]

    url = database_url() if args.database else ""
    path = stamp_path(args.name, [args.key, url])
    wanted = {"inputs": inputs_digest(args.inputs)}
    if args.database:
        wanted["database"] = database_fingerprint(args.database, url)
    try:
        recorded = json.loads(path.read_text())
    except (OSError, ValueError):
        recorded = None
    fresh = (
        recorded == wanted
        and (not args.database or wanted["database"] is not None)
        and (not args.creates or Path(args.creates).exists())
    )
    if fresh:
        print(f"{args.name}: up to date")
        return 0

    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        return result.returncode
    if args.database:
        wanted["database"] = database_fingerprint(args.database, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(wanted) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
