#!/usr/bin/env bash
# `make run` after the installs: bring the database up to date, then serve.
#
# Embedded default (no DATABASE_URL, REDIS_URL or CELERY_BROKER_URL): SQLite, tasks run
# in-process, `runserver` with auto-reload. Otherwise as in production: PostgreSQL (created
# if missing), gunicorn serving the collected static files, and with a broker a Celery worker
# and beat beside it (honcho, Procfile.dev). Migrations, the demo data and collectstatic each
# run only when their inputs changed (scripts/stamp.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PORT=${PORT:-8000}
export PORT

# A variable from the environment, else from .env (which the settings read too).
setting() {
  if [ -n "${!1+x}" ]; then printf '%s' "${!1}"; return; fi
  if [ -f .env ]; then sed -n "s/^$1=//p" .env | tail -n1 | tr -d "\"'"; fi
}

# Links in emails point at this server, whatever the port, unless SITE_URL is set (in the
# environment or .env): then it is used as it is, and the start-up check
# (exchange_portal W010-W012) warns when it does not match ALLOWED_HOSTS or this port.
site_url=$(setting SITE_URL)
export SITE_URL=${site_url:-http://127.0.0.1:$PORT}
is_false() { [[ "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" =~ ^(0|false|no|off)$ ]]; }

database_url=$(setting DATABASE_URL)
broker_url=$(setting CELERY_BROKER_URL)
broker_url=${broker_url:-$(setting REDIS_URL)}
embedded=1
if [ -n "$database_url$broker_url" ]; then embedded=""; fi
# The helper scripts read the environment only: a DATABASE_URL from .env must reach them too.
if [ -n "$database_url" ]; then export DATABASE_URL=$database_url; fi

if [ -z "$embedded" ]; then
  scripts/ensure_services.sh
  if [ -n "$database_url" ]; then $BIN/python scripts/ensure_database.py; fi
fi

$BIN/python scripts/stamp.py migrate --database migrations --inputs '*/migrations/*.py' requirements.lock \
  -- $BIN/python manage.py migrate --noinput -v0
$BIN/python scripts/stamp.py load_demo --database identity --inputs demo \
  -- $BIN/python manage.py load_demo

email_url=$(setting EMAIL_URL)
debug=$(setting DEBUG)

if [ -z "$embedded" ] || is_false "$debug"; then
  # Production's static files: collected, hashed and compressed into STATIC_ROOT, served
  # by WhiteNoise from there (not from the app folders as under runserver).
  export STATIC_FROM_APPS=0
  static_root=$(setting STATIC_ROOT)
  static_root=${static_root:-staticfiles}
  $BIN/python scripts/stamp.py collectstatic --key "$static_root" \
    --inputs static package-lock.json requirements.lock --creates "$static_root/staticfiles.json" \
    -- $BIN/python manage.py collectstatic --noinput -v0
fi

if [ -n "$email_url" ]; then
  emails="sent through the server in EMAIL_URL"
elif is_false "$debug"; then
  emails="printed in this console (DEBUG=0 and no EMAIL_URL)"
else
  emails="kept in a local mailbox: http://127.0.0.1:$PORT/dev/mail/ (each one is also announced here)"
fi

cat <<EOF

Exchange Portal: http://127.0.0.1:$PORT/   admin: http://127.0.0.1:$PORT/admin/
Demo logins, all with the password exchange-portal-demo:
  admin@example.org (superuser, asked to set up an authenticator app)   staff@example.org (GAOK program staff)   official@example.org (an official)
  reviewer@example.org (reviewer)   checkin@example.org (check-in desk)   judge@example.org (speech contest judge)
Emails: $emails
Stop: Ctrl+C
EOF

if [ -n "$embedded" ]; then
  echo "Embedded mode: SQLite (db.sqlite3), tasks in-process, runserver with auto-reload."
  echo
  # runserver's auto-reload without its second start-up: Django's reloader is a parent that
  # loads the whole project only to run this same command with RUN_MAIN=true, and runs it
  # again whenever it exits with status 3 (a source file changed). This loop is that parent,
  # minus a project load (2-3 s of every start).
  while :; do
    status=0
    RUN_MAIN=true $BIN/python manage.py runserver "127.0.0.1:$PORT" || status=$?
    [ "$status" -eq 3 ] || exit "$status"
  done
fi

processes="web worker beat"
[ -z "$broker_url" ] && processes="web"
echo "Real services: PostgreSQL, Redis; gunicorn with collected static files; $processes (Procfile.dev)."
echo
PATH="$PWD/$BIN:$PATH" exec $BIN/honcho start -f Procfile.dev -p "$PORT" $processes
