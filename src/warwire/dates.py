"""Find date expressions and resolve them against the publication date.

Explicit dates ("20 August 2019", "Aug. 20", "2019-08-20"), weekdays ("on Monday", "early on
Tuesday", "last Friday"), deictic words ("yesterday", "today", "last week"), days counted from
the day told before ("the next day", "two days later") and month parts ("late April") become
:class:`DateMention` objects with an ACLED ``time_precision``: 1 the day, 2 the week (coded at
its middle), 3 the month (middle, or first/last day for "early"/"late").  Year-only and vague
expressions ("since 2014", "in recent days") are kept with precision 4 or 5 so callers can tell
background from events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

#: precision codes beyond ACLED's 1-3
YEAR_ONLY = 4
VAGUE = 5


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its span, the resolved day and its precision (1 day .. 5 vague)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int
    relative: bool = False
    #: a span of consecutive days ("15-16 January", "September 6th and 7th", "from Monday to
    #: Wednesday"): its first day and how many days it covers (``date`` is its middle)
    first: dt.date | None = None
    days: int = 1

    def span(self) -> list[dt.date]:
        """The days the expression covers: one, or each day of a span."""
        if self.first is None or self.days < 2:
            return [self.date] if self.date else []
        return [self.first + dt.timedelta(days=k) for k in range(self.days)]


_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# the other end of a range of days: "25-26 February", "11 to 13 Aug", "September 24th - 26th",
# and two days joined by "and" ("6th and 7th September", "August 10 and 11", not "August 10 and
# 11 people")
# ("between 1 and 3 June": a range, its days joined by "and" after "between")
_FIRST_DAY = (r"(?:(?P<first>[0-3]?\d)(?:(?:st|nd|rd|th)?\s*(?:[-–]|to)|(?:st|nd|rd|th)\s+and"
              r"|(?:(?<=\b[Bb]etween\s\d)|(?<=\b[Bb]etween\s\d\d))\s+and)\s*)?")
_LAST_DAY = (r"(?:(?:\s*(?:[-–]|to)\s*|\s+and\s+(?=[0-3]?\d(?:st|nd|rd|th)\b|[0-3]?\d\b(?!\s+(?!and\b|in\b|at\b|on\b)[a-z])))"
             r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?\b)?")
#: two days joined by "and" (consecutive ones are a span; others are two days, but for a range
#: after "between")
_JOINED = re.compile(r"\sand\s", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # "on 25/03", "(28/12)", "13/04/2017": day and month in either order, settled by the
    # publication date; without a year only after a word that introduces a date or at the
    # start of a line ("15/02, PM Wajir: ...")
    (
        "numeric",
        re.compile(
            # (?=\d): both forms start with a digit, which the search checks before the look-behinds
            r"(?=\d)(?:(?:(?<=\bon\s)|(?<=\bof\s)|(?<=\bthe\s)|(?<=\()|(?<=\[)|(?<=[-–])|(?<=\band\s)|(?<=\bfrom\s)"
            r"|(?<=\buntil\s)|(?<=\bto\s)|(?<=\bdated\s)|^|(?<=\n))(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)\b(?!/\d)(?!\s*of\b)"
            r"|\b(?P<a2>[0-3]?\d)/(?P<b2>[0-3]?\d)/(?P<y2>(?:19|20)?\d\d)\b)",
            re.I,
        ),
    ),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_FIRST_DAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b{_LAST_DAY}(?:,?\s+{_YEAR})?")),
    (
        "month_part",
        re.compile(
            rf"\b(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of|beginning\s+of)[\s-]+(?:in\s+)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?\b",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b(?:in\s+)?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    # (the preposition in either case: "In March, fighting near Herale killed eight")
    ("in_month", re.compile(rf"\b(?P<prep>(?i:in|during|since|on))\s+{_MONTH}\b(?!\s+\d)")),
    # "last June": the latest June before the month of publication; "this June": the year's
    ("rel_month", re.compile(rf"\b(?P<mod>(?i:last|past|this))\s+{_MONTH}\b(?!\s+\d)")),
    (
        "weekday",
        re.compile(
            rf"\b(?P<mod>last|this|next|previous|past)?\s*{_WEEKDAY}(?:\s+(?P<tod>morning|afternoon|evening|night))?"
            # "on Monday last week", "on the Friday of the previous week"
            r"(?:\s+(?:of\s+)?(?P<week>last|the\s+previous|the\s+past|previous)\s+week)?"
            # a night that ends the next day is the day it began: "overnight Monday to Tuesday"
            # two days joined: "on Saturday and Sunday" (see _span)
            r"(?:\s+(?:to|into|and)\s+(?P<weekday2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)?\b",
            re.I,
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning|"
            r"this\s+afternoon|this\s+evening|last\s+night|earlier\s+today|"
            # (not the night a date names: "overnight on 20 August", "overnight Monday to Tuesday")
            r"overnight(?!\s+(?:on\s+|of\s+|from\s+|into\s+|between\s+)?(?:the\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan"
            r"|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))|"
            r"last\s+week(?:end)?|this\s+past\s+weekend|(?:at|over)\s+the\s+weekend|"
            r"this\s+week(?:end)?|past\s+week(?:end)?|last\s+month|this\s+month|"
            r"(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+(?P<unit>days?|weeks?)\s+(?:ago|earlier))\b",
            re.I,
        ),
    ),
    # a day counted from the date told before it: "The next day, drones struck ...", "two days
    # later", "the same day" (resolved in find_dates)
    (
        "anchored",
        re.compile(
            r"\b(?:the\s+(?P<next>next|following)\s+day|the\s+(?P<prev>previous|preceding)\s+day"
            r"|the\s+day\s+(?P<dir>after|before)\b(?!\s+yesterday)"
            r"|(?P<n>\d+|a|one|two|three|four|five|six|seven)\s+days?\s+(?P<later>later|afterwards)"
            r"|(?:the\s+same|later\s+that|that\s+same)\s+day)\b",
            re.I,
        ),
    ),
    ("year", re.compile(rf"\b(?P<prep>(?i:in|since|from|during|until|by))\s+{_YEAR}\b")),
    (
        "vague",
        re.compile(
            r"\b(?:in\s+)?(?:recent|past|coming|previous)\s+(?:days|weeks|months|years)\b|"
            r"\bfor\s+(?:days|weeks|months|years)\b|"
            r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some|few)\s+"
            r"(?:months|years|decades|month|year|decade)\s+(?:ago|earlier|before|after|since)\b|"
            r"\b(?:last|past|previous)\s+(?:year|decade)\b|\ba\s+(?:year|decade)\s+ago\b|"
            r"\brecently\b",
            re.I,
        ),
    ),
]

_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: dt.date | None) -> int | None:
    """Year of a day-and-month with no year: the latest one not far after ``ref``."""
    if ref is None:
        return None
    year = ref.year
    candidate = _safe_date(year, month, day)
    if candidate and (candidate - ref).days > 31:
        year -= 1
    return year


def _numeric(g: dict[str, str | None], ref: dt.date | None) -> tuple[dt.date | None, int, bool]:
    """"25/03", "03/25/2019": day/month (else month/day) giving the date nearest before ``ref``."""
    a, b = int(g["a"] or g["a2"]), int(g["b"] or g["b2"])
    y = g.get("y2")
    year = (int(y) + (2000 if int(y) < 70 else 1900) if len(y) == 2 else int(y)) if y else None
    options = []
    for day, month in ((a, b), (b, a)):
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        yr = year if year is not None else _infer_year(month, day, ref)
        date = _safe_date(yr, month, day) if yr else None
        if date is not None:
            options.append(date)
    if not options:
        return None, 1, year is None
    if ref is not None:
        # the reading on or just before publication (day/month first on a tie)
        options.sort(key=lambda d: (d > ref + dt.timedelta(days=1), abs((ref - d).days)))
    return options[0], 1, year is None


def _days_of(m: re.Match[str]) -> tuple[int, int] | None:
    """The first and last day of a range of days in one month ("11 to 13 Aug"), or None: no
    range, a reversed or over-long one, or two days joined by "and" that are not consecutive
    ("the 6th and 8th": two days, not the three between)."""
    g = m.groupdict()
    day, first, last = int(g["day"]), g.get("first"), g.get("last")
    lo, hi = (int(first), day) if first else (day, int(last)) if last else (day, day)
    if lo == hi or not lo < hi <= 31 or hi - lo > 10:
        return None
    if _JOINED.search(m.group(0)) and hi != lo + 1 and not _BETWEEN.search(m.string, 0, m.start()):
        return None
    return lo, hi


def _day_range(year: int, month: int, m: re.Match[str]) -> tuple[dt.date | None, int]:
    """A day, or the middle of a range of days in one month ("11 to 13 Aug" -> the 12th, as ACLED
    codes a span): precision 1 for a day or two, 2 for a longer span."""
    days = _days_of(m)
    if days is None:
        return _safe_date(year, month, int(m.group("day"))), 1
    lo, hi = days
    return _safe_date(year, month, (lo + hi) // 2), 1 if hi - lo <= 1 else 2


def _mid_month(year: int, month: int, part: str | None) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    if part and part.startswith(("early", "the beginning", "the start", "beginning")):
        return dt.date(year, month, 1)
    if part and part.startswith(("late", "the end", "end")):
        return dt.date(year, month, last)
    return dt.date(year, month, 15)


def _weekdays_apart(m: re.Match[str]) -> int:
    """Days from a match's weekday to the second one it names ("Monday to Wednesday": 2), or 0."""
    second = m.group("weekday2")
    return (WEEKDAYS[second.lower()] - WEEKDAYS[m.group("weekday").lower()]) % 7 if second else 0


