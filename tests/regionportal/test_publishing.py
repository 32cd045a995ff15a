"""The publication workflow: draft → review → published, and withdrawn; who may take which
step, what each step records, the embargo, the admin's buttons and confirmation pages, and
that only published records reach the public."""

import datetime

import pytest
import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects
from reversion.models import Version

from funding.models import AgreementProject
from projects.models import Project
from regionportal.base import publishing
from regionportal.base.models import StateChange
from regionportal.base.publishing import State
from tests import factories

pytestmark = pytest.mark.django_db


def transition_url(record, step):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_transition", args=[record.pk, step])


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


# The rules, through the service functions.


def test_a_new_record_starts_as_a_draft():
    assert Project(slug="nov", acronym="NOV").state == State.DRAFT
    assert AgreementProject(slug="nova").state == State.DRAFT


def test_the_whole_way_records_who_when_and_why(editor, publisher):
    project = factories.make_project(state=State.DRAFT)

    publishing.submit(record=project, user=editor, comment="Prosim za pregled.")
    publishing.return_to_draft(record=project, user=publisher, comment="Dodaj partnerje.")
    publishing.submit(record=project, user=editor)
    project = publishing.publish(record=project, user=publisher)

    assert project.state == State.PUBLISHED
    assert Project.objects.published().filter(pk=project.pk).exists()
    steps = list(project.state_changes.order_by("at", "pk"))
    assert [(s.from_state, s.to_state, s.user, s.comment) for s in steps] == [
        ("draft", "review", editor, "Prosim za pregled."),
        ("review", "draft", publisher, "Dodaj partnerje."),
        ("draft", "review", editor, ""),
        ("review", "published", publisher, ""),
    ]
    assert all(step.at <= timezone.now() for step in steps)


def test_an_editor_cannot_publish_return_or_withdraw(editor):
    draft = factories.make_project(state=State.DRAFT)
    with pytest.raises(PermissionDenied):
        publishing.publish(record=draft, user=editor)
    in_review = factories.make_project(state=State.REVIEW)
    with pytest.raises(PermissionDenied):
        publishing.return_to_draft(record=in_review, user=editor, comment="Ne.")
    published = factories.make_project(state=State.PUBLISHED)
    with pytest.raises(PermissionDenied):
        publishing.withdraw(record=published, user=editor, comment="Ne.")
    assert set(Project.objects.values_list("state", flat=True)) == {"draft", "review", "published"}
    assert not StateChange.objects.exists()


def test_a_reviewer_cannot_even_submit(reviewer):
    draft = factories.make_project(state=State.DRAFT)
    with pytest.raises(PermissionDenied):
        publishing.submit(record=draft, user=reviewer)


def test_a_superuser_does_everything(admin_user):
    project = factories.make_project(state=State.DRAFT)
    publishing.submit(record=project, user=admin_user)
    publishing.publish(record=project, user=admin_user)
    project = publishing.withdraw(record=project, user=admin_user, comment="Napaka v podatkih.")
    assert project.state == State.WITHDRAWN


def test_returning_and_withdrawing_need_a_comment(publisher):
    in_review = factories.make_project(state=State.REVIEW)
    with translation.override("sl"):
        with pytest.raises(ValidationError) as error:
            publishing.return_to_draft(record=in_review, user=publisher, comment="   ")
        assert error.value.message_dict["comment"] == [
            "Navedite razlog: urednik ga vidi v zgodovini zapisa."
        ]
    in_review.refresh_from_db()
    assert in_review.state == State.REVIEW
    assert not StateChange.objects.exists()


def test_a_step_from_the_wrong_state_is_refused(editor, publisher):
    published = factories.make_project(state=State.PUBLISHED)
    with translation.override("sl"):
        with pytest.raises(ValidationError) as error:
            publishing.submit(record=published, user=editor)
        assert error.value.messages == ["Ta korak ni mogoč, dokler je zapis v stanju »Objavljeno«."]
    draft = factories.make_project(state=State.DRAFT)
    with pytest.raises(ValidationError):
        publishing.withdraw(record=draft, user=publisher, comment="Umik.")


def test_an_embargoed_record_appears_on_time_without_anything_running(client, publisher):
    project = factories.make_project(slug="kasneje", state=State.REVIEW)
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    project = publishing.publish(record=project, user=publisher, publish_at=tomorrow)

    assert project.is_embargoed
    assert not Project.objects.published().exists()
    assert client.get("/sl/projects/kasneje/").status_code == 404
    # The moment passes (here: the record's time is moved back, as the clock would move on).
    Project.objects.filter(pk=project.pk).update(publish_at=timezone.now())
    assert client.get("/sl/projects/kasneje/").status_code == 200


