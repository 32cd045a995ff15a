"""The staff admin of the region, its municipalities and sources, and what all portal admins share.

Every admin keeps a history with django-reversion: an edit can be undone from an object's
history and a deleted record recovered from "Recover deleted …" on its list, so no edit or
delete by staff is final.
"""

import datetime

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import lookup_spawns_duplicates, quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminTextareaWidget, RelatedFieldWidgetWrapper
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, router
from django.db.models import Exists, Max, OuterRef
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import (
    gettext,
    gettext_lazy,
    gettext_noop,
    ngettext_lazy,
    pgettext_lazy,
)
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.admin import TranslationAdmin, TranslationGenericTabularInline
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import history, importing, text, two_factor
from .attention import AttentionItem
from .formatting import format_moment
from .middleware import manages_own_revisions
from .models import ImportLog, LinkCheck, Municipality, Region, Source, SourceDiscrepancy


class ConstraintErrorsOnFieldsForm(forms.ModelForm):
    """Shows the message of a violated model constraint next to the field it is about.

    Django puts a CheckConstraint's or a conditional UniqueConstraint's message above the
    form, where an editor has to guess which field it means. `constraint_fields` maps a
    constraint's name to the form field that shows its message instead.
    """

    constraint_fields: dict[str, str] = {}

    def field_for_constraint(self, name):
        if name in self.constraint_fields:
            return self.constraint_fields[name]
        # modeltranslation copies a unique constraint on a translated field once per
        # language, as "<name>-<language>" on "<field>_<language>".
        original_name, _separator, language = name.rpartition("-")
        if original_name in self.constraint_fields:
            return f"{self.constraint_fields[original_name]}_{language}"
        return None

    def validate_constraints(self):
        # The same exclusions as ModelForm.validate_constraints(): fields that are not on
        # the form or already failed their own validation are not checked again.
        exclude = self._get_validation_exclusions()
        using = router.db_for_write(type(self.instance), instance=self.instance)
        for model_class, constraints in self.instance.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self.instance, exclude=exclude, using=using)
                except ValidationError as error:
                    field = self.field_for_constraint(constraint.name)
                    self.add_error(field if field in self.fields else None, error)


class ImageForm(ConstraintErrorsOnFieldsForm):
    """The form of a PortalImage (regionportal.base.images): an uploaded image is checked by
    its content and replaced, before anything is saved, by its re-encoded renditions; an error
    shows next to the image field and nothing is stored."""

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if isinstance(upload, UploadedFile):
            self.instance.take_upload(upload)
            # The largest rendition takes the upload's place on the form, so that the model's
            # own check and the save see what is stored.
            return self.instance.image.file
        return upload


class ImageInlineMixin:
    """An inline of PortalImages: the upload with a small preview of what is stored, the alt
    text in both languages, caption and credit; no empty form until asked for."""

    fields = [("image", "preview"), "alt", "caption", "credit"]
    readonly_fields = ["preview"]
    extra = 0

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, image):
        if not image.pk or not image.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="160" height="{}" class="image-preview">',
            image.small.url,
            image.alt,
            image.height_at(160),
        )


