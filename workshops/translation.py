import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Delegation, Occurrence


@register(Occurrence)
class OccurrenceTranslation(TranslationOptions):
    fields = ("title", "theme", "details", "location", "venue")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description", "speaker_title")


@register(Delegation)
class DelegationTranslation(TranslationOptions):
    fields = ("head_title",)


# See programs/translation.py for why history is registered here.
simple_history.register(Occurrence, app="workshops")
