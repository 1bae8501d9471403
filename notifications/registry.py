"""What the apps send: notice kinds and the loaders that fill their templates.

The outbox knows no registration, occurrence or participant. Each app that sends notices
declares them in its own `<app>/notices.py`, imported from its AppConfig.ready():

    from notifications.registry import context_loader, notice_kinds

    notice_kinds("registration_received", "registration_accepted", app="participants")

    @context_loader("registration_id")
    def _registration(registration_id):
        return {"registration": ...}

A kind is the name of its templates `templates/emails/<kind>.{subject.txt,txt,html}` (a
system check makes sure all three exist); a context loader turns an id stored with the row
into what the templates show, at render time.
"""

from django.conf import settings
from django.core import checks
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

_KINDS = {}
_LOADERS = {}
TEMPLATE_PARTS = ("subject.txt", "txt", "html")


class UnknownNotice(LookupError):
    """A notice of a kind no app declared (a typo would otherwise fail only at render time)."""


def notice_kinds(*kinds, app):
    """Declare the notice kinds an app sends."""
    for kind in kinds:
        owner = _KINDS.setdefault(kind, app)
        if owner != app:
            raise ValueError(f"Notice kind {kind!r} is declared by both {owner} and {app}")
    return kinds


def context_loader(key):
    """Register the loader for a context key (one app owns each key)."""

    def register(func):
        owner = _LOADERS.get(key)
        if owner is not None and owner is not func and owner.__module__ != func.__module__:
            raise ValueError(f"Context key {key!r} is loaded by both {owner.__module__} and {func.__module__}")
        _LOADERS[key] = func
        return func

    return register


def declared_kinds():
    return dict(_KINDS)


def ensure_declared(kind):
    if kind not in _KINDS:
        raise UnknownNotice(f"No app declares the notice kind {kind!r} (see notifications/registry.py)")


def build_context(template, context):
    full = {"site_url": settings.SITE_URL.rstrip("/"), "template": template, **context}
    for key, value in context.items():
        if key in _LOADERS and value is not None:
            full.update(_LOADERS[key](value))
    return full


@checks.register()
def notice_templates(app_configs=None, **kwargs):
    """Every declared kind has its subject, plain-text and HTML templates."""
    errors = []
    for kind, app in sorted(_KINDS.items()):
        for part in TEMPLATE_PARTS:
            try:
                get_template(f"emails/{kind}.{part}")
            except TemplateDoesNotExist:
                errors.append(
                    checks.Error(
                        f"The notice kind {kind!r} ({app}) has no template emails/{kind}.{part}.",
                        id="notifications.E001",
                    )
                )
    return errors
