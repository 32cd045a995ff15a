"""Images of projects, organisations and programmes: checked by their content, stored as
re-encoded renditions without EXIF, shown with srcset, and kept for the history."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertInHTML

from projects.models import OrganisationLogo, Project, ProjectImage
from tests import factories
from tests.pdfs import pdf_text
from tests.uploads import image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def image_row(data, **fields):
    """One more row of the project's images in posted admin data."""
    index = int(data["images-TOTAL_FORMS"])
    data["images-TOTAL_FORMS"] = str(index + 1)
    fields = {"alt_sl": "Termalni bazen", "alt_en": "A thermal pool", "order": 0, **fields}
    for name, value in fields.items():
        data[f"images-{index}-{name}"] = value
    return index


def field_error(prefix, message):
    return f'<ul class="errorlist" id="id_{prefix}_error"><li>{message}</li></ul>'


def test_an_uploaded_jpeg_is_stored_in_three_widths_without_exif(
    admin_client, changeform_data, media_root
):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    original = image_bytes("JPEG", size=(3000, 1500), gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload has GPS
    image_row(data, image=upload(original, name="IMG_0001.JPG"))

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 302, response.context["errors"]
    image = ProjectImage.objects.get(project=project)
    assert (image.width, image.height) == (1600, 800)
    files = stored_files(media_root)
    assert len(files) == 3
    widths = []
    for path in files:
        content = path.read_bytes()
        stored = Image.open(io.BytesIO(content))
        widths.append(stored.width)
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert b"Exif" not in content
        assert b"Janez Novak" not in content
        assert "IMG_0001" not in path.name
    assert sorted(widths) == [480, 960, 1600]


@pytest.mark.parametrize(
    ("image_format", "name"),
    [("PNG", "diagram.png"), ("WEBP", "photo.webp"), ("PNG", "diagram.dat")],
)
def test_png_and_webp_are_accepted_whatever_their_name(
    admin_client, changeform_data, media_root, image_format, name
):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    image_row(data, image=upload(image_bytes(image_format, size=(800, 600), gps=True), name=name))

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 302
    image = ProjectImage.objects.get(project=project)
    # Narrower than 960 and 1600: never scaled up, so both larger renditions are 800 wide.
    assert (image.width, image.height) == (800, 600)
    for path in stored_files(media_root):
        stored = Image.open(path)
        assert stored.format == image_format
        assert not stored.getexif()


def truncated_jpeg():
    content = image_bytes("JPEG", size=(1200, 800))
    return content[: len(content) // 2]


def too_large_jpeg():
    # A real JPEG, padded past 10 MB (a viewer ignores what follows its end).
    return image_bytes("JPEG", size=(400, 300)) + b"\0" * (10 * 1024 * 1024)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            b"%PDF-1.7 a document, not a photo",
            "photo.jpg",
            "Datoteka ni slika JPEG, PNG ali WebP (ne glede na to, kaj pravi njeno ime).",
        ),
        (
            image_bytes("GIF", size=(200, 100)),
            "animation.gif",
            "Datoteka ni slika JPEG, PNG ali WebP (ne glede na to, kaj pravi njeno ime).",
        ),
        (
            truncated_jpeg(),
            "photo.jpg",
            "Slika je poškodovana ali nepopolna in je ni mogoče prebrati.",
        ),
        (too_large_jpeg(), "photo.jpg", "Slika ima 10,0\xa0MB; imeti sme največ 10,0\xa0MB."),
    ],
    ids=["fake-extension", "wrong-type", "damaged", "too-large"],
)
def test_a_refused_image_is_an_error_next_to_the_field_and_nothing_is_saved(
    admin_client, changeform_data, media_root, content, name, message
):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    data["title_sl"] = "Spremenjen naslov"
    row = image_row(data, image=upload(content, name=name))

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    assertContains(response, field_error(f"images-{row}-image", message), html=True)
    assert not ProjectImage.objects.exists()
    assert Project.objects.get(pk=project.pk).title_sl != "Spremenjen naslov"
    assert stored_files(media_root) == []


