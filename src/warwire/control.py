"""Territorial control over time: who held a place, from when, on whose claim.

A place's timeline is built from the store:

* **events** at the place (each real-world event once, with all its sources): territory
  events (ACLED *Government regains territory*, *Non-state actor overtakes territory*,
  *Non-violent transfer of territory*) give a capture by actor1 or, when their evidence speaks
  of withdrawing, a withdrawal by the losing side (actor2 and associates); any event whose
  evidence speaks of encircling gives an encirclement by actor1.  The claims stored on the
  event name who asserts it and who contests it ("a redeployment").
* **background statements** in the articles that name the place: "the town had been in rebel
  hands since 2014", "the rebel-held town of X".

Words and patterns live in ``data/control.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .knowledge import load_toml
from .merge import normalise
from .model import Event, Place

log = logging.getLogger(__name__)

RULES_FILE = Path(__file__).parent / "data" / "control.toml"

Kind = Literal["held", "captured", "encircled", "withdrawal"]
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}


class _RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sides: dict[str, str]
    since_patterns: list[str] = Field(default_factory=list)
    held_patterns: list[str] = Field(default_factory=list)
    encircle_words: list[str] = Field(default_factory=list)
    withdraw_words: list[str] = Field(default_factory=list)
    capture_types: list[str] = Field(default_factory=list)

    @field_validator("since_patterns", "held_patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                rx = re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad regex {p!r}: {exc}") from exc
            if "side" not in rx.groupindex:
                raise ValueError(f"pattern {p!r} has no (?P<side>...) group")
        return v


@dataclass(frozen=True)
class ControlRules:
    """The validated content of ``control.toml``."""

    sides: dict[str, str]
    since: tuple[re.Pattern[str], ...]
    held: tuple[re.Pattern[str], ...]
    encircle: tuple[str, ...]
    withdraw: tuple[str, ...]
    capture_types: frozenset[str]


@functools.lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> ControlRules:
    """Load and validate ``control.toml`` (or another file with the same schema)."""
    path = path or RULES_FILE
    data = load_toml(path, _RulesFile, "control rules")
    return ControlRules(
        sides={k.lower(): v for k, v in data.sides.items()},
        since=tuple(re.compile(p, re.IGNORECASE) for p in data.since_patterns),
        held=tuple(re.compile(p, re.IGNORECASE) for p in data.held_patterns),
        encircle=tuple(w.lower() for w in data.encircle_words),
        withdraw=tuple(w.lower() for w in data.withdraw_words),
        capture_types=frozenset(data.capture_types),
    )


# --------------------------------------------------------------------------- entries
@dataclass
class ControlEntry:
    """One fact of a place's control timeline."""

    kind: Kind
    date: dt.date | None
    date_text: str
    actors: list[str]
    place: str
    gazetteer_id: str
    sources: list[str] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    contested_by: list[tuple[str, str]] = field(default_factory=list)  # (claimant, statement)
    opponents: list[str] = field(default_factory=list)
    event_id: str | None = None
    article_ids: list[str] = field(default_factory=list)
    evidence: str = ""
    as_of: bool = False  # "rebel-held": true on the date, start unknown

    @property
    def contested(self) -> bool:
        return bool(self.contested_by)

    def describe(self) -> str:
        """A short phrase: "held by X", "encircled by X", "withdrawal by X", "captured by X"."""
        who = "; ".join(self.actors) or "?"
        verb = {"held": "held by", "captured": "captured by", "encircled": "encircled by",
                "withdrawal": "withdrawal by"}[self.kind]
        text = f"{verb} {who}"
        if self.opponents and self.kind in ("withdrawal", "captured"):
            text += f" (opposing: {'; '.join(self.opponents)})"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text, "as_of": self.as_of, "actors": self.actors,
            "opponents": self.opponents, "place": self.place, "gazetteer_id": self.gazetteer_id,
            "sources": self.sources, "claimants": self.claimants,
            "contested_by": [{"claimant": c, "statement": s} for c, s in self.contested_by],
            "event_id": self.event_id, "article_ids": self.article_ids, "evidence": self.evidence,
        }


def _has(text: str, words: Iterable[str]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<![a-z])" + re.escape(w), low) for w in words)


def _parse_since(text: str) -> tuple[dt.date | None, str]:
    m = re.search(r"(?:(?P<month>[a-z]+)\s+)?(?P<year>\d{4})", text.lower())
    if not m:
        return None, text
    month = _MONTHS.get(m.group("month") or "", 0)
    year = int(m.group("year"))
    if month:
        return dt.date(year, month, 1), f"{m.group('month').capitalize()} {year}"
    return dt.date(year, 1, 1), str(year)


def _side_actor(word: str, country: str | None, on: dt.date | None, rules: ControlRules) -> str | None:
    word = re.sub(r"\s+", " ", word.lower().strip())
    role = rules.sides.get(word) or rules.sides.get(word.split(" ")[-1])
    if role is None:
        return None
    if role.startswith("="):
        return role[1:]
    from . import actors

    try:
        return actors.generic_actor(role, country, on)
    except ValueError:
        return None


