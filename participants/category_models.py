"""Participant categories of an occurrence (delegate, head of delegation, press, student supporter...):
each with its own seats, optionally its own registration form (a QuestionSet whose `category` is
set, participants/form_models.py), a badge colour and whether a registration in it is reviewed.

Seats are decided by participants.services under the occurrence's row lock, like the occurrence's
and the allocations' seats; `seats_taken` is recounted there and the check constraint below is the
database's own guard against overbooking a category.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from workshops.models import Occurrence

HEX_COLOUR = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Write the colour as # and six hex digits, e.g. #1F5FAD."))


class ParticipantCategory(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="participant_categories"
    )
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty means no limit of its own.")
    )
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    needs_review = models.BooleanField(
        _("reviewed by staff"),
        default=True,
        help_text=_("Unticked: a registration in this category is accepted at once while its seats remain."),
    )
    badge_colour = models.CharField(
        _("badge colour"),
        max_length=7,
        default="#1F5FAD",
        validators=[HEX_COLOUR],
        help_text=_("The band printed on this category's name badges, e.g. #1F5FAD."),
    )

    class Meta:
        ordering = ["occurrence", "order", "id"]
        verbose_name = _("participant category")
        verbose_name_plural = _("participant categories")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="category_not_overbooked",
            ),
            models.CheckConstraint(condition=Q(badge_colour__regex=r"^#[0-9A-Fa-f]{6}$"), name="category_colour_hex"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.capacity is not None and self.capacity < self.seats_taken:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(taken)s registrations of this category already hold a seat; keep at least as many."
                    )
                    % {"taken": self.seats_taken}
                }
            )

    @property
    def seats_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.seats_taken >= self.capacity
