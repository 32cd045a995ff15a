"""Organisations, projects and the partnerships between them."""

import datetime
import uuid
from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower, RowNumber
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from funding.models import Programme
from pillars.models import Pillar, VisionGoal
from regionportal.base.aggregates import subquery_count, subquery_sum
from regionportal.base.documents import DocumentKind, kind_of, validate_document
from regionportal.base.fields import MONEY, DatePrecision, money_field
from regionportal.base.formatting import format_money, percent_of
from regionportal.base.images import PortalImage
from regionportal.base.models import Municipality, SourceDiscrepancy, SourcedModel
from regionportal.base.publishing import Publishable, PublishableQuerySet
from regionportal.base.text import FoldedText
from regionportal.base.text import matching as text_matching


def _agency_country():
    """The agency's country (Slovenia), for subqueries that leave it out."""
    return Organisation.objects.filter(is_agency=True).values("country")


# Each distinct country of the organisations, walked along the country index one step a
# country (PostgreSQL reads no index for DISTINCT this way by itself), and the countries for which
# a probe (a query of the organisations of `countries.country`, LIMIT 1) finds a row: the probe's
# SQL goes between the two parts.
_EACH_COUNTRY_SQL = (
    "WITH RECURSIVE countries AS ("
    "(SELECT country FROM projects_organisation ORDER BY country LIMIT 1) "
    "UNION ALL "
    "SELECT (SELECT next.country FROM projects_organisation AS next "
    "WHERE next.country > countries.country ORDER BY next.country LIMIT 1) "
    "FROM countries WHERE countries.country IS NOT NULL) "
    "SELECT countries.country FROM countries CROSS JOIN LATERAL (",
    ") AS found WHERE countries.country IS NOT NULL ORDER BY 1",
)


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """The organisations the public channels show (pages, downloads, API, search and
        sitemap): those that take part in a published project, and the agency itself.

        The agency stays whatever it takes part in: the portal is its own, and its portfolio
        page also lists the projects it runs without a partnership.
        """
        # One list of the organisations in published projects, not a subquery per organisation:
        # SQLite runs that one through the partnerships' (project, organisation) index once for
        # every published project, 18 s for 15,000 organisations and 10,000 projects. The
        # agency joins the list (UNION) rather than standing beside it (is_agency OR in the
        # list): PostgreSQL reads "IN (list)" alone as a semi-join at any size, but beside an
        # OR it can only test each organisation against the list, hashed while the list fits
        # in work_mem (4 MB) and otherwise read again for each one: at 100,000 projects
        # (600,000 partnerships, 150,000 organisations) the partner download's first query
        # ran for minutes; as a union it takes 0.7 s. A page of a list reads
        # public_checked_each() instead.
        in_published_projects = Partnership.objects.filter(
            project__in=Project.objects.published()
        ).values("organisation_id")
        agency = Organisation.objects.filter(is_agency=True).values("pk")
        return self.filter(pk__in=in_published_projects.union(agency))

    def public_checked_each(self):
        """The organisations of public(), each checked through its own partnerships, for
        reading one by its slug (its page, its API record) or the few a search finds.

        public() lists every partnership in a published project first, which a long list
        needs (the per-organisation check took 18 s for all of them) but one organisation
        does not: 34 ms at 10,000 projects on SQLite, as against a few lookups.
        """
        takes_part = (
            Partnership.objects.filter(organisation=OuterRef("pk"))
            .in_projects(Project.objects.published())
            # "Not the agency", which the OR has answered already, said again inside: a
            # condition on the organisation that is not an equality keeps PostgreSQL from
            # turning the check into one hashed list of every partnership in a published
            # project (60,000 at 10,000 projects, 14 ms), which it did for the hundred
            # organisations a search finds, whose checks one by one take a few ms.
            .filter(Exact(OuterRef("is_agency"), False))
        )
        return self.filter(Q(is_agency=True) | Exists(takes_part))

    def agency(self):
        """The organisation marked as the agency, or None where none is."""
        return self.filter(is_agency=True).first()

    def partners_in(self, projects):
        """The organisations other than the agency that take part in the projects (a row per
        partnership: callers count distinct rows)."""
        return self.filter(is_agency=False, partnerships__project__in=projects)

    def with_project_count(self):
        """Annotate project_count: the published projects the organisation takes part in (a
        subquery per row rather than a join grouped over every organisation, so that a page of
        the list, fetched by key, counts for its own rows alone)."""
        # in_projects(): the organisation's own partnerships, each project looked up by its key,
        # rather than each of the 10,000 published projects looked up among its partnerships
        # (the partner list's page: 117 ms of SQL on SQLite).
        return self.annotate(
            project_count=subquery_count(
                Partnership.objects.filter(organisation=OuterRef("pk")).in_projects(
                    Project.objects.published()
                )
            )
        )

    def for_list_page(self):
        return self.with_project_count()

    def for_detail_page(self):
        """An organisation's page; its partnerships are paged apart
        (Partnership.objects.for_organisation_page())."""
        return self.select_related("source", "logo").prefetch_related(
            Prefetch("discrepancies", queryset=SourceDiscrepancy.objects.select_related("source")),
        )

    def for_api_detail(self, first_rows):
        """An organisation's record in the API: the page's bundle with the first `first_rows`
        of its published partnerships as `published_partnerships`."""
        return self.for_detail_page().prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.for_organisation_page()[:first_rows],
                to_attr="published_partnerships",
            )
        )

    def matching(self, text):
        """Organisations whose names, acronym and city contain every word of the text (see
        regionportal.base.text.matching)."""
        return text_matching(self, ["name", "name_en", "acronym", "city"], text)

    def countries(self):
        """The distinct country codes of these organisations."""
        return self.order_by("country").values_list("country", flat=True).distinct()

    def partner_countries_in(self, projects):
        """The distinct country codes of the organisations other than the agency that take
        part in the projects."""
        # Whether each organisation takes part, rather than a row per partnership: read in the
        # order of the country index, the database then stops at the first organisation of a
        # country that does (SQLite: 0.1 ms instead of 110 ms at 10,000 projects).
        return self._partners_in(projects).countries()

    def _partners_in(self, projects):
        """These organisations other than the agency that take part in the projects."""
        partnerships = Partnership.objects.filter(organisation=OuterRef("pk")).in_projects(projects)
        return self.filter(Exists(partnerships), is_agency=False)

    def published_partner_countries(self):
        """The distinct country codes (a sorted list) of the organisations other than the
        agency that take part in published projects: partner_countries_in() of them.

        On PostgreSQL that query is a join of every organisation with every partnership (the
        LIMIT of an EXISTS does not stop it): at 100,000 projects 0.6 s, which the first request
        of the project list, its downloads and the API's list after a change waited for. Here
        each country of the organisations is visited in turn (a recursive walk of the country
        index) and asked for its first organisation that takes part, which for published projects
        is nearly always its first (5-20 ms). For a narrower set of projects (the agency's) the
        walk would read most organisations one by one, slower than the join."""
        if connection.vendor != "postgresql":
            return list(self.partner_countries_in(Project.objects.published()))
        first_taking_part = (
            self._partners_in(Project.objects.published())
            .filter(country=RawSQL("countries.country", []))
            .order_by()
            .values("pk")[:1]
        )
        sql, params = first_taking_part.query.sql_with_params()
        before, after = _EACH_COUNTRY_SQL
        with connection.cursor() as cursor:
            cursor.execute(before + sql + after, params)
            return [country for (country,) in cursor.fetchall()]

    def agency_partner_countries(self):
        """The countries of the agency's partners in published projects, without its own.

        Counted from the partnerships: every organisation that shares a published project with
        the agency, less the agency's own country (Slovenia).
        """
        return self.exclude(country__in=_agency_country()).partner_countries_in(
            Project.objects.published().with_agency()
        )

    def per_country(self):
        """Per country: how many organisations other than the agency take part in published
        projects, and in how many of those projects; most partners first."""
        return (
            self.partners_in(Project.objects.published())
            .values("country")
            .annotate(
                partner_count=Count("pk", distinct=True),
                project_count=Count("partnerships__project", distinct=True),
            )
            .order_by("-partner_count", "country")
        )


