"""Run the stages in order: ingest -> nlp -> places -> actors -> events -> claims.

``extract(article)`` reads one article; ``extract_many`` streams many through ``nlp.pipe``.
Both return :class:`warwire.model.Extraction` documents; nothing here touches the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc

from . import actors as actors_mod
from . import claims as claims_mod
from . import dates as dates_mod
from . import events as events_mod
from . import figures as figures_mod
from . import nlp
from . import places as places_mod
from . import quotes as quotes_mod
from .model import Actor, Article, Extraction

log = logging.getLogger(__name__)


#: The stages timed by :func:`stage_times`, in pipeline order.
STAGES = ("parse", "actors", "places", "events", "quotes", "figures", "claims", "assemble")
#: a capitalised word: a demonym may be one
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


@dataclasses.dataclass
class StageTimes:
    """Seconds spent in each stage, summed over the articles extracted since the last reset."""

    seconds: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    articles: int = 0

    def add(self, stage: str, started: float) -> float:
        """Charge the time since ``started`` to ``stage``; return the current time."""
        now = time.perf_counter()
        self.seconds[stage] += now - started
        return now

    def table(self) -> list[tuple[str, float, float]]:
        """(stage, seconds, share of the total) in pipeline order."""
        total = sum(self.seconds.values()) or 1.0
        return [(k, self.seconds.get(k, 0.0), self.seconds.get(k, 0.0) / total) for k in STAGES]


_TIMES = StageTimes()


def stage_times(reset: bool = False) -> StageTimes:
    """Time per stage in this process since the last reset (a copy); ``reset`` starts over."""
    global _TIMES
    out = StageTimes(dict(_TIMES.seconds), _TIMES.articles)
    if reset:
        _TIMES = StageTimes()
    return out


def extract(
    article: Article, doc: Doc | None = None, *, memory_zone: bool = False, countries: Sequence[str] = ()
) -> Extraction:
    """Extract events, places, actors, quotes, claims and figures from one article.

    ``countries`` (ISO2 codes): what the article is known to be about (a country's feed, an
    analyst's choice): their village layers are searched first and the first one is the
    country of generic actors ("Protesters (Kenya)").  ``memory_zone`` (only when ``doc`` is
    None): as for :func:`extract_many`.
    """
    if article.status != "ok" or not article.text.strip():
        return Extraction(article=article)
    if doc is not None:
        return _extract_doc(article, doc, countries)
    with nlp.load().memory_zone() if memory_zone else contextlib.nullcontext():
        started = time.perf_counter()
        doc = nlp.parse(article.text)
        _TIMES.add("parse", started)
        return _extract_doc(article, doc, countries)


def extract_many(
    articles: Iterable[Article], batch_size: int = 16, *, memory_zone: bool = False,
    countries: Sequence[str] = (),
) -> Iterator[Extraction]:
    """Extract many articles, parsing the English ones together with ``nlp.pipe``.

    ``countries``: as for :func:`extract`, for every article.

    ``memory_zone`` frees what spaCy allocated for each batch (strings and vocabulary entries
    of new words) once the batch is extracted, so that a long-running worker does not grow
    with every new name it reads.  Only for processes that parse in one thread at a time:
    spaCy's memory zones are process-wide.
    """
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from _run_batch(pending, batch_size, memory_zone, countries)
            pending = []
    if pending:
        yield from _run_batch(pending, batch_size, memory_zone, countries)


def _run_batch(
    articles: list[Article], batch_size: int, memory_zone: bool, countries: Sequence[str] = ()
) -> list[Extraction]:
    """Parse and extract one batch (all of it before returning: no Doc outlives the batch)."""
    todo = [a for a in articles if a.status == "ok" and a.text.strip()]
    zone = nlp.load().memory_zone() if memory_zone and todo else contextlib.nullcontext()
    with zone, gc_paused():
        started = time.perf_counter()
        docs = dict(zip((id(a) for a in todo), nlp.parse_many((a.text for a in todo), batch_size)))
        _TIMES.add("parse", started)
        out = [_extract_doc(a, docs[id(a)], countries) if id(a) in docs else Extraction(article=a)
               for a in articles]
        docs.clear()  # no Doc outlives the memory zone
    return out


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch runs (it finds little there, and each pass
    walks every young object); one pass may follow when the batch is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract_doc(article: Article, doc: Doc, countries: Sequence[str] = ()) -> Extraction:
    t = time.perf_counter()
    text = article.text
    kb = actors_mod.load_knowledge()
    mentions = kb.find(text, on=article.published)
    given = [c.upper() for c in countries or ()]
    country = given[0] if given else kb.dominant_country(mentions)
    # the countries of the armed groups named are searched, but do not rule out places elsewhere:
    # Saudi-led air strikes fall on Yemen, Israeli ones on Gaza
    likely = list(dict.fromkeys(([country] if country else [])
                                + sorted({c for m in mentions if m.name and (c := kb.country_of(m.name))})))
    t = _TIMES.add("actors", t)
    places = places_mod.find_places(text, doc, countries=given, likely=likely)
    if country is None and not any(p.country for p in places):
        # a headline's only country may be an adjective: "Gunmen kill 7 in attack on Nigerian village"
        country = next((iso for w in _CAPITALISED.findall(text) if (iso := kb.iso_of_demonym(w))), None)
    t = _TIMES.add("places", t)
    if any(m.candidates for m in mentions):
        # a name several actors share is read in the country the text is about: "SNA" in Somalia
        homes = Counter(p.country for p in places if p.country)
        where = given[0] if given else (homes.most_common(1)[0][0] if homes else None)
        if where:
            mentions = kb.find(text, on=article.published, where=where)
    actor_refs = events_mod.carry_forces_country([_actor_ref(m, kb) for m in mentions], text, kb.country_of)
    ctx = events_mod.Context(
        # what a note says its source was dated is the day its relative dates count from
        published=dates_mod.source_date(text, article.published) or article.published,
        places=places,
        actors=actor_refs,
        article_id=article.id,
        source=article.original_source or article.source,
        resolve=lambda generic, where, on: actors_mod.generic_actor(generic, where or country, on),
        kind_of=lambda name: kb.kind_of(name),
        country_of=lambda name: kb.country_of(name),
        demonym_iso=kb.iso_of_demonym,
        militia_of=kb.community_militia,
        countries=given,
    )
    events = events_mod.extract_events(doc, ctx)
    t = _TIMES.add("events", t)
    actor_models = actors_mod.to_model(mentions, kb, country_iso2=country, on=article.published)
    t = _TIMES.add("actors", t)
    quotes = quotes_mod.find_quotes(doc, actor_mentions=actor_models)
    t = _TIMES.add("quotes", t)
    figures = figures_mod.find_figures(doc, quotes=quotes)
    t = _TIMES.add("figures", t)
    background = set(ctx.background)  # (the dead of events too old to be news are no other event's)
    events_mod.assign_fatalities(events, figures, text, [(s.start_char, s.end_char) for s in doc.sents
                                                         if (s.start_char, s.end_char) not in background])
    events = events_mod.split_by_place(events_mod.split_by_day(events_mod.split_summaries(events)))
    t = _TIMES.add("events", t)
    claims, contested = claims_mod.link_claims(quotes, events, text=text)
    for ev in events:
        ev.contested = ev.id in contested
    t = _TIMES.add("claims", t)
    for fig in figures:
        fig.event_id = next((ev.id for ev in events_mod.figure_events(fig, events)), None)
    actors = _actors(kb, actor_models, events)
    out = Extraction(
        article=article,
        events=events,
        places=places,
        actors=actors,
        quotes=quotes,
        claims=claims,
        figures=figures,
    )
    _TIMES.add("assemble", t)
    _TIMES.articles += 1
    return out


def _actor_ref(mention, kb) -> events_mod.ActorRef:
    return events_mod.ActorRef(
        name=mention.name,
        start=mention.start,
        end=mention.end,
        kind=getattr(mention, "kind", None) or kb.kind_of(mention.name) or "unknown",
        country=getattr(mention, "country", None),
        generic=getattr(mention, "generic", None),
    )


def _actors(kb, models: list[Actor], events) -> list[Actor]:
    """Actors of the article plus the generic ones events were coded with."""
    models = list(models)
    named = {a.name for a in models}
    for ev in events:
        for name in [ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2, *ev.actor1_candidates]:
            if name and name not in named:
                models.append(actors_mod.describe(name, kb))
                named.add(name)
    return models
