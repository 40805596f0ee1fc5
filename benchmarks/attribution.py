"""Score quote/attribution extraction on PolNeAR (``../shared/eval/attribution/``).

For each test article (first annotator's ``.ann`` file per text) the gold attribution
relations give Source, Cue and Content spans (BRAT).  warwire's :func:`warwire.quotes.find_quotes`
runs on the raw text (offsets are kept) and is scored two ways:

* overlap: a predicted content (speaker) span is correct when it shares a character with a
  gold Content (Source) span; a gold span is found when a prediction overlaps it.
* head: stricter; the head word of the predicted span (its syntactic root) must lie inside
  the gold span, and a gold span is found when its head word lies inside a prediction.
  "the Republican nominee" for gold "the Republican nominee's campaign" fails here.

A discontinuous gold span (BRAT ``a b;c d``) is one span, matched by any of its pieces.
Precision = correct predictions / predictions, recall = gold spans found / gold spans.

    .venv/bin/python benchmarks/attribution.py [--limit N] [--path DIR] [--misses N]

``--misses N`` prints N missed gold relations per cue word (the most frequent cues first),
to see which ways of attributing speech the rules do not know yet.

Evaluation data only: nothing from it is copied into the project.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "attribution" / "test"

Range = tuple[int, int]


@dataclass
class Gold:
    """One annotated article: spans by label (each span a list of pieces) and relations."""

    spans: dict[str, list[list[Range]]]
    relations: list[dict[str, list[Range]]]
    text_of: dict[str, str]


def read_ann(path: Path) -> Gold:
    """Gold spans by label (Source, Cue, Content) and the relations between them."""
    by_id: dict[str, tuple[str, list[Range]]] = {}
    spans: dict[str, list[list[Range]]] = defaultdict(list)
    text_of: dict[str, str] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, meta, text = line.split("\t", 2)
            label, ranges = meta.split(" ", 1)
            pieces = [(int(a), int(b)) for a, b in (p.split() for p in ranges.split(";"))]
            by_id[tid] = (label, pieces)
            spans[label].append(pieces)
            text_of[tid] = text
        elif line.startswith("E"):
            _eid, args = line.split("\t", 1)
            rel = {}
            for arg in args.split():
                role, tid = arg.split(":")
                if tid in by_id and role in ("Source", "Cue", "Content"):
                    rel[role] = by_id[tid][1]
                    rel[role + "_text"] = text_of[tid]  # type: ignore[assignment]
            relations.append(rel)
    return Gold(spans, relations, text_of)


def overlaps(a: Range, spans: list[list[Range]]) -> bool:
    return any(a[0] < y and x < a[1] for pieces in spans for x, y in pieces)


def head_of(doc, rng: Range) -> int | None:
    """Char offset of the syntactic head of the text in ``rng``."""
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root.idx


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(doc, gold: Gold, pred: dict[str, list[Range]], totals: Counter) -> None:
    """Add one article's counts (overlap and head matching) to ``totals``."""
    for kind, label in (("content", "Content"), ("source", "Source")):
        g = gold.spans[label]
        p = pred[kind]
        totals[f"{kind}_pred"] += len(p)
        totals[f"{kind}_gold"] += len(g)
        totals[f"{kind}_pred_ok"] += sum(overlaps(x, g) for x in p)
        totals[f"{kind}_gold_ok"] += sum(any(overlaps(piece, [p]) for piece in pieces)
                                         for pieces in g)
        heads_p = [head_of(doc, x) for x in p]
        totals[f"{kind}_head_pred_ok"] += sum(
            h is not None and any(a <= h < b for pieces in g for a, b in pieces) for h in heads_p)
        for pieces in g:
            heads = [head_of(doc, piece) for piece in pieces]
            totals[f"{kind}_head_gold_ok"] += any(
                h is not None and any(a <= h < b for a, b in p) for h in heads)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0, help="print N missed relations per cue")
    args = ap.parse_args(argv)
    if not (args.path / "text").is_dir():
        print(f"no PolNeAR test split at {args.path}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from warwire import nlp
    from warwire.quotes import find_quotes

    anns: dict[str, Path] = {}
    for ann in sorted((args.path / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    texts = sorted(p for p in (args.path / "text").glob("*.txt") if p.stem in anns)
    if args.limit:
        texts = texts[: args.limit]
    totals: Counter = Counter()
    missed: dict[str, list[str]] = defaultdict(list)
    t0 = time.time()
    docs = nlp.parse_many((p.read_text(encoding="utf-8") for p in texts), 8)
    for path, doc in zip(texts, docs):
        gold = read_ann(anns[path.stem])
        quotes = find_quotes(doc)
        pred = {
            "content": [(q.span.start, q.span.end) for q in quotes],
            "source": sorted({(q.speaker_span.start, q.speaker_span.end) for q in quotes
                              if q.speaker_span}),
        }
        score_doc(doc, gold, pred, totals)
        totals["direct"] += sum(q.direct for q in quotes)
        if args.misses:
            for rel in gold.relations:
                if "Source" not in rel or any(overlaps(s, [rel["Source"]]) for s in pred["source"]):
                    continue
                cue = re.sub(r"\s+", " ", str(rel.get("Cue_text", "-"))).lower()
                content = str(rel.get("Content_text", ""))[:90]
                missed[cue].append(f"{rel['Source_text']!r} | {content!r}")
    secs = time.time() - t0
    print(f"PolNeAR test split: {len(texts)} articles, {totals['content_gold']} gold contents, "
          f"{totals['source_gold']} gold sources; {totals['content_pred']} predicted quotes "
          f"({totals['direct']} direct); {secs:.0f} s")
    print()
    print("| span    | matching | precision | recall |   F1  | target F1 |")
    print("|---------|----------|-----------|--------|-------|-----------|")
    for kind, target in (("source", 0.75), ("content", 0.70)):
        for how, pre in (("overlap", ""), ("head", "head_")):
            p, r, f = prf(totals[f"{kind}_{pre}pred_ok"], totals[f"{kind}_pred"],
                          totals[f"{kind}_{pre}gold_ok"], totals[f"{kind}_gold"])
            tgt = f"{target:.2f}" if how == "overlap" else "  - "
            print(f"| {kind:<7} | {how:<8} |   {p:.3f}   | {r:.3f}  | {f:.3f} |   {tgt}    |")
    print("\noverlap: a span counts when it shares a character with a gold span (the target's "
          "measure); head: the span's head word must lie inside the other span.")
    if args.misses:
        print("\nMissed sources by cue (gold source | gold content):")
        for cue, rows in sorted(missed.items(), key=lambda kv: -len(kv[1])):
            print(f"  {cue!r}: {len(rows)}")
            for row in rows[: args.misses]:
                print(f"      {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
