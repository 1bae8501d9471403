"""Certificates of completion and visa invitation letters as PDF.

Each is printed in its holder's language and in English, in the Noto CJK face of that language
(zh-hant in the Traditional Chinese face); the holder's name in their own country's face. The
issuers' logos head the page, the signatories close it, and a QR code carries the public
verification link (documents.verification_url).
"""

import io
import string

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from formats.dates import date_long
from formats.languages import country_name
from participants.checkin_code import qr_png
from participants.models import PassportDetails
from programs.models import CostShare

from .fonts import cjk_face_for, cjk_font_register

FACE_BY_LANGUAGE = {"ja": 0, "ko": 1, "zh-hans": 2, "zh-hant": 3, "en": 1}


def face_for_language(language):
    return FACE_BY_LANGUAGE.get(language, 1)


def document_languages(language):
    """The holder's language first, then English (once, when they read English)."""
    return [language] if language == "en" or not language else [language, "en"]


def fill(text, values):
    """str.format for staff-written wording that only knows the documented placeholders."""
    names = {name for _t, name, _s, _c in string.Formatter().parse(text or "") if name}
    return (text or "").format_map({name: values.get(name, "") for name in names})


def wrap(text, font, size, width):
    """Lines no wider than `width`: break at spaces, and anywhere inside CJK runs."""
    lines = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if line and stringWidth(candidate, font, size) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
        lines.append(line.rstrip())
    return lines


def _tokens(text):
    token = ""
    for char in text:
        if ord(char) > 0x2E80:  # CJK: every character may start a line
            if token:
                yield token
                token = ""
            yield char
        elif char == " ":
            yield token + " "
            token = ""
        else:
            token += char
    if token:
        yield token


def _logo(pdf, organization, x, y, height):
    """Draw the logo with its bottom-left at (x, y); return its width (0 when there is none)."""
    if not organization.logo:
        return 0
    try:
        with organization.logo.open("rb") as handle:
            image = ImageReader(io.BytesIO(handle.read()))
    except (OSError, ValueError):
        return 0
    w, h = image.getSize()
    width = height * w / h
    pdf.drawImage(image, x, y, width=width, height=height, mask="auto")
    return width


def _qr(pdf, url, x, y, size):
    pdf.drawImage(ImageReader(io.BytesIO(qr_png(url))), x, y, width=size, height=size)


def _centered_lines(pdf, font, size, y, text, width, leading=1.35):
    for line in wrap(text, font, size, width - 60 * mm):
        pdf.setFont(font, size)
        pdf.drawCentredString(width / 2, y, line)
        y -= size * leading
    return y


def _dates(occurrence):
    return occurrence.date_display


# --- Certificates -------------------------------------------------------------------------


def certificate_texts(certificate, language):
    """Every line of the certificate in one language (the design's wording, else the default)."""
    from .documents import verification_url

    registration = certificate.registration
    occurrence, program = registration.occurrence, registration.occurrence.program
    design = getattr(program, "certificate_design", None)
    with translation.override(language):
        values = {"occurrence": str(occurrence.title), "dates": _dates(occurrence), "program": str(program.name)}
        return {
            "title": (design and design.title) or _("Certificate of Completion"),
            "wording": fill(design.wording, values)
            if design and design.wording
            else _("has completed %(occurrence)s (%(dates)s).")
            % {"occurrence": values["occurrence"], "dates": values["dates"]},
            "number": _("No. %(number)s") % {"number": certificate.number},
            "issued": _("Issued on %(date)s") % {"date": date_long(certificate.issued_on)},
            "issuers": [str(o.name) for o in design.issuers.all()] if design else [],
            "signatories": [
                {
                    "name": s.name,
                    "native": s.name_native,
                    "title": str(s.title),
                    "organization": str(s.organization.name),
                }
                for s in (design.signatories.select_related("organization").order_by("order", "pk") if design else [])
            ],
            "verify": _("Verify at %(url)s") % {"url": verification_url(certificate.verification)},
        }


