"""Event coding accuracy on real ACLED analyst notes and on CASE 2021 news snippets.

ACLED (../shared/eval/acled/*.csv): each row's `notes` is the input, published 3 days after the
event so that the date has to come from the text. The first event warwire codes from a note is
compared with the row: event_type, sub_event_type, location within 25 km, date, fatalities,
actor1, and actor2 without the regime period (no actor2 matches an empty one). A keyword
baseline is scored on the same rows.

CASE 2021 (../shared/eval/case2021-subtypes-dev.tsv): sub-event type accuracy on snippets labelled
with an ACLED sub-type, and the share of non-conflict snippets (DIPLO, ATTRIB, ORG_CRIME,
NATURAL_DISASTER, MAN_MADE_DISASTER) wrongly coded as events.

A user ingesting one country's feed can tell the pipeline its country: the rows' country is
passed as ``countries=[ISO2]`` when ``pipeline.extract_many`` accepts it (``--no-country`` to
read the notes without it).

With --train, a coder is trained with `warwire.coder` on one ACLED country and scored on the
other (both directions), alone and combined with the rules.

    .venv/bin/python benchmarks/events.py [--limit N] [--train]

Nothing from these files is written anywhere.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import inspect
import math
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "src"))

from warwire import ingest, pipeline  # noqa: E402

CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NON_CONFLICT = {"DIPLO", "ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"}

# The keyword baseline: whole-word keywords per event type, the first type with a hit decides.
BASELINE = [
    ("Explosions/Remote violence", r"bomb\w*|explosi\w+|ieds?|shell(?:s|ed|ing)|mortars?|rockets?|air ?strikes?|"
                                   r"drones?|grenades?|missiles?|landmines?|airstrikes?|blasts?"),
    ("Riots", r"riot\w*|mobs?|lynch\w*|looted|torched"),
    ("Protests", r"protest\w*|demonstrat\w+|rall(?:y|ies|ied)|marched|picket\w*|sit-ins?"),
    ("Battles", r"clash\w*|fight\w*|battles?|exchange of fire|ambush\w*|repuls\w+|offensive|captured"),
    ("Violence against civilians", r"killed|shot|abduct\w*|kidnap\w*|rap(?:e|ed)|murder\w*|attack\w*|assault\w*"),
    ("Strategic developments", r"arrest\w*|seized|agreements?|deploy\w*|recruit\w*|surrender\w*|defus\w+"),
]
_BASELINE_RE = [(t, re.compile(rf"\b(?:{p})\b", re.I)) for t, p in BASELINE]


def baseline_type(text: str) -> str:
    for etype, rx in _BASELINE_RE:
        if rx.search(text):
            return etype
    return "Strategic developments"


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def parse_acled_date(s: str) -> dt.date:
    for fmt in ("%d-%m-%y", "%d %B %Y", "%Y-%m-%d", "%d-%b-%y"):
        try:
            return dt.datetime.strptime(s.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(s)


def read_acled(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["_date"] = parse_acled_date(r["event_date"])
    # a row without notes gives the coder nothing to read: left out (and counted in the header)
    empty = sum(1 for r in rows if not r["notes"].strip())
    if empty:
        print(f"{path.name}: {empty} rows without notes left out", file=sys.stderr)
    return [r for r in rows if r["notes"].strip()]


def strip_period(name: str | None) -> str:
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)\s*$", "", name or "").strip().lower()


def feed_country(rows: list[dict]) -> str | None:
    """ISO2 of the country most rows are in (the feed's country), from its iso3 column."""
    from warwire.gazetteer import load_countries

    iso3 = Counter(r.get("iso3") for r in rows if r.get("iso3")).most_common(1)
    by3 = {c.iso3: c.iso2 for c in load_countries().values()}
    return by3.get(iso3[0][0]) if iso3 else None


def country_hint_supported() -> bool:
    return "countries" in inspect.signature(pipeline.extract_many).parameters


_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
# a day the note writes out: "On 21 March 2020", "December 31 2019", "on 03/07", "on Friday"
STATED_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\d{1,2}/\d{1,2}\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    re.I,
)


def states_date(note: str) -> bool:
    """True when a note writes its day out (old headline-style notes often do not)."""
    return bool(STATED_DATE.search(note))