_SENT = re.compile(r"[^.!?\n]+[.!?]?")
_HELD_GAP = re.compile(r"(?:(?:the\s+)?[a-z]+\s+of\s+)?", re.IGNORECASE)  # "town of", "city of"


def _held_entry(
    place: Place, actor: str, date: dt.date | None, date_text: str, sentence: str,
    source: str | None, article_id: str | None, *, as_of: bool = False,
) -> ControlEntry:
    """A "held" timeline entry stated in one sentence of an article."""
    return ControlEntry(
        kind="held", date=date, date_text=date_text, actors=[actor], place=place.name,
        gazetteer_id=place.gazetteer_id, sources=[source] if source else [],
        claimants=[source] if source else [], article_ids=[article_id] if article_id else [],
        evidence=sentence.strip(), as_of=as_of,
    )


def background_statements(
    text: str, places: Sequence[Place], published: dt.date | None, *, source: str | None = None,
    article_id: str | None = None, rules: ControlRules | None = None,
) -> list[ControlEntry]:
    """Control facts stated in an article's text ("had been in rebel hands since 2014").

    ``places`` are the article's resolved toponyms (character offsets into ``text``).
    """
    rules = rules or load_rules()
    ordered = sorted(places, key=lambda p: p.start)
    out: list[ControlEntry] = []
    for sm in _SENT.finditer(text):
        s0, s1 = sm.start(), sm.end()
        sentence = sm.group()
        for rx in rules.since:
            for m in rx.finditer(sentence):
                in_sent = [p for p in ordered if s0 <= p.start < s1]
                place = in_sent[0] if in_sent else next(
                    (p for p in reversed(ordered) if p.end <= s0 and p.feature_type == "locality"), None)
                if place is None:
                    continue
                since, since_text = _parse_since(m.group("since")) if "since" in m.groupdict() else (None, "")
                actor = _side_actor(m.group("side"), place.country, published, rules)
                if actor is None:
                    continue
                out.append(_held_entry(
                    place, actor, since, f"since {since_text}" if since_text else "", sentence, source, article_id,
                ))
        for rx in rules.held:
            for m in rx.finditer(sentence):
                pos = s0 + m.end()
                place = next((p for p in ordered if pos <= p.start <= pos + 25
                              and _HELD_GAP.fullmatch(text[pos:p.start])), None)
                if place is None:
                    continue
                actor = _side_actor(m.group("side"), place.country, published, rules)
                if actor is None:
                    continue
                out.append(_held_entry(
                    place, actor, published, f"as of {published}" if published else "", sentence, source,
                    article_id, as_of=True,
                ))
    return out


def event_entries(ev: Event, claims: Sequence[Any] = (), rules: ControlRules | None = None) -> list[ControlEntry]:
    """Control facts an event gives: encirclement, capture or withdrawal at its location.

    ``claims`` (:class:`warwire.model.Claim`) on the event name who asserts and who contests it.
    """
    rules = rules or load_rules()
    loc = ev.location
    if loc is None:
        return []
    evidence = " ".join(s.text for s in ev.evidence)
    side1 = [x for x in [ev.actor1, *ev.assoc_actor_1] if x]
    side2 = [x for x in [ev.actor2, *ev.assoc_actor_2] if x]

    def asserting(words: Sequence[str]) -> list[str]:
        """Claimants whose claim on the event says this (else the outlets)."""
        return list(dict.fromkeys(c.claimant for c in claims if c.claimant and c.stance in ("asserts", "accuses")
                                  and (not words or _has(c.proposition, words))))

    contesting = [(c.claimant or "?", c.proposition) for c in claims if c.stance in ("contests", "denies")]
    base = dict(date=ev.date, date_text=ev.date.isoformat() if ev.date else "?", place=loc.name,
                gazetteer_id=loc.gazetteer_id, sources=[s for s in ev.sources if s],
                event_id=ev.id, article_ids=list(ev.article_ids), evidence=evidence)
    out: list[ControlEntry] = []
    if _has(evidence, rules.encircle) and side1:
        out.append(ControlEntry(kind="encircled", actors=side1[:1], claimants=asserting(rules.encircle),
                                opponents=side2, **base))
    if ev.sub_event_type in rules.capture_types:
        if _has(evidence, rules.withdraw) and side2:
            out.append(ControlEntry(kind="withdrawal", actors=side2, opponents=side1,
                                    claimants=asserting(rules.withdraw), contested_by=contesting, **base))
        elif side1:
            out.append(ControlEntry(kind="captured", actors=side1, opponents=side2,
                                    claimants=asserting(()), contested_by=contesting, **base))
    return out


def _sort_key(e: ControlEntry) -> tuple:
    order = {"held": 0, "encircled": 1, "captured": 2, "withdrawal": 3}
    return (e.date or dt.date.min, e.as_of, order[e.kind])


