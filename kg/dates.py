"""Dates: the build date, and the page ids that are (or are not) dates.

Page ids are the newsletter's page names: `20250323` and `20250511d` are dates,
`4320.0` is not, and `20290911` lies in the future. "Future" is judged against
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

__all__ = ["EARLIEST_PAGE_DATE", "build_date", "parse_page_date", "month_of"]

# The earliest page date we believe; older ones are typos.
EARLIEST_PAGE_DATE = _dt.date(1990, 1, 1)

_PAGE_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})[a-z]?")


def build_date() -> _dt.date:
    """Today, or the reproducible-builds SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.date.today()


def parse_page_date(page: str, today: _dt.date) -> tuple[_dt.date | None, str | None]:
    """A page id's date, or None and the reason it is not one."""
    match = _PAGE_DATE_RE.fullmatch(page.strip())
    if not match:
        return None, "is not a YYYYMMDD date"
    try:
        date = _dt.date(*(int(part) for part in match.groups()))
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
