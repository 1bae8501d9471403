"""Reads of the speech contest: a round's ranking, what a judge may see, the public results."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from .models import SpeechCriterion, SpeechEntry, SpeechRound, SpeechScore

TWO_PLACES = Decimal("0.01")


def speech_criteria(*, round):
    """The criteria a round is scored on: its program's, in order (none: one total out of 100)."""
    return list(SpeechCriterion.objects.filter(program_id=round.occurrence.program_id))


def _mean(values):
    if not values:
        return None
    return (sum(values) / len(values)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def speech_round_results(*, round):
    """Contestants ranked by the mean of their judges' totals, best first (unscored last).

    Ties on the mean are broken by the round's tie-break rule; contestants still level after it
    share the rank (1, 1, 3).
    """
    entries = list(SpeechEntry.objects.filter(round=round).select_related("registration__participant"))
    criteria = speech_criteria(round=round)
    first = criteria[0].pk if criteria else None
    totals = defaultdict(lambda: defaultdict(Decimal))
    first_marks = defaultdict(list)
    for entry_id, judge_id, criterion_id, score in SpeechScore.objects.filter(entry__round=round).values_list(
        "entry_id", "judge_id", "criterion_id", "score"
    ):
        totals[entry_id][judge_id] += score
        if criterion_id is not None and criterion_id == first:
            first_marks[entry_id].append(score)
    rows = []
    for entry in entries:
        judge_totals = list(totals[entry.pk].values())
        rows.append(
            {
                "entry": entry,
                "participant": entry.registration.participant,
                "mean": _mean(judge_totals),
                "judges": len(judge_totals),
                "first_criterion": _mean(first_marks[entry.pk]),
                "best_judge": max(judge_totals) if judge_totals else None,
            }
        )
    rule = round.tie_break

    def tie_key(row):
        if rule == SpeechRound.TieBreak.FIRST_CRITERION:
            return -(row["first_criterion"] or 0)
        if rule == SpeechRound.TieBreak.BEST_JUDGE:
            return -(row["best_judge"] or 0)
        return 0

    rows.sort(
        key=lambda row: (
            row["mean"] is None,
            -(row["mean"] or 0),
            tie_key(row),
            row["entry"].order or 0,
            row["entry"].pk,
        )
    )
    previous = None
    for position, row in enumerate(rows, start=1):
        key = (row["mean"], tie_key(row))
        row["rank"] = previous[1] if previous and previous[0] == key else position
        row["tied"] = False
        if previous and previous[0] == key:
            row["tied"] = True
            rows[position - 2]["tied"] = True
        previous = (key, row["rank"])
    return rows


def speech_rounds_judged_by(user):
    return (
        SpeechRound.objects.filter(judges=user)
        .select_related("occurrence__program")
        .order_by("occurrence__start_date", "occurrence_id", "-kind", "language")
    )


def speech_marks_of(*, round, judge):
    """{(entry_id, criterion_id): score} of one judge in one round."""
    return {
        (entry_id, criterion_id): score
        for entry_id, criterion_id, score in SpeechScore.objects.filter(entry__round=round, judge=judge).values_list(
            "entry_id", "criterion_id", "score"
        )
    }


def speech_round_score_sheet(*, round):
    """Every judge's total per contestant, for a closed round: [(judge, {entry_id: total})]."""
    sheet = defaultdict(lambda: defaultdict(Decimal))
    judges = {}
    for score in SpeechScore.objects.filter(entry__round=round).select_related("judge"):
        judges[score.judge_id] = score.judge
        sheet[score.judge_id][score.entry_id] += score.score
    return [(judges[judge_id], dict(sheet[judge_id])) for judge_id in sorted(judges)]


def contest_published_results(*, occurrence):
    """Per contest language, the released rounds (final first) with their ranking."""
    rounds = SpeechRound.objects.filter(occurrence=occurrence, results_published_at__isnull=False)
    by_language = {}
    for language, label in SpeechRound.Language.choices:
        released = sorted((r for r in rounds if r.language == language), key=lambda r: r.kind != SpeechRound.Kind.FINAL)
        by_language[language] = {
            "label": label,
            "rounds": [{"round": r, "rows": speech_round_results(round=r)} for r in released],
        }
    return by_language
