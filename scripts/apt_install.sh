#!/usr/bin/env bash
# Install the Debian packages named in $APT_PACKAGES that are missing (needs root or sudo).
#
# An entry is a package name or the path of a local .deb file. Another package manager at work
# (unattended upgrades, a second `make`) is waited for, up to $APT_LOCK_TIMEOUT seconds (300),
# instead of failing on "Could not get lock". A package that cannot be installed is named,
# with the command to install it by hand.
set -euo pipefail
LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-300}
LOCKS=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock)
say() { echo "apt_install.sh: $*" >&2; }

package_name() {  # the package a name or a .deb file stands for
  if [[ "$1" == *.deb ]]; then dpkg-deb --field "$1" Package; else printf '%s' "${1%%=*}"; fi
}
installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$(package_name "$1")" 2>/dev/null)" = "installed" ]
}

missing=()
for pkg in ${APT_PACKAGES:-}; do
  installed "$pkg" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    say "missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install ${missing[*]}"
    exit 1
  fi
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# Prints the first lock file another process holds, or nothing. apt and dpkg hold theirs with
# fcntl() locks, the `flock` tool and some scripts with flock(): both are tried, and released
# at once (closing the file). Reading /proc/locks only names the holder in the message.
busy_lock() {
  $SUDO python3 - "${LOCKS[@]}" <<'PY'
import fcntl, os, sys

def holders(path):
    inode = os.stat(path).st_ino
    pids = set()
    try:
        for line in open("/proc/locks"):
            fields = [field for field in line.split() if field != "->"]
            if fields[5:6] and fields[5].rsplit(":", 1)[-1] == str(inode) and fields[4] != str(os.getpid()):
                pids.add(fields[4])
    except OSError:
        pass
    names = []
    for pid in sorted(p for p in pids if p.isdigit()):
        try:
            names.append(f"{open(f'/proc/{pid}/comm').read().strip()} (pid {pid})")
        except OSError:
            pass
    return ", ".join(names)

for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        continue
    try:
        for lock in (fcntl.lockf, fcntl.flock):
            try:
                lock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                print(f"{path}\t{holders(path) or 'another process'}")
                sys.exit(0)
    finally:
        os.close(fd)
PY
}

wait_for_locks() {
  local waited=0 busy
  while busy=$(busy_lock) && [ -n "$busy" ]; do
    if [ "$waited" -eq 0 ]; then
      say "waiting for ${busy#*$'\t'} to release ${busy%%$'\t'*} (another package manager is at work; up to ${LOCK_TIMEOUT} s)"
    fi
    if [ "$waited" -ge "$LOCK_TIMEOUT" ]; then
      say "${busy%%$'\t'*} is still held by ${busy#*$'\t'} after ${LOCK_TIMEOUT} s."
      say "Wait for it to finish (or raise APT_LOCK_TIMEOUT), or install by hand: sudo apt-get install ${missing[*]}"
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  [ "$waited" -gt 0 ] && say "the package manager is free after ${waited} s" || true
}

# apt's own wait covers the moment between our check and its locking.
APT=($SUDO apt-get -q -o DPkg::Lock::Timeout="$LOCK_TIMEOUT")

# Package lists are fetched only when a missing package has none, or they are a day old.
needs_update=""
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -n1)" ]; then
  needs_update=1
fi
only_local=1
for pkg in "${missing[@]}"; do
  [[ "$pkg" == *.deb ]] && continue
  only_local=""
  candidate=$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^ *Candidate: //p')
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then needs_update=1; fi
done
if [ -n "$only_local" ]; then needs_update=""; fi

echo "Installing Debian packages: ${missing[*]}"
wait_for_locks
if [ -n "$needs_update" ]; then
  "${APT[@]}" update -qq || say "apt-get update failed; trying with the package lists there are"
  wait_for_locks
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if "${APT[@]}" install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  exit 0
fi

# Something failed: one at a time, to say which.
failed=()
for pkg in "${missing[@]}"; do
  installed "$pkg" && continue
  wait_for_locks
  if ! "${APT[@]}" install -y --no-install-recommends "$pkg" >"$log" 2>&1; then
    failed+=("$pkg")
    say "could not install $pkg:"
    grep -E '^(E|W):| : (Pre-)?Depends: |Conflicts: |Breaks: ' "$log" | sed 's/^ */    /' >&2 || tail -n 5 "$log" | sed 's/^/    /' >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  say "install by hand, then run make again:"
  say "    sudo apt-get update && sudo apt-get install ${failed[*]}"
  exit 1
fi
