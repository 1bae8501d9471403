import datetime

import pytest

from cohorts.services import CohortError, placement_allowances_generate
from programs.models import CostShare
from tests.cohorts.factories import PlacementFactory
from tests.factories import OrganizationFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def k2h_placement():
    gaok = OrganizationFactory(name_en="GAOK")
    program = ProgramFactory(slug="k2h", kind="training")
    CostShare.objects.create(
        program=program, payer=gaok, payer_role="GAOK", covers="Allowance", monthly_allowance_krw=400_000
    )
    CostShare.objects.create(
        program=program,
        payer_role="Host local government",
        covers="Allowance and housing",
        monthly_allowance_krw=400_000,
    )
    return PlacementFactory(
        registration__occurrence__program=program,
        training_start=datetime.date(2026, 4, 6),
        training_end=datetime.date(2026, 9, 30),
    )


def test_schedule_has_one_payment_per_month_and_payer_from_the_cost_shares(k2h_placement):
    rows = placement_allowances_generate(placement=k2h_placement)

    assert len(rows) == 12
    assert [(r.month.isoformat(), r.payer_role, r.amount_krw) for r in rows[:2]] == [
        ("2026-04-01", "GAOK", 400_000),
        ("2026-04-01", "Host local government", 400_000),
    ]
    assert rows[-1].month == datetime.date(2026, 9, 1)
    assert sum(r.amount_krw for r in rows) == 4_800_000


def test_configured_amounts_replace_the_default_and_paid_months_are_kept(k2h_placement):
    placement_allowances_generate(placement=k2h_placement)
    k2h_placement.allowances.filter(month=datetime.date(2026, 4, 1)).update(paid_on=datetime.date(2026, 4, 25))

    rows = placement_allowances_generate(placement=k2h_placement, amounts={"Host local government": 500_000})

    april = [(r.payer_role, r.amount_krw, r.paid_on) for r in rows if r.month == datetime.date(2026, 4, 1)]
    assert april == [
        ("GAOK", 400_000, datetime.date(2026, 4, 25)),
        ("Host local government", 400_000, datetime.date(2026, 4, 25)),
    ]
    may = [(r.payer_role, r.amount_krw) for r in rows if r.month == datetime.date(2026, 5, 1)]
    assert may == [("GAOK", 400_000), ("Host local government", 500_000)]
    assert len(rows) == 12


def test_program_without_allowance_is_refused():
    placement = PlacementFactory(training_start=datetime.date(2026, 4, 1), training_end=datetime.date(2026, 4, 30))

    with pytest.raises(CohortError) as refused:
        placement_allowances_generate(placement=placement)

    assert (
        refused.value.message
        == f"{placement.registration.occurrence.program.name} has no monthly allowance in its cost shares."
    )