def names_location(row: dict) -> bool:
    """True when the note names ACLED's location (old notes often name none)."""
    loc = row.get("location", "").strip()
    return bool(loc) and loc.lower() in row["notes"].lower()


def score_acled(rows: list[dict], label: str, model=None, country_hint: bool = True) -> dict:
    texts = [r["notes"] for r in rows]
    arts = [ingest.from_text(t, id=f"{label}-{i}", published=r["_date"] + dt.timedelta(days=3))
            for i, (t, r) in enumerate(zip(texts, rows))]
    kwargs = {}
    if country_hint and country_hint_supported() and (iso2 := feed_country(rows)):
        kwargs["countries"] = [iso2]
    t0 = time.perf_counter()
    results = list(pipeline.extract_many(arts, **kwargs))
    seconds = time.perf_counter() - t0
    if model is not None:
        from warwire.coder import apply_model

        for ex in results:
            apply_model(model, ex)
    m = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    base = 0
    for r, ex in zip(rows, results):
        ev = ex.events[0] if ex.events else None
        gold_t, gold_s = r["event_type"], r["sub_event_type"]
        pred_t = ev.event_type if ev else "(none)"
        confusion[gold_t][pred_t] += 1
        m["n"] += 1
        m["coded"] += ev is not None
        m["n_date_stated"] += states_date(r["notes"])
        m["n_loc_named"] += names_location(r)
        m["type"] += pred_t == gold_t
        m["sub"] += ev is not None and ev.sub_event_type == gold_s
        base += baseline_type(r["notes"]) == gold_t
        if ev is None:
            continue
        stated, named = states_date(r["notes"]), names_location(r)
        if ev.location is not None and r["latitude"]:
            near = km(ev.location.lat, ev.location.lon, float(r["latitude"]), float(r["longitude"])) <= 25
            m["loc"] += near
            m["loc_named"] += near and named
        m["date"] += ev.date == r["_date"]
        m["date_stated"] += ev.date == r["_date"] and stated
        m["fat"] += ev.fatalities == int(r["fatalities"] or 0)
        m["actor1"] += ev.actor1 == r["actor1"]
        m["actor1_loose"] += strip_period(ev.actor1) == strip_period(r["actor1"])
        m["actor2_loose"] += strip_period(ev.actor2 or "") == strip_period(r.get("actor2") or "")
    n = m["n"] or 1
    return {
        "label": label, "n": m["n"], "coded": m["coded"] / n, "event_type": m["type"] / n,
        "sub_event_type": m["sub"] / n, "loc25": m["loc"] / n, "date": m["date"] / n,
        "fatalities": m["fat"] / n, "actor1": m["actor1"] / n, "actor1_loose": m["actor1_loose"] / n,
        "actor2_loose": m["actor2_loose"] / n, "baseline_type": base / n, "notes_s": m["n"] / seconds,
        "confusion": confusion,
        "n_date_stated": m["n_date_stated"], "date_stated": m["date_stated"] / max(m["n_date_stated"], 1),
        "n_loc_named": m["n_loc_named"], "loc25_named": m["loc_named"] / max(m["n_loc_named"], 1),
        "countries": kwargs.get("countries"), "extractions": results,
    }


def score_case(path: Path, model=None) -> dict:
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline=""), delimiter="\t"))
    arts = []
    for r in rows:
        try:
            arts.append(ingest.from_text(r["EventSnippet"], id=f"case-{r['id']}"))
        except Exception:
            arts.append(None)
    todo = [a for a in arts if a is not None]
    results = dict(zip((a.id for a in todo), pipeline.extract_many(todo)))
    if model is not None:
        from warwire.coder import apply_model

        for ex in results.values():
            apply_model(model, ex)
    sub_ok = sub_n = false_ev = non_n = 0
    per_label: dict[str, Counter] = defaultdict(Counter)
    for r, a in zip(rows, arts):
        ex = results.get(a.id) if a else None
        events = ex.events if ex else []
        label = r["SubType"]
        if label in NON_CONFLICT:
            non_n += 1
            false_ev += bool(events)
            continue
        gold = CASE_LABELS.get(label)
        if gold is None:
            continue
        sub_n += 1
        pred = events[0].sub_event_type if events else None
        ok = pred == gold
        sub_ok += ok
        per_label[gold]["n"] += 1
        per_label[gold]["ok"] += ok
    return {"sub_acc": sub_ok / max(sub_n, 1), "sub_n": sub_n, "false_event_rate": false_ev / max(non_n, 1),
            "non_n": non_n, "per_label": per_label}


