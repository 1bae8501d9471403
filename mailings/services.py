"""Write to a cohort: check a message, preview it per language, and queue it to every recipient.

A message goes to registrations (a filter, a selection, or everyone holding a seat of an
occurrence). Each official gets it in their preferred language when staff wrote it in that
language, else in English, with the placeholders filled for them, and with the Reply-To of their
occurrence. Everything is written in one transaction: the message, one log row per registration
and one outbox row per registration with a unique key (message, registration), all inserted in
bulk; one task publishes the sends after commit, and the outbox drain picks the rows up when the
broker is down. The compose form's token is unique, so a double submit sends nothing twice.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from notifications.services import notifications_queue_many
from participants.models import ANONYMISED_DOMAIN, Registration

from .models import CohortMessage, CohortMessageRecipient
from .placeholders import PLACEHOLDERS, fill, recipient_values, unknown_placeholders

FALLBACK_LANGUAGE = "en"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TEMPLATE = "cohort_message"


class CohortMessageError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _placeholder_list():
    return ", ".join("{" + name + "}" for name in PLACEHOLDERS)


def cohort_message_problems(*, texts):
    """Why these texts cannot be sent, as {language or None: [messages]}; empty when they can."""
    problems = {}
    if not (texts.get(FALLBACK_LANGUAGE) or {}).get("subject") or not (texts.get(FALLBACK_LANGUAGE) or {}).get("body"):
        problems.setdefault(None, []).append(
            _("Please write the message in English too: officials whose language you do not give receive it.")
        )
    for language, text in texts.items():
        if language not in LANGUAGE_CODES:
            problems.setdefault(None, []).append(_("Unknown language “%(code)s”.") % {"code": language})
            continue
        subject, body = (text.get("subject") or "").strip(), (text.get("body") or "").strip()
        if bool(subject) != bool(body):
            problems.setdefault(language, []).append(_("Please give both a subject and a message, or neither."))
        unknown = unknown_placeholders(subject + "\n" + body)
        if unknown:
            problems.setdefault(language, []).append(
                _("Unknown placeholder %(unknown)s. You can use %(known)s.")
                % {"unknown": ", ".join("{" + name + "}" for name in unknown), "known": _placeholder_list()}
            )
    return problems


def _clean(texts):
    return {
        language: {"subject": " ".join(text["subject"].split()), "body": text["body"].strip()}
        for language, text in texts.items()
        if (text.get("subject") or "").strip() and (text.get("body") or "").strip()
    }


def recipients_of(registrations):
    """The registrations a message can go to: with the rows the placeholders read, never anonymised."""
    registrations = list(registrations)
    return (
        Registration.objects.filter(pk__in=[r.pk for r in registrations])
        .exclude(participant__email__endswith="@" + ANONYMISED_DOMAIN)
        .select_related("participant", "occurrence")
        .order_by("occurrence_id", "participant__family_name", "participant__given_name", "pk")
    )


def _language_of(registration, texts):
    preferred = registration.participant.preferred_language
    return preferred if preferred in texts else FALLBACK_LANGUAGE


@dataclass
class Rendered:
    registration: Registration
    language: str
    subject: str
    body: str
    reply_to: str


def _render(registration, texts, language=None):
    language = language or _language_of(registration, texts)
    with translation.override(language):
        values = recipient_values(registration, language)
        subject = " ".join(fill(texts[language]["subject"], values).split())[:300]
        body = fill(texts[language]["body"], values)
    return Rendered(registration, language, subject, body, registration.occurrence.reply_to_email)


def cohort_message_preview(*, texts, registrations):
    """For each language given: how many officials receive it and the message as a sample one reads it."""
    problems = cohort_message_problems(texts=texts)
    if problems:
        raise CohortMessageError(" ".join(m for messages in problems.values() for m in messages))
    texts = _clean(texts)
    recipients = list(recipients_of(registrations))
    if not recipients:
        raise CohortMessageError(_("No official to write to: select registrations first."))
    previews = []
    for language in [code for code in LANGUAGE_CODES if code in texts]:
        mine = [r for r in recipients if _language_of(r, texts) == language]
        # No recipient reads this language: show it filled in for the first recipient anyway.
        sample = mine[0] if mine else recipients[0]
        previews.append({"language": language, "count": len(mine), "sample": _render(sample, texts, language)})
    return previews


def cohort_message_send(*, token, texts, registrations, by):
    """Queue the message to every registration; returns (message, created). The same token twice sends once."""
    problems = cohort_message_problems(texts=texts)
    if problems:
        raise CohortMessageError(" ".join(m for messages in problems.values() for m in messages))
    texts = _clean(texts)
    with transaction.atomic():
        message, created = CohortMessage.objects.get_or_create(token=token, defaults={"texts": texts, "created_by": by})
        if not created:
            return message, False
        rendered = [_render(registration, texts) for registration in recipients_of(registrations)]
        if not rendered:
            raise CohortMessageError(_("No official to write to: select registrations first."))
        CohortMessageRecipient.objects.bulk_create(
            [
                CohortMessageRecipient(
                    message=message,
                    registration=item.registration,
                    language=item.language,
                    subject=item.subject,
                    body=item.body,
                    reply_to=item.reply_to,
                    notification_key=_key(message, item.registration),
                )
                for item in rendered
            ],
            batch_size=500,
        )
        notifications_queue_many(
            items=[
                {
                    "key": _key(message, item.registration),
                    "template": TEMPLATE,
                    "recipient": item.registration.participant.email,
                    "language": item.language,
                    "reply_to": item.reply_to,
                    "context": {
                        "message_subject": item.subject,
                        "message_body": item.body,
                        "link": recipient_values(item.registration, item.language)["link"],
                    },
                }
                for item in rendered
            ]
        )
        message.recipient_count = len(rendered)
        message.save(update_fields=["recipient_count"])
    return message, True


def _key(message, registration):
    return f"cohort_message:{message.pk}:{registration.pk}"