def _weekday(weekday: int, mod: str | None, ref: dt.date) -> dt.date:
    """Resolve a weekday name against ``ref`` (news: the most recent such day)."""
    mod = (mod or "").lower()
    delta = (ref.weekday() - weekday) % 7
    if mod == "next":
        ahead = (weekday - ref.weekday()) % 7 or 7
        return ref + dt.timedelta(days=ahead)
    if mod in ("last", "previous", "past") and delta == 0:
        delta = 7
    return ref - dt.timedelta(days=delta)


def _resolve(kind: str, m: re.Match[str], ref: dt.date | None) -> tuple[dt.date | None, int, bool]:
    g = m.groupdict()
    if kind == "iso":
        return _safe_date(int(g["year"]), int(g["m"]), int(g["d"])), 1, False
    if kind == "numeric":
        return _numeric(g, ref)
    if kind in ("dmy", "mdy"):
        month, day = _month(g["month"]), int(g["day"])
        year = int(g["year"]) if g.get("year") else _infer_year(month, day, ref)
        if year is None:
            return None, 1, False
        return (*_day_range(year, month, m), not g.get("year"))
    if kind == "month_part":
        month = _month(g["month"])
        year = int(g["year"]) if g.get("year") else _infer_year(month, 1, ref)
        if year is None:
            return None, 3, False
        return _mid_month(year, month, g["part"].lower()), 3, not g.get("year")
    if kind == "month_year":
        return _mid_month(int(g["year"]), _month(g["month"]), None), 3, False
    if kind == "in_month":
        month = _month(g["month"])
        year = _infer_year(month, 1, ref)
        if year is None:
            return None, 3, False
        return _mid_month(year, month, None), 3, True
    if kind == "rel_month":
        month = _month(g["month"])
        if ref is None:
            return None, 3, False
        year = ref.year if g["mod"].lower() == "this" or month < ref.month else ref.year - 1
        return _mid_month(year, month, None), 3, True
    if kind == "year":
        return dt.date(int(g["year"]), 7, 1), YEAR_ONLY, False
    if kind in ("vague", "anchored"):
        return None, VAGUE, True  # (an anchored day gets its date from the one told before it)
    if ref is None:
        return None, 1, True
    if kind == "weekday":
        weekday = WEEKDAYS[g["weekday"].lower()]
        if g.get("week"):  # that day of the week before the publication's (weeks start on Monday)
            return ref - dt.timedelta(days=ref.weekday() + 7 - weekday), 1, True
        day = _weekday(weekday, g.get("mod"), ref)
        span = _weekdays_apart(m)
        if span > 1 and not _JOINED.search(m.group(0)):  # "from Monday to Friday": the middle of the span, as for a range of dates
            return day + dt.timedelta(days=span // 2), 2, True
        return day, 1, True
    # deictic
    word = re.sub(r"\s+", " ", g["word"].lower())
    if g.get("unit"):
        n = int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS[g["n"].lower()]
        days = n * (7 if g["unit"].startswith("week") else 1)
        return ref - dt.timedelta(days=days), (2 if g["unit"].startswith("week") else 1), True
    if word == "the day before yesterday":
        return ref - dt.timedelta(days=2), 1, True
    if word in ("yesterday", "last night", "overnight"):
        return ref - dt.timedelta(days=1), 1, True
    if word in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
        return ref, 1, True
    if word in ("last week", "past week"):
        monday = ref - dt.timedelta(days=ref.weekday() + 7)
        return monday + dt.timedelta(days=3), 2, True
    if word in ("last weekend", "past weekend"):
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7 or 7)
        return saturday, 2, True
    if word in ("at the weekend", "over the weekend", "this past weekend"):
        # the weekend just gone, or the one under way
        return ref - dt.timedelta(days=(ref.weekday() - 5) % 7), 2, True
    if word in ("this week",):
        return ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=3), 2, True
    if word in ("this weekend",):
        return ref + dt.timedelta(days=(5 - ref.weekday()) % 7), 2, True
    if word == "last month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=15), 3, True
    if word == "this month":
        return ref.replace(day=15), 3, True
    return None, VAGUE, True


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Return the date expressions of ``text`` resolved against ``published``, by position."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    anchored: dict[int, int] = {}  # start of an anchored day -> its offset in days
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            while start < end and text[start].isspace():
                start += 1
            if any(start < e and s < end for s, e in taken):
                continue
            if kind == "weekday" and m.group("weekday")[0].islower():
                continue
            if kind == "anchored" and not _OPENS_A_CLAUSE.search(text, 0, start):
                continue  # "shot by police the previous day": when what the event follows happened
            date, precision, relative = _resolve(kind, m, published)
            if kind == "anchored":
                anchored[start] = _offset(m)
            first, days = _span(kind, m, date)
            found.append(DateMention(start, end, text[start:end], date, precision, relative, first, days))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    out: list[DateMention] = []
    for d in found:
        if d.start in anchored:
            # the nearest day told before it, itself perhaps anchored ("the next day ... two
            # days later"); with none, no date at all
            anchor = next((a for a in reversed(out) if a.date is not None and a.precision == 1), None)
            if anchor is None:
                continue
            d = DateMention(d.start, d.end, d.text, anchor.date + dt.timedelta(days=anchored[d.start]), 1,
                            anchor.relative)
        out.append(d)
    return out


