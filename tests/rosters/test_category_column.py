"""The roster's category column: chosen by default where the occurrence has participant categories."""

import pytest

from participants.models import ParticipantCategory
from tests.factories import ParticipantFactory, RegistrationFactory
from tests.rosters.test_export import default_columns, post_export, read_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_roster_has_a_category_column_in_the_staff_members_language(client, staff, occurrence):
    press = ParticipantCategory.objects.create(occurrence=occurrence, name_en="Journalist", name_ko="기자")
    student = ParticipantCategory.objects.create(
        occurrence=occurrence, name_en="College student supporter", name_ko="대학생 서포터즈"
    )
    RegistrationFactory(occurrence=occurrence, participant=ParticipantFactory(family_name="Ahn"), category=press)
    RegistrationFactory(occurrence=occurrence, participant=ParticipantFactory(family_name="Baek"), category=student)
    RegistrationFactory(occurrence=occurrence, participant=ParticipantFactory(family_name="Cho"))
    client.force_login(staff)
    assert "category" in default_columns(client, occurrence)

    response = post_export(client, occurrence, columns=["family_name", "category", "status"])
    _sheet, rows = read_xlsx(b"".join(response.streaming_content))
    assert rows == [
        ["Family name (romanized)", "Category", "Status"],
        ["Ahn", "Journalist", "Submitted"],
        ["Baek", "College student supporter", "Submitted"],
        ["Cho", None, "Submitted"],
    ]

    staff.preferred_language = "ko"
    staff.save()
    response = post_export(client, occurrence, columns=["family_name", "category"])
    _sheet, rows = read_xlsx(b"".join(response.streaming_content))
    assert [row[1] for row in rows[1:]] == ["기자", "대학생 서포터즈", None]


def test_roster_of_an_occurrence_without_categories_leaves_the_column_out_by_default(client, staff, occurrence):
    RegistrationFactory(occurrence=occurrence)
    client.force_login(staff)
    assert "category" not in default_columns(client, occurrence)
