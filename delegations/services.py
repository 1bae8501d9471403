"""Delegation use cases: grant a focal point, nominate within an allocation (one or a list),
substitute a nominee, attach the nomination letter, register from the invitation, remind.

Seats: a nomination reserves a seat of its allocation (workshops.CountryQuota.seats_nominated,
which a check constraint keeps at or below the allocation's seats). Every change of that
counter runs in one transaction that first takes the seat locks of participants.services
(the occurrence row, then its allocation rows in id order) and only then any nomination
row: the one lock order of every seat decision, so parallel nominations queue on the
allocation row and never exceed it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications.services import notification_queue
from participants.errors import RegistrationError
from participants.models import HOLDS_SEAT, Registration
from participants.self_service import participant_profile_save
from participants.services import registration_submit, registration_transition, seats_lock

from .errors import DelegationError, InvitationInvalid
from .models import FocalPoint, Nomination, NominationEvent

S = Registration.Status
A = NominationEvent.Action
INVITATION_SALT = "delegations.nomination-invitation"
PDF_MAGIC = b"%PDF-"
PDF_CONTENT_TYPES = {"application/pdf", "application/x-pdf"}


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


# --- Focal points -------------------------------------------------------------------------


def focal_point_invite(*, focal_point: FocalPoint):
    """Email the focal point their role and the page to sign in to, in their language."""
    return notification_queue(
        key=f"delegations:focal-point:{focal_point.pk}:invited",
        template="focal_point_invitation",
        recipient=focal_point.email,
        language=focal_point.language,
        context={"focal_point_id": focal_point.pk, "page_url": _absolute(reverse("delegations:home"))},
    )


def focal_point_grant(*, focal_point: FocalPoint, by):
    """Save a new grant (built by the admin form) and send its invitation in the same transaction."""
    with transaction.atomic():
        focal_point.granted_by = by
        focal_point.save()
        focal_point_invite(focal_point=focal_point)
    return focal_point


# --- Nominations --------------------------------------------------------------------------


def _event(nomination, action, by, note=""):
    NominationEvent.objects.create(nomination=nomination, action=action, by=by, note=note[:500])


def nomination_invitation_token(nomination):
    return signing.dumps({"n": nomination.pk, "k": nomination.invitation_key.hex}, salt=INVITATION_SALT)


def nomination_invitation_url(nomination):
    return _absolute(reverse("delegations:invitation", kwargs={"token": nomination_invitation_token(nomination)}))


def _invite(nomination, *, step):
    notification_queue(
        key=f"delegations:nomination:{nomination.pk}:{nomination.invitation_key.hex}:{step}",
        template="nomination_invitation",
        recipient=nomination.email,
        language=nomination.language,
        context={"nomination_id": nomination.pk, "invitation_url": nomination_invitation_url(nomination)},
    )


def _locked_allocation(allocation_id, occurrence_id):
    """Take the seat locks (occurrence, then its allocations) and return the allocation's locked row."""
    (seats,) = seats_lock(occurrence_ids=[occurrence_id])
    return seats, next(q for q in seats.quotas if q.pk == allocation_id)


def _check_nomination_open(allocation, now):
    occurrence = allocation.occurrence
    if occurrence.is_cancelled:
        raise DelegationError(_("This occurrence is cancelled."))
    if allocation.nomination_deadline is not None and now >= allocation.nomination_deadline:
        raise DelegationError(_("The nomination deadline has passed."))
    if allocation.nomination_deadline is None and occurrence.start_date and now.date() >= occurrence.start_date:
        raise DelegationError(_("The occurrence has started; nominations are closed."))


def _full_message(allocation, wanted):
    left = allocation.seats - allocation.seats_nominated
    return ngettext(
        "The allocation has %(seats)s seats and %(left)s is left; %(wanted)s nominations cannot be added.",
        "The allocation has %(seats)s seats and %(left)s are left; %(wanted)s nominations cannot be added.",
        left,
    ) % {"seats": allocation.seats, "left": left, "wanted": wanted}


def nominations_create(*, allocation, nominees, by, now=None):
    """Nominate officials ({family_name, given_name, email, language}) into the allocation: all or none.

    Refused, with nothing saved: after the nomination deadline, beyond the allocation's seats
    (counted under the allocation's row lock), or for an email already nominated into it or
    already registered for the occurrence."""
    now = now or timezone.now()
    if not nominees:
        raise DelegationError(_("Nobody to nominate."))
    emails = [n["email"].strip().lower() for n in nominees]
    if len(set(emails)) != len(emails):
        raise DelegationError(_("The same email address appears twice."))
    with transaction.atomic():
        seats, allocation = _locked_allocation(allocation.pk, allocation.occurrence_id)
        allocation.occurrence = seats.occurrence
        _check_nomination_open(allocation, now)
        if allocation.seats_nominated + len(nominees) > allocation.seats:
            raise DelegationError(_full_message(allocation, len(nominees)))
        _refuse_taken(allocation, seats.occurrence, emails)
        created = []
        for data, email in zip(nominees, emails, strict=True):
            nomination = _nomination_new(allocation, data, email, by)
            _event(nomination, A.NOMINATED, by)
            _invite(nomination, step="invited")
            created.append(nomination)
        allocation.seats_nominated += len(created)
        allocation.save(update_fields=["seats_nominated"])
    return created


