from __future__ import annotations

import pytest

from kongtun.core.privacy import redact


@pytest.mark.parametrize(
    "text",
    [
        "ติดต่อคุณสมศรี 081-234-5678",
        "โทร 02 123 4567 ในเวลาราชการ",
        "+66 81 234 5678",
        "โทร ๐๘๑๒๓๔๕๖๗๘",
        "อีเมล somsri.j@example.co.th",
        "เลขประจำตัว 1-2345-67890-12-3",
        "บัตร 1234567890123",
    ],
)
def test_it_masks_phone_numbers_emails_and_id_numbers(text: str) -> None:
    masked = redact(text)
    assert "(ปกปิด)" in masked
    assert not any(ch.isdigit() for ch in masked) and "@" not in masked


@pytest.mark.parametrize(
    "text",
    [
        "งบประมาณ 1,040,000.00 บาท",
        "ปีงบประมาณ 2567 ผู้เข้าร่วม 120 คน",
        "กองทุน L35689",
        "รหัส 67-L3568-01-02",
        "0.50",
    ],
)
def test_it_leaves_money_years_counts_and_codes_alone(text: str) -> None:
    assert redact(text) == text