# days that say when, not how long: a night ("on the night of 23 to 24 November"), a time
# somewhere in them ("between 9-13 Aug", "on the weekend (25-26 February)")
_WHEN_NOT_HOW_LONG = re.compile(r"\b(?:night\s+of|between|sometime|weekend\s*\(?|overnight(?:\s+from)?)\s*(?:the\s+)?$", re.I)


def _span(kind: str, m: re.Match[str], date: dt.date | None) -> tuple[dt.date | None, int]:
    """The first day and number of days of a span a date expression names ("15-16 January":
    the 15th, 2; "from Monday to Wednesday": 3), or (None, 1) for one day."""
    if date is None:
        return None, 1
    if kind in ("dmy", "mdy") and (days := _days_of(m)) and not _WHEN_NOT_HOW_LONG.search(m.string, 0, m.start()):
        lo, hi = days
        return date.replace(day=lo), hi - lo + 1
    if kind == "weekday" and m.group("weekday2"):
        span = _weekdays_apart(m)
        if _JOINED.search(m.group(0)):
            # "on Saturday and Sunday": two days (not "on Monday and Wednesday", two days apart,
            # nor "the night between Monday and Tuesday")
            return (date, 2) if span == 1 and not _WHEN_NOT_HOW_LONG.search(m.string, 0, m.start()) else (None, 1)
        if span > 1:  # (not a night that ends the next day: "overnight Monday to Tuesday")
            return date - dt.timedelta(days=span // 2), span + 1
    return None, 1


_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)"
_DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14}
# what lasts days but is no event of violence or protest: "a three-day curfew", "two days of talks"
_NO_EVENT = (r"(?!(?:old|ultimatum|deadline|curfew|ceasefire|cease-fire|truce|lull|pause|mourning|talks|"
             r"negotiations|meeting|summit|conference|visit|tour|holiday|festival|lockdown|ban|trip|journey|"
             r"workshop|training|course|retreat|window|grace|extension|hearing|trial)\b)")
