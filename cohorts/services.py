"""Cohort use cases: exchange cohorts from an agreement, K2H allowances, the certification
ceremony and its certificates, check-in at the venue, speech-contest advancement.

Status changes always go through participants.services, so the state machine, its locks,
its history and its notices apply here too.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from notifications.services import notification_queue
from participants.checkin_code import (  # noqa: F401  (the check-in code's home; re-exported for cohorts)
    CHECKIN_SALT,
    registration_checkin_qr_png,
    registration_checkin_token,
    registration_checkin_url,
)
from participants.errors import RegistrationError
from participants.models import Registration, SystemNote
from participants.services import (
    registration_attendance_undo,
    registration_transition,
    registrations_transition_bulk,
)
from programs.models import Agreement, DatePrecision
from workshops.models import CountryQuota, Occurrence

from .models import (
    AllowancePayment,
    AttendanceDay,
    Certificate,
    ExchangeCohort,
    Placement,
    Verification,
)

S = Registration.Status


class CohortError(Exception):
    """A cohort use case was refused; the message is fit to show to staff."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- MOU exchanges ------------------------------------------------------------------


def agreement_generate_cohorts(*, agreement: Agreement, until_year: int):
    """Create the missing yearly cohorts up to `until_year`, each with its occurrence (existing years
    are left as they are; one without an occurrence gets one). All or nothing: a refusal for any
    year rolls back every cohort and occurrence of the run."""
    missing = [
        label
        for label, value in (
            (_("first sending party"), agreement.first_sending_party_id),
            (_("first receiving party"), agreement.first_receiving_party_id),
            (_("first exchange year"), agreement.first_exchange_year),
            (_("civil servants per cohort"), agreement.cohort_size),
            (_("cohort duration"), agreement.cohort_duration_days),
        )
        if not value
    ]
    if missing:
        raise CohortError(
            _("%(agreement)s has no %(terms)s; complete its exchange terms first.")
            % {"agreement": agreement.title, "terms": ", ".join(str(m) for m in missing)}
        )
    if until_year < agreement.first_exchange_year:
        raise CohortError(
            _("The exchanges under %(agreement)s start in %(year)s.")
            % {"agreement": agreement.title, "year": agreement.first_exchange_year}
        )
    if agreement.program_id is None:
        raise CohortError(
            _("%(agreement)s runs no program; choose the program its cohorts belong to first.")
            % {"agreement": agreement.title}
        )
    created = []
    with transaction.atomic():
        Agreement.objects.select_for_update().get(pk=agreement.pk)
        existing = {c.year: c for c in ExchangeCohort.objects.filter(agreement=agreement)}
        for year in range(agreement.first_exchange_year, until_year + 1):
            cohort = existing.get(year)
            if cohort is None:
                sending, receiving = agreement.first_sending_party_id, agreement.first_receiving_party_id
                # The sides swap every other year: 2017 Taipei to Gyeonggi, 2018 Gyeonggi to Taipei.
                if agreement.alternates_yearly and (year - agreement.first_exchange_year) % 2:
                    sending, receiving = receiving, sending
                cohort = ExchangeCohort.objects.create(
                    agreement=agreement,
                    year=year,
                    sending_id=sending,
                    receiving_id=receiving,
                    size=agreement.cohort_size,
                    duration_days=agreement.cohort_duration_days,
                )
                created.append(cohort)
            if cohort.occurrence_id is None:
                cohort.occurrence = _cohort_occurrence(agreement=agreement, cohort=cohort)
                cohort.save(update_fields=["occurrence"])
    return created