@pytest.mark.parametrize("missing", ["alt_sl", "alt_en"])
def test_an_image_without_alt_text_in_both_languages_is_refused(
    admin_client, changeform_data, media_root, missing
):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    row = image_row(data, image=upload(image_bytes()), **{missing: ""})

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    assertContains(
        response, field_error(f"images-{row}-{missing}", "To polje je obvezno."), html=True
    )
    assert not ProjectImage.objects.exists()
    assert stored_files(media_root) == []


def test_the_project_page_shows_its_images_with_srcset_in_order(get_page):
    project = factories.make_project(slug="spa")
    second = factories.make_image(project=project, order=2, alt_sl="Drugi", alt_en="Second")
    first = factories.make_image(
        project=project,
        order=1,
        alt_sl="Bazen v Laškem",
        alt_en="The pool at Laško",
        caption_sl="Obnovljeni bazen",
        caption_en="The renovated pool",
        credit="Foto RASR",
    )

    response = get_page("/en/projects/spa/")

    html = response.text
    assert html.index('alt="The pool at Laško"') < html.index('alt="Second"')
    srcset = ", ".join(
        f"{file.url} {width}w"
        for file, width in [
            (first.image_small, 480),
            (first.image_medium, 960),
            (first.image, 1600),
        ]
    )
    assertInHTML(
        f'<img src="{first.image.url}" srcset="{srcset}" sizes="(min-width: 60rem) 60rem, 100vw"'
        ' width="1600" height="800" alt="The pool at Laško" loading="lazy">',
        html,
    )
    assertInHTML(
        '<figcaption>The renovated pool <span class="credit">Credit: Foto RASR</span></figcaption>',
        html,
    )
    assert second.image.url in html
    assertContains(get_page("/sl/projects/spa/"), 'alt="Bazen v Laškem"')


def test_the_pdf_summary_shows_the_first_image(client, pdf_engine):
    project = factories.make_project(slug="spa")
    factories.make_image(project=project, order=1, caption_en="The renovated pool")
    factories.make_image(project=project, order=2, caption_en="Another one")

    response = client.get("/en/projects/spa/summary.pdf")

    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "The renovated pool" in text
    assert "Another one" not in text
    images = [
        image
        for page in __import__("pypdf").PdfReader(io.BytesIO(response.content)).pages
        for image in page.images
    ]
    assert len(images) == 1
    assert images[0].image.width == 1600


def test_the_programme_logo_shows_beside_the_co_funding_statement(get_page):
    programme = factories.make_programme(
        slug="interreg", is_eu_funded=True, co_funding_statement_en="Funded by Interreg Europe."
    )
    logo = factories.make_programme_logo(
        programme=programme,
        content=image_bytes("PNG", size=(600, 200)),
        alt_en="Logo of Interreg Europe",
    )
    factories.make_project(slug="spa", programme=programme)

    project_page = get_page("/en/projects/spa/").text
    programme_page = get_page("/en/funding/programmes/interreg/").text

    block = project_page[project_page.index('<div class="eu-funding">') :]
    block = block[: block.index("</div>")]
    assert 'alt="Logo of Interreg Europe"' in block
    assert "Funded by Interreg Europe." in block
    assert logo.image.url in programme_page
    assert programme_page.index(logo.image.url) < programme_page.index("Funded by Interreg Europe.")


def test_the_organisation_page_shows_its_logo(get_page):
    organisation = factories.make_organisation(slug="spa-lasko")
    factories.make_partnership(organisation=organisation)
    logo = factories.make_organisation_logo(
        organisation=organisation,
        content=image_bytes("PNG", size=(300, 100)),
        alt_en="Logo of Spa Laško",
    )

    html = get_page("/en/partners/spa-lasko/").text

    assertInHTML(
        f'<img src="{logo.image.url}" srcset="{logo.image_small.url} 160w, {logo.image.url} 300w"'
        ' sizes="10rem" width="300" height="100" alt="Logo of Spa Laško" class="logo">',
        html,
    )


