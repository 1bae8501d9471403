"""Benchmark: drawing the registration form in process, through crispy's templates (a template per
field and, for Django's widgets, per option: the way the form was drawn before) and through the
project's Python renderer (participants/widgets.py), in the same run and on the same forms.

    .venv/bin/python bench/registration_form.py [--repeat 20]

A throwaway test database (TEST_DB_TAG=bench_form) with the demo loaded; the forms are those of
the registration page for the demo official and an open occurrence: the profile (a country box
of about 250 options, the organizations, the languages' check boxes) and the program's questions
with the consent. Each language is drawn `--repeat` times each way (median). The whole page
(GET, signed in, Django test client) is timed too: drawn (the official's kept page dropped before
each GET, as after an edit: `page_ms`) and kept (a reload: `kept_page_ms`, participants/page_cache.py).
The last line reads: before_ms=… after_ms=… speedup=… page_ms=… kept_page_ms=…
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TEST_DB_TAG", "bench_form")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _forms(official, occurrence):
    from participants import self_service
    from participants.forms import ProfileForm, RegistrationForm
    from participants.views import _profile_initial

    participant = self_service.participant_for_user(official)
    profile = ProfileForm(instance=participant, prefix="profile", initial=_profile_initial(official, participant))
    return profile, RegistrationForm(occurrence=occurrence)


def _plain_widgets(form):
    """Undo use_fast_widgets: each widget back to its own class (Django's templates draw it)."""
    from participants.widgets import FastWidgetMixin

    for field in form.fields.values():
        if isinstance(field.widget, FastWidgetMixin):
            field.widget.__class__ = type(field.widget).__bases__[1]
    return form


def _median_ms(draw, repeat):
    draw()  # warm: template loading, the kept markup of the country box
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        draw()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def measure(repeat):
    from django.template import engines
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from django.utils import translation

    from bench.official_occurrence import open_occurrence_for_demo_official
    from demo.loader import demo_load
    from participants.page_cache import official_changed
    from participants.widgets import render_field, render_form

    setup_test_environment()
    demo_load()
    official, occurrence = open_occurrence_for_demo_official()

    crispy = engines["django"].from_string(
        "{% load crispy_forms_tags %}{% for field in profile %}{{ field|as_crispy_field }}{% endfor %}"
        "{% for field in form %}{{ field|as_crispy_field }}{% endfor %}"
    )

    def before():
        profile, form = (_plain_widgets(f) for f in _forms(official, occurrence))
        return crispy.render({"profile": profile, "form": form})

    def after():
        profile, form = _forms(official, occurrence)
        return str(render_form(profile)) + "".join(str(render_field(field)) for field in form)

    client = Client()
    client.force_login(official)
    url = reverse("participants:register", args=[occurrence.slug])

    def page():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=translation.get_language())
        assert response.status_code == 200 and b'id="registration-form"' in response.content, response.status_code

    def drawn():
        official_changed(official.pk)  # as after a profile edit: the kept page is drawn again
        page()

    rows = []
    for language in LANGUAGES:
        with translation.override(language):
            rows.append(
                (
                    language,
                    _median_ms(before, repeat),
                    _median_ms(after, repeat),
                    _median_ms(drawn, repeat),
                    _median_ms(page, repeat),
                )
            )
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rows = measure(args.repeat)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print(f"load average {load}")
    print(f"{'language':<10} {'crispy templates':>17} {'python renderer':>16} {'page drawn':>11} {'page kept':>10}")
    for language, b, a, p, k in rows:
        print(f"{language:<10} {b:>15.1f}ms {a:>14.1f}ms {p:>9.1f}ms {k:>8.1f}ms")
    before = statistics.median(r[1] for r in rows)
    after = statistics.median(r[2] for r in rows)
    page = statistics.median(r[3] for r in rows)
    kept = statistics.median(r[4] for r in rows)
    print(
        f"before_ms={before:.1f} after_ms={after:.1f} speedup={before / after:.1f} page_ms={page:.1f} kept_page_ms={kept:.1f}"
    )


if __name__ == "__main__":
    main()
