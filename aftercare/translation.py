from modeltranslation.translator import TranslationOptions, register

from .models import Material, Photo


@register(Material)
class MaterialTranslation(TranslationOptions):
    fields = ("title",)


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "credit")
