"""Django's own messages reworded in the words the funds use. Django's Thai translation of
"Enter a number." is "กรอกหมายเลข" (a number as in a phone number); the forms say
"กรุณากรอกตัวเลข". Listed here so that `makemessages` keeps them in core's catalogue, which Django
reads before its own."""

from __future__ import annotations

from django.utils.translation import gettext_noop

DJANGO_WORDS = (
    gettext_noop("Enter a number."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a valid date."),
)
