from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import BaseUserCreationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .services import user_password_reset_send, user_password_reset_unknown_send

User = get_user_model()


class SignUpForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "autofocus": True})
        self.fields["password1"].help_text = _(
            "At least 12 characters. A long phrase is easiest to remember; common passwords are refused."
        )

    def clean_email(self):
        # No "already exists" here: accounts.services.user_signup tells the account's owner by
        # email instead, so the page never says which addresses have accounts.
        return self.cleaned_data["email"].strip().lower()

    def _get_validation_exclusions(self):
        # The model's unique and case-insensitive constraints on email would answer "already
        # exists" too (see clean_email); the form field has checked the address's format.
        return {*super()._get_validation_exclusions(), "email"}


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the email goes through our outbox in the user's language."""

    def save(
        self,
        domain_override=None,
        subject_template_name=None,
        email_template_name=None,
        use_https=False,
        token_generator=None,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        email = self.cleaned_data["email"]
        users = list(self.get_users(email))
        for user in users:
            user_password_reset_send(user=user)
        if not users:
            user_password_reset_unknown_send(email=email, language=translation.get_language())


class TwoFactorCodeForm(forms.Form):
    """The six-digit code an authenticator app shows now, checked against the user's device
    (django-otp refuses a code used before, so a seen code cannot be replayed)."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(_("This code is not valid. Type the code your app shows now."))
        return token
