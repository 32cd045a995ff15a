"""The forms of the staff's two-factor login."""

from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import two_factor


class SecondFactorCodeForm(forms.Form):
    """A code from the staff member's authenticator app, checked against one of their devices."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The six-digit code your authenticator app shows now."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class LoginCodeForm(SecondFactorCodeForm):
    """The second step of a staff login: a code from the app or one of the recovery codes.

    `device` is the device that accepted the code, once the form is valid.
    """

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.fields["code"].help_text = _(
            "The six-digit code your authenticator app shows now, or one of your recovery codes "
            "if you do not have your phone with you."
        )

    def clean_code(self):
        self.device = two_factor.verify_login_code(user=self.user, code=self.cleaned_data["code"])
        return self.cleaned_data["code"]


class EnrolmentCodeForm(SecondFactorCodeForm):
    """The code that shows the authenticator app being enrolled was set up right."""

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        two_factor.verify_enrolment_code(device=self.device, code=self.cleaned_data["code"])
        return self.cleaned_data["code"]


class PasswordConfirmForm(forms.Form):
    """The staff member's password, asked again before their second factor is changed."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Checked by authenticate(), as at login, so that a lockout applies here too and a
        # wrong password counts as a failed login.
        user = authenticate(
            self.request, username=self.request.user.get_username(), password=password
        )
        if user is None or user.pk != self.request.user.pk:
            raise ValidationError(_("This is not your password."), code="wrong_password")
        return password
