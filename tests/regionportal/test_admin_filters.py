"""No admin list answers 500 to a hand-edited address: every filter, sort, page, search and
date parameter of every registered admin, with values no form would send."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.urls import reverse
from django.utils import timezone

from tests.admin_rows import ROW_FACTORIES

HOSTILE_VALUES = [
    "0",
    "1",
    "-1",
    "9999",
    "10000",
    "99999999999999999999",
    "abč ☃",
    "",
    "1.5",
    "2020-13-45",
    "9" * 3000,
    "a\x00b",
    # Digits to str.isdigit(), not to int(); and digits to both that are not ASCII.
    "²",
    "١٢٣",
]

REGISTERED_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def make_rows():
    """A row of each list, so that every filter has choices to offer."""
    for make_row in ROW_FACTORIES.values():
        make_row()
    fields = {
        "username": "urska",
        "ip_address": "10.0.0.1",
        "user_agent": "test",
        "http_accept": "*/*",
        "path_info": "/admin/login/",
    }
    AccessAttempt.objects.create(**fields, get_data="", post_data="", failures_since_start=3)
    AccessFailureLog.objects.create(**fields)
    AccessLog.objects.create(**fields, logout_time=timezone.now())


def list_parameters(response, model_admin):
    """The query parameters the list reads: those of each filter it shows, of its date
    hierarchy, and its sort, page and search."""
    parameters = [ORDER_VAR, PAGE_VAR, SEARCH_VAR]
    for spec in response.context["cl"].filter_specs:
        parameters.extend(spec.expected_parameters())
    if model_admin.date_hierarchy:
        parameters.extend(
            f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")
        )
    return parameters


@pytest.mark.django_db
@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_no_list_parameter_answers_500(admin_client, model):
    make_rows()
    admin_client.raise_request_exception = False
    url = changelist_url(model)
    response = admin_client.get(url)
    assert response.status_code == 200
    parameters = list_parameters(response, admin.site._registry[model])
    assert parameters

    failures = []
    for parameter in parameters:
        for value in HOSTILE_VALUES:
            response = admin_client.get(url, {parameter: value})
            ignored = response.status_code == 302 and response["Location"].endswith("?e=1")
            if response.status_code != 200 and not ignored:
                failures.append(f"{parameter}={value[:30]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)
