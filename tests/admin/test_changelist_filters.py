"""The occurrence filters of the cohort changelists offer only the staff member's own occurrences."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.mark.parametrize(
    "changelist", ["cohorts_placement", "cohorts_certificate", "cohorts_attendanceday", "cohorts_speechscore"]
)
def test_occurrence_filter_lists_no_other_organizations_occurrence(client_a, occurrence_a, occurrence_b, changelist):
    occurrence_b.title_en = "Their closed-door seminar"
    occurrence_b.save(update_fields=["title_en"])

    page = client_a.get(reverse(f"admin:{changelist}_changelist"))

    assert page.status_code == 200
    assert "Their closed-door seminar" not in page.content.decode()