# how long something went on, in days: "two days of clashes", "a three-day siege", "over the
# course of ten days", "the fighting lasted three days" (not "two days later", "two days after",
# "for two days", which say when or how long something else was, nor "over the past six days",
# a window in which several things happened on days not told)
_LASTED = re.compile(
    rf"\b{_COUNT}[\s-]days?\s+of\s+(?:(?:heavy|fierce|intense|national|official)\s+)?+{_NO_EVENT}"
    rf"|\b{_COUNT}-day\s+(?:(?:heavy|fierce|intense|national|official)\s+)?+{_NO_EVENT}[a-z]"
    rf"|\b(?:over|during|in)\s+(?:the\s+(?:course|span)\s+of\s+)?{_COUNT}\s+days\b"
    rf"|\blast(?:ed|ing)\s+(?:for\s+)?{_COUNT}\s+days\b",
    re.I)


# days that are not how long what the sentence tells went on: one of them ("Third of three days
# of riots"), what it set off ("This killing sparked two days of violence")
_NOT_ITS_OWN = re.compile(r"\b(?:(?:first|second|third|fourth|fifth|sixth|last|final)\s+(?:day\s+)?of"
                          r"|spark\w*|trigger\w*|prompt\w*|led\s+to|lead\s+to|caus\w+)\s+(?:the\s+)?$", re.I)


