"""The speech contest's rules: a judge's marks, closing a round, advancing to the final in the
same language, and releasing results."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SpeechCriterion, SpeechEntry, SpeechRound, SpeechScore
from .services import CohortError
from .speech_selectors import speech_round_results


def _locked(round):
    # Marks, closing and advancing all lock the round row first, so a judge's save cannot slip in
    # after staff close the round.
    return SpeechRound.objects.select_for_update().get(pk=round.pk)


def speech_marks_record(*, round, judge, marks):
    """Save one judge's marks: {(entry_id, criterion_id or None): Decimal or None (no mark)}.

    All or nothing: a mark out of range, a contestant of another round or a foreign criterion
    refuses the whole sheet.
    """
    with transaction.atomic():
        round = _locked(round)
        if not round.judges.filter(pk=judge.pk).exists():
            raise CohortError(_("You are not a judge of this round."))
        if round.closed_at is not None:
            raise CohortError(_("This round is closed; its scores can no longer change."))
        entries = set(round.entries.values_list("pk", flat=True))
        criteria = {c.pk: c for c in SpeechCriterion.objects.filter(program_id=round.occurrence.program_id)}
        for (entry_id, criterion_id), mark in marks.items():
            if entry_id not in entries:
                raise CohortError(_("This contestant is not in the round."))
            if criterion_id is None and criteria:
                raise CohortError(_("Score each criterion of the program."))
            if criterion_id is not None and criterion_id not in criteria:
                raise CohortError(_("This criterion is not one of the program's."))
            top = criteria[criterion_id].max_points if criterion_id is not None else 100
            if mark is not None and not (Decimal(0) <= mark <= top):
                raise CohortError(_("A score must lie between 0 and %(max)s.") % {"max": top})
        for (entry_id, criterion_id), mark in marks.items():
            lookup = {"entry_id": entry_id, "judge": judge, "criterion_id": criterion_id}
            if mark is None:
                SpeechScore.objects.filter(**lookup).delete()
            else:
                SpeechScore.objects.update_or_create(**lookup, defaults={"score": mark})


def speech_round_close(*, round):
    """Close a round: every contestant must have a score; judges then see each other's scores."""
    with transaction.atomic():
        round = _locked(round)
        if round.closed_at is not None:
            raise CohortError(_("This round is already closed."))
        if round.entries.filter(scores__isnull=True).exists():
            raise CohortError(_("Every contestant needs a score before the round closes."))
        round.closed_at = timezone.now()
        round.save(update_fields=["closed_at"])
    return round


def speech_round_publish(*, round):
    """Release a closed round's results on the public results page."""
    with transaction.atomic():
        round = _locked(round)
        if round.closed_at is None:
            raise CohortError(_("Close the round before releasing its results."))
        if round.results_published_at is None:
            round.results_published_at = timezone.now()
            round.save(update_fields=["results_published_at"])
    return round


def speech_round_advance(*, preliminary: SpeechRound):
    """Put the best contestants of a closed preliminary into the final of the same language
    (the best N, or everyone at or above a mean score)."""
    if preliminary.kind != SpeechRound.Kind.PRELIMINARY:
        raise CohortError(_("Only contestants of a preliminary round advance."))
    if preliminary.advance_top is None and preliminary.advance_threshold is None:
        raise CohortError(_("Set how many contestants advance, or the score they need, first."))
    with transaction.atomic():
        preliminary = _locked(preliminary)
        if preliminary.closed_at is None:
            raise CohortError(_("Close the preliminary before anyone advances."))
        results = speech_round_results(round=preliminary)
        if any(row["mean"] is None for row in results):
            raise CohortError(_("Every contestant needs a score before anyone advances."))
        chosen = results
        if preliminary.advance_threshold is not None:
            chosen = [row for row in chosen if row["mean"] >= preliminary.advance_threshold]
        if preliminary.advance_top is not None:
            chosen = chosen[: preliminary.advance_top]
        final, _created = SpeechRound.objects.get_or_create(
            occurrence=preliminary.occurrence,
            kind=SpeechRound.Kind.FINAL,
            language=preliminary.language,
            defaults={"tie_break": preliminary.tie_break},
        )
        if final.entries.filter(scores__isnull=False).exists():
            raise CohortError(_("The final has already been scored; advancement can no longer change."))
        final.entries.all().delete()
        SpeechEntry.objects.bulk_create(
            [
                SpeechEntry(
                    round=final, registration_id=row["entry"].registration_id, topic=row["entry"].topic, order=position
                )
                for position, row in enumerate(chosen, start=1)
            ]
        )
    return final