def test_the_organisation_admin_takes_a_logo(admin_client, changeform_data, media_root):
    organisation = factories.make_organisation()
    url = reverse("admin:projects_organisation_change", args=[organisation.pk])
    data = changeform_data(admin_client.get(url))
    data.update(
        {
            "logo-TOTAL_FORMS": "1",
            "logo-0-image": upload(image_bytes("PNG", size=(400, 200)), name="logo.png"),
            "logo-0-alt_sl": "Logotip",
            "logo-0-alt_en": "Logo",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert OrganisationLogo.objects.get(organisation=organisation).width == 400


def add_images(project, count):
    for _ in range(count):
        factories.make_image(project=project, content=image_bytes(size=(500, 250)))


def test_project_page_queries_do_not_grow_with_images(assert_constant_queries):
    programme = factories.make_programme(is_eu_funded=True)
    factories.make_programme_logo(programme=programme, content=image_bytes(size=(200, 100)))
    project = factories.make_full_project(slug="full", programme=programme)
    add_images(project, 1)

    assert_constant_queries("/en/projects/full/", lambda: add_images(project, 4))


def test_partner_and_list_page_queries_do_not_grow_with_logos(assert_constant_queries):
    def add_partners():
        for _ in range(3):
            organisation = factories.make_organisation()
            factories.make_organisation_logo(
                organisation=organisation, content=image_bytes(size=(200, 100))
            )
            project = factories.make_project()
            factories.make_partnership(project=project, organisation=organisation)
            add_images(project, 1)

    add_partners()
    assert_constant_queries("/en/partners/", add_partners)
    assert_constant_queries("/en/projects/", add_partners)
    organisation = factories.make_organisation(slug="org")
    factories.make_organisation_logo(
        organisation=organisation, content=image_bytes(size=(200, 100))
    )

    def add_projects():
        for _ in range(3):
            factories.make_partnership(organisation=organisation)

    add_projects()
    assert_constant_queries("/en/partners/org/", add_projects)


def test_an_image_deleted_in_the_admin_comes_back_from_the_projects_history(
    admin_client, changeform_data, media_root
):
    project = factories.make_full_project(slug="spa")
    data = changeform_data(admin_client.get(change_url(project)))
    image_row(data, image=upload(image_bytes(), name="pool.jpg"))
    assert admin_client.post(change_url(project), data).status_code == 302
    image = ProjectImage.objects.get()
    names = image.files()

    data = changeform_data(admin_client.get(change_url(project)))
    data["images-0-DELETE"] = "on"
    assert admin_client.post(change_url(project), data).status_code == 302
    assert not ProjectImage.objects.exists()
    # The files stay: the history's versions still name them.
    assert all(default_storage.exists(name) for name in names)

    # The project's version from before the deletion, restored from its history.
    history = admin_client.get(reverse("admin:projects_project_history", args=[project.pk]))
    version = next(
        item["version"]
        for item in history.context["action_list"]
        if item["version"].revision.version_set.filter(object_id=str(image.pk)).exists()
    )
    revision_url = reverse("admin:projects_project_revision", args=[project.pk, version.pk])
    response = admin_client.post(revision_url, changeform_data(admin_client.get(revision_url)))
    assert response.status_code == 302

    restored = ProjectImage.objects.get()
    assert restored.files() == names
    assert all(default_storage.exists(name) for name in names)
    assert restored.image.url in admin_client.get("/en/projects/spa/").text


def test_a_deleted_project_recovered_from_recover_deleted_has_its_images(
    admin_client, changeform_data, media_root
):
    project = factories.make_full_project(slug="spa")
    data = changeform_data(admin_client.get(change_url(project)))
    image_row(data, image=upload(image_bytes(), name="pool.jpg"))
    assert admin_client.post(change_url(project), data).status_code == 302
    names = ProjectImage.objects.get().files()
    delete_url = reverse("admin:projects_project_delete", args=[project.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not ProjectImage.objects.exists()

    recover_list = admin_client.get(reverse("admin:projects_project_recoverlist"))
    version = recover_list.context["deleted"][0]
    recover_url = reverse("admin:projects_project_recover", args=[version.pk])
    response = admin_client.post(recover_url, changeform_data(admin_client.get(recover_url)))

    assert response.status_code == 302
    assert ProjectImage.objects.get().files() == names
    assert all(default_storage.exists(name) for name in names)
