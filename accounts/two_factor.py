"""Two-factor authentication (TOTP, django-otp) for staff.

TWO_FACTOR_REQUIRED says who must use it: "superusers" (the default), "staff" (every staff
member) or "off". Such a user who has not proved a code in this session is sent, from any page
but these and logging out, to enrol an authenticator app (first time) or to type its code.
"""

import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def two_factor_required(user):
    rule = settings.TWO_FACTOR_REQUIRED
    if not user.is_authenticated or rule == "off":
        return False
    return user.is_superuser or (rule == "staff" and user.is_staff)


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def enrolment_device(user):
    """The user's unconfirmed device (a new secret the first time), for the enrolment page."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_svg(device):
    """The provisioning URI as an SVG QR code (an authenticator app scans it)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()


class RequireTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a user who must use two factors and has not, goes to set
    them up or to type the code, then back where they were going."""

    EXEMPT = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:two_factor_qr", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and two_factor_required(user) and not user.is_verified():
            exempt = {reverse(name) for name in self.EXEMPT} | {reverse("admin:logout")}
            if request.path not in exempt:
                target = "accounts:two_factor_verify" if confirmed_device(user) else "accounts:two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