class Organisation(SourcedModel):
    """A partner organisation; the agency itself is one, marked as such."""

    class Kind(models.TextChoices):
        DEVELOPMENT_AGENCY = "development_agency", _("Development agency")
        PUBLIC_AUTHORITY = "public_authority", _("Public authority")
        MINISTRY = "ministry", _("Ministry or national body")
        UNIVERSITY = "university", _("University or research organisation")
        MUSEUM = "museum", _("Museum or cultural institution")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association or NGO")
        PUBLIC_INSTITUTION = "public_institution", _("Public institution")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name (original language)"), max_length=250)
    name_en = models.CharField(_("name in English"), max_length=250, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    country = CountryField(_("country"))
    kind = models.CharField(_("type"), max_length=30, choices=Kind, default=Kind.OTHER)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_agency = models.BooleanField(
        _("the agency itself"),
        default=False,
        help_text=_("Marks the regional development agency (RASR). Only one may be marked."),
    )
    description = models.TextField(_("description"), blank=True)
    discrepancies = GenericRelation(SourceDiscrepancy, verbose_name=_("source discrepancies"))
    # What the search boxes read (regionportal.base.text.matching), kept by the database.
    folded_name = FoldedText(verbose_name=_("name, folded"), fields=["name", "name_en", "acronym"])
    folded_text = FoldedText(
        verbose_name=_("searched text, folded"),
        fields=["name", "name_en", "acronym", "city", "description_sl", "description_en"],
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        # The partner list's and the admin's filters and sort (the search has its own).
        indexes = [
            models.Index(fields=["name"], name="organisation_name"),
            # The partner list's default order (OrganisationTable.order_name): read in it, a
            # page's organisations are checked one by one until the page is full.
            models.Index(Lower("name"), F("id"), name="organisation_name_order"),
            models.Index(fields=["country"], name="organisation_country"),
            models.Index(fields=["kind"], name="organisation_kind"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["is_agency"],
                condition=Q(is_agency=True),
                name="only_one_agency",
                violation_error_message=_("Another organisation is already marked as the agency."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})


def _agency_partnership():
    """The agency's partnership in the outer query's project (at most one), for subqueries."""
    # Unordered: there is at most one, and the partnerships' default order (by project) would
    # join the project again in every row's subquery.
    return Partnership.objects.of_agency().filter(project=OuterRef("pk")).order_by()


def _agency_share():
    """The agency's budget in the outer query's project, None where it has none."""
    # The output field keeps the two decimal places on SQLite too.
    return Subquery(_agency_partnership().values("budget")[:1], output_field=money_field())


def _agency_leads():
    """Whether the agency is the lead partner of the outer query's project."""
    return Exists(_agency_partnership().filter(role=Partnership.Role.LEAD))


def title_sort_key(language):
    """What the project list sorts by title by in the language: the title lower-cased, in
    English the Slovenian one where no English title is entered. An index of each language
    holds it (Project.Meta), so the first page reads 20 entries of it rather than sorting every
    published project (SQLite at 100,000: 1 s)."""
    if language == "sl":
        return Lower("title_sl")
    # NULLIF(…, '') with the '' in the SQL: as a parameter it would match no index on SQLite.
    entered = Func(
        F(f"title_{language}"),
        function="NULLIF",
        template="%(function)s(%(expressions)s, '')",
        output_field=models.CharField(),
    )
    return Lower(Coalesce(entered, "title_sl"))


# The orders of the pages that show the first few projects of each programme or vision goal.
PROGRAMME_PAGE_ORDER = ["-start_date", "acronym"]
VISION_PAGE_ORDER = ["acronym"]


class ProjectQuerySet(PublishableQuerySet):
    # Which projects. published() (PublishableQuerySet) is where every public list, count and
    # sum starts.

    def with_agency(self):
        """Projects the agency takes part in, in any role."""
        return self.filter(Exists(_agency_partnership()))

    def without_agency(self):
        """Projects the agency runs with no partnership recorded, such as regional schemes."""
        return self.exclude(Exists(_agency_partnership()))

    def agency_is_partner(self):
        """Projects the agency takes part in but does not lead."""
        return self.filter(Exists(_agency_partnership().exclude(role=Partnership.Role.LEAD)))

    def agency_is_lead(self):
        """Projects the agency leads."""
        return self.filter(_agency_leads())

    def running_in(self, year):
        """Projects running at some time in the year; one with only a start runs from then."""
        return self.filter(start_date__lte=datetime.date(year, 12, 31)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1))
        )

    def with_partner_from(self, country):
        """Projects with a partner other than the agency from the country."""
        return self.filter(
            Exists(
                Partnership.objects.filter(
                    project=OuterRef("pk"),
                    organisation__country=country,
                    organisation__is_agency=False,
                )
            )
        )

    def matching(self, text):
        """Projects whose acronym, titles and summaries contain every word of the text (see
        regionportal.base.text.matching)."""
        return text_matching(
            self, ["acronym", "title_sl", "title_en", "summary_sl", "summary_en"], text
        )

    def of_pillar(self, pillar):
        """Projects under the pillar, as their primary or a secondary pillar, each once;
        annotated with is_primary_pillar."""
        links = ProjectPillar.objects.filter(project=OuterRef("pk"), pillar=pillar)
        return self.filter(Exists(links)).annotate(
            is_primary_pillar=Exists(links.filter(is_primary=True))
        )

    def touching(self, municipality):
        """Projects linked to the municipality directly or through one of their related places
        there; each project once, however many of its places lie in the municipality."""
        # Through the links' and the places' municipality indexes, not a join with DISTINCT:
        # that walked every project (75 ms at 10,000) to find a municipality's few hundred.
        return self.filter(
            Q(
                pk__in=Project.municipalities.through.objects.filter(
                    municipality=municipality
                ).values("project")
            )
            | Q(pk__in=RelatedPlace.objects.filter(municipality=municipality).values("project"))
        )

    def operations(self):
        """Projects selected for funding (approved, in implementation or completed): the
        operations of the cohesion rules' list. Ideas, applications and rejected ones are not."""
        return self.filter(
            status__in=[
                Project.Status.APPROVED,
                Project.Status.IN_IMPLEMENTATION,
                Project.Status.COMPLETED,
            ]
        )

    # What each project carries.

    def with_agency_share(self):
        """Annotate each project with the agency's partnership budget and role."""
        return self.annotate(
            agency_share=_agency_share(),
            agency_role=Subquery(_agency_partnership().values("role")[:1]),
        )

    def with_pillars(self):
        """Prefetch the project's pillars (the primary one first) with the pillars."""
        return self.prefetch_related(
            Prefetch("project_pillars", queryset=ProjectPillar.objects.select_related("pillar"))
        )

    def with_partners(self):
        """Prefetch the partnerships with their organisations, the lead partner first whatever
        its place in the source's list."""
        return self.prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.select_related("organisation").order_by(
                    Case(When(role=Partnership.Role.LEAD, then=Value(0)), default=Value(1)),
                    "order",
                    "organisation__name",
                ),
            )
        )

    # The pages, downloads and answers that show projects, each with what it shows of them.

    def for_list_page(self):
        """The project list's rows (also those of a municipality's page and the agency's):
        programme, pillars and the agency's share."""
        return self.with_agency_share().select_related("programme").with_pillars()

    def for_detail_page(self):
        return (
            self.with_agency_share()
            .with_partners()
            .with_pillars()
            .select_related("programme__logo", "source")
            .prefetch_related(
                "images",
                "documents",
                "goals__pillar",
                # In their order within the project: the results' default order, by project
                # first, would join the project again.
                Prefetch("results", queryset=ProjectResult.objects.order_by("order", "pk")),
                "places__municipality",
                "municipalities",
                "links",
                Prefetch(
                    "discrepancies", queryset=SourceDiscrepancy.objects.select_related("source")
                ),
            )
        )

    def for_home_page(self):
        """The home page's cards, the latest first: programme and pillars."""
        return (
            self.select_related("programme")
            .with_pillars()
            .order_by(F("start_date").desc(nulls_last=True), "-created_at")
        )

    def for_pillar_page(self, pillar):
        """The projects under the pillar with the agency's share, those whose primary pillar it
        is first, then the latest."""
        return (
            self.of_pillar(pillar)
            .with_agency_share()
            .select_related("programme")
            .order_by("-is_primary_pillar", "-start_date", "acronym")
        )

    def for_programme_page(self):
        """The projects of a programme's page (and of the programmes on the funding page):
        with the agency's share, the latest first."""
        return self.with_agency_share().order_by(*PROGRAMME_PAGE_ORDER)

    def first_of_each_programme(self, count):
        """For a Prefetch of programmes' projects: the first `count` of these projects of each
        programme, as its page shows them."""
        return self.first_per("programme", count, PROGRAMME_PAGE_ORDER).for_programme_page()[:count]

    def for_municipality_page(self, municipality):
        """The projects that touch the municipality (see touching()), as the list shows them."""
        return self.touching(municipality).for_list_page()

    def for_agency_page(self):
        """The projects the agency takes part in, as the list shows them, with its role."""
        return self.with_agency().for_list_page()

    def first_per(self, lookup, count, ordering):
        """The first `count` of these projects in the `ordering` for each row that `lookup`
        reaches, as bare projects, for a Prefetch to decorate and slice again (a project under
        several such rows may be among the first of one and not of another).

        A sliced Prefetch numbers every project with all its columns and annotations (the
        funding page's took 550 ms at 10,000 projects); this numbers only their keys first.
        """
        first = (
            self.order_by()
            .values("pk")
            .annotate(place=Window(RowNumber(), partition_by=F(lookup), order_by=ordering))
            .filter(place__lte=count)
            .values_list("pk", flat=True)
        )
        # Their keys listed first: as a subquery, PostgreSQL expected every project from it
        # and read the whole table for the few (470 ms at 100,000 projects).
        return self.model.objects.filter(pk__in=list(first))

    def for_vision_page(self):
        """The projects under a vision goal, by acronym."""
        return self.order_by(*VISION_PAGE_ORDER)

    def first_of_each_goal(self, count):
        """For a Prefetch of vision goals' projects: the first `count` of these projects under
        each goal, as the vision page shows them."""
        return self.first_per("goals", count, VISION_PAGE_ORDER).for_vision_page()[:count]

    def for_feed(self):
        """A feed's entries, the most recently changed first, with their pillars."""
        return self.with_pillars().order_by("-updated_at", "pk")

    def for_sitemap(self):
        return self.only("slug", "updated_at").order_by("slug")

    def for_api_list(self):
        """The list page's bundle with what each project of the API's list carries besides
        (its goals, municipalities and partner_count: how many partners it has), the latest
        first in a total order."""
        return (
            self.for_list_page()
            .annotate(
                partner_count=subquery_count(Partnership.objects.filter(project=OuterRef("pk")))
            )
            .prefetch_related("goals", "municipalities")
            .order_by(F("start_date").desc(nulls_last=True), "acronym", "pk")
        )

    def for_export(self):
        """The projects of a download of the list, with the agency's share (by which the list
        sorts); the downloads' row reader (projects.exports.project_rows()) reads the rest of
        what a row carries a chunk of projects at a time."""
        return self.with_agency_share()

    def partnerships_for_export(self):
        """The partnerships of these projects with their projects, programmes and organisations:
        project by project, the latest first (as the list), and in each the lead partner first,
        then in the source's order."""
        return (
            Partnership.objects.filter(project__in=self.values("pk"))
            .select_related("project__programme", "organisation")
            .order_by(
                F("project__start_date").desc(nulls_last=True),
                "project__acronym",
                "project_id",
                Case(When(role=Partnership.Role.LEAD, then=Value(0)), default=Value(1)),
                "order",
                "organisation__name",
            )
        )

    # Figures. Every count of projects is `project_count`, every sum of their total budgets
    # `total_budget`, every sum of the agency's shares in them `agency_share`.

    def totals(self, **counts):
        """The number of these projects and the sums of their total budgets and of the agency's
        shares in them, in one query: {"project_count", "total_budget", "agency_share"}, a sum
        None where no amount is known. Each further keyword adds the number of the projects
        that meet its condition (a Q)."""
        # Over the bare projects, whatever these carry: an aggregate named as an annotation
        # (agency_share) would replace it.
        keys = self.values("pk")
        totals = self.model.objects.filter(pk__in=keys).aggregate(
            project_count=Count("pk"),
            total_budget=Sum("total_budget"),
            **{name: Count("pk", filter=condition) for name, condition in counts.items()},
        )
        # The agency's shares summed over its partnerships in them (one a project at most),
        # not by a subquery a project (1.3 s at 100,000 projects on PostgreSQL).
        return totals | Partnership.objects.of_agency().filter(project__in=keys).aggregate(
            agency_share=Sum("budget")
        )

    def agency_figures(self):
        """The agency page's figures over these projects that the agency takes part in: the
        totals() and interreg_project_count and lead_project_count (those it leads)."""
        # Summed over the agency's partnerships in these projects (one in each at most), in one
        # pass: totals() would look up its share and its role by a subquery per project.
        interreg = Q(project__programme__kind=Programme.Kind.INTERREG)
        return (
            Partnership.objects.of_agency()
            .in_projects(self)
            .aggregate(
                project_count=Count("pk"),
                total_budget=Sum("project__total_budget"),
                agency_share=Sum("budget"),
                interreg_project_count=Count("pk", filter=interreg),
                lead_project_count=Count("pk", filter=Q(role=Partnership.Role.LEAD)),
            )
        )

    def home_figures(self):
        """The home page's figures over these projects, in two queries however many there are:
        the totals() and partner_count and partner_country_count.

        Partners are the organisations other than the agency; their countries are counted
        without the agency's own (Slovenia).
        """
        # The organisations among the partnerships' (each once), not a join counted distinct:
        # that looked every partnership's organisation up (110 ms at 10,000 projects).
        partners = Organisation.objects.filter(
            is_agency=False,
            pk__in=Partnership.objects.filter(project__in=self.values("pk")).values("organisation"),
        )
        return self.totals() | partners.aggregate(
            partner_count=Count("pk"),
            partner_country_count=Count(
                "country", distinct=True, filter=~Q(country__in=_agency_country())
            ),
        )

    def figures_per(self, lookup, **conditions):
        """Annotations for the rows of another model that these projects reach through
        `lookup` (with the further `conditions` on the same relation): how many of them reach
        each row, the sum of their total budgets and of the agency's shares in them, as
        `project_count`, `total_budget` and `agency_share`. A programme's:
        `figures_per("programme")`; a pillar's, as primary pillar:
        `figures_per("project_pillars__pillar", project_pillars__is_primary=True)`."""

        def reaching(row):
            return self.filter(**{lookup: row}, **conditions)

        agency_partnerships = Partnership.objects.of_agency().filter(
            # Two levels up: this subquery runs inside the one of the agency's partnerships.
            project__in=reaching(OuterRef(OuterRef("pk"))).values("pk"),
        )
        return {
            "project_count": subquery_count(reaching(OuterRef("pk"))),
            "total_budget": subquery_sum(reaching(OuterRef("pk")), "total_budget"),
            "agency_share": subquery_sum(agency_partnerships, "budget"),
        }

    def figures_by(self, foreign_key):
        """figures_per()'s figures for every row the projects' `foreign_key` names, in two
        grouped queries rather than subqueries per row (which at 100,000 projects took
        seconds): {row key: {"project_count": …, "total_budget": …, "agency_share": …}}, a
        row no project names left out, a sum None where nothing is known."""
        figures = {
            row[foreign_key]: {
                "project_count": row["project_count"],
                "total_budget": row["total_budget"],
                "agency_share": None,
            }
            for row in self.exclude(**{foreign_key: None})
            .order_by()
            .values(foreign_key)
            .annotate(project_count=Count("pk"), total_budget=Sum("total_budget"))
        }
        shares = (
            Partnership.objects.of_agency()
            .filter(project__in=self.values("pk"))
            .exclude(**{f"project__{foreign_key}": None})
            .order_by()
            .values(f"project__{foreign_key}")
            .annotate(agency_share=Sum("budget"))
        )
        for row in shares:
            figures[row[f"project__{foreign_key}"]]["agency_share"] = row["agency_share"]
        return figures

    def count_per_goal(self):
        """How many of these projects serve each vision goal, in one grouped query:
        {goal key: count}, a goal none serves left out."""
        return dict(
            Project.goals.through.objects.filter(project__in=self.values("pk"))
            .order_by()
            .values_list("visiongoal")
            .annotate(count=Count("project"))
        )

    def count_touching_each(self):
        """An annotation for municipalities: how many of these projects touch each (see
        touching()), each project once."""
        # Counted from the municipality's own links and places, each project looked up by its
        # key: the projects linked directly, and those reached only through a place. A count
        # of touching() read every published project for each municipality, and SQLite ran its
        # subqueries again for each of them (the API's 31 municipalities: 25-60 s at 10,000).
        links = Project.municipalities.through.objects
        in_these = Exists(self.filter(pk=OuterRef("project")))
        direct = links.filter(in_these, municipality=OuterRef("pk"))
        only_by_place = RelatedPlace.objects.filter(
            in_these,
            ~Exists(
                links.filter(project=OuterRef("project"), municipality=OuterRef(OuterRef("pk")))
            ),
            municipality=OuterRef("pk"),
        )
        return subquery_count(direct) + subquery_count(only_by_place, "project")


