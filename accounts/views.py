from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import services, two_factor
from .forms import QueuedPasswordResetForm, SignUpForm, TwoFactorCodeForm

SIGNUP_WINDOW = 3600
RESEND_LIMIT = 5


def _language_code():
    """The page's language as stored on the account (Django says zh-hans; LANGUAGES agrees)."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    return language if language in codes else settings.LANGUAGE_CODE


def signup(request):
    if request.user.is_authenticated:
        return redirect("participants:my_registrations")
    form = SignUpForm(request.POST or None)
    status = 200
    # Every attempt counts, not only successful ones, so probing which addresses have an
    # account is throttled as well as mass account creation.
    throttled = request.method == "POST" and services.throttle_hit(
        scope="signup",
        ident=request.META.get("REMOTE_ADDR", ""),
        limit=settings.SIGNUP_RATE_LIMIT,
        window=SIGNUP_WINDOW,
    )
    error = None
    if throttled:
        # A fresh form: validating this one would still tell whether the address has an account.
        form = SignUpForm(initial={"email": request.POST.get("email", "")})
        error = _("Too many sign-up attempts from your network. Please try again in an hour.")
        status = 429
    elif request.method == "POST" and form.is_valid():
        # The same answer whether or not the address has an account (see user_signup).
        services.user_signup(
            email=form.cleaned_data["email"], password=form.cleaned_data["password1"], language=_language_code()
        )
        request.session["signed_up_email"] = form.cleaned_data["email"]
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form, "error": error}, status=status)


def signup_done(request):
    return render(request, "accounts/signup_done.html", {"email": request.session.get("signed_up_email", "")})


def verify_email(request, token):
    try:
        user = services.user_email_verify(token=token)
    except services.VerificationError as exc:
        return render(request, "accounts/verify_failed.html", {"error": exc.message}, status=400)
    messages.success(request, _("Your email address %(email)s is verified.") % {"email": user.email})
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect("participants:profile")
    return redirect("accounts:login")


@login_required
@require_POST
def resend_verification(request):
    user = request.user
    if user.email_verified_at:
        messages.info(request, _("Your email address is already verified."))
    elif services.throttle_hit(scope="verify-resend", ident=user.pk, limit=RESEND_LIMIT, window=3600):
        messages.error(request, _("We have sent several links already. Please check your inbox and spam folder."))
    else:
        services.user_verification_send(user=user)
        messages.success(request, _("We have sent a new verification link to %(email)s.") % {"email": user.email})
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("participants:my_registrations")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse_lazy("home")


@login_required
def two_factor_setup(request):
    """Enrol an authenticator app: scan the code (or type the key), then prove one code."""
    if two_factor.confirmed_device(request.user):
        return redirect(f"{reverse_lazy('accounts:two_factor_verify')}?next={_safe_next(request)}")
    device = two_factor.enrolment_device(request.user)
    form = TwoFactorCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on for your account."))
        return redirect(_safe_next(request))
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _safe_next(request),
        },
    )


@login_required
def two_factor_qr(request):
    device = two_factor.enrolment_device(request.user)
    response = HttpResponse(two_factor.qr_svg(device), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def two_factor_verify(request):
    """Type the current code of the enrolled app, once per session."""
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse_lazy('accounts:two_factor_setup')}?next={_safe_next(request)}")
    form = TwoFactorCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)})
