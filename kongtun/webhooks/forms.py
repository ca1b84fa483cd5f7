from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kongtun.webhooks.models import EventType


class SubscriptionForm(forms.Form):
    url = forms.URLField(
        label=_("Address that receives the messages (URL)"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Kongtun sends a signed JSON POST here after each chosen event."),
    )
    description = forms.CharField(label=_("What it is for"), max_length=200, required=False)
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EventType.choices, widget=forms.CheckboxSelectMultiple
    )
    is_active = forms.BooleanField(label=_("Send messages"), required=False, initial=True)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["is_active"]

    def service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
