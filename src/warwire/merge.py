"""Count each real-world event once: republished copies and cross-article event merges.

Two decisions, both explainable and both undoable in the store (``warwire unmerge``):

* **Republished copies** - the same article on another site (other boilerplate, title
  formatting, a trimmed paragraph).  Texts are compared by MinHash over word shingles of the
  normalised cleaned text (``datasketch``); the store keeps each article's signature and LSH
  band keys, so finding candidates is an index lookup, and a candidate is confirmed by the exact
  shingle Jaccard / containment (:func:`compare_texts`).  A copy adds no facts, only its
  outlet as another source of the events it repeats (:func:`events_in_copy`).
* **Event merges** - reports of one event by different outlets (other wording, figures,
  spellings).  :func:`compare_events` scores type, date, place and actors, each with a reason;
  a criterion can veto (different precise places, dates outside the window, unrelated types,
  disjoint actors).  :func:`merged_view` builds the event shown for a cluster: all sources,
  the lowest casualty figure (ACLED's rule), the perpetrators the sources name, ``contested``
  when they disagree.

Thresholds, weights and type families live in ``data/merge.toml``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .knowledge import load_toml
from .model import SUB_EVENT_TYPES, Event

log = logging.getLogger(__name__)

RULES_FILE = Path(__file__).parent / "data" / "merge.toml"


# --------------------------------------------------------------------------- rules
class _Copies(BaseModel):
    model_config = ConfigDict(extra="forbid")
    shingle: int = Field(ge=1, le=20)
    num_perm: int = Field(ge=16, le=1024)
    lsh_threshold: float = Field(gt=0, lt=1)
    min_jaccard: float = Field(gt=0, le=1)
    min_containment: float = Field(gt=0, le=1)
    min_length_ratio: float = Field(ge=0, le=1)
    min_shingles: int = Field(ge=1)


class _Family(BaseModel):
    model_config = ConfigDict(extra="forbid")
    score: float = Field(ge=0, le=1)
    types: list[str] = Field(min_length=2)

    @model_validator(mode="after")
    def _known(self) -> _Family:
        bad = [t for t in self.types if t not in SUB_EVENT_TYPES]
        if bad:
            raise ValueError(f"unknown sub-event type(s) {bad}")
        return self


class _Events(BaseModel):
    model_config = ConfigDict(extra="forbid")
    threshold: float = Field(gt=0, le=1)
    weights: dict[str, float]
    date_window: dict[int, int]
    same_place_km: float = Field(gt=0)
    region_km: dict[int, float]
    same_type_score: float = Field(ge=0, le=1)
    wildcard_actors: list[str] = Field(default_factory=list)
    families: list[_Family] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> _Events:
        if set(self.weights) != {"type", "date", "place", "actors"}:
            raise ValueError("weights must have exactly type, date, place, actors")
        if abs(sum(self.weights.values()) - 1) > 1e-6:
            raise ValueError("weights must sum to 1")
        if set(self.date_window) != {1, 2, 3}:
            raise ValueError("date_window needs precisions 1, 2 and 3")
        return self


class _RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    copies: _Copies
    events: _Events


@dataclass(frozen=True)
class MergeRules:
    """The validated content of ``merge.toml``."""

    copies: _Copies
    events: _Events

    def type_score(self, a: str, b: str) -> float:
        """Compatibility of two sub-event types (1 same, family score, 0 unrelated)."""
        if a == b:
            return 1.0
        best = 0.0
        for fam in self.events.families:
            if a in fam.types and b in fam.types:
                best = max(best, fam.score)
        if best == 0.0 and SUB_EVENT_TYPES.get(a) == SUB_EVENT_TYPES.get(b):
            best = self.events.same_type_score
        return best


@functools.lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> MergeRules:
    """Load and validate ``merge.toml`` (or another file with the same schema)."""
    path = path or RULES_FILE
    data = load_toml(path, _RulesFile, "merge rules")
    return MergeRules(copies=data.copies, events=data.events)


# --------------------------------------------------------------------------- copies
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def normalise(text: str) -> list[str]:
    """Lower-case ASCII-folded words of ``text`` (quotes, dashes and punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _WORD.findall(folded)


def shingles(text: str, k: int | None = None) -> set[str]:
    """The set of ``k``-word shingles of the normalised text."""
    k = k or load_rules().copies.shingle
    words = normalise(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str, rules: MergeRules | None = None):  # -> datasketch.MinHash
    """MinHash signature of the text's shingles (fixed seed: comparable across runs)."""
    from datasketch import MinHash

    rules = rules or load_rules()
    mh = MinHash(num_perm=rules.copies.num_perm, seed=1)
    sh = shingles(text, rules.copies.shingle)
    if sh:
        mh.update_batch([s.encode("utf-8") for s in sh])
    return mh


def signature_bytes(mh) -> bytes:
    """A MinHash's hash values as bytes (for the store)."""
    return mh.hashvalues.astype("<u8").tobytes()


def signature_from_bytes(data: bytes, rules: MergeRules | None = None):
    """The MinHash stored with :func:`signature_bytes`."""
    import numpy as np
    from datasketch import MinHash

    rules = rules or load_rules()
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), seed=1, hashvalues=values)


