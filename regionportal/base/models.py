"""The base every app builds on: sources of facts, the region and its municipalities."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Source(models.Model):
    """A document or web page that facts on the portal come from."""

    class Kind(models.TextChoices):
        AGENCY_DOCUMENT = "agency", _("Agency document")
        PUBLIC = "public", _("Public source")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PUBLIC)
    url = models.URLField(_("address"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["kind", "title"]

    def __str__(self):
        return self.title


class SourcedModel(models.Model):
    """A record that says where its facts come from."""

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    source_excerpt = models.TextField(
        _("wording in the source"),
        blank=True,
        help_text=_("The source's own words, where the portal's text differs from them."),
    )

    class Meta:
        abstract = True


class SourceDiscrepancy(models.Model):
    """A figure from another source that disagrees with the one the portal shows.

    The portal keeps the agency document's figure; the other one is recorded here with its
    source so that readers can see both.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record ID"))
    content_object = GenericForeignKey("content_type", "object_id")
    field_label = models.CharField(_("what"), max_length=120)
    other_value = models.CharField(_("value in the other source"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("other source"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("source discrepancy")
        verbose_name_plural = _("source discrepancies")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.field_label}: {self.other_value}"


class Region(SourcedModel):
    """A statistical region (NUTS 3)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    nuts_code = models.CharField(_("NUTS 3 code"), max_length=10, unique=True)
    older_nuts_codes = models.CharField(_("older NUTS codes"), max_length=200, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(population__isnull=True)
                | models.Q(population_year__isnull=False),
                name="region_population_has_year",
                violation_error_message=_("A population figure needs its year."),
            ),
        ]

    def __str__(self):
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    def in_region(self):
        return self.filter(region__isnull=False)

    def for_detail_page(self):
        return self.in_region().select_related("region", "source")


class Municipality(SourcedModel):
    """A municipality (občina); its membership of the region is data, not code."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    is_urban = models.BooleanField(
        _("urban municipality"), default=False, help_text=_("Mestna občina (MO).")
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
    )
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(population__isnull=True)
                | models.Q(population_year__isnull=False),
                name="municipality_population_has_year",
                violation_error_message=_("A population figure needs its year."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:detail", kwargs={"slug": self.slug})


class LinkCheck(models.Model):
    """What the last `manage.py check_links` found at one web address.

    Keyed by the address rather than kept on the records that cite it: a source and a
    project's link that cite one address share its check, an edited address has no check until
    the next run (an old address's answer is never shown for a new one), and the checks never
    write to a record that staff edit, or into its history.
    """

    class Error(models.TextChoices):
        TIMEOUT = "timeout", _("No answer in time")
        DNS = "dns", _("Host name not found")
        TLS = "tls", _("TLS certificate or handshake failed")
        REFUSED = "refused", _("Connection refused")
        CONNECTION = "connection", _("Connection failed")
        INVALID = "invalid", _("Not a web address")

    url = models.URLField(_("address"), max_length=2000, unique=True)
    checked_at = models.DateTimeField(_("checked"))
    answered = models.BooleanField(
        _("answers"), help_text=_("The address answered with a page (HTTP status below 400).")
    )
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=20, choices=Error, blank=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["url"]

    def __str__(self):
        return self.url


class StateChange(models.Model):
    """One step of a record's publication (see regionportal.base.publishing): who took it,
    when, from which state to which, and why."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("publication state", "Draft")
        REVIEW = "review", pgettext_lazy("publication state", "In review")
        PUBLISHED = "published", pgettext_lazy("publication state", "Published")
        WITHDRAWN = "withdrawn", pgettext_lazy("publication state", "Withdrawn")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    from_state = models.CharField(_("from"), max_length=10, choices=State)
    to_state = models.CharField(_("to"), max_length=10, choices=State)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("publication step")
        verbose_name_plural = _("publication steps")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class ImportLog(models.Model):
    """One spreadsheet import from the admin: its file, what it did, and the reversion revision
    that holds the records as the import left them (regionportal.base.importing).

    `created` names the records the import added ([content type id, primary key] pairs, in the
    order they were made) and `removed` the rows it deleted (serialized as Django's JSON
    serializer writes them), so that undoing it can delete the one and restore the other; the
    records it changed go back to their version before the import.
    """

    revision = models.OneToOneField(
        "reversion.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="import_log",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    new_count = models.PositiveIntegerField(_("new"), default=0)
    changed_count = models.PositiveIntegerField(_("changed"), default=0)
    created = models.JSONField(_("records added"), default=list, blank=True)
    removed = models.JSONField(_("rows removed"), default=list, blank=True)
    job = models.OneToOneField(
        "ImportJob",
        verbose_name=_("background import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log",
    )
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-revision__date_created", "-pk"]

    def __str__(self):
        return self.file_name


class ImportJob(models.Model):
    """A spreadsheet import too large for one request: the file, checked and then applied by a
    background task (regionportal.base.import_jobs), its state, its progress and the check's
    report (the same rows the dry run in the request shows). The file is kept only until the
    import is done or discarded."""

    class State(models.TextChoices):
        WAITING = "waiting", pgettext_lazy("import job", "waiting to be checked")
        CHECKING = "checking", pgettext_lazy("import job", "being checked")
        CHECKED = "checked", pgettext_lazy("import job", "checked")
        QUEUED = "queued", pgettext_lazy("import job", "waiting to be imported")
        IMPORTING = "importing", pgettext_lazy("import job", "being imported")
        DONE = "done", pgettext_lazy("import job", "imported")
        FAILED = "failed", pgettext_lazy("import job", "failed")
        DISCARDED = "discarded", pgettext_lazy("import job", "discarded")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    data = models.BinaryField(_("content"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.WAITING)
    row_count = models.PositiveIntegerField(_("rows"))
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    report = models.JSONField(_("report"), null=True, blank=True, encoder=DjangoJSONEncoder)
    message = models.TextField(_("message"), blank=True)
    # The staff member's language, in which the task writes the report's messages.
    language = models.CharField(_("language"), max_length=10, default="sl")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background import")
        verbose_name_plural = _("background imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name
