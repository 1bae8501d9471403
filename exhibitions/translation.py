from modeltranslation.translator import TranslationOptions, register

from .models import Exhibit, Exhibition, Exhibitor, Section


@register(Exhibition)
class ExhibitionTranslation(TranslationOptions):
    fields = ("title", "description", "venue")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Exhibitor)
class ExhibitorTranslation(TranslationOptions):
    fields = ("name",)


@register(Exhibit)
class ExhibitTranslation(TranslationOptions):
    fields = ("title", "description", "image_description")
