"""A pillar's colour: a hex colour dark enough for white text, and the stylesheet that carries
the colours to every page, kept by browsers for a few minutes and then revalidated."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db

CSS = "/sl/pillars/colours.css"


def test_the_stylesheet_carries_each_pillars_colour_with_cache_headers(client):
    factories.make_pillar(slug="narava", colour="#2f6b3a")

    response = client.get(CSS)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert ".pillar--narava { --pillar-colour: #2f6b3a; }" in response.text
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert response["ETag"].startswith('"')


def test_an_unchanged_stylesheet_is_answered_304_and_a_changed_one_afresh(client):
    pillar = factories.make_pillar(slug="narava", colour="#2f6b3a")
    etag = client.get(CSS)["ETag"]

    unchanged = client.get(CSS, headers={"if-none-match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == etag

    pillar.colour = "#5b4a8b"
    pillar.save()
    changed = client.get(CSS, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "#5b4a8b" in changed.text


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("red", "Vnesite barvo v šestnajstiškem zapisu"),
        ("#2f6b3a; } body { display: none", "Vnesite barvo v šestnajstiškem zapisu"),
        ("#12345", "Vnesite barvo v šestnajstiškem zapisu"),
        ("#ffff00", "Bel tekst na barvi #ffff00 ima kontrast 1,1:1; izberite temnejšo barvo"),
        ("#7f9f7f", "Bel tekst na barvi #7f9f7f ima kontrast 2,9:1"),
    ],
)
def test_a_colour_that_is_not_hex_or_too_light_for_white_text_is_refused(colour, message):
    pillar = factories.make_pillar()
    pillar.colour = colour
    with translation.override("sl"):
        with pytest.raises(ValidationError) as error:
            pillar.full_clean()
        assert message in error.value.message_dict["colour"][0]


@pytest.mark.parametrize("colour", ["#2f6b3a", "#2F5D8A", "#000000", "#767676"])
def test_a_dark_hex_colour_is_accepted(colour):
    pillar = factories.make_pillar()
    pillar.colour = colour
    pillar.full_clean()


def test_the_admin_refuses_a_light_colour_beside_the_field_and_saves_nothing(
    admin_client, changeform_data
):
    pillar = factories.make_pillar(colour="#2f6b3a")
    url = reverse("admin:pillars_pillar_change", args=[pillar.pk])
    data = changeform_data(admin_client.get(url))
    data["colour"] = "#ffff00"

    response = admin_client.post(url, data, headers={"accept-language": "sl"})

    assert response.status_code == 200
    assert '<ul class="errorlist" id="id_colour_error">' in response.text
    assert "izberite temnejšo barvo (vsaj 4,5:1)" in response.text
    pillar.refresh_from_db()
    assert pillar.colour == "#2f6b3a"
