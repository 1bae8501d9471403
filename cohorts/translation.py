from modeltranslation.translator import TranslationOptions, register

from .models import CertificateDesign, InvitationLetterTemplate, Signatory, SpeechCriterion


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("title",)


@register(CertificateDesign)
class CertificateDesignTranslation(TranslationOptions):
    fields = ("title", "wording")


@register(InvitationLetterTemplate)
class InvitationLetterTemplateTranslation(TranslationOptions):
    fields = ("purpose", "closing")


@register(SpeechCriterion)
class SpeechCriterionTranslation(TranslationOptions):
    fields = ("name",)
