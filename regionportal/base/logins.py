"""Staff logins under django-axes: who is locked out, from which address, and what they see.

A username is locked out after AXES_FAILURE_LIMIT failed logins from any address, an address
after LOGIN_FAILURE_LIMIT_PER_ADDRESS failed logins for any usernames, each for
AXES_COOLOFF_TIME. Axes' backend refuses a locked-out attempt before Django's backend hashes
the password, so a guesser costs the server a database query, not a password hash.
"""

import ipaddress
import logging

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cache_timeout, get_client_str, get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db.models import Q, Sum
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)


def client_address(request):
    """The address a login comes from.

    The connection's address, or, behind TRUSTED_PROXY_COUNT reverse proxies that each append
    the address they were reached from to X-Forwarded-For, the entry the outermost proxy added.
    Entries before it are whatever the client sent and are not believed. None when the address
    is not an IP address.
    """
    address = request.META.get("REMOTE_ADDR")
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= proxy_count:
            address = forwarded[-proxy_count].strip()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit for the username and another for the address."""

    def get_failures(self, request, credentials=None):
        """The recent failures of this login's username, or of its address counted on the
        username's scale, whichever is nearer its limit.

        Axes compares one number with one limit, AXES_FAILURE_LIMIT, for every lockout
        parameter; an address's failures are scaled so that LOGIN_FAILURE_LIMIT_PER_ADDRESS of
        them reach it. One query, whatever the number of attempts.
        """
        username = get_client_username(request, credentials)
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        totals = recent.aggregate(
            of_username=Sum("failures_since_start", filter=Q(username=username), default=0),
            from_address=Sum(
                "failures_since_start",
                filter=Q(ip_address=request.axes_ip_address),
                default=0,
            ),
        )
        address_failures_scaled = (
            totals["from_address"]
            * settings.AXES_FAILURE_LIMIT
            // settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
        )
        return max(totals["of_username"], address_failures_scaled)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """Record a failed login; log a refused one and write nothing for it.

        For a refused attempt axes writes no failure (so that it does not extend the lockout)
        but still deletes expired attempts first: a database write for every refused guess.
        """
        if request is None or not request.axes_locked_out:
            super().user_login_failed(sender, credentials, request, **kwargs)
            return
        username = get_client_username(request, credentials)
        logger.warning(
            "AXES: Refused login while locked out by %s.",
            get_client_str(
                username,
                request.axes_ip_address,
                request.axes_user_agent,
                request.axes_path_info,
                request,
            ),
        )
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes", request=request, username=username, ip_address=request.axes_ip_address
        )


def lockout_message(request):
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return ngettext(
        "Too many failed logins. Logging in with this username or from this network address is "
        "temporarily disabled; try again in %(minutes)d minute.",
        "Too many failed logins. Logging in with this username or from this network address is "
        "temporarily disabled; try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The admin's login page, with the lockout message above its form (429 Too Many Requests).

    The form is the admin site's own login form, so a two-factor form shows its fields too.
    """
    site = admin.site
    form_class = site.login_form or AdminAuthenticationForm
    # Bound without a password: it is not validated against any backend.
    form = form_class(request, data={"username": get_client_username(request, credentials) or ""})
    form.errors.clear()
    form.add_error(None, lockout_message(request))
    context = {
        **site.each_context(request),
        "title": _("Log in"),
        "app_path": request.get_full_path(),
        "form": form,
        REDIRECT_FIELD_NAME: request.POST.get(
            REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME, "")
        ),
        "login_template": site.login_template or "admin/login.html",
    }
    # Rendered here: the middleware that calls this runs after template responses are rendered.
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(get_cache_timeout(request))
    return response
