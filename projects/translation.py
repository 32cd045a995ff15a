from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Project, ProjectLink, ProjectResult, RelatedPlace


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
