"""A deploy check that every static file the templates name is in the collected manifest.

With the manifest storage (production, `make run` with real services) a `{% static %}` name
missing from `staticfiles.json` is a 500 on every page that names it, which is what followed
a deploy without `npm install` (Bootstrap absent, collectstatic only warned). `make
deploy-assets` runs `manage.py check --deploy --tag staticfiles` after collectstatic, so such a
deploy stops there, naming the file.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

STATIC_TAG = re.compile(r"""\{%\s*static\s+(['"])(?P<name>[^'"]+)\1""")


def _template_dirs():
    dirs = []
    for engine in settings.TEMPLATES:
        dirs.extend(Path(folder) for folder in engine.get("DIRS", []))
    for config in apps.get_app_configs():
        dirs.append(Path(config.path) / "templates")
    return [folder for folder in dirs if folder.is_dir()]


def referenced_static_names():
    """{static name: first template naming it}, from every literal `{% static '...' %}`."""
    names = {}
    for folder in _template_dirs():
        for template in sorted(folder.rglob("*.html")):
            try:
                text = template.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for match in STATIC_TAG.finditer(text):
                names.setdefault(match.group("name"), template)
    return names


def _manifest_storage_class():
    from django.contrib.staticfiles.storage import ManifestFilesMixin

    backend = import_string(settings.STORAGES["staticfiles"]["BACKEND"])
    return backend if issubclass(backend, ManifestFilesMixin) else None


@checks.register(checks.Tags.staticfiles, deploy=True)
def static_manifest_complete(app_configs=None, **kwargs):
    backend = _manifest_storage_class()
    if backend is None:  # runserver serves from the app folders: nothing collected to check
        return []
    storage = backend()
    if not storage.exists(storage.manifest_name):
        return [
            checks.Error(
                f"No static manifest ({storage.manifest_name}) in STATIC_ROOT ({settings.STATIC_ROOT}): "
                "every page would answer 500.",
                hint="Run `make deploy-assets` (npm install, collectstatic, compiled translations).",
                id="exchange_portal.E010",
            )
        ]
    collected, _hash = storage.load_manifest()
    return [
        checks.Error(
            f"Static file {name!r}, named by {template}, is missing from the static manifest: "
            "pages that use it would answer 500.",
            hint="Run `make deploy-assets`: it installs the npm packages (Bootstrap) before collectstatic.",
            id="exchange_portal.E011",
        )
        for name, template in sorted(referenced_static_names().items())
        if name not in collected
    ]
