"""Create the PostgreSQL database named in DATABASE_URL if it does not exist yet."""

import os
import sys

import environ
import psycopg2
from psycopg2 import sql


def main():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return 0
    config = environ.Env.db_url_config(url)
    connect = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    conn = psycopg2.connect(dbname="postgres", **connect)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"Created database {config['NAME']}")
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
