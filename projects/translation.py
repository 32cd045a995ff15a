from modeltranslation.translator import TranslationOptions, register

from .models import (
    Organisation,
    OrganisationLogo,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectLink,
    ProjectResult,
    RelatedPlace,
)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "objectives",
        "status_note",
        "call",
        "priority_area",
        "budget_note",
    )


@register(ProjectResult)
class ProjectResultTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(RelatedPlace)
class RelatedPlaceTranslationOptions(TranslationOptions):
    fields = ("kind",)


@register(ProjectLink)
class ProjectLinkTranslationOptions(TranslationOptions):
    fields = ("label",)


# Alt text in both languages: an image without it in the reader's language says nothing.
IMAGE_TEXT_REQUIRED = {"sl": ("alt",), "en": ("alt",)}


@register(ProjectImage)
class ProjectImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = IMAGE_TEXT_REQUIRED


@register(OrganisationLogo)
class OrganisationLogoTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = IMAGE_TEXT_REQUIRED


@register(ProjectDocument)
class ProjectDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"sl": ("title",), "en": ("title",)}