def _cohort_occurrence(*, agreement, cohort):
    """The occurrence officials register (or are nominated) for: hosted by the receiving side, in
    the cohort's year, seats from the terms, all of them allocated to the sending side. Its
    registration window stays empty until staff set it."""
    program = agreement.program
    slug = f"{program.slug}-{cohort.year}"
    if Occurrence.objects.filter(slug=slug).exists():
        raise CohortError(
            _("%(year)s: the address %(slug)s is taken by another occurrence; nothing was generated.")
            % {"year": cohort.year, "slug": slug}
        )
    sending, receiving = cohort.sending, cohort.receiving
    texts = {}
    for code, _name in settings.LANGUAGES:
        suffix = code.replace("-", "_")
        with translation.override(code):
            texts[f"title_{suffix}"] = _("%(program)s %(year)s: %(sending)s to %(receiving)s") % {
                "program": getattr(program, f"name_{suffix}") or program.name_en,
                "year": cohort.year,
                "sending": getattr(sending, f"name_{suffix}") or sending.name_en,
                "receiving": getattr(receiving, f"name_{suffix}") or receiving.name_en,
            }
        texts[f"location_{suffix}"] = getattr(receiving, f"name_{suffix}") or receiving.name_en
    occurrence = Occurrence.objects.create(
        program=program,
        slug=slug,
        year=cohort.year,
        start_date=datetime.date(cohort.year, 1, 1),
        date_precision=DatePrecision.YEAR,
        country=receiving.country,
        capacity=cohort.size,
        **texts,
    )
    occurrence.hosts.set([receiving])
    if cohort.size:
        CountryQuota.objects.create(occurrence=occurrence, organization=sending, seats=cohort.size)
    return occurrence


# --- K2H allowances -------------------------------------------------------------------


def _months(start: datetime.date, end: datetime.date):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def placement_allowances_generate(*, placement: Placement, amounts=None):
    """Build the monthly schedule: one row per calendar month of training and per paying side.

    Amounts come from the program's cost shares (K2H: 400,000 KRW from GAOK and from the host),
    or from `amounts` ({payer role: KRW}). Months already paid are kept as they were.
    """
    program = placement.registration.occurrence.program
    shares = [s for s in program.cost_shares.all() if s.monthly_allowance_krw]
    amounts = amounts or {}
    if not shares and not amounts:
        raise CohortError(_("%(program)s has no monthly allowance in its cost shares.") % {"program": program.name})
    payers = {s.payer_role: (s.payer_id, amounts.get(s.payer_role, s.monthly_allowance_krw)) for s in shares}
    for role, amount in amounts.items():
        payers.setdefault(role, (None, amount))
    with transaction.atomic():
        placement.allowances.filter(paid_on__isnull=True).delete()
        paid = set(placement.allowances.values_list("month", "payer_role"))
        rows = [
            AllowancePayment(placement=placement, month=month, payer_id=payer_id, payer_role=role, amount_krw=amount)
            for month in _months(placement.training_start, placement.training_end)
            for role, (payer_id, amount) in sorted(payers.items())
            if (month, role) not in paid
        ]
        AllowancePayment.objects.bulk_create(rows)
    return list(placement.allowances.all())


# --- Certification ceremony -------------------------------------------------------------


def _certificate_prefix(occurrence):
    return f"{occurrence.program.slug.upper()[:16]}-{occurrence.year or occurrence.pk}"


def ceremony_refusal(*, occurrence: Occurrence, today=None):
    """Why the ceremony of `occurrence` cannot be held today, or None when it can."""
    today = today or timezone.localdate()
    if occurrence.is_cancelled:
        return _("%(occurrence)s is cancelled.") % {"occurrence": occurrence.title}
    last_day = occurrence.end_date or occurrence.start_date
    if last_day is None or occurrence.date_precision != DatePrecision.DAY:
        return _(
            "The dates of %(occurrence)s are not set to the day; enter its last day before holding the ceremony."
        ) % {"occurrence": occurrence.title}
    if today < last_day:
        return _(
            "%(occurrence)s ends on %(date)s: the certification ceremony can be held from its last day on, "
            "not before. Nothing was changed."
        ) % {"occurrence": occurrence.title, "date": date_format(last_day)}
    return None


