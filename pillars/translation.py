from modeltranslation.translator import TranslationOptions, register

from .models import KeyMessage, Pillar, PotentialExample, VisionGoal


@register(Pillar)
class PillarTranslationOptions(TranslationOptions):
    fields = ("name", "economic_model", "potentials", "in_implementation")


@register(PotentialExample)
class PotentialExampleTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(KeyMessage)
class KeyMessageTranslationOptions(TranslationOptions):
    fields = ("title", "text")


@register(VisionGoal)
class VisionGoalTranslationOptions(TranslationOptions):
    fields = ("statement", "indicator")
