from modeltranslation.translator import TranslationOptions, register

from .models import Region, SourceDiscrepancy


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(SourceDiscrepancy)
class SourceDiscrepancyTranslationOptions(TranslationOptions):
    fields = ("field_label", "note")
