import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from cohorts.models import ExchangeCohort
from participants.models import Registration
from programs.models import Agreement, Program
from workshops.models import Occurrence, RecordedParticipation
from workshops.public_cache import public_pages_changed

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def _snapshot():
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in {"accounts", "programs", "workshops", "participants", "notifications", "bureau"}:
            rows[model._meta.label] = sorted(
                tuple(sorted((k, str(v)) for k, v in row.items() if k not in {"updated_at", "last_login"}))
                for row in model.objects.values()
            )
    return rows


def test_load_demo_cjk_editions_match_the_seed(demo):
    editions = {
        o.number: (o.date_display, o.location_display)
        for o in Occurrence.objects.filter(program__slug="cjk-trilateral-workshop", is_sample=False)
    }
    assert editions == {
        1: ("December 2012", "Seoul, Korea"),
        2: ("September 2013", "Seoul, Korea"),
        3: ("May 2014", "Gyeongju, Korea"),
        4: ("June 2016", "Pyeongchang, Gangwon, Korea"),
        5: ("June 2017", "Gwangju, Gyeonggi, Korea"),
        6: ("October 2018", "Gangneung and Sokcho, Gangwon, Korea"),
        7: ("May 2019", "Gyeongju, Korea"),
        8: ("2022 (TBD)", "TBD"),
    }
    assert Program.objects.get(slug="cjk-trilateral-workshop").since_year == 2012


def test_load_demo_records_2019_participation_by_country(demo):
    seventh = Occurrence.objects.get(program__slug="cjk-trilateral-workshop", number=7)
    figures = {str(r.country): r.count for r in RecordedParticipation.objects.filter(occurrence=seventh)}
    assert figures == {"CN": 35, "JP": 15, "KR": 38}
    assert sum(figures.values()) == 88
    speakers = set(seventh.agenda_items.exclude(speaker="").values_list("speaker", flat=True))
    assert speakers == {"YAMAMOTO Yasushi", "Dr. CHUNG Sang Ki"}


def test_load_demo_taipei_gyeonggi_agreements(demo):
    mou = Agreement.objects.get(slug="taipei-gyeonggi-exchange-mou-2017")
    assert mou.signed_on == datetime.date(2017, 9, 26)
    assert (mou.cohort_size, mou.cohort_duration_days, mou.alternates_yearly) == (15, 14, True)
    assert mou.builds_on.signed_on == datetime.date(2000, 6, 1)
    assert mou.builds_on.signed_on_precision == "month"
    people = {(s.role, s.name) for s in mou.signatories.all()}
    assert people == {("signatory", "Kim Bok Ho"), ("signatory", "Qu Zhao-Xoang"), ("witness", "Ko Wen-je")}
    directions = [(c.year, c.sending.slug, c.receiving.slug) for c in ExchangeCohort.objects.filter(agreement=mou)]
    assert directions == [(2017, "taipei-dcsd", "gyeonggi-hrdi"), (2018, "gyeonggi-hrdi", "taipei-dcsd")]


def test_load_demo_k2h_terms(demo):
    k2h = Program.objects.get(slug="k2h")
    assert k2h.typical_capacity == 60
    assert k2h.languages == ["en", "ko"]
    assert sorted(k2h.cost_shares.values_list("monthly_allowance_krw", flat=True)) == [400_000, 400_000]
    contest = Program.objects.get(slug="speech-contest")
    assert (contest.top_admin_level, contest.languages) == (5, ["en", "zh", "ja"])


def test_load_demo_one_off_events(demo):
    roundtable = Occurrence.objects.get(slug="asean-rok-roundtable-2019")
    assert (roundtable.start_date, roundtable.end_date) == (datetime.date(2019, 11, 25), datetime.date(2019, 11, 27))
    assert roundtable.agenda_items.filter(kind="session").count() == 3
    assert roundtable.agenda_items.filter(kind="bilateral_meeting").count() == 4
    assert sorted(str(d.country) for d in roundtable.delegations.all()) == ["ID", "LA"]
    missions = Occurrence.objects.get(slug="heads-of-missions-2018")
    assert missions.recorded_participation.get().count == 181
    assert missions.agenda_items.filter(kind="theme").count() == 3


def test_load_demo_samples_are_flagged(demo):
    # Nine sample registrations, three at the past sample workshop (demo/documents.py) and eight
    # speech contestants in three languages (demo/contest.py).
    assert Registration.objects.count() == 20
    assert not Registration.objects.filter(is_sample=False).exists()
    assert set(Occurrence.objects.filter(registrations__isnull=False).values_list("is_sample", flat=True)) == {True}


def test_load_demo_twice_changes_nothing(demo, django_capture_on_commit_callbacks):
    before = _snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert _snapshot() == before


def test_demo_staff_keeps_the_exchange_cohorts_now_that_they_live_in_cohorts(demo, client):
    from accounts.models import User

    staff = User.objects.get(email="staff@example.org")
    assert staff.has_perm("cohorts.view_exchangecohort") and staff.has_perm("cohorts.change_exchangecohort")
    client.force_login(staff)
    assert client.get("/admin/cohorts/exchangecohort/").status_code == 200


def test_load_demo_certificate_designs_and_letter_templates_with_sample_signatories(demo):
    from cohorts.models import CertificateDesign, InvitationLetterTemplate

    designs = {d.program.slug: d for d in CertificateDesign.objects.all()}
    assert sorted(designs) == ["cjk-trilateral-workshop", "k2h"]
    assert [o.name_native for o in designs["k2h"].issuers.all()] == ["대한민국시도지사협의회"]
    assert "행정안전부" in [o.name_native for o in designs["cjk-trilateral-workshop"].issuers.all()]
    assert designs["k2h"].title_ko == "수료증" and designs["k2h"].title_zh_hant == "結業證書"
    assert all(o.logo for d in designs.values() for o in d.issuers.all())
    for template in InvitationLetterTemplate.objects.select_related("signatory"):
        assert "(sample)" in template.signatory.name and "견본" in template.signatory.name_native
    assert set(Program.objects.filter(asks_passport=True).values_list("slug", flat=True)) == {
        "cjk-trilateral-workshop",
        "k2h",
    }


def test_load_demo_again_shows_on_the_next_cached_page(client, demo, django_capture_on_commit_callbacks):
    # A database loaded before the demo carried translations: Korean fell back to English.
    url = Program.objects.get(slug="k2h").get_absolute_url()
    Program.objects.filter(slug="k2h").update(schedule_note_ko="")
    with django_capture_on_commit_callbacks(execute=True):
        public_pages_changed()
    stale = client.get(url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "4월~10월 (6개월)" not in stale

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert "4월~10월 (6개월)" in client.get(url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
