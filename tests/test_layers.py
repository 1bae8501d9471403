"""The apps' layers (pyproject.toml) hold for migrations too: lint-imports checks the imports,
this checks that no app's migrations depend on an app in a layer above it."""

import tomllib
from pathlib import Path

import pytest
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.unit

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _layer_of_app():
    contract = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"][0]
    layers = {}
    for height, line in enumerate(reversed(contract["layers"])):
        for app in line.replace(":", "|").split("|"):
            layers[app.strip()] = height
    return layers


def test_no_migration_depends_on_an_app_above_its_own():
    layers = _layer_of_app()
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    upward = [
        f"{app}.{name} -> {dep_app}.{dep_name}"
        for (app, name), node in graph.node_map.items()
        if app in layers
        for dep_app, dep_name in (parent.key for parent in node.parents)
        if layers.get(dep_app, -1) > layers[app]
    ]
    assert upward == []


def test_every_project_app_has_a_layer():
    from django.apps import apps

    project_root = PYPROJECT.parent
    project_apps = {c.label for c in apps.get_app_configs() if Path(c.path).parent == project_root}
    assert project_apps - set(_layer_of_app()) == set()
