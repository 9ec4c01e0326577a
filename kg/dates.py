"""Dates: the build date, and the page ids that are (or are not) dates.

Page ids are the newsletter's page names: `20250323` and `20250511d` are dates (as are
other pipelines' `2025-03-23`, `2025/03/23`, `23 March 2025`, `March 23, 2025` and
`23/03/2025`), `4320.0` is not, nor is `03/04/2025` (3 April or 4 March?), and
`20290911` lies in the future. "Future" is judged against the build date: today, or
SOURCE_DATE_EPOCH for reproducible builds.

>>> parse_page_date("20250511d", _dt.date(2026, 1, 1))
(datetime.date(2025, 5, 11), None)
>>> parse_page_date("20290911", _dt.date(2026, 1, 1))[1]
'is after the build date 2026-01-01'
"""

from __future__ import annotations

import datetime as _dt
import os
import re

__all__ = ["EARLIEST_PAGE_DATE", "build_date", "parse_page_date", "reads_as_date", "page_id",
           "month_of", "is_iso_date", "dates_in_address"]

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
# (a weekday before it, an ordinal's ending after the day: "Sun, 23rd Mar 2025")
_DAY_MONTH_RE = re.compile(r"(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?"
                           r"\s+(\d{4})", re.IGNORECASE)
_MONTH_DAY_RE = re.compile(r"(?:[a-z]{3,9}\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
                           r"\s+(\d{4})", re.IGNORECASE)
# ... and 23/03/2025 or 03/23/2025: a date only when one of the first two numbers is no month
_NUMERIC_DAY_MONTH_RE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


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
    match = _NUMERIC_DAY_MONTH_RE.fullmatch(page)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if (first == second or second > 12) and first <= 12:
            return year, first, second
        if first > 12 and second <= 12:
            return year, second, first
    return None


def _day_or_month(page: str) -> bool:
    """Whether `page` is a numeric date whose day and month cannot be told apart."""
    match = _NUMERIC_DAY_MONTH_RE.fullmatch(page)
    return bool(match) and int(match[1]) != int(match[2]) and \
        max(int(match[1]), int(match[2])) <= 12


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
        return None, ("may be day/month or month/day" if _day_or_month(page.strip())
                      else "is not a YYYYMMDD date")
    try:
        date = _dt.date(*parts)
    except ValueError:
        return None, "is not a calendar date"
    if date > today:
        return None, f"is after the build date {today.isoformat()}"
    if date < EARLIEST_PAGE_DATE:
        return None, f"is before {EARLIEST_PAGE_DATE.isoformat()}"
    return date, None


def reads_as_date(text: str) -> bool:
    """Whether `text` is a date in one of the forms page ids take (the calendar aside).

    >>> reads_as_date("2025-03-23"), reads_as_date("23/03/2025"), reads_as_date("03/04/2025")
    (True, True, False)
    >>> reads_as_date("23/23/2025")
    False
    >>> reads_as_date("page"), reads_as_date("March 23, 2025")
    (False, True)
    """
    return _date_parts(text.strip()) is not None


def page_id(text: str) -> str:
    """The page id of a date as other pipelines write it: the date as the archive's page
    ids write theirs (20250323), so that one day is one page however it is written; a
    page id of the archive's (20250511d) or any other text as written.

    >>> page_id("2025-03-23"), page_id("2025-03-23T10:00:00+01:00"), page_id("23/03/2025")
    ('20250323', '20250323', '20250323')
    >>> page_id("March 23, 2025"), page_id("20250511d"), page_id("4320.0")
    ('20250323', '20250511d', '4320.0')
    """
    text = text.strip()
    parts = None if _PAGE_DATE_RE.fullmatch(text) else _date_parts(text)
    return text if parts is None else "%04d%02d%02d" % parts


# A date in an address: /p/20250323, /p/20250511d, /p/2025-03-23-slug, /2025/03/23/,
# ?date=2025_03_23 (a year of the archive's time: a news id, uk-12041029, is none)
_ADDRESS_DATE_RE = re.compile(r"(?<!\d)(199\d|20\d\d)([-_/]?)(\d{2})\2(\d{2})(?!\d)")


def dates_in_address(url: str, anywhere: bool = False) -> set[str]:
    """The dates (as page ids) the last part of an address holds (`anywhere`: its whole
    path and query, not its host).

    >>> sorted(dates_in_address("https://k.org/p/2025-03-23-notes/?a=1"))
    ['20250323']
    >>> dates_in_address("https://k.org/p/20250511d"), dates_in_address("https://b.uk/uk-12041029")
    ({'20250511'}, set())
    >>> dates_in_address("https://r.org/2024/01/01/x"), dates_in_address("https://r.org/2024/01/01/x", True)
    (set(), {'20240101'})
    """
    path = url.split("#")[0]
    path = path.split("//", 1)[-1].partition("/")[2]  # (no scheme, no host)
    if not anywhere:
        path = path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return {f"{m[1]}{m[3]}{m[4]}" for m in _ADDRESS_DATE_RE.finditer(path)
            if 1 <= int(m[3]) <= 12 and 1 <= int(m[4]) <= 31}


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