class DocumentForm(ConstraintErrorsOnFieldsForm):
    """The form of an uploaded document: the file is checked by its content (the model's
    validator), and its kind and size are taken from it."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            self.instance.take_upload(upload)
        return upload


def calendar_year(value):
    """The year that a list's address names, or None for one that names no year to look up.

    ASCII digits only (str.isdigit() also takes "²", which int() refuses), and not the first
    or last year of the calendar: a year's range ends at the next year, and a time zone can
    shift its first moment into the year before.
    """
    if value.isascii() and value.isdigit() and datetime.MINYEAR < int(value) < datetime.MAXYEAR:
        return int(value)
    return None


def titled_filter(field_path, title, filter_class=admin.FieldListFilter.create):
    """A `list_filter` item: the field's filter (Django's own for its type, or `filter_class`)
    under the heading "By <title>".

    Django heads a field's filter with the field's name, which Slovenian cannot put after "Po"
    ("Po stebri"); `title` is the name in the case that follows "by" in the staff's language
    (pgettext_lazy("list filter", "pillars"): "stebru", so that the heading reads "Po stebru").
    """

    class TitledListFilter(admin.FieldListFilter):
        # A class, as the admin's checks want of a list filter; its instances are the field's
        # own filter, retitled.
        def __new__(cls, field, request, params, model, model_admin, field_path):
            list_filter = filter_class(
                field, request, params, model, model_admin, field_path=field_path
            )
            list_filter.title = title
            return list_filter

    return field_path, TitledListFilter


class PortalChangeList(ChangeList):
    """The admin list, which ignores ("?e=1") an address whose filters it cannot look up.

    Django does so for a filter value it cannot read, but it answered 500 to a NUL character
    in a text filter (PostgreSQL cannot hold one), to a date hierarchy's year of 9999, whose
    next year is outside the calendar, and to a year, month or day too large for a C integer.
    """

    def get_filters(self, request):
        if any(
            "\x00" in name or any("\x00" in value for value in values)
            for name, values in request.GET.lists()
        ):
            raise IncorrectLookupParameters("A NUL character is in no value to look up.")
        if self.date_hierarchy and not self.date_in_calendar(request.GET):
            raise IncorrectLookupParameters("The date hierarchy's date is not in the calendar.")
        return super().get_filters(request)

    def date_in_calendar(self, params):
        year, month, day = (
            params.get(f"{self.date_hierarchy}__{part}") for part in ("year", "month", "day")
        )
        if year is None:
            return True  # no date asked for; Django leaves a month or day alone then
        month_and_day_readable = all(
            part is None or (part.isascii() and part.isdigit() and len(part) <= 2)
            for part in (month, day)
        )
        return calendar_year(year) is not None and month_and_day_readable


class PortalChangeListMixin:
    """For every admin of the portal, its own and those of the apps it uses."""

    def get_changelist(self, request, **kwargs):
        return PortalChangeList

    def get_search_results(self, request, queryset, search_term):
        """The search box finds what every other search box of the portal finds
        (regionportal.base.text.matching): rows whose search fields contain every word, blind
        to case and to č/š/ž/ć/đ, so that "sostanj" finds Šoštanj here too."""
        field_names = [name.lstrip("^=@") for name in self.get_search_fields(request)]
        if not field_names or not search_term:
            return queryset, False
        spawns_duplicates = any(
            lookup_spawns_duplicates(self.opts, field_name) for field_name in field_names
        )
        return text.matching(queryset, field_names, search_term), spawns_duplicates


class FieldHistoryMixin:
    """Reversion's history page of a record, with what each version changed in each field
    (regionportal.base.history): old → new, by the fields' names in the staff's language."""

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied  # before any version is read, as reversion's own check
        versions = list(
            self._reversion_order_version_queryset(
                request,
                Version.objects.get_for_object_reference(
                    self.model, unquote(object_id)
                ).select_related("revision", "revision__user"),
            )
        )
        opts = self.model._meta
        action_list = [
            {
                "revision": item.version.revision,
                "version": item.version,
                "action": item.action,
                "added": item.action == history.ADDED,
                "changes": item.changes,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(item.version.object_id), item.version.pk),
                ),
            }
            for item in history.describe(versions)
        ]
        return super().history_view(
            request, object_id, {"action_list": action_list, **(extra_context or {})}
        )


class PortalAdmin(PortalChangeListMixin, FieldHistoryMixin, VersionAdmin):
    """An admin whose every change is kept in the history."""

    form = ConstraintErrorsOnFieldsForm


class TranslatedPortalAdmin(
    PortalChangeListMixin, FieldHistoryMixin, VersionAdmin, TranslationAdmin
):
    """An admin of a model with Slovenian and English fields, with history.

    Not the tabbed variant: it loads jQuery UI from a CDN, which the portal's CSP forbids.
    """

    form = ConstraintErrorsOnFieldsForm


def source_fieldset():
    """The fieldset of a record's source and the source's own words, collapsed: most edits
    leave them alone."""
    return (
        gettext_lazy("Source"),
        {"classes": ["collapse"], "fields": ["source", "source_excerpt"]},
    )


class LabelledCellsFormSetMixin:
    """Names every input of a tabular inline's row with its column's heading (aria-label):
    Django's table gives an input no label of its own, so a screen reader announced it only
    as "edit text"."""

    def add_fields(self, form, index):
        super().add_fields(form, index)  # the deletion box too, which comes from here
        for field in form.fields.values():
            widget = field.widget
            # The admin's wrapper (with its "add" and "change" links) renders the widget inside
            # it, with that widget's attributes.
            while isinstance(widget, RelatedFieldWidgetWrapper):
                widget = widget.widget
            if not widget.is_hidden:
                widget.attrs.setdefault("aria-label", capfirst(field.label))


class CompactTabularInlineMixin:
    """For a tabular inline: rows with labelled inputs, text areas two lines high, and no
    empty row until the editor asks for one ("Add another" is one click)."""

    extra = 0
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (LabelledCellsFormSetMixin, formset), {})


class SourceDiscrepancyInline(CompactTabularInlineMixin, TranslationGenericTabularInline):
    """Figures of other sources that disagree with the record's, edited with the record; the
    group is collapsed, as few records have any."""

    model = SourceDiscrepancy
    form = ConstraintErrorsOnFieldsForm
    fields = ["field_label", "other_value", "source", "note"]
    autocomplete_fields = ["source"]
    classes = ["collapse"]


class LoginAttemptAdmin(PortalChangeListMixin, AccessAttemptAdmin):
    """Failed logins by username, address and browser; a superuser deletes rows to lift a lockout.

    Without axes' per-row "attempts remaining" and its "locked out" filter: they compare one
    row's failures with the username's limit, while a lockout adds up every row of a username
    or of an address (regionportal.base.logins.LockoutHandler).
    """

    list_display = [name for name in AccessAttemptAdmin.list_display if name != "status"]
    list_filter = [
        titled_filter("attempt_time", pgettext_lazy("list filter", "Attempt Time")),
        titled_filter("path_info", pgettext_lazy("list filter", "Path")),
    ]


class LoginFailureLogAdmin(PortalChangeListMixin, AccessFailureLogAdmin):
    """Every failed login, kept after its lockout has ended."""

    list_filter = [
        titled_filter("attempt_time", pgettext_lazy("list filter", "Attempt Time")),
        titled_filter("locked_out", pgettext_lazy("list filter", "Access lock out")),
        titled_filter("path_info", pgettext_lazy("list filter", "Path")),
    ]


class LoginLogAdmin(PortalChangeListMixin, AccessLogAdmin):
    """Every successful login and its logout."""

    list_filter = [
        titled_filter("attempt_time", pgettext_lazy("list filter", "Attempt Time")),
        titled_filter("logout_time", pgettext_lazy("list filter", "Logout Time")),
        titled_filter("path_info", pgettext_lazy("list filter", "Path")),
    ]


for model, model_admin in [
    (AccessAttempt, LoginAttemptAdmin),
    (AccessFailureLog, LoginFailureLogAdmin),
    (AccessLog, LoginLogAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)


class WebAddressFilter(admin.SimpleListFilter):
    """Sources by what their web address answered to the last `manage.py check_links`."""

    title = pgettext_lazy("list filter", "web address")
    parameter_name = "address"
    NOT_ANSWERING = "not_answering"

    def lookups(self, request, model_admin):
        return [
            (self.NOT_ANSWERING, gettext_lazy("Does not answer")),
            ("answers", gettext_lazy("Answers")),
            ("unchecked", gettext_lazy("Not checked yet")),
        ]

    def queryset(self, request, queryset):
        checks = LinkCheck.objects.filter(url=OuterRef("url"))
        match self.value():
            case self.NOT_ANSWERING:
                return self.not_answering(queryset)
            case "answers":
                return queryset.filter(Exists(checks.filter(answered=True)))
            case "unchecked":
                return queryset.exclude(url="").exclude(Exists(checks))
        return queryset

    @staticmethod
    def not_answering(queryset):
        return queryset.filter(
            Exists(LinkCheck.objects.filter(url=OuterRef("url"), answered=False))
        )


@admin.register(Source)
class SourceAdmin(PortalAdmin):
    list_display = ["title", "kind", "publisher", "year"]
    list_filter = [titled_filter("kind", pgettext_lazy("list filter", "kind")), WebAddressFilter]
    search_fields = ["title", "slug", "publisher", "url"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "url", ("publisher", "year")]}),
        (gettext_lazy("Note"), {"classes": ["collapse"], "fields": ["note"]}),
    ]

    def attention_items(self, request):
        return [
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s source with a web address that does not answer",
                    "%(count)s sources with a web address that does not answer",
                    "count",
                ),
                records=WebAddressFilter.not_answering(Source.objects.all()),
                filters={WebAddressFilter.parameter_name: WebAddressFilter.NOT_ANSWERING},
                note=self.last_link_check(),
            )
        ]

    @staticmethod
    def last_link_check():
        last = LinkCheck.objects.aggregate(last=Max("checked_at"))["last"]
        if last is None:
            return gettext("Web addresses have not been checked yet (manage.py check_links).")
        return gettext("Web addresses last checked on %(date)s.") % {"date": format_moment(last)}


@admin.register(LinkCheck)
class LinkCheckAdmin(PortalChangeListMixin, admin.ModelAdmin):
    """What `manage.py check_links` found at each address: read only, since only the check
    writes it."""

    list_display = ["url", "answered", "status_code", "error", "checked_at"]
    list_filter = [
        titled_filter("answered", pgettext_lazy("list filter", "answers")),
        titled_filter("error", pgettext_lazy("list filter", "error")),
    ]
    search_fields = ["url"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SourceDiscrepancy)
class SourceDiscrepancyAdmin(TranslatedPortalAdmin):
    list_display = ["field_label", "other_value", "content_type", "record", "source"]
    list_filter = [titled_filter("content_type", pgettext_lazy("list filter", "kind of record"))]
    list_select_related = ["content_type", "source"]
    search_fields = ["field_label_sl", "field_label_en", "other_value"]
    autocomplete_fields = ["source"]

    def get_queryset(self, request):
        # One query per kind of record rather than one per row.
        return super().get_queryset(request).prefetch_related("content_object")

    @admin.display(description=gettext_lazy("record"))
    def record(self, discrepancy):
        return discrepancy.content_object


AREA_AND_POPULATION = gettext_lazy("Area and population")


class RegionForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"region_population_has_year": "population_year"}


@admin.register(Region)
class RegionAdmin(TranslatedPortalAdmin):
    form = RegionForm
    list_display = ["name", "nuts_code", "area_km2", "population", "population_year"]
    search_fields = ["name_sl", "name_en", "nuts_code"]
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "nuts_code", "older_nuts_codes"]}),
        (AREA_AND_POPULATION, {"fields": ["area_km2", ("population", "population_year")]}),
        source_fieldset(),
    ]


class MunicipalityForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"municipality_population_has_year": "population_year"}


@admin.register(Municipality)
class MunicipalityAdmin(PortalAdmin):
    form = MunicipalityForm
    list_display = ["name", "iso_code", "is_urban", "region", "population", "population_year"]
    list_filter = [
        titled_filter("is_urban", pgettext_lazy("list filter", "urban municipality")),
        titled_filter("region", pgettext_lazy("list filter", "region")),
    ]
    list_select_related = ["region"]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "iso_code", "is_urban", "region"]}),
        (AREA_AND_POPULATION, {"fields": ["area_km2", ("population", "population_year")]}),
        source_fieldset(),
    ]


@admin.register(ImportLog)
class ImportLogAdmin(PortalChangeListMixin, admin.ModelAdmin):
    """The spreadsheet imports, newest first, each with an "Undo" (importing.undo_import()):
    editors see them and undo them (the change permission); nobody edits or adds one."""

    list_display = [
        "file_name",
        "content_type",
        "imported_at",
        "imported_by",
        "new_count",
        "changed_count",
        "undone_at",
        "undo_link",
    ]
    list_select_related = ["revision__user", "content_type"]
    search_fields = ["file_name"]
    fieldsets = [
        (None, {"fields": ["file_name", "content_type", "imported_at", "imported_by"]}),
        (gettext_lazy("Rows"), {"fields": ["new_count", "changed_count"]}),
        (gettext_lazy("Undo"), {"fields": ["undone_at", "undone_by"]}),
    ]
    readonly_fields = [*list_display[:-1], "undone_by"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("imported"), ordering="revision__date_created")
    def imported_at(self, log):
        return format_moment(log.revision.date_created)

    @admin.display(description=gettext_lazy("by"))
    def imported_by(self, log):
        return log.revision.user

    @admin.display(description=gettext_lazy("undo"))
    def undo_link(self, log):
        from django.utils.html import format_html

        if log.undone_at:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:regionportal_importlog_undo", args=[log.pk]),
            gettext("Undo"),
        )

    def get_urls(self):
        from django.urls import path

        return [
            path(
                "<int:log_id>/undo/",
                self.admin_site.admin_view(self.undo_view),
                name="regionportal_importlog_undo",
            ),
            *super().get_urls(),
        ]

    @manages_own_revisions
    def undo_view(self, request, log_id):
        """A page that asks; its POST undoes the import and returns to the list."""
        from django.http import HttpResponseRedirect
        from django.shortcuts import get_object_or_404
        from django.template.response import TemplateResponse

        log = get_object_or_404(ImportLog.objects.select_related("revision"), pk=log_id)
        if not self.has_change_permission(request, log):
            raise PermissionDenied
        if request.method == "POST":
            try:
                importing.undo_import(log=log, user=request.user)
            except importing.UndoError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("The import of %(file)s was undone.") % {"file": log.file_name},
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(reverse("admin:regionportal_importlog_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Undo the import of %(file)s") % {"file": log.file_name},
            "log": log,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/import_export/undo_import.html", context)


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(PortalChangeListMixin, UserAdmin):
    """Django's user admin, with each user's second factor and a superuser's reset of it."""

    list_display = [*UserAdmin.list_display, "has_second_factor"]
    list_filter = [
        titled_filter("is_staff", pgettext_lazy("list filter", "staff status")),
        titled_filter("is_superuser", pgettext_lazy("list filter", "superuser status")),
        titled_filter("is_active", pgettext_lazy("list filter", "active")),
        titled_filter("groups", pgettext_lazy("list filter", "groups")),
    ]
    actions = ["reset_second_factor"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                has_second_factor=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
            )
        )

    @admin.display(
        boolean=True, description=gettext_lazy("Two-factor login"), ordering="has_second_factor"
    )
    def has_second_factor(self, user):
        return user.has_second_factor

    @admin.action(
        description=gettext_lazy("Reset the two-factor login of the selected users"),
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request, queryset):
        """For a staff member who lost their phone: their app and recovery codes stop working,
        and they enrol a new app after their next password login."""
        users = list(queryset.order_by("username"))
        for user in users:
            two_factor.remove_second_factor(user=user)
            self.log_change(request, user, gettext("Reset the two-factor login."))
        self.message_user(
            request,
            gettext(
                "Two-factor login reset for: %(users)s. They set up their authenticator app "
                "again when they next log in."
            )
            % {"users": ", ".join(user.get_username() for user in users)},
            messages.SUCCESS,
        )

    def has_reset_second_factor_permission(self, request):
        return request.user.is_superuser


