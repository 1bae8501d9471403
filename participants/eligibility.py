"""Who may register for an occurrence: the program's rules, checked on the server.

The rules themselves have one home each: the registration window in workshops.models
(Occurrence.registration_state, the same rule as Occurrence.objects.open_for_registration) and
country eligibility in programs.models (Program.country_refusal). This module turns a refusal
into the message the official reads.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries.fields import Country

from programs.models import Program
from workshops.models import Occurrence, RegistrationState

from .errors import RegistrationError
from .models import Participant
from .questions import language_name


def _check_not_cancelled(occurrence):
    if occurrence.is_cancelled:
        raise RegistrationError(_("This occurrence has been cancelled."))


def _check_window(occurrence, now):
    state = occurrence.registration_state(now)
    if state is RegistrationState.CANCELLED:
        _check_not_cancelled(occurrence)
    elif state is RegistrationState.NOT_SCHEDULED:
        raise RegistrationError(_("Registration for this occurrence is not open."))
    elif state is RegistrationState.NOT_YET_OPEN:
        raise RegistrationError(
            _("Registration opens on %(date)s.")
            % {"date": timezone.localtime(occurrence.registration_opens_at).date().isoformat()}
        )
    elif state is RegistrationState.CLOSED:
        raise RegistrationError(_("Registration for this occurrence has closed."))


def _check_country(program, country):
    refusal = program.country_refusal(country)
    if refusal == Program.COUNTRY_NOT_ELIGIBLE:
        raise RegistrationError(
            _("This program is open to officials from %(countries)s only.")
            % {"countries": ", ".join(str(Country(code).name) for code in program.eligible_countries)}
        )
    if refusal == Program.COUNTRY_EXCLUDED:
        raise RegistrationError(
            _("This program is not open to officials from %(country)s.") % {"country": Country(str(country)).name}
        )


def registration_check_eligibility(*, participant: Participant, occurrence: Occurrence, answers=None, now=None):
    """Raise RegistrationError with a message for the official when a rule of the program refuses them."""
    answers = answers or {}
    program = occurrence.program
    _check_window(occurrence, now or timezone.now())
    _check_country(program, participant.country)
    if program.top_admin_level is not None:
        if participant.admin_level is None:
            raise RegistrationError(
                _("Please add your administrative level to your profile: this program requires it.")
            )
        if participant.admin_level < program.top_admin_level:
            raise RegistrationError(
                _(
                    "This program is open to officials of administrative level %(level)s and below; your profile says level %(yours)s."
                )
                % {"level": program.top_admin_level, "yours": participant.admin_level}
            )
    if program.languages:
        language = answers.get("language")
        if language not in program.languages:
            raise RegistrationError(
                _("Please choose one of this program's languages: %(languages)s.")
                % {"languages": ", ".join(str(language_name(code)) for code in program.languages)}
            )