def ceremony_plan(*, occurrence: Occurrence):
    """Who completes and who does not, with their attendance against the program's threshold."""
    from .selectors import occurrence_days

    threshold = occurrence.program.completion_attendance_percent
    total = occurrence_days(occurrence)
    candidates = (
        Registration.objects.filter(occurrence=occurrence, status__in=[S.ACCEPTED, S.ATTENDED, S.NO_SHOW])
        .select_related("participant__organization")
        .order_by("participant__family_name", "participant__given_name", "pk")
    )
    attended = {}
    if total:
        # Only days of the occurrence count (a check-in recorded on another day is not attendance).
        attended = dict(
            AttendanceDay.objects.filter(registration__occurrence=occurrence, day__range=(total[0], total[-1]))
            .values_list("registration_id")
            .annotate(n=models.Count("pk"))
            .values_list("registration_id", "n")
        )
    completing, not_completing = [], []
    for registration in candidates:
        days = attended.get(registration.pk, 0)
        percent = round(100 * days / len(total)) if total else None
        row = {"registration": registration, "days": days, "total": len(total), "percent": percent}
        if registration.status != S.ATTENDED:
            row["reason"] = _("never checked in")
            not_completing.append(row)
        elif threshold and percent is not None and percent < threshold:
            row["reason"] = _(
                "attended %(days)s of %(total)s days (%(percent)s%%), below the %(threshold)s%% needed"
            ) % {
                "days": days,
                "total": len(total),
                "percent": percent,
                "threshold": threshold,
            }
            not_completing.append(row)
        else:
            completing.append(row)
    return {"threshold": threshold, "days": total, "completing": completing, "not_completing": not_completing}


def certification_ceremony_hold(*, occurrence: Occurrence, by=None, note="", expected=None, today=None):
    """Complete those the plan lists as completing (all or nothing) and issue their numbered certificates.

    `expected` is the set of registration ids the staff member confirmed; when the plan has changed
    since (a late check-in, a withdrawal), nothing happens and they are asked to look again.
    """
    from .tasks import certificate_render_task

    today = today or timezone.localdate()
    with transaction.atomic():
        occurrence = Occurrence.objects.select_for_update().select_related("program").get(pk=occurrence.pk)
        refusal = ceremony_refusal(occurrence=occurrence, today=today)
        if refusal:
            raise CohortError(refusal)
        plan = ceremony_plan(occurrence=occurrence)
        completing = [row["registration"] for row in plan["completing"]]
        if expected is not None and set(expected) != {r.pk for r in completing}:
            raise CohortError(
                _("The list of who completes has changed since you opened it. Nothing was changed; check it again.")
            )
        registrations_transition_bulk(registrations=completing, to_status=S.COMPLETED, by=by, note=note)
        prefix = _certificate_prefix(occurrence)
        # Continue after the highest number issued so far (a deleted certificate leaves a gap, never a duplicate).
        numbers = Certificate.objects.filter(number__startswith=f"{prefix}-").values_list("number", flat=True)
        taken = max((int(n.rsplit("-", 1)[1]) for n in numbers if n.rsplit("-", 1)[1].isdigit()), default=0)
        pending = (
            Registration.objects.filter(occurrence=occurrence, status=S.COMPLETED, certificate__isnull=True)
            .select_related("participant")
            .order_by("participant__family_name", "participant__given_name", "pk")
        )
        issued = []
        for sequence, registration in enumerate(pending, start=taken + 1):
            issued.append(
                Certificate.objects.create(
                    registration=registration,
                    number=f"{prefix}-{sequence:03d}",
                    issued_on=today,
                    issued_by=by,
                    verification=Verification.objects.create(kind=Verification.Kind.CERTIFICATE),
                )
            )
        for certificate in issued:
            transaction.on_commit(lambda pk=certificate.pk: certificate_render_task.delay(certificate_id=pk))
    return issued


