"""Certificates of completion and name badges as PDF, with an embedded Noto CJK subset."""

import io
import logging

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from formats.dates import date_long
from formats.languages import country_name
from formats.names import native_name, romanized_name
from participants.checkin_code import qr_png, registration_checkin_url

from .fonts import cjk_face_for, cjk_font_register

# fontTools reports every subsetting step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def _centered(pdf, font, size, y, text, width):
    pdf.setFont(font, size)
    pdf.drawCentredString(width / 2, y, text)


def certificate_pdf(certificate):
    registration = certificate.registration
    participant, occurrence = registration.participant, registration.occurrence
    with translation.override(participant.preferred_language):
        lines = {
            "title": _("Certificate of Completion"),
            "number": _("No. %(number)s") % {"number": certificate.number},
            "native": native_name(participant),
            "romanized": romanized_name(participant, upper_family=True),
            "organization": str(participant.organization or ""),
            "body": _("has completed %(occurrence)s (%(dates)s).")
            % {
                "occurrence": occurrence.title,
                "dates": occurrence.date_display,
            },
            "program": occurrence.program.name,
            "issued": _("Issued on %(date)s") % {"date": date_long(certificate.issued_on)},
        }
    font = cjk_font_register("".join(lines.values()), face=cjk_face_for(registration.country))
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(f"{lines['title']} {certificate.number}")
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setFont(font, 11)
    pdf.drawRightString(width - 20 * mm, height - 22 * mm, lines["number"])
    _centered(pdf, font, 34, height - 55 * mm, lines["title"], width)
    y = height - 90 * mm
    if lines["native"]:
        _centered(pdf, font, 30, y, lines["native"], width)
        y -= 14 * mm
    _centered(pdf, font, 22, y, lines["romanized"], width)
    if lines["organization"]:
        _centered(pdf, font, 14, y - 10 * mm, lines["organization"], width)
    _centered(pdf, font, 15, y - 30 * mm, lines["body"], width)
    _centered(pdf, font, 13, 40 * mm, lines["program"], width)
    _centered(pdf, font, 12, 28 * mm, lines["issued"], width)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


BADGE_W, BADGE_H = 90 * mm, 60 * mm
QR_SIZE = 18 * mm
BADGE_COLUMNS, BADGE_ROWS = 2, 4


def badges_pdf(*, occurrence, registrations):
    """A4 sheets of 8 outlined badges (90 x 60 mm), in the order given; names set in their country's CJK face."""
    badges = [
        {
            "native": native_name(r.participant),
            "romanized": romanized_name(r.participant, upper_family=True),
            "country": country_name(r.country),
            "face": cjk_face_for(r.country),
            "qr": registration_checkin_url(r),
            "organization": r.participant.organization.name_native or r.participant.organization.name
            if r.participant.organization
            else "",
        }
        for r in registrations
    ]
    texts = {}
    for badge in badges:
        face, qr = badge.pop("face"), badge.pop("qr")
        texts[face] = texts.get(face, "") + "".join(badge.values())
        badge["face"], badge["qr"] = face, qr
    font = cjk_font_register(occurrence.title + texts.pop(cjk_face_for(None), ""))
    fonts = {face: cjk_font_register(text, face=face) for face, text in texts.items()}
    buffer = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(occurrence.title)
    margin_x = (width - BADGE_COLUMNS * BADGE_W) / 2
    margin_y = (height - BADGE_ROWS * BADGE_H) / 2
    per_page = BADGE_COLUMNS * BADGE_ROWS
    for index, badge in enumerate(badges):
        slot = index % per_page
        if index and slot == 0:
            pdf.showPage()
        x = margin_x + (slot % BADGE_COLUMNS) * BADGE_W
        y = height - margin_y - (slot // BADGE_COLUMNS + 1) * BADGE_H
        pdf.setLineWidth(0.3)
        pdf.rect(x, y, BADGE_W, BADGE_H)
        center = x + BADGE_W / 2
        pdf.setFont(font, 8)
        pdf.drawCentredString(center, y + BADGE_H - 8 * mm, occurrence.title[:60])
        name_font = fonts.get(badge["face"], font)
        pdf.setFont(name_font, 22)
        pdf.drawCentredString(center, y + BADGE_H - 25 * mm, badge["native"] or badge["romanized"])
        pdf.setFont(name_font, 13)
        if badge["native"]:
            pdf.drawCentredString(center, y + BADGE_H - 35 * mm, badge["romanized"])
        # The check-in QR code in the bottom right corner; organization and country beside it.
        pdf.drawImage(
            ImageReader(io.BytesIO(qr_png(badge["qr"]))),
            x + BADGE_W - QR_SIZE - 2 * mm,
            y + 2 * mm,
            QR_SIZE,
            QR_SIZE,
        )
        beside = x + (BADGE_W - QR_SIZE - 2 * mm) / 2
        pdf.setFont(name_font, 10)
        pdf.drawCentredString(beside, y + 12 * mm, badge["organization"][:36])
        pdf.drawCentredString(beside, y + 5 * mm, badge["country"])
    if not badges:
        pdf.setFont(font, 14)
        pdf.drawString(20 * mm, height - 30 * mm, occurrence.title)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