def certificate_pdf(certificate):
    registration = certificate.registration
    participant = registration.participant
    design = getattr(registration.occurrence.program, "certificate_design", None)
    languages = document_languages(participant.preferred_language)
    texts = {language: certificate_texts(certificate, language) for language in languages}
    main, english = texts[languages[0]], texts.get("en") if len(languages) > 1 else None
    all_text = "".join(_flatten(texts))
    font = cjk_font_register(all_text + participant.romanized_name, face=face_for_language(languages[0]))
    name_font = cjk_font_register(
        participant.native_name + participant.romanized_name, face=cjk_face_for(registration.country)
    )

    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(f"{main['title']} {certificate.number}")
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setLineWidth(0.8)
    pdf.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)
    pdf.setFont(font, 10)
    pdf.drawRightString(width - 22 * mm, height - 24 * mm, main["number"])

    # Issuers: logos in a row, their names under them.
    issuers = list(design.issuers.all()) if design else []
    x = 22 * mm
    for issuer in issuers:
        drawn = _logo(pdf, issuer, x, height - 38 * mm, 16 * mm)
        x += drawn + (4 * mm if drawn else 0)
    if main["issuers"]:
        pdf.setFont(font, 10)
        pdf.drawString(22 * mm, height - 43 * mm, " · ".join(main["issuers"]))

    y = height - 62 * mm
    y = _centered_lines(pdf, font, 30, y, main["title"], width)
    if english:
        y = _centered_lines(pdf, font, 13, y + 2 * mm, english["title"], width)
    y -= 8 * mm
    if participant.native_name:
        pdf.setFont(name_font, 26)
        pdf.drawCentredString(width / 2, y, participant.native_name)
        y -= 10 * mm
    pdf.setFont(name_font, 18 if participant.native_name else 24)
    pdf.drawCentredString(width / 2, y, participant.romanized_name)
    y -= 12 * mm
    y = _centered_lines(pdf, font, 14, y, main["wording"], width)
    if english:
        y = _centered_lines(pdf, font, 10.5, y, english["wording"], width)

    # Signatories along the bottom, right of the QR code.
    signatories = main["signatories"]
    english_signatories = english["signatories"] if english else [None] * len(signatories)
    if signatories:
        slot = (width - 90 * mm) / len(signatories)
        for index, (signatory, english_signatory) in enumerate(zip(signatories, english_signatories, strict=True)):
            cx = 70 * mm + slot * index + slot / 2
            pdf.setLineWidth(0.6)
            pdf.line(cx - 30 * mm, 44 * mm, cx + 30 * mm, 44 * mm)
            pdf.setFont(font, 11)
            name = f"{signatory['native']} ({signatory['name']})" if signatory["native"] else signatory["name"]
            pdf.drawCentredString(cx, 39 * mm, name)
            pdf.setFont(font, 9)
            pdf.drawCentredString(cx, 34 * mm, f"{signatory['title']}, {signatory['organization']}")
            if english_signatory:
                pdf.drawCentredString(cx, 30 * mm, f"{english_signatory['title']}, {english_signatory['organization']}")

    _qr(pdf, _verify_url(certificate), 20 * mm, 20 * mm, 26 * mm)
    pdf.setFont(font, 9)
    pdf.drawString(50 * mm, 24 * mm, main["issued"] + (f" / {english['issued']}" if english else ""))
    pdf.setFont(font, 7)
    pdf.drawString(50 * mm, 20 * mm, main["verify"])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _verify_url(document):
    from .documents import verification_url

    return verification_url(document.verification)


