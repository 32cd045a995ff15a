"""Atom feeds of new and changed projects: all, per pillar and per municipality, each in the
language of its address."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from pillars.models import Pillar
from projects.models import Project
from regionportal.base.models import Municipality
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, path):
    """The parsed feed, after checking that it is served as Atom."""
    response = client.get(path)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own answer


def entries(root):
    return root.findall(f"{ATOM}entry")


def entry_links(root):
    return [entry.find(f"{ATOM}link").get("href") for entry in entries(root)]


def assert_valid_atom(root):
    """What RFC 4287 requires: a feed with an id, a title and an updated date, and each entry
    with its own; every address absolute."""
    assert root.tag == f"{ATOM}feed"
    for element in [root, *entries(root)]:
        for required in ("id", "title", "updated"):
            child = element.find(f"{ATOM}{required}")
            assert child is not None, (element.tag, required)
            assert child.text, (element.tag, required)
        datetime.datetime.fromisoformat(element.find(f"{ATOM}updated").text)
    ids = [entry.find(f"{ATOM}id").text for entry in entries(root)]
    assert len(ids) == len(set(ids))
    for link in root.iter(f"{ATOM}link"):
        address = urlsplit(link.get("href"))
        assert (address.scheme, address.netloc) == ("http", "testserver")
    assert {link.get("rel") for link in root.findall(f"{ATOM}link")} == {"alternate", "self"}


def set_times(project, *, created, updated):
    """Save the timestamps that auto_now and auto_now_add would not let a test choose."""
    Project.objects.filter(pk=project.pk).update(created_at=created, updated_at=updated)


@pytest.fixture
def world(db):
    """Two pillars, a municipality, and projects changed on different days."""
    economy = factories.make_pillar(slug="gospodarstvo", name_sl="Gospodarstvo", name_en="Economy")
    nature = factories.make_pillar(slug="narava", name_sl="Narava", name_en="Nature")
    celje = factories.make_municipality(slug="celje", name="Celje")
    day = timezone.make_aware(datetime.datetime(2026, 11, 1, 12, 0))

    clean = factories.make_project(
        slug="clean",
        acronym="CLEAN",
        title_sl="Čiste tehnologije",
        title_en="Clean technologies",
        summary_sl="Manj izpustov & več <učinkovitosti>.",
        summary_en="Fewer emissions.",
        total_budget=Decimal("1598948.00"),
    )
    factories.make_project_pillar(project=clean, pillar=economy, is_primary=True)
    factories.make_project_pillar(project=clean, pillar=nature)
    clean.municipalities.add(celje)
    set_times(clean, created=day, updated=day + datetime.timedelta(days=20))

    spa = factories.make_project(slug="innovaspa", acronym="InnovaSPA", title_sl="InnovaSPA")
    factories.make_project_pillar(project=spa, pillar=nature, is_primary=True)
    factories.make_place(project=spa, municipality=celje)
    factories.make_place(project=spa, municipality=celje)
    set_times(spa, created=day, updated=day + datetime.timedelta(days=5))

    elsewhere = factories.make_project(slug="drugje", acronym="DRUGJE")
    factories.make_project_pillar(project=elsewhere, pillar=economy, is_primary=True)
    set_times(elsewhere, created=day, updated=day + datetime.timedelta(days=10))

    hidden = factories.make_project(slug="skrit", acronym="SKRIT", state="draft")
    factories.make_project_pillar(project=hidden, pillar=economy, is_primary=True)
    hidden.municipalities.add(celje)
    set_times(hidden, created=day, updated=day + datetime.timedelta(days=30))
    return {"day": day}


def test_the_feed_of_all_projects_is_atom_with_the_latest_change_first(client, world):
    root = feed(client, "/sl/projects/feed/")

    assert_valid_atom(root)
    assert entry_links(root) == [
        "http://testserver/sl/projects/clean/",
        "http://testserver/sl/projects/drugje/",
        "http://testserver/sl/projects/innovaspa/",
    ]
    assert root.find(f"{ATOM}id").text == "http://testserver/sl/projects/"
    assert root.find(f"{ATOM}updated").text == "2026-11-21T11:00:00+00:00"
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "http://testserver/sl/projects/feed/"


def test_an_entry_has_the_project_page_its_dates_summary_and_pillars(client, world):
    clean = entries(feed(client, "/sl/projects/feed/"))[0]

    assert clean.find(f"{ATOM}title").text == "CLEAN – Čiste tehnologije"
    assert clean.find(f"{ATOM}id").text == "http://testserver/sl/projects/clean/"
    assert clean.find(f"{ATOM}published").text == "2026-11-01T11:00:00+00:00"
    assert clean.find(f"{ATOM}updated").text == "2026-11-21T11:00:00+00:00"
    summary = clean.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "<p>Manj izpustov &amp; več &lt;učinkovitosti&gt;.</p>"
    assert [c.get("term") for c in clean.findall(f"{ATOM}category")] == ["Gospodarstvo", "Narava"]


def test_the_english_feed_is_in_english_and_links_the_english_pages(client, world):
    root = feed(client, "/en/projects/feed/")

    assert_valid_atom(root)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.find(f"{ATOM}title").text == "New and changed projects – Savinjska region"
    clean = entries(root)[0]
    assert clean.find(f"{ATOM}title").text == "CLEAN – Clean technologies"
    assert clean.find(f"{ATOM}link").get("href") == "http://testserver/en/projects/clean/"
    assert clean.find(f"{ATOM}summary").text == "<p>Fewer emissions.</p>"


def test_a_title_that_begins_with_the_acronym_is_not_repeated(client, world):
    titles = [
        entry.find(f"{ATOM}title").text for entry in entries(feed(client, "/en/projects/feed/"))
    ]

    assert "InnovaSPA" in titles
    assert "InnovaSPA – InnovaSPA" not in titles


def test_a_project_without_a_summary_has_no_summary(client, world):
    spa = entries(feed(client, "/en/projects/feed/"))[2]

    assert spa.find(f"{ATOM}summary") is None


def test_a_pillar_feed_has_only_that_pillars_projects(client, world):
    economy = feed(client, "/en/pillars/gospodarstvo/feed/")
    nature = feed(client, "/en/pillars/narava/feed/")

    assert_valid_atom(economy)
    assert economy.find(f"{ATOM}title").text == "New and changed projects under Economy"
    assert economy.find(f"{ATOM}id").text == "http://testserver/en/pillars/gospodarstvo/"
    assert entry_links(economy) == [
        "http://testserver/en/projects/clean/",
        "http://testserver/en/projects/drugje/",
    ]
    # As a secondary pillar too.
    assert entry_links(nature) == [
        "http://testserver/en/projects/clean/",
        "http://testserver/en/projects/innovaspa/",
    ]


def test_a_municipality_feed_has_the_projects_that_touch_it_each_once(client, world):
    root = feed(client, "/sl/municipalities/celje/feed/")

    assert_valid_atom(root)
    assert root.find(f"{ATOM}title").text.endswith("Celje")
    # CLEAN directly, InnovaSPA through two of its places; DRUGJE not at all.
    assert entry_links(root) == [
        "http://testserver/sl/projects/clean/",
        "http://testserver/sl/projects/innovaspa/",
    ]


def test_an_unpublished_project_is_in_no_feed(client, world):
    for path in [
        "/sl/projects/feed/",
        "/sl/pillars/gospodarstvo/feed/",
        "/sl/municipalities/celje/feed/",
    ]:
        assert "skrit" not in client.get(path).content.decode(), path


def test_a_feed_without_projects_is_still_valid(client, db):
    pillar = factories.make_pillar(slug="prazen")

    root = feed(client, f"/en/pillars/{pillar.slug}/feed/")

    assert_valid_atom(root)
    assert entries(root) == []


@pytest.mark.parametrize(
    "path", ["/sl/pillars/no-such-pillar/feed/", "/en/municipalities/no-such-place/feed/"]
)
def test_an_unknown_slug_is_a_404(client, world, path):
    assert client.get(path).status_code == 404


def test_a_municipality_outside_the_region_has_no_feed(client, db):
    outside = factories.make_municipality(slug="ljubljana", region=None)

    assert client.get(f"/sl/municipalities/{outside.slug}/feed/").status_code == 404


def test_a_feed_holds_the_fifty_latest_changes(client, db):
    for number in range(52):
        factories.make_project(slug=f"project-{number:02}")

    assert len(entries(feed(client, "/sl/projects/feed/"))) == 50


@pytest.mark.parametrize(
    "path",
    ["/sl/projects/feed/", "/sl/pillars/gospodarstvo/feed/", "/sl/municipalities/celje/feed/"],
)
def test_feed_query_counts_do_not_grow_with_projects(assert_constant_queries, world, path):
    economy = Pillar.objects.get(slug="gospodarstvo")
    celje = Municipality.objects.get(slug="celje")

    def add_projects(count):
        for _ in range(count):
            project = factories.make_full_project()  # with a primary pillar of its own
            factories.make_project_pillar(project=project, pillar=economy)
            project.municipalities.add(celje)

    add_projects(1)
    assert_constant_queries(path, lambda: add_projects(5))


@pytest.mark.parametrize(
    ("page", "feed_path"),
    [
        ("/sl/projects/", "/sl/projects/feed/"),
        ("/en/pillars/gospodarstvo/", "/en/pillars/gospodarstvo/feed/"),
        ("/en/municipalities/celje/", "/en/municipalities/celje/feed/"),
    ],
)
def test_the_pages_link_their_feed_in_the_head_and_the_downloads(client, world, page, feed_path):
    content = client.get(page).content.decode()

    head, body = content.split("</head>")
    assert 'type="application/atom+xml"' in head
    assert f'href="{feed_path}"' in head
    downloads = body.split('<section aria-labelledby="downloads-title">')[1].split("</section>")[0]
    assert f'href="{feed_path}"' in downloads
