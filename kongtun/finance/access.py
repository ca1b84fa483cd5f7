"""Access helper of the books' documents (`<thing>_for(user, key, action)`, see `funds/access.py`):
fetch a receipt, payment voucher or refund, or refuse as for its fund's books (404 for someone of
another fund, 403 for someone who reads the books but may not do `action`)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, AnyUser, authorize
from kongtun.finance.models import Document, PaymentVoucher, Receipt, Refund

# The documents by the name their pages use in the address.
DOCUMENT_KINDS: dict[str, type[Document]] = {
    "receipts": Receipt,
    "vouchers": PaymentVoucher,
    "refunds": Refund,
}
# What each kind's page reads with it.
_RELATED: dict[str, tuple[str, ...]] = {
    "receipts": (),
    "vouchers": ("project__support_type", "period"),
    "refunds": ("project__support_type",),
}


def document_model(kind: str) -> type[Document]:
    if kind not in DOCUMENT_KINDS:
        raise Http404
    return DOCUMENT_KINDS[kind]


def document_for(user: AnyUser, kind: str, pk: int, action: Action = Action.READ_BOOKS) -> Document:
    """One document of a fund's books: those who read the fund's books read it."""
    model = document_model(kind)
    related = ("fund", "money_account", "created_by", *_RELATED[kind])
    document: Document = get_object_or_404(model._default_manager.select_related(*related), pk=pk)
    authorize(user, action, document.fund)
    return document
