"""Dates: the build date, and the page ids that are (or are not) dates.

Page ids are the newsletter's page names: `20250323` and `20250511d` are dates
(as are other pipelines' `2025-03-23`, `2025/03/23`, `23 March 2025` and `March 23,
2025`), `4320.0` is not, and `20290911` lies in the future. "Future" is judged against
the build date: today, or SOURCE_DATE_EPOCH for reproducible builds.

>>> parse_page_date("20250511d", _dt.date(2026, 1, 1))
(datetime.date(2025, 5, 11), None)
>>> parse_page_date("20290911", _dt.date(2026, 1, 1))[1]
'is after the build date 2026-01-01'
"""

from __future__ import annotations

import datetime as _dt
import os
import re

__all__ = ["EARLIEST_PAGE_DATE", "build_date", "parse_page_date", "month_of", "is_iso_date"]

# The earliest page date we believe; older ones are typos.
EARLIEST_PAGE_DATE = _dt.date(1990, 1, 1)

_PAGE_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})[a-z]?")
# Other pipelines' page dates: 2024-03-05 (or a time after it), 2024/03/05.
_ISO_DATE_RE = re.compile(r"(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
# ... and 5 March 2024, March 5, 2024 (English month names, as the summaries are written).
_DAY_MONTH_RE = re.compile(r"(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)
_MONTH_DAY_RE = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)


def _date_parts(page: str) -> tuple[int, int, int] | None:
    """(year, month, day) as a page id writes them, in any of the forms read."""
    for pattern in (_PAGE_DATE_RE, _ISO_DATE_RE):
        match = pattern.fullmatch(page)
        if match:
            return int(match[1]), int(match[2]), int(match[3])
    for pattern, (day, month, year) in ((_DAY_MONTH_RE, (1, 2, 3)), (_MONTH_DAY_RE, (2, 1, 3))):
        match = pattern.fullmatch(page)
        if match and match.group(month).lower() in _MONTHS:
            return (int(match.group(year)), _MONTHS[match.group(month).lower()],
                    int(match.group(day)))
    return None


def build_date() -> _dt.date:
    """Today, or the reproducible-builds SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.date.today()


def parse_page_date(page: str, today: _dt.date) -> tuple[_dt.date | None, str | None]:
    """A page id's date, or None and the reason it is not one."""
    parts = _date_parts(page.strip())
    if parts is None:
        return None, "is not a YYYYMMDD date"
    try:
        date = _dt.date(*parts)
    except ValueError:
        return None, "is not a calendar date"
    if date > today:
        return None, f"is after the build date {today.isoformat()}"
    if date < EARLIEST_PAGE_DATE:
        return None, f"is before {EARLIEST_PAGE_DATE.isoformat()}"
    return date, None


def month_of(iso_date: str) -> str:
    """The month (YYYY-MM) of an ISO date.

    >>> month_of("2025-03-23")
    '2025-03'
    """
    return iso_date[:7]


_CALENDAR_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_iso_date(text: str) -> bool:
    """Whether a page date read from a graph is a calendar date, YYYY-MM-DD.

    >>> is_iso_date("2024-02-29"), is_iso_date("2024-13-45"), is_iso_date("0000-01-01")
    (True, False, False)
    """
    if not _CALENDAR_DATE_RE.fullmatch(text):
        return False
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
