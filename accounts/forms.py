from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import BaseUserCreationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from .services import user_password_reset_send

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
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this email address already exists. Log in, or reset your password."),
                code="duplicate",
            )
        return email


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
        for user in self.get_users(self.cleaned_data["email"]):
            user_password_reset_send(user=user)
