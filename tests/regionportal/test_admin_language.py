"""The admin in correct Slovenian: Django's phrases that carry a model's or a field's name read
right whatever the name's gender and case, and so do the selector widget's texts."""

import json
import re

import pytest
from django.contrib import admin
from django.urls import reverse

from funding.models import AgreementProject, Programme
from pillars.models import Pillar, VisionGoal
from projects.models import Organisation, Project
from regionportal.base.models import LinkCheck, Municipality, Source, SourceDiscrepancy
from tests import factories
from tests.admin_rows import ROW_FACTORIES

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_add_page_and_button_name_the_model_after_a_colon(admin_client):
    changelist = admin_client.get(admin_url(Organisation, "changelist"))
    add_page = admin_client.get(admin_url(Organisation, "add"))

    assert "<h1>Izberite zapis za urejanje: organizacija</h1>" in changelist.text
    assert re.search(r'class="addlink">\s*Dodaj nov zapis: organizacija\s*</a>', changelist.text)
    assert "Dodaj organizacija" not in changelist.text
    assert "<h1>Dodaj nov zapis: organizacija</h1>" in add_page.text


def test_change_page_names_the_model_after_a_colon(admin_client):
    organisation = factories.make_organisation(name="Razvojna agencija")
    response = admin_client.get(admin_url(Organisation, "change", organisation.pk))
    assert "<title>Razvojna agencija | Spremeni zapis: organizacija | RASR portal</title>" in (
        response.text
    )


# Each list's filters, headed in the locative that "po" takes.
FILTER_HEADINGS = {
    Project: [
        "Po stebru",
        "Po programu",
        "Po stanju",
        "Po državi partnerja",
        "Po letu začetka",
        "Po vidnosti za javnost",
        "Po angleškem besedilu",
        "Po skupnem proračunu",
        "Po datumih",
        "Po koncu",
        "Po stanju objave",
    ],
    Organisation: [
        "Po državi",
        "Po vrsti",
        "Po tem, ali je to agencija",
        "Po prikazu na portalu",
        "Po angleškem besedilu",
    ],
    Pillar: ["Po angleškem besedilu"],
    VisionGoal: [
        "Po stebru",
        "Po časovnem okviru",
        "Po potrditvi ciljne vrednosti",
        "Po angleškem besedilu",
    ],
    Programme: [
        "Po vrsti",
        "Po sofinanciranju iz EU",
        "Po navedbi med možnimi viri",
        "Po negotovosti",
        "Po angleškem besedilu",
    ],
    AgreementProject: [
        "Po kategoriji",
        "Po stanju",
        "Po vodilni občini",
        "Po drugih občinah",
        "Po stanju objave",
    ],
    Source: ["Po vrsti", "Po spletnem naslovu"],
    LinkCheck: ["Po odzivu", "Po napaki"],
    SourceDiscrepancy: ["Po vrsti zapisa"],
    Municipality: ["Po statusu mestne občine", "Po regiji"],
}


def filter_headings(response):
    return [
        " ".join(heading.split())
        for heading in re.findall(r"<summary>(.*?)</summary>", response.text, re.DOTALL)
    ]


@pytest.mark.parametrize("model", FILTER_HEADINGS, ids=lambda model: model._meta.label)
def test_filter_headings_are_in_the_locative(admin_client, model):
    # Two rows: a filter of a foreign key shows only once it has two values to choose from.
    ROW_FACTORIES[model]()
    ROW_FACTORIES[model]()
    response = admin_client.get(admin_url(model, "changelist"))
    assert filter_headings(response) == FILTER_HEADINGS[model]


def test_staff_filters_are_in_the_locative(admin_client):
    factories.make_user(group="Urednik")
    factories.make_user(group="Pregledovalec")
    response = admin_client.get(reverse("admin:auth_user_changelist"))
    assert filter_headings(response) == [
        "Po statusu osebja",
        "Po statusu skrbnika",
        "Po dejavnosti",
        "Po skupini",
    ]


def test_inline_add_another_link_puts_the_name_first(admin_client):
    project = factories.make_full_project()
    response = admin_client.get(admin_url(Project, "change", project.pk))
    add_texts = {
        inline.opts.verbose_name: json.loads(inline.inline_formset_data())["options"]["addText"]
        for inline in response.context["inline_admin_formsets"]
    }
    assert add_texts["partnerstvo"] == "Partnerstvo: dodaj še en zapis"
    assert add_texts["povezan kraj"] == "Povezan kraj: dodaj še en zapis"


def test_related_widget_buttons_name_the_model_after_a_colon(admin_client):
    response = admin_client.get(admin_url(Project, "add"))
    assert 'title="Dodaj nov zapis: organizacija"' in response.text
    assert 'title="Spremeni izbrani zapis: organizacija"' in response.text
    assert "Dodaj še en organizacija" not in response.text


def test_deleting_selected_rows_reads_right(admin_client):
    projects = [factories.make_project(), factories.make_project()]
    url = admin_url(Project, "changelist")
    action = {
        "action": "delete_selected",
        "_selected_action": [project.pk for project in projects],
    }

    changelist = admin_client.get(url)
    confirmation = admin_client.post(url, action)
    done = admin_client.post(url, {**action, "post": "yes"}, follow=True)

    assert '<option value="delete_selected">Izbriši izbrane zapise: projekti</option>' in (
        changelist.text
    )
    assert "Izbrano: 0 od 2" in changelist.text
    assert "Ali res želite izbrisati izbrane zapise (projekti)?" in confirmation.text
    assert "Uspešno izbrisano (2): projekti." in done.text
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 zadetek"), (2, "2 zadetka"), (3, "3 zadetki"), (5, "5 zadetkov")]
)
def test_search_result_count_agrees_with_its_number(admin_client, count, words):
    for _ in range(count):
        factories.make_organisation(city="Celje")
    factories.make_organisation(city="Velenje")
    response = admin_client.get(admin_url(Organisation, "changelist"), {"q": "Celje"})
    assert f"{words} (" in response.text


