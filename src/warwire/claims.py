"""Claims: the statements that are about an event, and which events the sources contest.

:func:`link_claims` turns the quotes (see :mod:`warwire.quotes`) that are about an event into
claims with a stance and an aspect, and tells which events the sources disagree on.
:func:`find_quotes` and :func:`load_cues` are re-exported from :mod:`warwire.quotes`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence

from .figures import quantities_in_text
from .model import Claim, Event, Quote, Span
from .quotes import CUES_FILE, SpeechCues, find_quotes, load_cues

__all__ = ["CUES_FILE", "SpeechCues", "find_quotes", "link_claims", "load_cues"]


# --------------------------------------------------------------------------- claims
_SENT_BREAK = re.compile(r"(?<=[.!?])[”\"’]?\s+|\n+")
_STOP = frozenset(
    "the a an of to in on at by for from with and or but that this these those its their his "
    "her they them it he she was were is are be been has have had will would said says say told "
    "also as into after before over about than more some which who whom where when there".split()
)


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENT_BREAK.finditer(text)]


_WORD_RE = re.compile(r"[^\W\d_]{3,}")


@functools.lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """First five letters of the content words of ``text`` (a crude, fast stemmer)."""
    return frozenset(
        w[:5] for w in (m.group().lower() for m in _WORD_RE.finditer(text)) if w not in _STOP
    )


def _has_word(text: str, words: Iterable[str]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<![a-z])" + re.escape(w), low) for w in words)


def _evidence_stems(ev: Event, exclude: Span | None = None) -> frozenset[str]:
    """Word stems of an event's evidence, leaving out the sentence(s) overlapping ``exclude``."""
    spans = [e for e in ev.evidence if exclude is None or e.end <= exclude.start or e.start >= exclude.end]
    return frozenset().union(*(_stems(e.text) for e in spans)) if spans else frozenset()


def _sent_gap(q: Quote, spans: Iterable[Span], starts: list[int], text: str = "") -> int | None:
    """Sentences between a quote and the nearest of ``spans`` (0: they share one); with the
    ``text``, a paragraph break between neighbours counts as one sentence more."""
    sent = lambda pos: bisect.bisect_right(starts, pos) - 1  # noqa: E731
    q_sents = (sent(q.span.start), sent(max(q.span.start, q.span.end - 1)))
    gaps = []
    for e in spans:
        e_sents = (sent(e.start), sent(max(e.start, e.end - 1)))
        if q_sents[1] < e_sents[0]:
            gap, between = e_sents[0] - q_sents[1], (q.span.end, e.start)
        elif e_sents[1] < q_sents[0]:
            gap, between = q_sents[0] - e_sents[1], (e.end, q.span.start)
        else:
            gap, between = 0, (0, 0)
        if gap == 1 and "\n" in text[between[0] : between[1]]:
            gap = 2  # the next paragraph tells of something else
        gaps.append(gap)
    return min(gaps) if gaps else None


def _score(q: Quote, ev: Event, starts: list[int], cues: SpeechCues, text: str = "") -> float:
    """How strongly quote ``q`` is about event ``ev`` (2 or more: it is)."""
    score = 0.0
    if any(e.start < q.span.end and q.span.start < e.end for e in ev.evidence):
        score = 3
    gap = _sent_gap(q, ev.evidence, starts, text)
    if gap == 0:
        score = max(score, 2)
    elif gap == 1:
        score = max(score, 1)
    if ev.location is not None:
        names = {ev.location.text.lower(), ev.location.name.lower()}
        if any(n and n in q.text.lower() for n in names):
            score += 2
    hint = cues.hint(q.cue)
    if gap is not None and gap <= 1 and (
        hint in ("deny", "accuse") or _aspect(q, cues, hint) in ("figure", "perpetrator")
    ):
        score += 1  # casualty figures and blame right next to an event are about it
    shared = _evidence_stems(ev) & _stems(q.text)
    if shared & cues.event_stems or any(st.startswith(es) for st in shared for es in cues.event_stems
                                        if len(es) >= 4):
        score += 2
    elif shared:
        score += 1
    return score


def _framing_term(text: str) -> str | None:
    m = re.search(r"[“\"‘]([^”\"’]{1,80})[”\"’]", text)
    m = m or re.search(r"\bas\s+(.{1,60})$", text)
    return m.group(1) if m else None


def _aspect(q: Quote, cues: SpeechCues, hint: str) -> str:
    if q.cue in cues.framing:
        return "framing"
    if hint in ("deny", "accuse") or _has_word(q.text, cues.aspects.get("perpetrator", ())):
        if hint != "deny" or _has_word(q.text, cues.aspects.get("perpetrator", ())):
            return "perpetrator"
        return "occurrence"
    if quantities_in_text(q.text):
        return "figure"
    if _has_word(q.text, cues.aspects.get("control", ())):
        return "control"
    return "occurrence"


