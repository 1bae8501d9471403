"""Who may register for an occurrence: the program's rules, checked on the server.

The rules themselves have one home each: the registration window in workshops.models
(Occurrence.registration_state, the same rule as Occurrence.objects.open_for_registration) and
country eligibility in programs.models (Program.country_refusal). This module turns a refusal
into the message the official, or the staff member importing a delegate list, reads.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from formats.dates import datetime_tz
from formats.languages import country_name, language_names
from programs.models import Program
from workshops.models import Occurrence, RegistrationState

from .errors import RegistrationError
from .models import Participant


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
            _("Registration opens on %(date)s.") % {"date": datetime_tz(occurrence.registration_opens_at)}
        )
    elif state is RegistrationState.CLOSED:
        raise RegistrationError(_("Registration for this occurrence has closed."))


def _countries(codes):
    return ", ".join(country_name(code) for code in codes)


def _only_countries_text(program):
    return _("This program is open to officials from %(countries)s only.") % {
        "countries": _countries(program.eligible_countries)
    }


def _check_country(program, country):
    refusal = program.country_refusal(country)
    if refusal == Program.COUNTRY_NOT_ELIGIBLE:
        raise RegistrationError(_only_countries_text(program))
    if refusal == Program.COUNTRY_EXCLUDED:
        raise RegistrationError(
            _("This program is not open to officials from %(country)s.") % {"country": country_name(country)}
        )


def _level_above_limit(program, level):
    """The program admits level `top_admin_level` and below (a smaller number is a higher level);
    an unknown level is not above it."""
    return program.top_admin_level is not None and level is not None and level < program.top_admin_level


def program_eligibility(program):
    """Who may register, as sentences for the public page: the rules registration_check_eligibility applies."""
    rules = []
    if program.eligible_countries:
        rules.append(_only_countries_text(program))
    if program.excluded_countries:
        rules.append(
            _("Officials from %(countries)s cannot register.") % {"countries": _countries(program.excluded_countries)}
        )
    if not rules:
        rules.append(_("Public officials from every country may register."))
    if program.top_admin_level is not None:
        rules.append(
            _(
                "Open to officials of administrative level %(level)s and below (1 is the highest); your profile must state your level."
            )
            % {"level": program.top_admin_level}
        )
    if program.languages:
        rules.append(
            _("You choose one of the working languages: %(languages)s.")
            % {"languages": language_names(program.languages)}
        )
    return rules


def registration_precheck(*, participant: Participant, occurrence: Occurrence, now=None):
    """What refuses this official before they fill the form (the window, country and level rules), or None.

    The program's working language is an answer on the form, so it is checked at submission only."""
    try:
        registration_check_eligibility(
            participant=participant,
            occurrence=occurrence,
            answers={"language": occurrence.program.languages[0]} if occurrence.program.languages else None,
            now=now,
        )
    except RegistrationError as refusal:
        return refusal.message
    return None


def registration_check_eligibility(
    *, participant: Participant, occurrence: Occurrence, answers=None, now=None, check_window=True
):
    """Raise RegistrationError with a message for the official when a rule of the program refuses them.

    A nominee (delegations) registers within their allocation's deadlines, not the public
    registration window: check_window=False then, and only whether the occurrence is cancelled."""
    answers = answers or {}
    program = occurrence.program
    if check_window:
        _check_window(occurrence, now or timezone.now())
    else:
        _check_not_cancelled(occurrence)
    _check_country(program, participant.country)
    if program.top_admin_level is not None and participant.admin_level is None:
        raise RegistrationError(_("Please add your administrative level to your profile: this program requires it."))
    if _level_above_limit(program, participant.admin_level):
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
                % {"languages": language_names(program.languages)}
            )


def registration_check_delegate(*, participant: Participant, occurrence: Occurrence):
    """The program's rules for a delegate that staff import from a list (participants.services.registration_import).

    Checked, with the messages the registration page gives: the occurrence is not cancelled, the
    program admits the delegate's country (eligible and excluded countries), and a delegate whose
    administrative level the list states is not above the program's highest level.

    Not checked, on purpose: the registration window (a government's delegate list often arrives
    before registration opens or after it closes, and the window is there for officials who
    register themselves), a missing administrative level (an optional column: staff vouch for
    the delegates they import), the program's working language (a question the official answers
    on the registration page; a list has no answers) and consent (the list's consent_date column
    records it when the sending government collected it).
    """
    program = occurrence.program
    _check_not_cancelled(occurrence)
    _check_country(program, participant.country)
    level = participant.admin_level
    if _level_above_limit(program, level):
        raise RegistrationError(
            _(
                "This program is open to officials of administrative level %(level)s and below; this delegate is level %(yours)s."
            )
            % {"level": program.top_admin_level, "yours": level}
        )
