"""The money behind the projects: programmes, the regional development agreement, the
2021–2027 perspective and the agency's record in European projects."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, OuterRef, Prefetch, Subquery, Sum, Value, When
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from regionportal.base.aggregates import subquery_count
from regionportal.base.fields import MONEY, DatePrecision
from regionportal.base.images import PortalImage
from regionportal.base.models import Municipality, SourceDiscrepancy, SourcedModel
from regionportal.base.publishing import Publishable, PublishableQuerySet


class ProgrammeQuerySet(models.QuerySet):
    def in_kind_order(self):
        """By kind in the order of the kinds' choices, then as staff ordered them."""
        kinds = [When(kind=kind, then=Value(index)) for index, kind in enumerate(Programme.Kind)]
        return self.order_by(Case(*kinds, default=Value(len(kinds))), "order", "name")

    def for_detail_page(self):
        return self.select_related("source", "logo")

    def potential_sources(self):
        return self.filter(is_listed_as_potential=True).order_by("order", "name")


class Programme(SourcedModel):
    """A funding programme or source of money (Interreg Europe, LIFE, national money …)."""

    class Kind(models.TextChoices):
        INTERREG = "interreg", _("Interreg")
        LIFE = "life", _("LIFE")
        COHESION = "cohesion", _("Cohesion policy")
        NATIONAL = "national", _("National")
        LOCAL = "local", _("Local")
        REGIONAL = "regional", _("Regional")
        OTHER = "other", _("Other source")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    code = models.CharField(_("code"), max_length=30, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    period = models.CharField(_("period"), max_length=20, blank=True)
    fund = models.CharField(
        _("EU fund"), max_length=100, blank=True, help_text=_("E.g. ERDF; empty for non-EU money.")
    )
    is_eu_funded = models.BooleanField(_("EU co-funded"), default=False)
    co_funding_statement = models.TextField(_("co-funding statement"), blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_listed_as_potential = models.BooleanField(
        _("named as a potential source"),
        default=False,
        help_text=_("The source lists it among the possible sources of money (VIRI)."),
    )
    is_tentative = models.BooleanField(
        _("tentative"),
        default=False,
        help_text=_("The source names it with a question mark."),
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("funding:programme", kwargs={"slug": self.slug})


class ProgrammeLogo(PortalImage):
    """A programme's logo, shown beside its co-funding statement on its page and on the pages
    of its projects."""

    WIDTHS = (160, 320, 480)
    UPLOAD_FOLDER = "programmes/logos"
    SIZES = "10rem"

    programme = models.OneToOneField(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="logo"
    )

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")


class DevelopmentAgreementQuerySet(models.QuerySet):
    def for_agreement_page(self, *, preview=None):
        """The agreement with its categories (each with the number of published projects
        entered), their published projects and municipalities, its discrepancies, and the
        stated and entered totals. With `preview` (an agreement project that is not public),
        the page as it will be once that one is published too: for staff to preview it."""
        stated_in_categories = (
            AgreementCategory.objects.filter(agreement=OuterRef("pk"))
            .order_by()
            .values("agreement")
            .annotate(total=Sum("projects_stated"))
            .values("total")
        )
        published = AgreementProject.objects.published()
        if preview is not None:
            published = published | AgreementProject.objects.filter(pk=preview.pk)
        categories = AgreementCategory.objects.annotate(
            entered_count=subquery_count(published.filter(category=OuterRef("pk")))
        ).prefetch_related(
            Prefetch(
                "projects",
                queryset=published.select_related("lead_municipality", "source").prefetch_related(
                    "municipalities",
                    Prefetch(
                        "discrepancies",
                        queryset=SourceDiscrepancy.objects.select_related("source"),
                    ),
                ),
            )
        )
        return (
            self.select_related("source", "figures_source")
            .annotate(
                entered_count=subquery_count(published.filter(category__agreement=OuterRef("pk"))),
                stated_in_categories=Subquery(stated_in_categories),
            )
            .prefetch_related(
                Prefetch("categories", queryset=categories),
                Prefetch(
                    "discrepancies", queryset=SourceDiscrepancy.objects.select_related("source")
                ),
            )
        )


class DevelopmentAgreement(SourcedModel):
    """The regional development agreement (Dogovor za razvoj regije)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    period = models.CharField(_("period"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)
    agency_role = models.TextField(_("the agency's role"), blank=True)
    supplement_signed = models.DateField(_("supplement signed"), null=True, blank=True)
    supplement_signed_precision = models.CharField(
        _("precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    approved_projects_stated = models.PositiveSmallIntegerField(
        _("approved projects (as stated)"), null=True, blank=True
    )
    cohesion_funds_stated = models.CharField(
        _("cohesion funds (as stated)"), max_length=200, blank=True
    )
    cohesion_funds_at_least = models.DecimalField(
        _("cohesion funds, at least (EUR)"), null=True, blank=True, **MONEY
    )
    total_value = models.DecimalField(
        _("total value of the projects (EUR)"), null=True, blank=True, **MONEY
    )
    committed_funds = models.DecimalField(
        _("state commitment, national and EU (EUR)"), null=True, blank=True, **MONEY
    )
    figures_source = models.ForeignKey(
        "regionportal.Source",
        verbose_name=_("source of the total and committed figures"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    later_amendments = models.TextField(_("later amendments"), blank=True)
    discrepancies = GenericRelation(SourceDiscrepancy, verbose_name=_("source discrepancies"))

    objects = DevelopmentAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("regional development agreement")
        verbose_name_plural = _("regional development agreements")
        # One agreement per financial perspective (2014–2020, 2021–2027): the older first.
        ordering = ["period", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(committed_funds__isnull=True)
                | models.Q(total_value__isnull=True)
                | models.Q(committed_funds__lte=models.F("total_value")),
                name="agreement_commitment_within_total",
                violation_error_message=_(
                    "The committed funds cannot exceed the total value of the projects."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Its section on the agreement page, which shows every agreement."""
        return f"{reverse('funding:agreement')}#{self.slug}"


class AgreementCategory(SourcedModel):
    """A category of the agreement's projects, with the number the source states."""

    agreement = models.ForeignKey(
        DevelopmentAgreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="categories",
    )
    slug = models.SlugField(_("slug"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    projects_stated = models.PositiveSmallIntegerField(
        _("projects (as stated)"),
        null=True,
        blank=True,
        help_text=_("Empty where no source states how many projects the category has."),
    )

    class Meta:
        verbose_name = _("agreement category")
        verbose_name_plural = _("agreement categories")
        ordering = ["agreement", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "slug"],
                name="unique_category_slug_per_agreement",
                violation_error_message=_("This agreement already has a category with this slug."),
            ),
        ]

    def __str__(self):
        return self.name


class AgreementProjectQuerySet(PublishableQuerySet):
    def of_agreement(self, agreement):
        return self.filter(category__agreement=agreement)

    def involving(self, municipality):
        """The projects the municipality leads or takes part in, each once."""
        taking_part = AgreementProject.municipalities.through.objects.filter(
            municipality=municipality
        ).values("agreementproject")
        return self.filter(models.Q(lead_municipality=municipality) | models.Q(pk__in=taking_part))

    def for_list(self):
        """With what a row shows: category, lead and other municipalities."""
        return self.select_related("category__agreement", "lead_municipality").prefetch_related(
            "municipalities"
        )

    def for_export(self):
        """Each investment with its agreement, category and municipalities, in the agreement
        page's order (by agreement, by category, then by title)."""
        return self.for_list()

    def totals(self):
        """The number of these investments and the sums of their total values and cohesion
        funds: {"investment_count": …, "total_value_sum": …, "cohesion_amount_sum": …}, a sum
        None where nothing is known."""
        return self.aggregate(
            investment_count=Count("pk"),
            total_value_sum=Sum("total_value"),
            cohesion_amount_sum=Sum("cohesion_amount"),
        )


class AgreementProject(Publishable, SourcedModel):
    """One of the agreement's approved projects (an investment in the region).

    Its municipalities are its lead municipality and the others taking part; the lead is never
    also among the others (`municipalities`).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        APPROVED = "approved", _("Approved (decision on support)")
        IN_PROGRESS = "in_progress", _("In implementation")
        COMPLETED = "completed", _("Completed")
        UNKNOWN = "unknown", _("Unknown")

    class EuFund(models.TextChoices):
        ERDF = "erdf", _("European Regional Development Fund (ERDF)")
        COHESION_FUND = "cf", _("Cohesion Fund")

    category = models.ForeignKey(
        AgreementCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    lead_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("lead municipality"),
        on_delete=models.PROTECT,
        related_name="led_agreement_projects",
        null=True,
        blank=True,
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("other municipalities"),
        related_name="agreement_projects",
        blank=True,
        help_text=_("The municipalities taking part besides the lead municipality."),
    )
    implementer = models.CharField(
        _("investor or implementer"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the investor or implementer is not the lead municipality, e.g. the "
            "Slovenian Infrastructure Agency (DRSI) or the regional development agency."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNKNOWN, db_index=True
    )
    total_value = models.DecimalField(_("total value (EUR)"), null=True, blank=True, **MONEY)
    cohesion_amount = models.DecimalField(
        _("cohesion funds (EUR)"),
        null=True,
        blank=True,
        help_text=_("The co-financing under the agreement: EU and national funds together."),
        **MONEY,
    )
    eu_fund = models.CharField(_("EU fund"), max_length=10, choices=EuFund, blank=True)
    eu_amount = models.DecimalField(
        _("EU funds (EUR)"),
        null=True,
        blank=True,
        help_text=_("The part of the co-financing from the EU fund, where the source gives it."),
        **MONEY,
    )
    discrepancies = GenericRelation(SourceDiscrepancy, verbose_name=_("source discrepancies"))

    objects = AgreementProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement project")
        verbose_name_plural = _("agreement projects")
        # As the page lists them: the older agreement first, by category, then by title.
        ordering = ["category__agreement__period", "category__order", "title"]
        permissions = [
            ("publish_agreementproject", _("Can publish, return and withdraw agreement projects"))
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cohesion_amount__isnull=True)
                | models.Q(total_value__isnull=True)
                | models.Q(cohesion_amount__lte=models.F("total_value")),
                name="agreement_project_cohesion_within_total",
                violation_error_message=_(
                    "The cohesion funds cannot exceed the project's total value."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(eu_amount__isnull=True)
                | models.Q(total_value__isnull=True)
                | models.Q(eu_amount__lte=models.F("total_value")),
                name="agreement_project_eu_within_total",
                violation_error_message=_("The EU funds cannot exceed the project's total value."),
            ),
            models.CheckConstraint(
                condition=models.Q(eu_amount__isnull=True)
                | models.Q(cohesion_amount__isnull=True)
                | models.Q(eu_amount__lte=models.F("cohesion_amount")),
                name="agreement_project_eu_within_cohesion",
                violation_error_message=_(
                    "The EU funds are part of the cohesion funds and cannot exceed them."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.pk and self.lead_municipality_id:
            self.check_other_municipalities(self.lead_municipality, self.municipalities.all())

    @staticmethod
    def check_other_municipalities(lead, others):
        """Raise a ValidationError (on `municipalities`) if the lead municipality is also
        among the others. The admin form calls it with the submitted choice, `clean()` with
        the saved one: a many-to-many relation has no database constraint for it."""
        if lead is not None and any(other.pk == lead.pk for other in others):
            raise ValidationError(
                {
                    "municipalities": _(
                        "%(municipality)s is the lead municipality: do not list it among the "
                        "other municipalities too."
                    )
                    % {"municipality": lead}
                }
            )

    def get_absolute_url(self):
        """Its row on the agreement page, which lists the agreement's projects."""
        return f"{reverse('funding:agreement')}#{self.slug}"

    def get_preview_url(self):
        """The agreement page with this project in it while the public does not see it."""
        return f"{reverse('funding:agreement')}?{urlencode({'preview': self.slug})}#{self.slug}"


class FinancialPerspective(SourcedModel):
    """An EU financial perspective the agency prepares for (2021–2027)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    period = models.CharField(_("period"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("financial perspective")
        verbose_name_plural = _("financial perspectives")
        ordering = ["period"]

    def __str__(self):
        return self.title


class PolicyGoal(SourcedModel):
    """A general goal of regional policy in a financial perspective."""

    perspective = models.ForeignKey(
        FinancialPerspective,
        verbose_name=_("perspective"),
        on_delete=models.CASCADE,
        related_name="goals",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("regional policy goal")
        verbose_name_plural = _("regional policy goals")
        ordering = ["perspective", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["perspective", "number"],
                name="unique_goal_number_per_perspective",
                violation_error_message=_("This perspective already has a goal with this number."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"


class AgencyRecord(SourcedModel):
    """The agency's record in European projects as the source states it.

    The portal shows each stated figure beside the one it counts from the data.
    """

    title = models.CharField(_("title"), max_length=200)
    interreg_projects_as_partner = models.PositiveSmallIntegerField(
        _("Interreg projects as a partner (as stated)")
    )
    countries = models.PositiveSmallIntegerField(_("countries (as stated)"))
    projects_as_lead = models.PositiveSmallIntegerField(_("projects as lead partner (as stated)"))
    applications = models.PositiveSmallIntegerField(_("applications as a partner (as stated)"))
    applications_year = models.PositiveSmallIntegerField(_("year of the applications"))

    class Meta:
        verbose_name = _("agency's record in European projects")
        verbose_name_plural = _("agency's records in European projects")

    def __str__(self):
        return self.title