def link_claims(
    quotes: Sequence[Quote], events: Sequence[Event], *, text: str
) -> tuple[list[Claim], set[str]]:
    """Claims about events made by the quotes; also the ids of events the sources contest.

    A quote is about the event whose evidence it overlaps, shares or neighbours a sentence
    with, or whose place or words it mentions.  Denials, accusations, re-descriptions
    ("described the withdrawal as “a redeployment”") and differing figures are separate
    claims with stance denies/accuses/contests.
    """
    cues = load_cues()
    starts = _sentence_starts(text)
    by_id = {ev.id: ev for ev in events}
    linked: dict[str, str] = {}  # quote id -> event id
    for q in quotes:
        scored = [(_score(q, ev, starts, cues, text), -_distance(q, ev), ev) for ev in events]
        scored = [s for s in scored if s[0] >= 2]
        if scored:
            linked[q.id] = max(scored, key=lambda s: (s[0], s[1]))[2].id
    # a statement next to one already about an event, on the same matter, is about it too
    for q in quotes:
        if q.id in linked:
            continue
        hint = cues.hint(q.cue)
        if not (hint in ("deny", "accuse") or _aspect(q, cues, hint) in ("figure", "perpetrator")):
            continue
        near = [(linked[o.id], abs(o.span.start - q.span.start)) for o in quotes
                if o.id in linked and _sent_gap(q, [o.span], starts, text) in (0, 1)]
        if near:
            linked[q.id] = min(near, key=lambda x: x[1])[0]
    claims: list[Claim] = []
    for q in quotes:
        if q.id not in linked:
            continue
        ev = by_id[linked[q.id]]
        hint = cues.hint(q.cue)
        aspect = _aspect(q, cues, hint)
        stance = {"deny": "denies", "accuse": "accuses"}.get(hint, "asserts")
        if aspect == "framing" and stance == "asserts":
            term = _framing_term(q.text)
            if term and not (_stems(term) & _evidence_stems(ev, exclude=q.span)):
                stance = "contests"
        claims.append(Claim(
            id=f"c{len(claims)}",
            claimant=q.speaker,
            proposition=q.text,
            event_id=ev.id,
            stance=stance,  # type: ignore[arg-type]
            aspect=aspect,  # type: ignore[arg-type]
            quote_id=q.id,
            span=q.span,
        ))
    _contest_figures(claims)
    _contest_perpetrators(claims)
    _own_versions(claims)
    contested = {c.event_id for c in claims if c.event_id and c.stance in ("denies", "contests")}
    return claims, contested


def _distance(q: Quote, ev: Event) -> int:
    if not ev.evidence:
        return 10**9
    return min(abs(q.span.start - e.start) for e in ev.evidence)


def _contest_figures(claims: list[Claim]) -> None:
    """A figure that differs from an earlier source's figure for the same event contests it."""
    seen: dict[tuple[str, str], tuple[int, str | None]] = {}
    for i, c in enumerate(claims):
        if c.aspect != "figure" or not c.event_id:
            continue
        for qty, unit in quantities_in_text(c.proposition):
            key = (c.event_id, unit)
            if key not in seen:
                seen[key] = (qty, c.claimant)
            elif seen[key][0] != qty and seen[key][1] != c.claimant and c.stance == "asserts":
                claims[i] = c.model_copy(update={"stance": "contests"})
                break


_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]+")
_NOT_NAMES = frozenset("The A An On In At But And It He She They We This That Its Their".split())


def _contest_perpetrators(claims: list[Claim]) -> None:
    """Two sources blaming different perpetrators for one event: the later one contests."""
    first: dict[str, tuple[str | None, frozenset[str]]] = {}
    for i, c in enumerate(claims):
        if c.aspect != "perpetrator" or not c.event_id or c.stance == "denies":
            continue
        names = frozenset(m.group().lower()[:5] for m in _NAME_WORD.finditer(c.proposition)
                          if m.group() not in _NOT_NAMES)
        if not names:
            continue
        if c.event_id not in first:
            first[c.event_id] = (c.claimant, names)
            continue
        claimant, earlier = first[c.event_id]
        if claimant != c.claimant and not (names & earlier) and c.stance in ("asserts", "accuses"):
            claims[i] = c.model_copy(update={"stance": "contests"})


def _own_versions(claims: list[Claim]) -> None:
    """A source that contests or denies an event: its other statements on it are its version
    ("described the withdrawal as a redeployment and said its fighters pulled back south")."""
    against = {(c.event_id, c.claimant) for c in claims
               if c.claimant and c.event_id and c.stance in ("contests", "denies")}
    for i, c in enumerate(claims):
        if c.stance == "asserts" and (c.event_id, c.claimant) in against \
                and c.aspect in ("occurrence", "control", "framing"):
            claims[i] = c.model_copy(update={"stance": "contests"})