# an analyst's note that codes the days as one event: "(coded on last day of violence)"
_CODED_ON_ONE_DAY = re.compile(r"\bcoded\s+(?:on|for|as)\s+(?:the\s+)?(?:last|first|final|one|a\s+single)\s+(?:day|event)\b", re.I)


def days_lasted(text: str) -> int | None:
    """How many days ``text`` says something went on, from 2 to 14 ("two days of ethnic
    clashes": 2), or None."""
    if _CODED_ON_ONE_DAY.search(text):
        return None
    for m in _LASTED.finditer(text):
        if _NOT_ITS_OWN.search(text, max(0, m.start() - 40), m.start()):
            continue
        n = re.search(_COUNT, m.group(0), re.I).group(0)
        days = int(n) if n.isdigit() else _DAY_COUNTS[n.lower()]
        if 2 <= days <= 14:
            return days
    return None


#: what comes before a day counted from another that opens its sentence or clause ("The next
#: day, ...", "..., and two days later ...")
_OPENS_A_CLAUSE = re.compile(r"(?:^|[.;:!?\n]|,\s*(?:and|then|but)|\band\s+then)\s*(?:(?:on|by|and|then)\s+)?$", re.I)


def _offset(m: re.Match[str]) -> int:
    """Days from the anchor of an ``anchored`` match: 1 for "the next day", -1 for "the day
    before", n for "n days later", 0 for "the same day"."""
    g = m.groupdict()
    if g.get("next") or g.get("dir") == "after":
        return 1
    if g.get("prev") or g.get("dir") == "before":
        return -1
    if g.get("later"):
        return int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS[g["n"].lower()]
    return 0


#: an analyst's note saying when its source was published ("source dated 16/05", "the source
#: is dated 28 October", "source date is 07/11"): the date is what follows
_SOURCE_DATED = re.compile(r"\bsource(?:'s)?\s+(?:is\s+|was\s+)?dated?\s+(?:is\s+|was\s+|on\s+|of\s+)?", re.I)


def source_date(text: str, published: dt.date | None = None) -> dt.date | None:
    """The day ``text`` says its source was published, not after ``published``, or None.

    ACLED-style notes write it when the event's own day is not known ("Date not clear - source
    dated 28/03", "On 3 December 2019, it was reported that 'last week' ..."): relative dates
    ("last week") are read from it, and an event told with no day of its own is coded to it."""
    for m in _SOURCE_DATED.finditer(text):
        if (d := _day_at(text, m.end(), published)) is not None:
            return d.date
    # "On 3 December 2019, it was reported that 'last week' a boy was killed"
    m = _ON_DAY.match(text)
    if m and (d := _day_at(text, m.end(), published)) is not None \
            and _REPORTED_THAT.match(text, m.end() + d.end, m.end() + d.end + 60):
        return d.date
    return None


def _day_at(text: str, at: int, published: dt.date | None) -> DateMention | None:
    """The exact day written right at ``at`` (offsets relative to ``at``), not after
    ``published``, or None."""
    for d in find_dates(text[at : at + 40], published):
        if d.start == 0 and d.date is not None and d.precision == 1 and (published is None or d.date <= published):
            return d
    return None


_ON_DAY = re.compile(r"\s*On\s+", re.I)
_REPORTED_THAT = re.compile(
    r",\s*(?:it\s+was\s+reported|(?:\w+\s+){0,2}(?:sources?|media|reports?)\s+(?:\w+\s+)?(?:reported|said|say))"
    r"\s+that\b", re.I)


def format_acled(date: dt.date) -> str:
    """'20 August 2019', as ACLED notes write dates."""
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"
