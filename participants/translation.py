from modeltranslation.translator import TranslationOptions, register

from .category_models import ParticipantCategory
from .form_models import Question, QuestionChoice, QuestionSection


@register(QuestionSection)
class QuestionSectionTranslation(TranslationOptions):
    fields = ("title", "help_text")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "help_text")


@register(QuestionChoice)
class QuestionChoiceTranslation(TranslationOptions):
    fields = ("label",)


@register(ParticipantCategory)
class ParticipantCategoryTranslation(TranslationOptions):
    fields = ("name",)
