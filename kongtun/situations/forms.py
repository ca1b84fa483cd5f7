from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kongtun.core.forms import ThaiDateField
from kongtun.programme.models import Indicator
from kongtun.situations.models import SituationValue
from kongtun.situations.services import situation_value_validate


class SituationValueForm(forms.Form):
    """One indicator on the entry sheet; an empty value means "not surveyed"."""

    value = forms.DecimalField(
        label=_("Value"),
        required=False,
        max_digits=14,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    source = forms.CharField(label=_("Source"), required=False, max_length=200)
    survey_date = ThaiDateField(label=_("Survey date"), required=False)

    def __init__(
        self, *args: Any, indicator: Indicator, current: SituationValue | None, **kwargs: Any
    ) -> None:
        self.indicator = indicator
        if current is not None:
            kwargs.setdefault(
                "initial",
                {"value": current.value, "source": current.source, "survey_date": current.survey_date},
            )
        kwargs["prefix"] = indicator.code
        super().__init__(*args, **kwargs)
        self.fields["value"].label = f"{indicator.name} ({indicator.unit})"

    def clean_value(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("value")
        if value is not None:
            try:
                situation_value_validate(indicator=self.indicator, value=value)
            except ValidationError as exc:
                raise forms.ValidationError(exc.messages) from None
        return value


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Filled-in template (.xlsx or .csv)"))