def _flatten(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    elif value:
        yield str(value)


# --- Visa invitation letters ------------------------------------------------------------------


def letter_texts(letter, language):
    from .documents import verification_url
    from .selectors import occurrence_host_country_name

    registration = letter.registration
    participant, occurrence = registration.participant, registration.occurrence
    program = occurrence.program
    template = program.letter_template
    passport = PassportDetails.objects.get(participant_id=participant.pk)
    host, signatory = template.host, template.signatory
    with translation.override(language):
        values = {"occurrence": str(occurrence.title), "dates": _dates(occurrence), "program": str(program.name)}
        organization = participant.organization
        return {
            "host": str(host.name),
            "host_native": host.name_native if host.name_native != str(host.name) else "",
            "reference": _("Reference: %(reference)s") % {"reference": letter.reference},
            "date": _("Date: %(date)s") % {"date": date_long(letter.issued_on)},
            "addressee": _("To the consular officer concerned"),
            "subject": _("Invitation letter for a visa: %(name)s") % {"name": passport.full_name},
            "intro": _("%(host)s hereby invites the person below to %(country)s for the following purpose: %(purpose)s")
            % {
                "host": host.name,
                "country": occurrence_host_country_name(occurrence),
                "purpose": fill(template.purpose, values),
            },
            "facts": [
                (_("Name as in the passport"), passport.full_name),
                (_("Nationality"), country_name(passport.nationality.code)),
                (_("Passport number"), passport.number),
                (
                    _("Position"),
                    ", ".join(v for v in (participant.position, str(organization.name) if organization else "") if v),
                ),
                (_("Program"), values["occurrence"]),
                (_("Dates of the visit"), values["dates"]),
                (_("Place"), str(occurrence.location_display or "")),
            ],
            "costs_title": _("Costs"),
            "costs": [
                f"{share.payer_role}: {share.covers}"
                for share in CostShare.objects.filter(program=program).order_by("pk")
            ]
            or [_("The participant covers their own costs.")],
            "closing": fill(template.closing, values)
            or _("We kindly ask you to grant the visa this visit needs. For any question, please contact us."),
            "regards": _("Sincerely,"),
            "signatory_name": f"{signatory.name_native} ({signatory.name})"
            if signatory.name_native
            else signatory.name,
            "signatory_title": f"{signatory.title}, {signatory.organization.name}",
            "verify": _("Check that this letter is genuine and current at %(url)s")
            % {"url": verification_url(letter.verification)},
        }


def letter_pdf(letter):
    """One page in English for the consulate, then the same letter in the holder's language."""
    participant = letter.registration.participant
    languages = ["en"] + [lang for lang in document_languages(participant.preferred_language) if lang != "en"]
    host = letter.registration.occurrence.program.letter_template.host
    buffer = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(letter.reference)
    for language in languages:
        texts = letter_texts(letter, language)
        font = cjk_font_register("".join(_flatten(texts)), face=face_for_language(language))
        _letter_page(pdf, texts, font, host, letter, width, height)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _letter_page(pdf, t, font, host, letter, width, height):
    left, right = 22 * mm, width - 22 * mm
    text_width = right - left
    logo = _logo(pdf, host, left, height - 36 * mm, 16 * mm)
    pdf.setFont(font, 16)
    pdf.drawString(left + logo + (5 * mm if logo else 0), height - 26 * mm, t["host"])
    if t["host_native"]:
        pdf.setFont(font, 11)
        pdf.drawString(left + logo + (5 * mm if logo else 0), height - 33 * mm, t["host_native"])
    pdf.setLineWidth(1)
    pdf.line(left, height - 40 * mm, right, height - 40 * mm)
    pdf.setFont(font, 10)
    pdf.drawString(left, height - 48 * mm, t["reference"])
    pdf.drawRightString(right, height - 48 * mm, t["date"])
    y = height - 60 * mm
    pdf.setFont(font, 11)
    pdf.drawString(left, y, t["addressee"])
    y -= 10 * mm
    pdf.setFont(font, 13)
    for line in wrap(t["subject"], font, 13, text_width):
        pdf.drawString(left, y, line)
        y -= 6 * mm
    y -= 3 * mm
    y = _paragraph(pdf, font, 10.5, left, y, t["intro"], text_width)
    y -= 3 * mm
    for label, value in t["facts"]:
        pdf.setFont(font, 10)
        pdf.drawString(left + 4 * mm, y, label)
        lines = wrap(value, font, 10, text_width - 60 * mm) or [""]
        for line in lines:
            pdf.drawString(left + 60 * mm, y, line)
            y -= 5.5 * mm
    y -= 3 * mm
    pdf.setFont(font, 11)
    pdf.drawString(left, y, t["costs_title"])
    y -= 6 * mm
    for cost in t["costs"]:
        y = _paragraph(pdf, font, 10, left + 4 * mm, y, f"• {cost}", text_width - 4 * mm)
    y -= 3 * mm
    y = _paragraph(pdf, font, 10.5, left, y, t["closing"], text_width)
    y -= 6 * mm
    pdf.setFont(font, 10.5)
    pdf.drawString(left, y, t["regards"])
    y -= 16 * mm
    pdf.setLineWidth(0.6)
    pdf.line(left, y + 4 * mm, left + 70 * mm, y + 4 * mm)
    pdf.setFont(font, 11)
    pdf.drawString(left, y, t["signatory_name"])
    pdf.setFont(font, 9.5)
    pdf.drawString(left, y - 5 * mm, t["signatory_title"])
    _qr(pdf, _verify_url(letter), left, 14 * mm, 24 * mm)
    pdf.setFont(font, 8)
    _paragraph(pdf, font, 8, left + 28 * mm, 32 * mm, t["verify"], text_width - 28 * mm, leading=1.3)


def _paragraph(pdf, font, size, x, y, text, width, leading=1.45):
    pdf.setFont(font, size)
    for line in wrap(text, font, size, width):
        pdf.drawString(x, y, line)
        y -= size * leading
    return y
