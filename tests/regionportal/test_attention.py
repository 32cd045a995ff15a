""" "Potrebuje pozornost" on the admin's index: each count is a link to a changelist that lists
exactly the records counted, shown only to staff who may view that list."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from funding.models import Programme
from pillars.models import Pillar, VisionGoal
from projects.models import Organisation, Project
from regionportal.base.models import Source
from tests import factories
from tests.staff import log_in_verified

INDEX = reverse("admin:index")
ENGLISH = {"title_en": "A project", "summary_en": "", "objectives_en": ""}


def attention_links(response):
    """The (text, address) of each link in the "Potrebuje pozornost" section."""
    assert response.status_code == 200
    section = re.search(r'<section id="attention".*?</section>', response.text, re.DOTALL)
    assert section, "no attention section"
    return [
        (html.unescape(text).strip(), html.unescape(url))
        for url, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', section.group())
    ]


def attention_text(response):
    section = re.search(r'<section id="attention".*?</section>', response.text, re.DOTALL)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section.group())).strip()


def listed(client, url):
    """The records that the changelist at `url` lists."""
    response = client.get(url)
    assert response.status_code == 200, url
    return set(response.context["cl"].result_list)


@pytest.mark.django_db
def test_each_count_links_to_exactly_its_records(admin_client):
    today = timezone.localdate()
    no_budget = factories.make_project(total_budget=None, **ENGLISH)
    no_end = factories.make_project(end_date=None, **ENGLISH)
    ending = factories.make_project(
        end_date=today + datetime.timedelta(days=30),
        status=Project.Status.IN_IMPLEMENTATION,
        **ENGLISH,
    )
    no_english = factories.make_project(summary_sl="Povzetek", summary_en="", title_en="A title")
    # Not counted: completed, ended before today, ends after 90 days, not public, or with its
    # English.
    factories.make_project(
        end_date=today + datetime.timedelta(days=10), status=Project.Status.COMPLETED, **ENGLISH
    )
    factories.make_project(end_date=today - datetime.timedelta(days=1), **ENGLISH)
    factories.make_project(end_date=today + datetime.timedelta(days=91), **ENGLISH)
    factories.make_project(state="draft", total_budget=None, start_date=None)
    factories.make_project(  # published, but not public before tomorrow
        total_budget=None, publish_at=timezone.now() + datetime.timedelta(days=1), **ENGLISH
    )
    factories.make_project(total_budget=Decimal(0), **ENGLISH)
    dead = factories.make_source(url="https://example.org/gone")
    factories.make_link_check(url=dead.url, answered=False, status_code=404)
    alive = factories.make_source(url="https://example.org/here")
    factories.make_link_check(url=alive.url, answered=True, status_code=200)
    factories.make_source(url="https://example.org/unchecked")

    links = dict(attention_links(admin_client.get(INDEX)))

    assert set(links) == {
        "1 objavljen projekt brez angleškega besedila",
        "1 objavljen projekt brez proračuna",
        "1 objavljen projekt brez datuma začetka ali konca",
        "1 objavljen projekt, ki se konča v 90 dneh",
        "1 vir s spletnim naslovom, ki ne odgovarja",
    }
    assert listed(admin_client, links["1 objavljen projekt brez angleškega besedila"]) == {
        no_english
    }
    assert listed(admin_client, links["1 objavljen projekt brez proračuna"]) == {no_budget}
    assert listed(admin_client, links["1 objavljen projekt brez datuma začetka ali konca"]) == {
        no_end
    }
    assert listed(admin_client, links["1 objavljen projekt, ki se konča v 90 dneh"]) == {ending}
    assert listed(admin_client, links["1 vir s spletnim naslovom, ki ne odgovarja"]) == {dead}


@pytest.mark.django_db
def test_english_is_counted_for_every_model_with_translated_text(admin_client):
    agency = factories.make_agency(description_sl="Agencija", description_en="")
    factories.make_organisation(description_sl="Ni v nobenem projektu", description_en="")
    partner = factories.make_organisation(description_sl="Partner", description_en="Partner")
    factories.make_partnership(organisation=partner, project=factories.make_project(**ENGLISH))
    pillar = factories.make_pillar(economic_model_en="")
    english_pillar = factories.make_pillar(name_en="Pillar", economic_model_en="Circular")
    goal = factories.make_goal(statement_en="", pillar=english_pillar)
    factories.make_goal(statement_en="Goal", pillar=english_pillar)
    programme = factories.make_programme(name_en="")
    factories.make_programme(name_en="Programme")

    links = dict(attention_links(admin_client.get(INDEX)))

    assert listed(admin_client, links["1 organizacija na portalu brez angleškega besedila"]) == {
        agency
    }
    assert listed(admin_client, links["1 steber brez angleškega besedila"]) == {pillar}
    assert listed(admin_client, links["1 cilj vizije brez angleškega besedila"]) == {goal}
    assert listed(admin_client, links["1 program brez angleškega besedila"]) == {programme}
    assert (Organisation.objects.count(), Pillar.objects.count()) == (3, 2)
    assert (VisionGoal.objects.count(), Programme.objects.count()) == (2, 2)


@pytest.mark.django_db
def test_counts_take_the_slovenian_plural_forms(rf, admin_user):
    request = rf.get(INDEX)
    request.user = admin_user
    items = admin.site._registry[Project].attention_items(request)
    item = next(item for item in items if "total_budget__isempty" in item.filters)
    with translation.override("sl"):
        texts = [str(item.text % {"count": count}) for count in (1, 2, 3, 5, 101, 102)]
    assert texts == [
        "1 objavljen projekt brez proračuna",
        "2 objavljena projekta brez proračuna",
        "3 objavljeni projekti brez proračuna",
        "5 objavljenih projektov brez proračuna",
        "101 objavljen projekt brez proračuna",
        "102 objavljena projekta brez proračuna",
    ]


@pytest.mark.django_db
def test_nothing_to_do_is_said_and_when_the_links_were_checked(admin_client):
    factories.make_project(**ENGLISH)
    text = attention_text(admin_client.get(INDEX))
    assert text == (
        "Potrebuje pozornost Nič ne potrebuje pozornosti. "
        "Spletni naslovi še niso bili preverjeni (manage.py check_links)."
    )

    checked_at = datetime.datetime(2025, 5, 3, 8, 0, tzinfo=datetime.UTC)
    factories.make_link_check(answered=True, status_code=200, checked_at=checked_at)
    assert attention_text(admin_client.get(INDEX)).endswith(
        "Spletni naslovi so bili nazadnje preverjeni 3. maja 2025, 10:00."
    )


@pytest.mark.django_db
def test_staff_see_only_the_items_of_the_lists_they_may_view(client):
    user = factories.make_user()
    user.user_permissions.add(Permission.objects.get(codename="view_project"))
    factories.make_project(total_budget=None, **ENGLISH)
    source = factories.make_source(url="https://example.org/gone")
    factories.make_link_check(url=source.url)
    client = log_in_verified(client, user)

    response = client.get(INDEX)

    assert [text for text, _url in attention_links(response)] == [
        "1 objavljen projekt brez proračuna"
    ]
    assert "Spletni naslovi" not in attention_text(response)


@pytest.mark.django_db
def test_the_index_takes_as_many_queries_with_more_records(admin_client, assert_constant_queries):
    def add_rows():
        for _ in range(3):
            factories.make_project(total_budget=None, end_date=None)
            source = factories.make_source(url=f"https://example.org/{Source.objects.count()}")
            factories.make_link_check(url=source.url)
            factories.make_pillar(name_en="")
            factories.make_programme()

    add_rows()
    admin_client.get(INDEX)  # fills the caches before counting
    few, more = assert_constant_queries(INDEX, add_rows, client=admin_client)
    assert "3 objavljeni projekti brez proračuna" in dict(attention_links(few))
    assert "6 objavljenih projektov brez proračuna" in dict(attention_links(more))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "english=%00",
        "english=yes",
        "ending=soon",
        "dates=x",
        "total_budget__isempty=maybe",
        "public_now=no",
        "public_now=yes&english=missing&ending=90_days&dates=missing",
    ],
)
def test_hand_edited_filters_do_not_fail(admin_client, query):
    factories.make_project(total_budget=None)
    response = admin_client.get(f"{reverse('admin:projects_project_changelist')}?{query}")
    assert response.status_code in {200, 302}
    for url in [
        reverse("admin:regionportal_source_changelist") + "?address=x",
        reverse("admin:projects_organisation_changelist") + "?public=x&english=x",
    ]:
        assert admin_client.get(url).status_code == 200


@pytest.mark.django_db
def test_projects_waiting_for_review_are_counted_for_publishers(
    client, publisher, editor, publisher_client
):
    in_review = factories.make_project(state="review", **ENGLISH)
    factories.make_project(state="draft", **ENGLISH)

    links = dict(attention_links(publisher_client.get(INDEX)))
    assert listed(publisher_client, links["1 projekt čaka na pregled"]) == {in_review}

    editor_client = log_in_verified(client, editor)
    assert "1 projekt čaka na pregled" not in dict(attention_links(editor_client.get(INDEX)))