def test_each_step_is_a_revision_with_its_comment(editor):
    project = factories.make_project(state=State.DRAFT)
    with translation.override("sl"):
        publishing.submit(record=project, user=editor, comment="Gotovo.")
    version = Version.objects.get_for_object(project).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Osnutek → V pregledu: Gotovo."
    assert version.field_dict["state"] == "review"


# The admin.


def test_an_editor_adds_a_project_and_it_is_a_draft(editor_client, changeform_data):
    url = reverse("admin:projects_project_add")
    data = changeform_data(editor_client.get(url))
    data.update({"acronym": "NOVI", "slug": "novi", "title_sl": "Novi projekt", "status": "idea"})
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="novi")
    assert project.state == State.DRAFT
    assert not Project.objects.published().exists()


def test_the_change_page_offers_an_editor_only_submitting(editor_client):
    project = factories.make_project(state=State.DRAFT)
    response = editor_client.get(change_url(project), headers={"accept-language": "sl"})
    assertContains(response, "Stanje objave: <strong>Osnutek</strong>", html=False)
    assertContains(response, f'<a href="{transition_url(project, "submit")}"', html=False)
    assertContains(response, "Pošlji v pregled")
    assertNotContains(response, transition_url(project, "publish"))
    # The state is not a field an editor can set.
    assertNotContains(response, 'name="state"')


def test_an_editor_submits_with_a_comment(editor_client, editor):
    project = factories.make_project(state=State.DRAFT, acronym="OSN")
    url = transition_url(project, "submit")

    page = editor_client.get(url, headers={"accept-language": "sl"})
    assertContains(page, "<h1>Pošlji v pregled: OSN</h1>", html=True)
    response = editor_client.post(url, {"comment": "Prosim za pregled."})

    assertRedirects(response, change_url(project), fetch_redirect_response=False)
    project.refresh_from_db()
    assert project.state == State.REVIEW
    step = project.state_changes.get()
    assert (step.user, step.comment) == (editor, "Prosim za pregled.")
    shown = editor_client.get(change_url(project), headers={"accept-language": "sl"})
    assertContains(shown, "»OSN« je zdaj v stanju »V pregledu«.")
    assertContains(shown, "Osnutek → V pregledu — „Prosim za pregled.“")


def test_a_publisher_returns_a_record_only_with_a_comment(publisher_client):
    project = factories.make_project(state=State.REVIEW)
    url = transition_url(project, "return")

    response = publisher_client.post(url, {"comment": ""}, headers={"accept-language": "sl"})

    assert response.status_code == 200
    assertContains(response, "To polje je obvezno.")
    project.refresh_from_db()
    assert project.state == State.REVIEW
    response = publisher_client.post(url, {"comment": "Manjka proračun."})
    assertRedirects(response, change_url(project))
    project.refresh_from_db()
    assert project.state == State.DRAFT


def test_a_publisher_publishes_with_an_embargo(publisher_client):
    project = factories.make_project(state=State.REVIEW)
    url = transition_url(project, "publish")

    response = publisher_client.post(
        url, {"comment": "", "publish_at_0": "1. 1. 2099", "publish_at_1": "08:00:00"}
    )

    assertRedirects(response, change_url(project))
    project.refresh_from_db()
    assert project.state == State.PUBLISHED
    assert project.publish_at == timezone.make_aware(datetime.datetime(2099, 1, 1, 8))
    assert not Project.objects.published().exists()


def test_an_editor_who_tries_to_publish_is_told_so(editor_client):
    project = factories.make_project(state=State.REVIEW)
    response = editor_client.post(
        transition_url(project, "publish"), {}, headers={"accept-language": "sl"}, follow=True
    )
    assertContains(
        response, "Koraka »Objavi« zdaj ni mogoče narediti: zapis je v stanju »V pregledu«."
    )
    project.refresh_from_db()
    assert project.state == State.REVIEW


@pytest.mark.parametrize("step", ["unknown", "../delete", "publish%00", "publish/x"])
def test_an_unknown_step_or_record_takes_no_step(admin_client, step):
    project = factories.make_project(state=State.DRAFT)
    url = f"{change_url(project)}publication/{step}/"
    # Not found, or the admin's own answer to an address it does not know (a redirect).
    assert admin_client.post(url, {"comment": "x"}).status_code in {302, 404}
    project.refresh_from_db()
    assert project.state == State.DRAFT
    missing = f"{reverse('admin:projects_project_changelist')}999999/publication/submit/"
    assert admin_client.get(missing).status_code == 404
    assert (
        admin_client.get(
            f"{reverse('admin:projects_project_changelist')}x/publication/submit/"
        ).status_code
        == 404
    )