# django-reversion ships its Slovenian catalogue as sl_SI, which Django does not use for "sl";
# naming its admin wording here puts it into the portal's own catalogue.
REVERSION_MESSAGES = (
    gettext_noop("Reversion"),
    gettext_noop("revision"),
    gettext_noop("revisions"),
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop(
        "This object doesn't have a change history. It probably wasn't added via this admin site."
    ),
)

# Wording of Django and its admin that Django's Slovenian catalogue does not translate yet and
# that editors meet every day: messages after a save or a rejected edit, and the deletion page.
DJANGO_ADMIN_MESSAGES = (
    gettext_noop("- Select an option -"),
    gettext_noop("Error:"),
    gettext_noop("Please correct the error below."),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    gettext_noop("Added “%(object)s”."),
    gettext_noop("Changed “%(object)s” — %(changes)s"),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following "
        "protected related objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Run"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Select %s to view"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Popup closing…"),
    gettext_noop("Logout"),
    gettext_noop("Forgotten your login credentials?"),
    # Django's Slovenian words these unlike the rest ("Izbrišem?", "Preklop teme" beside
    # "Preklopi temo").
    gettext_noop("Delete?"),
    gettext_noop("Toggle theme (current theme: dark)"),
)

# Phrases of Django's admin that put a model's name where Slovenian needs another case or gender
# than the name has ("Dodaj organizacija", "Izberite skupina, ki ga želite spremeniti"), or a
# number the name must agree with ("Izberi vse 5 projekti"). The portal's catalogue words them so
# that the name stands alone after a colon, as the catalogue's other admin phrases do ("Dodaj nov
# zapis: organizacija"). A filter's heading, "Po %(filter_title)s", takes a title in the case that
# "po" needs instead (titled_filter). Last, the admin's counts whose Slovenian was wrong.
VERBOSE_NAME_PHRASES = (
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Cannot delete %(name)s"),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following "
        "objects and their related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would require deleting the following protected "
        "related objects:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but "
        "your account doesn't have permission to delete the following types of objects:"
    ),
    # The action bar's count before the admin's script updates it, worded as the script words it.
    gettext_noop("0 of %(cnt)s selected"),
    # Django's Slovenian gives these plural forms to the wrong numbers ("1 zadetkov").
    ngettext_lazy("%(counter)s result", "%(counter)s results"),
    ngettext_lazy("%(total_count)s selected", "All %(total_count)s selected"),
)

