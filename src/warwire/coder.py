"""A trainable event-type coder for users who have their own ACLED export.

``train`` fits a light text classifier on the ``notes`` → ``sub_event_type`` pairs of an ACLED
export (TF-IDF word 1-2-grams and character 2-5-grams, logistic regression; no torch) and saves
it with joblib.  Names are masked before the features are read (:func:`mask_names`), so the model
learns event language ("repulsed their attack", "dispersed by police") rather than the places
and groups of the country it was trained on.

``apply_model`` lets the model re-type the events the rules found, under a gate
(:func:`decide`): the rules find the events and keep the last word where the model has not seen
enough examples, where ACLED's precedence fixes the type (an air strike stays an Air/drone
strike), or where the model is not sure.  How sure it must be depends on where the event is: in a
country of the export the model is on home ground and wins when fairly sure (0.7: at even odds
it re-typed more of the rules' right answers than their wrong ones on Kenya, 5-fold); elsewhere its notes were about other conflicts (a model trained on Afghanistan's battles
has hardly seen a Kenyan protest), so it may pick the sub-type within the rules' event type and
change the event type only when nearly certain.  warwire ships no trained model: nothing derived
from ACLED data is distributed with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, InputError
from .model import SUB_EVENT_TYPES, Event, Extraction

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
#: (within the rules' event type, across event types): for an event in a country of the export,
#: the share of the type's probability / the probability the model's sub-type needs to win
HOME = (0.7, 0.7)
#: the same for an event elsewhere or of unknown country
ABROAD = (0.7, 0.95)
#: training notes a sub-type needs before the model may judge it (as the rules' or its own choice)
MIN_SUPPORT = 30
#: sub-types ACLED's precedence fixes from what the text names: the model never re-types them
LOCKED = frozenset({"Chemical weapon", "Air/drone strike", "Suicide bomb", "Sexual violence"})

_LEADING_DATE = re.compile(
    r"^\s*(?:(?:as\s+)?reported\s+)?(?:on|between|around|during|in|as\s+of|from|since|over)\b[^,.]{0,60}?\d{4}\s*,?\s*",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# a Capitalised word that does not open a sentence: a name (place, group, person, month)
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z][\w'’-]*")


def mask_names(text: str) -> str:
    """The note's event language: the leading date dropped, numbers as 0, names as X.

    Acronyms (IED, RPG) and lower-case words stay; so does a sentence's first word.
    """
    text = _LEADING_DATE.sub("", text)
    text = _DIGITS.sub("0", text)
    return _NAME.sub("X", text)


def _mask_all(texts):
    return [mask_names(t) for t in texts]


@dataclass
class CoderModel:
    pipeline: object
    classes: list[str]
    trained_on: int
    source: str
    created: str
    #: training notes per sub-event type
    support: dict[str, int] = field(default_factory=dict)
    #: training notes per country (ISO2), when the export says
    countries: dict[str, int] = field(default_factory=dict)
    home: tuple[float, float] = HOME
    abroad: tuple[float, float] = ABROAD
    min_support: int = MIN_SUPPORT


def _country_codes() -> dict[str, str]:
    """ISO2 by ISO3 code and by lower-cased country name."""
    from .gazetteer import load_countries

    out: dict[str, str] = {}
    for c in load_countries().values():
        out[c.iso3.upper()] = c.iso2
        for name in (c.name, *c.names):
            out[name.lower()] = c.iso2
    return out


def _read_export(path: Path) -> tuple[list[str], list[str], list[str | None]]:
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = {"notes", "sub_event_type"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"{path}: not an ACLED export (missing columns: {', '.join(sorted(missing))})")
        codes = _country_codes() if {"iso3", "country"} & set(reader.fieldnames or []) else {}
        texts, labels, countries = [], [], []
        for row in reader:
            note, sub = (row.get("notes") or "").strip(), (row.get("sub_event_type") or "").strip()
            if note and sub in SUB_EVENT_TYPES:
                texts.append(note)
                labels.append(sub)
                countries.append(codes.get((row.get("iso3") or "").strip().upper())
                                 or codes.get((row.get("country") or "").strip().lower()))
    if len(set(labels)) < 2:
        raise InputError(f"{path}: need notes of at least two sub-event types to train")
    return texts, labels, countries


def _require_sklearn() -> None:
    try:
        import joblib  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        raise DataError("the trainable coder needs scikit-learn: pip install 'warwire[train]'") from None


def build_pipeline():
    """Names masked; word 1-2-grams and character 2-5-grams, TF-IDF; logistic regression."""
    _require_sklearn()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
    ])
    return Pipeline([
        ("mask", FunctionTransformer(_mask_all)),
        ("features", features),
        ("clf", LogisticRegression(C=10, max_iter=3000, class_weight="balanced")),
    ])


def fit(
    texts: Sequence[str], labels: Sequence[str], countries: Sequence[str | None] = (), source: str = ""
) -> CoderModel:
    """A model fitted on notes, their sub-event types and countries (ISO2; not saved)."""
    pipe = build_pipeline()
    pipe.fit(list(texts), list(labels))
    counts = Counter(labels)
    log.info("trained on %d notes, %d sub-event types (largest: %s)", len(texts), len(counts),
             ", ".join(f"{k} {v}" for k, v in counts.most_common(3)))
    return CoderModel(
        pipeline=pipe,
        classes=[str(c) for c in pipe.classes_],
        trained_on=len(texts),
        source=source,
        created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        support=dict(counts),
        countries=dict(Counter(c for c in countries if c)),
    )


def train(export: Path, output: Path) -> CoderModel:
    """Fit the coder on an ACLED export (CSV with ``notes`` and ``sub_event_type``) and save it."""
    texts, labels, countries = _read_export(Path(export))
    model = fit(texts, labels, countries, source=Path(export).name)
    import joblib

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"format": FORMAT_VERSION, "model": model}, output)
    return model


def load_model(path: Path) -> CoderModel:
    """Load a model saved by :func:`train` (a clear DataError if it is not one)."""
    _require_sklearn()
    import joblib

    try:
        blob = joblib.load(Path(path))
    except FileNotFoundError:
        raise DataError(f"{path}: no such model file") from None
    except Exception as exc:  # joblib raises many kinds on a foreign file
        raise DataError(f"{path}: not a warwire coder model ({exc.__class__.__name__})") from None
    if not isinstance(blob, dict) or blob.get("format") != FORMAT_VERSION or not isinstance(blob.get("model"), CoderModel):
        raise DataError(f"{path}: not a warwire coder model (or made by another version)")
    return blob["model"]


def predict_proba(model: CoderModel, texts: Sequence[str]) -> list[dict[str, float]]:
    """The model's probability of each sub-event type it knows, for each text."""
    probs = model.pipeline.predict_proba(list(texts))
    return [dict(zip(model.classes, map(float, row))) for row in probs]