def test_the_list_shows_and_filters_the_state(admin_client):
    factories.make_project(acronym="CAKA", state=State.REVIEW)
    factories.make_project(acronym="ZIVI", state=State.PUBLISHED)
    url = reverse("admin:projects_project_changelist")

    response = admin_client.get(url, {"state__exact": "review"}, headers={"accept-language": "sl"})

    assertContains(response, "Po stanju objave")
    assertContains(response, "CAKA")
    assertNotContains(response, "ZIVI")
    assertContains(response, '<td class="field-publication_state">V pregledu</td>', html=True)


def test_only_a_publisher_may_set_the_embargo_on_the_form(editor_client, publisher_client):
    project = factories.make_project(state=State.DRAFT)
    assertNotContains(editor_client.get(change_url(project)), 'name="publish_at_0"')
    assertContains(publisher_client.get(change_url(project)), 'name="publish_at_0"')


def test_the_agreement_projects_have_the_same_workflow(publisher_client):
    investment = factories.make_agreement_project(state=State.REVIEW)
    response = publisher_client.post(transition_url(investment, "publish"), {"comment": ""})
    assertRedirects(response, change_url(investment))
    investment.refresh_from_db()
    assert investment.state == State.PUBLISHED


# The public channels.


NOT_PUBLIC = ["draft", "review", "withdrawn", "embargoed"]


def make_hidden(state, **fields):
    if state == "embargoed":
        return factories.make_project(
            state=State.PUBLISHED, publish_at=timezone.now() + datetime.timedelta(hours=1), **fields
        )
    return factories.make_project(state=state, **fields)


@pytest.mark.parametrize("state", NOT_PUBLIC)
def test_no_public_channel_shows_a_record_that_is_not_public(client, state):
    factories.make_project(slug="javni", acronym="JAVNI", title_sl="Javni projekt")
    make_hidden(state, slug="skriti", acronym="SKRITI", title_sl="Skriti zmajček")

    for path in [
        "/sl/projects/",
        "/en/projects/",
        "/sl/search/?q=zmajček",
        "/sl/projects/feed/",
        "/sl/projects/export.csv/",
        "/sl/projects/export.json/",
        "/api/v1/projects/",
        "/sitemap.xml",
        "/sl/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response) if response.streaming else response.content
        assert b"SKRITI" not in body, path
        assert "Skriti zmajček".encode() not in body, path
    assert b"JAVNI" in client.get("/sl/projects/").content
    for path in [
        "/sl/projects/skriti/",
        "/sl/projects/skriti/summary.pdf",
        "/api/v1/projects/skriti/",
    ]:
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("state", ["draft", "review", "withdrawn"])
def test_an_agreement_project_that_is_not_published_is_not_public(client, state):
    lasko = factories.make_municipality(name="Laško", slug="lasko")
    agreement = factories.make_agreement(slug="dogovor")
    category = factories.make_category(agreement=agreement)
    factories.make_agreement_project(
        category=category, title_sl="Javna naložba", municipalities=[lasko]
    )
    factories.make_agreement_project(
        category=category, title_sl="Skrita naložba", municipalities=[lasko], state=state
    )

    for path in [
        "/sl/funding/agreement/",
        "/sl/funding/agreement/export.csv/",
        "/sl/municipalities/lasko/",
    ]:
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        assert "Javna naložba".encode() in body, path
        assert "Skrita naložba".encode() not in body, path


def test_the_audit_page_shows_each_step_as_a_change_of_state(admin_client, editor):
    with reversion.create_revision():  # made as the admin makes it: with its first version
        project = factories.make_project(state=State.DRAFT, acronym="KORAK")
    with translation.override("sl"):
        publishing.submit(record=project, user=editor, comment="Prosim.")

    response = admin_client.get(reverse("admin:changes"), headers={"accept-language": "sl"})

    assertContains(response, "Osnutek → V pregledu: Prosim.")
    assertContains(
        response,
        '<li><span class="field-change__label">stanje</span>: '
        '<del title="Osnutek">Osnutek</del> → <ins title="V pregledu">V pregledu</ins></li>',
        html=True,
    )


def test_a_publisher_edits_an_embargoed_record_and_the_embargo_stays(
    publisher_client, changeform_data
):
    later = timezone.make_aware(datetime.datetime(2099, 1, 1, 8))
    project = factories.make_project(state=State.PUBLISHED, publish_at=later, acronym="KASNEJE")
    data = changeform_data(publisher_client.get(change_url(project)))
    data["acronym"] = "KASNEJE2"

    response = publisher_client.post(change_url(project), data)

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.acronym, project.publish_at, project.state) == ("KASNEJE2", later, "published")
