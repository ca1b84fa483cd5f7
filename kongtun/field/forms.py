from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kongtun.field.models import Resolution


class JoinForm(forms.Form):
    """A volunteer's account: name, mobile number (their user name), password."""

    display_name = forms.CharField(label=_("Your full name"), max_length=150)
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=20,
        help_text=_("You log in with this number."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    password = forms.CharField(
        label=_("Password"),
        help_text=_("At least 8 characters."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class ResolveForm(forms.Form):
    keep = forms.ChoiceField(
        label=_("Which values to keep"), choices=Resolution.choices, widget=forms.RadioSelect
    )
