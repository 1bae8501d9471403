"""Do the lock files still match requirements*.txt? (`make` runs this before installing.)

requirements.txt and requirements-dev.txt are what people edit; `make lock` resolves them into
requirements.lock and requirements-dev.lock, which pin every transitive dependency and are what
gets installed. Without Django or any installed package, this checks that each requirement is
in its lock file (at the pinned version when it says `==`), that every lock line is an exact
pin, and that the dev lock carries the runtime lock's versions.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:(==|>=|<=|~=|!=|>|<)\s*([^\s;,#]+))?")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(path):
    """{name: pinned version or None} of a human-edited file, following `-r` includes."""
    found = {}
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith(("-r ", "--requirement ")):
            found.update(requirements(path.parent / line.split(None, 1)[1]))
            continue
        match = REQUIREMENT.match(line)
        if match:
            found[normalize(match[1])] = match[3] if match[2] == "==" else None
    return found


def locked(path):
    """{name: version} of a lock file; raises ValueError on a line that is not an exact pin."""
    return {name: version for name, (version, _via) in _lock_entries(path).items()}


def _lock_entries(path):
    """{name: (version, {what asked for it})} from a lock file and its "# via" annotations."""
    entries, current = {}, None
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if line.startswith("#"):
            via = line.lstrip("#").strip().removeprefix("via").strip()
            if current is not None and via:
                entries[current][1].add(via)
            continue
        if not line:
            continue
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if not match:
            raise ValueError(f"{path.name}: not an exact pin: {line}")
        current = normalize(match[1])
        entries[current] = (match[2], set())
    return entries


def _leftovers(path, required, sources):
    """Packages in the lock only because a requirements file asked for them, which it no longer does."""
    return [
        name
        for name, (_version, via) in sorted(_lock_entries(path).items())
        if name not in required and via and via <= {f"-r {source}" for source in sources} | {"-c requirements.lock"}
    ]


def problems(root=ROOT):
    found = []
    try:
        runtime_lock = locked(root / "requirements.lock")
        dev_lock = locked(root / "requirements-dev.lock")
    except (OSError, ValueError) as exc:
        return [str(exc)]
    for source, lock_name, lock in (
        ("requirements.txt", "requirements.lock", runtime_lock),
        ("requirements-dev.txt", "requirements-dev.lock", dev_lock),
    ):
        for name, version in sorted(requirements(root / source).items()):
            if name not in lock:
                found.append(f"{name} is in {source} but not in {lock_name}")
            elif version is not None and lock[name] != version:
                found.append(f"{name}=={version} in {source} but {lock[name]} in {lock_name}")
    for lock_name, sources in (
        ("requirements.lock", ["requirements.txt"]),
        ("requirements-dev.lock", ["requirements.txt", "requirements-dev.txt"]),
    ):
        required = requirements(root / sources[-1])
        found += [
            f"{name} is in {lock_name} but no longer required"
            for name in _leftovers(root / lock_name, required, sources)
        ]
    for name, version in sorted(runtime_lock.items()):
        if dev_lock.get(name) != version:
            found.append(f"{name}=={version} in requirements.lock but {dev_lock.get(name)} in requirements-dev.lock")
    return found


def main():
    found = problems()
    if found:
        print("The lock files do not match requirements*.txt:", *found, sep="\n  ", file=sys.stderr)
        print("Run `make lock` to resolve them again, and commit the lock files.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
