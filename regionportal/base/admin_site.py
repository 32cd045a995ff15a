"""The admin site of the portal: Django's, with the staff's two-factor login in front of it.

A staff member logs in with their password (Django's login form, so authenticate() and its
lockout see every attempt), then, if they have a second factor, with a code from it. Someone who
needs a second factor (regionportal.base.two_factor.requires_second_factor) and has none is sent to
enrol one and reaches nothing else in the admin until they have.
"""

from functools import wraps

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from . import attention, changes, two_factor
from .forms import EnrolmentCodeForm, LoginCodeForm, PasswordConfirmForm


def posted(request):
    """The data a form was sent with, or None when the page is only asked for."""
    return request.POST if request.method == "POST" else None


class PortalAdminSite(admin.AdminSite):
    def has_permission(self, request):
        """Staff reach the admin once their password and, where they have or need one, their
        second factor are checked."""
        return super().has_permission(request) and self.pending_step(request) is None

    def pending_step(self, request):
        return two_factor.pending_step(request.user, verified_by=request.user.otp_device)

    def index(self, request, extra_context=None):
        """Django's index, with "Needs attention" above the apps (regionportal.base.attention)."""
        return super().index(
            request,
            {"attention": attention.attention(self, request), **(extra_context or {})},
        )

    def get_urls(self):
        return [
            # Someone stopped at the second step may still log out: the admin's own logout
            # URL answers only once has_permission() does.
            path("logout/", self.logout, name="logout"),
            path("two-factor/", self.staff_view(self.two_factor_page), name="two_factor"),
            path(
                "two-factor/verify/",
                self.staff_view(self.two_factor_verify),
                name="two_factor_verify",
            ),
            path(
                "two-factor/recovery-codes/",
                self.staff_view(self.two_factor_recovery_codes),
                name="two_factor_recovery_codes",
            ),
            path(
                "two-factor/remove/",
                self.staff_view(self.two_factor_remove),
                name="two_factor_remove",
            ),
            path("changes/", self.admin_view(self.recent_changes), name="changes"),
            *super().get_urls(),
        ]

    def each_context(self, request):
        context = super().each_context(request)
        context["may_see_changes"] = changes.may_see_changes(request.user)
        return context

    def recent_changes(self, request):
        """ "Zadnje spremembe": every change to every record (regionportal.base.changes)."""
        return changes.changes_view(request, self)

    def staff_view(self, view):
        """Like admin_view(), for the pages a staff member uses before their second factor is
        checked: they need only to be logged in as active staff."""

        @wraps(view)
        def inner(request, *args, **kwargs):
            if not (request.user.is_active and request.user.is_staff):
                return redirect_to_login(
                    request.get_full_path(), reverse("admin:login", current_app=self.name)
                )
            request.current_app = self.name
            return view(request, *args, **kwargs)

        return never_cache(csrf_protect(inner))

    def login(self, request, extra_context=None):
        if request.method == "GET" and (response := self.redirect_to_pending_step(request)):
            return response
        response = super().login(request, extra_context)
        if request.method == "POST" and isinstance(response, HttpResponseRedirect):
            # A password login asks for the second factor afresh, whatever the session held.
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            step = two_factor.pending_step(request.user, verified_by=None)
            if step is not None:
                return self.redirect_to_step(step, next_url=response["Location"])
        return response

    def redirect_to_pending_step(self, request):
        if request.user.is_authenticated and (step := self.pending_step(request)):
            return self.redirect_to_step(step, next_url=self.next_url(request))
        return None

    def redirect_to_step(self, step, *, next_url):
        name = "admin:two_factor_verify" if step == two_factor.VERIFY else "admin:two_factor"
        url = reverse(name, current_app=self.name)
        return HttpResponseRedirect(f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")

    def next_url(self, request):
        """Where the staff member was going: `next` if it is an address of this site."""
        url = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME, ""))
        if url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
        return reverse("admin:index", current_app=self.name)

    def render_page(self, request, template, context):
        return TemplateResponse(
            request,
            f"admin/two_factor/{template}",
            {
                **self.each_context(request),
                "next": self.next_url(request),
                **context,
            },
        )

    def two_factor_verify(self, request):
        """The second step of a login: a code from the app or a recovery code."""
        if self.pending_step(request) != two_factor.VERIFY:
            return HttpResponseRedirect(self.next_url(request))
        form = LoginCodeForm(posted(request), user=request.user)
        if form.is_valid():
            otp_login(request, form.device)
            if isinstance(form.device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "You logged in with a recovery code, which is now used up. "
                        "Recovery codes left: %(count)d."
                    )
                    % {"count": two_factor.recovery_codes_left(request.user)},
                )
            return HttpResponseRedirect(self.next_url(request))
        return self.render_page(
            request, "verify.html", {"title": _("Two-factor login"), "form": form}
        )

    def two_factor_page(self, request):
        """The staff member's second factor: enrolling an authenticator app, or what they have
        and links to change it."""
        if self.pending_step(request) == two_factor.VERIFY:
            return self.redirect_to_pending_step(request)
        if two_factor.has_authenticator(request.user):
            return self.render_page(
                request,
                "status.html",
                {
                    "title": _("Two-factor login"),
                    "recovery_codes_left": two_factor.recovery_codes_left(request.user),
                },
            )
        device = two_factor.enrolling_device(user=request.user)
        form = EnrolmentCodeForm(posted(request), device=device)
        if form.is_valid():
            codes = two_factor.finish_enrolment(device=device)
            otp_login(request, device)
            return self.show_recovery_codes(request, codes, _("Two-factor login is on."))
        return self.render_page(
            request,
            "enrol.html",
            {
                "title": _("Set up two-factor login"),
                "form": form,
                "qr_code": two_factor.qr_code_svg(device, _("QR code for your authenticator app")),
                "secret": two_factor.secret_text(device),
                "required": two_factor.requires_second_factor(request.user),
            },
        )

    def show_recovery_codes(self, request, codes, message):
        """The page of new recovery codes, in the answer to the form that made them: they are
        kept nowhere else that a later request could show."""
        messages.success(request, message)
        return self.render_page(
            request, "recovery_codes.html", {"title": _("Your recovery codes"), "codes": codes}
        )

    def verified_with_authenticator(self, request):
        return request.user.is_verified() and two_factor.has_authenticator(request.user)

    def two_factor_recovery_codes(self, request):
        """New recovery codes in place of the old ones, after the password is asked again."""
        if not self.verified_with_authenticator(request):
            return redirect("admin:two_factor")
        form = PasswordConfirmForm(posted(request), request=request)
        if form.is_valid():
            codes = two_factor.new_recovery_codes(user=request.user)
            return self.show_recovery_codes(
                request, codes, _("Your old recovery codes no longer work.")
            )
        return self.render_page(
            request, "new_recovery_codes.html", {"title": _("New recovery codes"), "form": form}
        )

    def two_factor_remove(self, request):
        """Turning the second factor off (to enrol a new phone, say), after the password is
        asked again."""
        if not self.verified_with_authenticator(request):
            return redirect("admin:two_factor")
        form = PasswordConfirmForm(posted(request), request=request)
        if form.is_valid():
            two_factor.remove_second_factor(user=request.user)
            if two_factor.requires_second_factor(request.user):
                messages.warning(
                    request,
                    _(
                        "Two-factor login is off. You need it to work in the admin: set up "
                        "your authenticator app again."
                    ),
                )
            else:
                messages.success(request, _("Two-factor login is off."))
            return redirect("admin:two_factor")
        return self.render_page(
            request, "remove.html", {"title": _("Turn off two-factor login"), "form": form}
        )
