"""The judges' pages (outside the admin) and the public results of a speech contest."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workshops.models import Occurrence

from .services import CohortError
from .speech_selectors import (
    contest_published_results,
    speech_criteria,
    speech_marks_of,
    speech_round_results,
    speech_round_score_sheet,
    speech_rounds_judged_by,
)
from .speech_services import speech_marks_record


def _field_name(entry_id, criterion_id):
    return f"m-{entry_id}-{criterion_id or 'total'}"


class MarksForm(forms.Form):
    """One decimal field per contestant and criterion (one total out of 100 without criteria)."""

    def __init__(self, *args, entries, criteria, initial_marks, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = []
        columns = [(c.pk, c.name, c.max_points) for c in criteria] or [(None, gettext_lazy("Score"), 100)]
        self.columns = columns
        for entry in entries:
            row = []
            for criterion_id, label, top in columns:
                name = _field_name(entry.pk, criterion_id)
                self.fields[name] = forms.DecimalField(
                    label=f"{entry.registration.participant} · {label}",
                    required=False,
                    min_value=0,
                    max_value=top,
                    max_digits=5,
                    decimal_places=2,
                    initial=initial_marks.get((entry.pk, criterion_id)),
                    widget=forms.NumberInput(attrs={"step": "0.5", "min": 0, "max": top, "class": "form-control"}),
                )
                row.append((entry.pk, criterion_id, name))
            self.cells.append((entry, row))

    def marks(self):
        return {
            (entry_id, criterion_id): self.cleaned_data.get(name)
            for _entry, row in self.cells
            for entry_id, criterion_id, name in row
        }

    def rows(self):
        return [(entry, [self[name] for _e, _c, name in row]) for entry, row in self.cells]


@login_required
def judging_home(request):
    return render(request, "cohorts/judging_home.html", {"rounds": speech_rounds_judged_by(request.user)})


@login_required
def judging_round(request, round_id):
    # Any round the reader does not judge is a 404, whatever their other rights.
    speech_round = get_object_or_404(speech_rounds_judged_by(request.user), pk=round_id)
    entries = list(speech_round.entries.select_related("registration__participant").order_by("order", "pk"))
    criteria = speech_criteria(round=speech_round)
    own = speech_marks_of(round=speech_round, judge=request.user)
    form = MarksForm(request.POST or None, entries=entries, criteria=criteria, initial_marks=own)
    if request.method == "POST" and speech_round.closed_at is None:
        if form.is_valid():
            try:
                speech_marks_record(round=speech_round, judge=request.user, marks=form.marks())
            except CohortError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Your scores are saved."))
                return redirect("cohorts:judging_round", round_id=speech_round.pk)
        else:
            messages.error(request, _("Nothing was saved. Correct the scores marked below."))
    context = {"round": speech_round, "form": form, "criteria": criteria, "entries": entries}
    if speech_round.closed_at is not None:
        context["results"] = speech_round_results(round=speech_round)
        context["sheet"] = speech_round_score_sheet(round=speech_round)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "cohorts/judging_round.html", context, status=status)


def contest_results(request, occurrence_id):
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("program").filter(speech_rounds__isnull=False).distinct(), pk=occurrence_id
    )
    return render(
        request,
        "cohorts/contest_results.html",
        {"occurrence": occurrence, "contest_languages": contest_published_results(occurrence=occurrence)},
    )
