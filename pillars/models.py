"""The four pillars of the integral green region, the ideas that tie them, and the vision."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from regionportal.base.formatting import percent_of
from regionportal.base.models import SourcedModel

HEX_COLOUR = RegexValidator(
    r"\A#[0-9a-fA-F]{6}\Z",
    message=_("Enter a hex colour: # and six digits 0–9 or letters a–f, e.g. #2f6b3a."),
    code="invalid_colour",
)


def _relative_luminance(hex_colour):
    """WCAG 2.1's relative luminance of a #rrggbb colour."""
    channels = []
    for start in (1, 3, 5):
        value = int(hex_colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


# A pillar's colour is the background of white text (its badges and chart bars): WCAG 2.1 AA
# asks for 4.5:1.
MINIMUM_CONTRAST_WITH_WHITE = 4.5


def validate_contrast_with_white(value):
    if not HEX_COLOUR.regex.fullmatch(value or ""):
        return  # the format's own validator says what is wrong
    contrast = 1.05 / (_relative_luminance(value) + 0.05)
    if contrast < MINIMUM_CONTRAST_WITH_WHITE:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast of %(contrast)s:1; choose a darker "
                "colour (at least %(minimum)s:1)."
            ),
            code="low_contrast",
            params={
                "colour": value,
                # Rounded here: number_format cuts a float's decimals off.
                "contrast": number_format(Decimal(f"{contrast:.1f}")),
                "minimum": number_format(Decimal(f"{MINIMUM_CONTRAST_WITH_WHITE:.1f}")),
            },
        )


class PillarQuerySet(models.QuerySet):
    def for_detail_page(self):
        return self.select_related("source").prefetch_related(
            "examples",
            Prefetch("goals", queryset=VisionGoal.objects.order_by("horizon", "order")),
        )


class Pillar(SourcedModel):
    """One of the four pillars (e.g. Narava & Skupnost / Nature & Community)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    other_wordings = models.CharField(
        _("other wordings"),
        max_length=300,
        blank=True,
        help_text=_("How other slides of the source name the pillar or its model."),
    )
    economic_model = models.CharField(_("economic model"), max_length=200)
    potentials = models.TextField(_("potentials"), blank=True)
    in_implementation = models.TextField(
        _("in implementation"),
        blank=True,
        help_text=_("What the agency already does under this pillar."),
    )
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#2f6b3a",
        validators=[HEX_COLOUR, validate_contrast_with_white],
        help_text=_("A hex colour dark enough for white text on it, e.g. #2f6b3a."),
    )

    objects = PillarQuerySet.as_manager()

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ["order"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pillars:detail", kwargs={"slug": self.slug})


class PotentialExample(SourcedModel):
    """An organisation, place or group the source names as a potential of a pillar."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        PLACE = "place", _("Place or area")
        GROUP = "group", _("Group")
        THEME = "theme", _("Theme")

    pillar = models.ForeignKey(
        Pillar, verbose_name=_("pillar"), on_delete=models.CASCADE, related_name="examples"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORGANISATION)
    count = models.PositiveIntegerField(
        _("count"), null=True, blank=True, help_text=_("For groups, e.g. 9 green destinations.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("potential example")
        verbose_name_plural = _("potential examples")
        ordering = ["pillar__order", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["pillar", "name"],
                name="unique_example_per_pillar",
                violation_error_message=_("This pillar already names this example."),
            ),
        ]

    def __str__(self):
        return self.name


class KeyMessage(SourcedModel):
    """A statement that ties the pillars together: the motto, the moral core, and so on."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Title")
        MOTTO = "motto", _("Motto")
        OVERALL_VISION = "overall_vision", _("Overall vision")
        MORAL_CORE = "moral_core", _("Moral core")
        SMART_INTEGRATION = "smart_integration", _("Smart integration")
        CHALLENGE = "challenge", _("Challenge")
        CLOSING_QUOTE = "closing_quote", _("Closing quotation")
        THANKS = "thanks", _("Closing words")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind, unique=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    attribution = models.CharField(_("attribution"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("key message")
        verbose_name_plural = _("key messages")
        ordering = ["kind"]

    def __str__(self):
        return self.title


class VisionGoalQuerySet(models.QuerySet):
    def for_vision_page(self):
        """Goals by pillar (the region as a whole last), then horizon."""
        return self.select_related("pillar").order_by(
            F("pillar__order").asc(nulls_last=True), "horizon", "order"
        )


class VisionGoal(SourcedModel):
    """A 2030/50 vision goal of a pillar, or of the region as a whole.

    Where the goal can be measured it carries an indicator: unit, baseline, target and latest
    value, each with its year. A target the source states with a question mark is kept as
    unconfirmed rather than dropped or made certain.
    """

    class Horizon(models.TextChoices):
        Y2030 = "2030", "2030"
        Y2050 = "2050", "2050"
        Y2030_50 = "2030/50", "2030/50"

    pillar = models.ForeignKey(
        Pillar,
        verbose_name=_("pillar"),
        on_delete=models.PROTECT,
        related_name="goals",
        null=True,
        blank=True,
        help_text=_("Empty for a goal of the region as a whole."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    horizon = models.CharField(_("horizon"), max_length=7, choices=Horizon)
    statement = models.TextField(_("statement"))
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    target_confirmed = models.BooleanField(
        _("target confirmed"),
        default=True,
        help_text=_("Off where the source gives the target with a question mark."),
    )
    latest_value = models.DecimalField(
        _("latest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    latest_year = models.PositiveSmallIntegerField(_("latest value year"), null=True, blank=True)
    indicator_source = models.CharField(_("indicator source"), max_length=300, blank=True)

    objects = VisionGoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("vision goal")
        verbose_name_plural = _("vision goals")
        ordering = ["pillar__order", "horizon", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(baseline_value__isnull=True)
                | models.Q(baseline_year__isnull=False),
                name="goal_baseline_has_year",
                violation_error_message=_("A baseline needs its year."),
            ),
            models.CheckConstraint(
                condition=models.Q(target_value__isnull=True) | models.Q(target_year__isnull=False),
                name="goal_target_has_year",
                violation_error_message=_("A target needs its year."),
            ),
            models.CheckConstraint(
                condition=models.Q(latest_value__isnull=True) | models.Q(latest_year__isnull=False),
                name="goal_latest_has_year",
                violation_error_message=_("A latest value needs its year."),
            ),
        ]

    def __str__(self):
        return self.statement[:80]

    @property
    def is_measurable(self):
        return self.target_value is not None

    @property
    def progress_percent(self):
        """How far the latest value has come from the baseline towards the target, 0–100.

        None where it cannot be measured: no target, baseline or latest value, or a target
        equal to the baseline. Works for falling targets (e.g. emissions) as for rising ones.
        """
        if None in (self.target_value, self.baseline_value, self.latest_value):
            return None
        progress = percent_of(
            self.latest_value - self.baseline_value, self.target_value - self.baseline_value
        )
        if progress is None:
            return None
        return min(max(progress, Decimal(0)), Decimal(100)).quantize(Decimal("0.1"))

    def get_absolute_url(self):
        return reverse("pillars:vision") + f"#{self.slug}"