class Project(Publishable, SourcedModel):
    """A project the agency runs, ran or applied for."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        SUBMITTED = "submitted", _("Application submitted")
        APPROVED = "approved", _("Approved")
        IN_IMPLEMENTATION = "in_implementation", _("In implementation")
        COMPLETED = "completed", _("Completed")
        REJECTED = "rejected", _("Not approved")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    acronym = models.CharField(_("acronym"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.IDEA)
    status_note = models.CharField(_("status note"), max_length=300, blank=True)
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="projects",
        null=True,
        blank=True,
    )
    call = models.CharField(
        _("call"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the second round of the LIFE call."),
    )
    priority_area = models.CharField(_("priority area"), max_length=200, blank=True)
    pillars = models.ManyToManyField(
        Pillar, verbose_name=_("pillars"), through="ProjectPillar", related_name="projects"
    )
    goals = models.ManyToManyField(
        VisionGoal, verbose_name=_("vision goals"), related_name="projects", blank=True
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="projects", blank=True
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    total_budget = models.DecimalField(_("total budget (EUR)"), null=True, blank=True, **MONEY)
    budget_note = models.CharField(_("budget note"), max_length=300, blank=True)
    discrepancies = GenericRelation(SourceDiscrepancy, verbose_name=_("source discrepancies"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # What the search boxes read (regionportal.base.text.matching), kept by the database.
    folded_name = FoldedText(
        verbose_name=_("name, folded"), fields=["acronym", "title_sl", "title_en"]
    )
    folded_text = FoldedText(
        verbose_name=_("searched text, folded"),
        fields=[
            "acronym",
            "title_sl",
            "title_en",
            "summary_sl",
            "summary_en",
            "objectives_sl",
            "objectives_en",
        ],
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start_date", "acronym"]
        permissions = [("publish_project", _("Can publish, return and withdraw projects"))]
        # What the lists filter and sort on: published() (state and publish-at), the status,
        # the period (sort, year, ending soon) and the budget (the search has its own). Then
        # each programme's count and sums, read from the index alone rather than from the long
        # rows (with the start and acronym too, SQLite took it for the lists' sort, 30 ms
        # instead of 2), the home page's latest, and the list's sort by title in each language.
        indexes = [
            models.Index(fields=["state", "publish_at"], name="project_state_publish_at"),
            models.Index(fields=["status"], name="project_status"),
            models.Index(fields=["start_date", "end_date"], name="project_period"),
            models.Index(fields=["end_date"], name="project_end"),
            models.Index(fields=["total_budget"], name="project_total_budget"),
            models.Index(
                fields=["programme", "state", "publish_at", "total_budget"],
                name="project_programme_figures",
            ),
            models.Index(fields=["start_date", "created_at"], name="project_latest"),
            models.Index(F("state"), title_sort_key("sl"), F("id"), name="project_title_sl"),
            models.Index(F("state"), title_sort_key("en"), F("id"), name="project_title_en"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_end_not_before_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
            models.CheckConstraint(
                condition=Q(total_budget__isnull=True) | Q(total_budget__gte=0),
                name="project_budget_not_negative",
                violation_error_message=_("The total budget cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.acronym

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    @property
    def headline(self):
        """The acronym and the title in the active language, as feeds and the change log name
        the project ("InnovaSPA – …"); the title alone where it starts with the acronym."""
        if self.title.startswith(self.acronym):
            return self.title
        return f"{self.acronym} – {self.title}"

    def validate_partner_budgets(self, budgets):
        """Raise a ValidationError when the partners' budgets add up to more than the project's
        total budget; its message names the sum and the total, in the active language.

        `budgets` are those of every partner the project is to have: an unknown one (None)
        counts as nothing, and a project without a total is not checked. Not part of clean()
        or of Partnership.clean(): those see the partnerships as saved, not the ones changed,
        added or deleted with them, so the callers that write them (the admin's partnership
        formset, the content loader) hand over the budgets as they will be.
        """
        if self.total_budget is None:
            return
        budget_sum = sum((budget for budget in budgets if budget is not None), Decimal(0))
        if budget_sum > self.total_budget:
            raise ValidationError(
                _(
                    "The partners' budgets add up to %(sum)s, more than the project's total "
                    "budget of %(total)s."
                ),
                code="partner_budgets_above_total",
                params={"sum": format_money(budget_sum), "total": format_money(self.total_budget)},
            )


class ProjectPillar(models.Model):
    """A project's pillar; exactly one of a project's pillars is its primary one."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="project_pillars"
    )
    pillar = models.ForeignKey(
        Pillar, verbose_name=_("pillar"), on_delete=models.PROTECT, related_name="project_pillars"
    )
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("project pillar")
        verbose_name_plural = _("project pillars")
        ordering = ["-is_primary", "pillar__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "pillar"],
                name="unique_pillar_per_project",
                violation_error_message=_("The project already has this pillar."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(is_primary=True),
                name="one_primary_pillar_per_project",
                violation_error_message=_("A project can have only one primary pillar."),
            ),
        ]

    def __str__(self):
        return f"{self.project} – {self.pillar}"


