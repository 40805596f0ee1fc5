"""The trainable coder: trains on a user's ACLED-style export and re-types events via the CLI."""

import csv
import json
import subprocess
import sys

import pytest

pytest.importorskip("sklearn", reason="scikit-learn is installed by the test extra")

from warwire.coder import load_model, predict, train  # noqa: E402
from warwire.errors import DataError, InputError  # noqa: E402

# Short notes written for this test in ACLED's style (not ACLED data).
NOTES = {
    "Peaceful protest": [
        "On {d} May 2021, teachers held a peaceful march in {p} demanding unpaid salaries.",
        "On {d} May 2021, traders staged a sit-in outside the county offices in {p} over new levies.",
        "On {d} May 2021, residents demonstrated peacefully in {p} against water shortages.",
    ],
    "Mob violence": [
        "On {d} May 2021, a mob lynched a suspected thief in {p} market.",
        "On {d} May 2021, villagers beat a man accused of witchcraft to death in {p}.",
        "On {d} May 2021, an angry crowd burned the house of a suspected cattle thief in {p}.",
    ],
    "Remote explosive/landmine/IED": [
        "On {d} May 2021, a roadside bomb hit a police vehicle near {p}.",
        "On {d} May 2021, an IED exploded under a bus on the road to {p}.",
        "On {d} May 2021, a landmine blast struck a truck outside {p}.",
    ],
}
PLACES = ["Garissa", "Wajir", "Lamu", "Kisumu", "Nakuru", "Eldoret", "Mombasa", "Kitui"]


def write_export(path):
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_date", "event_type", "sub_event_type", "notes"])
        for sub, templates in NOTES.items():
            for i, place in enumerate(PLACES):
                for t in templates:
                    w.writerow(["2021-05-01", "x", sub, t.format(d=i + 1, p=place)])


def test_train_predict_and_reload(tmp_path):
    export, model_path = tmp_path / "export.csv", tmp_path / "coder.joblib"
    write_export(export)
    model = train(export, model_path)
    assert model.trained_on == 72 and set(model.classes) == set(NOTES)
    reloaded = load_model(model_path)
    (sub, margin), = predict(reloaded, ["On 3 June 2021, a mob lynched two men accused of theft in Embu."])
    assert sub == "Mob violence" and margin > 0


def test_bad_inputs_are_clear_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="missing columns"):
        train(bad, tmp_path / "m.joblib")
    junk = tmp_path / "junk.joblib"
    junk.write_bytes(b"not a model")
    with pytest.raises(DataError, match="not a warwire coder model"):
        load_model(junk)


def test_cli_train_then_extract_with_model(tmp_path):
    export, model_path = tmp_path / "export.csv", tmp_path / "coder.joblib"
    write_export(export)
    run = lambda *a: subprocess.run([sys.executable, "-m", "warwire.cli", *map(str, a)],  # noqa: E731
                                    capture_output=True, text=True)
    trained = run("train", "--acled", export, "--output", model_path)
    assert trained.returncode == 0, trained.stderr
    note = tmp_path / "note.txt"
    note.write_text("On 3 June 2021, an angry crowd attacked and lynched a suspected thief in Embu town.")
    out = run("extract", note, "--published", "2021-06-05", "--model", model_path)
    assert out.returncode == 0, out.stderr
    events = json.loads(out.stdout)["events"]
    assert events and events[0]["sub_event_type"] == "Mob violence"
    missing = run("extract", note, "--model", tmp_path / "nope.joblib")
    assert missing.returncode == 1 and "no such model" in missing.stderr


def test_apply_model_retypes_only_when_confident(tmp_path):
    from warwire.coder import apply_model
    from warwire.model import Article, Event, Extraction, Span

    export, model_path = tmp_path / "export.csv", tmp_path / "coder.joblib"
    write_export(export)
    model = train(export, model_path)
    text = "A mob lynched a suspected thief in Embu market on Monday."
    ev = Event(id="e1", event_type="Battles", sub_event_type="Armed clash",
               evidence=[Span(start=0, end=len(text), text=text)])
    ex = Extraction(article=Article(id="a", text=text, content_hash="h"), events=[ev])
    model.margin = 1e9  # never confident enough: the rules' type stays
    apply_model(model, ex)
    assert ex.events[0].sub_event_type == "Armed clash"
    model.margin = 0.0
    apply_model(model, ex)
    assert (ex.events[0].event_type, ex.events[0].sub_event_type) == ("Riots", "Mob violence")
