"""A static-files finder that serves chosen files of an npm package under a prefix.

Some font packages ship every weight in two formats (about 145 MB each for Noto Sans SC/TC);
the pages use two weights, so only the files matching settings.STATIC_VENDOR_SUBSETS' patterns
are found and collected. The patterns are relative to the package folder (fnmatch syntax)."""

import fnmatch
import os

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class VendorSubsetFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        self.subsets = [
            (prefix.strip("/"), os.fspath(root), list(patterns))
            for prefix, root, patterns in getattr(settings, "STATIC_VENDOR_SUBSETS", [])
        ]

    def check(self, **kwargs):
        return [
            Error(f"The static vendor folder {root} does not exist (run npm install).", id="exchange_portal.E020")
            for _prefix, root, _patterns in self.subsets
            if not os.path.isdir(root)
        ]

    def _files(self, root, patterns):
        for folder, _dirs, names in os.walk(root):
            for name in names:
                relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                if any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns):
                    yield relative

    def find(self, path, find_all=False, **kwargs):
        # Django 5.2 renamed `all` to `find_all`; accept either.
        find_all = find_all or kwargs.get("all", False)
        found = []
        for prefix, root, patterns in self.subsets:
            if not path.startswith(prefix + "/"):
                continue
            relative = path[len(prefix) + 1 :]
            full = os.path.join(root, relative)
            if any(fnmatch.fnmatchcase(relative, p) for p in patterns) and os.path.isfile(full):
                if not find_all:
                    return full
                found.append(full)
        return found

    def list(self, ignore_patterns):
        for prefix, root, patterns in self.subsets:
            if not os.path.isdir(root):
                continue
            storage = FileSystemStorage(location=root)
            storage.prefix = prefix
            for relative in self._files(root, patterns):
                if not matches_patterns(relative, ignore_patterns or []):
                    yield relative, storage
