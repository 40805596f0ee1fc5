"""A trainable event-type coder for users who have their own ACLED export.

``train`` fits a light text classifier (TF-IDF word and character n-grams, linear SVM; no
torch) on the ``notes`` → ``sub_event_type`` pairs of an ACLED export and saves it with joblib;
``apply_model`` lets it re-type the events the rules found when it is confident.  warwire ships
no trained model: nothing derived from ACLED data is distributed with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, InputError
from .model import SUB_EVENT_TYPES, Extraction

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
#: decision margin above which the model overrides the rules
DEFAULT_MARGIN = 1.0


@dataclass
class CoderModel:
    pipeline: object
    classes: list[str]
    trained_on: int
    source: str
    created: str
    margin: float = DEFAULT_MARGIN


def _read_export(path: Path) -> tuple[list[str], list[str]]:
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = {"notes", "sub_event_type"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"{path}: not an ACLED export (missing columns: {', '.join(sorted(missing))})")
        texts, labels = [], []
        for row in reader:
            note, sub = (row.get("notes") or "").strip(), (row.get("sub_event_type") or "").strip()
            if note and sub in SUB_EVENT_TYPES:
                texts.append(note)
                labels.append(sub)
    if len(set(labels)) < 2:
        raise InputError(f"{path}: need notes of at least two sub-event types to train")
    return texts, labels


def _require_sklearn() -> None:
    try:
        import joblib  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        raise DataError("the trainable coder needs scikit-learn: pip install 'warwire[train]'") from None


def build_pipeline():
    """The classifier: word 1-2-grams and character 2-5-grams, TF-IDF, linear SVM."""
    _require_sklearn()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
    ])
    return Pipeline([("features", features), ("svm", LinearSVC(C=0.5, class_weight="balanced"))])


def train(export: Path, output: Path) -> CoderModel:
    """Fit the coder on an ACLED export (CSV with ``notes`` and ``sub_event_type``) and save it."""
    texts, labels = _read_export(Path(export))
    pipe = build_pipeline()
    pipe.fit(texts, labels)
    model = CoderModel(
        pipeline=pipe,
        classes=list(pipe.classes_),
        trained_on=len(texts),
        source=Path(export).name,
        created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    )
    import joblib

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"format": FORMAT_VERSION, "model": model}, output)
    counts = Counter(labels)
    log.info("trained on %d notes, %d sub-event types (largest: %s)", len(texts), len(counts),
             ", ".join(f"{k} {v}" for k, v in counts.most_common(3)))
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


def predict(model: CoderModel, texts: list[str]) -> list[tuple[str, float]]:
    """(sub-event type, margin over the runner-up) for each text."""
    import numpy as np

    scores = model.pipeline.decision_function(texts)
    scores = np.atleast_2d(scores)
    out = []
    for row in scores:
        order = np.argsort(row)[::-1]
        margin = float(row[order[0]] - row[order[1]]) if len(order) > 1 else float(row[order[0]])
        out.append((model.classes[order[0]], margin))
    return out


def apply_model(model: CoderModel, extraction: Extraction) -> None:
    """Re-type the extraction's events where the model is confident and disagrees with the rules."""
    if not extraction.events:
        return
    texts = [" ".join(s.text for s in ev.evidence) or ev.notes for ev in extraction.events]
    for ev, (sub, margin) in zip(extraction.events, predict(model, texts)):
        if sub != ev.sub_event_type and margin >= model.margin:
            log.debug("coder re-types %s: %s -> %s (margin %.2f)", ev.id, ev.sub_event_type, sub, margin)
            ev.sub_event_type = sub
            ev.event_type = SUB_EVENT_TYPES[sub]
