"""Name badges as PDF, with an embedded Noto CJK subset (certificates and letters: document_pdf)."""

import io
import logging

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from formats.languages import country_name
from formats.names import native_name, romanized_name
from participants.checkin_code import qr_png, registration_checkin_url

from .fonts import cjk_face_for, cjk_font_register

# fontTools reports every subsetting step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)


BADGE_W, BADGE_H = 90 * mm, 60 * mm
QR_SIZE = 18 * mm
BADGE_COLUMNS, BADGE_ROWS = 2, 4
BAND_H = 11 * mm  # the participant category's coloured band at the top of a badge


def _band_colours(hex_colour):
    """(fill, text) of a category's band: its colour, with black or white text, whichever reads better."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return (red, green, blue), (0, 0, 0) if luminance > 0.5 else (1, 1, 1)


def badges_pdf(*, occurrence, registrations):
    """A4 sheets of 8 outlined badges (90 x 60 mm), in the order given; names set in their country's CJK face.
    A registration in a participant category gets a band of the category's colour with its name at the top."""
    badges = [
        {
            "category": str(r.category.name) if r.category_id else "",
            "colour": r.category.badge_colour if r.category_id else "",
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
    categories = ""
    for badge in badges:
        face, qr, colour = badge.pop("face"), badge.pop("qr"), badge.pop("colour")
        categories += badge["category"]
        texts[face] = texts.get(face, "") + "".join(badge.values())
        badge["face"], badge["qr"], badge["colour"] = face, qr, colour
    font = cjk_font_register(occurrence.title + categories + texts.pop(cjk_face_for(None), ""))
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
        if badge["colour"]:
            fill, ink = _band_colours(badge["colour"])
            pdf.setFillColorRGB(*fill)
            pdf.rect(x, y + BADGE_H - BAND_H, BADGE_W, BAND_H, stroke=0, fill=1)
            pdf.setFillColorRGB(*ink)
            pdf.setFont(font, 8)
            pdf.drawCentredString(center, y + BADGE_H - 4.5 * mm, occurrence.title[:60])
            pdf.setFont(font, 9)
            pdf.drawCentredString(center, y + BADGE_H - 9 * mm, badge["category"][:40])
            pdf.setFillColorRGB(0, 0, 0)
        else:
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
