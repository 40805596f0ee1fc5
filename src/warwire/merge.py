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
  a criterion can veto: unrelated types, dates outside the window, two different places at
  the precision the events have (two villages of one district; an area never locates a
  village), actors that differ (unless a report leaves a side unnamed or names its umbrella).
  Coding that agrees exactly merges; coding that is only compatible needs supporting evidence
  (content words of the two reports' evidence in common, the same figure).  The decision keeps
  each criterion's score and reason and the overall reason.  :func:`merged_view` builds the
  event shown for a cluster: all sources, the lowest casualty figure (ACLED's rule), the
  perpetrators the sources name, ``contested`` when they disagree.

Thresholds, weights, type families, umbrella actors and stopwords live in ``data/merge.toml``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .gazetteer import distance_km as haversine_km
from .knowledge import load_toml
from .model import SUB_EVENT_TYPES, Event, Place

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


class _Support(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_score: float = Field(ge=0, le=1)
    min_score_unnamed: float = Field(ge=0, le=1)
    min_shared: int = Field(ge=1)
    stem: int = Field(ge=3, le=20)
    figure_bonus: float = Field(ge=0, le=1)
    stopwords: list[str] = Field(default_factory=list)


class _Umbrella(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prefix: str = Field(min_length=3)
    inter: list[int] = Field(default_factory=list)


class _Events(BaseModel):
    model_config = ConfigDict(extra="forbid")
    threshold: float = Field(gt=0, le=1)
    weights: dict[str, float]
    date_window: dict[int, int]
    same_place_km: float = Field(gt=0)
    area_km: float = Field(gt=0)
    spelling_similarity: float = Field(gt=0, le=1)
    area_types: list[str] = Field(default_factory=list)
    same_type_score: float = Field(ge=0, le=1)
    wildcard_actors: list[str] = Field(default_factory=list)
    umbrella_actors: list[_Umbrella] = Field(default_factory=list)
    kin_inter: list[int] = Field(default_factory=list)
    families: list[_Family] = Field(default_factory=list)
    one_per_place_and_day: list[str] = Field(default_factory=list)
    support: _Support

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
    """One criterion of a merge decision: a score in [0, 1], a reason, maybe a veto.

    ``exact``: the two reports agree on this criterion outright (same type, same place, same
    actors, same day); a merge on coding that is only *compatible* needs supporting evidence,
    more of it when the agreement is ``weak`` (rests on something one report leaves unsaid).
    """

    score: float
    reason: str
    veto: bool = False
    exact: bool = False
    weak: bool = False


@dataclass
class MergeDecision:
    """Whether two events are one, with the score and reason of each criterion and overall."""

    merge: bool
    score: float
    criteria: dict[str, Criterion] = field(default_factory=dict)
    reason: str = ""

    @property
    def veto(self) -> str | None:
        """The first vetoing criterion, as "name: reason"."""
        for name, c in self.criteria.items():
            if c.veto:
                return f"{name}: {c.reason}"
        return None

    def explain(self) -> dict[str, Any]:
        """JSON-ready record: decision, reason, total score and each criterion's score and reason."""
        return {
            "merge": self.merge,
            "reason": self.reason,
            "score": round(self.score, 3),
            "criteria": {
                k: {"score": round(c.score, 3), "reason": c.reason, **({"veto": True} if c.veto else {})}
                for k, c in self.criteria.items()
            },
        }

    def summary(self) -> str:
        """One line: "score 0.91 (reason): type 1.00 (...), date 1.00 (...), ..."."""
        parts = [f"{k} {c.score:.2f} ({c.reason}{', veto' if c.veto else ''})" for k, c in self.criteria.items()]
        return f"score {self.score:.2f} ({self.reason}): " + ", ".join(parts)


def _type_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    s = rules.type_score(a.sub_event_type, b.sub_event_type)
    if a.sub_event_type == b.sub_event_type:
        return Criterion(1.0, f"same sub-event type ({a.sub_event_type})", exact=True)
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
        return Criterion(1.0, f"same date ({a.date})", exact=True)
    if diff > window:
        return Criterion(0.0, f"{diff} days apart (window {window} at precision {precision})", veto=True)
    return Criterion(1.0 - diff / (window + 1), f"{diff} day(s) apart (window {window})")


_ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ash", "ad", "at", "az", "the"})


def _skeleton(name: str) -> tuple[str, str]:
    """(letters, consonant skeleton) of a folded place name without Arabic articles."""
    words = [w for w in normalise(name) if w not in _ARTICLES] or normalise(name)
    letters = "".join(words)
    cons = re.sub(r"[aeiouyw]", "", letters)
    return letters, re.sub(r"(.)\1+", r"\1", cons)


def name_similarity(a: str, b: str) -> float:
    """How alike two place names are, spelling variants included (Khan Shaikhoun / Khan Shaykhun -> 1)."""
    from difflib import SequenceMatcher

    (la, ca), (lb, cb) = _skeleton(a), _skeleton(b)
    if not la or not lb:
        return 0.0
    if la == lb:
        return 1.0
    full = SequenceMatcher(None, la, lb).ratio()
    cons = SequenceMatcher(None, ca, cb).ratio() if ca and cb and min(len(ca), len(cb)) >= 3 else 0.0
    return max(full, cons)


def is_area(place: Place, rules: MergeRules | None = None) -> bool:
    """Whether a location is an area (region, county, country ...) or known only at precision 3."""
    rules = rules or load_rules()
    return place.geo_precision == 3 or place.feature_type in rules.events.area_types


def _place_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return Criterion(0.0, "a location is unknown", veto=True)
    if la.country and lb.country and la.country.upper() != lb.country.upper():
        return Criterion(0.0, f"different countries ({la.country} / {lb.country})", veto=True)
    area_a, area_b = is_area(la, rules), is_area(lb, rules)
    if la.gazetteer_id == lb.gazetteer_id:
        if area_a and area_b:  # "in Idlib province" twice: the events may be anywhere in it
            return Criterion(0.8, f"same area ({la.name}, precision {max(la.geo_precision, lb.geo_precision)})")
        if area_a != area_b:
            return Criterion(0.6, f"{la.name}, once as an area (precision 3)")
        return Criterion(1.0, f"same place ({la.name})", exact=True)
    e = rules.events
    km = haversine_km(la.lat, la.lon, lb.lat, lb.lon)
    sim = name_similarity(la.name, lb.name)
    if area_a != area_b:
        area, point = (la, lb) if area_a else (lb, la)
        return Criterion(0.0, f"area {area.name} (precision {area.geo_precision}) does not locate"
                              f" {point.name} (precision {point.geo_precision})", veto=True)
    if sim >= e.spelling_similarity and km <= (e.area_km if area_a else e.same_place_km):
        if area_a:
            return Criterion(0.7, f"one area: {la.name} / {lb.name}, other entry or spelling, {km:.0f} km apart")
        return Criterion(0.9, f"one place: {la.name} / {lb.name}, other entry or spelling, {km:.1f} km apart",
                         exact=True)
    kind = "areas" if area_a else "places"
    return Criterion(0.0, f"different {kind} ({la.name} / {lb.name}, {km:.1f} km apart)", veto=True)


def _is_wildcard(name: str, rules: MergeRules) -> bool:
    return any(name.startswith(p) for p in rules.events.wildcard_actors)


def _actor_sides(ev: Event, rules: MergeRules) -> tuple[frozenset[str], frozenset[str]]:
    """The actors of each side (actor, associated actors, candidate perpetrators).

    Wildcards ("Unidentified ...") count as unnamed unless they are umbrellas of
    ``merge.toml`` (an unidentified armed group covers non-state armed actors, not the police).
    """
    side1 = {x for x in [ev.actor1, *ev.assoc_actor_1, *ev.actor1_candidates] if x}
    side2 = {x for x in [ev.actor2, *ev.assoc_actor_2] if x}

    def keep(x: str) -> bool:
        return not _is_wildcard(x, rules) or _umbrella(x, rules) is not None

    return frozenset(filter(keep, side1)), frozenset(filter(keep, side2))


#: How two reports' actors of one side relate, best first.
_RELATION_RANK = {"same": 4, "subset": 3, "covered": 2, "unknown": 1, "overlap": 0, "disjoint": -1}


@functools.lru_cache(maxsize=4096)
def _inter(name: str) -> int | None:
    """ACLED inter code of an actor from the actors knowledge (None: not known)."""
    from . import actors

    try:
        return actors.inter_code(name)
    except Exception:  # knowledge missing or broken: no coverage, never a crash
        log.warning("no inter code for %r", name, exc_info=True)
        return None


def _umbrella(name: str, rules: MergeRules) -> _Umbrella | None:
    return next((u for u in rules.events.umbrella_actors if name.startswith(u.prefix)), None)


def _covered(name: str, other: frozenset[str], rules: MergeRules, *, named_more: bool = False) -> bool:
    """Whether ``name``, named by one report only, needs no counterpart in ``other``.

    It is an umbrella itself; or an umbrella of ``other`` covers its category; or (when one
    report merely names more actors of a side, ``named_more``) ``other`` names another actor
    of its category and the category is one of ``kin_inter`` (factions fighting side by side).
    """
    if _umbrella(name, rules) is not None:
        return True
    inter = _inter(name)
    if inter is None:
        return False
    if any((u := _umbrella(o, rules)) is not None and inter in u.inter for o in other):
        return True
    return named_more and inter in rules.events.kin_inter and any(_inter(o) == inter for o in other)


def _relation(x: frozenset[str], y: frozenset[str], rules: MergeRules) -> str:
    """same | subset | covered (the extra actors are umbrellas or covered by one) | unknown
    (a side unnamed) | overlap | disjoint."""
    if not x or not y:
        return "unknown"
    if x == y:
        return "same"
    more = x <= y or y <= x
    uncovered = [n for n in x - y if not _covered(n, y, rules, named_more=more)] \
        + [n for n in y - x if not _covered(n, x, rules, named_more=more)]
    if not uncovered:
        return "subset" if more else "covered"
    return "overlap" if x & y else "disjoint"


def _sides(s1: frozenset[str], s2: frozenset[str]) -> str:
    return f"{'; '.join(sorted(s1)) or '?'} vs {'; '.join(sorted(s2)) or '?'}"


def _without_alternatives(ev: Event, side1: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """An uncertain perpetrator's other candidates drop out when ``other`` names one of them."""
    cands = set(ev.actor1_candidates)
    if len(cands) > 1 and cands & other:
        return frozenset(side1 - (cands - other))
    return side1


def _disputed_perpetrator(a: Event, b: Event, straight: tuple[str, str], rules: MergeRules) -> bool:
    """The same attack on the same target, blamed on different (named) perpetrators."""
    return (straight[0] == "disjoint" and straight[1] in ("same", "subset", "covered")
            and a.sub_event_type == b.sub_event_type and bool(a.actor1) and bool(b.actor1)
            and not _is_wildcard(a.actor1 or "", rules) and not _is_wildcard(b.actor1 or "", rules))


def _actors_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    """Actors side by side (either orientation): the same, or one report naming fewer of them.

    A side's actors are the same, or one report leaves the side unnamed, or what one report
    names more is an umbrella ("Civilians (Syria)") or is covered by the other report's
    umbrella ("Opposition Rebels (Syria)" covers any rebel group).  Otherwise the reports name
    different actors: different events - except the one dispute reporting has, the same attack
    on the same target blamed on different perpetrators.  ``weak``: the agreement rests on a
    side one report leaves unnamed.
    """
    a1, a2 = _actor_sides(a, rules)
    b1, b2 = _actor_sides(b, rules)
    a1, b1 = _without_alternatives(a, a1, b1), _without_alternatives(b, b1, a1)
    who = f"{_sides(a1, a2)} / {_sides(b1, b2)}"
    if not (a1 | a2) or not (b1 | b2):
        reason = "no actor named on either side" if not (a1 | a2 | b1 | b2) else f"one report names no actor ({who})"
        if a.sub_event_type != b.sub_event_type:
            return Criterion(0.0, f"other type, {reason}", veto=True)
        return Criterion(0.4, reason, weak=True)
    options = [(_relation(a1, b1, rules), _relation(a2, b2, rules)),
               (_relation(a1, b2, rules), _relation(a2, b1, rules))]
    linked = [o for o in options if any(r in ("same", "subset", "covered") for r in o)]
    rel = max(linked, key=lambda r: (min(_RELATION_RANK[x] for x in r), sum(_RELATION_RANK[x] for x in r)),
              default=("disjoint", "disjoint"))
    if "overlap" in rel or "disjoint" in rel:
        if _disputed_perpetrator(a, b, options[0], rules):
            return Criterion(0.6, f"same target, perpetrator differs ({a.actor1} / {b.actor1})")
        return Criterion(0.0, f"actors differ ({who})", veto=True)
    if rel == ("same", "same"):
        return Criterion(1.0, f"same actors ({_sides(a1, a2)})", exact=True)
    if a.sub_event_type != b.sub_event_type:
        return Criterion(0.0, f"other type and other actors ({who})", veto=True)
    score = 0.4 + 0.15 * sum(_RELATION_RANK[x] - 1 for x in rel) / 3
    return Criterion(round(score, 3), f"compatible ({rel[0]}, {rel[1]}): {who}", weak="unknown" in rel)


_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning evening "
    "night dawn week weekend month year january february march april may june july august september "
    "october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def content_words(text: str, rules: MergeRules, exclude: set[str] = frozenset()) -> set[str]:
    """Stemmed content words of an event's evidence: no stop, date or number words, no ``exclude`` stems."""
    s = rules.events.support
    stop = set(s.stopwords) | _DATE_WORDS
    words = {w[:s.stem] for w in normalise(text)
             if len(w) > 2 and not w.isdigit() and not _ORDINAL.match(w) and w not in stop}
    return words - exclude


def _coded_stems(ev: Event, rules: MergeRules) -> set[str]:
    """Stems of the words the coding already compares: place names and actor names."""
    parts = [ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2, *ev.actor1_candidates]
    if ev.location:
        parts += [ev.location.name, ev.location.text, ev.location.admin1]
    n = rules.events.support.stem
    return {w[:n] for part in parts if part for w in normalise(part)}


def _support_criterion(a: Event, b: Event, rules: MergeRules) -> Criterion:
    """Supporting evidence (never a veto): the reports' own words and figures.

    Words are those of each report's evidence minus what the coding already compares (place
    and actor names), date and number words, and stopwords.
    """
    s = rules.events.support
    coded = _coded_stems(a, rules) | _coded_stems(b, rules)
    wa = content_words(" ".join(x.text for x in a.evidence), rules, coded)
    wb = content_words(" ".join(x.text for x in b.evidence), rules, coded)
    shared = wa & wb
    text = len(shared) / min(len(wa), len(wb)) if len(shared) >= s.min_shared else 0.0
    reasons = [f"{len(shared)} content words shared ({', '.join(sorted(shared)[:8])})" if shared
               else "no content words shared"]
    score = text
    if a.fatalities and a.fatalities == b.fatalities:
        score += s.figure_bonus
        reasons.append(f"same fatalities ({a.fatalities})")
    return Criterion(min(1.0, score), "; ".join(reasons))


def compare_events(a: Event, b: Event, rules: MergeRules | None = None) -> MergeDecision:
    """Score whether ``a`` and ``b`` (from different articles) report one real-world event.

    Type, date, place and actors are scored (weights in ``merge.toml``) and each may veto.  Two
    reports whose coding agrees exactly merge; coding that is only compatible (a related type,
    one report naming fewer actors, a contested perpetrator) merges only with supporting
    evidence: words of the two reports' evidence in common, the same casualty figure.
    """
    rules = rules or load_rules()
    crit = {
        "type": _type_criterion(a, b, rules),
        "date": _date_criterion(a, b, rules),
        "place": _place_criterion(a, b, rules),
        "actors": _actors_criterion(a, b, rules),
    }
    if a.date and b.date and a.date != b.date and not any(c.veto for c in crit.values()):
        # a vague date may be another day's event: only when everything else agrees exactly
        same = crit["type"].exact and crit["place"].exact and crit["actors"].exact \
            and (not a.fatalities or not b.fatalities or a.fatalities == b.fatalities)
        if not same:
            d = crit["date"]
            crit["date"] = Criterion(0.0, d.reason + "; other days need the same type, place, actors"
                                     " and figures", veto=True)
    w = rules.events.weights
    score = sum(w[k] * c.score for k, c in crit.items())
    support = _support_criterion(a, b, rules)
    crit["support"] = support
    veto = next((f"{k}: {c.reason}" for k, c in crit.items() if c.veto), None)
    exact = all(c.exact for k, c in crit.items() if k != "support" and k != "date") \
        and (crit["date"].exact or crit["date"].score > 0)
    sup = rules.events.support
    need = sup.min_score_unnamed if crit["actors"].weak else sup.min_score
    one_a_day = crit["type"].exact and crit["place"].exact and crit["date"].exact \
        and a.sub_event_type in rules.events.one_per_place_and_day
    if veto:
        merge, reason = False, f"veto by {veto.split(':')[0]}"
    elif score < rules.events.threshold:
        merge, reason = False, f"score below {rules.events.threshold}"
    elif exact:
        merge, reason = True, "type, place and actors agree"
    elif one_a_day:
        merge, reason = True, f"a place has one '{a.sub_event_type}' a day; actors compatible"
    elif support.score >= need:
        merge, reason = True, f"compatible coding, supported by the reports (support {support.score:.2f} >= {need})"
    else:
        merge, reason = False, f"compatible coding, too little supporting evidence ({support.score:.2f} < {need})"
    return MergeDecision(merge, score, crit, reason)


def best_match(event: Event, candidates: Sequence[Event],
               rules: MergeRules | None = None) -> tuple[int, MergeDecision] | None:
    """Index and decision of the best-scoring candidate that ``event`` merges with, or None."""
    best: tuple[int, MergeDecision] | None = None
    for i, cand in enumerate(candidates):
        d = compare_events(event, cand, rules)
        if d.merge and (best is None or (d.score, d.criteria["support"].score)
                        > (best[1].score, best[1].criteria["support"].score)):
            best = (i, d)
    return best


def search_radius_km(place: Place | None, rules: MergeRules | None = None) -> float | None:
    """Largest distance at which a stored event's location can still be this place (None: no search)."""
    if place is None:
        return None
    rules = rules or load_rules()
    return rules.events.area_km if is_area(place, rules) else rules.events.same_place_km


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
    "content_words",
    "events_in_copy",
    "haversine_km",
    "is_area",
    "load_rules",
    "lsh_params",
    "merged_view",
    "name_similarity",
    "normalise",
    "search_radius_km",
    "shingles",
    "signature",
    "signature_bytes",
    "signature_from_bytes",
]
