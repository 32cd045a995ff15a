"""Every admin page of the portal: it answers, it needs a login, its list does not run a query
per row, and the two staff groups may do what their names say."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from projects.models import Project
from regionportal.base.models import ImportJob, ImportLog, LinkCheck, StateChange
from tests import factories
from tests.admin_rows import ROW_FACTORIES

PORTAL_APPS = {"regionportal", "pillars", "funding", "projects"}


PORTAL_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in PORTAL_APPS),
    key=lambda model: model._meta.label,
)


# Lists that only a command writes: no add, change or history pages.
READ_ONLY_MODELS = {LinkCheck, ImportLog}


def model_id(model):
    return model._meta.label


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_portal_model_has_an_admin():
    """Every model of the portal's apps is in the admin itself or as an inline."""
    inline_models = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    portal_models = {
        model for label in PORTAL_APPS for model in apps.get_app_config(label).get_models()
    }
    # A publication step is shown read-only on its record's page: an admin of its own would
    # let staff rewrite the record's history. A background import has its page under its
    # list's import, for whoever may import into the list.
    assert portal_models - set(PORTAL_MODELS) - inline_models == {StateChange, ImportJob}
    assert set(PORTAL_MODELS) == set(ROW_FACTORIES)


@pytest.mark.django_db
@pytest.mark.parametrize("model", PORTAL_MODELS, ids=model_id)
def test_pages_answer_for_a_superuser(admin_client, model):
    obj = ROW_FACTORIES[model]()
    urls = [
        admin_url(model, "changelist"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "history", obj.pk),
    ]
    if model in READ_ONLY_MODELS:
        assert admin_client.get(admin_url(model, "add")).status_code == 403
    else:
        urls += [admin_url(model, "add"), admin_url(model, "recoverlist")]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("model", PORTAL_MODELS, ids=model_id)
def test_pages_send_anonymous_users_to_the_login(client, model):
    obj = ROW_FACTORIES[model]()
    for url in [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


@pytest.mark.django_db
@pytest.mark.parametrize("model", PORTAL_MODELS, ids=model_id)
def test_changelist_query_count_does_not_grow_with_rows(
    assert_constant_queries, admin_client, model
):
    make_row = ROW_FACTORIES[model]
    url = admin_url(model, "changelist")
    make_row()
    admin_client.get(url)  # fills the caches (content types, session) before counting

    def add_rows():
        for _ in range(5):
            make_row()

    few_rows, more_rows = assert_constant_queries(url, add_rows, client=admin_client)
    assert few_rows.context["cl"].result_count == 1
    assert more_rows.context["cl"].result_count == 6


@pytest.mark.django_db
def test_groups_hold_the_portal_permissions():
    portal = Permission.objects.filter(content_type__app_label__in=PORTAL_APPS)
    history = {"view_revision", "view_version"}

    publish = Permission.objects.filter(codename__startswith="publish_")
    # Publication steps and background imports are reached through their records' and lists'
    # own permissions.
    steps = Permission.objects.filter(content_type__model__in=["statechange", "importjob"])
    assert {p.codename for p in publish} == {"publish_project", "publish_agreementproject"}

    editors = Group.objects.get(name="Urednik").permissions.all()
    assert set(editors) == (set(portal) - set(publish) - set(steps)) | set(
        Permission.objects.filter(codename__in=history)
    )
    assert {p.codename.split("_")[0] for p in editors} == {"add", "change", "delete", "view"}

    publishers = Group.objects.get(name="Odobritelj").permissions.all()
    assert set(publishers) == set(editors) | set(publish)

    reviewers = Group.objects.get(name="Pregledovalec").permissions.all()
    assert {p.codename.split("_")[0] for p in reviewers} == {"view"}
    assert set(reviewers) >= set(portal.filter(codename__startswith="view_")) - set(steps)


def test_no_default_users(django_user_model, db):
    assert not django_user_model.objects.exists()


@pytest.mark.django_db
def test_an_editor_changes_a_project(editor, editor_client, changeform_data):
    assert not editor.is_superuser
    project = factories.make_full_project(title_sl="Stari naslov")
    url = admin_url(Project, "change", project.pk)

    data = changeform_data(editor_client.get(url))
    data["title_sl"] = "Novi naslov"
    response = editor_client.post(url, data)

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title_sl == "Novi naslov"


@pytest.mark.django_db
def test_an_editor_adds_and_deletes(editor_client):
    response = editor_client.get(admin_url(Project, "add"))
    assert response.status_code == 200
    project = factories.make_project()
    response = editor_client.post(admin_url(Project, "delete", project.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()


@pytest.mark.django_db
def test_a_reviewer_sees_but_cannot_change(reviewer, reviewer_client, changeform_data):
    assert not reviewer.is_superuser
    project = factories.make_full_project(title_sl="Stari naslov")
    url = admin_url(Project, "change", project.pk)

    response = reviewer_client.get(url)
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert 'name="_save"' not in response.text
    assert "Stari naslov" in response.text

    response = reviewer_client.post(url, {"title_sl": "Novi naslov"})
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.title_sl == "Stari naslov"

    assert reviewer_client.get(admin_url(Project, "add")).status_code == 403
    assert reviewer_client.post(admin_url(Project, "delete", project.pk)).status_code == 403
    assert Project.objects.filter(pk=project.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", PORTAL_MODELS, ids=model_id)
def test_a_reviewer_sees_every_list(reviewer_client, model):
    ROW_FACTORIES[model]()
    assert reviewer_client.get(admin_url(model, "changelist")).status_code == 200