def certificate_render(*, certificate_id):
    """Build the PDF once, store it, and tell the official it is ready."""
    from .document_pdf import certificate_pdf

    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related(
                "registration__participant__organization", "registration__occurrence__program", "verification"
            )
            .get(pk=certificate_id)
        )
        if certificate.file:
            return certificate
        certificate.file.save(f"{certificate.number}.pdf", ContentFile(certificate_pdf(certificate)), save=False)
        certificate.rendered_at = timezone.now()
        certificate.save(update_fields=["file", "rendered_at"])
        participant = certificate.registration.participant
        notification_queue(
            key=f"certificate:{certificate.pk}:ready",
            template="certificate_ready",
            recipient=participant.email,
            language=participant.preferred_language,
            context={"certificate_id": certificate.pk},
        )
    return certificate


# --- Check-in ---------------------------------------------------------------------------


def checkin_token_in(text):
    """The token in what a QR scanner typed into the search box (the check-in URL, or the token
    alone), or None when the text is not one."""
    text = (text or "").strip()
    marker = "/checkin/t/"
    if marker in text:
        text = text.split(marker, 1)[1].split("/", 1)[0].split("?", 1)[0]
    elif " " in text or ":" not in text:
        return None
    return text or None


def registration_from_checkin_token(token):
    try:
        pk = int(signing.Signer(salt=CHECKIN_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        raise CohortError(_("This QR code is not one of ours or has been altered.")) from None
    return Registration.objects.select_related("participant", "occurrence").filter(pk=pk).first()


def attendance_refusal(*, registration: Registration, day: datetime.date):
    """Why the participant cannot be checked in on `day`, or None if they can."""
    if registration.status not in (S.ACCEPTED, S.ATTENDED, S.NO_SHOW):
        return _("%(name)s is %(status)s, not expected at the venue.") % {
            "name": registration.participant,
            "status": registration.get_status_display().lower(),
        }
    occurrence = registration.occurrence
    if occurrence.start_date and occurrence.end_date and not occurrence.start_date <= day <= occurrence.end_date:
        return _("%(day)s is not a day of %(occurrence)s.") % {"day": day, "occurrence": occurrence.title}
    return None


def attendance_mark(*, registration: Registration, day: datetime.date, by=None):
    """Record that the participant is here today; their first day moves them to attended."""
    registration.refresh_from_db(fields=["status"])
    refusal = attendance_refusal(registration=registration, day=day)
    if refusal:
        raise CohortError(refusal)
    with transaction.atomic():
        if registration.status in (S.ACCEPTED, S.NO_SHOW):
            try:
                registration = registration_transition(
                    registration=registration, to_status=S.ATTENDED, by=by, note=SystemNote(gettext_noop("Checked in"))
                )
            except RegistrationError as error:
                # Two phones at the door may check the same person in at once; one move is enough.
                registration.refresh_from_db(fields=["status"])
                if registration.status != S.ATTENDED:
                    raise CohortError(error.message) from error
        attendance, _created = AttendanceDay.objects.get_or_create(
            registration=registration, day=day, defaults={"checked_in_by": by}
        )
    return attendance


def attendance_undo(*, registration: Registration, day: datetime.date, by=None):
    """Take back a mistaken check-in for `day`; kept in the day's history with who undid it and
    when. With no day left, the registration returns to the status it had before its check-in."""
    with transaction.atomic():
        attendance = AttendanceDay.objects.select_for_update().filter(registration=registration, day=day).first()
        if attendance is None:
            raise CohortError(
                _("%(name)s is not checked in for %(day)s.") % {"name": registration.participant, "day": day}
            )
        attendance._history_user = by
        attendance.delete()
        if not AttendanceDay.objects.filter(registration=registration).exists():
            try:
                registration_attendance_undo(
                    registration=registration, by=by, note=SystemNote(gettext_noop("Check-in undone"))
                )
            except RegistrationError as error:
                raise CohortError(error.message) from error
    return attendance
