"""The registration and profile forms are drawn in Python (participants/widgets.py) instead of
crispy's template per field and Django's template per option: the markup people and screen readers
get (labels, legends, ids, required marks, errors, help texts, aria-describedby, aria-invalid,
selected options) must stay what crispy-bootstrap5 drew."""

import re

import pytest
from django import forms
from django.template import engines
from django.utils import translation

from participants.forms import ProfileForm, RegistrationForm, _CrispyForm
from participants.models import Participant
from participants.widgets import FastWidgetMixin, use_fast_widgets
from tests.factories import OccurrenceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

# crispy adds the widget's class name (textinput, select, ...) to its classes; nothing styles them.
WIDGET_CLASS_NAMES = re.compile(r'class="\w+ (?=form-)')


class Questions(_CrispyForm, forms.Form):
    choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, help_text="Pick one")
    notes = forms.CharField(widget=forms.Textarea, required=False, help_text="Anything else")
    agree = forms.BooleanField(label="I agree", help_text="Read it first")
    grouped = forms.ChoiceField(choices=[("", "---"), ("Group", [("1", "one & two"), ("2", '"quoted"')])])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()  # as every form of ours: crispy reads its settings from the helper


def _normalise(html):
    html = WIDGET_CLASS_NAMES.sub('class="', html)
    html = re.sub(r"\s+<", "<", re.sub(r">\s+", ">", html))
    # crispy marks help texts safe; ours are escaped (the consent text quotes the occurrence title),
    # which reads the same.
    html = re.sub(r"\s+", " ", html).replace("<div >", "<div>").strip()
    # ... in text only, never inside a tag, where it would hide a broken attribute.
    return re.sub(r">[^<]*<", lambda text: text.group(0).replace("&quot;", '"'), html)


def _both(form):
    engine = engines["django"]
    crispy = engine.from_string(
        "{% load crispy_forms_tags %}{% for field in form %}{{ field|as_crispy_field }}{% endfor %}"
    ).render({"form": form})
    ours = engine.from_string("{% load form_fields %}{% for field in form %}{{ field|form_field }}{% endfor %}").render(
        {"form": form}
    )
    return _normalise(crispy), _normalise(ours)


@pytest.mark.parametrize("language", ["ko", "en", "zh-hans", "zh-hant", "ja"])
@pytest.mark.parametrize(
    "data",
    [None, {"profile-languages": ["xx"], "profile-family_name": "김", "profile-country": "KR", "choice": "z"}],
    ids=["unbound", "with-errors"],
)
def test_fields_render_as_crispy_did(language, data):
    with translation.override(language):
        profile = ProfileForm(data, prefix="profile", instance=Participant(email="a@example.org"))
        questions = Questions(data)
        use_fast_widgets(questions)
        for form in (profile, questions):
            if data:
                form.is_valid()
            crispy, ours = _both(form)
            assert ours == crispy


def test_registration_questions_and_consent_render_as_crispy_did(db):
    form = RegistrationForm({}, occurrence=OccurrenceFactory())
    form.is_valid()
    crispy, ours = _both(form)
    assert ours == crispy
    assert 'aria-invalid="true"' in ours and "invalid-feedback" in ours


def test_selected_country_and_escaping():
    form = ProfileForm(prefix="profile", instance=Participant(email="a@example.org", country="JP"))
    html = str(form["country"])
    assert '<option value="JP" selected>' in html
    assert html.count("<option") > 200
    questions = Questions()
    use_fast_widgets(questions)
    assert '"quoted"' not in str(questions["grouped"]) and "one &amp; two" in str(questions["grouped"])


def test_consent_help_text_escapes_the_occurrence_title(db):
    form = RegistrationForm(occurrence=OccurrenceFactory(title_en="<b>CJK</b>"))
    html = _both(form)[1]
    assert "&lt;b&gt;CJK&lt;/b&gt;" in html and "<b>CJK" not in html


@pytest.mark.parametrize("language", ["ko", "en", "zh-hans", "zh-hant", "ja"])
def test_fast_widgets_draw_what_django_templates_draw(language):
    data = {"profile-family_name": 'O"Brien <x>', "profile-country": "KR", "profile-admin_level": "3"}
    with translation.override(language):
        for form in (
            ProfileForm(data, prefix="profile", instance=Participant(email="a@example.org")),
            ProfileForm(prefix="profile", instance=Participant(email="a@example.org", country="JP")),
            Questions({"notes": "a & b", "grouped": "2", "agree": "on"}),
        ):
            use_fast_widgets(form)
            form.is_valid()
            for field in form:
                fast = str(field)
                widget = field.field.widget
                if isinstance(widget, FastWidgetMixin):
                    widget.__class__ = widget.__class__.__mro__[2]  # the widget's own class
                assert fast == str(field), field.name