class PartnershipQuerySet(models.QuerySet):
    def of_agency(self):
        """The agency's partnerships: one per project at most."""
        return self.filter(organisation__is_agency=True)

    def in_projects(self, projects):
        """The partnerships in the projects, each partnership's project looked up by its key.

        Rather than `project__in`, for which the database first lists every one of the
        projects (10,000 published ones) where an organisation's few partnerships, or the
        first of a country's, are all it needs.
        """
        return self.filter(Exists(projects.filter(pk=OuterRef("project"))))

    def for_organisation_page(self):
        """The partnerships in published projects with their projects and programmes, as an
        organisation's page lists them: the latest project first."""
        return (
            self.in_projects(Project.objects.published())
            .select_related("project__programme")
            .order_by(F("project__start_date").desc(nulls_last=True), "project__acronym", "pk")
        )


class Partnership(SourcedModel):
    """An organisation's part in a project; the agency's budget here is the agency's share."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")
        ADVISORY = "advisory", _("Advisory partner")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.PARTNER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    listed_as = models.CharField(
        _("listed as"),
        max_length=250,
        blank=True,
        help_text=_("The organisation's name exactly as the project's source lists it."),
    )
    budget = models.DecimalField(_("budget (EUR)"), null=True, blank=True, **MONEY)
    eu_contribution = models.DecimalField(
        _("EU contribution (EUR)"), null=True, blank=True, **MONEY
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["project", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="unique_organisation_per_project",
                violation_error_message=_("This organisation is already a partner in the project."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="lead"),
                name="one_lead_partner_per_project",
                violation_error_message=_("A project can have only one lead partner."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="partnership_budget_not_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(eu_contribution__isnull=True)
                | Q(budget__isnull=True)
                | Q(eu_contribution__lte=models.F("budget")),
                name="partnership_eu_within_budget",
                violation_error_message=_("The EU contribution cannot exceed the budget."),
            ),
        ]

    def __str__(self):
        return f"{self.project} – {self.organisation}"

    @property
    def share_of_total(self):
        """The partner's budget as a percentage of the project's total, or None."""
        return percent_of(self.budget, self.project.total_budget)


class ProjectResult(SourcedModel):
    """A result, target, deliverable or event of a project."""

    class Kind(models.TextChoices):
        TARGET = "target", _("Target")
        OBJECTIVE = "objective", _("Objective")
        DELIVERABLE = "deliverable", _("Deliverable")
        EVENT = "event", _("Event")
        OUTPUT = "output", _("Output")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="results"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    place = models.CharField(_("place"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("project result")
        verbose_name_plural = _("project results")
        ordering = ["project", "order"]

    def __str__(self):
        return self.title


class RelatedPlace(SourcedModel):
    """A place a project works with, e.g. one of InnovaSPA's seven spas."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="places"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="related_places",
        null=True,
        blank=True,
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("related place")
        verbose_name_plural = _("related places")
        ordering = ["project", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name"],
                name="unique_place_per_project",
                violation_error_message=_("The project already lists this place."),
            ),
        ]

    def __str__(self):
        return self.name


