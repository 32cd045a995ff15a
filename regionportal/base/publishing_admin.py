"""The admin side of the publication workflow (regionportal.base.publishing).

A publishable record's change page shows its state, its publish-at time and the steps it went
through, and offers the steps the staff member may take now as buttons above the form. A button
opens a confirmation page with a comment box (and, for publishing, the publish-at time); that
page calls the workflow's service function, so the admin holds no workflow rule of its own.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from . import publishing
from .admin import titled_filter
from .formatting import format_moment


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        required=False,
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Publish at"),
        widget=AdminSplitDateTime,
        required=False,
        help_text=_(
            "Optional: the record appears publicly only from this moment on. "
            "Leave empty to publish at once."
        ),
    )

    def __init__(self, *args, transition, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        if transition.needs_comment:
            self.fields["comment"].required = True
            self.fields["comment"].help_text = _(
                "Required: the editor sees it in the record's history."
            )
        if transition is not publishing.PUBLISH:
            del self.fields["publish_at"]


class PublicNowFilter(admin.SimpleListFilter):
    """The records the public sees now (PublishableQuerySet.published()): published and past
    their publish-at, where the state filter's "Published" also lists the embargoed ones."""

    title = pgettext_lazy("list filter", "public visibility")
    parameter_name = "public_now"
    VISIBLE = "yes"

    def lookups(self, request, model_admin):
        return [(self.VISIBLE, _("Visible to the public now"))]

    def queryset(self, request, queryset):
        if self.value() != self.VISIBLE:
            return queryset
        return queryset.published()

    @classmethod
    def filters(cls):
        """The query string of a changelist filtered by it."""
        return {cls.parameter_name: cls.VISIBLE}


class PublishableAdminMixin:
    """For the ModelAdmin of a `Publishable` model: state in the list and its filter, a
    "Publication" fieldset, and the workflow's buttons and confirmation pages."""

    change_form_template = "admin/publishing/change_form.html"
    publication_fieldset = (
        pgettext_lazy("admin fieldset", "Publication"),
        {"fields": ["state", "publish_at", "publication_steps"]},
    )

    def get_list_display(self, request):
        return [*super().get_list_display(request), "publication_state"]

    def get_list_filter(self, request):
        return [
            *super().get_list_filter(request),
            titled_filter("state", pgettext_lazy("list filter", "publication state")),
        ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            fieldset
            for fieldset in super().get_fieldsets(request, obj)
            if fieldset[0] != self.publication_fieldset[0]
        ]
        return [*fieldsets, self.publication_fieldset]

    def get_fields(self, request, obj=None):
        # Without fieldsets of its own, Django's form lists every field; the publication ones
        # come in publication_fieldset alone.
        fields = super().get_fields(request, obj)
        return [name for name in fields if name not in self.publication_fieldset[1]["fields"]]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "state", "publication_steps"]
        if not publishing.can_publish(request.user, self.model):
            readonly.append("publish_at")  # the embargo is the publisher's decision
        return readonly

    @admin.display(description=pgettext_lazy("publication", "state"), ordering="state")
    def publication_state(self, record):
        if record.is_embargoed:
            return gettext("Published from %(time)s") % {"time": format_moment(record.publish_at)}
        return record.get_state_display()

    @admin.display(description=_("publication steps"))
    def publication_steps(self, record):
        if record is None or record.pk is None:
            return gettext("A new record starts as a draft.")
        steps = record.state_changes.select_related("user")
        if not steps:
            return gettext("No step yet: the record is as it was made.")
        return format_html(
            "<ol class='publication-steps'>{}</ol>",
            format_html_join(
                "",
                "<li><time datetime='{}'>{}</time>, {}: {} → {}{}</li>",
                (
                    (
                        step.at.isoformat(),
                        format_moment(step.at),
                        staff_name(step.user),
                        step.get_from_state_display(),
                        step.get_to_state_display(),
                        format_html(" — „{}“", step.comment) if step.comment else "",
                    )
                    for step in steps
                ),
            ),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["publication_transitions"] = (
            publishing.transitions_for(request.user, obj) if obj is not None else []
        )
        context["public_pages"] = public_pages(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/publication/<slug:step>/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id, step):
        transition = publishing.TRANSITIONS.get(step)
        record = self.get_object(request, unquote(object_id))
        if transition is None or record is None:
            raise Http404
        if not self.has_view_or_change_permission(request, record):
            raise PermissionDenied
        change_url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[record.pk],
        )
        if not transition.allowed_for(request.user, record):
            self.message_user(
                request,
                gettext("“%(step)s” is not possible for this record now (it is “%(state)s”).")
                % {"step": transition.label, "state": record.get_state_display()},
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)
        form = TransitionForm(
            request.POST if request.method == "POST" else None,
            transition=transition,
            initial={"publish_at": record.publish_at},
        )
        if form.is_valid():
            arguments = {
                "record": record,
                "user": request.user,
                "comment": form.cleaned_data["comment"],
            }
            if "publish_at" in form.fields:
                arguments["publish_at"] = form.cleaned_data["publish_at"]
            try:
                record = publishing.SERVICES[transition.name](**arguments)
            except ValidationError as error:
                # A rule of the record itself (say, a field made invalid since): above the form.
                form.add_error(None, error.messages)
            else:
                self.message_user(
                    request,
                    gettext("“%(record)s” is now “%(state)s”.")
                    % {"record": record, "state": self.publication_state(record)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("%(step)s: %(record)s") % {"step": transition.label, "record": record},
            "opts": self.opts,
            "original": record,
            "record": record,
            "transition": transition,
            "form": form,
            "media": self.media + form.media,
            "change_url": change_url,
            "has_view_permission": self.has_view_permission(request, record),
        }
        return TemplateResponse(request, "admin/publishing/transition.html", context)


def public_pages(record):
    """The record's public page in each of the site's languages, as (language name, address),
    for staff to open it there (as a preview while it is not public); none for a record
    without a page of its own."""
    if record is None or record.pk is None or not hasattr(record, "get_absolute_url"):
        return []
    pages = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = record.get_absolute_url() if record.is_public else record.get_preview_url()
        pages.append((code, str(name), url))
    return pages


def staff_name(user):
    if user is None:
        return gettext("a former staff member")
    return user.get_full_name() or user.get_username()
