"""The survey as an attendee answers it, built from its questions in the reader's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RATING_VALUES, Question


class SurveyAnswerForm(forms.Form):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == Question.Kind.RATING:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=[(v, str(v)) for v in RATING_VALUES],
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=question.required,
                    help_text=_("1 = poor, 5 = excellent"),
                )
            elif question.kind == Question.Kind.CHOICE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=list(enumerate(question.choice_list())),
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=4000,
                    required=question.required,
                    help_text=_("Only the organizing staff read this answer."),
                )

    def answers(self):
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}
