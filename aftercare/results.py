"""A survey's results per question: counts per option, overall, per country and (when the occurrence has
participant categories) per category, drawn as SVG.

No figure is shown for fewer than MIN_ANSWERS answers: a question with fewer answers shows none, and a
group (a country, a category) with fewer answers to it is left out of its breakdown (counted in the total
only). When exactly one group is left out so, the next smallest is left out too: otherwise the total minus
the groups shown would give the small one's answers. Both breakdowns follow this rule through `breakdown`.
Free-text answers are read by staff only, and only when there are MIN_ANSWERS of them.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from formats.languages import country_name
from participants.models import ParticipantCategory

from .models import RATING_VALUES, Answer, Question

MIN_ANSWERS = 3
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


@dataclass
class Breakdown:
    """The groups of one breakdown that may be shown, in their order, and how many were left out."""

    groups: list = field(default_factory=list)  # [(key, name, [count per option], answers)]
    hidden: int = 0  # fewer than MIN_ANSWERS answers
    protected: int = 0  # enough answers, hidden so that a single small group cannot be derived
    chart: str = ""


@dataclass
class QuestionResult:
    question: Question
    total: int
    options: list = field(default_factory=list)  # [label]
    overall: list = field(default_factory=list)  # [count per option]
    by_country: Breakdown = field(default_factory=Breakdown)
    by_category: Breakdown | None = None  # None: the occurrence has no participant categories
    texts: list = field(default_factory=list)

    def table(self, breakdown):
        """[(option, count over all answers, [count per group shown])]."""
        return [
            (label, self.overall[i], [counts[i] for _key, _name, counts, _n in breakdown.groups])
            for i, label in enumerate(self.options)
        ]

    @property
    def country_table(self):
        return self.table(self.by_country)

    @property
    def category_table(self):
        return self.table(self.by_category) if self.by_category else []

    @property
    def shown(self):
        return self.total >= MIN_ANSWERS


def breakdown(rows, *, values, keys, name):
    """Count `rows` [(group key, answer value)] per group; `keys` are every key in the order shown, `name`
    gives a key's name. A group under MIN_ANSWERS is hidden, and when it is the only one, so is the next
    smallest (the first of equals in order)."""
    by_group = defaultdict(Counter)
    for key, value in rows:
        by_group[key][value] += 1
    groups = [(key, sum(by_group[key].values())) for key in keys if key in by_group]
    shown = [(key, answered) for key, answered in groups if answered >= MIN_ANSWERS]
    result = Breakdown(hidden=len(groups) - len(shown))
    if result.hidden == 1 and shown:
        shown.remove(min(shown, key=lambda group: group[1]))
        result.protected = 1
    result.groups = [(key, name(key), [by_group[key].get(v, 0) for v in values], n) for key, n in shown]
    return result


def _options(question):
    if question.kind == Question.Kind.RATING:
        return [str(v) for v in RATING_VALUES], list(RATING_VALUES)
    labels = question.choice_list()
    return labels, list(range(len(labels)))


def _country_name(code):
    return str(country_name(code)) if code else _("No country")


def survey_results(*, survey, with_texts):
    answers = defaultdict(list)
    for question_id, value, text, country, category in Answer.objects.filter(question__survey=survey).values_list(
        "question_id", "value", "text", "response__country", "response__category_id"
    ):
        answers[question_id].append((value, text, country, category))
    # Named in the reader's language (modeltranslation), in the order staff gave them.
    categories = {c.pk: str(c) for c in ParticipantCategory.objects.filter(occurrence_id=survey.occurrence_id)}
    results = []
    for question in survey.questions.all():
        rows = answers.get(question.pk, [])
        result = QuestionResult(question=question, total=len(rows))
        if not result.shown:
            results.append(result)
            continue
        if question.kind == Question.Kind.TEXT:
            result.texts = sorted(row[1] for row in rows) if with_texts else []
            results.append(result)
            continue
        labels, values = _options(question)
        result.options = labels
        counts = Counter(row[0] for row in rows)
        result.overall = [counts.get(v, 0) for v in values]
        countries = {row[2] for row in rows}
        result.by_country = breakdown(
            [(row[2], row[0]) for row in rows],
            values=values,
            keys=sorted(countries, key=lambda c: str(country_name(c)) if c else ""),
            name=_country_name,
        )
        result.by_country.chart = bar_chart(result, result.by_country)
        if categories:
            result.by_category = breakdown(
                [(row[3] if row[3] in categories else None, row[0]) for row in rows],
                values=values,
                keys=[*categories, None],
                name=lambda pk: categories[pk] if pk is not None else _("No category"),
            )
            result.by_category.chart = bar_chart(result, result.by_category)
        results.append(result)
    return results


WIDTH, ROW, BAR = 600, 44, 16


def bar_chart(result, groups):
    """One bar per option, a segment per group shown (of `groups`, a Breakdown), the option's count over all
    answers after it."""
    series = [(name, counts) for _key, name, counts, _n in groups.groups]
    largest = max(result.overall, default=0) or 1
    scale = (WIDTH - 70) / largest
    legend = 24 * ((len(series) + 2) // 3)
    height = legend + ROW * len(result.options) + 8
    parts = [
        f'<svg class="survey-chart" width="100%" viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg" '
        f'role="img" aria-hidden="true" focusable="false"><title>{escape(result.question.text)}</title>'
    ]
    for i, (name, _counts) in enumerate(series):
        x, y = (i % 3) * 200, (i // 3) * 24
        parts.append(
            f'<rect x="{x}" y="{y + 4}" width="14" height="14" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 20}" y="{y + 16}" font-size="14">{escape(name)}</text>'
        )
    for row, label in enumerate(result.options):
        y = legend + row * ROW
        parts.append(f'<text x="0" y="{y + 14}" font-size="14">{escape(label)}</text>')
        x = 0.0
        for i, (name, counts) in enumerate(series):
            width = counts[row] * scale
            if width:
                parts.append(
                    f'<rect class="bar" x="{x:.1f}" y="{y + 20}" width="{width:.1f}" height="{BAR}" '
                    f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(name)}: {counts[row]}</title></rect>'
                )
            x += width
        end = max(x, result.overall[row] * scale)
        parts.append(f'<text x="{end + 6:.1f}" y="{y + 33}" font-size="14">{result.overall[row]}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def results_rows(results):
    """The export: question, option, country, participant category, count; only what the page would show.
    A row per country has "All answers" as its category, a row per category "All answers" as its country."""
    every = _("All answers")
    for result in results:
        if not result.shown or result.question.kind == Question.Kind.TEXT:
            continue
        for index, label in enumerate(result.options):
            yield [result.question.text, label, every, every, result.overall[index]]
            for _key, name, counts, _n in result.by_country.groups:
                yield [result.question.text, label, name, every, counts[index]]
            for _key, name, counts, _n in result.by_category.groups if result.by_category else []:
                yield [result.question.text, label, every, name, counts[index]]
