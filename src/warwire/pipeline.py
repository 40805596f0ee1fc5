"""Run the stages in order: ingest -> nlp -> places -> actors -> events -> claims.

``extract(article)`` reads one article; ``extract_many`` streams many through ``nlp.pipe``.
Both return :class:`warwire.model.Extraction` documents; nothing here touches the store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import actors as actors_mod
from . import claims as claims_mod
from . import events as events_mod
from . import figures as figures_mod
from . import nlp
from . import places as places_mod
from . import quotes as quotes_mod
from .model import Actor, Article, Extraction

log = logging.getLogger(__name__)


def extract(article: Article, doc: Doc | None = None) -> Extraction:
    """Extract events, places, actors, quotes, claims and figures from one article."""
    if article.status != "ok" or not article.text.strip():
        return Extraction(article=article)
    if doc is None:
        doc = nlp.parse(article.text)
    return _extract_doc(article, doc)


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Extract many articles, parsing the English ones together with ``nlp.pipe``."""
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from _run_batch(pending, batch_size)
            pending = []
    if pending:
        yield from _run_batch(pending, batch_size)


def _run_batch(articles: list[Article], batch_size: int) -> Iterator[Extraction]:
    todo = [a for a in articles if a.status == "ok" and a.text.strip()]
    docs = dict(zip((id(a) for a in todo), nlp.parse_many((a.text for a in todo), batch_size)))
    for a in articles:
        doc = docs.get(id(a))
        yield _extract_doc(a, doc) if doc is not None else Extraction(article=a)


def _extract_doc(article: Article, doc: Doc) -> Extraction:
    text = article.text
    kb = actors_mod.load_knowledge()
    mentions = kb.find(text, on=article.published)
    country = kb.dominant_country(mentions)
    hints = [country] if country else []
    hints += sorted({c for m in mentions if m.name and (c := kb.country_of(m.name)) and c not in hints})
    places = places_mod.find_places(text, doc, countries=hints)
    actor_refs = [_actor_ref(m, kb) for m in mentions]
    ctx = events_mod.Context(
        published=article.published,
        places=places,
        actors=actor_refs,
        article_id=article.id,
        source=article.original_source or article.source,
        resolve=lambda generic, where, on: actors_mod.generic_actor(generic, where or country, on),
        kind_of=lambda name: kb.kind_of(name),
        country_of=lambda name: kb.country_of(name),
        demonym_iso=kb.iso_of_demonym,
    )
    events = events_mod.extract_events(doc, ctx)
    actor_models = actors_mod.to_model(mentions, kb, country_iso2=country, on=article.published)
    quotes = quotes_mod.find_quotes(doc, actor_mentions=actor_models)
    figures = figures_mod.find_figures(doc, quotes=quotes)
    events_mod.assign_fatalities(events, figures, text)
    claims, contested = claims_mod.link_claims(quotes, events, text=text)
    for ev in events:
        ev.contested = ev.id in contested
    for fig in figures:
        for ev in events:
            if any(s.start <= fig.span.start and fig.span.end <= s.end for s in ev.evidence):
                fig.event_id = ev.id
                break
    actors = _actors(kb, actor_models, events)
    return Extraction(
        article=article,
        events=events,
        places=places,
        actors=actors,
        quotes=quotes,
        claims=claims,
        figures=figures,
    )


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
