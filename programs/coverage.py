"""Which public texts lack a language: per object, as a queryset filter, and per model.

A translated field (django-modeltranslation, `programs/translation.py`, `workshops/translation.py`)
that is written in at least one language must be written in all five; a field empty in every
language (an optional text nobody filled) is not missing anything. The admin's column, note and
"missing a translation" filter and `manage.py translation_coverage` all use these functions.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def languages():
    """The content languages, in the settings' order (ko, en, zh-hans, zh-hant, ja)."""
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


def language_name(code):
    names = dict(settings.LANGUAGES)
    return str(names.get(code, code))


def translated_models():
    """The models with translated fields (not the history tables), sorted by label."""
    models = [m for m in translator.get_registered_models(abstract=False) if not m.__name__.startswith("Historical")]
    return sorted(models, key=lambda m: m._meta.label)


def translated_fields(model):
    return tuple(translator.get_options_for_model(model).get_field_names())


def _column(field, lang):
    return build_localized_fieldname(field, lang)


def missing_languages(obj):
    """The languages (codes, in settings order) some written field of `obj` lacks."""
    missing = set()
    for field in translated_fields(type(obj)):
        values = {lang: getattr(obj, _column(field, lang)) for lang in languages()}
        if any(values.values()):
            missing.update(lang for lang, value in values.items() if not value)
    return [lang for lang in languages() if lang in missing]


def _empty(column):
    return Q(**{column: ""}) | Q(**{f"{column}__isnull": True})


def missing_q(model, language=None):
    """Rows with a field written in some language but not in `language` (None: in any language)."""
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        written = Q(pk__in=[])
        for lang in languages():
            written |= ~_empty(_column(field, lang))
        for lang in [language] if language else languages():
            condition |= written & _empty(_column(field, lang))
    return condition


@dataclass
class Coverage:
    model: type
    rows: int
    # language -> (fields written in it, fields that should be: written in some language)
    counts: dict

    def percent(self, lang):
        done, expected = self.counts[lang]
        return 100.0 if expected == 0 else 100.0 * done / expected


def coverage(model):
    """Count, over every row and translated field of `model`, the written fields per language."""
    fields = translated_fields(model)
    columns = [_column(field, lang) for field in fields for lang in languages()]
    counts = {lang: [0, 0] for lang in languages()}
    rows = 0
    for values in model._base_manager.values_list(*columns).iterator():
        rows += 1
        for index, _field in enumerate(fields):
            chunk = values[index * len(languages()) : (index + 1) * len(languages())]
            if not any(chunk):
                continue
            for lang, value in zip(languages(), chunk, strict=True):
                counts[lang][1] += 1
                counts[lang][0] += 1 if value else 0
    return Coverage(model=model, rows=rows, counts={lang: tuple(pair) for lang, pair in counts.items()})


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing a translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [("any", _("In any language"))] + [(lang, language_name(lang)) for lang in languages()]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.filter(missing_q(queryset.model))
        if value in languages():
            return queryset.filter(missing_q(queryset.model, value))
        return queryset


class TranslationCoverageAdmin:
    """For a translated model's admin: a "Missing languages" column, the "missing a translation"
    filter, and a note on the change page naming the languages the object lacks, and those its
    translated inline rows (`coverage_related`: related names, e.g. the agenda items) lack."""

    coverage_related = ()

    def get_list_display(self, request):
        return (*super().get_list_display(request), "missing_translations")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)

    @admin.display(description=_("Missing languages"))
    def missing_translations(self, obj):
        return _names(missing_languages(obj)) or "—"

    def coverage_notes(self, obj):
        notes = []
        if missing := missing_languages(obj):
            notes.append(gettext("Not yet translated into: %(languages)s.") % {"languages": _names(missing)})
        for related in self.coverage_related:
            for child in getattr(obj, related).all():
                if missing := missing_languages(child):
                    notes.append(
                        gettext("%(kind)s “%(name)s” is not yet translated into: %(languages)s.")
                        % {"kind": capfirst(child._meta.verbose_name), "name": child, "languages": _names(missing)}
                    )
        return notes

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, admin.utils.unquote(object_id))
            for note in self.coverage_notes(obj) if obj is not None else []:
                messages.warning(request, note)
        return super().change_view(request, object_id, form_url, extra_context)


def _names(codes):
    return ", ".join(language_name(lang) for lang in codes)
