"""The trainable coder: trains on a user's ACLED-style export and re-types events via the CLI."""

import csv
import json
import subprocess
import sys

import pytest

pytest.importorskip("sklearn", reason="scikit-learn is installed by the test extra")

from warwire.coder import CoderModel, decide, load_model, mask_names, predict, train  # noqa: E402
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
PLACES = ["Garissa", "Wajir", "Lamu", "Kisumu", "Nakuru", "Eldoret", "Mombasa", "Kitui", "Embu", "Isiolo"]


def write_export(path):
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_date", "event_type", "sub_event_type", "country", "notes"])
        for sub, templates in NOTES.items():
            for i, place in enumerate(PLACES):
                for t in templates:
                    w.writerow(["2021-05-01", "x", sub, "Kenya", t.format(d=i + 1, p=place)])


def test_train_predict_and_reload(tmp_path):
    export, model_path = tmp_path / "export.csv", tmp_path / "coder.joblib"
    write_export(export)
    model = train(export, model_path)
    assert model.trained_on == 90 and set(model.classes) == set(NOTES)
    assert model.support == {sub: 30 for sub in NOTES} and model.countries == {"KE": 90}
    reloaded = load_model(model_path)
    (sub, p), = predict(reloaded, ["On 3 June 2021, a mob lynched two men accused of theft in Embu."])
    assert sub == "Mob violence" and 0.5 < p <= 1


def test_mask_names_keeps_event_language_only():
    note = ("On 21 March 2020, 12 Taliban militants were killed when Afghan forces repulsed their "
            "attack in Dawlat Abad district, Balkh. Police said an IED hit them.")
    assert mask_names(note) == ("0 X militants were killed when X forces repulsed their attack in X X "
                                "district, X. Police said an IED hit them.")


def _stub(**support) -> CoderModel:
    """A model whose gate can be tested without training: only the support matters."""
    named = {k.replace("_", " "): v for k, v in support.items()}
    return CoderModel(pipeline=None, classes=list(named), trained_on=sum(named.values()), source="",
                      created="", support=named)


def test_gate_precedence_support_and_thresholds():
    model = _stub(**{"Armed clash": 300, "Air/drone strike": 50, "Attack": 200, "Peaceful protest": 5,
                     "Protest with intervention": 100, "Excessive force against protesters": 100})
    # ACLED precedence: an air strike stays an air strike, however sure the model is
    assert decide(model, "Air/drone strike", {"Armed clash": 0.99}, home=True) is None
    # the model has hardly seen peaceful protests: it cannot judge one, nor propose one
    assert decide(model, "Peaceful protest", {"Protest with intervention": 0.99}, home=True) is None
    assert decide(model, "Protest with intervention", {"Peaceful protest": 0.9, "Attack": 0.1}, home=True) is None
    # across event types: fairly sure at home, near certainty abroad
    probs = {"Armed clash": 0.8, "Attack": 0.2}
    assert decide(model, "Attack", probs, home=True) == "Armed clash"
    assert decide(model, "Attack", {"Armed clash": 0.6, "Attack": 0.4}, home=True) is None
    assert decide(model, "Attack", probs, home=False) is None
    assert decide(model, "Attack", {"Armed clash": 0.97, "Attack": 0.03}, home=False) == "Armed clash"
    # within the rules' event type the model picks the sub-type when it agrees on the type
    within = {"Excessive force against protesters": 0.6, "Protest with intervention": 0.15, "Attack": 0.25}
    assert decide(model, "Protest with intervention", within, home=False) == "Excessive force against protesters"
    assert decide(model, "Protest with intervention", {"Excessive force against protesters": 0.3, "Attack": 0.7},
                  home=False) is None
    # agreeing with the rules changes nothing
    assert decide(model, "Armed clash", {"Armed clash": 0.9, "Attack": 0.1}, home=True) is None


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


def test_apply_model_trusts_the_model_at_home_only(tmp_path):
    from warwire.coder import apply_model
    from warwire.model import Article, Event, Extraction, Place, Span

    export, model_path = tmp_path / "export.csv", tmp_path / "coder.joblib"
    write_export(export)
    model = train(export, model_path)
    text = "An angry crowd beat a man in Embu on Monday."

    def extraction(country):
        place = Place(text="Embu", start=28, end=32, name="Embu", gazetteer_id="test:embu", lat=-0.53, lon=37.45,
                      feature_type="locality", country=country) if country else None
        ev = Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                   location=place, evidence=[Span(start=0, end=len(text), text=text)])
        return Extraction(article=Article(id="a", text=text, content_hash="h"), events=[ev])

    (_, p), = predict(model, [text])
    assert model.home[1] <= p < model.abroad[1]  # sure enough at home, not abroad
    abroad = extraction("UG")  # a country the export does not cover: the rules' type stays
    assert apply_model(model, abroad) == 0 and abroad.events[0].sub_event_type == "Remote explosive/landmine/IED"
    home = extraction("KE")
    assert apply_model(model, home) == 1
    assert (home.events[0].event_type, home.events[0].sub_event_type) == ("Riots", "Mob violence")
    # no place: abroad, unless the article is known to be about a country of the export
    assert apply_model(model, extraction(None)) == 0
    assert apply_model(model, extraction(None), countries=["UG"]) == 0
    assert apply_model(model, extraction(None), countries=["KE"]) == 1
    assert apply_model(model, extraction("UG"), countries=["KE"]) == 0  # the event's own country decides
