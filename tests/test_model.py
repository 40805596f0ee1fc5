"""The data model: ACLED names, the committed JSON Schema, validation."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from warwire.model import EVENT_TYPES, PRECEDENCE, SUB_EVENT_TYPES, Event, Place, json_schema

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_matches_model():
    committed = json.loads((ROOT / "docs" / "extraction.schema.json").read_text())
    assert committed == json_schema(), "run `make schema` and commit docs/extraction.schema.json"


def test_acled_types_and_precedence():
    assert len(EVENT_TYPES) == 6 and len(SUB_EVENT_TYPES) == 25
    assert SUB_EVENT_TYPES["Air/drone strike"] == "Explosions/Remote violence"
    assert SUB_EVENT_TYPES["Non-violent transfer of territory"] == "Strategic developments"
    # a battle outranks an air strike, which outranks shelling and attacks on civilians
    assert PRECEDENCE["Armed clash"] < PRECEDENCE["Air/drone strike"] < PRECEDENCE["Shelling/artillery/missile attack"]
    assert PRECEDENCE["Air/drone strike"] < PRECEDENCE["Attack"]


def test_event_rejects_unknown_type_and_serialises_iso_dates():
    with pytest.raises(ValidationError):
        Event(id="x", event_type="Battles", sub_event_type="Skirmish")
    ev = Event(id="x", event_type="Battles", sub_event_type="Armed clash", date="2019-08-19")
    assert json.loads(ev.model_dump_json())["date"] == "2019-08-19"


def test_place_coordinates_are_bounded():
    with pytest.raises(ValidationError):
        Place(text="X", start=0, end=1, name="X", gazetteer_id="t:1", lat=95, lon=0, feature_type="locality")