class ProjectLink(models.Model):
    """A source the project's page cites, e.g. "Vir: www.nt-rc.si"."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="links"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=200)
    url = models.URLField(_("address"), blank=True)

    class Meta:
        verbose_name = _("project source")
        verbose_name_plural = _("project sources")
        ordering = ["project", "order"]

    def __str__(self):
        return self.label


class ProjectImage(PortalImage):
    """A photo or picture of a project; its page shows them in their order, its PDF summary the
    first one."""

    UPLOAD_FOLDER = "projects/images"

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="images"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("project image")
        verbose_name_plural = _("project images")
        ordering = ["project", "order", "pk"]


class OrganisationLogo(PortalImage):
    """An organisation's logo, shown on its page."""

    WIDTHS = (160, 320, 480)
    UPLOAD_FOLDER = "organisations/logos"
    SIZES = "10rem"

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="logo"
    )

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")


def _document_upload_to(instance, filename):
    # A new random name: the uploader's name is neither trusted nor kept in the storage, and a
    # replaced file never overwrites one that an earlier version in the history names.
    return f"projects/documents/{uuid.uuid4().hex}.{instance.kind}"


class ProjectDocument(models.Model):
    """A document of a project (a report, a brochure, a table), downloaded from its page."""

    class Language(models.TextChoices):
        SLOVENIAN = "sl", _("Slovenian")
        ENGLISH = "en", _("English")
        OTHER = "other", _("Other language")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="documents"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language of the document"), max_length=5, choices=Language, default=Language.SLOVENIAN
    )
    date = models.DateField(_("date"))
    file = models.FileField(
        _("file"),
        upload_to=_document_upload_to,
        max_length=200,
        validators=[validate_document],
        help_text=_("PDF, DOCX, XLSX or ODT, at most 20 MB."),
    )
    kind = models.CharField(_("type"), max_length=5, choices=DocumentKind, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        ordering = ["project", "order", "-date", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "projects:document", kwargs={"slug": self.project.slug, "document_id": self.pk}
        )

    def take_upload(self, upload):
        """Take the kind and the size of the uploaded file; ValidationError if it is not an
        accepted document."""
        validate_document(upload)
        self.kind = kind_of(upload)
        self.size = upload.size

    @property
    def download_name(self):
        """The file name a download gets: the title in the active language, as ASCII, with the
        kind's extension ("letno-porocilo-2025.pdf")."""
        stem = slugify(self.title)[:80].strip("-") or "document"
        return f"{stem}.{self.kind}"