def test_selecting_every_row_reads_right(admin_client, monkeypatch):
    """The offer to select the rows of every page, and what it says once taken."""
    monkeypatch.setattr(admin.site.get_model_admin(Organisation), "list_per_page", 2)
    for _ in range(3):
        factories.make_organisation()
    response = admin_client.get(admin_url(Organisation, "changelist"))
    assert "Izbrani so vsi 3 zapisi" in response.text
    assert "Izberi vse zapise (3): organizacije" in response.text


def javascript_catalogue(client):
    """The Slovenian catalogue that the admin's jsi18n script gives the admin's scripts."""
    response = client.get(reverse("admin:jsi18n"))
    assert response.status_code == 200
    catalogue = re.search(r"const newcatalog = (\{.*?\n  \});", response.text, re.DOTALL)
    return json.loads(catalogue.group(1))


def test_selector_widget_texts_are_in_slovenian(admin_client):
    catalogue = javascript_catalogue(admin_client)
    assert catalogue["Available %s"] == "Na voljo: %s"
    assert catalogue["Chosen %s"] == "Izbrano: %s"
    assert catalogue["Choose all %s"] == "Izberi vse: %s"
    assert catalogue["Remove all %s"] == "Odstrani vse: %s"
    assert catalogue["Choose selected %s"] == "Izberi označene: %s"
    assert catalogue["Remove selected %s"] == "Odstrani označene: %s"
    assert catalogue["(click to clear)"] == "(kliknite, da počistite filter)"
    assert catalogue["%s selected option not visible"] == [
        "%s izbrana možnost ni vidna",
        "%s izbrani možnosti nista vidni",
        "%s izbrane možnosti niso vidne",
        "%s izbranih možnosti ni vidnih",
    ]


def test_selector_widget_shows_the_fields_names(admin_client):
    """The widget puts the field's name after the colons above: "Na voljo: cilji vizije"."""
    response = admin_client.get(admin_url(Project, "add"))
    assert 'data-field-name="cilji vizije"' in response.text
    assert 'data-field-name="občine"' in response.text


def test_calendar_texts_are_in_slovenian(admin_client):
    catalogue = javascript_catalogue(admin_client)
    assert catalogue["Today (%(date)s)"] == "Danes (%(date)s)"
    assert catalogue["%(month)s %(day)s, %(year)s"] == "%(day)s. %(month)s %(year)s"
    assert catalogue["Monday"] == "ponedeljek"


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "1 zapis (organizacije)"),
        (2, "2 zapisa (organizacije)"),
        (4, "4 zapisi (organizacije)"),
        (5, "5 zapisov (organizacije)"),
    ],
)
def test_list_count_agrees_with_its_number(admin_client, count, words):
    for _ in range(count):
        factories.make_organisation()
    response = admin_client.get(admin_url(Organisation, "changelist"))
    paginator = re.search(r'<nav class="paginator".*?</nav>', response.text, re.DOTALL).group()
    assert words in " ".join(paginator.split())


def test_source_discrepancy_names_its_record_in_slovenian(admin_client):
    discrepancy = ROW_FACTORIES[SourceDiscrepancy]()
    changelist = admin_client.get(admin_url(SourceDiscrepancy, "changelist"))
    change_page = admin_client.get(admin_url(SourceDiscrepancy, "change", discrepancy.pk))

    assert ">Vrsta zapisa</a>" in changelist.text
    assert "<span>Zapis</span>" in changelist.text
    assert "Content type" not in changelist.text
    assert ">Vrsta zapisa:</label>" in change_page.text
    assert ">ID zapisa:</label>" in change_page.text


def test_app_page_title_names_the_app_first(admin_client):
    response = admin_client.get(reverse("admin:app_list", args=["funding"]))
    assert "<h1>Financiranje – urejanje</h1>" in response.text


def test_user_pages_are_in_slovenian(admin_client, admin_user):
    add_page = admin_client.get(reverse("admin:auth_user_add"))
    change_page = admin_client.get(reverse("admin:auth_user_change", args=[admin_user.pk]))

    assert "Ko uporabnika ustvarite, lahko uredite še druge njegove nastavitve." in add_page.text
    assert "Prijava z geslom" in add_page.text
    assert "Gesla se ne shranjujejo v izvirni obliki" in change_page.text
    assert "Ponastavi geslo" in change_page.text


def test_history_permissions_name_a_revision_in_slovenian(admin_client):
    response = admin_client.get(reverse("admin:auth_group_add"))
    assert "Zgodovina sprememb | sprememba |" in response.text


def test_inline_delete_column_and_theme_toggle_read_like_the_rest(admin_client):
    project = factories.make_full_project()
    response = admin_client.get(admin_url(Project, "change", project.pk))
    assert "<th>Izbriši?</th>" in response.text
    assert "Izbrišem?" not in response.text
    assert "Preklopi temo (trenutna tema: temna)" in response.text


def test_delete_page_names_the_model_after_the_record(admin_client):
    organisation = factories.make_organisation(name="Razvojna agencija")
    response = admin_client.get(admin_url(Organisation, "delete", organisation.pk))
    assert (
        "Ali res želite izbrisati zapis „Razvojna agencija“ (organizacija)? "
        "Izbrisani bodo tudi vsi ti povezani zapisi:"
    ) in response.text
