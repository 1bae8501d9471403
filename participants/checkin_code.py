"""The check-in code of an accepted registration: a signed URL to the staff check-in page,
shown as a QR code in the acceptance email, on the official's registration page and on the
name badge (cohorts.pdf). Staff open it with a phone camera, or type it into the check-in
search (cohorts.views.checkin)."""

import base64
import io

import qrcode
from django.conf import settings
from django.core import signing
from django.urls import reverse

# Kept from when the code lived in cohorts, so codes already sent stay valid.
CHECKIN_SALT = "cohorts.checkin"
QR_CID = "checkin-qr"


def registration_checkin_token(registration):
    return signing.Signer(salt=CHECKIN_SALT).sign(str(registration.pk))


def registration_checkin_url(registration):
    """What the QR code holds: the staff check-in page for this registration (phone cameras open it)."""
    path = reverse("cohorts:checkin_token", args=[registration_checkin_token(registration)])
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def qr_png(data):
    image = qrcode.make(data, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def registration_checkin_qr_png(registration):
    return qr_png(registration_checkin_url(registration))


def registration_checkin_qr_attachment(registration):
    """The QR code as an inline image of an email (notifications: shown where the HTML says cid:checkin-qr)."""
    return {
        "cid": QR_CID,
        "filename": "check-in-code.png",
        "content_type": "image/png",
        "content": base64.b64encode(registration_checkin_qr_png(registration)).decode("ascii"),
    }