def _end_registration(registration, by, note):
    """The substituted nominee's registration gives its seat back (cancelled if it held one)."""
    if registration.status in HOLDS_SEAT:
        if registration.status != S.ACCEPTED:
            raise DelegationError(_("This nominee has already taken part; they cannot be substituted."))
        registration_transition(registration=registration, to_status=S.CANCELLED, by=by, note=note)
    elif registration.status in {S.SUBMITTED, S.UNDER_REVIEW, S.WAITLISTED}:
        registration_transition(registration=registration, to_status=S.WITHDRAWN, by=by, note=note)


def nomination_substitute(*, nomination, substitute, by, now=None):
    """Replace a nominee by another official until the substitution deadline: the seat stays with
    the allocation (the counter does not move), and both nominations record the change."""
    now = now or timezone.now()
    with transaction.atomic():
        seats, allocation = _locked_allocation(nomination.allocation_id, nomination.allocation.occurrence_id)
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status != Nomination.Status.ACTIVE:
            raise DelegationError(_("This nominee has already been substituted."))
        if allocation.substitution_deadline is None or now >= allocation.substitution_deadline:
            raise DelegationError(_("The substitution deadline has passed; please contact the organizers."))
        if seats.occurrence.is_cancelled:
            raise DelegationError(_("This occurrence is cancelled."))
        email = substitute["email"].strip().lower()
        _refuse_taken(allocation, seats.occurrence, [email])
        if nomination.registration_id:
            _end_registration(nomination.registration, by, _("Substituted by the focal point"))
        nomination.status = Nomination.Status.REPLACED
        nomination.save(update_fields=["status"])
        new = _nomination_new(allocation, substitute, email, by, replaces=nomination)
        _event(nomination, A.SUBSTITUTED_OUT, by, f"{new.display_name} <{new.email}>")
        _event(new, A.SUBSTITUTED_IN, by, f"{nomination.display_name} <{nomination.email}>")
        _invite(new, step="invited")
    return new


def _refuse_taken(allocation, occurrence, emails):
    """Refuse addresses already nominated in the allocation or registered for the occurrence."""
    taken = set(
        Nomination.objects.filter(allocation=allocation, status=Nomination.Status.ACTIVE, email__in=emails).values_list(
            "email", flat=True
        )
    ) | set(
        Registration.objects.filter(occurrence=occurrence, participant__email__in=emails).values_list(
            "participant__email", flat=True
        )
    )
    if taken:
        raise DelegationError(
            _("Already nominated or registered for this occurrence: %(emails)s.") % {"emails": ", ".join(sorted(taken))}
        )


def _nomination_new(allocation, person, email, by, replaces=None):
    """A nomination from what the focal point typed (names trimmed, English unless a language is given)."""
    return Nomination.objects.create(
        allocation=allocation,
        family_name=person["family_name"].strip(),
        given_name=person["given_name"].strip(),
        email=email,
        language=person.get("language") or "en",
        nominated_by=by,
        replaces=replaces,
    )


