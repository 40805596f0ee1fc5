"""Plain-text renderings of extractions and events for the terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from .model import Event, Extraction


def _cut(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _actors(ev: Event) -> str:
    a1 = ev.actor1 or "?"
    if ev.actor1_uncertain and ev.actor1_candidates:
        a1 = " or ".join(ev.actor1_candidates) + " (uncertain)"
    side1 = "; ".join([a1, *ev.assoc_actor_1])
    side2 = "; ".join([x for x in [ev.actor2, *ev.assoc_actor_2] if x])
    return f"{side1} vs {side2}" if side2 else side1


def events_table(events: Sequence[Event]) -> str:
    """A fixed-width table: date, type, place, actors, fatalities, source."""
    header = f"{'date':<10}  {'sub-event type':<34}  {'place':<26}  {'actors':<80}  {'fat':>3}  source"
    lines = [header, "-" * len(header)]
    for ev in sorted(events, key=lambda e: (e.date or e.id, e.id)):
        place = ev.location.name if ev.location else "?"
        if ev.location and ev.location.geo_precision > 1:
            place += f" (p{ev.location.geo_precision})"
        flag = " *contested*" if ev.contested else ""
        lines.append(
            f"{str(ev.date or '?'):<10}  {_cut(ev.sub_event_type, 34):<34}  {_cut(place, 26):<26}  "
            f"{_cut(_actors(ev), 80):<80}  {ev.fatalities:>3}  {_cut('; '.join(ev.sources), 30)}{flag}"
        )
    if not events:
        lines.append("(no events)")
    return "\n".join(lines)


def extraction_text(ex: Extraction) -> str:
    """A readable summary of one extraction."""
    a = ex.article
    out = [
        f"Article {a.id}: {a.title or '(no title)'}",
        f"  published {a.published or '?'}; source {a.source or '?'}; original source "
        f"{a.original_source or '?'}{'; republished' if a.republished else ''}; language {a.language}; status {a.status}",
        "",
        "Events",
        textwrap.indent(events_table(ex.events), "  "),
        "",
        "Places",
    ]
    seen: set[str] = set()
    for p in ex.places:
        key = f"{p.gazetteer_id}|{p.text}"
        if key in seen:
            continue
        seen.add(key)
        out.append(
            f"  {p.text!r} -> {p.name} ({p.feature_type}, {p.admin1 or '-'}, {p.country or '-'}) "
            f"{p.lat:.3f},{p.lon:.3f} precision {p.geo_precision}  [{p.gazetteer_id}]"
        )
    out += ["", "Actors"]
    for actor in ex.actors:
        rel = "; ".join(f"{r.relation.replace('_', ' ')} {r.target}" for r in actor.affiliations)
        out.append(f"  {actor.name} [{actor.kind}]" + (f" - {rel}" if rel else ""))
    out += ["", "Quotes"]
    for q in ex.quotes:
        who = q.speaker or "?"
        if q.speaker_role:
            who += f" ({q.speaker_role})"
        kind = "said" if q.direct else "reported"
        out.append(f"  {who} {kind}: {_cut(q.text, 140)}")
    out += ["", "Claims"]
    for c in ex.claims:
        out.append(f"  [{c.stance}/{c.aspect}] {c.claimant or '?'}: {_cut(c.proposition, 120)} -> {c.event_id or '-'}")
    out += ["", "Figures"]
    for f in ex.figures:
        out.append(f"  {f.quantity:,} {f.unit} ({f.text!r}){' per ' + f.source if f.source else ''}")
    return "\n".join(out)
