"""Personal data kept out of what the public reads (PDPA): phone numbers, e-mail addresses and
13-digit ID numbers written into free text are masked before a public page or file shows it.

Free text is what proposers and reporters type ("contact คุณสมศรี 081-234-5678"), so the fields
that only hold personal data (leaders, reporter, contact) are left out by the documents themselves;
this catches what slipped into the prose.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Thai ID number: 13 digits, often grouped 1-2345-67890-12-3 (Thai digits too: \d is Unicode).
_ID_NUMBER = re.compile(r"(?<![\d-])\d[- ]?\d{4}[- ]?\d{5}[- ]?\d{2}[- ]?\d(?![\d-])")
# A phone number: 0 or +66, then 8-9 more digits, grouped by dashes, dots or spaces (02-123-4567,
# 081 234 5678, +66 81 234 5678). Money (1,040,000.00), years and counts never start with 0.
_PHONE = re.compile(r"(?<![\d.,])(?:\+66[- .]?|[0๐])\d(?:[- .]?\d){7,8}(?![\d,])")


def hidden_mark() -> str:
    """What `redact` writes in place of what it hides."""
    return _("(hidden)")


def redact(text: str) -> str:
    """`text` with every phone number, e-mail address and ID number replaced by a mark."""
    if not text or not any(ch.isdigit() or ch == "@" for ch in text):
        return text
    mark = hidden_mark()
    for pattern in (_EMAIL, _ID_NUMBER, _PHONE):
        text = pattern.sub(mark, text)
    return text