# Wording of Django's user admin and its delete page that Django's Slovenian catalogue does not
# translate yet.
DJANGO_AUTH_MESSAGES = (
    gettext_noop("%(app)s administration"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Reset password"),
    gettext_noop("Set password"),
    gettext_noop("Set password: %s"),
    gettext_noop("Password-based authentication"),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On or "
        "LDAP."
    ),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
)

# django-axes has no Slovenian catalogue; naming the wording of its admin pages here puts it into
# the portal's own.
AXES_MESSAGES = (
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Logout Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Not set"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Session key hash (sha256)"),
)

# django-import-export ships no Slovenian catalogue: its wording that staff see (the list's
# Import and Export buttons, the export page and action, the upload form, the dry run's page and
# its errors) is named here to put it into the portal's catalogue.
IMPORT_EXPORT_MESSAGES = (
    gettext_noop("Import"),
    gettext_noop("Export"),
    gettext_noop("Export selected %(verbose_name_plural)s"),
    gettext_noop("Resource"),
    gettext_noop("Format"),
    gettext_noop("File to import"),
    gettext_noop("Select all"),
    gettext_noop("Submit"),
    gettext_noop("This exporter will export the following fields: "),
    gettext_noop("This importer will import the following fields: "),
    gettext_noop('Select at least 1 field for "%(resource_name)s" to export'),
    gettext_noop("Confirm import"),
    gettext_noop(
        "Below is a preview of data to be imported. If you are satisfied with the results, "
        "click 'Confirm import'"
    ),
    gettext_noop("Errors"),
    gettext_noop("Line number"),
    gettext_noop("Some rows failed to validate"),
    gettext_noop(
        "Please correct these errors in your data where possible, then reupload it using the "
        "form above."
    ),
    gettext_noop("Row"),
    gettext_noop("Non field specific"),
    gettext_noop("Preview"),
    gettext_noop("New"),
    gettext_noop("Skipped"),
    gettext_noop("Delete"),
    gettext_noop("Update"),
    gettext_noop("Value could not be parsed."),
    gettext_noop(
        "No valid data to import. Ensure your file has the correct headers or data for import."
    ),
    gettext_noop(
        "%(exc_name)s encountered while trying to read file. Ensure you have chosen the correct "
        "format for the file."
    ),
    gettext_noop(
        "The following fields are declared in 'import_id_fields' but are not present in the file "
        "headers: %s"
    ),
    gettext_noop("Import finished: {} new, {} updated, {} deleted and {} skipped {}."),
    gettext_noop("export failed due to IllegalCharacterError"),
    ngettext_lazy("Export %(len)s selected item.", "Export %(len)s selected items.", "len"),
)
