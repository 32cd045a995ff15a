"""Publication states of public content: draft → review → published, and withdrawn.

A record of a publishable model (`Publishable`) is public only when its state is PUBLISHED
and its `publish_at`, if set, has passed. `PublishableQuerySet.published()` is the one place
that says so; the time is the database's own clock at query time, so an embargoed record
appears on time without anything having to run.

State changes go through the keyword-only functions below (`submit`, `publish`,
`return_to_draft`, `withdraw`): each checks the user's permission and the current state, saves
the record, records who, when and why as a `StateChange`, and is one reversion revision, all in
one transaction. Editors (the model's change permission) submit; publishers (the model's
`publish_<model>` permission, the group "Odobritelj") publish, return and withdraw;
superusers do everything.
"""

import reversion
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import two_factor
from .models import StateChange

State = StateChange.State


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The records the public sees: published, and past their publish-at if they have one.
        Every public page, feed, export, count and sum starts here."""
        return self.filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=Now()), state=State.PUBLISHED
        )

    def in_state(self, state):
        return self.filter(state=state)


class Publishable(models.Model):
    """A record that the public sees only once a publisher has published it."""

    state = models.CharField(
        pgettext_lazy("publication", "state"),
        max_length=10,
        choices=State,
        default=State.DRAFT,
        db_index=True,
        editable=False,
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Optional: a published record appears publicly only from this moment on. "
            "Leave empty to show it as soon as it is published."
        ),
    )
    state_changes = GenericRelation("regionportal.StateChange", verbose_name=_("state changes"))

    class Meta:
        abstract = True

    @property
    def is_public(self):
        """Whether the public sees this record now (see PublishableQuerySet.published())."""
        return self.state == State.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    @property
    def is_embargoed(self):
        return self.state == State.PUBLISHED and not self.is_public


def can_preview(request, model):
    """Whether the request's user may see records of `model` that are not public on their
    public pages: a staff member whom the admin itself would let in (password and, where
    needed, the second factor) with permission to view such records."""
    user = request.user
    return (
        user.is_active
        and user.is_staff
        and two_factor.pending_step(user, verified_by=getattr(user, "otp_device", None)) is None
        and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    )


def preview_headers(response):
    """Mark a preview's response: never stored by a browser, a proxy or the portal's own
    caches, and never indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def publish_permission(model):
    """The permission ("app.publish_model") that lets a user publish, return and withdraw
    records of `model`."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def change_permission(model):
    return f"{model._meta.app_label}.change_{model._meta.model_name}"


def can_publish(user, model):
    return user.is_active and user.has_perm(publish_permission(model))


class Transition:
    """One step between states: its name, the states it leaves, the state it enters, who may
    take it, and whether it needs a comment."""

    def __init__(self, name, *, sources, target, label, needs_publisher, needs_comment):
        self.name = name
        self.sources = sources
        self.target = target
        self.label = label
        self.needs_publisher = needs_publisher
        self.needs_comment = needs_comment

    def allowed_for(self, user, record):
        """Whether `user` may take this step with `record` now."""
        if record.state not in self.sources or not user.is_active:
            return False
        model = type(record)
        if self.needs_publisher:
            return can_publish(user, model)
        return user.has_perm(change_permission(model))


SUBMIT = Transition(
    "submit",
    sources={State.DRAFT, State.WITHDRAWN},
    target=State.REVIEW,
    label=_("Submit for review"),
    needs_publisher=False,
    needs_comment=False,
)
PUBLISH = Transition(
    "publish",
    sources={State.DRAFT, State.REVIEW, State.WITHDRAWN},
    target=State.PUBLISHED,
    label=_("Publish"),
    needs_publisher=True,
    needs_comment=False,
)
RETURN = Transition(
    "return",
    sources={State.REVIEW},
    target=State.DRAFT,
    label=_("Return to the editor"),
    needs_publisher=True,
    needs_comment=True,
)
WITHDRAW = Transition(
    "withdraw",
    sources={State.PUBLISHED},
    target=State.WITHDRAWN,
    label=_("Withdraw from publication"),
    needs_publisher=True,
    needs_comment=True,
)
TRANSITIONS = {transition.name: transition for transition in [SUBMIT, PUBLISH, RETURN, WITHDRAW]}


def transitions_for(user, record):
    """The steps `user` may take with `record` now, in the order the admin offers them."""
    return [
        transition for transition in TRANSITIONS.values() if transition.allowed_for(user, record)
    ]


@transaction.atomic
def _take(transition, *, record, user, comment, publish_at=None, set_publish_at=False):
    record = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if not transition.allowed_for(user, record):
        if record.state not in transition.sources:
            raise ValidationError(
                _("This step is not possible while the record is “%(state)s”."),
                code="wrong_state",
                params={"state": record.get_state_display()},
            )
        raise PermissionDenied(_("You may not take this step with this record."))
    comment = (comment or "").strip()
    if transition.needs_comment and not comment:
        raise ValidationError(
            {"comment": _("Say why: the comment is shown to the editor in the record's history.")},
            code="comment_required",
        )
    previous = record.state
    record.state = transition.target
    if set_publish_at:
        record.publish_at = publish_at
    record.full_clean()
    with reversion.create_revision():
        record.save()
        reversion.set_user(user)
        reversion.set_comment(
            f"{State(previous).label} → {State(record.state).label}"
            + (f": {comment}" if comment else "")
        )
    StateChange.objects.create(
        record=record, from_state=previous, to_state=record.state, user=user, comment=comment
    )
    return record


def submit(*, record, user, comment=""):
    """Send a draft (or a withdrawn record) to the publishers for review."""
    return _take(SUBMIT, record=record, user=user, comment=comment)


def publish(*, record, user, comment="", publish_at=None):
    """Make the record public, at once or from `publish_at` on."""
    return _take(
        PUBLISH,
        record=record,
        user=user,
        comment=comment,
        publish_at=publish_at,
        set_publish_at=True,
    )


def return_to_draft(*, record, user, comment):
    """Send a record in review back to its editor, saying what to change."""
    return _take(RETURN, record=record, user=user, comment=comment)


def withdraw(*, record, user, comment):
    """Take a published record off every public channel, saying why."""
    return _take(WITHDRAW, record=record, user=user, comment=comment)


SERVICES = {"submit": submit, "publish": publish, "return": return_to_draft, "withdraw": withdraw}
