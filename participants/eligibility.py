"""Who may register for an occurrence: the program's rules, checked on the server."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries.fields import Country

from workshops.models import Occurrence

from .errors import RegistrationError
from .models import Participant
from .questions import language_name


def registration_check_eligibility(*, participant: Participant, occurrence: Occurrence, answers=None, now=None):
    """Raise RegistrationError with a message for the official when a rule of the program refuses them."""
    answers = answers or {}
    now = now or timezone.now()
    program = occurrence.program
    if occurrence.is_cancelled:
        raise RegistrationError(_("This occurrence has been cancelled."))
    if occurrence.registration_opens_at is None:
        raise RegistrationError(_("Registration for this occurrence is not open."))
    if now < occurrence.registration_opens_at:
        raise RegistrationError(
            _("Registration opens on %(date)s.")
            % {"date": timezone.localtime(occurrence.registration_opens_at).date().isoformat()}
        )
    if occurrence.registration_closes_at and now >= occurrence.registration_closes_at:
        raise RegistrationError(_("Registration for this occurrence has closed."))
    if program.eligible_countries and str(participant.country) not in program.eligible_countries:
        raise RegistrationError(
            _("This program is open to officials from %(countries)s only.")
            % {"countries": ", ".join(str(Country(code).name) for code in program.eligible_countries)}
        )
    if str(participant.country) in program.excluded_countries:
        raise RegistrationError(
            _("This program is not open to officials from %(country)s.") % {"country": participant.country.name}
        )
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
