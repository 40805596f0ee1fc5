"""Score quote/attribution extraction on PolNeAR (``../shared/eval/attribution/``).

For each test article (first annotator's ``.ann`` file per text) the gold attribution
relations give Source, Cue and Content spans (BRAT).  warwire's :func:`warwire.claims.find_quotes`
runs on the raw text (offsets are kept); a predicted content (speaker) span is correct when it
overlaps a gold Content (Source) span.  Precision = correct predictions / predictions, recall =
gold spans overlapped by a prediction / gold spans.

    .venv/bin/python benchmarks/attribution.py [--limit N] [--path DIR]

Evaluation data only: nothing from it is copied into the project.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "attribution" / "test"


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Gold spans by label (Source, Cue, Content); discontinuous spans are split."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _tid, meta, _text = line.split("\t", 2)
        label, ranges = meta.split(" ", 1)
        for part in ranges.split(";"):
            a, b = part.split()
            out[label].append((int(a), int(b)))
    return out


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < y and x < a[1] for x, y in spans)


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not (args.path / "text").is_dir():
        print(f"no PolNeAR test split at {args.path}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from warwire import nlp
    from warwire.claims import find_quotes

    anns: dict[str, Path] = {}
    for ann in sorted((args.path / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    texts = sorted(p for p in (args.path / "text").glob("*.txt") if p.stem in anns)
    if args.limit:
        texts = texts[: args.limit]
    totals = defaultdict(int)
    t0 = time.time()
    docs = nlp.parse_many((p.read_text(encoding="utf-8") for p in texts), 8)
    for path, doc in zip(texts, docs):
        gold = read_ann(anns[path.stem])
        quotes = find_quotes(doc)
        pred_content = [(q.span.start, q.span.end) for q in quotes]
        pred_source = list({(q.speaker_span.start, q.speaker_span.end) for q in quotes if q.speaker_span})
        for kind, pred, g in (("content", pred_content, gold["Content"]), ("source", pred_source, gold["Source"])):
            totals[f"{kind}_pred"] += len(pred)
            totals[f"{kind}_pred_ok"] += sum(overlaps(x, g) for x in pred)
            totals[f"{kind}_gold"] += len(g)
            totals[f"{kind}_gold_ok"] += sum(overlaps(x, pred) for x in g)
        totals["direct"] += sum(q.direct for q in quotes)
    secs = time.time() - t0
    print(f"PolNeAR test split: {len(texts)} articles, {totals['content_gold']} gold contents, "
          f"{totals['source_gold']} gold sources; {totals['content_pred']} predicted quotes "
          f"({totals['direct']} direct); {secs:.0f} s")
    print()
    print("| span    | precision | recall |   F1  | target F1 |")
    print("|---------|-----------|--------|-------|-----------|")
    for kind, target in (("source", 0.75), ("content", 0.70)):
        p, r, f = prf(totals[f"{kind}_pred_ok"], totals[f"{kind}_pred"], totals[f"{kind}_gold_ok"],
                      totals[f"{kind}_gold"])
        print(f"| {kind:<7} |   {p:.3f}   | {r:.3f}  | {f:.3f} |   {target:.2f}    |")
    print("\nOverlap matching: a span counts when it shares at least one character with a gold span.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
