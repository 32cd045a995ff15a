"""The public change log /sl/changes/ and /en/changes/ and its Atom feed
(regionportal.site.public_changes), through the real write paths: the admin's change form with
its inlines, the publishing workflow's steps, a restore from the history."""

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import reversion
from django.db import reset_queries
from django.db.models import F
from django.urls import reverse
from django.utils import formats, timezone, translation
from reversion.models import Revision, Version

from funding.models import AgreementProject
from projects.models import Project
from regionportal.base import publishing
from regionportal.base.models import StateChange
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def versioned(make, *args, **fields):
    """A record made as load_content makes it: in a revision, so that its history has a start."""
    with reversion.create_revision():
        return make(*args, **fields)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def post_change(client, record, data):
    response = client.post(admin_url(type(record), "change", record.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def change_in_admin(client, changeform_data, record, **values):
    data = changeform_data(client.get(admin_url(type(record), "change", record.pk)))
    data.update(values)
    return post_change(client, record, data)


def add_partner(client, changeform_data, project, organisation):
    data = changeform_data(client.get(admin_url(Project, "change", project.pk)))
    count = int(data["partnerships-TOTAL_FORMS"])
    data.update(
        {
            "partnerships-TOTAL_FORMS": str(count + 1),
            f"partnerships-{count}-organisation": str(organisation.pk),
            f"partnerships-{count}-role": "partner",
            f"partnerships-{count}-order": str(count + 1),
        }
    )
    return post_change(client, project, data)


def remove_partners(client, changeform_data, project):
    data = changeform_data(client.get(admin_url(Project, "change", project.pk)))
    for number in range(int(data["partnerships-TOTAL_FORMS"])):
        data[f"partnerships-{number}-DELETE"] = "on"
    return post_change(client, project, data)


def add_link(client, changeform_data, project, label_sl, label_en=""):
    data = changeform_data(client.get(admin_url(Project, "change", project.pk)))
    count = int(data["links-TOTAL_FORMS"])
    data.update(
        {
            "links-TOTAL_FORMS": str(count + 1),
            f"links-{count}-label_sl": label_sl,
            f"links-{count}-label_en": label_en,
            f"links-{count}-url": "https://example.org/vir",
            f"links-{count}-order": str(count + 1),
        }
    )
    return post_change(client, project, data)


def entries_of(response):
    """The entries of the page as a visitor reads them: each entry's text, whitespace folded."""
    html = response.content.decode()
    start = html.find('<ol class="change-log">')
    if start < 0:
        return []
    log = html[start : html.index("</ol>", start)]
    items = log.split("<li")[1:]
    return [" ".join(_text(item).split()) for item in items]


def _text(html):
    return re.sub(r"<[^>]+>", "", html.split(">", 1)[1])


def log_html(response):
    html = response.content.decode()
    start = html.find('<ol class="change-log">')
    return html[start : html.index("</ol>", start)] if start >= 0 else ""


@pytest.fixture
def project(db):
    return versioned(
        factories.make_project,
        acronym="SAVA",
        title_sl="Sava teče",
        title_en="The Sava flows",
        state="draft",
        status="approved",
        total_budget=Decimal("1598948.00"),
    )


@pytest.mark.django_db
def test_a_publication_appears_with_a_link(get_page, project, admin_user):
    assert entries_of(get_page("/sl/changes/")) == []
    publishing.publish(record=project, user=admin_user)

    sl = get_page("/sl/changes/")
    assert entries_of(sl) == [f"{_today()} – SAVA – Sava teče (projekt): Objavljeno"]
    assert f'href="/sl/projects/{project.slug}/"' in log_html(sl)
    assert "<time datetime=" in log_html(sl)
    en = get_page("/en/changes/")
    assert entries_of(en) == [f"{_today('en')} – SAVA – The Sava flows (project): Published"]
    assert f'href="/en/projects/{project.slug}/"' in log_html(en)


def _today(language="sl"):
    with translation.override(language):
        return formats.date_format(timezone.localdate(), "DATE_FORMAT")


@pytest.mark.django_db
def test_status_and_budget_changes_read_old_to_new_in_both_languages(
    get_page, project, admin_user, editor_client, changeform_data
):
    publishing.publish(record=project, user=admin_user)
    change_in_admin(
        editor_client,
        changeform_data,
        project,
        status="in_implementation",
        total_budget="2000000.50",
    )

    sl = [entry.split(": ", 1)[1] for entry in entries_of(get_page("/sl/changes/"))]
    assert sorted(sl) == [
        "Objavljeno",
        "Skupni proračun: 1.598.948,00 € → 2.000.000,50 €",
        "Stanje: Odobren → V izvajanju",
    ]
    en = [entry.split(": ", 1)[1] for entry in entries_of(get_page("/en/changes/"))]
    assert sorted(en) == [
        "Published",
        "Status: Approved → In implementation",
        "Total budget: €1,598,948.00 → €2,000,000.50",
    ]


@pytest.mark.django_db
def test_partners_added_and_removed_and_a_source_added(
    get_page, project, admin_user, editor_client, changeform_data
):
    organisation = factories.make_organisation(name="Občina Celje")
    publishing.publish(record=project, user=admin_user)
    add_partner(editor_client, changeform_data, project, organisation)
    add_link(editor_client, changeform_data, project, "Spletna stran projekta", "Project website")
    remove_partners(editor_client, changeform_data, project)

    sl = entries_of(get_page("/sl/changes/"))
    assert [entry.split(": ", 1)[1] for entry in sl] == [
        "Odstranjen partner: Občina Celje",
        "Dodan vir: Spletna stran projekta",
        "Dodan partner: Občina Celje",
        "Objavljeno",
    ]
    en = entries_of(get_page("/en/changes/"))
    assert [entry.split(": ", 1)[1] for entry in en] == [
        "Partner removed: Občina Celje",
        "Source added: Project website",
        "Partner added: Občina Celje",
        "Published",
    ]


@pytest.mark.django_db
def test_a_withdrawal_appears_without_a_link_and_the_project_no_longer_links(
    get_page, project, admin_user, editor_client, changeform_data
):
    publishing.publish(record=project, user=admin_user)
    change_in_admin(editor_client, changeform_data, project, status="completed")
    assert f"/sl/projects/{project.slug}/" in log_html(get_page("/sl/changes/"))

    publishing.withdraw(record=project, user=admin_user, comment="Napačni podatki.")

    response = get_page("/sl/changes/")
    assert entries_of(response) == [f"{_today()} – SAVA – Sava teče (projekt): Umaknjeno z objave"]
    assert "<a " not in log_html(response)
    assert "Napačni podatki" not in response.content.decode()


@pytest.mark.django_db
def test_edits_while_a_draft_or_in_review_never_appear(
    get_page, project, admin_user, editor_client, changeform_data
):
    organisation = factories.make_organisation(name="Zavod Savinja")
    change_in_admin(editor_client, changeform_data, project, status="completed")
    add_partner(editor_client, changeform_data, project, organisation)
    assert entries_of(get_page("/en/changes/")) == []

    publishing.submit(record=project, user=admin_user)
    change_in_admin(editor_client, changeform_data, project, total_budget="5.00")
    add_link(editor_client, changeform_data, project, "Vir")
    assert entries_of(get_page("/en/changes/")) == []

    publishing.publish(record=project, user=admin_user)
    assert [entry.split(": ", 1)[1] for entry in entries_of(get_page("/en/changes/"))] == [
        "Published"
    ]


@pytest.mark.django_db
def test_an_embargoed_publication_appears_only_from_its_publish_at_dated_by_it(
    get_page, client, project, admin_user, editor_client, changeform_data
):
    publishing.publish(
        record=project, user=admin_user, publish_at=timezone.now() + datetime.timedelta(days=3)
    )
    change_in_admin(editor_client, changeform_data, project, status="completed")
    assert entries_of(get_page("/en/changes/")) == []
    assert client.get("/en/changes/feed/").content.count(b"<entry>") == 0

    # Two days on: the publication and the edit were two days ago; the embargo, moved, ended a
    # day ago. The edit, made while the project was embargoed, still does not appear.
    two_days = datetime.timedelta(days=2)
    Revision.objects.update(date_created=F("date_created") - two_days)
    StateChange.objects.update(at=F("at") - two_days)
    ended = timezone.now() - datetime.timedelta(days=1)
    Project.objects.filter(pk=project.pk).update(publish_at=ended)

    response = get_page("/en/changes/")
    assert [entry.split(": ", 1)[1] for entry in entries_of(response)] == ["Published"]
    assert f'<time datetime="{timezone.localtime(ended).isoformat()}">' in log_html(response)
    assert client.get("/en/changes/feed/").content.count(b"<entry>") == 1


@pytest.mark.django_db
def test_an_agreement_project_links_to_the_agreement_page(get_page, admin_user):
    agreement_project = versioned(
        factories.make_agreement_project, title_sl="Kolesarska pot", state="draft"
    )
    publishing.publish(record=agreement_project, user=admin_user)
    response = get_page("/sl/changes/")
    assert entries_of(response) == [f"{_today()} – Kolesarska pot (projekt dogovora): Objavljeno"]
    assert 'href="/sl/funding/agreement/"' in log_html(response)
    publishing.withdraw(record=agreement_project, user=admin_user, comment="Ni več.")
    assert "<a " not in log_html(get_page("/sl/changes/"))
    assert AgreementProject.objects.published().count() == 0


@pytest.mark.django_db
def test_a_restore_from_the_history_is_a_change_like_any_other(
    get_page, project, admin_user, admin_client, changeform_data
):
    publishing.publish(record=project, user=admin_user)
    change_in_admin(admin_client, changeform_data, project, total_budget="10.00")
    published_version = Version.objects.get_for_object(project)[1]
    url = admin_url(Project, "revision", project.pk, published_version.pk)
    response = admin_client.post(url, changeform_data(admin_client.get(url)))
    assert response.status_code == 302

    en = entries_of(get_page("/en/changes/"))
    budget_changes = [entry.split(": ", 1)[1] for entry in en if "Total budget" in entry]
    assert budget_changes == [
        "Total budget: €10.00 → €1,598,948.00",
        "Total budget: €1,598,948.00 → €10.00",
    ]


@pytest.mark.django_db
def test_the_feed_has_the_same_entries(
    client, get_page, project, admin_user, editor_client, changeform_data
):
    publishing.publish(record=project, user=admin_user)
    change_in_admin(editor_client, changeform_data, project, status="completed")
    other = versioned(
        factories.make_project, acronym="DRAVA", title_sl="Drava", title_en="Drava", state="draft"
    )
    publishing.publish(record=other, user=admin_user)
    publishing.withdraw(record=other, user=admin_user, comment="Podvojen.")

    page = get_page("/en/changes/")
    html = page.content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/en/changes/feed/"' in html

    response = client.get("/en/changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = atom(response)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles == [
        "DRAVA – Drava: Withdrawn from publication",
        "SAVA – The Sava flows: Status: Approved → Completed",
        "SAVA – The Sava flows: Published",
    ]
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert links[0].endswith("/en/changes/#" + entries_of_ids(html)[0])
    assert links[1].endswith(f"/en/projects/{project.slug}/")
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == 3
    assert all(entry.find(f"{ATOM}updated").text for entry in entries)
    sl_titles = [
        entry.find(f"{ATOM}title").text
        for entry in atom(client.get("/sl/changes/feed/")).findall(f"{ATOM}entry")
    ]
    assert sl_titles[0] == "DRAVA – Drava: Umaknjeno z objave"


def atom(response):
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own answer


def entries_of_ids(html):
    return re.findall(r'<li id="([^"]+)"', html)


@pytest.mark.django_db
def test_paging_keeps_the_query_and_survives_hostile_pages(
    get_page, admin_user, editor_client, changeform_data
):
    for number in range(31):
        record = versioned(factories.make_project, acronym=f"P{number:02}", state="draft")
        publishing.publish(record=record, user=admin_user)

    first = get_page("/en/changes/", {"utm": "x"})
    assert len(entries_of(first)) == 30
    assert 'href="?utm=x&amp;page=2"' in first.content.decode()
    second = get_page("/en/changes/", {"utm": "x", "page": "2"})
    assert len(entries_of(second)) == 1
    assert " – P00 – " in entries_of(second)[0]
    for hostile in ["0", "-1", "3", "abc", "99999999999999999999", "1e9", "²", "\x00"]:
        response = get_page("/en/changes/", {"page": hostile})
        assert entries_of(response) == entries_of(first), hostile


@pytest.mark.django_db
def test_query_count_does_not_grow(
    assert_constant_queries, admin_user, editor_client, changeform_data
):
    def changes():
        record = versioned(factories.make_project, state="draft")
        publishing.publish(record=record, user=admin_user)
        change_in_admin(editor_client, changeform_data, record, status="completed")
        add_partner(editor_client, changeform_data, record, factories.make_organisation())
        add_link(editor_client, changeform_data, record, "Vir")
        gone = versioned(factories.make_agreement_project, state="draft")
        publishing.publish(record=gone, user=admin_user)
        publishing.withdraw(record=gone, user=admin_user, comment="Ni več.")

    changes()

    def add_rows():
        for _ in range(3):
            changes()
        # The admin's pages take thousands of queries, more than the connection's log keeps.
        reset_queries()

    reset_queries()
    few, more = assert_constant_queries("/sl/changes/", add_rows)
    assert len(entries_of(more)) > len(entries_of(few))
    reset_queries()
    assert_constant_queries("/sl/changes/feed/", add_rows)


@pytest.mark.django_db
def test_the_footer_and_the_project_list_link_to_the_log(get_page):
    assert 'href="/sl/changes/"' in get_page("/sl/projects/").content.decode()
    assert 'href="/en/changes/"' in get_page("/en/").content.decode()


@pytest.mark.django_db
def test_a_change_saved_by_a_command_appears_like_a_staff_edit(get_page, project, admin_user):
    publishing.publish(record=project, user=admin_user)
    # As load_content writes: one revision around the saves.
    with reversion.create_revision():
        project.refresh_from_db()
        project.status = "completed"
        project.save()
    assert [entry.split(": ", 1)[1] for entry in entries_of(get_page("/en/changes/"))] == [
        "Status: Approved → Completed",
        "Published",
    ]