def merge_entries(entries: Iterable[ControlEntry]) -> list[ControlEntry]:
    """Chronological timeline; the same fact from several articles becomes one entry."""
    out: list[ControlEntry] = []
    for e in sorted(entries, key=_sort_key):
        same = next((o for o in out if o.kind == e.kind and o.actors == e.actors
                     and (o.date == e.date or (e.kind == "encircled" and o.kind == "encircled"))
                     and o.as_of == e.as_of), None)
        if same is None:
            out.append(e)
            continue
        for attr in ("sources", "claimants", "article_ids"):
            for x in getattr(e, attr):
                if x not in getattr(same, attr):
                    getattr(same, attr).append(x)
        for x in e.contested_by:
            if x not in same.contested_by:
                same.contested_by.append(x)
    return out


@dataclass
class Status:
    """Who held a place on a date, and what was under way."""

    on: dt.date
    holder: ControlEntry | None
    latest: ControlEntry | None

    def describe(self) -> str:
        parts = []
        if self.holder is not None:
            since = self.holder.date_text or (self.holder.date.isoformat() if self.holder.date else "?")
            parts.append(f"{self.holder.describe()} ({since})")
        else:
            parts.append("holder unknown")
        if self.latest is not None and self.latest is not self.holder:
            parts.append(f"{self.latest.describe()} on {self.latest.date_text}"
                         + (" (contested)" if self.latest.contested else ""))
        return "; ".join(parts)


def status_on(timeline: Sequence[ControlEntry], on: dt.date) -> Status:
    """The control status on ``on``: the last holder (held/captured) and any later encirclement
    or withdrawal up to that date."""
    upto = [e for e in timeline if e.date is None or e.date <= on]
    holder = None
    latest = None
    for e in upto:
        if e.kind in ("held", "captured"):
            if e.as_of and holder is not None and holder.actors == e.actors:
                continue  # "rebel-held" confirms the holder; keep the "since" date
            holder, latest = e, None
        else:
            latest = e
    return Status(on, holder, latest)


# --------------------------------------------------------------------------- store
def find_place(store: Any, query: str) -> list[Place]:
    """Stored place mentions matching ``query`` by name or spelling (folded); best id first."""
    from rapidfuzz import fuzz

    q = " ".join(normalise(query))
    scored: dict[str, list[tuple[float, Place]]] = {}
    for row in store._conn.execute("SELECT payload FROM places"):
        p = Place.model_validate_json(row["payload"])
        best = max(fuzz.ratio(q, " ".join(normalise(p.name))), fuzz.ratio(q, " ".join(normalise(p.text))))
        if best >= 85:
            scored.setdefault(p.gazetteer_id, []).append((best, p))
    if not scored:
        return []
    gid = max(scored, key=lambda g: (max(s for s, _ in scored[g]), scored[g][0][1].feature_type == "locality",
                                     len(scored[g])))
    return [p for _, p in scored[gid]]


def timeline(store: Any, query: str) -> tuple[Place | None, list[ControlEntry]]:
    """The place matching ``query`` and its control timeline from everything in ``store``."""
    rules = load_rules()
    mentions = find_place(store, query)
    if not mentions:
        return None, []
    place = mentions[0]
    gid = place.gazetteer_id
    entries: list[ControlEntry] = []
    for ev in store.iter_events():
        if ev.location is None or ev.location.gazetteer_id != gid:
            continue
        claims = [c for _, c in store.event_claims(ev.id)] if hasattr(store, "event_claims") else []
        entries += event_entries(ev, claims, rules)
    article_ids = [r["article_id"] for r in store._conn.execute(
        "SELECT DISTINCT article_id FROM places WHERE gazetteer_id = ?", (gid,))]
    for aid in article_ids:
        ext = store.get_extraction(aid)
        if ext is None:
            continue
        a = ext.article
        entries += [e for e in background_statements(
            a.text, ext.places, a.published, source=a.original_source or a.source, article_id=aid,
            rules=rules) if e.gazetteer_id == gid]
    return place, merge_entries(entries)


def render(place: Place | None, entries: Sequence[ControlEntry], on: dt.date | None = None) -> str:
    """The timeline as text (and the status on ``on`` when given)."""
    if place is None:
        return "no such place in the store"
    lines = [f"{place.name} ({place.feature_type}, {place.admin1 or '-'}, {place.country or '-'}) "
             f"{place.lat:.3f},{place.lon:.3f} [{place.gazetteer_id}]"]
    shown = [e for e in entries if on is None or e.date is None or e.date <= on]
    for e in shown:
        when = e.date_text or "?"
        per = "; ".join(e.claimants or e.sources) or "?"
        line = f"  {when:<16} {e.describe()}  per {per}"
        if e.sources and set(e.sources) - set(e.claimants):
            line += f" [sources: {'; '.join(e.sources)}]"
        if e.event_id:
            line += f" [{e.event_id}]"
        lines.append(line)
        for who, what in e.contested_by:
            lines.append(f"  {'':<16}   contested by {who}: {what}")
    if not shown:
        lines.append("  (no control facts)")
    if on is not None:
        lines.append(f"On {on}: {status_on(entries, on).describe()}")
    return "\n".join(lines)


__all__ = [
    "ControlEntry",
    "ControlRules",
    "Status",
    "background_statements",
    "event_entries",
    "find_place",
    "load_rules",
    "merge_entries",
    "render",
    "status_on",
    "timeline",
]
