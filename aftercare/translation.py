from modeltranslation.translator import TranslationOptions, register

from .models import Material, Photo, Question, ResearchArea, Survey


@register(Material)
class MaterialTranslation(TranslationOptions):
    fields = ("title",)


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "credit")


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "choices")


@register(ResearchArea)
class ResearchAreaTranslation(TranslationOptions):
    fields = ("name",)
