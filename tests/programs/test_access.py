import pytest

from participants.selectors import registrations_visible_to
from programs.access import programs_visible_to
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, RegistrationFactory, UserFactory
from workshops.selectors import occurrences_visible_to

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_staff_see_only_their_organizations_programs_and_registrations():
    gaok, mofa = OrganizationFactory(), OrganizationFactory()
    k2h, cjk = ProgramFactory(), ProgramFactory()
    k2h.hosts.set([gaok])
    cjk.hosts.set([mofa])
    k2h_registration = RegistrationFactory(occurrence=OccurrenceFactory(program=k2h))
    RegistrationFactory(occurrence=OccurrenceFactory(program=cjk))
    staff = UserFactory(is_staff=True, organization=gaok)
    assert list(programs_visible_to(staff)) == [k2h]
    assert list(registrations_visible_to(staff)) == [k2h_registration]


def test_staff_of_a_parent_organization_see_programs_of_its_institutes():
    province = OrganizationFactory()
    institute = OrganizationFactory(parent=province)
    program = ProgramFactory()
    program.hosts.set([institute])
    assert list(programs_visible_to(UserFactory(is_staff=True, organization=province))) == [program]
    assert list(programs_visible_to(UserFactory(is_staff=True, organization=institute))) == [program]


def test_co_hosted_occurrence_is_visible_to_the_co_host():
    cohost = OrganizationFactory()
    occurrence = OccurrenceFactory()
    occurrence.hosts.set([cohost])
    assert list(occurrences_visible_to(UserFactory(is_staff=True, organization=cohost))) == [occurrence]


def test_staff_without_organization_see_nothing_and_superusers_everything():
    OccurrenceFactory()
    assert occurrences_visible_to(UserFactory(is_staff=True)).count() == 0
    assert occurrences_visible_to(UserFactory(is_staff=True, is_superuser=True)).count() == 1
