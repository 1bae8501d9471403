import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, AgreementSignatory, CostShare, Organization, Program


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "schedule_note", "audience")


@register(CostShare)
class CostShareTranslation(TranslationOptions):
    fields = ("payer_role", "covers")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "description", "terms")


@register(AgreementSignatory)
class AgreementSignatoryTranslation(TranslationOptions):
    fields = ("title",)


# History is registered here, after the translated columns exist, so the historical
# tables carry every language (declaring HistoricalRecords on the model misses them).
for _model in (Organization, Program, Agreement):
    simple_history.register(_model, app="programs")
