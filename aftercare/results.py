"""A survey's results per question: counts per option, overall and per country, drawn as SVG.

No figure is shown for fewer than MIN_ANSWERS answers: a question with fewer answers shows none,
and a country with fewer answers to it is left out of the breakdown (counted in the total only).
When exactly one country is left out so, the next smallest is left out too: otherwise the total
minus the countries shown would give the small one's answers.
Free-text answers are read by staff only, and only when there are MIN_ANSWERS of them.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from formats.languages import country_name

from .models import RATING_VALUES, Answer, Question

MIN_ANSWERS = 3
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


@dataclass
class QuestionResult:
    question: Question
    total: int
    options: list = field(default_factory=list)  # [label]
    overall: list = field(default_factory=list)  # [count per option]
    countries: list = field(default_factory=list)  # [(code, name, [count per option], answers)]
    hidden_countries: int = 0  # fewer than MIN_ANSWERS answers
    protected_countries: int = 0  # enough answers, hidden so that a single small country cannot be derived
    texts: list = field(default_factory=list)
    chart: str = ""

    @property
    def table(self):
        """[(option, count over all answers, [count per country shown])]."""
        return [
            (label, self.overall[i], [counts[i] for _code, _name, counts, _n in self.countries])
            for i, label in enumerate(self.options)
        ]

    @property
    def shown(self):
        return self.total >= MIN_ANSWERS


def _options(question):
    if question.kind == Question.Kind.RATING:
        return [str(v) for v in RATING_VALUES], list(RATING_VALUES)
    labels = question.choice_list()
    return labels, list(range(len(labels)))


def survey_results(*, survey, with_texts):
    answers = defaultdict(list)
    for question_id, value, text, country in Answer.objects.filter(question__survey=survey).values_list(
        "question_id", "value", "text", "response__country"
    ):
        answers[question_id].append((value, text, country))
    results = []
    for question in survey.questions.all():
        rows = answers.get(question.pk, [])
        result = QuestionResult(question=question, total=len(rows))
        if not result.shown:
            results.append(result)
            continue
        if question.kind == Question.Kind.TEXT:
            result.texts = sorted(text for _v, text, _c in rows) if with_texts else []
            results.append(result)
            continue
        labels, values = _options(question)
        result.options = labels
        counts = Counter(v for v, _t, _c in rows)
        result.overall = [counts.get(v, 0) for v in values]
        by_country = defaultdict(Counter)
        for value, _text, country in rows:
            by_country[country][value] += 1
        groups = [
            (code, sum(by_country[code].values()))
            for code in sorted(by_country, key=lambda c: str(country_name(c)) if c else "")
        ]
        shown = [(code, answered) for code, answered in groups if answered >= MIN_ANSWERS]
        result.hidden_countries = len(groups) - len(shown)
        if result.hidden_countries == 1 and shown:
            # One small country alone would be the total minus the countries shown: hide the next smallest too.
            shown.remove(min(shown, key=lambda group: group[1]))
            result.protected_countries = 1
        for code, answered in shown:
            name = str(country_name(code)) if code else _("No country")
            result.countries.append((code, name, [by_country[code].get(v, 0) for v in values], answered))
        result.chart = bar_chart(result)
        results.append(result)
    return results


WIDTH, ROW, BAR = 600, 44, 16


def bar_chart(result):
    """One bar per option, a segment per country shown, the option's count over all answers after it."""
    series = [(name, counts) for _code, name, counts, _n in result.countries]
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
    """The export: question, option, country (or all), count; only what the page would show."""
    for result in results:
        if not result.shown or result.question.kind == Question.Kind.TEXT:
            continue
        for index, label in enumerate(result.options):
            yield [result.question.text, label, _("All answers"), result.overall[index]]
            for _code, name, counts, _n in result.countries:
                yield [result.question.text, label, name, counts[index]]
