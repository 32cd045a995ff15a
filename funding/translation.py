from modeltranslation.translator import TranslationOptions, register

from .models import (
    AgencyRecord,
    AgreementCategory,
    AgreementProject,
    DevelopmentAgreement,
    FinancialPerspective,
    PolicyGoal,
    Programme,
    ProgrammeLogo,
)


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "co_funding_statement", "description")


@register(DevelopmentAgreement)
class DevelopmentAgreementTranslationOptions(TranslationOptions):
    fields = ("name", "description", "agency_role", "cohesion_funds_stated", "later_amendments")


@register(AgreementCategory)
class AgreementCategoryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(AgreementProject)
class AgreementProjectTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(FinancialPerspective)
class FinancialPerspectiveTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(PolicyGoal)
class PolicyGoalTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(AgencyRecord)
class AgencyRecordTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(ProgrammeLogo)
class ProgrammeLogoTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    # Alt text in both languages: a logo without it in the reader's language says nothing.
    required_languages = {"sl": ("alt",), "en": ("alt",)}