@functools.lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives + negatives at ``threshold`` (datasketch's optimiser)."""
    from datasketch.lsh import _optimal_param

    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def band_keys(mh, rules: MergeRules | None = None) -> list[tuple[int, bytes]]:
    """The LSH bucket key of each band of a signature: ``(band, 16-byte digest)``."""
    rules = rules or load_rules()
    b, r = lsh_params(rules.copies.lsh_threshold, len(mh.hashvalues))
    values = mh.hashvalues
    return [
        (i, hashlib.blake2b(values[i * r:(i + 1) * r].astype("<u8").tobytes(), digest_size=16).digest())
        for i in range(b)
    ]


@dataclass(frozen=True)
class CopyCheck:
    """How a new text compares with a stored one."""

    jaccard: float
    containment: float  # share of the new text's shingles found in the stored text
    length_ratio: float  # new shingles / stored shingles
    shingles: int
    is_copy: bool

    def explain(self) -> dict[str, Any]:
        return {"jaccard": round(self.jaccard, 4), "containment": round(self.containment, 4),
                "length_ratio": round(self.length_ratio, 4), "shingles": self.shingles}


def compare_texts(new_text: str, stored_text: str, rules: MergeRules | None = None) -> CopyCheck:
    """Exact shingle Jaccard and containment of ``new_text`` in ``stored_text``; is it a copy?

    A copy: Jaccard >= ``min_jaccard``, or the new text (at least ``min_length_ratio`` of the
    stored one) lies ``min_containment`` inside it (a trimmed republication).  A longer text
    that contains the stored one is *not* a copy: it adds reporting of its own.
    """
    rules = rules or load_rules()
    c = rules.copies
    a, b = shingles(new_text, c.shingle), shingles(stored_text, c.shingle)
    if not a or not b:
        return CopyCheck(0.0, 0.0, 0.0, len(a), False)
    inter = len(a & b)
    jac = inter / len(a | b)
    cont = inter / len(a)
    ratio = len(a) / len(b)
    ok = len(a) >= c.min_shingles and (
        jac >= c.min_jaccard or (cont >= c.min_containment and c.min_length_ratio <= ratio <= 1.0)
    )
    return CopyCheck(jac, cont, ratio, len(a), ok)


def events_in_copy(events: Sequence[Event], copy_text: str, min_share: float = 0.6) -> list[str]:
    """Ids of the events a copy repeats: most of their evidence's words appear in the copy.

    A copy with a trimmed paragraph does not source the event told only in that paragraph.
    """
    copy_sh = shingles(copy_text, 3)
    out = []
    for ev in events:
        ev_sh: set[str] = set()
        for span in ev.evidence:
            ev_sh |= shingles(span.text, 3)
        if not ev_sh or len(ev_sh & copy_sh) / len(ev_sh) >= min_share:
            out.append(ev.id)
    return out


# --------------------------------------------------------------------------- event merge
@dataclass(frozen=True)
class Criterion:
    """One criterion of a merge decision: a score in [0, 1], a reason, maybe a veto."""

    score: float
    reason: str
    veto: bool = False


@dataclass
class MergeDecision:
    """Whether two events are one, with the score and reason of each criterion."""

    merge: bool
    score: float
    criteria: dict[str, Criterion] = field(default_factory=dict)

    @property
    def veto(self) -> str | None:
        """The first vetoing criterion, as "name: reason"."""
        for name, c in self.criteria.items():
            if c.veto:
                return f"{name}: {c.reason}"
        return None

    def explain(self) -> dict[str, Any]:
        """JSON-ready record: decision, total score and each criterion's score and reason."""
        return {
            "merge": self.merge,
            "score": round(self.score, 3),
            "criteria": {
                k: {"score": round(c.score, 3), "reason": c.reason, **({"veto": True} if c.veto else {})}
                for k, c in self.criteria.items()
            },
        }

    def summary(self) -> str:
        """One line: "score 0.91: type 1.00 (...), date 1.00 (...), ..."."""
        parts = [f"{k} {c.score:.2f} ({c.reason}{', veto' if c.veto else ''})" for k, c in self.criteria.items()]
        return f"score {self.score:.2f}: " + ", ".join(parts)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _type_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    s = rules.type_score(a.sub_event_type, b.sub_event_type)
    if a.sub_event_type == b.sub_event_type:
        return Criterion(1.0, f"same sub-event type ({a.sub_event_type})")
    if s == 0:
        return Criterion(0.0, f"unrelated types ({a.sub_event_type} / {b.sub_event_type})", veto=True)
    return Criterion(s, f"compatible types ({a.sub_event_type} / {b.sub_event_type})")


def _date_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    if a.date is None or b.date is None:
        return Criterion(0.4, "a date is unknown")
    precision = max(a.time_precision, b.time_precision)
    window = rules.events.date_window[precision]
    diff = abs((a.date - b.date).days)
    if diff == 0:
        return Criterion(1.0, f"same date ({a.date})")
    if diff > window:
        return Criterion(0.0, f"{diff} days apart (window {window} at precision {precision})", veto=True)
    return Criterion(1.0 - diff / (window + 1), f"{diff} day(s) apart (window {window})")


def _place_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return Criterion(0.3, "a location is unknown")
    if la.country and lb.country and la.country.upper() != lb.country.upper():
        return Criterion(0.0, f"different countries ({la.country} / {lb.country})", veto=True)
    if la.gazetteer_id == lb.gazetteer_id:
        return Criterion(1.0, f"same place ({la.name})")
    km = haversine_km(la.lat, la.lon, lb.lat, lb.lon)
    pa, pb = la.geo_precision, lb.geo_precision
    same_name = _fold(la.name) == _fold(lb.name)
    areas = ("region", "county", "country", "macroregion", "district", "admin")
    if (pa == 1 and pb == 1) or not any(p.feature_type in areas for p in (la, lb)):
        if km <= rules.events.same_place_km or (same_name and km <= 3 * rules.events.same_place_km):
            return Criterion(0.9, f"{la.name} / {lb.name}, {km:.1f} km apart")
        return Criterion(0.0, f"different places ({la.name} / {lb.name}, {km:.1f} km apart)", veto=True)
    radius = rules.events.region_km.get(max(pa, pb), rules.events.region_km[max(rules.events.region_km)])
    if km <= radius or (la.admin1 and la.admin1 == lb.admin1 and max(pa, pb) == 3):
        return Criterion(0.5, f"{la.name} (precision {pa}) within the area of {lb.name} (precision {pb}), {km:.0f} km")
    return Criterion(0.0, f"{la.name} / {lb.name} {km:.0f} km apart", veto=True)


def _fold(s: str | None) -> str:
    return " ".join(normalise(s or ""))


def _actor_sets(ev: Event) -> tuple[set[str], set[str]]:
    side1 = {x for x in [ev.actor1, *ev.assoc_actor_1, *ev.actor1_candidates] if x}
    side2 = {x for x in [ev.actor2, *ev.assoc_actor_2] if x}
    return side1, side2


def _is_wildcard(name: str, rules: MergeRules) -> bool:
    return any(name.startswith(p) for p in rules.events.wildcard_actors)


def _actors_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    a1, a2 = (_named(x, rules) for x in _actor_sets(a))
    b1, b2 = (_named(x, rules) for x in _actor_sets(b))
    all_a, all_b = a1 | a2, b1 | b2
    if not all_a or not all_b:
        return Criterion(0.6, "actors unnamed on one side")

    def fits(x: set[str], y: set[str]) -> bool:  # an unnamed side fits anything
        return not x or not y or bool(x & y)

    straight = fits(a1, b1) and fits(a2, b2)
    swapped = fits(a1, b2) and fits(a2, b1)
    if not (straight or swapped) and a.sub_event_type == b.sub_event_type and a2 & b2 \
            and a.actor1 and b.actor1:
        straight = True  # sources blaming different perpetrators for one attack on the same target
    shared = all_a & all_b
    if not (straight or swapped) or not shared:
        return Criterion(0.0, f"actors differ ({_sides(a1, a2)} / {_sides(b1, b2)})", veto=True)
    assoc_a = (set(a.assoc_actor_1), set(a.assoc_actor_2))
    assoc_b = (set(b.assoc_actor_1), set(b.assoc_actor_2)) if straight else (set(b.assoc_actor_2), set(b.assoc_actor_1))
    for x, y in zip(assoc_a, assoc_b):
        if x and y and not x & y:
            return Criterion(0.0, f"associated actors differ ({'; '.join(sorted(x))} / {'; '.join(sorted(y))})",
                             veto=True)
    if a.sub_event_type != b.sub_event_type:
        pa = _named({x for x in (a.actor1, a.actor2, *a.actor1_candidates) if x}, rules)
        pb = _named({x for x in (b.actor1, b.actor2, *b.actor1_candidates) if x}, rules)
        if pa != pb:
            return Criterion(0.0, f"other type and other actors ({_sides(a1, a2)} / {_sides(b1, b2)})",
                             veto=True)
    score = 1.0 if all_a == all_b else 0.8
    reason = f"shared: {'; '.join(sorted(shared))}"
    if a.actor1 and b.actor1 and a.actor1 != b.actor1 and not (
        _is_wildcard(a.actor1, rules) or _is_wildcard(b.actor1, rules)
    ):
        reason += f"; perpetrator differs ({a.actor1} / {b.actor1})"
    return Criterion(min(1.0, score), reason)


def _named(names: set[str], rules: MergeRules) -> set[str]:
    return {x for x in names if not _is_wildcard(x, rules)}


def _sides(s1: set[str], s2: set[str]) -> str:
    return f"{'; '.join(sorted(s1)) or '?'} vs {'; '.join(sorted(s2)) or '?'}"


def compare_events(a: Event, b: Event, rules: MergeRules | None = None) -> MergeDecision:
    """Score whether ``a`` and ``b`` (from different articles) report one real-world event."""
    rules = rules or load_rules()
    crit = {
        "type": _type_criterion(a, b, rules),
        "date": _date_criterion(a, b, rules),
        "place": _place_criterion(a, b, rules),
        "actors": _actors_criterion(a, b, rules),
    }
    if a.date and b.date and a.date != b.date and not any(c.veto for c in crit.values()):
        # a vague date may be another day's event: only when everything else agrees exactly
        a1, a2 = (_named(x, rules) for x in _actor_sets(a))
        b1, b2 = (_named(x, rules) for x in _actor_sets(b))
        same = a.sub_event_type == b.sub_event_type and crit["place"].score >= 0.9 \
            and {frozenset(a1), frozenset(a2)} == {frozenset(b1), frozenset(b2)} \
            and (not a.fatalities or not b.fatalities or a.fatalities == b.fatalities)
        if not same:
            d = crit["date"]
            crit["date"] = Criterion(0.0, d.reason + "; other days need the same type, place, actors"
                                     " and figures", veto=True)
    w = rules.events.weights
    score = sum(w[k] * c.score for k, c in crit.items())
    merge = score >= rules.events.threshold and not any(c.veto for c in crit.values())
    return MergeDecision(merge, score, crit)


def best_match(event: Event, candidates: Sequence[Event],
               rules: MergeRules | None = None) -> tuple[int, MergeDecision] | None:
    """Index and decision of the best-scoring candidate that ``event`` merges with, or None."""
    best: tuple[int, MergeDecision] | None = None
    for i, cand in enumerate(candidates):
        d = compare_events(event, cand, rules)
        if d.merge and (best is None or d.score > best[1].score):
            best = (i, d)
    return best


# --------------------------------------------------------------------------- merged view
@dataclass(frozen=True)
class Contribution:
    """One report of a merged event: the event as that article coded it (None for a copy)."""

    article_id: str
    outlet: str | None
    event: Event | None = None


def merged_view(base: Event, contributions: Sequence[Contribution],
                rules: MergeRules | None = None) -> Event:
    """The event shown for a cluster: ``base`` plus every other report's source and account.

    Sources and article ids list every report, in order; the casualty figure is the lowest
    non-zero one (ACLED's conservative rule); differing figures or perpetrators, or a member
    that is contested already, make the event ``contested``; every perpetrator named becomes a
    candidate.
    """
    rules = rules or load_rules()
    ev = base.model_copy(deep=True)
    article_ids = list(ev.article_ids)
    sources = list(ev.sources)
    while len(sources) < len(article_ids):
        sources.append(None)  # type: ignore[arg-type]
    notes: list[str] = []
    fat = [ev.fatalities] if ev.fatalities else []
    perpetrators = [x for x in ([*ev.actor1_candidates] or [ev.actor1]) if x]
    disagree = False
    for c in contributions:
        if c.article_id in article_ids:
            continue
        article_ids.append(c.article_id)
        sources.append(c.outlet)  # type: ignore[arg-type]
        m = c.event
        if m is None:
            continue
        if m.fatalities:
            fat.append(m.fatalities)
        if m.contested:
            ev.contested = True
        theirs = [x for x in ([*m.actor1_candidates] or [m.actor1]) if x]
        named_here = [p for p in perpetrators if not _is_wildcard(p, rules)]
        if named_here and any(p not in perpetrators and not _is_wildcard(p, rules) for p in theirs):
            disagree = True
        for name in theirs:
            if name not in perpetrators:
                perpetrators.append(name)
        for name in m.assoc_actor_1:
            if name not in ev.assoc_actor_1 and name != ev.actor1:
                ev.assoc_actor_1.append(name)
        for name in [m.actor2, *m.assoc_actor_2]:
            if name and name != ev.actor2 and name not in ev.assoc_actor_2:
                if ev.actor2 is None:
                    ev.actor2 = name
                else:
                    ev.assoc_actor_2.append(name)
        ev.confidence = 1 - (1 - ev.confidence) * (1 - m.confidence)
    if len(set(fat)) > 1:
        ev.contested = True
        notes.append(f"fatality figures differ between sources: {', '.join(str(x) for x in fat)}; lowest kept")
    if fat:
        ev.fatalities = min(fat)
    named = [p for p in perpetrators if not _is_wildcard(p, rules)]
    if disagree:
        ev.contested = True
        ev.actor1_uncertain = True
        ev.actor1_candidates = named
        notes.append("sources name different perpetrators: " + " or ".join(named))
    elif not ev.actor1 and named:
        ev.actor1 = named[0]
    ev.article_ids = article_ids
    ev.sources = [s or "" for s in sources]
    if notes:
        ev.notes = (ev.notes + " " if ev.notes else "") + " ".join(f"[{n}]" for n in notes)
    return ev


__all__ = [
    "Contribution",
    "CopyCheck",
    "Criterion",
    "MergeDecision",
    "MergeRules",
    "band_keys",
    "best_match",
    "compare_events",
    "compare_texts",
    "events_in_copy",
    "haversine_km",
    "load_rules",
    "lsh_params",
    "merged_view",
    "normalise",
    "shingles",
    "signature",
    "signature_bytes",
    "signature_from_bytes",
]
