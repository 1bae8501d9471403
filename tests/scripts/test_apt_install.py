"""scripts/apt_install.sh waits for another package manager's lock instead of failing, and names
a package it cannot install. A tiny local .deb stands in for a real package: nothing is
downloaded, and it is purged afterwards."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration  # runs the script, dpkg and apt-get

ROOT = Path(__file__).resolve().parents[2]
LOCK = "/var/lib/dpkg/lock-frontend"
PROBE = "exchange-portal-lock-probe"
HOLD_SECONDS = 4

if os.geteuid() != 0 or not all(shutil.which(tool) for tool in ("apt-get", "dpkg-deb", "flock")):
    pytest.skip("needs root, apt-get, dpkg-deb and flock (a Debian machine)", allow_module_level=True)


def _deb(tmp_path, name, depends=None):
    root = tmp_path / name
    (root / "DEBIAN").mkdir(parents=True)
    control = f"Package: {name}\nVersion: 1.0\nArchitecture: all\nMaintainer: Exchange Portal <dev@example.org>\n"
    control += f"Depends: {depends}\n" if depends else ""
    (root / "DEBIAN" / "control").write_text(control + "Description: apt_install.sh test package (empty)\n")
    deb = tmp_path / f"{name}.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", str(root), str(deb)], check=True, capture_output=True)
    return deb


def _installed(name):
    result = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}", name], capture_output=True, text=True)
    return result.stdout == "installed"


def _purge(name):
    for _ in range(60):  # the machine's package manager may be busy: wait for it like the script does
        if not _installed(name):
            return
        subprocess.run(["dpkg", "--purge", name], capture_output=True)
        time.sleep(1)


def _run(packages, **env):
    return subprocess.run(
        ["scripts/apt_install.sh"],
        cwd=ROOT,
        env={**os.environ, "APT_PACKAGES": packages, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def probe(tmp_path):
    _purge(PROBE)
    yield _deb(tmp_path, PROBE)
    _purge(PROBE)


def _hold_with_flock():
    """The `flock` tool, as scripts often lock."""
    holder = subprocess.Popen(
        ["flock", LOCK, "sh", "-c", f"echo held; sleep {HOLD_SECONDS}"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "held\n"
    return holder


def _hold_with_fcntl():
    """An fcntl() write lock, as apt and dpkg hold it."""
    code = f"import fcntl, time; f = open({LOCK!r}, 'w'); fcntl.lockf(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep({HOLD_SECONDS})"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    return holder


@pytest.mark.parametrize("hold", [_hold_with_flock, _hold_with_fcntl], ids=["flock", "fcntl"])
def test_a_held_package_manager_lock_is_waited_for_then_the_install_succeeds(probe, hold):
    holder = hold()
    started = time.monotonic()
    try:
        result = _run(str(probe))
    finally:
        holder.wait(timeout=30)
    elapsed = time.monotonic() - started

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"to release {LOCK}" in result.stderr
    assert "the package manager is free after" in result.stderr
    assert elapsed >= HOLD_SECONDS - 1.5
    assert _installed(PROBE)


def test_a_lock_held_too_long_fails_with_a_message(probe):
    holder = _hold_with_flock()
    try:
        result = _run(str(probe), APT_LOCK_TIMEOUT="1")
    finally:
        holder.wait(timeout=30)

    assert result.returncode == 1
    assert f"{LOCK} is still held by flock" in result.stderr
    assert "install by hand: sudo apt-get install" in result.stderr
    assert not _installed(PROBE)


def test_a_package_that_cannot_be_installed_is_named_with_the_command_to_install_it(tmp_path):
    broken = _deb(tmp_path, "exchange-portal-broken-probe", depends="exchange-portal-no-such-package")
    try:
        result = _run(str(broken))
    finally:
        _purge("exchange-portal-broken-probe")

    assert result.returncode == 1
    assert f"could not install {broken}:" in result.stderr
    assert "exchange-portal-no-such-package" in result.stderr
    assert f"sudo apt-get update && sudo apt-get install {broken}" in result.stderr


def test_nothing_is_done_when_every_package_is_installed():
    result = _run("dpkg coreutils")

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
