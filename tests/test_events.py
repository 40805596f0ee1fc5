"""The events stage on sentences written for these tests: types, roles, modality, dates, tolls."""

import datetime as dt

import pytest

from warwire import ingest, pipeline
from warwire.events import load_lexicon
from warwire.errors import DataError

TUESDAY = dt.date(2019, 8, 20)


def events(text, published=TUESDAY):
    return pipeline.extract(ingest.from_text(text, published=published)).events


def only(text, published=TUESDAY):
    evs = events(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.notes) for e in evs]
    return evs[0]


def test_passive_voice_agent_is_actor1_and_victims_actor2():
    ev = only("Three civilians were killed by Taliban gunmen in Kunduz on Sunday.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.actor1 == "Taliban"
    assert ev.actor2 == "Civilians (Afghanistan)"
    assert ev.date == dt.date(2019, 8, 18)
    assert ev.fatalities == 3
    assert ev.civilian_targeting


def test_air_strike_that_kills_civilians_stays_an_air_strike():
    ev = only("Syrian warplanes struck the town of Saraqib on Monday, killing five civilians.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Syria (2000-)"
    assert ev.actor2 == "Civilians (Syria)"
    assert ev.fatalities == 5
    assert abs(ev.location.lat - 35.86) < 0.05 and abs(ev.location.lon - 36.80) < 0.05


def test_shelling_that_kills_soldiers_is_shelling_not_a_battle():
    ev = only("On 18 August 2019, the Houthis shelled government positions in Taiz, killing 4 soldiers.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.date == dt.date(2019, 8, 18)
    assert ev.location.country == "YE"
    assert ev.fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army denied carrying out the strike on Saraqib.",
        "Al-Shabaab threatened to attack Mandera town in the coming days.",
        "Government forces will launch an offensive on Idlib next week, officials said.",
        "If the rebels do not withdraw from Saraqib, the army will storm the town.",
        "Five years ago, militants seized the town of Palmyra.",
        "The foreign ministers of Kenya and Ethiopia met in Addis Ababa on Wednesday to discuss trade.",
    ],
)
def test_denials_threats_forecasts_hypotheticals_and_diplomacy_are_not_events(text):
    assert events(text) == []


def test_two_events_in_one_sentence():
    evs = events("Gunmen attacked a police post in Mandera on Monday, while protesters rallied peacefully in Nairobi.")
    by_type = {e.sub_event_type: e for e in evs}
    assert set(by_type) == {"Armed clash", "Peaceful protest"}
    assert by_type["Armed clash"].location.name == "Mandera"
    assert by_type["Armed clash"].actor2.startswith("Police Forces of Kenya")
    assert by_type["Peaceful protest"].location.name == "Nairobi"
    assert by_type["Peaceful protest"].actor1 == "Protesters (Kenya)"


def test_unknown_perpetrator_is_unidentified_not_guessed():
    ev = only(
        "A roadside bomb exploded near a market in Kandahar on Friday, killing two civilians. "
        "No group claimed responsibility.",
        published=dt.date(2020, 3, 2),  # a Monday: Friday is in the previous month
    )
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 == "Unidentified Armed Group (Afghanistan)"
    assert ev.date == dt.date(2020, 2, 28)
    assert ev.location.geo_precision == 2  # "near" Kandahar
    assert ev.fatalities == 2


def test_fatality_number_words_and_wounded_not_counted():
    ev = only(
        "Taliban fighters clashed with Afghan security forces in Helmand on Saturday; "
        "a dozen soldiers were killed and 20 wounded.",
        published=dt.date(2020, 3, 2),
    )
    assert ev.sub_event_type == "Armed clash"
    assert ev.fatalities == 12
    assert ev.date == dt.date(2020, 2, 29)
    assert {ev.actor1, ev.actor2} == {"Taliban", "Military Forces of Afghanistan (2014-2021)"}


def test_protest_dispersed_by_police_is_protest_with_intervention():
    ev = only("Hundreds of protesters marched in Nairobi on Monday against corruption. "
              "Police fired tear gas to disperse them.")
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.actor1 == "Protesters (Kenya)"
    assert ev.actor2.startswith("Police Forces of Kenya")
    assert len(ev.evidence) == 2


def test_government_retaking_a_town_after_fighting():
    ev = only("Government forces recaptured the town of Khan Sheikhoun on Tuesday after heavy fighting with HTS.")
    assert ev.sub_event_type == "Government regains territory"
    assert ev.actor1 == "Military Forces of Syria (2000-)"
    assert ev.actor2 == "Hayat Tahrir al-Sham"
    assert ev.interaction == 12


def test_evidence_spans_point_into_the_text():
    text = "Syrian warplanes struck the town of Saraqib on Monday, killing five civilians."
    ex = pipeline.extract(ingest.from_text(text, published=TUESDAY))
    for ev in ex.events:
        for span in ev.evidence:
            assert ex.article.text[span.start:span.end] == span.text


def test_a_broken_lexicon_is_a_clear_data_error(tmp_path):
    bad = tmp_path / "lexicon.toml"
    bad.write_text('[[frame]]\nname = "x"\ntriggers = ["bomb"]\npos = ["NOUN"]\n'
                   'sub_event_type = "Carpet bombing"\nstrength = "strong"\n'
                   '[cues]\n[modality]\nfuture=[]\nhypothetical=[]\ndenial=[]\npurpose=[]\nnegation=[]\nanniversary=[]\n')
    with pytest.raises(DataError, match="Carpet bombing"):
        load_lexicon(bad)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two suicide bombers blew themselves up outside a mosque in Maiduguri on Friday, killing 12 worshippers.",
         "Suicide bomb"),
        ("Soldiers found and defused an improvised explosive device near the market in Kandahar on Sunday.",
         "Disrupted weapons use"),
        ("Police seized a large cache of rifles and ammunition in Garissa on Monday.", "Disrupted weapons use"),
        ("Militants hurled a grenade at a police patrol in Mandera on Sunday, wounding two officers.", "Grenade"),
        ("Traders clashed with county officers in Nakuru on Monday over the demolition of their stalls.",
         "Mob violence"),
        ("Protesters in Kisumu burned tyres and threw stones at police on Monday.", "Violent demonstration"),
        ("The Taliban and government negotiators agreed a ceasefire in Doha on Sunday.", "Agreement"),
    ],
)
def test_sub_event_types(text, expected):
    evs = events(text)
    assert evs and evs[0].sub_event_type == expected, [(e.sub_event_type, e.notes) for e in evs]


@pytest.mark.parametrize(
    "text",
    [
        "A gas explosion at a warehouse in Nairobi killed three workers on Monday.",
        "An earthquake struck northern Afghanistan on Sunday, killing at least 20 people.",
        "Al-Shabaab claimed responsibility for the attack on the police station.",
        "The European Union imposed sanctions over the bombing of the embassy.",
        "A drone captured footage of the flooded villages in Sindh on Monday.",
        "Government troops encircled the town of Saraqib on Monday, according to a war monitor.",
    ],
)
def test_disasters_and_references_are_not_new_events(text):
    assert events(text) == []


def test_one_unnumbered_death_counts_as_one_and_casualties_as_none():
    ev = only("A shepherd was shot dead by Taliban fighters in Faryab on Monday.")
    assert ev.fatalities == 1
    ev = only("Seven policemen were killed and wounded in a Taliban ambush in Helmand on Sunday.")
    assert ev.fatalities == 0  # a number of killed and wounded is no death toll