def predict(model: CoderModel, texts: Sequence[str]) -> list[tuple[str, float]]:
    """(most probable sub-event type, its probability) for each text."""
    return [max(p.items(), key=lambda kv: kv[1]) for p in predict_proba(model, texts)]


def decide(model: CoderModel, rule_sub: str, probs: Mapping[str, float], home: bool = False) -> str | None:
    """The sub-event type the model puts in place of the rules' ``rule_sub``, or None to keep it.

    The rules keep their type when it is one ACLED's precedence fixes (:data:`LOCKED`) or one the
    model has seen fewer than ``min_support`` examples of.  Only sub-types with that support are
    candidates.  With the thresholds ``(within, across)`` of ``model.home`` (the event is in a
    country of the export) or ``model.abroad``: within the rules' event type, when the model
    agrees on the type (half its probability or more), its sub-type wins with ``within`` of the
    type's probability; across types it needs a probability of ``across``.
    """
    within_type, cross_type = model.home if home else model.abroad
    if rule_sub in LOCKED or model.support.get(rule_sub, 0) < model.min_support:
        return None
    known = {s: p for s, p in probs.items() if model.support.get(s, 0) >= model.min_support}
    if not known:
        return None
    best, p_best = max(known.items(), key=lambda kv: kv[1])
    rule_type = SUB_EVENT_TYPES[rule_sub]
    if SUB_EVENT_TYPES[best] != rule_type:
        return best if p_best >= cross_type else None
    type_mass = sum(p for s, p in probs.items() if SUB_EVENT_TYPES[s] == rule_type)
    within = {s: p for s, p in known.items() if SUB_EVENT_TYPES[s] == rule_type}
    sub, p_sub = max(within.items(), key=lambda kv: kv[1])
    if sub != rule_sub and type_mass >= 0.5 and p_sub / type_mass >= within_type:
        return sub
    return None


def _event_country(ev: Event, extraction: Extraction) -> str | None:
    """The event's country: its place's, else the one country all the article's places are in."""
    if ev.location is not None and ev.location.country:
        return ev.location.country
    found = {p.country for p in extraction.places if p.country}
    return found.pop() if len(found) == 1 else None


def apply_model(model: CoderModel, extraction: Extraction, countries: Sequence[str] = ()) -> int:
    """Re-type the extraction's events where :func:`decide` lets the model; how many it changed.

    ``countries`` (ISO2): what the article is known to be about (as for ``pipeline.extract``),
    the home test for an event whose own country is not known.
    """
    if not extraction.events:
        return 0
    texts = [" ".join(s.text for s in ev.evidence) or ev.notes for ev in extraction.events]
    changed = 0
    for ev, probs in zip(extraction.events, predict_proba(model, texts)):
        country = _event_country(ev, extraction)
        home = country in model.countries if country else any(c in model.countries for c in countries)
        sub = decide(model, ev.sub_event_type, probs, home)
        if sub is not None and sub != ev.sub_event_type:
            log.debug("coder re-types %s: %s -> %s (p %.2f)", ev.id, ev.sub_event_type, sub, probs[sub])
            ev.sub_event_type = sub
            ev.event_type = SUB_EVENT_TYPES[sub]
            changed += 1
    return changed
