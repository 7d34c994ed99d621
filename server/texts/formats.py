"""Numbers, ranks and dates in the reader's language (what `Intl` does in the PWA)."""

from __future__ import annotations

from datetime import date, datetime

NARROW_NBSP = "\u202f"


def ordinal(rank: int, language: str) -> str:
    """1er, 2e … in French; 1st, 2nd … in English."""
    if language == "en":
        suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        return f"{rank}{suffix}"
    return "1er" if rank == 1 else f"{rank}e"


def number(value: float, language: str, decimals: int = 1) -> str:
    """« 1 234,5 » in French, "1,234.5" in English; whole numbers without decimals."""
    whole = float(value).is_integer()
    text = f"{value:,.0f}" if whole else f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    if language == "en":
        return text
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def day(value: date | datetime | str, language: str) -> str:
    """« 3 mars 2027 » / "March 3, 2027"."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if language == "en":
        return f"{EN_MONTHS[value.month - 1]} {value.day}, {value.year}"
    first = "1er" if value.day == 1 else str(value.day)
    return f"{first} {FR_MONTHS[value.month - 1]} {value.year}"


FR_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
