"""The staff roles (programs/roles.py): groups holding exactly the table's permissions, kept so
after every migrate, and what each role's members may and may not open."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from participants.models import Registration
from programs import roles
from tests.cohorts.factories import CertificateFactory, hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _held(role):
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename")
    }


@pytest.mark.parametrize("role", list(roles.ROLES))
def test_each_role_group_holds_exactly_its_permissions(role):
    assert _held(role) == {f"{app}.{codename}" for app, codename in roles.role_codenames(role)}


def test_the_roles_differ_where_a_host_organization_needs_them_to():
    staff, reviewers = _held(roles.PROGRAM_STAFF), _held(roles.REVIEWERS)
    desk, judges = _held(roles.CHECKIN_DESK), _held(roles.JUDGES)
    assert {
        "cohorts.add_attendanceday",
        "cohorts.view_certificate",
        "reports.view_report",
        "rosters.add_columnset",
    } <= (staff)
    assert {"rosters.add_exportjob", "workshops.change_occurrence"} <= staff - reviewers
    assert "participants.change_registration" in reviewers
    assert desk == {"programs.view_program", "workshops.view_occurrence", "cohorts.view_attendanceday", "cohorts.add_attendanceday",
                    "cohorts.delete_attendanceday"}  # fmt: skip
    # Judges score on /staff/judging/, not in the admin.
    assert judges == {"cohorts.view_speechround", "cohorts.view_speechscore"}
    # People and what they sent are never deleted (withdrawn, cancelled or purged instead);
    # hotels and rooms are staff's own logistics and may be.
    people = {"participant", "registration", "registrationstatuschange", "traveldetails"}
    assert not {f"participants.delete_{model}" for model in people} & (staff | reviewers | desk | judges)
    assert "participants.delete_room" in staff


def test_a_model_added_to_the_table_joins_its_role_at_the_next_migrate(monkeypatch):
    # What a later app does: one line in ROLES, no migration of its own.
    monkeypatch.setitem(roles.ROLES, roles.REVIEWERS, {**roles.ROLES[roles.REVIEWERS], "bureau.servicerequest": "view"})
    Group.objects.get(name=roles.REVIEWERS).permissions.add(Permission.objects.get(codename="delete_placement"))

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    held = _held(roles.REVIEWERS)
    assert "bureau.view_servicerequest" in held and "cohorts.delete_placement" not in held


def test_a_permission_the_table_misspells_stops_migrate(monkeypatch):
    monkeypatch.setitem(roles.ROLES, roles.JUDGES, {"cohorts.speechscores": "view"})
    with pytest.raises(LookupError, match="cohorts.view_speechscores"):
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


def test_program_staff_open_what_the_issue_found_refused(client):
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host)
    certificate = CertificateFactory(registration=registration_in(occurrence, S.COMPLETED))
    certificate.file.save("c.pdf", __import__("django.core.files.base", fromlist=["x"]).ContentFile(b"%PDF-1.4"))
    client.force_login(staff_user(host, group=roles.PROGRAM_STAFF))

    for url in (
        reverse("cohorts:checkin", args=[occurrence.pk]),
        reverse("admin:cohorts_certificate_changelist"),
        reverse("cohorts:certificate_download", args=[certificate.pk]),
        reverse("admin:reports_report_changelist"),
        reverse("admin:cohorts_exchangecohort_changelist"),
        reverse("admin:rosters_columnset_changelist"),
        reverse("rosters:export_occurrence", args=[occurrence.pk]),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("language", ["en", "ko", "ja", "zh-hans", "zh-hant"])
def test_a_reviewer_refused_an_export_gets_a_page_in_their_language(client, language):
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host)
    client.force_login(staff_user(host, group=roles.REVIEWERS))
    client.cookies["django_language"] = language

    response = client.get(reverse("rosters:export_occurrence", args=[occurrence.pk]))

    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html.lower()  # zh-Hans as BCP 47 writes it
    heading = {
        "en": "This page is not part of your role",
        "ko": "이 페이지는 회원님의 역할에 포함되지 않습니다",
        "ja": "このページはあなたの役割に含まれていません",
        "zh-hans": "此页面不属于您的角色",
        "zh-hant": "此頁面不屬於您的角色",
    }[language]
    assert heading in html
    assert 'href="/admin/"' in html


def test_a_reviewer_reviews_but_neither_exports_imports_nor_holds_the_ceremony(client):
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host, admission="review")
    registration = registration_in(occurrence, S.SUBMITTED)
    client.force_login(staff_user(host, group=roles.REVIEWERS))

    page = client.get(reverse("admin:workshops_occurrence_change", args=[occurrence.pk])).content.decode()
    assert "Export roster" not in page and "Hold the certification ceremony" not in page
    assert "Registrations" in page
    changelist = client.get(reverse("admin:participants_registration_changelist"))
    actions = [value for value, _label in changelist.context["action_form"].fields["action"].choices]
    assert "accept" in " ".join(actions) and not any(a.startswith("export_") for a in actions)
    assert client.get(reverse("admin:participants_registration_import")).status_code == 403
    assert client.post(reverse("admin:workshops_occurrence_ceremony", args=[occurrence.pk])).status_code == 404
    assert registration.pk