def print_acled(results: list[dict]) -> None:
    cols = ["n", "coded", "event_type", "sub_event_type", "loc25", "date", "fatalities", "actor1",
            "actor1_loose", "actor2_loose", "baseline_type", "notes_s"]
    print("\nACLED notes (first coded event vs the row; 'baseline_type' = keyword baseline event_type)")
    hints = {r["label"]: r.get("countries") for r in results}
    print("country hint: " + ", ".join(f"{k} {v or 'none'}" for k, v in hints.items()) + "\n")
    print("| data | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for r in results:
        vals = [str(r["n"])] + [f"{r[c]:.3f}" if c != "notes_s" else f"{r[c]:.1f}" for c in cols[1:]]
        print(f"| {r['label']} | " + " | ".join(vals) + " |")
    print("\nWhere the note states it (many old notes give no day or no place name, so the "
          "publication date or no location is all there is to code)")
    print("| data | notes with a written day | date exact on them | notes naming ACLED's location "
          "| loc25 on them |")
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['label']} | {r['n_date_stated']} ({r['n_date_stated'] / max(r['n'], 1):.0%}) "
              f"| {r['date_stated']:.3f} | {r['n_loc_named']} ({r['n_loc_named'] / max(r['n'], 1):.0%}) "
              f"| {r['loc25_named']:.3f} |")
    for r in results:
        conf = r["confusion"]
        preds = sorted({p for c in conf.values() for p in c})
        print(f"\nConfusion ({r['label']}): rows gold event_type, columns predicted")
        short = {p: p.split("/")[0].split()[0][:10] for p in preds}
        print("| gold \\ pred | " + " | ".join(short[p] for p in preds) + " |")
        print("|---|" + "---|" * len(preds))
        for g in sorted(conf):
            print(f"| {g} | " + " | ".join(str(conf[g][p]) for p in preds) + " |")


# ---- the trainable coder (--train) -------------------------------------------------------------

def coder_scores(rows: list[dict], extractions: list, model, note_probs: list[dict],
                 countries: list[str] | None = None) -> dict:
    """event_type / sub_event_type accuracy of the model alone (on the notes), the rules, and both.

    The rules' extractions are copied before the model re-types them.  A note the rules find no
    event in counts as wrong for the rules and for the combination (the model only re-types).
    ``countries``: the feed's country, as the pipeline was told.
    """
    from warwire.coder import apply_model
    from warwire.model import SUB_EVENT_TYPES

    m = Counter()
    for r, ex, probs in zip(rows, extractions, note_probs):
        gold_t, gold_s = r["event_type"], r["sub_event_type"]
        alone = max(probs.items(), key=lambda kv: kv[1])[0]
        m["alone_t"] += SUB_EVENT_TYPES[alone] == gold_t
        m["alone_s"] += alone == gold_s
        if not ex.events:
            continue
        m["rules_t"] += ex.events[0].event_type == gold_t
        m["rules_s"] += ex.events[0].sub_event_type == gold_s
        both = ex.model_copy(deep=True)
        m["retyped"] += apply_model(model, both, countries or ())
        m["both_t"] += both.events[0].event_type == gold_t
        m["both_s"] += both.events[0].sub_event_type == gold_s
    n = len(rows) or 1
    out = {k: m[k] / n for k in ("alone_t", "alone_s", "rules_t", "rules_s", "both_t", "both_s")}
    out.update(n=len(rows), retyped=m["retyped"])
    return out


