from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kongtun.accounts.models import NoticeEmail, User
from kongtun.accounts.services import FUND_ROLES


class LoginForm(AuthenticationForm):
    username = forms.CharField(label=_("Username or e-mail"), max_length=254)
    error_messages = {
        "invalid_login": _("The username, e-mail or password is wrong. Please try again."),
        "inactive": _("This account is not active."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "email", "phone", "organisation", "language", "notice_email"]
        widgets = {"notice_email": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notice_email"].required = False  # a form that leaves it out keeps e-mail on

    def clean_notice_email(self) -> str:
        return self.cleaned_data.get("notice_email") or NoticeEmail.EACH


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100, help_text=_("What the token is for."))


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    display_name = forms.CharField(label=_("Full name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in FUND_ROLES])
