import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.models import ExchangeCohort
from cohorts.services import CohortError, agreement_generate_cohorts
from tests.cohorts.factories import staff_user, taipei_gyeonggi_agreement
from tests.factories import AgreementFactory, OrganizationFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def taipei_gyeonggi():
    taipei = OrganizationFactory(name_en="Taipei DCSD", country="TW")
    gyeonggi = OrganizationFactory(name_en="Gyeonggi HRDI")
    program = ProgramFactory(kind="exchange")
    program.hosts.set([gyeonggi])
    agreement = taipei_gyeonggi_agreement(taipei=taipei, gyeonggi=gyeonggi, program=program)
    return agreement, taipei, gyeonggi


def _rows(agreement):
    return [
        (c.year, c.sending.name, c.receiving.name, c.size, c.duration_days)
        for c in ExchangeCohort.objects.filter(agreement=agreement).select_related("sending", "receiving")
    ]


def test_generated_cohorts_alternate_direction_every_year(taipei_gyeonggi):
    agreement, _taipei, _gyeonggi = taipei_gyeonggi

    created = agreement_generate_cohorts(agreement=agreement, until_year=2020)

    assert len(created) == 4
    assert _rows(agreement) == [
        (2017, "Taipei DCSD", "Gyeonggi HRDI", 15, 14),
        (2018, "Gyeonggi HRDI", "Taipei DCSD", 15, 14),
        (2019, "Taipei DCSD", "Gyeonggi HRDI", 15, 14),
        (2020, "Gyeonggi HRDI", "Taipei DCSD", 15, 14),
    ]


def test_generating_again_keeps_existing_years_and_adds_only_new_ones(taipei_gyeonggi):
    agreement, _taipei, _gyeonggi = taipei_gyeonggi
    agreement_generate_cohorts(agreement=agreement, until_year=2018)
    ExchangeCohort.objects.filter(agreement=agreement, year=2018).update(size=12, note="Reduced by the host")

    assert agreement_generate_cohorts(agreement=agreement, until_year=2018) == []
    created = agreement_generate_cohorts(agreement=agreement, until_year=2019)

    assert [c.year for c in created] == [2019]
    assert _rows(agreement)[1] == (2018, "Gyeonggi HRDI", "Taipei DCSD", 12, 14)


def test_one_way_agreement_always_sends_from_the_first_party(taipei_gyeonggi):
    agreement, _taipei, _gyeonggi = taipei_gyeonggi
    agreement.alternates_yearly = False
    agreement.save()

    agreement_generate_cohorts(agreement=agreement, until_year=2018)

    assert [row[1] for row in _rows(agreement)] == ["Taipei DCSD", "Taipei DCSD"]


def test_agreement_without_terms_is_refused_with_the_missing_terms():
    agreement = AgreementFactory(title_en="Friendship MOU")

    with pytest.raises(CohortError) as refused:
        agreement_generate_cohorts(agreement=agreement, until_year=2020)

    assert refused.value.message == (
        "Friendship MOU has no first sending party, first receiving party, first exchange year, "
        "civil servants per cohort, cohort duration; complete its exchange terms first."
    )
    assert ExchangeCohort.objects.count() == 0


def test_admin_action_generates_cohorts_and_the_agreement_page_shows_them(client, taipei_gyeonggi):
    agreement, _taipei, gyeonggi = taipei_gyeonggi
    client.force_login(staff_user(gyeonggi))

    response = client.post(
        reverse("admin:programs_agreement_changelist"),
        {
            "action": "generate_cohorts",
            "_selected_action": [agreement.pk],
            "index": 0,
            "until_year": "2019",
        },
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{agreement.title}: 3 exchange cohorts created up to 2019."
    ]
    page = client.get(reverse("admin:programs_agreement_change", args=[agreement.pk]))
    inline = next(f for f in page.context["inline_admin_formsets"] if f.opts.model is ExchangeCohort)
    assert [form.original.year for form in inline if form.original] == [2017, 2018, 2019]