def score_coder(data: dict[str, list[dict]], extractions: dict[str, list], folds: int = 5,
                hints: dict[str, list[str] | None] | None = None) -> list[dict]:
    """Train on one country and score on each other one; then k-fold within each country.

    ``hints``: per dataset, the countries the pipeline was told (also told to the coder).
    """
    hints = hints or {}
    import numpy as np

    from warwire.coder import fit, load_model, predict_proba, train

    out = []
    for train_name in data:
        for test_name in data:
            if train_name == test_name:
                continue
            with tempfile.TemporaryDirectory() as tmp:  # through the saved file, as `warwire train` does
                model_path = Path(tmp) / "model.joblib"
                t0 = time.perf_counter()
                train(EVAL / "acled" / f"{train_name}.csv", model_path)
                seconds = time.perf_counter() - t0
                model = load_model(model_path)
            rows = data[test_name]
            probs = predict_proba(model, [r["notes"] for r in rows])
            res = coder_scores(rows, extractions[test_name], model, probs, hints.get(test_name))
            res.update(label=f"{train_name} -> {test_name}", train_s=seconds)
            out.append(res)
    for name, rows in data.items():
        if folds < 2 or len(rows) < folds * 10:
            continue
        order = np.random.default_rng(0).permutation(len(rows))
        iso2 = feed_country(rows)
        parts, t0 = [], time.perf_counter()
        for k in range(folds):
            test_idx = order[k::folds]
            held = set(test_idx.tolist())
            model = fit([r["notes"] for i, r in enumerate(rows) if i not in held],
                        [r["sub_event_type"] for i, r in enumerate(rows) if i not in held],
                        [iso2] * (len(rows) - len(held)))
            test_rows = [rows[i] for i in test_idx]
            probs = predict_proba(model, [r["notes"] for r in test_rows])
            parts.append(coder_scores(test_rows, [extractions[name][i] for i in test_idx], model, probs,
                                      hints.get(name)))
        res = {k: sum(p[k] * p["n"] for p in parts) / len(rows) for k in parts[0] if k not in ("n", "retyped")}
        res.update(n=len(rows), retyped=sum(p["retyped"] for p in parts), label=f"{name} ({folds}-fold)",
                   train_s=(time.perf_counter() - t0) / folds)
        out.append(res)
    return out


def print_coder(results: list[dict]) -> None:
    print("\nTrainable coder (warwire train): model alone on the notes, the rules alone, rules + model")
    print("(type = event_type, sub = sub_event_type accuracy; re-typed = events the model changed)\n")
    print("| train -> test | n | alone type | alone sub | rules type | rules sub | combined type | combined sub "
          "| re-typed | train s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['label']} | {r['n']} | {r['alone_t']:.3f} | {r['alone_s']:.3f} | {r['rules_t']:.3f} | "
              f"{r['rules_s']:.3f} | {r['both_t']:.3f} | {r['both_s']:.3f} | {r['retyped']} | {r['train_s']:.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="random sample of N rows per ACLED file (0 = all)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--train", action="store_true", help="also train/score the ACLED-trained coder across countries")
    ap.add_argument("--folds", type=int, default=5, help="with --train: also k-fold within each country (0 = no)")
    ap.add_argument("--no-case", action="store_true")
    ap.add_argument("--no-country", action="store_true", help="do not tell the pipeline the feed's country")
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"evaluation data not found at {EVAL}")
    files = sorted((EVAL / "acled").glob("*.csv"))
    data = {}
    for f in files:
        rows = read_acled(f)
        if args.limit and len(rows) > args.limit:
            rows = random.Random(args.seed).sample(rows, args.limit)
        data[f.stem] = rows
    results = [score_acled(rows, name, country_hint=not args.no_country) for name, rows in data.items()]
    print_acled(results)
    if not args.no_case:
        case = score_case(EVAL / "case2021-subtypes-dev.tsv")
        print(f"\nCASE 2021 dev: sub-event type accuracy {case['sub_acc']:.3f} on {case['sub_n']} snippets; "
              f"non-conflict snippets coded as events {case['false_event_rate']:.3f} of {case['non_n']}\n")
        print("| sub-event type | n | accuracy |\n|---|---|---|")
        for sub, c in sorted(case["per_label"].items(), key=lambda kv: -kv[1]["n"]):
            print(f"| {sub} | {c['n']} | {c['ok'] / c['n']:.2f} |")
    if args.train:
        extractions = {r["label"]: r["extractions"] for r in results}
        hints = {r["label"]: r["countries"] for r in results}
        print_coder(score_coder(data, extractions, folds=args.folds, hints=hints))

if __name__ == "__main__":
    main()
