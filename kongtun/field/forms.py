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


# What each choice does, said as the officer's act (the record then shows `Resolution`'s label).
CHOICES = [
    (Resolution.DEVICE, _("Use the phone's values (they replace the values on the server)")),
    (Resolution.SERVER, _("Keep the values on the server (the phone's values are not used)")),
]


class ResolveForm(forms.Form):
    keep = forms.ChoiceField(label=_("Which values to keep"), choices=CHOICES, widget=forms.RadioSelect)