def letter_check(upload):
    """Refuse anything but a PDF within the size limit: the declared type, the size and the file's
    own first bytes must all say PDF."""
    limit = settings.DELEGATIONS_LETTER_MAX_BYTES
    if upload is None:
        raise DelegationError(_("Please choose the nomination letter (a PDF file)."))
    if upload.size > limit:
        raise DelegationError(
            _("The letter is larger than %(mb)s MB; please send a smaller PDF.") % {"mb": limit // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if (upload.content_type or "").lower() not in PDF_CONTENT_TYPES or head != PDF_MAGIC or upload.size == 0:
        raise DelegationError(_("The nomination letter must be a PDF file."))


def nomination_letter_attach(*, nomination, upload, by):
    letter_check(upload)
    with transaction.atomic():
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status != Nomination.Status.ACTIVE:
            raise DelegationError(_("This nominee has already been substituted."))
        old = nomination.letter.name if nomination.letter else None
        nomination.letter.save("letter.pdf", upload, save=False)
        nomination.letter_uploaded_at = timezone.now()
        nomination.save(update_fields=["letter", "letter_uploaded_at"])
        _event(nomination, A.LETTER, by, upload.name[:200])
        if old:
            storage = nomination.letter.storage
            transaction.on_commit(lambda: storage.delete(old))
    return nomination


# --- The nominee's side -------------------------------------------------------------------


def nomination_from_token(token):
    """The active, unused nomination a link names, or InvitationInvalid saying why not."""
    max_age = settings.DELEGATIONS_INVITATION_DAYS * 86400
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise InvitationInvalid(
            _("This invitation link has expired. Please ask your focal point to send it again.")
        ) from None
    except signing.BadSignature:
        raise InvitationInvalid(_("This invitation link is not valid.")) from None
    nomination = (
        Nomination.objects.select_related("allocation__occurrence__program", "allocation__organization")
        .filter(pk=data.get("n"))
        .first()
    )
    if nomination is None or nomination.invitation_key.hex != data.get("k"):
        raise InvitationInvalid(_("This invitation link is not valid."))
    if nomination.status != Nomination.Status.ACTIVE:
        raise InvitationInvalid(_("This invitation was withdrawn: another official was nominated instead."))
    if nomination.invitation_used_at is not None:
        raise InvitationInvalid(_("This invitation link has already been used."))
    return nomination


def nominee_account_create(*, nomination, password):
    """An account for the nominee's address, verified: the invitation reached that mailbox."""
    User = get_user_model()
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=nomination.email, password=password, preferred_language=nomination.language
            )
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
    except IntegrityError:
        raise DelegationError(
            _("An account with this email address already exists. Log in, or reset your password.")
        ) from None
    return user


def nomination_register(*, token, user, profile, answers, consent, uploads=None):
    """The nominee completes their own registration from the invitation: once, into the seat the
    focal point reserved, recording who nominated them. It then follows the occurrence's review."""
    with transaction.atomic():
        nomination = nomination_from_token(token)
        seats, allocation = _locked_allocation(nomination.allocation_id, nomination.allocation.occurrence_id)
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        nomination_from_token(token)  # again under the lock: a parallel use or substitution wins once
        if user.email.lower() != nomination.email:
            raise DelegationError(
                _("This invitation is for %(email)s. Please log in with that address.") % {"email": nomination.email}
            )
        try:
            participant = participant_profile_save(user=user, data=profile)
            registration = registration_submit(
                participant=participant,
                occurrence=seats.occurrence,
                answers=answers,
                uploads=uploads,
                consent=consent,
                by=user,
                allocation=allocation,
                nominated_by=nomination.nominated_by,
            )
        except RegistrationError as exc:
            raise DelegationError(exc.message) from None
        nomination.registration = registration
        nomination.invitation_used_at = timezone.now()
        nomination.save(update_fields=["registration", "invitation_used_at"])
        _event(nomination, A.REGISTERED, user)
    return registration


# --- Reminders ----------------------------------------------------------------------------


def delegation_reminders_queue(*, occurrence_id, by=None, today=None):
    """Remind, in each one's language, the focal points whose allocation has seats or letters
    still open and the nominees who have not registered yet. Once per person and day."""
    from .selectors import allocation_figures, focal_points_for_allocation

    today = today or timezone.localdate()
    counts = {"focal_points": 0, "nominees": 0}
    with transaction.atomic():
        for row in allocation_figures(occurrence_id=occurrence_id):
            allocation = row["allocation"]
            if row["open_seats"] or row["missing_letters"]:
                for focal_point in focal_points_for_allocation(allocation):
                    notification_queue(
                        key=f"delegations:remind-focal:{focal_point.pk}:{allocation.pk}:{today.isoformat()}",
                        template="delegation_reminder_focal_point",
                        recipient=focal_point.email,
                        language=focal_point.language,
                        context={
                            "focal_point_id": focal_point.pk,
                            "allocation_id": allocation.pk,
                            "open_seats": row["open_seats"],
                            "missing_letters": row["missing_letters"],
                            "page_url": _absolute(reverse("delegations:allocation", kwargs={"pk": allocation.pk})),
                        },
                    )
                    counts["focal_points"] += 1
        pending = Nomination.objects.filter(
            allocation__occurrence_id=occurrence_id, status=Nomination.Status.ACTIVE, registration__isnull=True
        ).select_related("allocation")
        for nomination in pending:
            notification_queue(
                key=f"delegations:remind-nominee:{nomination.pk}:{today.isoformat()}",
                template="delegation_reminder_nominee",
                recipient=nomination.email,
                language=nomination.language,
                context={"nomination_id": nomination.pk, "invitation_url": nomination_invitation_url(nomination)},
            )
            _event(nomination, A.REMINDED, by)
            counts["nominees"] += 1
    return counts
