"""The demo's alumni: the three attendees of the past sample CJK workshop, marked sample, and
Sato Yuki signs in with the demo password and sees the directory."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from aftercare.models import AlumniEntry
from demo.samples import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_demo_alumni_of_the_past_sample_workshop(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
        call_command("load_demo", stdout=io.StringIO())  # a second load adds nothing
    entries = AlumniEntry.objects.order_by("country")
    assert [(e.participant.email, e.country.code, e.is_sample) for e in entries] == [
        ("wang.fang@example.org", "CN", True),
        ("sato.yuki@example.org", "JP", True),
        ("official@example.org", "KR", True),
    ]
    assert {e.registration.occurrence.slug for e in entries} == {"sample-cjk-workshop-past"}
    assert all("Sample entry (demonstration only)" in e.note for e in entries)
    sato = get_user_model().objects.get(email="sato.yuki@example.org")
    assert sato.check_password(DEMO_PASSWORD) and sato.participant.email == "sato.yuki@example.org"
    client.force_login(sato)
    page = client.get("/alumni/programs/cjk-trilateral-workshop/")
    assert page.status_code == 200 and page.context["page_obj"].paginator.count == 3
