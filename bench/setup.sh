#!/usr/bin/env bash
# A newcomer's `make run`, timed: clone the current commit into a temporary folder, run
# `make run` there with a free PORT until the first page answers (cold: no .venv, no
# node_modules, no database, and empty uv, pip and npm caches, as on a fresh machine), stop
# it, run it again (warm), and print both times against the targets. Debian's packages are
# taken as already there. Everything it starts is stopped and the clone removed at the end.
#
#   bench/setup.sh                   the embedded default (SQLite, runserver)
#   bench/setup.sh --real-services   PostgreSQL (a bench database, dropped after) and Redis
#                                    (database 14, emptied after): gunicorn, worker and beat
#   bench/setup.sh --warm-caches     keep the machine's uv, pip and npm caches for the cold run
#   bench/setup.sh --keep            leave the clone and its logs in place
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COLD_TARGET=90
WARM_TARGET=10
COLD_LIMIT=${BENCH_COLD_LIMIT:-420}
WARM_LIMIT=${BENCH_WARM_LIMIT:-120}

real_services="" warm_caches="" keep=""
for arg in "$@"; do
  case "$arg" in
    --real-services) real_services=1 ;;
    --warm-caches) warm_caches=1 ;;
    --keep) keep=1 ;;
    *) echo "usage: bench/setup.sh [--real-services] [--warm-caches] [--keep]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/exchange-portal-setup-bench.XXXXXX)
clone=$work/clone
database=""
group=""
redis_db=14

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do echo "$child"; descendants "$child"; done
}
# Every process `make run` started, honcho's children too (they run in sessions of their own):
# all are told to stop at once, so none is left behind when its parent goes first.
stop_server() {
  if [ -n "$group" ]; then
    local pids
    pids="$group $(descendants "$group")"
    kill -TERM $pids 2>/dev/null || true
    for _ in $(seq 1 75); do
      kill -0 $pids 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL $pids 2>/dev/null || true
    group=""
  fi
}
cleanup() {
  stop_server
  if [ -n "$database" ]; then
    dropdb -h 127.0.0.1 -U postgres --if-exists --force "$database" || true
    redis-cli -n "$redis_db" flushdb >/dev/null || true
  fi
  if [ -n "$keep" ]; then echo "Kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Arithmetic without bc, which a fresh Debian lacks.
calc() { python3 -c "print($1)"; }
holds() { python3 -c "import sys; sys.exit(0 if $1 else 1)"; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# `make run` in its own process group (so everything it starts can be stopped together), its
# output timestamped; prints the seconds until the first page answers 200.
timed_run() {
  local name=$1 limit=$2 port started now code
  port=$(free_port)
  started=$(date +%s.%N)
  setsid bash -c "cd '$clone' && PORT=$port make run 2>&1 | python3 -u '$ROOT/bench/timestamp_lines.py' > '$work/$name.log'" &
  group=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null || true)
    now=$(date +%s.%N)
    [ "$code" = "200" ] && break
    if ! kill -0 "$group" 2>/dev/null; then
      echo "$name: make run stopped before serving; its output:" >&2
      sed 's/^/    /' "$work/$name.log" >&2
      exit 1
    fi
    if holds "$now - $started > $limit"; then
      echo "$name: no page after $limit s; its output:" >&2
      sed 's/^/    /' "$work/$name.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  # A page with its stylesheet: static files are served too.
  css=$(curl -s "http://127.0.0.1:$port/" | grep -o 'href="[^"]*bootstrap[^"]*\.css"' | head -n1 | cut -d'"' -f2)
  css_code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$css")
  calc "round($now - $started, 1)" >"$work/$name.seconds"
  echo "$css_code" >"$work/$name.css"
  stop_server
}

echo "Cloning $(git -C "$ROOT" rev-parse --short HEAD) into $clone (uncommitted changes are not included)"
git clone -q "$ROOT" "$clone"
git -C "$clone" checkout -q "$(git -C "$ROOT" rev-parse HEAD)"

unset DATABASE_URL REDIS_URL CELERY_BROKER_URL EMAIL_URL STATIC_ROOT DEV_MAIL_DIR
if [ -n "$real_services" ]; then
  database="exchange_portal_setup_bench_$$"
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database"
  export REDIS_URL="redis://127.0.0.1:6379/$redis_db"
  mode="real services (PostgreSQL $database, Redis db $redis_db; gunicorn, worker, beat)"
else
  mode="embedded default (SQLite, runserver)"
fi
if [ -z "$warm_caches" ]; then
  export UV_CACHE_DIR=$work/cache/uv npm_config_cache=$work/cache/npm PIP_NO_CACHE_DIR=1
  caches="empty uv, pip and npm caches"
else
  caches="the machine's uv, pip and npm caches"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
timed_run cold "$COLD_LIMIT"
timed_run warm "$WARM_LIMIT"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cold=$(cat "$work/cold.seconds")
warm=$(cat "$work/warm.seconds")
echo
echo "Cold make run, output with seconds since start:"
grep -v '^ *[0-9.]*s  *\(Email to\|Task notifications\)' "$work/cold.log" | sed 's/^/    /'
echo
echo "Mode: $mode; $caches for the cold run"
echo "Machine: $(nproc) cores; load average $load_before before, $load_after after"
echo "Stylesheet of the first page: HTTP $(cat "$work/cold.css") (cold), $(cat "$work/warm.css") (warm)"
echo "cold_seconds=$cold target=$COLD_TARGET ratio=$(calc "round($cold / $COLD_TARGET, 2)")"
echo "warm_seconds=$warm target=$WARM_TARGET ratio=$(calc "round($warm / $WARM_TARGET, 2)")"
if holds "$cold <= $COLD_TARGET and $warm <= $WARM_TARGET"; then
  echo "Both within target."
else
  echo "Over target." >&2
  exit 1
fi
