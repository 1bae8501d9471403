from modeltranslation.translator import TranslationOptions, register

from .models import CertificateDesign, InvitationLetterTemplate, Signatory


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("title",)


@register(CertificateDesign)
class CertificateDesignTranslation(TranslationOptions):
    fields = ("title", "wording")


@register(InvitationLetterTemplate)
class InvitationLetterTemplateTranslation(TranslationOptions):
    fields = ("purpose", "closing")
