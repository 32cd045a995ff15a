"""Small factories: plain functions that save one record with sensible defaults.

Every keyword argument overrides a field; a related record that is not given is made.
"""

import datetime
import itertools
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from funding.models import (
    AgencyRecord,
    AgreementCategory,
    AgreementProject,
    DevelopmentAgreement,
    FinancialPerspective,
    PolicyGoal,
    Programme,
    ProgrammeLogo,
)
from pillars.models import KeyMessage, Pillar, PotentialExample, VisionGoal
from projects.models import (
    Organisation,
    OrganisationLogo,
    Partnership,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectLink,
    ProjectPillar,
    ProjectResult,
    RelatedPlace,
)
from regionportal.base.models import LinkCheck, Municipality, Region, Source, SourceDiscrepancy
from tests.uploads import PDF, image_bytes, upload

_numbers = itertools.count(1)


def _next():
    return next(_numbers)


def make_user(*, group=None, is_superuser=False, **fields):
    number = _next()
    user = User.objects.create_user(
        username=fields.pop("username", f"user{number}"),
        password=fields.pop("password", "a-password-for-tests"),
        is_staff=fields.pop("is_staff", True),
        is_superuser=is_superuser,
        **fields,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_totp_device(*, user, **fields):
    """An authenticator app the user has enrolled."""
    fields.setdefault("name", "Authenticator app")
    return TOTPDevice.objects.create(user=user, **fields)


def make_source(**fields):
    number = _next()
    fields.setdefault("slug", f"source-{number}")
    fields.setdefault("title", f"Source {number}")
    return Source.objects.create(**fields)


def make_link_check(**fields):
    """What check_links found at an address: by default a page that is gone."""
    number = _next()
    fields.setdefault("url", f"https://example.org/{number}")
    fields.setdefault("checked_at", timezone.now())
    fields.setdefault("answered", False)
    fields.setdefault("status_code", 404)
    return LinkCheck.objects.create(**fields)


def make_region(**fields):
    number = _next()
    fields.setdefault("slug", f"region-{number}")
    fields.setdefault("name_sl", f"Regija {number}")
    fields.setdefault("nuts_code", f"SI0{number}")
    return Region.objects.create(**fields)


def make_municipality(**fields):
    number = _next()
    fields.setdefault("slug", f"obcina-{number}")
    fields.setdefault("name", f"Občina {number}")
    fields.setdefault("iso_code", f"SI-{number:03}")
    if "region" not in fields:
        fields["region"] = make_region()
    return Municipality.objects.create(**fields)


def make_pillar(**fields):
    number = _next()
    fields.setdefault("slug", f"pillar-{number}")
    fields.setdefault("order", number)
    fields.setdefault("name_sl", f"Steber {number}")
    fields.setdefault("economic_model_sl", "Krožno gospodarstvo")
    return Pillar.objects.create(**fields)


def make_example(**fields):
    number = _next()
    if "pillar" not in fields:
        fields["pillar"] = make_pillar()
    fields.setdefault("name_sl", f"Primer {number}")
    return PotentialExample.objects.create(**fields)


def make_key_message(**fields):
    number = _next()
    kinds = KeyMessage.Kind.values
    fields.setdefault("kind", kinds[number % len(kinds)])
    fields.setdefault("title_sl", f"Sporočilo {number}")
    fields.setdefault("text_sl", "Besedilo sporočila.")
    return KeyMessage.objects.create(**fields)


def make_goal(**fields):
    number = _next()
    if "pillar" not in fields:
        fields["pillar"] = make_pillar()
    fields.setdefault("slug", f"goal-{number}")
    fields.setdefault("horizon", VisionGoal.Horizon.Y2030)
    fields.setdefault("statement_sl", f"Cilj {number}")
    return VisionGoal.objects.create(**fields)


def make_programme(**fields):
    number = _next()
    fields.setdefault("slug", f"programme-{number}")
    fields.setdefault("code", f"P{number}")
    fields.setdefault("name_sl", f"Program {number}")
    fields.setdefault("kind", Programme.Kind.INTERREG)
    return Programme.objects.create(**fields)


def make_agreement(**fields):
    number = _next()
    fields.setdefault("slug", f"agreement-{number}")
    fields.setdefault("name_sl", f"Dogovor {number}")
    return DevelopmentAgreement.objects.create(**fields)


def make_category(**fields):
    number = _next()
    if "agreement" not in fields:
        fields["agreement"] = make_agreement()
    fields.setdefault("slug", f"category-{number}")
    fields.setdefault("name_sl", f"Kategorija {number}")
    fields.setdefault("projects_stated", 3)
    return AgreementCategory.objects.create(**fields)


def make_agreement_project(*, municipalities=(), **fields):
    number = _next()
    if "category" not in fields:
        fields["category"] = make_category()
    fields.setdefault("slug", f"agreement-project-{number}")
    fields.setdefault("title_sl", f"Naložba {number}")
    fields.setdefault("state", "published")
    agreement_project = AgreementProject.objects.create(**fields)
    agreement_project.municipalities.set(municipalities)
    return agreement_project


def make_perspective(**fields):
    number = _next()
    fields.setdefault("slug", f"perspective-{number}")
    fields.setdefault("period", "2021–2027")
    fields.setdefault("title_sl", f"Perspektiva {number}")
    return FinancialPerspective.objects.create(**fields)


def make_policy_goal(**fields):
    number = _next()
    if "perspective" not in fields:
        fields["perspective"] = make_perspective()
    fields.setdefault("number", number)
    fields.setdefault("text_sl", f"Cilj politike {number}")
    return PolicyGoal.objects.create(**fields)


def make_agency_record(**fields):
    number = _next()
    fields.setdefault("title_sl", f"Izkušnje {number}")
    fields.setdefault("interreg_projects_as_partner", 20)
    fields.setdefault("countries", 12)
    fields.setdefault("projects_as_lead", 4)
    fields.setdefault("applications", 30)
    fields.setdefault("applications_year", 2024)
    return AgencyRecord.objects.create(**fields)


def make_organisation(**fields):
    number = _next()
    fields.setdefault("slug", f"organisation-{number}")
    fields.setdefault("name", f"Organizacija {number}")
    fields.setdefault("country", "SI")
    return Organisation.objects.create(**fields)


def make_agency(**fields):
    fields.setdefault("name", "Razvojna agencija Savinja")
    fields.setdefault("acronym", "RASR")
    fields.setdefault("kind", Organisation.Kind.DEVELOPMENT_AGENCY)
    return make_organisation(is_agency=True, **fields)


def make_project(**fields):
    number = _next()
    fields.setdefault("slug", f"project-{number}")
    fields.setdefault("acronym", f"PRJ{number}")
    fields.setdefault("title_sl", f"Projekt {number}")
    fields.setdefault("start_date", datetime.date(2020, 1, 1))
    fields.setdefault("end_date", datetime.date(2022, 12, 31))
    fields.setdefault("total_budget", Decimal("1000000.00"))
    # Most tests look at public pages: a project is published unless the test says otherwise.
    fields.setdefault("state", "published")
    return Project.objects.create(**fields)


def make_partnership(**fields):
    if "project" not in fields:
        fields["project"] = make_project()
    if "organisation" not in fields:
        fields["organisation"] = make_organisation()
    return Partnership.objects.create(**fields)


def make_project_pillar(**fields):
    if "project" not in fields:
        fields["project"] = make_project()
    if "pillar" not in fields:
        fields["pillar"] = make_pillar()
    return ProjectPillar.objects.create(**fields)


def make_result(**fields):
    number = _next()
    if "project" not in fields:
        fields["project"] = make_project()
    fields.setdefault("kind", ProjectResult.Kind.OUTPUT)
    fields.setdefault("title_sl", f"Rezultat {number}")
    return ProjectResult.objects.create(**fields)


def make_place(**fields):
    number = _next()
    if "project" not in fields:
        fields["project"] = make_project()
    fields.setdefault("name", f"Kraj {number}")
    return RelatedPlace.objects.create(**fields)


def make_link(**fields):
    number = _next()
    if "project" not in fields:
        fields["project"] = make_project()
    fields.setdefault("label_sl", f"Vir {number}")
    return ProjectLink.objects.create(**fields)


def make_discrepancy(*, about=None, **fields):
    about = about or make_project()
    fields.setdefault("field_label_sl", "Skupna vrednost")
    fields.setdefault("other_value", "1,2 mio EUR")
    if "source" not in fields:
        fields["source"] = make_source()
    return SourceDiscrepancy.objects.create(
        content_type=ContentType.objects.get_for_model(about), object_id=about.pk, **fields
    )


def make_full_project(*, agency=None, partners=3, **fields):
    """A project with everything its admin page shows: pillars, partners, results, places."""
    project = make_project(**fields)
    make_project_pillar(project=project, is_primary=True)
    make_partnership(
        project=project,
        organisation=agency or Organisation.objects.filter(is_agency=True).first() or make_agency(),
        role=Partnership.Role.LEAD,
        budget=Decimal("200000.00"),
    )
    for _ in range(partners):
        make_partnership(project=project, organisation=make_organisation(country="AT"))
    make_result(project=project)
    make_place(project=project)
    make_link(project=project)
    return project


def _with_image(record, content):
    record.take_upload(upload(content or image_bytes()))
    record.save()
    return record


def make_image(*, content=None, **fields):
    """A project's image made as the admin makes it (renditions of an upload); `content` is the
    upload's bytes (a 2000 × 1000 JPEG unless given)."""
    if "project" not in fields:
        fields["project"] = make_project()
    fields.setdefault("alt_sl", "Fotografija projekta")
    fields.setdefault("alt_en", "A photo of the project")
    return _with_image(ProjectImage(**fields), content)


def make_organisation_logo(*, content=None, **fields):
    if "organisation" not in fields:
        fields["organisation"] = make_organisation()
    fields.setdefault("alt_sl", "Logotip organizacije")
    fields.setdefault("alt_en", "The organisation's logo")
    return _with_image(OrganisationLogo(**fields), content)


def make_programme_logo(*, content=None, **fields):
    if "programme" not in fields:
        fields["programme"] = make_programme()
    fields.setdefault("alt_sl", "Logotip programa")
    fields.setdefault("alt_en", "The programme's logo")
    return _with_image(ProgrammeLogo(**fields), content)


def make_document(*, content=None, name="report.pdf", **fields):
    """A project's document made as the admin makes it; a small PDF unless `content` says."""
    if "project" not in fields:
        fields["project"] = make_project()
    fields.setdefault("title_sl", "Letno poročilo 2025")
    fields.setdefault("title_en", "Annual report 2025")
    fields.setdefault("date", datetime.date(2025, 12, 1))
    document = ProjectDocument(**fields)
    file = SimpleUploadedFile(name, content or PDF)
    document.take_upload(file)
    document.file = file
    document.save()
    return document


def make_import_log(**fields):
    """An import of the projects' list, as its revision records it."""
    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Revision

    from regionportal.base.models import ImportLog

    number = _next()
    fields.setdefault(
        "revision",
        Revision.objects.create(
            comment=f"Uvoz datoteke uvoz-{number}", date_created=timezone.now()
        ),
    )
    fields.setdefault("content_type", ContentType.objects.get_for_model(Project))
    fields.setdefault("file_name", f"uvoz-{number}.xlsx")
    return ImportLog.objects.create(**fields)
