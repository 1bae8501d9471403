"""Answering a survey from the emailed link, and its results (staff: everything, exportable;
the occurrence's participants: the charts, never the free text)."""

import csv
import io

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jobs.xlsx import write_xlsx

from .forms import SurveyAnswerForm
from .models import Survey, SurveyInvitation
from .results import results_rows, survey_results
from .selectors import occurrence_participant, occurrence_staff
from .surveys import SurveyError, survey_answer


@require_http_methods(["GET", "POST"])
def survey_answer_view(request, token):
    invitation = (
        SurveyInvitation.objects.select_related("survey__occurrence", "registration__participant")
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise Http404
    survey = invitation.survey
    questions = survey.questions.all()
    if invitation.answered_at is not None:
        return render(request, "aftercare/survey_done.html", {"survey": survey, "already": True})
    form = SurveyAnswerForm(request.POST or None, questions=questions)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            survey_answer(token=token, answers=form.answers(), language=translation.get_language())
        except SurveyError as exc:
            error = exc.message
        else:
            return render(request, "aftercare/survey_done.html", {"survey": survey, "already": False})
    status = 400 if request.method == "POST" else 200
    return render(
        request, "aftercare/survey_answer.html", {"survey": survey, "form": form, "error": error}, status=status
    )


def _survey_for_reader(request, pk):
    survey = get_object_or_404(Survey.objects.select_related("occurrence"), pk=pk)
    staff = occurrence_staff(request.user, survey.occurrence) and request.user.has_perm("aftercare.view_survey")
    if not staff and not occurrence_participant(request.user, survey.occurrence):
        raise Http404
    return survey, staff


def survey_results_view(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    survey, staff = _survey_for_reader(request, pk)
    return render(
        request,
        "aftercare/survey_results.html",
        {
            "survey": survey,
            "staff": staff,
            "results": survey_results(survey=survey, with_texts=staff),
            "answered": survey.responses.count(),
            "invited": survey.invitations.count(),
            "has_categories": survey.occurrence.participant_categories.exists(),
        },
    )


def survey_export_view(request, pk, fmt):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    survey, staff = _survey_for_reader(request, pk)
    if not staff:
        raise Http404
    header = [_("Question"), _("Answer"), _("Country"), _("Category"), _("Count")]
    rows = list(results_rows(survey_results(survey=survey, with_texts=False)))
    filename = f"survey-{survey.pk}-results.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # so that Excel reads the CJK text as UTF-8
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        buffer = io.BytesIO()
        write_xlsx(buffer, header, rows, widths=[50, 30, 24, 24, 10], sheet_name=_("Results"))
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
