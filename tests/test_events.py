"""The events stage on sentences written for these tests: types, roles, modality, dates, tolls."""

import datetime as dt
from importlib import resources

import pytest

from warwire import ingest, nlp, pipeline
from warwire.events import load_lexicon
from warwire.errors import DataError

TUESDAY = dt.date(2019, 8, 20)


def events(text, published=TUESDAY):
    return pipeline.extract(ingest.from_text(text, published=published)).events


def only(text, published=TUESDAY):
    evs = events(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.notes) for e in evs]
    return evs[0]


def _in(country, text, published=TUESDAY):
    """The events of ``text`` from a feed the caller says is about ``country``."""
    (ex,) = pipeline.extract_many([ingest.from_text(text, published=published)], countries=[country])
    return ex.events


def test_passive_voice_agent_is_actor1_and_victims_actor2():
    ev = only("Three civilians were killed by Taliban gunmen in Kunduz on Sunday.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.actor1 == "Taliban"
    assert ev.actor2 == "Civilians (Afghanistan)"
    assert ev.date == dt.date(2019, 8, 18)
    assert ev.fatalities == 3
    assert ev.civilian_targeting


def test_the_doer_of_a_gerund_is_after_by():
    ev = only("Three Ukrainian soldiers were killed and four wounded in shelling by Russian-backed separatists "
              "near Pisky on August 17, the military said.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Shelling/artillery/missile attack", "NAF: Novorossiya Armed Forces", 3)
    assert ev.actor2.startswith("Military Forces of Ukraine")


def test_air_strike_that_kills_civilians_stays_an_air_strike():
    ev = only("Syrian warplanes struck the town of Saraqib on Monday, killing five civilians.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Syria (2000-)"
    assert ev.actor2 == "Civilians (Syria)"
    assert ev.fatalities == 5
    assert abs(ev.location.lat - 35.86) < 0.05 and abs(ev.location.lon - 36.80) < 0.05


def test_an_air_strike_by_a_side_of_a_battle_told_right_after_it_is_part_of_the_battle():
    (ev,) = events("On 19 June 2023, Israeli forces raided Jenin refugee camp and clashed with Palestinian "
                   "militants. An IDF helicopter fired missiles. 7 Palestinians were killed.", dt.date(2023, 6, 22))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "Military Forces of Israel (2022-)", 7)
    # another day's strike, elsewhere, is an event of its own
    battle, strike = events("On 19 June 2023, Israeli forces clashed with Palestinian militants in Jenin. "
                            "On 20 June, an IDF drone struck a car in Nablus, killing 2.", dt.date(2023, 6, 22))
    assert (battle.sub_event_type, strike.sub_event_type, strike.fatalities) == ("Armed clash", "Air/drone strike", 2)


def test_a_place_falls_to_who_took_it_and_shells_that_fall_take_nothing():
    (ev,) = _kenyan("On Monday, the town of Mandera fell to al-Shabaab militants.")
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == ("Non-state actor overtakes territory", "Al Shabaab", "Mandera")
    (ev,) = _kenyan("On Monday, Mandera fell into the hands of al-Shabaab.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "Al Shabaab")
    # a place lost to armed groups no one names was taken by them; a loss with no taker is none
    ev = only("Myanmar's military said on Friday it had lost control of the town of Lashio to an alliance of "
              "ethnic armed groups.", dt.date(2024, 8, 5))
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == (
        "Non-state actor overtakes territory", "Unidentified Armed Group (Myanmar)", "Lashio")
    assert _kenyan("On Monday, the driver lost control of the bus near Mandera.") == []
    # what fell on a town was fired, and what it killed it killed
    (ev,) = _kenyan("On Monday, rockets fell near the airport in Mandera, killing 3 civilians.")
    assert (ev.sub_event_type, ev.fatalities) == ("Shelling/artillery/missile attack", 3)
    fight, shelling = _kenyan("On Monday, soldiers and al-Shabaab militants fought near Mandera. At least 10 civilians "
                              "were killed by shells that fell on the town.")
    assert (fight.sub_event_type, shelling.sub_event_type, shelling.fatalities) == (
        "Armed clash", "Shelling/artillery/missile attack", 10)


def test_whom_the_strike_that_killed_was_on_did_no_killing():
    (ev,) = events("On 2 January 2024, a drone strike on a PMF headquarters in Baghdad killed 2 members of "
                   "Harakat al-Nujaba, including a senior commander.", dt.date(2024, 1, 5))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Air/drone strike", "Unidentified Armed Group (Iraq)", 2)


def test_a_rally_a_bomber_targets_is_the_target_and_its_dead_the_bombings():
    (ev,) = events("At least 25 people were killed and dozens wounded when a suicide bomber targeted an election "
                   "rally in Mastung on Friday.", dt.date(2023, 9, 30))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Suicide bomb", "Civilians (Pakistan)", 25)
    (ev,) = _kenyan("A grenade was thrown at an opposition rally in Nairobi on Monday, wounding 5.")
    assert ev.sub_event_type == "Grenade"
    # a rally told apart from a blast is a protest of its own
    rally, blast = events("Thousands rallied in Quetta on Monday against the government. Later, a bomb exploded "
                          "in the city, killing 4.")
    assert (rally.sub_event_type, blast.sub_event_type, blast.fatalities) == (
        "Peaceful protest", "Remote explosive/landmine/IED", 4)


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
        "Ten years after the Ghouta chemical attack, survivors still await justice.",
        "Opposition leaders threatened mass protests if the election results are not annulled.",
        "The army launched a campaign to recruit 5,000 new soldiers in the northern region.",
        "The foreign ministers of Kenya and Ethiopia met in Addis Ababa on Wednesday to discuss trade.",
    ],
)
def test_denials_threats_forecasts_hypotheticals_and_diplomacy_are_not_events(text):
    assert events(text) == []


def test_a_denial_of_who_did_it_leaves_the_deed_told_as_fact():
    # the Taliban deny the bombing was theirs; that it killed 63 is told, and IS claimed it
    ev = only("The Taliban denied carrying out the bombing in Kabul on Saturday that killed 63 people at a wedding. "
              "Islamic State later claimed responsibility.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities, ev.date) == (
        "Remote explosive/landmine/IED", "Islamic State (Afghanistan)", 63, dt.date(2019, 8, 17))
    # (a denial with nothing told as fact stays none: see above)
    assert events("The Taliban denied that they killed 5 people in Kabul on Saturday.") == []


def test_two_events_in_one_sentence():
    evs = events("Gunmen attacked a police post in Mandera on Monday, while protesters rallied peacefully in Nairobi.")
    by_type = {e.sub_event_type: e for e in evs}
    assert set(by_type) == {"Armed clash", "Peaceful protest"}
    assert by_type["Armed clash"].location.name == "Mandera"
    assert by_type["Armed clash"].actor2.startswith("Police Forces of Kenya")
    assert by_type["Peaceful protest"].location.name == "Nairobi"
    assert by_type["Peaceful protest"].actor1 == "Protesters (Kenya)"


def test_two_events_in_one_sentence_each_count_their_own_dead():
    # each event counts the dead of its own clause, not the sentence's toll
    evs = events("Government forces shelled Kafr Nabl, killing two civilians, while rebels attacked an army "
                 "checkpoint in Hama, killing five soldiers.")
    by_place = {e.location.name: e for e in evs}
    assert (by_place["Kafr Nabl"].sub_event_type, by_place["Kafr Nabl"].fatalities) == (
        "Shelling/artillery/missile attack", 2)
    assert (by_place["Hama"].sub_event_type, by_place["Hama"].fatalities) == ("Armed clash", 5)
    # a toll in one clause only: the other event killed no one the text tells of
    evs = events("On Monday, regime shelling on Ariha killed a child, while Russian jets struck Jabal al-Zawiya.")
    by_type = {e.sub_event_type: e for e in evs}
    assert (by_type["Shelling/artillery/missile attack"].fatalities, by_type["Air/drone strike"].fatalities) == (1, 0)
    # "regime shelling" is the Syrian government's, not the Russian jets' of the other clause
    assert by_type["Shelling/artillery/missile attack"].actor1 == "Military Forces of Syria (2000-)"
    assert by_type["Air/drone strike"].actor1 == "Military Forces of Russia (2000-)"


def _sudanese(text):
    return _in("SD", text, dt.date(2024, 5, 8))


def test_each_clause_of_a_compound_sentence_types_its_own_event():
    # the weapon of one clause does not type the other's event, nor does its place
    evs = events("Russian shelling killed three civilians in Kherson on Monday, while Ukrainian drones struck an "
                 "oil depot in Belgorod.")
    assert sorted((e.sub_event_type, e.location.name, e.fatalities) for e in evs) == [
        ("Air/drone strike", "Belgorod", 0), ("Shelling/artillery/missile attack", "Kherson", 3)]
    evs = events("Israeli air strikes killed 12 people in Gaza City on Tuesday, and Palestinian militants fired "
                 "rockets at Sderot, wounding two.")
    by_type = {e.sub_event_type: e for e in evs}
    assert set(by_type) == {"Air/drone strike", "Shelling/artillery/missile attack"}
    assert (by_type["Air/drone strike"].fatalities, by_type["Shelling/artillery/missile attack"].fatalities) == (12, 0)
    assert by_type["Shelling/artillery/missile attack"].actor2 == "Civilians (Israel)"
    # nor is the subject of the other clause the doer of this one's
    evs = _sudanese("The RSF shelled El Fasher on Monday, killing six civilians, and army warplanes bombed RSF "
                    "positions in Nyala.")
    by_type = {e.sub_event_type: e for e in evs}
    assert (by_type["Air/drone strike"].actor1, by_type["Air/drone strike"].actor2) == (
        "Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces")
    assert (by_type["Shelling/artillery/missile attack"].actor1, by_type["Shelling/artillery/missile attack"].fatalities) \
        == ("RSF: Rapid Support Forces", 6)
    # two events of one sentence told in clauses of their own stay two: by different sides, or
    # of different kinds
    evs = events("Fano militiamen attacked army positions in Debre Markos on Saturday, and government drones "
                 "struck a market in the town, killing at least 30 civilians, witnesses said.")
    assert sorted((e.sub_event_type, e.actor1[:18], e.fatalities) for e in evs) == [
        ("Air/drone strike", "Military Forces of", 30), ("Armed clash", "Fano Militia", 0)]
    evs = events("Suspected jihadists killed 15 volunteer fighters in an ambush near Djibo on Tuesday, while the "
                 "army said air strikes killed dozens of militants in the Sahel region.")
    assert sorted((e.sub_event_type, e.fatalities) for e in evs) == [("Air/drone strike", 12), ("Armed clash", 15)]
    # (strikes a state force tells of, naming no one firing them, are its own)
    assert [e.actor1 for e in evs if e.sub_event_type == "Air/drone strike"] == ["Military Forces of Burkina Faso (2015-2022)"]
    # who responded with strikes or called them in fired them
    evs = events("Taliban fighters attacked a checkpoint in Kunduz on Sunday, and Afghan forces called in air "
                 "strikes that killed 20 militants, officials said.")
    assert sorted((e.sub_event_type, e.actor1, e.fatalities) for e in evs) == [
        ("Air/drone strike", "Military Forces of Afghanistan (2014-2021)", 20),
        ("Armed clash", "Taliban", 0)]
    evs = events("Rebels shelled Aleppo on Monday, killing three civilians, and government forces responded with "
                 "air strikes on Idlib.")
    assert [(e.location.name, e.actor1) for e in evs if e.sub_event_type == "Air/drone strike"] == [
        ("Idlib", "Military Forces of Syria (2000-)")]
    # (but what something was hit with was not fired by what was hit)
    ev = only("On Monday, the convoy was hit with an IED in Helmand, killing two soldiers.")
    assert (ev.sub_event_type, ev.actor1) == ("Remote explosive/landmine/IED", "Unidentified Armed Group (Afghanistan)")
    # but a toll's weapon told in a clause of its own is the toll's event
    ev = only("On Monday, 2 soldiers were killed and 7 others injured when their vehicle ran over an IED in Wajir.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 2)
    # and a "when" clause tells how the event came about: its mob is the event's
    ev = only("On Monday, a teacher was beaten when a mob tried to stop an election training in Homa Bay.")
    assert ev.sub_event_type == "Mob violence"


def test_an_attack_told_as_separate_is_its_own_event():
    # (the parser takes "gunmen" for part of "a separate attack", leaving the killing no subject)
    evs = events("Bandits abducted 30 students from a school in Kuriga on Thursday, and in a separate attack "
                 "gunmen killed 12 villagers in Zamfara.")
    assert sorted((e.sub_event_type, e.fatalities) for e in evs) == [
        ("Abduction/forced disappearance", 0), ("Attack", 12)]
    # "separate" before all of an event's triggers sets it apart from earlier ones only
    ev = only("In a separate incident, gunmen attacked a bus in Zamfara on Thursday and killed 5 passengers.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 5)


def test_a_day_counted_from_the_one_told_before_dates_its_own_event():
    evs = events("Fano militiamen attacked army positions in Debre Markos on Saturday. The next day, government "
                 "drones struck a market in the town, killing 30 civilians.")
    assert sorted((e.sub_event_type, e.date, e.fatalities) for e in evs) == [
        ("Air/drone strike", dt.date(2019, 8, 18), 30), ("Armed clash", dt.date(2019, 8, 17), 0)]


def test_figures_are_tied_to_the_event_of_their_clause():
    ex = pipeline.extract(ingest.from_text(
        "Militants ambushed a police patrol in Mandera killing 3 officers, and a bomb exploded in Garissa "
        "killing 2 civilians.", published=TUESDAY))
    by_place = {e.location.name: e for e in ex.events}
    assert (by_place["Mandera"].fatalities, by_place["Garissa"].fatalities) == (3, 2)
    tied = {f.quantity: f.event_id for f in ex.figures if f.unit == "killed"}
    assert tied == {3: by_place["Mandera"].id, 2: by_place["Garissa"].id}


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
    # a trigger in two frames would silently report only the first
    text = resources.files("warwire.data").joinpath("event_lexicon.toml").read_text()
    assert '"chase away", "chase"]' in text
    bad.write_text(text.replace('"chase away", "chase"]', '"chase away", "chase", "storm"]'))
    with pytest.raises(DataError, match="'storm' of frame 'riot' is already a trigger of frame 'storming'"):
        load_lexicon(bad)
    # a thing that does nothing must be a civilian word, or hit it would be no civilian target
    bad.write_text(text.replace('property = ["house",', 'property = ["tank", "house",'))
    with pytest.raises(DataError, match="property words missing from civilian: \\['tank'\\]"):
        load_lexicon(bad)
    # a default read from words no cue class lists would never apply
    assert 'by_default = { conflict = "Attack" }  # "16 bodies' in text
    bad.write_text(text.replace('by_default = { conflict = "Attack" }  # "16 bodies',
                                'by_default = { conflicts = "Attack" }  # "16 bodies'))
    with pytest.raises(DataError, match="frame 'body_found' defaults by unknown cue class 'conflicts'"):
        load_lexicon(bad)
    bad.write_text(text.replace('by_default = { conflict = "Attack" }  # "16 bodies',
                                'by_default = { conflict = "Murder" }  # "16 bodies'))
    with pytest.raises(DataError, match="Murder"):
        load_lexicon(bad)


def test_an_analysts_lexicon_file_extends_the_packaged_one(tmp_path, monkeypatch):
    from warwire import events

    text = "An affray between soldiers and Mai-Mai militiamen broke out in Beni on Monday, leaving two dead."
    mine = tmp_path / "mine.toml"
    # a new trigger for a known frame, and a word added to one of the [words] lists
    mine.write_text('[[frame]]\nname = "clash"\ntriggers = ["affray"]\n\n[words]\nplain_people = ["pastor"]\n')
    lex = load_lexicon(extra=[mine])
    assert lex.triggers[("affray",)] == "clash" and lex.triggers[("skirmish",)] == "clash"
    assert {"pastor", "villager"} <= lex.words.plain_people
    assert lex.frames["clash"].sub_event_type == load_lexicon().frames["clash"].sub_event_type
    before = only(text)
    monkeypatch.setenv(events.USER_FILE_ENV, str(mine))
    events.default_lexicon.cache_clear()
    try:
        ev = only(text)
    finally:
        monkeypatch.delenv(events.USER_FILE_ENV)
        events.default_lexicon.cache_clear()
    assert before.sub_event_type != "Armed clash"
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Armed clash", "Mai-Mai Militia", 2)
    # a trigger the file gives to a second frame is refused, naming both files
    mine.write_text('[[frame]]\nname = "riot"\ntriggers = ["skirmish"]\n')
    with pytest.raises(DataError, match=r"event_lexicon.toml \+ .*mine.toml: trigger 'skirmish'"):
        load_lexicon(extra=[mine])
    with pytest.raises(DataError, match="cannot read event lexicon"):
        load_lexicon(extra=[tmp_path / "missing.toml"])


def test_a_crowd_storming_offices_makes_its_demands_and_takes_no_town():
    ev = only("Youths stormed the county offices in Siaya on Monday demanding the sacking of the county secretary.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    ev = only("Al-Shabaab fighters stormed the town of Bulo Burte on Monday.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    # men an adjective arms are no crowd making demands
    assert only("Masked men stormed the county offices in Garissa on Monday.").event_type == "Battles"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two suicide bombers blew themselves up outside a mosque in Maiduguri on Friday, killing 12 worshippers.",
         "Suicide bomb"),
        ("The governor of Balkh was killed in a suicide blast at his office in Mazar-i-Sharif on Thursday.",
         "Suicide bomb"),
        ("Russian forces launched drones at Kyiv on Monday. All were shot down. Debris injured one civilian.",
         "Air/drone strike"),
        # who sustained a weapon's wounds was hurt by someone; a spear thrust wounds
        ("Five herdsmen sustained gunshot wounds during a cattle raid at Nadome village in Baringo on Monday.",
         "Attack"),
        ("Maasai morans speared a Kikuyu man who strayed into their grazing area in Narok on Monday.", "Attack"),
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


# --- issue 4, round 3: weapons over victims, backdrops, protests, bases, tolls -----------------


def test_attack_on_a_check_point_written_as_two_words_is_a_battle():
    ev = only("On 12 August 2019, two policemen were killed following an attack by Taliban militants "
              "on a check point in Nahrin district, Baghlan.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == "Taliban"
    assert ev.fatalities == 2


def test_mine_that_kills_a_policeman_is_an_explosion_not_a_battle():
    ev = only("A policeman was killed on Sunday when a landmine planted by militants exploded "
              "targeting his patrol vehicle near Garissa.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_grenade_thrown_during_clashes_stays_a_grenade_attack():
    ev = events("Four children were wounded on Monday in a grenade attack during clashes between "
                "government forces and rebels in Beledweyne.")[0]
    assert ev.sub_event_type == "Grenade"


def test_soldiers_killed_during_clashes_is_a_battle_with_the_enemy_as_actor1():
    ev = only("On 18 August 2019, two soldiers were killed during clashes with Taliban militants in Kunduz.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == "Taliban"
    assert ev.actor2.startswith("Military Forces of Afghanistan")


def test_subject_the_parser_misses_is_read_from_the_actor_before_the_verb():
    ev = only("On 18 August 2019, a Taliban sniper shot and killed a policeman in Kunduz.")
    assert ev.actor1 == "Taliban"
    assert ev.sub_event_type == "Armed clash"
    assert ev.fatalities == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkish forces established a new military base near Tal Abyad on Monday.",
         "Headquarters or base established"),
        ("Government forces used chlorine gas against the rebel-held town of Saraqib on Monday.", "Chemical weapon"),
        ("Saudi jets fired missiles at a village in Saada province on Monday, killing four people.", "Air/drone strike"),
        ("Syrian warplanes destroyed an arms depot of the rebels near Saraqib on Monday.", "Air/drone strike"),
        ("About 200 soldiers defected to the rebels in Idlib on Monday.", "Change to group/activity"),
        ("The army and the rebels agreed to a ceasefire in Idlib on Monday.", "Agreement"),
        ("Soldiers molested women in a village near Bunia on Monday, witnesses said.", "Sexual violence"),
        ("Iraqi forces freed several villages from Islamic State militants on Monday.", "Government regains territory"),
    ],
)
def test_more_sub_event_types(text, expected):
    assert events(text)[0].sub_event_type == expected


def test_troop_deployment_after_an_attack_is_no_event_of_its_own():
    evs = events("Gunmen killed three traders in Mandera on Monday. Police were deployed to the area.")
    assert [e.sub_event_type for e in evs] == ["Attack"]


def test_deployment_to_help_after_snowfall_is_relief_not_conflict():
    assert events("The army mobilised on Monday to help clear roads blocked by heavy snowfall in Tottori.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police clashed with protesters in Nairobi on Monday and fired tear gas.", "Violent demonstration"),
        ("Police violently dispersed a peaceful protest in Nairobi on Monday.", "Excessive force against protesters"),
        ("Two people were killed in an opposition protest in Kisumu on Monday after police opened fire.",
         "Excessive force against protesters"),
        ("Students protested in Kericho on Monday against the killing of a classmate.", "Peaceful protest"),
        ("Thousands held a non-violent march in Nairobi on Monday.", "Peaceful protest"),
        ("Riot police stood by as traders demonstrated in Nakuru on Monday.", "Peaceful protest"),
    ],
)
def test_demonstration_types(text, expected):
    assert events(text)[0].sub_event_type == expected


def test_industrial_explosion_is_no_conflict_event():
    assert events("Four workers were hurt on Thursday when a tank exploded at a gas plant near Pittsburgh, "
                  "said police.") == []


def test_claimed_murder_only_refers_to_an_event():
    assert events("The group has claimed the murder of a blogger in Dhaka, according to a monitor.") == []


def test_fatalities_ranges_take_the_lowest_and_also_killed_adds_up():
    ev = only("On 18 August 2019, 5-7 policemen were killed following an attack by Taliban militants "
              "on a checkpoint in Kunduz. Officials said 3 militants were also killed.")
    assert ev.fatalities == 8


def test_the_side_attacked_that_fought_back_stays_the_other_side():
    ev = only("Al-Shabaab fighters attacked a military base in Hawadley, Middle Shabelle, on Monday, killing seven "
              "soldiers. The army said it repulsed the attack and killed 15 militants.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "Al Shabaab", 22)
    assert ev.actor2.startswith("Military Forces of Somalia")


def test_who_attacked_is_the_side_repelled_in_the_next_sentence():
    ev = only("CPC rebels attacked Bangui on Monday. MINUSCA peacekeepers and FACA repelled the attack, killing 30 "
              "rebels.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Armed clash", "CPC: Coalition of Patriots for Change", 30)
    assert ev.actor1.startswith("MINUSCA") and ev.assoc_actor_1 == ["Military Forces of the Central African Republic (2016-)"]


def test_the_side_ambushed_that_fought_back_stays_the_other_side():
    ev = only("ISWAP fighters ambushed a military convoy near Damboa, Borno, on Monday, killing 9 soldiers. The army "
              "said it killed 12 insurgents.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "Islamic State (West Africa)", "Military Forces of Nigeria (2015-2023)", 21)


def test_later_toll_of_the_other_side_adds_up_and_the_same_side_updates():
    # the dead of another side told in a later sentence, by whoever, are more dead
    ev = only("Suspected JNIM militants attacked an army camp in Mondoro on Monday, killing 27 soldiers. "
              "The army said 60 militants were killed.")
    assert (ev.event_type, ev.fatalities) == ("Battles", 87)
    ev = only("CPC rebels attacked Bangui on Monday. Peacekeepers and FACA repelled the attack, killing 30 "
              "rebels. One Rwandan peacekeeper was killed.")
    assert ev.fatalities == 31
    # the same side's dead told again are the same dead (another source's count: the lowest),
    # and people on no side are on no other side
    assert only("Gunmen killed 3 soldiers in Mandera on Monday. Officials said 5 soldiers were "
                "killed.").fatalities == 3
    assert only("Gunmen killed 3 soldiers in Mandera on Monday. Officials said 5 people were "
                "killed.").fatalities == 3
    # so in one sentence: sources that count the dead of different sides add up, sources that
    # count the same side's disagree (the lowest)
    ev = only("JNIM fighters ambushed an army convoy near Boni on Friday, killing seven soldiers, and the army "
              "said it killed 20 militants in the counterattack.")
    assert ev.fatalities == 27
    ev = only("JNIM fighters ambushed an army convoy near Boni on Friday, killing seven soldiers, the army said, "
              "while JNIM claimed it killed 20 soldiers.")
    assert ev.fatalities == 7


@pytest.mark.parametrize("text, expected", [
    # a part of a toll already counted is not added to it
    ("On Monday, gunmen killed at least 7 people, including 2 children, in an attack on a village in Marsabit.", 7),
    ("Nine people including four pupils and three police officers were killed in a roadside bomb blast in Lamu on Monday.", 9),
    # two counts of the same dead: the lowest (ACLED)
    ("Five soldiers (or six, according to local media) were killed when their vehicle struck an IED in Lamu on Monday.", 5),
    # separate groups of dead add up
    ("On Monday, gunmen killed 2 children and 3 women in an attack on a village in Marsabit.", 5),
    # a breakdown in parentheses is the same dead
    ("On Monday, bandits killed 10 people (4 men, 6 women) in raids on villages in Lamu.", 10),
])
def test_fatalities_count_parts_and_alternatives_once(text, expected):
    assert only(text).fatalities == expected


def test_a_toll_told_in_the_next_sentence_with_no_killer_is_the_events():
    ev = only("On Monday, three blasts hit the Eastleigh district of Nairobi. At least six are dead "
              "and scores injured.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 6)
    ev = only("On Monday, police used live bullets against rioters barricading a road in Ruai, Nairobi. "
              "A person was killed in the cross fire.")
    assert ev.event_type in ("Protests", "Riots") and ev.fatalities == 1
    # the death a peaceful protest is about is not its toll
    ev = events("On Monday, mourners in Nyeri protested the murder of a man. They said the suspect "
                "who killed him has not been arrested.")[0]
    assert (ev.sub_event_type, ev.fatalities) == ("Peaceful protest", 0)


def test_fighting_whose_only_dead_are_civilians_is_an_attack_on_them():
    ev = only("On Monday, three civilians were killed during a clash between police and SLDF militia in Mt Elgon.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Kenya)", 3)
    # dead "people", and the dead of fighting between communities, are the fighting's toll
    ev = only("On Monday, four people were killed during a clash between police and SLDF militia in Mt Elgon.")
    assert ev.sub_event_type == "Armed clash"
    ev = only("On Monday, a boy was killed during clashes between rival clans in Kerio Valley.")
    assert ev.sub_event_type == "Armed clash"


def test_the_death_a_riot_is_about_is_not_its_toll():
    ev = events("On Monday, angry boda boda riders burnt down a bus in Malindi after it hit and killed one of them.")[0]
    assert ev.sub_event_type == "Mob violence" and ev.fatalities == 0
    # deaths the riot caused still count, as the riot's toll, not as an attack of their own
    ev = only("On Monday, rioters clashed with police in Kisumu after the election results, and two people "
              "were killed.")
    assert ev.sub_event_type == "Violent demonstration" and ev.fatalities == 2
    ev = only("On Monday, rioting youths burnt tyres in Kisumu and hacked a man to death.")
    assert ev.sub_event_type == "Violent demonstration" and ev.fatalities == 1
    # ... and in the next sentence, when no killer is named
    ev = only("On Monday, two robbery suspects were attacked by a mob at Oyugis. One was killed.")
    assert ev.sub_event_type == "Mob violence" and ev.fatalities == 1
    # a killer named makes it an event of its own
    evs = events("On Monday, a mob attacked two robbery suspects at Oyugis. Police shot dead one of them.")
    assert [e.sub_event_type for e in evs][0] == "Mob violence" and len(evs) == 2


@pytest.mark.parametrize("text, expected", [
    ("On Monday, a vigilante mob attacked and nearly killed a suspected cattle thief in Kakamega.", 0),
    # deaths the note codes in another event
    ("On Monday, rival groups clashed in Kisumu; police intervened, killing 4 (coded separately).", 0),
    ("On Monday, 2 police were killed (and 3 civilians - coded separately) by raiders in Mandera.", 2),
    ("On Monday, youths rioted in Nairobi over the killing of a cleric. 2 killed (coded separately).", 0),
])
def test_fatalities_not_of_this_event(text, expected):
    assert events(text)[0].fatalities == expected


def test_an_event_that_kills_no_one_by_definition_has_no_fatalities():
    # the dead found are not what a withdrawal did (the figure stays, with its sentence)
    ev = only("On Monday, the bodies of 12 civilians were found in Bucha after Russian forces withdrew from the town.")
    assert (ev.sub_event_type, ev.fatalities) == ("Non-violent transfer of territory", 0)


def test_fatalities_a_sentence_opening_with_also_adds_other_dead():
    ev = only("On Monday, 1 soldier was killed in an attack by Taliban militants on a checkpoint in Ghor. "
              "Also a Taliban militant was killed and 3 were wounded.")
    assert ev.fatalities == 2


def test_fatalities_coding_note_applies_to_the_report():
    ev = events("On 18 August 2019, 3 soldiers were killed following an attack by Taliban militants in Kunduz. "
                "Fatalities coded as 0 (local media reported 3).")[0]
    assert ev.fatalities == 0


def test_deaths_told_after_the_event_sentence_are_its_toll():
    ev = only("On Monday, an angry mob set fire to the house of a court clerk in Muranga over a "
              "burial dispute. The clerk died in the fire.")
    assert ev.fatalities == 1


def test_the_death_a_protest_is_about_is_not_its_toll():
    evs = events("On Monday, residents of Kisumu protested after a man was killed by police.")
    (protest,) = [e for e in evs if e.event_type == "Protests"]
    assert protest.sub_event_type == "Peaceful protest"
    assert protest.fatalities == 0


def test_an_act_done_to_protest_is_the_protest_a_planned_one_is_not():
    ev = only("Traders staged a walkout from the market in Kisumu on Monday to protest new levies.")
    assert ev.sub_event_type == "Peaceful protest"
    assert events("Unions plan to block roads in Nairobi to protest the new tax.") == []
    assert events("Teachers threatened to strike in Kisumu to protest low pay.") == []


def test_demonstrators_blocking_a_road_riot_police_closing_one_do_not():
    ev = only("On Monday, youths blocked a section of Juja Road in Nairobi to protest the death of a woman.")
    assert ev.sub_event_type == "Violent demonstration"
    assert ev.actor1 == "Rioters (Kenya)"
    ev = only("On Monday, police blocked the road to the stadium where teachers protested in Nairobi.")
    assert ev.sub_event_type != "Violent demonstration"


def test_demonstrators_who_turn_violent_in_a_later_sentence_riot():
    # the violence is told in its own sentence, after the protest; the demonstrators are Rioters
    ev = only("On Monday, traders protested the demolition of their stalls in Mombasa. They barricaded "
              "a road with logs. Police used tear gas to disperse them.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    ev = only("On Monday, supporters of the governor protested in Nakuru. In Nakuru, protesters "
              "barricaded the Nakuru-Nairobi highway.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    ev = only("On Monday, traders protested the demolition of their stalls in Mombasa. Police used "
              "tear gas to disperse them.")
    assert ev.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize("headline", ["Marakwet attack Pokot farmers near Lodwar",
                                      "Garre militia attacks Degodia herdsman near Mandera"])
def test_a_headline_read_as_one_noun_phrase_still_reports_an_attack(headline):
    # the parser makes "attack" a noun: the words around it are the sides
    ev = only(headline)
    assert ev.sub_event_type == "Attack"
    assert ev.actor2 == "Civilians (Kenya)"


def test_a_crowd_rioting_with_no_demonstration_named():
    # against property, roads or the police: a violent demonstration; against people: mob violence
    ev = only("On Monday, opposition supporters barricaded the roads in Busia with burning tyres.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    ev = only("On Monday, angry residents torched the houses of two women suspected of witchcraft in Muranga.")
    assert ev.sub_event_type == "Mob violence"


def test_people_wounded_by_attackers_is_an_attack_an_accident_is_no_event():
    ev = only("Three people were wounded by armed cattle rustlers near Marsabit on Monday.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Kenya)", 0)
    assert events("Five people were injured in a road accident in Nakuru on Monday.") == []


def test_police_killing_members_of_a_kenyan_militia_is_a_clash():
    ev = only("Police shot dead two Mungiki members in Nairobi on Monday.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor2 == "Mungiki Militia" and ev.fatalities == 2


def test_a_group_named_beside_a_victim_does_not_make_them_armed():
    # a critic of al-Shabaab, a commander's wife: civilians; a gang's members: armed
    ev = only("On Monday, a Muslim cleric and al Shabaab critic was shot dead outside his mosque in Mombasa.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("On Monday, the wife of a Taliban commander was shot dead in Nairobi.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("On Monday, police killed five gang members in the Dandora area of Nairobi.")
    assert ev.sub_event_type == "Armed clash"


def test_people_only_counted_are_civilian_victims_and_deaths_in_a_riot_are_its_toll():
    ev = only("On Monday, three were attacked and killed with blunt objects in Garissa. Perpetrators not known.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)", 3)
    ev = only("On Monday, two people were killed in riots over land ownership in Nakuru.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Violent demonstration", "Rioters (Kenya)", 2)


def test_the_protesters_of_a_later_sentence_are_the_same_crowd():
    # a place told less precisely in the second sentence does not split the demonstration
    ev = only("On Monday, residents of Nyabigege in South Mugirango, Kisii County, protested over a "
              "spate of murders. The protesters lit bonfires on the Kisii-Migori highway.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    # burning by a crowd is theirs even when the police are named in the sentence
    evs = events("On Monday, students held a demonstration over fees in Mombasa. They burnt tyres and "
                 "barricaded the highway as the police watched.")
    assert [e.sub_event_type for e in evs] == ["Violent demonstration"]
    evs = events("Students protested in Nairobi on Monday. In Kisumu, traders held a protest against new levies.")
    assert [e.location.name for e in evs] == ["Nairobi", "Kisumu"]


def test_an_abduction_in_which_the_victim_is_killed_is_an_attack():
    ev = only("On Monday, unidentified gunmen abducted and killed a civilian in Wote, Makueni county.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    ev = only("On Monday, gunmen abducted two aid workers in Dadaab.")
    assert ev.sub_event_type == "Abduction/forced disappearance"


def test_arrests_at_a_demonstration_are_the_police_intervening():
    ev = only("On Monday, students protested the disappearance of a fellow student in Eldoret. "
              "Police made several arrests.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya (2013-2022)")
    ev = only("On Monday, police arrested 20 protesters in Nairobi.")
    assert (ev.actor1, ev.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya (2013-2022)")
    evs = events("On Monday, traders protested in Garissa. Police later arrested two al-Shabaab suspects in Garissa.")
    assert [e.sub_event_type for e in evs] == ["Peaceful protest", "Arrests"]


def test_armed_men_killed_by_police_fight_and_deaths_after_skirmishes_are_their_toll():
    ev = only("On Monday, Kenyan police killed two armed men who were transporting ammunition in West Pokot County.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 2)
    ev = only("On Monday, four people were killed at Odha, 15 kilometres from Moyale town, following "
              "fresh tribal skirmishes between two clans.")
    # (the gazetteer's only Oda lies 670 km away, in Tana River: the town it is told from is where)
    assert (ev.sub_event_type, ev.fatalities, ev.location.name) == ("Armed clash", 4, "Moyale")


def test_a_crowd_burning_storming_or_chasing_riots_armed_men_burning_destroy_property():
    ev = only("On Monday, Jubilee supporters damaged property in Nairobi.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)")
    ev = only("On Monday, residents of Karuina in Embu burnt a suspected thief to death.")
    assert ev.sub_event_type == "Mob violence"
    ev = only("On Monday, al-Shabaab militants burned a school in Garissa.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Al Shabaab")
    # burning that is part of an attack told in its sentence is no event of its own
    ev = only("On Monday, al-Shabaab militants burned down a school and abducted two teachers in Garissa.")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    # but burning by others than the attack's doers is theirs: "its fighters" are the teller's
    evs = events("Myanmar junta troops torched more than 200 houses in Kani township on Sunday, and the PDF "
                 "said its fighters killed 15 soldiers in an ambush nearby.")
    by_type = {e.sub_event_type: e for e in evs}
    assert (by_type["Looting/property destruction"].actor1, by_type["Looting/property destruction"].fatalities) == (
        "Military Forces of Myanmar (2016-2021)", 0)
    assert (by_type["Armed clash"].actor1, by_type["Armed clash"].actor2, by_type["Armed clash"].fatalities) == (
        "PDF: People's Defense Force", "Military Forces of Myanmar (2016-2021)", 15)


def test_the_side_met_in_clashes_is_named_when_the_victims_are_not():
    ev = only("On 5 March 2020, 5 commandos were killed during clashes with Taliban militants in "
              "Alishing district, Laghman.", published=dt.date(2020, 3, 8))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Taliban", "Military Forces of Afghanistan (2014-2021)")


def test_last_month_is_news_the_month_before_is_background():
    # an event known only to its month is coded at mid-month (time precision 3)
    ev = only("Five are killed by bandits in Kaningo at some point in January.", published=dt.date(2010, 2, 18))
    assert (ev.sub_event_type, ev.date, ev.time_precision) == ("Attack", dt.date(2010, 1, 15), 3)
    # beside news, a month before the last is background
    ev = only("Bandits killed two herders in Kaningo on Monday. Five were killed by bandits in Kaningo in November.",
              published=dt.date(2010, 2, 18))
    assert (ev.date, ev.fatalities) == (dt.date(2010, 2, 15), 2)
    ev = only("A Democratic Party aspirant was attacked and injured in Kisumu on Monday.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")


def test_a_report_of_nothing_newer_keeps_an_event_dated_to_the_day():
    # a late report: what it dates to the day is its news, at the day it happened
    ev = only("On 3 July, a mob lynched a suspected thief at a market in Kakamega.",
              published=dt.date(2018, 9, 10))
    assert (ev.sub_event_type, ev.date, ev.fatalities) == ("Mob violence", dt.date(2018, 7, 3), 1)
    # next to news, the same sentence is background
    ev = only("On Monday, police dispersed protesters in Kisumu. On 3 July, a mob lynched a suspected "
              "thief at a market in Kakamega.", published=dt.date(2018, 9, 10))
    assert (ev.sub_event_type, ev.date) == ("Protest with intervention", dt.date(2018, 9, 10))
    # a month told in the deed's own clause dates it too (see
    # test_a_report_of_nothing_newer_keeps_what_it_dates_in_its_own_clause)
    ev = only("A mob lynched a suspected thief at a market in Kakamega in July.", published=dt.date(2018, 9, 10))
    assert (ev.date, ev.time_precision) == (dt.date(2018, 7, 15), 3)


def test_an_older_deed_told_after_an_undated_event_does_not_date_it():
    # the attack a man was behind years ago is no detail of his killing told undated before it
    (ev,) = _in("KE", "Police shot dead Al Shabaab member Hussein Said Omar. He was one of the militants "
                      "behind the Mpeketoni attack in June 2014.", published=dt.date(2017, 8, 21))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Police Forces of Kenya (2013-2022)", "Al Shabaab", 1)
    assert ev.date.year == 2017


def test_demonstrators_attacking_someone_riot():
    ev = only("On Monday, workers protested at Mombasa city hall. Some protesters attacked a county "
              "official outside the building.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_burnt_or_stoned_to_death_is_a_killing_by_whoever_did_it():
    ev = only("On Monday, a woman was burnt to death when thugs invaded her home in Nyamira County.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    ev = only("On Monday, a student was stoned to death by angry locals in Kisii.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)


def test_a_place_overtaken_with_no_violence_reported_changes_hands_without_a_fight():
    ev = only("Reports indicate that Al Shabaab overtook Milimani village in Lamu on Monday night. "
              "No violence was reported.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Non-violent transfer of territory", "Al Shabaab", None)
    ev = only("On Monday, Al Shabaab overtook Milimani village in Lamu after heavy fighting with police.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"


def test_a_town_taken_after_its_defenders_pulled_out_changes_hands_without_a_fight():
    ev = only("Turkish-backed Syrian rebel fighters entered the town of Afrin on Sunday and have taken "
              "control of parts of it after Kurdish YPG forces pulled out.")
    assert (ev.sub_event_type, ev.location.country) == ("Non-violent transfer of territory", "SY")
    ev = only("Turkish-backed Syrian rebel fighters took control of the town of Afrin on Sunday after "
              "heavy fighting with Kurdish YPG forces.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"


def test_the_lexicon_needs_its_people_words(tmp_path):
    text = resources.files("warwire.data").joinpath("event_lexicon.toml").read_text()
    bad = tmp_path / "lexicon.toml"
    bad.write_text(text.replace("outsider = [", "outsiders = ["))
    with pytest.raises(DataError, match="outsider"):
        load_lexicon(bad)


def test_a_vague_time_in_a_relative_clause_does_not_make_the_event_background():
    ev = only("Students protested outside the administration building in Nairobi to demand the "
              "release of classmates who had recently been arrested.")
    assert ev.event_type == "Protests" and ev.date == TUESDAY
    assert events("Students have protested in Nairobi in recent weeks.") == []


def test_a_background_period_or_an_offset_to_another_event_is_not_the_events_time():
    # "since May" bounds the grievance, not the protest
    ev = only("Hundreds of supermarket workers took to the streets of Nairobi on Monday to protest "
              "non-payment of their salaries since May.", published=dt.date(2017, 7, 7))
    assert (ev.sub_event_type, ev.date) == ("Peaceful protest", dt.date(2017, 7, 3))
    # "several days earlier" dates the disappearance, not the protest
    ev = only("13 March. Residents of Kibera protest over insecurity after a child had gone missing "
              "several days earlier.", published=dt.date(2018, 3, 16))
    assert (ev.sub_event_type, ev.date) == ("Peaceful protest", dt.date(2018, 3, 13))
    # a vague period stays background
    assert events("Bandits have attacked herders in Baringo since 2014.") == []


def test_an_attempt_told_as_made_is_the_event_a_planned_one_is_not():
    ev = only("Youths tried to attack an MP at a funeral in Kisumu on Saturday.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    ev = only("Unidentified gunmen attempted to abduct two traders in Mandera on Monday.")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    assert events("Al-Shabaab will try to attack the base in Mandera.") == []
    assert events("Al-Shabaab plans to attempt to attack the base in Mandera.") == []


def test_a_day_and_an_abbreviated_month_can_end_a_sentence():
    ev = only("Reports of pro-opposition protests in Mombasa on 11 Aug. No reports of violence or clashes with police.",
              published=dt.date(2017, 8, 14))
    assert (ev.sub_event_type, ev.date) == ("Peaceful protest", dt.date(2017, 8, 11))


def test_shots_fired_to_disperse_a_crowd_are_an_intervention():
    ev = only("On Monday, police fired shots in the air to disperse a crowd in Homa Bay.")
    assert ev.sub_event_type == "Protest with intervention"
    assert events("Police plan to use tear gas to disperse protesters in Nairobi.") == []


def test_an_event_told_without_a_date_takes_the_day_of_its_paragraph():
    ev = only("On Sunday, bandits were seen near a ranch outside Isiolo. The bandits injured three herders.")
    assert (ev.date, ev.time_precision) == (dt.date(2019, 8, 18), 1)
    # another paragraph: the day is not carried over
    ev = only("On Sunday, bandits were seen near a ranch outside Isiolo.\n\nThe bandits injured three herders.")
    assert (ev.date, ev.time_precision) == (TUESDAY, 2)


def test_kidnapped_and_killed_counts_as_a_death():
    ev = only("On 18 August 2019, 1 civilian was kidnapped and killed by Taliban militants in Kunduz.")
    assert ev.fatalities == 1


def test_dateline_sentence_dates_the_event():
    ev = only("16 August. Students went on the rampage in Migori town.", published=TUESDAY)
    assert ev.date == dt.date(2019, 8, 16)


def test_district_is_the_place_not_the_town_named_like_its_province():
    ev = only("On 18 August 2019, 2 soldiers were killed during clashes with Taliban militants "
              "in Nahrin district, Baghlan.")
    assert ev.location.feature_type in ("county", "localadmin")
    assert "Nahrin" in ev.location.name


# --- event location: which of the sentence's places, and the point ACLED codes -----------


def test_area_of_a_district_is_coded_at_the_district_seat_when_the_area_lies_elsewhere():
    # "Bazar" is a common village name; the one the gazetteer knows is not in Nad Ali
    ev = only("On 18 August 2019, 3 policemen were killed in an attack by Taliban militants "
              "in the Bazar area of Nad Ali district, Helmand.")
    assert ev.location.name == "Nad Ali"
    assert ev.location.geo_precision == 2
    # the district's seat (Nad-e Ali town), not the district's centroid 38 km west of it
    assert abs(ev.location.lat - 31.64) < 0.05 and abs(ev.location.lon - 64.24) < 0.05


def test_district_centre_is_precision_one_and_the_province_after_the_comma_is_not_the_place():
    ev = only("On 18 August 2019, 2 policemen were killed in an ambush by Taliban militants "
              "in Ghoryan district center, Herat.")
    assert ev.location.name == "Ghoryan"
    assert ev.location.geo_precision == 1
    assert abs(ev.location.lon - 61.49) < 0.05  # Ghoryan town, not Herat city 60 km east


def test_province_read_as_a_town_does_not_replace_the_district():
    ev = only("On 18 August 2019, a soldier was beheaded by Taliban militants in Jalrez district, Wardak.")
    assert ev.location.name == "Jalrez"


def test_a_region_named_before_its_city_town_or_village_holds_it():
    ev = only("On 18 August 2019, Israeli forces killed two Palestinians during a raid in the occupied West Bank "
              "city of Nablus.")
    assert ev.location.name == "Nablus" and abs(ev.location.lat - 32.22) < 0.1 and abs(ev.location.lon - 35.26) < 0.1
    ev = only("On 18 August 2019, Russian jets struck the Idlib town of Saraqib, killing 5 civilians.")
    assert ev.location.name == "Saraqib"
    # (a village named before its district lies in the district)
    ev = only("On 18 August 2019, 2 civilians were killed when a roadside bomb hit their vehicle in the "
              "Sare-Sang village of Dawlat Yar district, Ghor.")
    assert ev.location.name == "Dawlat Yar"


def test_bracketed_other_name_of_a_district_is_not_the_place():
    ev = only("On 18 August 2019, 2 soldiers were wounded in an ambush by Taliban militants "
              "in Shinwar (Ghani Khel) district, Nangarhar.")
    assert ev.location.name == "Shinwar"


def test_province_only_is_precision_three_at_the_provincial_capital():
    ev = only("On 18 August 2019, 3 Taliban militants were killed by Afghan forces artillery attack in Helmand province.")
    assert ev.location.name == "Helmand" and ev.location.geo_precision == 3
    assert abs(ev.location.lat - 31.59) < 0.1 and abs(ev.location.lon - 64.37) < 0.1  # Lashkar Gah


def test_town_named_as_an_attribute_is_still_where_the_event_happened():
    ev = only("Hundreds of Garissa residents marched on Monday to protest rising insecurity.")
    assert ev.location is not None and ev.location.name == "Garissa"


def test_route_end_or_institution_is_not_preferred_to_the_place_named():
    ev = only("Protesters blocked the Nairobi-Nakuru highway at Kwambira in Limuru on Monday.")
    assert ev.location.name not in ("Nairobi", "Nakuru")
    # a road named after a town ("Thika Superhighway") and an office named after a county
    ev = only("On Monday, residents of Githurai town staged road blocks and lit bonfires on Thika "
              "Superhighway in protest against insecurity.")
    assert ev.location.name == "Githurai"
    ev = only("On Monday, unknown gunmen shot dead the former deputy governor of Kilifi outside his "
              "house in Nyali, Mombasa.")
    assert ev.location.name == "Nyali"


def test_a_crowd_demonstrates_in_its_own_town_not_the_one_its_grievance_names():
    ev = only("On Monday, Mombasa residents held a demonstration against the plan to build a dry port in Naivasha.")
    assert ev.location.name in ("Mombasa", "Old Mombasa")
    # its members' town is only a trait when the crowd is the victim
    ev = only("On Monday, gunmen killed two Garissa traders in Nairobi.")
    assert ev.location.name == "Nairobi"


def test_event_in_a_sentence_without_a_place_takes_the_article_place():
    evs = events("Three people were killed in a land dispute in Kitale on Monday. "
                 "The following day a crowd protested at the office of the local chief.")
    protest = next(e for e in evs if e.event_type == "Protests")
    assert protest.location is not None and protest.location.name == "Kitale"


def test_a_possessive_country_after_a_comma_does_not_hold_the_town():
    evs = events("Syrian troops advanced in southern Idlib province on Sunday. On Monday, warplanes struck a "
                 "Turkish military convoy near the town of Maarat al-Numan, Turkey's Defence Ministry said.")
    ev = next(e for e in evs if e.sub_event_type == "Air/drone strike")
    assert ev.location.name == "Ma'arrat an Nu'man" and ev.location.geo_precision == 2


def test_event_date_is_the_one_its_verb_governs():
    # "in January" belongs to the dismissal, "since January" is background: the protest is dated
    # by the date that modifies its own verb
    ev = only(
        "On 3 March 2021, about 200 teachers who had recently been dismissed by the county government "
        "over alleged irregular recruitment in January reportedly staged a protest to demand their jobs back.",
        published=dt.date(2021, 3, 6),
    )
    assert (ev.sub_event_type, ev.date) == ("Peaceful protest", dt.date(2021, 3, 3))
    ev = only("On 3 March 2021, in Kakamega, traders protested the closure (since January) of the main "
              "market.", published=dt.date(2021, 3, 6))
    assert ev.date == dt.date(2021, 3, 3)


def test_demonstration_that_destroys_property_is_violent():
    ev = only("On 11 October 2019, Moi University students demonstrated violently in Eldoret, "
              "causing destruction of property.", published=dt.date(2019, 10, 14))
    assert ev.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Youths beat two journalists in Eldoret on Monday.", "Mob violence"),  # a crowd, not an armed group
        ("Three Kenyan police officers were beaten by Ugandan police on an island in Lake Victoria on Monday.",
         "Armed clash"),
        ("Two people were killed during a cattle raid in Baragoi on Monday.", "Attack"),
        ("Taliban fighters killed five villagers in Ghazni on Monday.", "Attack"),
        ("A mob lynched two suspected thieves in Kisii on Monday.", "Mob violence"),
        ("On Monday, residents of Samburu protested against the governor, burning posters and lighting bonfires.",
         "Violent demonstration"),
        ("On Monday, one civilian was found dead in a tea farm in Bomet.", "Attack"),
        ("On Monday, herders in Mandera discovered five bodies buried in a shallow grave.", "Attack"),
        ("A man from Kapsabet was on Monday discovered murdered by suspected neighbours.", "Attack"),
        ("Nurses in Kisumu went on strike on Monday over unpaid salaries.", "Peaceful protest"),
        ("On Monday, eight gunmen ambushed a bus near Ijara and killed two passengers.", "Attack"),
        ("On Monday, Taliban fighters ambushed an army convoy in Ghazni.", "Armed clash"),
        ("Orma youths attack journalists covering a peace meeting in Garsen on Monday", "Attack"),
        ("Police officer shot dead by unknown gunmen in Mandera on Monday", "Armed clash"),
        ("On Monday, 2 Mungiki suspects killed by police in Nairobi.", "Armed clash"),
        ("On Monday, 3 people killed by unidentified attackers in Molo.", "Attack"),
        ("On Monday, five shot dead by armed bandits who also stole cattle in Baragoi", "Attack"),
    ],
)
def test_beatings_raids_bodies_strikes_ambushes_and_burning_protests(text, expected):
    ev = only(text)
    assert ev.sub_event_type == expected
    assert ev.date == dt.date(2019, 8, 19)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya beat Uganda 2-1 in Nairobi on Monday.",
        "The body of a fisherman who drowned was found in Lake Victoria on Monday.",
        "Parliament is the supreme law-making body of Kenya.",
        "The army's attack helicopters were grounded in Kabul on Monday.",
        "A bomb threat forced the evacuation of a school in Nairobi on Monday.",
    ],
)
def test_a_football_win_a_drowning_and_attack_helicopters_are_no_events(text):
    assert events(text) == []


def test_bomb_disposal_experts_defusing_a_bomb_is_one_disrupted_weapons_use():
    ev = only("Bomb disposal experts defused a car bomb in Mogadishu on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Disrupted weapons use", 0)


def test_a_body_found_after_a_reported_killing_is_no_second_event():
    evs = events("Gunmen killed five villagers in Mandera on Monday. Their bodies were found on Tuesday.")
    assert [(e.sub_event_type, e.date) for e in evs] == [("Attack", dt.date(2019, 8, 19))]


def test_a_note_opening_with_its_type_label_is_that_type():
    ev = only("Movement of forces: on Monday, al-Shabaab fighters raided Kabiria and moved into Mandera county.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert ev.actor1 == "Al Shabaab" and ev.date == dt.date(2019, 8, 19)
    ev = only("Property destruction: on Monday, unknown men torched houses in Keiyo.")
    assert ev.sub_event_type == "Looting/property destruction"
    # a place written as a dateline is no label; a label inside a sentence is prose
    assert only("Nairobi: police fired tear gas at protesters on Monday.").sub_event_type == "Protest with intervention"
    assert events("Officials said the movement of forces: nothing unusual.") == []


def test_a_label_with_an_unknown_type_is_a_clear_data_error(tmp_path):
    from importlib import resources

    raw = resources.files("warwire.data").joinpath("event_lexicon.toml").read_text(encoding="utf-8")
    bad = tmp_path / "lexicon.toml"
    bad.write_text(raw.replace('"Other" = ["non-violent activity"]', '"Calm" = ["non-violent activity"]'), encoding="utf-8")
    with pytest.raises(DataError, match="unknown ACLED sub-event type 'Calm'"):
        load_lexicon(bad)


def test_police_who_intervene_make_a_protest_one_with_intervention_but_a_mob_stays_a_mob():
    ev = only("On Monday, students protested against fee increases in Eldoret. Police intervened.")
    assert ev.sub_event_type == "Protest with intervention"
    ev = only("On Monday, a man was attacked by a mob at a market near Maua. The police intervened.")
    assert ev.sub_event_type == "Mob violence"


def test_a_detail_not_known_does_not_negate_the_event():
    ev = only("Post election riots - DETAILS NOT SPECIFIED.")
    assert ev.sub_event_type == "Violent demonstration"
    assert events("The attack on the police post in Kisumu was not confirmed.") == []


def test_victims_named_only_by_their_community_are_the_toll():
    # "two Maasai": no common noun says they are people, the killing does
    ev = only("Members of a Kipsigis militia attack and kill two Maasai in retaliation for earlier violence.")
    assert (ev.event_type, ev.sub_event_type, ev.fatalities) == ("Violence against civilians", "Attack", 2)


def test_headline_read_as_a_noun_phrase_keeps_its_subject():
    # the parser makes "Members" the root and "attack" a noun in it; "kill" still has the
    # militia (a misspelt name the actor base does not know) as its subject, so it is an attack
    ev = only("Members of a Kipsigs militia attack and kill two Maasai in retaliation for earlier violence.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group", 2)


def test_fighting_that_erupted_is_no_volcano():
    ev = only("3 killed in a battle between rival communities which erupted over access to a watering point in Hola.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 3)
    assert events("A volcano erupted near Goma on Monday, killing 3 people.") == []


def test_explosive_devices_and_mortar_rounds_name_their_weapon():
    ev = only("On Monday, 10 police officers on patrol near the border died as their vehicle ran over an explosive device.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 10)
    ev = only("Al Shabaab militants fired several mortar rounds towards a KDF base in El Ram, Mandera County on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Al Shabaab")


def test_a_purpose_clause_takes_the_date_of_the_verb_it_completes():
    # "in July" dates the killing; the gathering (and its protest) was on or before 24 October
    text = "On or before October 24th, teachers gathered in Litein to protest the killing of a colleague in July."
    (ev,) = events(text, dt.date(2018, 10, 27))
    assert (ev.event_type, ev.date) == ("Protests", dt.date(2018, 10, 24))
    (ev,) = events("On Monday, teachers gathered in Litein to protest the killing of a colleague in July.")
    assert ev.date == dt.date(2019, 8, 19)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline's passive without its auxiliary, before "by"
        ("Police reservist shot dead by suspected Al Shabaab militants in Mandera on Monday.",
         ("Armed clash", "Al Shabaab", 1)),
        # "guns down" read as a verb and a preposition
        ("Ethiopian ethnic militia guns down two Kenyan police officers in Moyale on Monday.",
         ("Armed clash", "Unidentified Communal Militia (Kenya)", 2)),
        # "killed" takes an object: without one its subject is the victim (the side named, listed
        # first in a battle; the doers are unidentified)
        ("Four security officers killed. Linked with ongoing land dispute in Mandera.",
         ("Armed clash", "Police Forces of Kenya (2013-2022)", 4)),
        # a gerund's doer ("by") and the victims it "leaves dead"
        ("Shooting by suspected Al Shabaab militants leaves two police officers dead in Garissa on Monday.",
         ("Armed clash", "Al Shabaab", 2)),
        # "killed at" says where; a participle is a passive: the member is the victim
        ("Suspected Mungiki member killed at slum in Nairobi on Monday.",
         ("Armed clash", "Mungiki Militia", 1)),
        ("ODM representative killed at his home in Migori on Monday.",
         ("Attack", "Unidentified Armed Group (Kenya)", 1)),
        # the conjuncts of a passive share its subject; the "by" hangs on the last one
        ("Five journalists were harassed, beaten and injured by police in Kisumu on Monday.",
         ("Attack", "Police Forces of Kenya (2013-2022)", 0)),
        # an unidentified group is an unidentified armed group
        ("Attacks by unidentified group leaves two dead in Mandera",
         ("Attack", "Unidentified Armed Group (Kenya)", 2)),
    ],
)
def test_headline_victims_and_doers(text, expected):
    ev = only(text)
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == expected
    assert ev.actor2 != ev.actor1


@pytest.mark.parametrize(
    "text, expected",
    [
        # the "by" the parser hangs on the target names the attacker
        ("Attack on Degodia village by Garre militia in Mandera.", ("Attack", "Garre Clan Militia (Kenya)")),
        # "post-election" and "trading post" say nothing of who the victims are
        ("Kalenjin youths killed 2 Kikuyu civilians - ongoing post-election ethnic violence.",
         ("Attack", "Unidentified Armed Group (Kenya)")),
        ("Somali militia shoots woman in attack on trading post in Mandera.",
         ("Attack", "Unidentified Armed Group (Kenya)")),
        # two objects the parser split are one phrase: a police post is armed (by "police")
        ("Al Shabaab attacks police post in Mandera", ("Armed clash", "Al Shabaab")),
    ],
)
def test_who_was_attacked(text, expected):
    ev = only(text)
    assert (ev.sub_event_type, ev.actor1) == expected


def test_an_attack_on_people_not_described_is_an_attack_when_nothing_else_is_told():
    ev = only("Cattle raiders from neighboring ethnic group attack family during raid in Moyale")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    assert only("New killings attributed to Mungiki militia in Nakuru.").sub_event_type == "Attack"
    ev = only("4 slashed to death including village elder in Nyeri.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 4)
    # a claim for an attack told elsewhere stays unsaid
    assert events("Islamic State claimed responsibility for the Cambrils attack in Spain on Monday.") == []
    # but a claim that tells an attack for the first time reports it
    ev = only("The Houthis claimed responsibility for a missile attack on a commercial vessel in the Gulf of Aden "
              "on Monday. No injuries were reported.")
    assert (ev.sub_event_type, ev.actor1, ev.date) == ("Shelling/artillery/missile attack", "Houthi Movement",
                                                        dt.date(2019, 8, 19))
    (ev,) = _kenyan("Al Shabaab claimed responsibility for attacks on two police posts in Mandera on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Al Shabaab", "Police Forces of Kenya (2013-2022)")
    # (not an attack someone is accused of being responsible for)
    assert events("Russia is accused of being responsible for an attack on a former spy in Salisbury.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "to protest" hangs on "day", but the workers gathered to protest
        ("City council workers gather at Treasury Square in Nairobi for the second day to protest salary arrears.",
         "Peaceful protest"),
        # "recently" dates the bill, not the protest
        ("Journalists in Garissa took to the streets to protest a recently passed media bill.", "Peaceful protest"),
        # tear gas to disperse a protest is an intervention, with no crowd word
        ("Police used tear gas to disperse an anti-corruption protest in Nairobi on Monday.",
         "Protest with intervention"),
    ],
)
def test_protests_told_through_their_purpose_or_their_dispersal(text, expected):
    assert only(text).sub_event_type == expected


def test_a_crowd_lighting_bonfires_riots_and_scouts_do_not():
    ev = only("In Homa Bay, opposition supporters lit bonfires on Monday as they demanded the removal of the IEBC chief.")
    assert ev.sub_event_type == "Violent demonstration"
    assert events("The scouts lit a bonfire at the camp in Nakuru on Monday.") == []
    ev = only("On Monday, youths in Homa Bay protested against police violence by setting fire to market stalls.")
    assert ev.sub_event_type == "Violent demonstration"
    # stones the protest is about are no riot
    ev = only("On Monday, quarry workers in Mandera took to the streets to protest the closure of stone mines.")
    assert ev.sub_event_type == "Peaceful protest"


def test_people_hurt_when_police_break_up_a_protest_are_hurt_in_the_intervention():
    for text in ("Police fired tear gas at protesters in Nairobi on Monday, wounding 5.",
                 "Police fired tear gas at an opposition rally in Nairobi on Monday, wounding 5."):
        (ev,) = _kenyan(text)
        assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of Kenya (2013-2022)"), text
    # (people the police shoot at a protest told with no intervention are their own attack)
    protest, attack = _kenyan("IDPs protested in Eldoret on Monday. During one protest, two people were shot and "
                              "injured by police.")
    assert (protest.sub_event_type, attack.sub_event_type) == ("Peaceful protest", "Attack")


def test_a_crowd_blocking_a_road_demonstrates_and_the_police_closing_one_do_not():
    ev = only("On Monday, Imenti youths blocked the Nkabune-Kathurine road with trees to denounce the condition of the road.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters")
    assert events("Police blocked the road to Garissa on Monday.") == []
    # war veterans, parents, pupils: people, a crowd when they block a road or storm an office
    (ev,) = _kenyan("On Monday, war veterans blocked roads at Lokichoggio, demanding monthly compensation.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    (ev,) = _kenyan("On Monday, war veterans stormed the British High Commission in Nairobi demanding compensation.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    (ev,) = _kenyan("On Monday, parents stormed a school in Mwatate and destroyed property.")
    assert ev.event_type == "Riots"
    # a crowd that throngs the streets for a demand protests
    (ev,) = _kenyan("On Sunday, Kibera residents thronged the streets asking the government to free Miguna Miguna.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")



def test_a_present_tense_verb_read_as_a_noun_still_reports():
    # the tagger reads "block" and "attacks" in headline style as nouns heading a subject and object
    (ev,) = _kenyan("Residents of Imenti South block the Meru-Nairobi highway in Meru on Monday to protest over ballots.")
    assert (ev.sub_event_type, ev.actor1, ev.date) == ("Violent demonstration", "Rioters (Kenya)", dt.date(2019, 8, 19))
    doc = nlp.parse("Armed group attacks village and wounds two civilians.")
    assert [(t.pos_, t.lemma_) for t in doc if t.lower_ == "attacks"] == [("VERB", "attack")]


def test_people_a_range_counts_are_the_ones_the_verb_tells_of():
    # the parser hangs "between 10 and 15 soldiers" on "between" as if it were a time: the
    # soldiers are what IS killed, and "between 3 and 5 people" who were killed
    (ev,) = _in("IQ", "On Monday, IS killed between 10 and 15 soldiers in Hawija.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Islamic State (Iraq)", "Military Forces of Iraq (2018-2020)", 10)
    (ev,) = _in("IQ", "On Monday, between 3 and 5 people were killed in Hawija.")
    assert (ev.sub_event_type, ev.fatalities, ev.date) == ("Attack", 3, dt.date(2019, 8, 19))


def test_soldiers_who_died_fighting_a_group_are_the_side_it_fought():
    (ev,) = _in("IQ", "On Monday, 10 soldiers died in clashes with IS militants in Hawija.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Islamic State (Iraq)", "Military Forces of Iraq (2018-2020)", 10)
    # but the dead a clash between two others killed are no side of it
    (ev,) = _kenyan("On Monday, a soldier died in clashes between Pokot and Turkana herders in Kapedo.")
    assert (ev.actor1, ev.actor2) == ("Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)")


def test_a_passive_participle_read_as_a_noun_after_a_time_phrase_keeps_its_roles():
    # "shot" after "was on Wednesday" is read as a noun hanging off "was": the militant was
    # shot by the police, not the one who shot
    ev = only("A suspected al Shabaab militant was on Wednesday shot dead by police in Garissa.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Police Forces of Kenya (2013-2022)", "Al Shabaab", 1)
    doc = nlp.parse("A motorcyclist was on Saturday shot dead on the Hola road.")
    shot = next(t for t in doc if t.lower_ == "shot")
    assert (shot.pos_, shot.lemma_, shot.dep_) == ("VERB", "shoot", "ROOT")
    assert {c.text: c.dep_ for c in shot.children}.get("motorcyclist") == "nsubjpass"
    # a noun after "was" stays a noun ("the cause was a shot by a sniper")
    doc = nlp.parse("The cause of death was a shot by a sniper.")
    assert next(t for t in doc if t.lower_ == "shot").pos_ == "NOUN"



def test_a_headline_noun_root_takes_the_name_before_it_as_its_doer():
    # "fights" and "attacks" read as plural nouns: the group named before them did it
    (ev,) = _kenyan("OLF fights with faction in Moyale, 15 killed on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "OLF: Oromo Liberation Front", 15)
    (ev,) = _kenyan("MRC attacks police officers at their camp in Kilifi on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "MRC: Mombasa Republican Council")
    assert ev.actor2.startswith("Police Forces of Kenya")


def test_arrests_told_in_the_sentence_of_another_event_are_part_of_it():
    ev = only("Police arrest and torture a terrorism suspect in Mombasa on Monday. The man was released without charge.")
    assert ev.sub_event_type == "Attack"
    evs = events("Police arrested 30 opposition supporters in Kampala on Monday. Officials said the country was calm. "
                 "Separately, gunmen killed 3 people in Gulu on Tuesday.")
    assert sorted(e.sub_event_type for e in evs) == ["Arrests", "Attack"]


def test_a_raid_by_state_forces_that_only_arrested_is_an_arrest():
    # (with the country given, as with it unknown)
    for find in (events, _kenyan):
        (ev,) = find("On Monday, police raided a house in Eastleigh, Nairobi, arresting 5 suspects.")
        assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Police Forces of Kenya (2013-2022)")
    # not one that killed or hurt, told in its sentence or the next
    (ev,) = _kenyan("On Monday, police raided a house in Eastleigh, Nairobi, killing one suspect and arresting 5.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    (ev,) = _kenyan("Police raid two Kisauni mosques on Monday evening, arrest 250 suspects. One death from the raids reported.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    # nor armed men's raid: they abduct
    (ev,) = _kenyan("On Monday, bandits raided a village in Baringo and abducted 5 people.")
    assert ev.sub_event_type == "Abduction/forced disappearance"


def test_a_missile_strike_told_with_a_dateline_is_one_event_at_its_town():
    # the dateline is where the reporter files from; the killing and wounding are the strike's,
    # and the civilians killed are not the ones who wounded twelve
    ev = only("KYIV, Aug 19 (Reuters) - Russian missiles struck the northeastern city of Kharkiv overnight, "
              "killing four civilians and wounding 12, regional governor Oleh Syniehubov said on Tuesday.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)", 4)
    assert ev.location.name == "Kharkiv"
    # with nothing else named, the dateline's town is the place
    ev = only("BEIRUT (Reuters) - A car bomb exploded in a busy street on Monday, killing five people.")
    assert ev.location.name == "Beirut"


def test_who_tells_of_a_strike_and_whom_it_hit_are_not_its_doers():
    ev = only("On Monday, a fighter jet bombed a ceremony held by opponents of the junta in Pazigyi village "
              "in Myanmar's Sagaing region, killing 20 people, a member of the local People's Defence Force "
              "told Reuters.")
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 20
    assert "People's Defense Force" not in (ev.actor1 or "")
    # what a strike told before aimed at is a detail of it, not a clash of its own
    ev = only("On Monday, Israeli jets struck Gaza City, killing 12 people. The strike targeted a Hamas "
              "commander, the army said.")
    assert ev.sub_event_type == "Air/drone strike" and ev.actor1.startswith("Military Forces of Israel")


def test_a_deed_claimed_as_done_is_an_event_a_threat_is_not():
    ev = only("On Monday, Al Shabaab claimed to have killed two Kenyan police officers in Mandera town.")
    assert (ev.actor1, ev.fatalities) == ("Al Shabaab", 2)
    assert events("On Monday, Al Shabaab threatened to kill Kenyan police officers in Mandera town.") == []


def test_it_in_what_a_group_says_it_did_is_the_group():
    ev = only("On Monday, the Rapid Support Forces (RSF) said it had taken control of an army base in El "
              "Fasher after two days of heavy fighting with the Sudanese Armed Forces.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert (ev.actor1, ev.actor2) == ("RSF: Rapid Support Forces", "Military Forces of Sudan (2019-)")


def test_state_forces_killed_by_armed_men_is_a_clash_however_the_parser_reads_it():
    # "feared dead" is a death told; the attack names who did it
    ev = only("On Monday, four police officers were feared dead following an al Shabaab attack on Bodhei, "
              "Lamu County.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "Al Shabaab", 4)
    assert ev.actor2.startswith("Police Forces of Kenya")
    # a passive read as "is" + adjective: the subject is the victim, "by" the doer
    ev = only("On Monday, a member of the GSU is non-fatally shot by bandits in Kapedo.")
    assert ev.sub_event_type == "Armed clash" and ev.actor2.startswith("Police Forces of Kenya")
    # the object read as the subject of the next clause: the gang is the doer, not the police
    ev = only("On Monday, an armed gang kills police investigating gun runners in Nairobi.")
    assert ev.sub_event_type == "Armed clash" and ev.actor1 == "Unidentified Armed Group (Kenya)"
    # "him" stands for the policeman attacked, not for the doers
    ev = only("On Monday, suspected members of MRC attack policeman and kill him in Dzombo Forest.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "MRC: Mombasa Republican Council")
    ev = only("On Monday, a trader in Mandera was robbed by gunmen who later shot him dead.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")


def test_deaths_at_a_protest_told_again_in_the_next_sentence_stay_excessive_force():
    ev = only("On Monday, three people were shot dead during protests in Kisumu. Protesters were "
              "enraged over delays in announcing the election results.")
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 3)
    # unless the crowd turned violent
    ev = only("On Monday, one person was killed as a farmers' protest in Kisumu turned violent.")
    assert ev.sub_event_type == "Violent demonstration"
    # "violently suppressed" is force used on the protest, not a crowd's "violently"
    ev = only("On Monday, the authorities violently suppressed a peaceful protest in Minsk.")
    assert ev.sub_event_type == "Excessive force against protesters"
    # the protesters rioted before the police fired on them
    ev = only("On Monday, opposition protesters in Dandora set fire to local businesses. Police fired "
              "live ammunition at the protesters, killing three.")
    assert ev.sub_event_type == "Violent demonstration"
    # the deaths protested are not the protest's toll
    ev = only("On Monday, residents staged a demonstration in Narok to protest the death of four men "
              "who died after drinking illicit brew.")
    assert (ev.sub_event_type, ev.fatalities) == ("Peaceful protest", 0)


def test_security_men_not_on_duty_or_guarding_a_civilian_are_civilian_victims():
    ev = only("On Monday, unidentified gunmen shot and killed an off-duty police officer in Mombasa.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("On Monday, MRC members attacked the Fisheries Minister in Mombasa and killed his bodyguard.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    # on duty: a clash with the police
    ev = only("On Monday, gunmen shot dead a police officer in Mombasa.")
    assert ev.sub_event_type == "Armed clash" and ev.actor2.startswith("Police Forces of Kenya")


def test_victims_only_counted_are_the_people_named_before_them():
    # "many", "16 of them": the raiders the police went after, an armed side
    ev = only("On Monday, police pursued Borana raiders in Moyale and killed many.")
    assert ev.sub_event_type == "Armed clash"
    ev = only("On Monday, police responded to a raiders attack in Moyale; they killed 16 of them.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 16)
    # the village attacked: civilians
    ev = only("On Monday, gunmen raided a village in Mandera and killed 16.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    # the counted are not the doers named as subjects before them
    ev = only("On Monday, gunmen with suspected links to Al Shabaab attacked a hotel in Lamu; five killed.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("On Monday, armed men with machetes attacked citizens in Mombasa and injured 10 of them.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")


def test_rival_supporters_fighting_at_a_rally_are_a_mob():
    ev = only("On Saturday, Jubilee and KANU supporters clashed during a rally led by the governor in "
              "Kabarnet, Baringo.")
    assert ev.sub_event_type == "Mob violence"
    ev = only("On Saturday, NASA and Jubilee supporters clashed and threw stones at each other during "
              "Odinga's rally in Mutuati, Meru.")
    assert ev.sub_event_type == "Mob violence"
    ev = only("On Saturday, protesters clashed with police in Kisumu during a demonstration.")
    assert ev.sub_event_type == "Violent demonstration"
    # rivals told as factions, or as "those of" another leader
    for text in ("On Saturday, factions of ODM members clashed during a rally in Homa Bay.",
                 "On Saturday, ODM supporters of John Mbadi clashed with those of Caroli Omondi at a party rally "
                 "in Magunga.",
                 # a rally they fought before is no demonstration of its own either
                 "On Saturday, Jubilee and ODM supporters clashed ahead of a rally in Kisumu."):
        assert only(text).sub_event_type == "Mob violence", text


def test_a_strike_overnight_from_one_day_to_the_next_is_one_event():
    ev = only("Warplanes bombed the town of Saraqib in Idlib province overnight Monday to Tuesday, killing four "
              "children, rescuers said.")
    assert (ev.sub_event_type, ev.date, ev.fatalities) == ("Air/drone strike", dt.date(2019, 8, 19), 4)


def test_strikes_told_again_with_no_one_firing_them_are_the_same_attack():
    ev = only("On 29 December 2023, Russian forces launched a large-scale missile and drone attack across "
              "Ukraine. In Kyiv, missiles hit a metro station and a warehouse, killing 16 people.",
              published=dt.date(2024, 1, 2))
    assert (ev.sub_event_type, ev.actor1, ev.location.name, ev.fatalities) == (
        "Air/drone strike", "Military Forces of Russia (2000-)", "Kyiv", 16)


def test_a_place_that_locates_the_target_is_not_the_target():
    # the sit-in was stormed, not the army headquarters it was held outside
    ev = only("Sudanese security forces stormed the protest sit-in outside the army headquarters in Khartoum "
              "on Monday, killing at least 30 people, doctors said.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Excessive force against protesters", "Military Forces of Sudan (2019-)", "Protesters (Sudan)", 30)


def test_shots_at_a_protest_and_a_child_hit_by_a_stray_bullet_are_one_excessive_force():
    (ev,) = _kenyan("Police in Kisumu fired live bullets at opposition supporters protesting the election results "
                    "on Monday. A nine-year-old girl was hit by a stray bullet and died.")
    # (who fired is actor1: the perpetrator)
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Excessive force against protesters", "Protesters (Kenya)", 1)
    assert ev.actor1.startswith("Police Forces of Kenya")


def test_a_crackdown_that_killed_protesters_is_excessive_force():
    ev = only("Three protesters died in a police crackdown on a demonstration in Lima on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 3)
    # a crackdown without deaths is an intervention
    ev = only("Police fired tear gas to break up a demonstration in Lima on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Protest with intervention", 0)


def test_police_shooting_at_protesters_is_excessive_force_whatever_the_protest_mention_says():
    ev = only("On Monday, police shot at protesters who had converged to march in Homa Bay.")
    assert ev.sub_event_type == "Excessive force against protesters"
    assert ev.actor1.startswith("Police Forces of Kenya")


def test_a_crowd_that_kills_or_beats_someone_is_a_mob():
    for text in ("On Monday, a suspected cattle thief was killed by residents of Ochude location in Teso South.",
                 "On Monday, a group of rowdy youths attacked an election official at a polling station in Muhoroni.",
                 "On Monday, a man accused of theft was lynched by a band of locals in Murang'a.",
                 # rioters who attack people with no demonstration named; robbers are no armed side
                 "On Monday, rioters attacked two prison warders who had arrested a man in Ruiru.",
                 "On Monday, residents stoned two suspected robbers to death in Kisii.",
                 "On Monday, a county official was attacked by voters in Kitui over allegations of vote buying."):
        ev = only(text)
        assert ev.sub_event_type == "Mob violence" and ev.actor1.startswith("Rioters"), text
    # residents named after their village are a crowd too, a mob's rioters even where no country is known
    for text in ("On Monday, Gatundu residents beat two suspected robbers to death.",
                 "On Monday, Mbaruk villagers beat two suspected robbers to death."):
        ev = only(text)
        assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Mob violence", "Rioters", 2), text
    # but not armed, unknown or a community's youths, nor a crowd that is itself the victim
    assert only("On Monday, unidentified youths attacked a trader in Kaloleni.").sub_event_type == "Attack"
    assert only("On Monday, Kalenjin youths killed two Kikuyu farmers in Kipkelion.").sub_event_type != "Mob violence"
    assert only("On Monday, Pokot residents killed two Turkana herders in Kapedo.").sub_event_type != "Mob violence"
    assert only("On Monday, two residents were killed in Isiolo town in attacks by armed raiders.").sub_event_type == "Attack"


def test_an_officer_holding_a_civilian_post_is_a_civilian_victim():
    ev = only("On Monday, a returning officer was attacked by gunmen in Migori.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("On Monday, a Red Cross officer was shot and injured by an armed group near Lokichar in Turkana.")
    assert ev.sub_event_type == "Attack"
    ev = only("On Monday, gunmen shot dead two officers in Mandera.")
    assert ev.sub_event_type == "Armed clash" and ev.actor2.startswith("Police Forces of Kenya")


def test_a_protest_that_blames_or_condemns_is_held_not_referred_to():
    ev = only("Provincial administrators hold protest blaming president and prime minister for controversy "
              "surrounding their jobs")
    assert ev.sub_event_type == "Peaceful protest"
    # what is blamed or condemned is still only referred to
    assert events("On Monday, residents condemned the attack on a school in Garissa.") == []


def test_ethnic_clashes_and_communities_fighting_are_communal_militias():
    ev = next(e for e in events("On Monday, renewed ethnic clashes in Moyale injured at least five people.")
              if e.event_type == "Battles")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Unidentified Communal Militia (Kenya)")
    ev = only("On Monday, two people were killed in a fight between two rival communities in Kuri, Isiolo County.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Unidentified Communal Militia (Kenya)")
    # supporters and students who clash are a mob, ethnic lines or not
    ev = only("On Monday, groups of students clashed along ethnic lines in Nairobi.")
    assert ev.sub_event_type == "Mob violence"


def test_headline_verbs_the_parser_read_as_nouns():
    # a singular subject and a verb in -s, read as a plural noun
    ev = only("Unidentified group attacks hospital employee in Kisumu on Monday")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    # the noun is the root and names no doer: the words before it do
    ev = only("MRC attacks police officers at their camp in Kwale on Monday")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "MRC: Mombasa Republican Council")
    assert ev.actor2.startswith("Police Forces of Kenya")
    # a victim found after "on" stays the victim
    assert only("Ethiopian attack on Kenyan villagers in Moyale on Monday").sub_event_type == "Attack"
    # a bare person noun after the verb is its object ("sect attack woman")
    ev = only("Members of the Akorino sect attack woman for wearing trousers in Nakuru on Monday")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("Unknown group attacks campaigner for local MP in Kisumu on Monday")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    # a verb the parser made a compound of its object
    ev = only("Prison warders attack journalist for filming inmate in Nakuru on Monday")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    # "gather" read as a noun before "to protest"
    ev = only("Residents of Wajir gather to protest the delay of a sewer building project on Monday.")
    assert ev.sub_event_type == "Peaceful protest"
    # "open fire" with "open" tagged as an adjective
    ev = only("Police open fire on youth assembling for a meeting in Limuru on Monday")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    assert ev.actor1.startswith("Police Forces of Kenya")


def test_civilians_who_strike_over_pay_protest():
    ev = only("Teachers in Kisumu struck over unpaid salaries on Monday.")
    assert ev.sub_event_type == "Peaceful protest"
    ev = only("On Monday, students of Busia Boys Secondary School strike over test grades, vandalise school property.")
    assert ev.sub_event_type == "Violent demonstration"
    # armed men who strike a place attack it
    assert only("Gunmen struck a village in Mandera on Monday.").sub_event_type == "Attack"
    # a general strike is people's protest, whoever joins it
    ev = only("On Monday, hundreds of thousands of people joined a general strike against the coup in Yangon.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Myanmar)")


def test_a_partys_supporters_who_storm_and_burn_a_house_riot():
    ev = only("On 9 May 2023, PTI supporters stormed the Corps Commander's house in Lahore and set it on fire "
              "following the arrest of Imran Khan.", published=dt.date(2023, 5, 10))
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Pakistan)")


def test_a_clash_with_one_side_named_lists_it_first_and_the_other_as_unidentified():
    ev = only("On Monday, two Administration Police officers were attacked and set ablaze in Voi.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1.startswith("Police Forces of Kenya") and ev.actor2 == "Unidentified Armed Group (Kenya)"
    ev = only("Fighting erupted in Mandera on Monday.")  # (neither side named: both unidentified, as ACLED lists them)
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Kenya)", "Unidentified Armed Group (Kenya)")


def test_police_who_break_up_a_riot_are_its_second_party():
    ev = only("On Monday, police fired tear gas at rioters who were burning tyres in Kisumu.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    assert ev.actor2.startswith("Police Forces of Kenya")


def test_the_group_said_to_have_done_an_attack_is_its_actor1_unless_hedged():
    ev = only("On Monday, nine Kenyan soldiers were killed when a roadside bomb exploded in Mandera. "
              "Al Shabaab claimed responsibility for the attack.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Remote explosive/landmine/IED", "Al Shabaab", 9)
    ev = only("On Monday, gunmen killed three people in Mandera. Police said the killings may be linked to "
              "Al Shabaab.")
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"


def test_a_crowd_that_attacks_police_riots_it_does_not_battle():
    ev = only("On Monday, residents attacked two police officers in Rongo, Migori County.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    assert ev.actor2.startswith("Police Forces of Kenya")


def test_armed_men_attacking_what_the_note_does_not_describe_attack_civilians():
    # the police named too (they intervened) do not make it a raid of theirs
    ev = only("On Monday, an armed gang attacked a truck transporting IDPs from Naivasha; police intervened.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")


def test_unarmed_sides_the_parse_did_not_find_clash_as_a_mob():
    # headlines whose verb the parse read as a noun
    ev = only("On Monday, two groups of students of a boys school in Isiolo clash over a choice of music.")
    assert ev.sub_event_type == "Mob violence" and ev.actor1.startswith("Rioters")
    ev = only("On Monday, lawmakers in the Mandera County Assembly clash over a bill.")
    assert ev.sub_event_type == "Mob violence"
    # communities that clash are communal militias
    ev = only("On Monday, members of the Borana and Gabra communities clashed in Moyale.")
    assert ev.sub_event_type == "Armed clash"


def test_what_someone_is_suspected_of_is_not_the_event_reported():
    ev = only("On Monday, three men suspected of killing an elderly man were lynched by a mob in Kakamega.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 3)
    ev = only("On Monday, police shot dead six gang members suspected of raping a woman in Dandora, Nairobi.")
    assert ev.sub_event_type == "Armed clash"
    # the accusation reported is the event
    ev = only("On Monday, UPDF accused of bombing Turkana pastoralists in Nakwanye. 71 killed.")
    assert ev.event_type == "Explosions/Remote violence"
    # a deed a noun gives as the reason for what is reported
    ev = only("On Monday, a mob lynched a man over allegations of killing a teacher in Kakamega.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    ev = only("On Monday, police arrested a man in Kisumu on suspicion of killing two people.")
    assert (ev.sub_event_type, ev.fatalities) == ("Arrests", 0)


def test_no_countries_given_as_none_reads_the_text_alone():
    art = ingest.from_text("On Monday, gunmen killed two farmers in Mandera.", published=TUESDAY)
    (ex,) = pipeline.extract_many([art], countries=None)
    assert [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Attack", 2)]


def test_suspected_criminals_burnt_or_lynched_by_no_one_named_are_mob_justice():
    ev = only("On Monday, three suspected thieves were burnt to death in Kinangop, Nyandarua.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 3) and ev.actor1.startswith("Rioters")
    ev = only("On Monday, 5 suspected witches burned to death in Bombatara near Kisii.")
    assert ev.sub_event_type == "Mob violence"
    # shot dead: no crowd's way of killing
    ev = only("On Monday, three suspected robbers were shot dead in Kinangop, Nyandarua.")
    assert ev.sub_event_type != "Mob violence"


def test_victims_are_who_they_are_not_what_a_clause_about_them_names():
    # the police station is where the civilians fled, not who was attacked
    ev = only("On Monday, an armed group attacked civilians who sought refuge in a police station in Kiambu.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    # "Armed" belongs to the doers, wherever the parse hangs it
    ev = only("On Monday, armed group attack villagers in Nakuru for political revenge.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    # ... and a truck carrying explosives is still a weapons haul
    ev = only("On Monday, Kenyan police intercepted an Al Shabaab truck carrying explosives in Mandera.")
    assert ev.sub_event_type == "Disrupted weapons use"


def test_people_arrested_and_then_beaten_or_found_dead_were_attacked():
    ev = only("On Monday, herders grazing their cattle in Boni Forest, Garissa, were detained by the "
              "Kenyan military. At least eight herders were beaten.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    assert ev.actor1.startswith("Military Forces of Kenya")
    ev = only("On Monday, police apprehended four members of one family in Wajir. One was beaten before "
              "being released, and the other three were found dead.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 3) and ev.actor1.startswith("Police Forces of Kenya")
    # an arrest alone stays an arrest
    ev = only("On Monday, police arrested five suspects in Mombasa.")
    assert ev.sub_event_type == "Arrests"
    # someone abducted whom the next sentence finds dead, told as "he", was killed: an attack
    ev = only("On Monday, unidentified gunmen abducted a trader in Mandera. He was found dead two days later.")
    assert (ev.sub_event_type, ev.fatalities, ev.date) == ("Attack", 1, dt.date(2019, 8, 19))


def test_what_the_victim_had_done_is_neither_an_event_nor_a_toll():
    ev = only("On Monday, a man who killed his wife and kids was seized by a mob and killed in Migori.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    ev = events("On Monday, residents of Malava, Kakamega, beat up a man who had just killed his mother.")[0]
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 0)
    # the doers' own clause is the event
    ev = only("On Monday, the gunmen who killed three villagers in Lamu escaped into the forest.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 3)


def test_a_sentence_does_not_end_at_a_word_that_ends_no_sentence():
    # the parser had broken it after "MP": the mob's two sides were then in another sentence
    from warwire import nlp

    doc = nlp.parse("Supporters of Governor Cyprian Awiti and Kasipul MP Oyugi Magwanga clash in Kendu Bay. "
                    "One was injured.")
    assert [s.text for s in doc.sents] == [
        "Supporters of Governor Cyprian Awiti and Kasipul MP Oyugi Magwanga clash in Kendu Bay.", "One was injured."]
    ev = events("Supporters of Homa Bay Governor Cyprian Awiti and Kasipul MP Oyugi Magwanga clash with "
                "crude weapons in Kendu Bay, leaving one seriously injured.")[0]
    assert ev.sub_event_type == "Mob violence"


def test_an_ambush_whose_only_victims_are_civilians_is_an_attack():
    ev = only("On Monday, gunmen laid an ambush at Pimbinyiet in Narok. A man was shot dead and another injured.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    # on soldiers, or by the police: a clash
    ev = only("On Monday, Al Shabaab militants ambushed a KDF convoy in Lamu, killing two soldiers.")
    assert ev.sub_event_type == "Armed clash"
    ev = only("On Monday, raiders returning from a cattle raid against Turkana were ambushed by Kenyan police "
              "in Lokichoggio.")
    assert ev.sub_event_type == "Armed clash"


def test_a_place_at_home_over_one_abroad_when_the_countries_are_given():
    text = ("Kenyan journalists have joined international journalists outside the Egyptian Embassy "
            "in Nairobi to protest the imprisonment of three Al Jazeera correspondents in Cairo.")
    (ex,) = pipeline.extract_many([ingest.from_text(text, published=TUESDAY)], countries=["KE"])
    assert [(e.sub_event_type, e.location.name) for e in ex.events] == [("Peaceful protest", "Nairobi")]


def test_where_a_march_was_going_is_not_where_it_was():
    text = "On Monday, PTI supporters clashed with police in Lahore during a march towards Islamabad."
    (ex,) = pipeline.extract_many([ingest.from_text(text, published=TUESDAY)], countries=["PK"])
    assert [e.location.name for e in ex.events] == ["Lahore"]


def test_a_facility_named_after_its_town_is_in_it_even_abroad():
    # a Yemeni feed: the strike fell in the Emirates, at the city's airport
    text = "On Monday, Houthi drones struck fuel tanks near Abu Dhabi airport, killing three people."
    (ex,) = pipeline.extract_many([ingest.from_text(text, published=TUESDAY)], countries=["YE"])
    assert [(e.sub_event_type, e.location.name, e.location.country) for e in ex.events] == [
        ("Air/drone strike", "Abu Dhabi", "AE")]


def test_one_word_of_a_village_name_the_gazetteer_lacks_is_not_the_event_place():
    # "Kala Murchi" is no "Kala": the event is coded to the district named with it
    ev = only("On Sunday, a landmine planted by the Taliban hit an army vehicle, killing 2 soldiers, "
              "in Kala Murchi of Deh Rahwod district, Urozgan.")
    assert ev.location.name == "Dihrawud" and ev.location.geo_precision == 2


def test_rustlers_are_armed_and_a_raid_can_lead_to_clash():
    ev = only("On Monday, 9 cattle rustlers were shot dead by police during a recovery operation in Kainuk.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 9)
    # "led to clash": the parser reads a noun as an infinitive; the clash happened
    ev = only("On Monday, a livestock raid led to clash between the two groups in Turkana South. 74 killed.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 74)
    assert events("On Monday, elders said the dispute could lead to fighting in Turkana South.") == []


def test_herders_who_die_fighting_each_other_are_no_attack_on_civilians():
    ev = only("On Monday, herders from Isiolo and Marsabit were feared dead as they engaged each other "
              "in a deadly gun battle.")
    assert ev.sub_event_type == "Armed clash"
    # the communal words make farmers and pastoralists who fight communal militias
    ev = only("On Monday, farmers clashed with pastoralists over grazing land near Lake Naivasha.")
    assert ev.sub_event_type == "Armed clash"


def test_rioters_who_attack_people_in_a_headline_are_a_mob():
    # "Rioters attack and injure": the verb read as a noun, the rioters its doers, not a riot of their own
    ev = only("On Monday, rioters attack and injure journalists in Kisumu.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_teargassed_is_an_intervention():
    ev = only("On Monday, police teargassed university staff who were protesting at the Ministry of "
              "Education offices in Nairobi.")
    assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of Kenya (2013-2022)")


def test_where_people_come_from_or_go_and_whose_office_a_place_names_are_not_where_it_happened():
    # a man's home town, a bus's destination, a governor's county
    ev = only("On Monday, a man from Isiolo was attacked by a mob at a market near Maua.")
    assert (ev.sub_event_type, ev.location.name) == ("Mob violence", "Maua")
    ev = only("On Monday, gunmen attacked a Mombasa-bound bus outside Witu and killed seven passengers.")
    assert ev.location.name == "Witu"
    ev = only("On Monday, supporters of Kitui Governor Charity Ngilu and those of a rival clashed in Mwingi town.")
    assert ev.location.name == "Mwingi"


def test_an_event_told_only_in_a_country_takes_a_town_of_it_named_elsewhere():
    evs = events("On Monday, al Shabaab militants crossed into Kenya and attacked a police station. "
                 "The attackers fired a rocket-propelled grenade at the Liboi police station near the border.")
    clash = next(e for e in evs if e.sub_event_type == "Armed clash")
    assert (clash.location.name, clash.location.geo_precision) == ("Liboi", 2)


def test_burning_in_communal_clashes_and_armed_raiders_are_the_clash():
    ev = only("On Monday, eight houses were burnt at Kaburuet village in Bungoma county in clashes "
              "between members of two communities.")
    assert ev.sub_event_type == "Armed clash" and ev.actor1.startswith("Unidentified Communal Militia")
    # armed men fighting police and civilians are no mob
    ev = only("On Monday, Ethiopian raiders clashed with police and civilians in El Hadi.")
    assert ev.sub_event_type == "Armed clash"
    ev = only("On Monday, suspected OLF rebels attacked a village near Moyale.")
    assert ev.actor1 == "OLF: Oromo Liberation Front"


def test_what_burns_in_an_attack_or_a_fight_with_no_one_named_burns_in_it():
    # told right after the attack or the fight, with no crowd named: no mob of its own
    (ev,) = _kenyan("On Monday, bandits attacked Kainuk village. Houses were set on fire. 5 people were killed.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group (Kenya)", 5)
    (ev,) = _kenyan("On Monday, clashes broke out between Pokot and Turkana herders in Kainuk. "
                    "20 houses were torched and 5 people were killed.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "Pokot Ethnic Militia (Kenya)", 5)
    # a second gerund the parser read as an adjective of the first's object is its conjunct
    (ev,) = _kenyan("On Monday, Pokot militia attacked Kainuk, killing 23 civilians and burning houses.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Pokot Ethnic Militia (Kenya)", 23)
    # but after a protest, or by a crowd, burning is the crowd's
    (ev,) = _kenyan("On Monday, residents protested in Kainuk. Houses were set on fire.")
    assert ev.sub_event_type == "Violent demonstration"
    attack, mob = _kenyan("On Monday, bandits attacked Kainuk village. Residents burned their hideout on Tuesday.")
    assert (attack.sub_event_type, mob.event_type, mob.actor1) == ("Attack", "Riots", "Rioters (Kenya)")


def test_people_hurt_when_crowds_clash_are_the_toll_of_that_mob_violence():
    ev = only("On Monday, two youths were seriously injured in Kisumu after supporters of the governor "
              "and those of the MP clashed.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_students_who_attack_people_are_a_mob():
    ev = only("On Monday, students attacked six teachers at a boys' high school in Marsabit.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_firing_at_security_forces_is_a_clash():
    ev = only("On Monday, gunmen fired at a police patrol in Mandera.")
    assert (ev.sub_event_type, ev.actor2) == ("Armed clash", "Police Forces of Kenya (2013-2022)")
    # shots fired at no one named are no event
    assert events("On Monday, police fired shots in the air in Mandera.") == []


def test_people_who_gather_to_demand_something_protest():
    ev = only("On Monday, tea farmers gathered at a factory in Kericho, demanding higher bonus payments.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    # a gathering alone is no event
    assert events("On Monday, mourners gathered in Kericho for the burial.") == []


def test_those_police_kill_when_they_answer_an_attack_are_the_attackers():
    evs = events("On Monday, a group of gunmen attacked a power station in Garissa. Police responded, killing two.")
    assert any(e.sub_event_type == "Armed clash" and e.fatalities == 2 for e in evs)
    assert not any(e.actor1.startswith("Police") and e.sub_event_type == "Attack" for e in evs)
    # answering a protest, the dead are protesters
    ev = only("On Monday, 400 merchants gathered in Kibera to protest the demolition of their stalls. "
              "Police intervened in the demonstration, killing one.")
    assert ev.sub_event_type == "Excessive force against protesters"


def _kenyan(text):
    return _in("KE", text)


def test_demonstrators_who_ambush_someone_riot():
    # protesters who attack are rioters: a violent demonstration, not an attack by protesters
    (ev,) = _kenyan("On Monday, angry demonstrators in Masinga ambushed an election official.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_what_a_mob_burns_with_no_demonstration_named_is_its_mob_violence():
    evs = _kenyan("On Monday, a man was beaten to death and set on fire by residents in Riandu village, "
                  "Mbeere North subcounty.")
    assert [(e.sub_event_type, e.fatalities) for e in evs][:1] == [("Mob violence", 1)]
    # with a demonstration named, the crowd's burning makes it a violent demonstration
    evs = _kenyan("On Monday, residents protesting insecurity in Embu burned tyres on the road.")
    assert [e.sub_event_type for e in evs] == ["Violent demonstration"]


def test_a_ward_or_subcounty_named_after_a_place_does_not_make_it_an_attribute():
    # "Ahero ward" is where its residents live; the sub-county named before it only holds it
    (ev,) = _kenyan("On Monday, in Nyando subcounty, residents of Ahero ward took to the streets, "
                    "protesting against the nomination of a candidate.")
    assert (ev.sub_event_type, ev.location.name) == ("Peaceful protest", "Ahero")


def test_a_village_far_from_its_countys_centre_lies_in_the_county_named_after_it():
    # Sololo lies 145 km from the centre of the gazetteer's Marsabit district, but no district's
    # centre but Moyale's is nearer: the county the text names holds it
    (ev,) = _kenyan("On Monday, bandits killed two herders and stole 150 cows in Sololo, Marsabit County.")
    assert ev.location.name == "Sololo"
    # a village filed under no province lies in the province of the district nearest it
    (ev,) = _kenyan("On Monday, gunmen attacked a police post in Arabia area, Mandera County.")
    assert ev.location.name == "Arabia"


def test_a_place_before_the_unit_bracketed_after_it_is_the_finer_place():
    # "(Kilifi)" names the county Chakama lies in, a few words after the place ("town", "prison")
    (ev,) = _kenyan("On Monday, bandits attacked Chakama town (Kilifi) and abducted a trader.")
    assert ev.location.name == "Chakama"
    (ev,) = _kenyan("On Monday, workers at the Mumias Sugar Company (Kakamega) blocked the gates "
                    "in protest at unpaid salaries.")
    assert ev.location.name == "Mumias"


def test_a_place_written_with_its_division_is_where_not_an_attribute():
    # the parser splits "sub-county" at the hyphen and hangs the place on "sub"
    evs = _kenyan("On Monday, ten houses were torched in Matungu sub-county after a rider was killed near Mumias.")
    assert evs[0].location.name == "Matungu"
    evs = _kenyan("On Monday, residents of a ward in Taveta sub-county protested after a teacher was killed in Voi.")
    assert evs[0].location.name == "Taveta"


def test_a_road_named_by_its_two_ends_is_coded_at_the_first():
    (ev,) = _kenyan("On Monday, residents blocked the Kitale-Eldoret highway to protest against land grabbing.")
    assert ev.location.name == "Kitale"
    (ev,) = _kenyan("On Monday, matatu owners blocked the Kericho-Kisumu highway near a supermarket in protest.")
    assert ev.location.name == "Kericho"


def test_a_town_at_home_that_qualifies_a_noun_over_a_place_abroad():
    # "Nairobi's" qualifies the park; Kampala (abroad) is only where a man is held
    (ev,) = _kenyan("On Monday, dozens of protesters gathered in Nairobi's Uhuru park, demanding the release "
                    "of an opposition leader who is in detention in Kampala.")
    assert ev.location.name == "Nairobi"


def test_a_country_said_to_lie_in_a_town_is_another_name_not_the_country():
    # "Burma Market" is a Nairobi market; Burma (Myanmar) lies in no town, Nairobi holds the market
    (ev,) = _kenyan("On Monday, traders of Burma Market, Nairobi blocked a road with burning tyres "
                    "in protest against land grabbing.")
    assert ev.location.name == "Nairobi"


def test_a_crowds_deeds_told_with_no_doer_are_its_riot_not_the_forces_clash():
    # "They burnt tyres and barricaded" are the students' deeds, in the sentence that tells the
    # police repulsing them: the demonstration turned violent
    evs = _kenyan("On Monday, college students held a demonstration over high fees in Mombasa. They burnt "
                  "tyres and barricaded the Mombasa-Malindi highway before they were repulsed by the police.")
    assert (evs[0].event_type, evs[0].sub_event_type, evs[0].actor1) == ("Riots", "Violent demonstration", "Rioters (Kenya)")


def test_what_a_victim_is_believed_to_be_names_no_perpetrator():
    # "believed to be a member of the ONLF" describes the man shot, not who shot him; the
    # parser leaves the passive without its subject, and the man is still one killed
    (ev,) = _kenyan("On Sunday night [13 February], a man believed to be a member of the Ogaden National "
                    "Liberation Front (ONLF) was shot dead by gunmen in Bula Iskedeg area of Garissa.")
    assert (ev.actor1, ev.fatalities) == ("Unidentified Armed Group (Kenya)", 1)
    # what the gunmen are believed to be names them
    (ev,) = _kenyan("On Sunday, armed men believed to be members of Al Shabaab shot dead two police officers "
                    "in Garissa.")
    assert (ev.actor1, ev.fatalities) == ("Al Shabaab", 2)


def test_working_people_who_burn_tyres_riot():
    # matatu operators, hawkers: a crowd, as traders and residents are
    for text in ("On Monday, matatu operators burnt tyres and barricaded roads in Nakuru.",
                 "On Monday, hawkers burnt tyres in Nakuru."):
        (ev,) = _kenyan(text)
        assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)"), text


def test_people_counted_by_their_communitys_name_are_civilian_victims():
    (ev,) = _kenyan("On Monday, 6 Kikuyu were killed with machetes in Naivasha.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities, ev.location.name) == (
        "Attack", "Civilians (Kenya)", 6, "Naivasha")


def test_armed_men_on_a_rampage_attack_they_do_not_riot():
    evs = _kenyan("A police officer in a rage shot dead 10 people in a rampage through two bars in Nyeri on Sunday.")
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Attack", "Police Forces of Kenya (2013-2022)", 10)]
    evs = _kenyan("On Sunday, gunmen went on the rampage in Mandera, killing three.")
    assert [e.sub_event_type for e in evs] == ["Attack"]
    # a crowd on the rampage riots
    assert [e.sub_event_type for e in _kenyan("On Sunday, students went on the rampage in Nakuru.")] == [
        "Violent demonstration"]


def test_an_undated_event_of_a_note_takes_its_source_date_and_relative_days_count_from_it():
    art = ingest.from_text("A young boy is killed by armed raiders in Garissa. Exact date not clear - "
                           "source dated 28/03.", published=dt.date(2017, 3, 31))
    (ev,) = pipeline.extract(art).events
    assert ev.date == dt.date(2017, 3, 28)
    art = ingest.from_text("Residents of Mandera protested on Monday against insecurity (source dated 22/06).",
                           published=dt.date(2016, 6, 25))
    (ev,) = pipeline.extract(art).events
    assert ev.date == dt.date(2016, 6, 20)  # the Monday before Wednesday 22 June


def test_where_attackers_are_said_to_be_from_is_not_where_they_attacked():
    (ev,) = _kenyan("On Monday, land invaders suspected to be from Baringo County attacked residents at "
                    "Rubere in Laikipia West.")
    assert ev.location.name == "Laikipia"


def test_a_district_is_coded_at_the_capital_a_note_names_for_it():
    art = ingest.from_text("On Monday, 2 herders were killed in a banditry attack. LOCATION: Bururi Village in "
                           "Tana River District (district capital = Hola).", published=TUESDAY)
    (ex,) = pipeline.extract_many([art], countries=["KE"])
    (ev,) = ex.events
    assert abs(ev.location.lat - -1.48) < 0.05 and abs(ev.location.lon - 40.03) < 0.05  # Hola
    assert ev.location.geo_precision == 2


def test_killing_between_two_communities_is_their_armed_clash():
    # the dead of violence "between" two groups are no side of it: the groups fought
    (ev,) = _kenyan("At least 10 people have been killed in Kom, Isiolo County between Borana and Samburu militias.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "Unidentified Armed Group (Kenya)", 10)
    assert ev.actor2 != "Civilians (Kenya)"
    (ev,) = _kenyan("1 killed in overnight violence between rival ethnic groups.")
    assert ev.sub_event_type == "Armed clash"
    # two places joined by "and" are no sides: a killing near a border stays an attack
    (ev,) = _kenyan("A woman was killed at Lira trading centre near the border between West Pokot and Elgeyo-Marakwet.")
    assert ev.sub_event_type == "Attack"


def test_escorts_warriors_and_kidnappers_are_armed():
    # militants who ambush a police escort fight it; police who kill kidnappers fight them
    (ev,) = _kenyan("Two officers have died after suspected Al-Shabaab militants ambushed an escort vehicle near Lamu.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Al Shabaab")
    (ev,) = _kenyan("Police kill seven suspected kidnappers during a raid on their den.")
    assert ev.sub_event_type == "Armed clash"
    (ev,) = _kenyan("Forty Jie warriors were killed in an attempted cattle raid in Turkana.")
    assert ev.sub_event_type == "Armed clash"


def test_headline_verbs_the_parser_reads_as_nouns():
    # "riot" read as a noun modifying "workers", and "attacks" as the subject of "stops": both
    # are what the crowd did, not nouns whose clause is an infinitive or someone else's deed
    (ev,) = _kenyan("Hawkers riot and force municipal council workers to flee")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)")
    (ev,) = _kenyan("A mob attacks and successfully stops a same-sex wedding from taking place.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_a_verb_read_as_a_noun_in_a_clause_with_no_verb_is_the_clause_verb():
    # "attack" read as a compound noun inside "a political party attack ODM supporters"
    (ev,) = _kenyan("Supporters of an unidentified political party attack ODM supporters; one woman "
                    "hospitalized with injuries")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    (ev,) = _kenyan("Members of Abairege clan attack Abanyabasi villagers and kill two")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Kenya)", 2)
    # a clause with a verb of its own keeps the noun a noun
    assert _kenyan("The party attack ads angered voters in Nairobi on Monday.") == []


def test_a_phrasal_trigger_split_by_its_object_is_one_trigger():
    (ev,) = _kenyan("Suburban Nairobi residents set a suspected thief alight on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    (ev,) = _kenyan("On Monday, Al Shabaab militants took 5 passengers hostage near Mandera.")
    assert (ev.sub_event_type, ev.actor1) == ("Abduction/forced disappearance", "Al Shabaab")
    # a longer object the verb governs, with what it tells of it, splits the phrase too
    (ev,) = _kenyan("Unknown gunmen sprayed a vehicle belonging to MP Harun Mwau with bullets on Monday night.")
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Unidentified Armed Group (Kenya)")
    # but a preposition right after the verb opens no object: "lynched by a mob" is no "lynch mob"
    (ev,) = _kenyan("A suspected rapist was lynched by a mob in Kiamburi on Monday.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Mob violence", "Civilians (Kenya)", 1)


def test_a_gun_attack_told_alone_is_an_attack_and_rocks_thrown_a_riot():
    (ev,) = _kenyan("Gun attack on political aspirant for Funyula constituency")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    (ev,) = _kenyan("A gun attack on a police post in Mandera on Monday.")
    assert ev.sub_event_type == "Armed clash"
    (ev,) = _kenyan("PNU supporters threw rocks at a former candidate in Funyula.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)")


def test_people_no_word_calls_a_crowd_who_burn_riot_and_things_burn_nothing():
    # a community, arsonists: no armed side and no demonstration named, so a mob
    (ev,) = _kenyan("On Monday, the Butula community burned down the police camp following the death of a man in a cell.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    (ev,) = _kenyan("On Monday, 30 houses were burned by arsonists in Molo.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")
    # the police who answer a mob in the next sentence kill in its riot
    (ev,) = _kenyan("On Monday, a group of people ran to escape from the police and threw rocks at them in Rabai. "
                    "Police fired at them, killing a 17-year-old man.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Mob violence", "Police Forces of Kenya (2013-2022)", 1)
    # (not someone else they shot while the mob lynched one)
    mob, police = _kenyan("On Monday, a suspected thief was lynched by a mob in Kiamburi while another was gunned down by police.")
    assert (mob.sub_event_type, mob.fatalities) == ("Mob violence", 1)
    assert (police.actor1, police.fatalities) == ("Police Forces of Kenya (2013-2022)", 1)  # "another"
    # houses are what burned, not who burned them
    assert _kenyan("30 houses burned in Molo on Monday.") == []


def test_armed_men_who_fought_a_force_fought_whoever_else_they_took_or_killed():
    (ev,) = _kenyan("On Monday, Somali Islamist rebels stormed a remote police camp in Garissa, killing seven people "
                    "and kidnapping three.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Armed clash", "Police Forces of Kenya (2013-2022)", 7)
    # the subject of an active verb is the victim of the passive conjunct after "and"
    ev = _kenyan("On Monday, after unknown gunmen killed a civilian in Sewes, a police reservist responded to the "
                 "distress call and was shot dead by the group.")[0]
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Armed clash", "Police Forces of Kenya (2013-2022)", 2)
    # (not a subject the parser hung elsewhere)
    (ev,) = _kenyan("On Monday, armed fighters from the Pokot tribe attacked members of the Turkana tribe - 8 people "
                    "were killed including 3 children in the attack.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 8)
    # raiders the police repulsed started the fight
    (ev,) = _kenyan("On Monday, Pokot militia raided several villages in Marakwet East, but were repulsed by the police.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Pokot Ethnic Militia (Kenya)", "Police Forces of Kenya (2013-2022)")


def test_a_fronted_after_clause_with_a_verb_of_its_own_is_no_riot_cause():
    (ev,) = _kenyan("On Monday, after a murder suspect is released by police he is attacked and killed by "
                    "vigilantes in suburban Nairobi.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    # mid-sentence, what follows "after" is still the cause
    ev = _kenyan("On Monday, a vigilante mob lynches and kills an alleged murderer after he was cornered on "
                 "allegations of killing a teacher.")[0]
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)


def test_whom_a_verb_drives_to_act_does_the_act():
    # the object of "led", "forced", "prompted" is the subject of the infinitive and its conjuncts
    (ev,) = _kenyan("On Monday, his detention led students to block roads at the university campuses and "
                    "clash with riot police.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya (2013-2022)")
    # property destroyed by protesters, told as a noun, makes their protest violent
    (ev,) = _kenyan("On Monday, hundreds of students took to the streets in Garissa to protest the grabbing of "
                    "their school's land. Reports of property destruction from the protesters.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_a_sentence_read_as_a_noun_phrase_and_who_told_of_an_attack():
    # "ADF rebels killed ...": the parser's participle with an object is the sentence's verb
    (ex,) = pipeline.extract_many([ingest.from_text(
        "ADF rebels killed at least 12 civilians with machetes in an overnight attack on the village of "
        "Masala in Beni territory, local officials said on Wednesday.", published=TUESDAY)], countries=["CD"])
    (ev,) = ex.events
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "ADF: Allied Democratic Forces", "Civilians (Democratic Republic of Congo)", 12)
    # the police who confirmed an attack did not carry it out
    (ex,) = pipeline.extract_many([ingest.from_text(
        "Gunmen on Monday night attacked Kwari village in Kebbi State, killing at least nine people, residents "
        "said. Police spokesman Nafiu Abubakar confirmed the attack but put the death toll at six.",
        published=TUESDAY)], countries=["NG"])
    (ev,) = ex.events
    assert (ev.actor1, ev.fatalities) == ("Unidentified Armed Group (Nigeria)", 6)


def test_the_signatories_of_an_agreement_named_through_its_of_phrase():
    (ex,) = pipeline.extract_many([ingest.from_text(
        "The Ethiopian government and the TPLF signed a permanent cessation of hostilities agreement in "
        "Pretoria on Wednesday.", published=TUESDAY)], countries=["ET"])
    (ev,) = ex.events
    assert (ev.sub_event_type, ev.actor2) == ("Agreement", "TPLF: Tigray People's Liberation Front")
    assert ev.actor1.startswith("Military Forces of Ethiopia")


def test_detainees_killed_are_civilians():
    (ex,) = pipeline.extract_many([ingest.from_text(
        "Saudi-led coalition aircraft bombed a Houthi-held prison in Dhamar early on Sunday, killing more than "
        "100 detainees, the Red Cross said.", published=TUESDAY)], countries=["YE"])
    (ev,) = ex.events
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Air/drone strike", "Civilians (Yemen)", 100)


def test_an_armed_party_named_by_a_noun_before_the_event_did_it():
    (ev,) = _kenyan("On Monday, a school janitor was caught in police crossfire in Kisumu and died from his injuries.")
    assert (ev.actor1, ev.fatalities) == ("Police Forces of Kenya (2013-2022)", 1)
    (ev,) = _kenyan("On Monday, two police officers were injured during an eight-man gang attack in Eastleigh.")
    assert (ev.sub_event_type, ev.actor2) == ("Armed clash", "Unidentified Armed Group (Kenya)")
    # (a weapon named so is no party: "mortar shelling")
    (ex,) = pipeline.extract_many([ingest.from_text("On Monday, mortar shelling killed two civilians in Idlib.",
                                                    published=TUESDAY)], countries=["SY"])
    assert ex.events[0].actor1 == "Unidentified Armed Group (Syria)"


def test_what_a_crowd_or_armed_men_burn():
    # a crowd's arson is a riot, whatever it burns
    (ev,) = _kenyan("On Monday, youths torched houses in Kisumu.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)")
    (ev,) = _kenyan("On Monday, residents torched the houses of two women suspected of witchcraft in Muranga.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    # armed men's: a property destruction told alone, part of the attack told with it, and an
    # attack on the forces whose post they burn
    (ev,) = _kenyan("On Monday, armed raiders torched the houses of villagers in Baringo.")
    assert ev.sub_event_type == "Looting/property destruction"
    (ev,) = _kenyan("On Monday, armed raiders torched the houses of villagers in Baringo and killed two herders.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 2)
    (ev,) = _kenyan("Al Shabaab militants set fire to two police camps in Ijara on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Al Shabaab", "Police Forces of Kenya (2013-2022)")


def test_a_toll_under_a_dated_heading_is_the_event_before_it():
    # the heading's date is every sentence's, not the toll's own: its dead are the battle's
    (ex,) = pipeline.extract_many([ingest.from_text(
        "3 May. Bandits engaged police reservists in a gun battle in Tiaty. One herder killed, 40 goats stolen.",
        published=dt.date(2019, 5, 6))], countries=["KE"])
    (ev,) = ex.events
    assert (ev.sub_event_type, ev.fatalities, ev.date) == ("Armed clash", 1, dt.date(2019, 5, 3))


def test_police_killing_told_right_after_a_riot_is_its_toll():
    (ev,) = _kenyan("Rioters burned tyres and looted shops in Kisumu on Monday. Police shot dead two people.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya (2013-2022)", 2)


def test_a_crowd_that_stones_people_is_a_mob():
    # a riot against people (a school's principal, a polling clerk) is mob violence
    (ev,) = _kenyan("On Monday, students pelted their principal with stones in Kilgoris.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    (ev,) = _kenyan("On Monday, youths stoned polling clerks in Kisii.")
    assert ev.sub_event_type == "Mob violence"


def test_a_clause_told_before_a_verb_of_wishing_is_not_what_is_wished():
    # "wanted" is the victim's adjective, read by the parser as the sentence's verb
    (ev,) = _kenyan("Anti-terror police shot dead wanted Al Shabaab member Hussein Said Omar on Monday.")
    assert (ev.event_type, ev.actor1) == ("Battles", "Police Forces of Kenya (2013-2022)")
    # "were expected to" tells of the students, not of the police
    (ev,) = _kenyan("Students demonstrated at Kenya Polytechnic in Nairobi on Monday due to the suspension of "
                    "classes - many were expected to start exams that week. Police intervened to disperse the group.")
    assert ev.sub_event_type == "Protest with intervention"
    # what is wanted is still no event
    assert _kenyan("On Monday, police wanted to disperse the protesters in Kisumu.") == []


def test_he_or_she_a_passive_tells_of_is_the_person_named_before():
    # the officer, not the hospital he was taken to
    (ev,) = _kenyan("A police officer was admitted to hospital in Nyahururu after he was shot by bandits on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Unidentified Armed Group (Kenya)", "Police Forces of Kenya (2013-2022)")
    (ev,) = _kenyan("A trader was admitted to hospital in Nyahururu after he was shot by bandits on Monday.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")


def test_a_fight_with_guns_is_between_armed_sides():
    # a gunfight or an exchange of fire is no crowd's fight, whoever is named in it
    (ev,) = _kenyan("On Monday, residents of two villages exchanged fire in Marsabit.")
    assert ev.sub_event_type == "Armed clash"
    (ev,) = _kenyan("On Monday, traders and residents fought a gunfight in Kisumu.")
    assert ev.sub_event_type == "Armed clash"
    # crowds that clash, or that police fire tear gas at, are not
    (ev,) = _kenyan("On Monday, rival traders clashed in Kisumu.")
    assert ev.sub_event_type == "Mob violence"
    (ev,) = _kenyan("On Monday, protesters clashed with police who fired tear gas in Kisumu.")
    assert ev.sub_event_type == "Violent demonstration"


def test_protests_someone_faced_happened():
    (ev,) = _kenyan("The governor's convoy faced protests by traders in Nakuru on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    # what someone faces (or risks) is not yet an event
    assert _kenyan("The governor faces protests by traders in Nakuru over the new tax.") == []


def test_a_protest_is_what_a_blockade_is_done_for():
    # "to protest" hangs on the object the parser gave the verb of blocking
    (ev,) = _kenyan("Jubilee supporters in Kabazi blocked voting temporarily on Monday to protest the low "
                    "numbers of ballot papers available.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    # an act still to come is no protest yet
    assert _kenyan("Jubilee supporters in Kabazi will block voting on Monday to protest the low turnout.") == []


def test_a_death_a_riot_is_about_is_not_its_toll_in_another_sentence_either():
    (ev,) = _kenyan("Students of Rongo University demonstrated on Monday against the death of their colleague. "
                    "They blocked the Rongo-Migori road and stoned passing vehicles. The student died on "
                    "Saturday due to alleged negligence.")
    assert (ev.sub_event_type, ev.fatalities) == ("Violent demonstration", 0)
    # a riot about something else: its dead are its own
    (ev,) = _kenyan("Students of Rongo University demonstrated on Monday against fees. They blocked the "
                    "Rongo-Migori road and stoned passing vehicles. One student died.")
    assert (ev.sub_event_type, ev.fatalities) == ("Violent demonstration", 1)


def test_protesters_the_police_injure_are_force_against_the_protest():
    (ev,) = _kenyan("Traders protested in Kisumu on Monday over new fees. Police injured three protesters.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya (2013-2022)")
    # people the police injure at no protest are attacked
    (ev,) = _kenyan("Three traders were injured by police in Kisumu on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Police Forces of Kenya (2013-2022)")


def test_harm_done_by_the_crowd_of_a_protest_told_before_makes_it_violent():
    # the crowd referred back to ("they", "some members of the group") turned violent: one
    # violent demonstration, not a peaceful protest and an attack by unknown men
    for text in (
        "Workers protested at Mombasa city hall on Monday. Some members of the group attacked a county official.",
        "Students of Kisii school protested on Monday over fees. They beat up and injured a school official.",
    ):
        (ev,) = _kenyan(text)
        assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)"), text
    # police referred back to, beating the protesters, are the intervention; and an attack the
    # protest is about, by others, is no violence of the crowd
    (ev,) = _kenyan("Traders protested in Kisumu on Monday over new fees. Police intervened. They beat up the protesters.")
    assert ev.sub_event_type == "Protest with intervention"
    evs = _kenyan("Residents protested in Kisumu on Monday over the killing of a trader. "
                  "He was attacked by unknown people on Sunday.")
    assert evs[0].sub_event_type == "Peaceful protest"


def test_a_demo_is_a_demonstration_but_a_demo_version_or_a_protest_song_is_no_event():
    (ev,) = _kenyan("In Mombasa, Nasa supporters held their anti-IEBC demos peacefully on Monday.")
    assert ev.sub_event_type == "Peaceful protest"
    for text in ("The company released a demo version of its software on Monday.",
                 "The band played a protest song in Nairobi on Monday."):
        assert _kenyan(text) == [], text


def test_police_dispersing_legislators_or_activists_is_a_protest_with_intervention():
    for who in ("NASA legislators", "activists"):
        (ev,) = _kenyan(f"On Monday police used teargas to disperse {who} outside Integrity Centre in Nairobi.")
        assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of Kenya (2013-2022)"), who


def test_a_town_entered_without_fighting_changed_hands_and_the_fighting_named_is_no_clash():
    ev = only("On Monday, Haftar's forces advanced on Gharyan and entered the town without fighting.")
    assert (ev.sub_event_type, ev.location.country) == ("Non-violent transfer of territory", "LY")
    assert only("Government troops entered the town of Kidal without firing a shot on Sunday.").sub_event_type \
        == "Non-violent transfer of territory"
    # entering alone changes nothing
    assert [e.sub_event_type for e in events("On Monday, soldiers entered the town of Kidal.")] == []


def test_who_entered_a_place_another_side_left_holds_it():
    ev = only("Syrian government forces and their allies entered Khan Sheikhoun on Tuesday after rebels "
              "pulled out of the town, a war monitor said.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.location.name) == (
        "Non-violent transfer of territory", "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)",
        "Khan Shaykhun")
    ev = only("Rebels entered Saraqib in Idlib province after Syrian government forces retreated on Tuesday.")
    assert (ev.actor1, ev.actor2) == ("Opposition Rebels (Syria)", "Military Forces of Syria (2000-)")


def test_a_withdrawal_told_with_the_capture_is_the_same_change_of_hands():
    # "overnight" dates the withdrawal a day before the capture: still one event
    ev = only("Syrian government forces captured the town of Khan Sheikhoun on Tuesday after rebels withdrew "
              "overnight, state media said.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.date) == (
        "Non-violent transfer of territory", "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)", TUESDAY)


def test_a_place_taken_after_a_fight_changed_hands_by_force_though_the_losers_withdrew():
    (ev,) = _in("ET", "On 6 August 2023, Fano militiamen took control of Lalibela town (Amhara) after clashes "
                      "with ENDF troops, who withdrew from the town.", published=dt.date(2023, 8, 8))
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == (
        "Non-state actor overtakes territory", "Fano Militia", "Lalibela")
    (ev,) = _in("ET", "On 6 August 2023, Fano militiamen took control of Lalibela town (Amhara) after ENDF "
                      "troops withdrew from the town.", published=dt.date(2023, 8, 8))
    assert ev.sub_event_type == "Non-violent transfer of territory"


def test_a_later_count_someone_puts_the_toll_at_is_another_count_the_lowest_stands():
    (ev,) = _in("SD", "On 3 June 2019, RSF forces killed at least 87 protesters in Khartoum. Doctors put the toll "
                      "at 128.", published=dt.date(2019, 6, 5))
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 87)
    # but a toll told as having risen is the update
    (ev,) = _in("SD", "On 3 June 2019, RSF forces killed at least 87 protesters in Khartoum. The death toll later "
                      "rose to 128.", published=dt.date(2019, 6, 5))
    assert ev.fatalities == 128


def test_a_deed_told_after_a_list_of_places_is_at_the_first():
    # a village the gazetteer lacks ends the list: "killing" is placed with "attacked", at Karou
    (ev,) = _in("ML", "On 8 August 2021, ISGS militants attacked the villages of Karou, Ouatagouna and Daoutegeft "
                      "(Gao), killing 51 civilians.", published=dt.date(2021, 8, 10))
    assert (ev.sub_event_type, ev.location.name, ev.fatalities) == ("Attack", "Karou", 51)


def test_an_accidental_explosion_is_no_event():
    assert _in("LB", "On 4 August 2020, an accidental explosion at a fuel depot in Tyre city (Tyre, South) killed "
                     "5 workers.", published=dt.date(2020, 8, 6)) == []
    assert _in("IQ", "On 24 April 2021, a fire caused by an exploding oxygen cylinder at Ibn al-Khatib hospital in "
                     "Baghdad killed 82 people.", published=dt.date(2021, 4, 27)) == []
    # a bomb is a bomb, wherever it went off
    (ev,) = _in("LB", "On 4 August 2020, an IED exploded near a fuel depot in Tyre, killing 5 workers.",
                published=dt.date(2020, 8, 6))
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 5)


def test_people_named_by_their_nationality_are_its_civilians():
    (ev,) = _in("PS", "On 28 May 2024, Israeli forces arrested 12 Palestinians in Beit Ummar town (Hebron, West Bank).",
                published=dt.date(2024, 6, 1))
    assert (ev.sub_event_type, ev.actor2) == ("Arrests", "Civilians (Palestine)")
    (ev,) = _in("PS", "On 28 May 2024, a Palestinian gunman shot dead two Israelis in Huwara (Nablus, West Bank).",
                published=dt.date(2024, 6, 1))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Israel)", 2)
    # the bodies of shepherds killed by a group: its attack on civilians
    (ev,) = _in("SY", "On 2 May 2020, the bodies of 3 shepherds killed by IS militants were found near Al-Sukhna town "
                      "(Tadmor, Homs).", published=dt.date(2020, 5, 4))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Islamic State (Syria)", "Civilians (Syria)", 3)


def test_whose_car_a_bomb_was_planted_in_is_its_target():
    (ev,) = _in("SY", "On 2 January 2018, an IED planted in a car belonging to an Ahrar al-Sham commander exploded in "
                      "Sarmada town (Harim, Idleb), killing him.", published=dt.date(2018, 1, 5))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Ahrar al-Sham", 1)
    (ev,) = _in("SY", "On 2 January 2018, an IED planted by HTS exploded in Sarmada town (Harim, Idleb), killing two "
                      "civilians.", published=dt.date(2018, 1, 5))
    assert (ev.actor1, ev.actor2) == ("Hayat Tahrir al-Sham", "Civilians (Syria)")


def test_the_gna_named_by_its_acronym_is_the_libyan_government_s_forces():
    (ev,) = _in("LY", "On 7 April 2019, a GNA airstrike hit LNA positions in Ain Zara (Tripoli).",
                published=dt.date(2019, 4, 10))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Air/drone strike", "Military Forces of Libya (2016-2021) Government of National Accord", "LNA: Libyan National Army")
    # an air strike told during the fighting is part of the battle
    (ev,) = _in("LY", "On 7 April 2019, LNA forces clashed with GNA forces in Ain Zara (Tripoli). A GNA airstrike also "
                      "hit LNA positions during the fighting. 21 people were killed.", published=dt.date(2019, 4, 10))
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 21)


def test_armed_youth_who_clash_are_armed_men_fighting_each_other():
    (ev,) = _in("SS", "On 9 February 2022, armed youth clashed in Gogrial (Warrap), leaving 17 people dead.",
                published=dt.date(2022, 2, 12))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (South Sudan)", "Unidentified Armed Group (South Sudan)", 17)
    # (armed youth who burn a police car still riot)
    (ev,) = _kenyan("On Monday, armed youth set fire to a police vehicle in Kisumu.")
    assert ev.sub_event_type == "Violent demonstration"


def test_an_offensive_threatened_is_no_event():
    assert _in("SO", "On 12 October 2022, Al Shabaab threatened the government offensive in Hiraan region.",
               published=dt.date(2022, 10, 14)) == []


def test_an_object_shared_by_two_verbs_is_both_verbs_victim():
    (ev,) = _in("NG", "On 2 July 2023, a mob lynched and set ablaze a man in Sokoto (Sokoto).", published=dt.date(2023, 7, 4))
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    # the gunmen killed (not a headline's "gunmen killed", who were killed)
    (ev,) = _in("NG", "On 2 July 2023, gunmen killed and burnt two farmers in Sokoto.", published=dt.date(2023, 7, 4))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", 2)


def test_the_attack_a_death_is_told_in_is_the_one_told_before():
    # a vigilante killed "during the attack" makes no mob violence of it
    (ev,) = _in("NG", "On 7 March 2024, gunmen attacked Kuriga town (Kaduna). A vigilante member was shot dead during "
                      "the attack.", published=dt.date(2024, 3, 9))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group (Nigeria)", 1)


def test_a_kamikaze_drone_or_a_loitering_munition_is_a_drone_strike():
    (ev,) = _in("UA", "On 8 March 2023, a Russian kamikaze drone hit a house in Odesa city (Odesa, Odesa), killing 1 "
                      "civilian.", published=dt.date(2023, 3, 10))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Air/drone strike", "Military Forces of Russia (2000-)", 1)
    (ev,) = _in("UA", "On 17 October 2022, a Russian loitering munition hit Kyiv city (Kyiv).", published=dt.date(2022, 10, 19))
    assert ev.sub_event_type == "Air/drone strike"


def test_a_deed_told_after_a_place_and_its_holders_in_brackets_is_at_the_place():
    # one event at the village, not a second one at Kursk, the province named in brackets
    (ev,) = _in("RU", "On 28 May 2025, a Ukrainian drone struck a car in Tyotkino village (Glushkovskiy, Kursk), "
                      "killing a civilian man.", published=dt.date(2025, 5, 30))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities, ev.location.admin1) == (
        "Air/drone strike", "Civilians (Russia)", 1, "Kursk")
    assert ev.location.name != "Kursk"


def test_a_group_named_as_what_people_are_for_is_no_party():
    (ev,) = _in("GE", "On 30 November 2024, police used water cannon to disperse pro-EU protesters in Tbilisi (Tbilisi).",
                published=dt.date(2024, 12, 3))
    assert (ev.sub_event_type, ev.actor1) == ("Protest with intervention", "Protesters (Georgia)")


def test_russian_state_bodies_named_by_their_own_names():
    (ev,) = _in("RU", "On 24 April 2024, FSB officers detained a resident of Novosibirsk city (Novosibirsk, Novosibirsk) "
                      "for transferring funds to the Armed Forces of Ukraine.", published=dt.date(2024, 4, 27))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Arrests", "Police Forces of Russia (2000-)", "Civilians (Russia)")
    (ev,) = _in("RU", "On 20 August 2023, Russian air defence intercepted a Ukrainian drone near Kaluga city (Kaluga, "
                      "Kaluga).", published=dt.date(2023, 8, 22))
    assert (ev.actor1, ev.actor2) == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")


def test_an_assault_repelled_is_a_battle_with_the_side_whose_assault_it_was():
    # (the village the assault was near is no victim: it made the battle a mob's)
    (ev,) = _in("UA", "On 12 February 2024, Ukrainian forces repelled a Russian assault near Krynky village (Kherson, "
                      "Kherson) on the left bank.", published=dt.date(2024, 2, 15))
    assert (ev.sub_event_type, {ev.actor1, ev.actor2}) == (
        "Armed clash", {"Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"})


def test_armed_groups_of_mali_and_the_central_african_republic():
    (ev,) = _in("ML", "On 1 April 2012, MNLA fighters took control of Timbuktu (Tombouctou) without a fight.",
                published=dt.date(2012, 4, 3))
    assert (ev.sub_event_type, ev.actor1) == ("Non-violent transfer of territory",
                                              "MNLA: National Movement for the Liberation of Azawad")
    (ev,) = _in("CF", "On 24 March 2013, Seleka rebels seized Bangui after clashes with FACA.", published=dt.date(2013, 3, 26))
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "Seleka Rebel Coalition")


def test_clan_militiamen_named_by_their_clan_are_its_militia():
    (ev,) = _in("SO", "On 3 June 2017, Habar Gidir clan militiamen clashed with Marehan clan militiamen near Adado "
                      "(Galgaduud), killing 5 people.", published=dt.date(2017, 6, 6))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Habar Gidir Clan Militia (Somalia)", "Marehan Clan Militia (Somalia)", 5)


def test_missiles_fired_at_an_air_base_are_no_air_strike():
    (ev,) = _in("IQ", "On 8 January 2020, the IRGC fired more than a dozen ballistic missiles at Ain al-Asad air base "
                      "(Anbar).", published=dt.date(2020, 1, 9))
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Iran (1989-)")


def test_who_does_something_in_a_clause_of_its_own_is_not_the_victim():
    (ev,) = _in("IQ", "On 3 June 2023, residents lynched a man accused of killing a child in Al-Zubair town (Al-Zubair, "
                      "Basrah) before police arrived.", published=dt.date(2023, 6, 10))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Mob violence", "Civilians (Iraq)", 1)
    (ev,) = _in("IQ", "On 3 June 2023, gunmen killed a man whom police had arrested in Basrah.", published=dt.date(2023, 6, 10))
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Iraq)")


def test_a_reprisal_told_after_an_attack_is_another_event():
    evs = _in("BF", "On 1 January 2019, unidentified gunmen attacked Yirgou village (Barsalogho, Centre-Nord), killing "
                    "the village chief and 5 other residents. In reprisal, Koglweogo militiamen attacked Fulani residents "
                    "in Yirgou and surrounding localities between 1 and 2 January, killing at least 46 people.",
              published=dt.date(2019, 1, 5))
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Attack", "Unidentified Armed Group (Burkina Faso)", 6), ("Attack", "Koglweogo", 46)]


def test_groups_and_forces_of_south_asia_and_myanmar_by_their_own_names():
    (ev,) = _in("IN", "On 3 April 2021, CPI (Maoist) cadres killed a villager in Sukma (Chhattisgarh).",
                published=dt.date(2021, 4, 5))
    assert ev.actor1 == "CPI (Maoist): Communist Party of India (Maoist)"
    (ev,) = _in("BD", "On 5 May 2019, RAB members shot dead a drug trader in Teknaf (Cox's Bazar, Chattogram).",
                published=dt.date(2019, 5, 7))
    assert ev.actor1.startswith("Police Forces of Bangladesh")
    (ev,) = _in("PK", "On 4 August 2022, CTD personnel clashed with TTP militants in Lakki Marwat (Khyber Pakhtunkhwa).",
                published=dt.date(2022, 8, 6))
    assert (ev.actor1, ev.actor2) == ("Police Forces of Pakistan (2022-)", "TTP: Tehreek-e-Taliban Pakistan")
    # a name whose first word the parser read as a verb ("Saw")
    (ev,) = _in("MM", "On 6 January 2025, Pyu Saw Htee members abducted six villagers in Kyaukmyaung (Sagaing).",
                published=dt.date(2025, 1, 10))
    assert (ev.sub_event_type, ev.actor1) == ("Abduction/forced disappearance", "Pyu Saw Htee")


def test_someone_captured_by_the_state_is_arrested_not_a_place_taken():
    (ev,) = _in("CO", "On 23 October 2021, the military captured Otoniel in Necocli (Antioquia).",
                published=dt.date(2021, 10, 24))
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Military Forces of Colombia (2018-2022)")
    (ev,) = _in("CO", "On 23 October 2021, the military captured Necocli (Antioquia) from the Clan del Golfo.",
                published=dt.date(2021, 10, 24))
    assert ev.sub_event_type == "Government regains territory"


def test_what_an_arrest_is_in_connection_with_is_no_event_of_its_own():
    (ev,) = _in("IN", "On 12 January 2022, police arrested a man in Imphal (Manipur) in connection with the November "
                      "2021 ambush in Churachandpur.", published=dt.date(2022, 1, 15))
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == ("Arrests", "Police Forces of India (2014-)", "Imphal")


def test_a_country_named_as_the_doer_is_its_armed_forces_not_the_place():
    ev = only("Iran fired more than a dozen ballistic missiles at two Iraqi bases hosting US troops on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Iran (1989-)")
    assert ev.location is None or ev.location.country != "IR"
    # a doer's lower-case adjective names no one: the verb's subject did it
    ev = only("Russian forces carried out heavy air strikes on Idlib on Monday.")
    assert ev.actor1 == "Military Forces of Russia (2000-)"


def test_control_handed_over_is_a_transfer_without_a_fight():
    ev = only("Croatia regained control of Vukovar on Monday when a United Nations mission handed "
              "authority over the town to Zagreb.")
    assert ev.sub_event_type == "Non-violent transfer of territory"


def test_a_participle_or_gerund_takes_the_subject_of_the_clause_it_hangs_on():
    ev = only("On Wednesday, Syrian troops pushed their way into a rebel-held enclave, clashing with "
              "insurgents and capturing the village of Kafr Nabudah.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Government regains territory", "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")
    ev = only("Turkish-backed rebel fighters will advance to Al-Bab after seizing the town of Dabiq from "
              "the Islamic State on Sunday.")
    assert (ev.sub_event_type, ev.location.name) == ("Non-state actor overtakes territory", "Dabiq")
    assert ev.actor1 != "Islamic State"


def test_retook_is_a_capture_though_the_model_gives_it_no_lemma():
    ev = only("The army retook Marka on Monday after al-Shabaab fighters pulled out of the coastal town.")
    assert (ev.sub_event_type, ev.location.country) == ("Non-violent transfer of territory", "SO")
    assert ev.actor1 == "Military Forces of Somalia (2017-2022)"


def test_the_side_a_place_was_taken_from_is_actor2():
    ev = only("Al-Shabaab seized the town of Marka from government forces on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Non-state actor overtakes territory", "Al Shabaab", "Military Forces of Somalia (2017-2022)")
    ev = only("Syrian government forces recaptured the town of Khan Shaikhoun from rebels on Wednesday.")
    assert (ev.sub_event_type, ev.actor2) == ("Government regains territory", "Opposition Rebels (Syria)")


def test_a_whole_country_does_not_change_hands():
    ev = only("At least 450 members of Saudi-backed forces have defected to the Houthis as the Saudi-led "
              "coalition and its allies are on retreat in central Yemen.")
    assert ev.sub_event_type == "Change to group/activity"


def test_armed_men_driven_out_of_a_place_lost_it():
    ev = only("Iraqi forces drove Islamic State out of Mosul on Monday.")
    assert (ev.sub_event_type, ev.actor2, ev.location.name) == (
        "Government regains territory", "Islamic State (Iraq)", "Mosul")
    ev = only("Government forces ousted Houthi rebels from the port city of Mokha on Monday.")
    assert (ev.sub_event_type, ev.actor2, ev.location.country) == (
        "Government regains territory", "Houthi Movement", "YE")
    assert events("Soldiers drove to the base in Mosul on Monday.") == []
    pushed = events("Police pushed the protesters out of the square in Mosul on Monday.")
    assert "Government regains territory" not in [e.sub_event_type for e in pushed]


def test_hurled_explosives_are_a_grenade_and_roughed_up_is_a_beating():
    ev = only("On Monday, gunmen hurled explosives at the Mandera county government headquarters.")
    assert (ev.sub_event_type, ev.location.name) == ("Grenade", "Mandera")
    ev = only("On Monday, more than 250 people who had convened at a school in Bondo, Siaya County were "
              "roughed up by angry youth.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_storming_is_an_assault_typed_by_who_was_inside_not_a_capture():
    ev = only("Gunmen stormed a hospital in Garissa on Monday and killed a patient.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    ev = only("Al-Shabaab militants stormed the police station in Mandera on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Al Shabaab", "Police Forces of Kenya (2013-2022)")
    ev = only("Traders stormed the county offices in Nyeri on Monday demanding compensation.")
    assert ev.event_type == "Protests"


def test_a_fight_by_the_attackers_in_the_next_sentence_makes_the_attack_a_battle():
    ev = only("On October 31st, suspected bandits attacked Kapkondot village in Elgeyo-Marakwet, Kenya, to "
              "steal cattle. The bandits clashed with local police reservists, and one bandit was killed.",
              published=dt.date(2019, 11, 4))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == (
        "Armed clash", "Police Forces of Kenya (2013-2022)", 1)
    # a fight of others on another day stays its own event
    evs = events("On Monday, bandits attacked Kapkondot village in Elgeyo-Marakwet. On Thursday, "
                 "police clashed with Pokot raiders in Tot.", published=dt.date(2019, 11, 8))
    assert [e.sub_event_type for e in evs] == ["Attack", "Armed clash"]


def test_engaged_in_is_what_it_was_engaged_in():
    assert events("On Monday, Nairobi police caught a gang that was engaged in stealing cars.") == []
    ev = only("On Monday, a gang engaged in a firefight with police in Nairobi.")
    assert (ev.sub_event_type, ev.location.name) == ("Armed clash", "Nairobi")
    ev = only("On Monday, Kenyan soldiers were engaged in a fire exchange with the militants near Lamu.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Military Forces of Kenya (2013-2022)")


def test_air_strikes_of_a_foreign_force_are_located_where_they_fell():
    # the Saudi-led coalition's country does not rule out Yemen's places, nor Israel's Gaza's
    ev = only("Saudi-led coalition air strikes hit a market in Saada province on Monday, killing 12 civilians.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Air/drone strike", "Civilians (Yemen)", 12)
    assert (ev.location.country, ev.location.geo_precision) == ("YE", 3)
    ev = only("Israeli air strikes killed 18 people in the Jabalia refugee camp in northern Gaza on Monday.")
    assert ev.actor1.startswith("Military Forces of Israel")
    assert ev.location.country == "PS" and abs(ev.location.lat - 31.53) < 0.05
    ev = only("A Russian drone struck an apartment block in Odesa on Monday, wounding five people.")
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == (
        "Air/drone strike", "Military Forces of Russia (2000-)", "Odesa")


def test_control_of_a_town_the_parser_hangs_on_the_verb_is_still_taken():
    ev = only("The RSF took control of Wad Madani on Monday after government troops withdrew from the city "
              "without a fight.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-violent transfer of territory", "RSF: Rapid Support Forces")
    assert ev.location.country == "SD"
    ev = only("The RSF took control of Wad Madani on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "RSF: Rapid Support Forces")


def test_storming_a_building_in_a_town_takes_no_town():
    ev = only("Al-Shabaab militants stormed a hotel in Mogadishu on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == ("Armed clash", "Al Shabaab", "Mogadishu")
    # the people it "left dead" are its victims
    ev = only("Al-Shabaab militants stormed a hotel in Mogadishu on Monday, sparking a siege that left 21 "
              "people dead.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities, ev.location.name) == ("Attack", "Al Shabaab", 21, "Mogadishu")


def test_a_side_that_attacks_in_one_clause_and_is_fought_in_another_is_the_other_side():
    ev = only("Nigerian troops repelled an attack by ISWAP militants on a military base in Damboa on Monday, "
              "killing 20 insurgents.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 20)
    assert {ev.actor1, ev.actor2} == {"Military Forces of Nigeria (2015-2023)", "Islamic State (West Africa)"}


def test_state_forces_that_assault_a_town_fight_whoever_holds_it():
    # allies named together are one side, the other unnamed; no attack on civilians nobody names
    ev = only("On 10 May 2019, Syrian, Iranian and Russian troops attacked Kafr Nabuda.",
              published=dt.date(2019, 5, 11))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Military Forces of Syria (2000-)", "Unidentified Armed Group (Syria)")
    assert set(ev.assoc_actor_1) == {"Military Forces of Iran (1989-)", "Military Forces of Russia (2000-)"}
    # two air forces named together strike together
    ev = only("On 19 August 2019, Syrian and Russian warplanes struck Khan Shaykhun, killing 6 civilians.",
              published=dt.date(2019, 8, 20))
    assert (ev.actor1, ev.assoc_actor_1, ev.actor2) == (
        "Military Forces of Syria (2000-)", ["Military Forces of Russia (2000-)"], "Civilians (Syria)")


def test_fighting_between_two_sides_read_as_a_verb_still_names_them():
    ev = only("Fighting between the army and the Kachin Independence Army broke out in Kachin state on Monday.",
              published=dt.date(2023, 6, 20))
    assert {ev.actor1, ev.actor2} == {"Military Forces of Myanmar (2021-)", "KIA: Kachin Independence Army"}
    # the sides on the verb the fighting is the subject of; civilians it killed are no side
    ev = only("On 15 April 2023, fighting broke out between the Sudanese Armed Forces and the Rapid Support "
              "Forces in Khartoum. At least 56 civilians were killed.", published=dt.date(2023, 4, 16))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces", 56)
    ev = only("On 15 April 2023, heavy clashes erupted between the army and the RSF in Omdurman.",
              published=dt.date(2023, 4, 16))
    assert {ev.actor1, ev.actor2} == {"Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces"}


def test_civilians_a_battle_killed_are_its_associates_not_its_other_side():
    ev = only("Clashes between armed groups erupted in Mogadishu on Monday, killing 12 people.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (Somalia)", "Unidentified Armed Group (Somalia)", 12)
    assert ev.assoc_actor_2 == ["Civilians (Somalia)"]
    assert only("Clashes among rival militias erupted in Mogadishu on Monday, killing 12 people.").actor2 \
        == "Unidentified Armed Group (Somalia)"
    ev = only("Police exchanged fire with gunmen in Mandera on Monday, killing a civilian.")
    assert (ev.actor1, ev.actor2, ev.assoc_actor_2) == (
        "Police Forces of Kenya (2013-2022)", "Unidentified Armed Group (Kenya)", ["Civilians (Kenya)"])


def test_a_township_is_the_place_its_state_holds():
    ev = only("On 12 November 2023, the Arakan Army captured a police outpost in Rathedaung township, Rakhine "
              "state.", published=dt.date(2023, 11, 16))
    assert (ev.sub_event_type, ev.actor1, ev.location.name, ev.location.admin1) == (
        "Non-state actor overtakes territory", "AA: Arakan Army", "Rathedaung", "Rakhine")


def test_an_event_of_a_past_year_named_as_a_reason_is_no_news():
    assert events("A court in Baghdad sentenced three Islamic State members to death on Monday for the 2016 "
                  "Karrada bombing.") == []
    # (this year's is)
    assert only("A court in Baghdad said on Monday that the 2019 car bomb in Karrada killed 5 people.").date.year == 2019


def test_a_ceasefire_violated_is_no_agreement():
    assert events("Ukraine said on Monday that Russian-backed separatists had violated the ceasefire 12 times in "
                  "the past 24 hours, but no casualties were reported.") == []


def test_an_agreement_has_its_two_parties_and_a_deal_signed_is_one():
    ev = only("The Colombian government and the FARC signed a ceasefire agreement in Havana on Thursday.",
              published=dt.date(2016, 6, 25))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Agreement", "Military Forces of Colombia (2010-2018)", "FARC: Revolutionary Armed Forces of Colombia", 0)
    # a deal signed is the deal ("surrendered the car keys" is still no surrender)
    ev = only("The Taliban and the United States signed a peace deal in Doha on Saturday.",
              published=dt.date(2020, 3, 2))
    assert (ev.sub_event_type, ev.actor1, ev.date) == ("Agreement", "Taliban", dt.date(2020, 2, 29))
    assert events("A man surrendered the car keys to robbers in Kabul on Saturday.") == []
    # who a side surrendered to is the other party
    ev = only("On 19 March 2020, 30 IS militants surrendered to Afghan forces in Laghman province.",
              published=dt.date(2020, 3, 22))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "Islamic State (Afghanistan)", "Military Forces of Afghanistan (2014-2021)")


def test_a_fight_after_which_a_side_moved_is_that_sides():
    ev = only("Syrian government forces advanced on Kafr Nabuda in Idlib province on Monday after heavy clashes "
              "with the National Liberation Front, a Turkish-backed rebel coalition.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Military Forces of Syria (2000-)", "NLF: National Liberation Front")


def test_what_was_seized_must_be_ground_for_a_change_of_control():
    assert events("The Houthis seized a commercial ship in the Red Sea on Monday.") == []
    ev = only("Taliban fighters overran a district headquarters in Badakhshan province on Monday after "
              "government forces retreated.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Non-state actor overtakes territory", "Taliban", "Military Forces of Afghanistan (2014-2021)")
    ev = only("Rebels seized much of the town of Saraqib on Monday.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    # an armed unit overtaken is a fight; fighters occupying a place hold it, they did not take it
    ev = only("On Monday, Taliban militants overtook a military unit in Kapisa.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Taliban")
    ev = only("On Monday, Puntland forces attacked Al-Shabaab fighters occupying Togga Suuj in Nugaal.")
    assert (ev.sub_event_type, ev.actor2) == ("Armed clash", "Al Shabaab")


def test_militiamen_are_an_armed_group_and_a_peaceful_protest_has_no_opponent():
    ev = only("Pro-government militiamen set fire to dozens of homes in a village in Darfur on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Militia (Pro-Government)")
    ev = only("Hundreds of people demonstrated peacefully in Bamako on Monday against the presence of French troops.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Peaceful protest", "Protesters (Mali)", None)


def test_neutralised_armed_men_are_killed_in_a_fight_a_neutralised_bomb_is_no_fight():
    ev = only("On Monday, Malian troops neutralised five assailants during a pursuit near Bankass, in the Mopti region.")
    assert (ev.sub_event_type, ev.fatalities, ev.location.name) == ("Armed clash", 5, "Bankass")
    ev = only("On Monday, Malian troops neutralised an explosive device near Bankass, in the Mopti region.")
    assert (ev.sub_event_type, ev.fatalities) == ("Disrupted weapons use", 0)


def test_a_country_that_launched_the_weapons_is_not_where_they_were_shot_down():
    evs = events("Ukraine's air force said on Monday it had shot down 30 of the 35 drones and all six cruise "
                 "missiles launched by Russia.", published=dt.date(2023, 6, 20))
    (shot,) = [e for e in evs if e.sub_event_type == "Disrupted weapons use"]
    assert shot.actor1 == "Military Forces of Ukraine (2019-)"
    assert shot.location is None or shot.location.country == "UA"


def test_a_clause_hung_on_a_place_or_a_day_tells_no_doer():
    ev = only("The Pakistani Taliban claimed responsibility for a suicide attack on a police compound in Bannu on "
              "Monday that killed three officers.", published=dt.date(2023, 6, 20))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Suicide bomb", "TTP: Tehreek-e-Taliban Pakistan", "Police Forces of Pakistan (2022-)", 3)


def test_who_found_the_bodies_did_not_kill_them():
    ev = only("Security forces in Michoacan state found the bodies of seven men dumped on a highway near Uruapan "
              "on Monday.", published=dt.date(2023, 6, 20))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group (Mexico)", 7)


def test_people_at_a_demonstration_are_its_demonstrators():
    ev = only("Police arrested 40 opposition activists during a rally in Dhaka on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Protest with intervention", "Protesters (Bangladesh)")
    ev = only("On Monday, villagers lynched a suspected thief in Kisumu.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_the_toll_of_the_event_a_retaliation_answers_is_not_its_own():
    ev = only("Hezbollah fired dozens of rockets at northern Israel on Monday in response to an Israeli strike "
              "that killed one of its commanders.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Shelling/artillery/missile attack", "Hezbollah", 0)
    # a fronted retaliation phrase ends at its comma: what follows is the event's own toll
    ev = only("In retaliation for the killing of a herder, Pokot raiders killed five people in Kapedo on Monday.")
    assert ev.fatalities == 5
    # nor its place or its doer, who is the target here
    ev = only("Hezbollah said it fired dozens of rockets at an Israeli army base in the Golan Heights on Monday "
              "in response to an Israeli strike in Baalbek that killed two of its fighters.")
    assert (ev.location.name, ev.actor1, ev.actor2, ev.fatalities) == (
        "Golan", "Hezbollah", "Military Forces of Israel (2009-2021)", 0)


def test_a_name_the_parse_cut_is_still_the_doer():
    # the parser reads "Ukrainian" as the subject and "shelling" as an adverb
    ev = only("Ukrainian shelling killed one woman in Belgorod on Sunday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.location.name) == (
        "Shelling/artillery/missile attack", "Military Forces of Ukraine (2019-)", "Civilians (Russia)", "Belgorod")


def test_a_drone_shot_down_is_a_disrupted_weapon():
    ev = only("Yemen's Houthi rebels said on Monday they had shot down a US MQ-9 Reaper drone over Marib province.")
    assert (ev.sub_event_type, ev.actor1, ev.location.country) == ("Disrupted weapons use", "Houthi Movement", "YE")


def test_who_runs_into_an_explosive_is_its_victim():
    ev = only("Two soldiers were wounded on Monday when their patrol hit an improvised explosive device in Mali's "
              "Kidal region.", published=dt.date(2023, 6, 20))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Remote explosive/landmine/IED", "Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)")
    ev = only("Militants hit a police convoy with a roadside bomb near Mandera on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Remote explosive/landmine/IED", "Unidentified Armed Group (Kenya)")


def test_a_town_taken_and_left_again_was_taken_by_them():
    ev = only("Al-Shabaab fighters briefly seized the town of Bulo Burde on Monday before withdrawing hours later.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "Al Shabaab")


def test_excessive_force_is_against_protesters_and_a_rescue_is_no_abduction():
    ev = only("Police fired live rounds at protesters in Mandalay on Monday, killing at least three.",
              published=dt.date(2023, 6, 20))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Excessive force against protesters", "Police Forces of Myanmar (2021-)", "Protesters (Myanmar)", 3)
    assert events("The Nigerian army said on Monday it had rescued 25 hostages held by bandits in Zamfara state.") == []


def test_a_group_named_by_its_adjective_and_forces_demolishing_homes():
    ev = only("Yemeni government forces repelled a Houthi offensive on the city of Marib on Monday, killing "
              "dozens of rebels.")
    assert {ev.actor1, ev.actor2} == {"Military Forces of Yemen (2012-2022)", "Houthi Movement"}
    ev = only("Israeli forces demolished the homes of two Palestinian attackers in the village of Beita on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.location.country) == (
        "Looting/property destruction", "Military Forces of Israel (2009-2021)", "PS")


def test_headlines_name_countries_by_adjectives_and_states_by_their_names():
    ev = only("Gunmen kill 7 in attack on Nigerian village")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Attack", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")
    ev = only("Ukraine says it recaptured village near Bakhmut", published=dt.date(2023, 6, 20))
    assert (ev.sub_event_type, ev.actor1) == ("Government regains territory", "Military Forces of Ukraine (2019-)")
    ev = only("Israeli strike on Rafah kills 20, Gaza health officials say")
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "Military Forces of Israel (2009-2021)", "Civilians (Palestine)", 20)


def test_a_foreign_state_taking_a_place_abroad_overtakes_it():
    ev = only("Russian forces captured the town of Avdiivka on Monday.", published=dt.date(2023, 6, 20))
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "Military Forces of Russia (2000-)")
    ev = only("Syrian government forces retook Khan Sheikhoun on Monday.")
    assert ev.sub_event_type == "Government regains territory"


def test_who_fired_the_tear_gas_canisters_intervened():
    ev = only("Police fired teargas canisters at protesters in Kisumu on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya (2013-2022)")


def test_where_an_attack_took_place_told_after_it_and_a_province_named_as_such():
    evs = events(
        "A suicide bomber blew himself up among a crowd of pilgrims south of Baghdad on Monday, killing at least "
        "18 people, Iraqi officials said.\n\nThe attack took place in the town of Musayyib, as pilgrims were "
        "walking to the holy city of Karbala, a police officer said.\n\nLater on Monday, a roadside bomb struck "
        "an army patrol in the western province of Anbar, killing two soldiers, the military said.")
    assert [(e.sub_event_type, e.location.name, e.fatalities) for e in evs] == [
        ("Suicide bomb", "Al Musayyib", 18), ("Remote explosive/landmine/IED", "Al-Anbar", 2)]


def test_who_holds_the_ground_shelled_is_no_victim_and_government_artillery_is_the_army():
    # (ground forces that "pound" an area shell it: the civilians killed stay the shelling's)
    ev = only("Syrian government forces pounded rebel-held areas of Idlib province on Monday, killing at least 11 "
              "civilians.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Shelling/artillery/missile attack", "Civilians (Syria)", 11)
    ev = only("Government artillery shelled the town of Kafranbel in Idlib province on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Syria (2000-)")


def test_the_home_of_an_armed_group_named_is_a_vote_for_its_places():
    # the Turkish military strikes the SDF in Syria: Qamishli is Al Qamishli, not Kamyshly in Turkey
    ev = only("A drone strike by the Turkish military killed three SDF fighters near Qamishli on Monday.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Turkey (2016-)", "SDF: Syrian Democratic Forces")
    assert ev.location.country == "SY" and abs(ev.location.lat - 37.05) < 0.1


def test_what_a_member_says_they_did_is_not_his_groups_deed_but_a_spokesmans_is():
    ev = only('"They are targeting markets and homes in Saraqib," said Mohammed Rasheed, a volunteer with the '
              'White Helmets civil defence group.')
    assert ev.actor1 != "Syrian Civil Defence"
    ev = only("An Al-Shabaab spokesman said on Monday they had attacked the base in Lamu.")
    assert ev.actor1 == "Al Shabaab"


def test_a_congolese_territory_is_an_event_place_of_its_own():
    ev = only("Attackers set fire to a health centre in Kalehe territory, South Kivu, on Monday.")
    assert (ev.sub_event_type, ev.location.name, ev.location.admin1) == (
        "Looting/property destruction", "Kalehe", "Sud-Kivu")


def test_two_demonstrations_in_two_cities_told_in_one_sentence():
    evs = events("Police dispersed protesters in Lagos on Monday, while in Abuja demonstrators marched peacefully "
                 "to parliament.")
    assert [(e.sub_event_type, e.location.name) for e in evs] == [
        ("Protest with intervention", "Lagos"), ("Peaceful protest", "Abuja")]


def test_a_death_toll_that_rose_is_the_toll_whoever_reports_the_rise():
    ev = only("A car bomb exploded outside a busy restaurant in Mogadishu on Monday evening, killing at least eight "
              "people, police said.\n\nThe death toll later rose to 15, a doctor at Madina hospital said.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 15)
    # two sources that disagree still give the lowest
    ev = only("A car bomb exploded in Mogadishu on Monday, killing eight people, police said. A doctor said 15 "
              "people were killed.")
    assert ev.fatalities == 8


def test_a_crewed_aircraft_shot_down_is_a_clash_a_drone_a_disrupted_weapon():
    ev = only("Rebels shot down a military helicopter near Kidal on Monday, killing two pilots.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 2)
    assert ev.actor1.startswith("Opposition Rebels") and ev.actor2.startswith("Military Forces of Mali")
    ev = only("Ukrainian forces shot down a Russian drone over Kharkiv on Monday.")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1.startswith("Military Forces of Ukraine")


def test_an_aid_groups_people_hit_are_civilians_with_the_group_associated():
    ev = only("Gunmen stormed a maternity ward run by Medecins Sans Frontieres in Kabul on Tuesday, killing 24 people.")
    assert (ev.sub_event_type, ev.actor2, ev.assoc_actor_2) == (
        "Attack", "Civilians (Afghanistan)", ["MSF: Medecins Sans Frontieres"])


def test_a_claim_no_one_made_names_no_one():
    ev = only("Gunmen stormed a maternity ward in Kabul on Tuesday, killing 24 people. No group claimed "
              "responsibility, but the Taliban denied involvement.")
    assert (ev.actor1, ev.fatalities) == ("Unidentified Armed Group (Afghanistan)", 24)
    assert only("A bomb killed 5 people in Kabul on Tuesday. The Taliban have not claimed "
                "responsibility.").actor1 == "Unidentified Armed Group (Afghanistan)"
    assert only("A bomb killed 5 people in Kabul on Tuesday. The Taliban claimed responsibility.").actor1 == "Taliban"


def test_who_blames_claims_nothing():
    # each side blames the other: the record names no perpetrator
    ev = only("A blast at a hospital in Gaza City killed hundreds of people on Monday. Hamas blamed an Israeli air "
              "strike; Israel said a misfired Islamic Jihad rocket caused it.")
    assert ev.actor1 == "Unidentified Armed Group (Palestine)"
    # the one blamed is named after the blame
    ev = only("A bomb exploded at a market in Mandera on Monday, killing 5 people. Police blamed Al Shabaab for the attack.")
    assert ev.actor1 == "Al Shabaab"


def test_libyan_sides_named_by_their_leader_and_their_backers():
    ev = only("Fighters loyal to Khalifa Haftar launched an offensive on Tripoli on Monday. Forces of the UN-backed "
              "government repelled the attack near the old airport, a spokesman said.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "LNA: Libyan National Army", "Military Forces of Libya (2016-2021) Government of National Accord")
    ev = only("Forces loyal to the UN-recognised government recaptured Tarhuna, the last stronghold of Khalifa "
              "Haftar's forces in western Libya, on Friday.", published=dt.date(2020, 6, 6))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Government regains territory", "Military Forces of Libya (2016-2021) Government of National Accord",
        "LNA: Libyan National Army")


def test_a_clash_whose_attackers_are_unnamed_goes_to_the_group_that_claimed_it():
    ev = only("Police were attacked by unknown men in Lamu on Monday. Al Shabaab claimed responsibility.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Al Shabaab")
    assert ev.actor2.startswith("Police Forces of Kenya")
    # "IS" is the group, not the verb; and a group named by its country's branch claims too
    ev = only("On 21 January 2021, two suicide bombers blew themselves up in a market in Baghdad, killing 32 "
              "people. IS claimed responsibility.", published=dt.date(2021, 1, 22))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Suicide bomb", "Islamic State (Iraq)", 32)
    # with no one claiming it, the named side comes first and the other is unidentified
    ev = only("Police were attacked by unknown men in Lamu on Monday.")
    assert ev.actor1.startswith("Police Forces of Kenya") and ev.actor2 == "Unidentified Armed Group (Kenya)"


def test_a_verb_read_as_a_noun_before_its_plural_object_still_reports():
    ev = only("Residents of Mumias town protest threats by the governor to evict the managers of a sugar company.")
    assert ev.sub_event_type == "Peaceful protest"


def test_what_was_fired_is_no_party_its_target_is():
    ev = only("Kataib Hezbollah fired rockets at a US base in Syria on Monday.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert (ev.actor1, ev.actor2.startswith("Military Forces of the United States")) == ("Kataib Hezbollah", True)
    ev = only("Police fired shots at an armed gang in Naivasha on Monday.")
    assert ev.sub_event_type == "Armed clash" and ev.actor1.startswith("Police Forces of Kenya")
    # stones a crowd throws at the police make a riot, not a clash
    ev = only("Opposition supporters hurled stones at police in Busia on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_a_countrys_border_post_or_base_is_its_military():
    ev = only("Houthi rebels attacked a Saudi border post on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Houthi Movement")
    assert ev.actor2.startswith("Military Forces of Saudi Arabia")


def test_a_bomb_found_and_disarmed_is_one_disrupted_weapons_use():
    ev = only("Police discovered a large bomb on a minibus in Mombasa on Monday and disarmed it.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_a_bomb_found_with_no_one_named_is_a_disrupted_weapon_of_whoever_planted_it():
    # a headline's passive ("bomb discovered"), a found weapon the parser made a clause's subject
    # ("found an IED planted on the road"), bombs the police blew up: no explosion, a weapon stopped
    (ev,) = _kenyan("Unexploded bomb discovered inside bus in Nairobi on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "Unidentified Armed Group (Kenya)")
    (ev,) = _kenyan("On Monday, police found an IED planted on the road near Mandera and defused it.")
    assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "Police Forces of Kenya (2013-2022)")
    (ev,) = _kenyan("Bombs found placed near IDP houses on Monday; police detonate and remove bombs.")
    assert ev.sub_event_type == "Disrupted weapons use"
    # a device that went off is an explosion; what was found after one is not the event
    (ev,) = _kenyan("On Monday, an IED planted on the road near Mandera exploded, killing two soldiers.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 2)
    (ev,) = _kenyan("Police found the bodies of two men killed in an IED blast near Mandera on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 2)


def test_freeing_kidnapped_soldiers_is_neither_a_clash_nor_a_new_abduction():
    assert events("Colombian rebels freed six kidnapped soldiers in Cauca on Monday.") == []
    ev = only("Troops freed the town of Saraqib from rebels on Monday.")
    assert ev.sub_event_type == "Government regains territory"


def test_a_headline_whose_predicate_is_an_accusation_reports_the_deed():
    ev = only("Soldiers accused of killing 30 civilians in Gao on Monday")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 30)
    assert ev.actor1.startswith("Military Forces of Mali") and ev.actor2 == "Civilians (Mali)"
    # what men are suspected of is who they are, not the event
    ev = only("Three men suspected of killing an elderly man were lynched by a mob in Kisii on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 3)


def test_villagers_killed_in_an_attack_make_no_mob():
    ev = only("Gunmen killed 30 villagers in the attack.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 30)
    assert only("Raiders abducted dozens of villagers in the attack.").sub_event_type == "Abduction/forced disappearance"


def test_a_killing_a_protest_was_staged_after_is_its_cause():
    ev = events("Traders staged a protest after a colleague was murdered by robbers.")[0]
    assert (ev.sub_event_type, ev.fatalities) == ("Peaceful protest", 0)


def test_a_passives_doer_the_parser_hung_on_the_place_before_it():
    ev = only("Five suspects were shot dead in Mpeketoni area, Lamu county by security personnel.")
    assert ev.actor1.startswith("Military Forces of Kenya")
    # a "by" inside another phrase names no doer
    ev = only("Two men were shot dead in Kisumu after a complaint by traders.")
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"


def test_a_headline_subject_shot_at_is_the_target():
    ev = only("Three police officers shot at and wounded during a patrol in Garissa.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor2 != "Civilians (Kenya)"


def test_shots_into_the_air_are_no_air_strike_and_hit_no_one():
    ev = only("Police shot into the air to disperse a crowd of rioting youths in Meru.")
    assert ev.sub_event_type == "Violent demonstration"
    ev = only("The rioters were repelled by police, who fired shots into the air.")
    assert ev.sub_event_type == "Violent demonstration"
    # a strike from the air stays one
    assert only("Jets struck the town from the air on Monday.").sub_event_type == "Air/drone strike"
    # an aircraft fired at is the target, not the weapon
    ev = only("Gunmen opened fire on a small commercial plane as it landed in Kandahar on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Unidentified Armed Group (Afghanistan)")
    assert only("Russian warplanes fired missiles at Saraqib in Idlib province on Monday.").sub_event_type \
        == "Air/drone strike"


def test_fighting_and_deaths_told_in_a_riots_sentence_are_the_riot():
    ev = only("Hawkers riot, attack police and engage in running battles in Nairobi.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)")
    ev = only("Two police officers were killed in riots in Kisumu.")
    assert (ev.sub_event_type, ev.fatalities) == ("Violent demonstration", 2)
    # an armed group's own battle in the sentence stays a battle
    evs = events("Residents rioted in Mandera as al-Shabaab fighters clashed with soldiers nearby.")
    assert "Armed clash" in {e.sub_event_type for e in evs}


def test_a_cause_a_protest_names_is_no_new_event():
    assert only("Parents protest against a case of sexual abuse at their school in Nyeri.").sub_event_type \
        == "Peaceful protest"
    assert only("A group of women protests attacks on women in Nairobi.").sub_event_type == "Peaceful protest"
    # a cause told as what happened, with its doer, is still reported
    evs = events("Residents protested in Kisumu on Monday after police shot dead a trader.")
    assert {e.sub_event_type for e in evs} >= {"Peaceful protest", "Attack"}
    # nor does a date that reads as a protest verb ("19 March") make a cause of an attack
    ev = events("On 19 August 2019, 25 soldiers were killed following an attack by Taliban militants "
                "on a base in Qalat.")[0]
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 25)


def test_the_hurt_and_dead_after_force_against_a_protest_are_its_toll():
    ev = only("Teachers protested over pay in Nyeri. Police fired tear gas. Some were injured.")
    assert ev.sub_event_type == "Protest with intervention"
    ev = only("Traders protested in Kisumu. Police intervened. Two were shot dead.")
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 2)
    # with no force against the protest told, the dead are another event
    evs = events("Teachers protested over pay in Nairobi. Two people were shot dead in Kisumu.")
    assert [e.sub_event_type for e in evs] == ["Peaceful protest", "Attack"]


def test_a_mob_that_attacks_and_kills_is_one_mob_violence():
    ev = only("A mob attacks and nearly kills a suspected thief in Muthithini.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 0)
    # the killing the crowd's verbs govern is its own, not a second event
    for text in ("On Monday, a vigilante mob attacks and kills a suspected murderer in Siritany.",
                 "On Monday, a vigilante group shot and killed two suspected thieves in Nakuru."):
        ev = only(text)
        assert (ev.sub_event_type, ev.actor1[:7], ev.fatalities) == ("Mob violence", "Rioters",
                                                                 1 if "Siritany" in text else 2), text


def test_a_death_caused_by_a_wild_animal_is_no_attack():
    assert events("A herder was killed by an elephant in Tsavo on Monday.") == []
    assert only("Residents protest after man killed by hippo in Naivasha").sub_event_type == "Peaceful protest"


def test_police_who_intervene_and_kill_at_a_riot_are_part_of_it():
    ev = only("Youths rioted in Kisumu over the poll results. Police intervened, killing two.")
    assert (ev.event_type, ev.fatalities) == ("Riots", 2)
    assert ev.actor2.startswith("Police Forces of Kenya")


def test_deeds_planned_or_punished_and_keys_surrendered_are_no_events():
    ev = only("A taxi driver was shot dead at a petrol station in Migori after surrendering the car keys "
              "to a gang of three.")
    assert ev.sub_event_type == "Attack"
    ev = only("Police in Thika shot in the air to disperse a crowd who had planned on attacking an officer.")
    assert ev.event_type == "Protests"
    ev = only("A man was lynched by residents in Nduuri village, Embu, for assaulting his mother.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    ev = only("A man was lynched by residents of Nduuri village, Embu, for killing a youth.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    ev = only("Police arrested a man for killing his neighbour in Kisumu.")
    assert (ev.sub_event_type, ev.fatalities) == ("Arrests", 0)
    # who is blamed for a deed did it
    ev = only("Police were criticised for killing two protesters in Kisumu on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Excessive force against protesters", "Police Forces of Kenya (2013-2022)", 2)
    # a surrender of arms is still one
    assert only("Fifty rebels surrendered their weapons to the army in Beni.").sub_event_type == "Agreement"


def test_police_who_fire_back_fight_the_attackers():
    ev = only("On Monday, an armed group stopped a police car and started firing at the officers. The police "
              "fired back and killed two of them in Limuru.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 2)
    assert {ev.actor1, ev.actor2} == {"Unidentified Armed Group (Kenya)", "Police Forces of Kenya (2013-2022)"}


def test_property_a_crowd_destroys_is_no_disrupted_weapon():
    ev = events("On Sunday, angry residents looted a clinic in Kasipul, Homa Bay, over a land dispute. "
                "Two people were arrested.")[0]
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")
    evs = events("Al Shabaab fighters attacked a police post in Fafi on Sunday. The attackers also set "
                 "fire to the post, destroying its buildings.")
    assert "Disrupted weapons use" not in {e.sub_event_type for e in evs}
    # a weapon destroyed still is one
    ev = only("Soldiers destroyed an IED on the road to Mandera on Sunday.")
    assert ev.sub_event_type == "Disrupted weapons use"
    # and what an explosive destroys is its attack's
    ev = only("On Sunday, an IED planted by the Taliban destroyed an Afghan military vehicle in Helmand, "
              "killing two soldiers.")
    assert (ev.sub_event_type, ev.actor1) == ("Remote explosive/landmine/IED", "Taliban")


def test_force_told_with_the_toll_after_a_riot_and_crowds_who_storm_are_the_demonstration():
    ev = only("Youths rioted in Mombasa on Monday. Police intervened firing shots into the crowd - one man "
              "was seriously injured.")
    assert (ev.event_type, ev.actor2) == ("Riots", "Police Forces of Kenya (2013-2022)")
    # "who tried to storm": the crowd the relative clause is about did it, no attack on civilians
    ev = only("On Monday, police in Kisumu fired tear gas at crowds of opposition supporters who tried to "
              "storm the electoral commission offices.")
    assert ev.event_type == "Protests"


def test_weapons_armed_men_seize_are_their_attacks_loot_not_a_disrupted_weapon():
    ev = only("Gunmen attacked a police station in Mandera on Sunday and seized weapons.")
    assert ev.sub_event_type == "Armed clash"
    ev = only("Al Shabaab militants seized weapons from a police armoury in Mandera on Sunday.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Al Shabaab")
    # the police seizing weapons disrupt them
    assert only("Police seized weapons in a raid in Eastleigh on Sunday.").sub_event_type == "Disrupted weapons use"


def test_headline_passives_of_civilians_thefts_of_livestock_and_captives_are_attacks():
    # a civilian subject of a bare "attacked" is its victim; a crowd's is still a riot
    ev = only("Journalist attacked in Nairobi on Sunday for taking photos of the president.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")
    assert only("Youths attacked and looted shops in Kisumu on Sunday.").event_type == "Riots"
    # armed raiders who drive off livestock attack its owners; thieves who steal goats do not
    ev = only("Ethiopian raiders stole 3,000 cattle from herders in Turkana on Sunday.")
    assert ev.sub_event_type == "Attack"
    assert events("Thieves stole 20 goats from a farm in Nakuru on Sunday.") == []
    ev = only("An election official was held captive by party members at a polling station in Kisumu on Sunday.")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    assert only("Attackers poured acid on five officials in Nairobi on Sunday.").sub_event_type == "Attack"
    ev = only("An aid agency staffer was beaten with an iron bar in Dadaab on Sunday.")
    assert ev.sub_event_type == "Attack"


def test_protests_stopped_by_police_and_explosives_told_by_what_laid_them():
    ev = only("Police in Yatta stopped a demonstration against the senator by residents of Matuu on Sunday.")
    assert ev.sub_event_type == "Protest with intervention"
    # a clause after a semicolon is its own: the police blaming Al Shabaab refer to no attack
    ev = only("Grenade attack outside a mosque in Mombasa by unknown group; police blame Al Shabaab")
    assert ev.sub_event_type == "Grenade"
    ev = only("On Sunday, four police officers escaped death when their vehicle drove over a buried explosive "
              "near Mandera.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    ev = only("On Sunday, an al Shabaab-planted explosive attached to a military vehicle caused seven "
              "soldier deaths in Lamu.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Remote explosive/landmine/IED", "Al Shabaab", 7)


def test_demonstrators_who_hurt_or_destroy_riot():
    ev = only("On Sunday, demonstrators destroyed a waste plant in Athi River and injured a journalist while "
              "protesting against its emissions.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    ev = events("On Sunday, a group of women protesting in support of the ban lured activists to Enoosaen "
                "village in Narok and attacked them.")[0]
    assert ev.sub_event_type == "Violent demonstration"
    # demonstrators who are attacked do not riot
    ev = only("On Sunday, police attacked demonstrators protesting against the governor in Nyeri.")
    assert ev.event_type == "Protests"


def test_warders_pronoun_doers_and_weapons_recovered_after_a_killing():
    ev = only("Two inmates at Nyeri Prison were shot and injured by a senior prison warder on Sunday.")
    assert ev.actor1 == "Police Forces of Kenya (2013-2022)"
    # "they": the state force that was the subject of a sentence before, in the paragraph
    ev = events("The police conducted a search for opposition supporters in Nyalenda, Kisumu on Sunday. "
                "In one home they beat a student.")[0]
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Police Forces of Kenya (2013-2022)")
    # grenades recovered are not what the suspect was killed with; "Anti-terrorism" is no place
    evs = events("Police gunned down an al Shabaab suspect and recovered two hand grenades in Diani, Kwale "
                 "County on Sunday. He was shot dead by Anti-terrorism detectives.")
    assert evs[0].sub_event_type == "Armed clash"
    assert {e.location.name for e in evs if e.location} == {"Diani"}


def test_a_toll_told_as_unconfirmed_counts_only_when_no_other_is_told():
    ev = only("On Sunday, 2 police officers were killed in riots in Kisumu. 7 other deaths are feared but "
              "unconfirmed.")
    assert ev.fatalities == 2
    ev = only("On Sunday, a man was killed by a Mungiki gang in Nakuru (2 others feared dead but not confirmed).")
    assert ev.fatalities == 1
    # the only toll told stands, however hedged
    ev = only("On Sunday, gunmen attacked a village in Wajir. Five people were killed, unconfirmed reports said.")
    assert ev.fatalities == 5


def test_soldiers_abducted_and_killed_were_fought_civilians_attacked():
    ev = only("On 4 March 2020, 1 policeman was abducted and later beheaded by Taliban militants in Jalrez "
              "district, Wardak.", published=dt.date(2020, 3, 6))
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Taliban")
    ev = only("On 4 March 2020, 14 soldiers were killed and 10 were taken as hostages following an attack by "
              "Taliban militants in Imam Sahib district, Kunduz.", published=dt.date(2020, 3, 6))
    assert ev.sub_event_type == "Armed clash"
    # a civilian among the victims keeps it an attack
    ev = only("On Monday, militants killed a chief in Mandera before abducting two police reservists.")
    assert ev.sub_event_type == "Attack"


def test_members_of_a_state_force_are_armed_victims():
    ev = only("On 3 March 2020, 1 NDS employee was shot and killed by Taliban militants in Kunduz city.",
              published=dt.date(2020, 3, 6))
    assert (ev.sub_event_type, ev.actor2) == ("Armed clash", "Police Forces of Afghanistan (2014-2021)")
    # police named in what the victims did are not the victims
    ev = events("On Monday, police shot and injured two mourners in Kisumu who were protesting alleged "
                "police involvement in a killing.")
    assert "Armed clash" not in {e.sub_event_type for e in ev}


def test_a_former_soldier_is_a_civilian_and_a_base_pounded_is_shelled():
    ev = only("On 2 March 2020, a former soldier was killed by Taliban militants while travelling by bus in "
              "Obe district, Herat.", published=dt.date(2020, 3, 5))
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Afghanistan)")
    # a former convict is no soldier: nothing changes for him
    assert only("On Sunday, gunmen shot dead a former convict in Embu.").actor2 == "Civilians (Kenya)"
    ev = only("On 13 March 2020, Taliban militants pounded a military base in Andar district, Ghazni.",
              published=dt.date(2020, 3, 15))
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_a_suicide_bomber_shot_before_he_struck_is_a_fight_not_a_bombing():
    ev = only("On 10 March 2020, Afghan military forces shot and killed a Taliban suicide bomber before he carried "
              "out his attack in Zhari district, Kandahar.", published=dt.date(2020, 3, 12))
    assert (ev.sub_event_type, ev.actor2) == ("Armed clash", "Taliban")
    # the bomber as the doer still bombs
    assert only("A suicide bomber killed five people at a market in Mogadishu on Sunday.").sub_event_type == "Suicide bomb"


def test_enemies_driven_back_from_a_village_lose_it():
    ev = events("The army units drove back the ISIL terrorists from a key village in Eastern Hama on Monday.")[0]
    assert ev.sub_event_type == "Government regains territory"
    # an attack driven back takes no ground
    ev = only("The army drove back an Islamic State attack on Deir ez-Zor on Monday.")
    assert ev.sub_event_type == "Armed clash"


def test_a_date_naming_an_occasion_of_another_clause_is_not_the_events():
    # the poll's day is not when the bonfires were lit: an old date would drop the event
    ev = only("In Homa Bay, Nasa supporters lit bonfires as they demanded the removal of officials accused of "
              "bungling the August 8 polls.", published=dt.date(2017, 10, 5))
    assert (ev.event_type, ev.date) == ("Riots", dt.date(2017, 10, 5))
    # the polls a riot broke out during date it
    ev = only("Youths rioted in Kisumu during the August 8 polls.", published=dt.date(2017, 8, 10))
    assert ev.date == dt.date(2017, 8, 8)


def test_warning_shots_at_a_crowd_are_force_used_on_it():
    ev = only("On Sunday, police in Siaya were forced to shoot in the air several times when a group of youths "
              "disrupted a meeting in Yala.")
    assert ev.event_type in ("Protests", "Riots")
    ev = only("On Sunday, youths attacked voters in Kisauni, Mombasa. Police fired in the air.")
    assert (ev.sub_event_type, ev.actor2) == ("Mob violence", "Police Forces of Kenya (2013-2022)")
    # shots in the air at no crowd are no event
    assert events("Police shot in the air in Kisumu on Sunday.") == []


def test_a_community_told_as_the_doer_is_its_militia():
    ev = only("Pokot attack Luhya farmers in Kakamega on Sunday.")
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Pokot Ethnic Militia (Kenya)")
    ev = only("On Sunday, Degodia attack Garre civilians in Wajir.")
    assert ev.actor1 == "Degodia Clan Militia (Kenya)"
    # its demonstrators are protesters, its county is a place
    ev = only("On Sunday, around 400 Maasai demonstrators protested in Narok against a planned eviction.")
    assert ev.actor1 == "Protesters (Kenya)"
    ev = only("On Sunday, drivers in Kapenguria, West Pokot blocked the road to the governor's office to protest.")
    assert "Militia" not in ev.actor1


def test_what_a_crowd_destroys_is_its_riot():
    ev = only("Youths destroyed ballot boxes at a polling centre in Kerugoya, Kirinyaga on Sunday.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)")
    # soldiers destroying an IED still disrupt it
    assert only("Soldiers destroyed an IED on the road to Mandera on Sunday.").sub_event_type == "Disrupted weapons use"


def test_two_places_of_one_scene_are_one_event_at_the_finer():
    # the explosion is told "in downtown Nairobi", its wounded "on Moi Avenue": one event, whose
    # toll a later sentence gives
    ev = only("On Monday, an IED detonated in downtown Nairobi on Moi Avenue injuring 38 people. "
              "One person later died in hospital.")
    assert (ev.sub_event_type, ev.fatalities, ev.location.name) == ("Remote explosive/landmine/IED", 1, "Moi Avenue")
    ev = only("On Sunday, hundreds of Somalis took to the streets in the Nairobi's Eastleigh neighbourhood "
              "to protest against the attack on Garissa university.")
    assert (ev.sub_event_type, ev.location.name) == ("Peaceful protest", "Eastleigh")
    # two towns of one province are two scenes
    evs = events("On Monday, gunmen killed two people in Mandera and bandits shot dead three herders in Wajir.")
    assert sorted(e.location.name for e in evs) == ["Mandera", "Wajir"]


@pytest.mark.parametrize("text", [
    "On Monday, students attacked and injured three teachers in Kisii in protest against the principal.",
    "On Monday, protesting students attacked three teachers in Kisii.",
])
def test_a_crowd_that_attacks_people_in_its_protest_is_a_violent_demonstration(text):
    ev = only(text)
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_an_attack_a_protest_is_about_leaves_it_peaceful():
    ev = only("On Monday, students protested the Garissa attack in Nairobi, calling on the government to do more.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    # nor does an arrest it is about make it one the police intervened in
    ev = only("On Monday, Muslim clerics in Mombasa protested the arrest of a radio show host.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")
    # two crowds that fight at a rally are a mob, not a demonstration
    assert only("On Monday, Jubilee and KANU supporters clashed during a rally in Kisii.").sub_event_type == "Mob violence"


def test_communities_a_clash_is_between_are_its_two_sides_not_towns():
    # Kikuyu is also a town near Nairobi: here it is a side, and the clash is in Naivasha
    ev = only("On Monday, clashes between Kikuyu and Maasai in Naivasha left eight dead.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.location.name, ev.fatalities) == (
        "Armed clash", "Kikuyu Ethnic Militia (Kenya)", "Maasai Ethnic Militia (Kenya)", "Naivasha", 8)
    ev = only("On Monday, Pokot and Turkana militias clashed in Kainuk.")
    assert (ev.actor1, ev.actor2) == ("Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)")
    # a clause hung across a semicolon on a modal verb is still told as it happened
    ev = only("Clashes between Kikuyu and Maasai over water disputes; eight killed; may include civilians")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 8)


def test_the_ensuing_gunfight_makes_an_attack_a_battle_whose_dead_include_its_fighters():
    ev = only("On Monday, an armed group attacked Shurr village in Marsabit county. In the ensuing gunfight, "
              "three residents of the town were killed, as was one of the attackers.")
    assert (ev.sub_event_type, ev.fatalities, ev.actor1, ev.actor2) == (
        "Armed clash", 4, "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")


def test_people_killed_in_a_raging_conflict_between_herders_died_in_a_battle():
    ev = only("On Monday, four people were killed in raging armed conflict between Borana and Somali herders "
              "along the Isiolo-Garissa border.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 4)


def test_a_death_that_tells_who_the_protesters_are_is_no_event_of_its_own():
    # the killing says whose relatives protest: no attack, no toll, no police at the protest
    ev = only("On Tuesday, a protest was held in Isiolo town by relatives and friends of the man beaten to "
              "death by police two weeks before.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Peaceful protest", "Protesters (Kenya)", 0)
    ev = only("On Monday, colleagues of a man beheaded by al Shabaab in Bothai protested in Maua, Meru County, demanding "
              "the arrest of the perpetrators.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Peaceful protest", "Protesters (Kenya)", 0)


def test_what_a_crowd_demands_did_not_happen_to_it():
    ev = only("On Monday, residents staged a protest in Kutus town demanding the arrest of a county official.")
    assert ev.sub_event_type == "Peaceful protest"
    # police who do arrest protesters intervene
    ev = only("On Monday, residents staged a protest in Kutus town. Police arrested ten protesters.")
    assert ev.sub_event_type == "Protest with intervention"
    # nor does the violence it names in its demand make it riot
    (ev,) = _kenyan("On Monday, activists demonstrated in Meru town demanding justice for a magistrate's daughter "
                    "who had been abducted and killed.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Peaceful protest", "Protesters (Kenya)", None)


@pytest.mark.parametrize("text", [
    "On Monday, residents protested in Kisumu; police arrested ten of them.",
    "On Monday, residents protested in Kisumu and police arrested ten of them.",
])
def test_arrests_told_after_a_protest_in_its_sentence_are_an_intervention(text):
    ev = only(text)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya (2013-2022)")


def test_an_arrest_a_crowd_calls_for_is_no_arrest():
    ev = only("On Monday, residents of Githurai in Nairobi gathered to protest, calling for the arrest of a police officer "
              "who they believe killed two men.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Peaceful protest", "Protesters (Kenya)", 0)


def test_a_town_abroad_that_only_qualifies_a_noun_does_not_place_a_hinted_report():
    # "Orange" (the ODM's colour) is also a town in California; the feed is Kenyan
    (ex,) = pipeline.extract_many([ingest.from_text("Local Orange politician killed by unknown gunmen on Monday.",
                                                    published=TUESDAY)], countries=["KE"])
    (ev,) = ex.events
    assert (ev.actor1, ev.actor2, ev.location) == ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)", None)
    # a country named as where attackers came from still names them, but is not where they struck
    (ex,) = pipeline.extract_many([ingest.from_text("Raiders from Ethiopia attacked a Kenyan village on Monday.",
                                                    published=TUESDAY)], countries=["KE"])
    (ev,) = ex.events
    assert ev.actor1 == "Unidentified Armed Group (Ethiopia)" and ev.location is None


def test_a_killing_by_a_crowd_is_its_violence_not_force_against_it():
    # "crowd" also names protesters; as the doer it is a mob
    (ev,) = _kenyan("On Monday, a man was beaten to death by a crowd in Limuru.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)", 1)


def test_whom_a_mob_lynches_is_a_civilian_two_mobs_are_both_rioters():
    (ev,) = _kenyan("On Monday, a mob lynched a robbery suspect in Kiambu.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")
    # a band of vigilantes that lynches is a mob too, not a communal militia
    (ev,) = _kenyan("On Monday, a vigilante group lynched a suspected rapist in Kivuthini, Machakos.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")
    (ev,) = _kenyan("On Monday, Jubilee and ODM supporters clashed in Kisumu.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")
    (ev,) = _kenyan("Youths clashed with police in Kisumu on Monday.")
    assert ev.actor2.startswith("Police Forces of Kenya")
    # a crowd whose clash with the police is its second verb riots too: no armed clash
    ev = only("Supporters of the TLP blocked roads and clashed with police in Lahore on Monday after their leader "
              "was arrested. Two policemen were killed.")
    assert (ev.event_type, ev.actor1, ev.fatalities) == ("Riots", "Rioters (Pakistan)", 2)
    assert ev.actor2.startswith("Police Forces of Pakistan")


def test_what_demonstrators_foul_destroy_or_block_makes_their_protest_violent():
    for text in ("On Monday, employees of a waste disposal service dumped garbage along a Homa Bay road in protest "
                 "of non-payment of salaries.",
                 "On Monday, residents of Tetu in Nyeri County destroyed water pipes as they demonstrated against "
                 "an irrigation project.",
                 "On Monday, activists blocked the Deputy President's motorcade in Nairobi in protest."):
        (ev,) = _kenyan(text)
        assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)"), text
    # the parser hangs "protesting" on the killing as it hangs "demonstrated" on the destroying
    (ev,) = _kenyan("On Monday, Kenyan police killed a student protesting the deaths of activists in Nairobi.")
    assert (ev.sub_event_type, ev.actor2) == ("Excessive force against protesters", "Protesters (Kenya)")


def test_the_force_that_breaks_up_a_riot_is_its_second_party():
    (ev,) = _kenyan("On Monday, opposition supporters barricaded the roads in Busia with burning tyres. The police fired "
                    "live ammunition to disperse the crowds.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    assert ev.actor2.startswith("Police Forces of Kenya")
    # arrests told with no one named as making them are the police's
    (ev,) = _kenyan("On Monday, nine students were arrested after they burned the school dormitory in Kisii in protest.")
    assert ev.sub_event_type == "Violent demonstration" and ev.actor2.startswith("Police Forces of Kenya")
    # a riot no force met has none
    (ev,) = _kenyan("On Monday, rioters torched a market in Kisii after the wife of an imprisoned Mungiki leader was beheaded.")
    assert (ev.sub_event_type, ev.actor2) == ("Violent demonstration", None)
    # (a verb the parser hangs on its object as a modifier still arrests)
    ev = only("Teams of police are conducting raids to detain religious leaders in Srinagar.")
    assert ev.sub_event_type == "Arrests"


def test_the_unnamed_side_of_a_battle_is_unidentified():
    (ev,) = _kenyan("On Monday, police exchanged fire with raiders in Tot, Elgeyo Marakwet.")
    assert ev.sub_event_type == "Armed clash" and ev.actor1.startswith("Police Forces of Kenya")
    assert ev.actor2 == "Unidentified Armed Group (Kenya)"
    (ev,) = _kenyan("On Monday, ethnic clashes in Molo left two dead.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Unidentified Communal Militia (Kenya)", "Unidentified Communal Militia (Kenya)")


def test_civilians_a_bomb_or_grenade_hits_are_its_second_party():
    for text in ("On Monday, at least eight were killed in twin grenade attacks in Wajir. The assailants are not known.",
                 "On Monday, a grenade attack at a restaurant in Wajir killed six."):
        (ev,) = _kenyan(text)
        assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Grenade", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    (ev,) = _kenyan("On Monday, a grenade attack on a police post in Wajir injured two officers.")
    assert ev.actor2.startswith("Police Forces of Kenya")


def test_a_crowd_that_disrupts_others_gathering_riots():
    for text in ("On Monday, mobs disrupted electoral training sessions in parts of Kakamega County.",
                 "On Monday, angry youths disrupted a training for electoral officials at Chango in Vihiga."):
        (ev,) = _kenyan(text)
        assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (Kenya)"), text
    # a demonstration that disrupts traffic is that demonstration; police are no crowd
    (ev,) = _kenyan("On Monday, transport on the Nairobi-Mai Mahiu road in Lari was disrupted by a four hour demonstration.")
    assert ev.sub_event_type == "Peaceful protest"
    assert _kenyan("On Monday, police disrupted a meeting of opposition leaders in Kisumu.") == []


def test_what_a_crowd_smashes_and_whom_neighbours_beat_are_riots():
    (ev,) = _kenyan("On Monday, students from Nguviu Boys High School in Embu shattered window panes of their buildings.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")
    (ev,) = _kenyan("On Monday, a woman was assaulted by her neighbours in Kasarani, Nairobi.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")
    # what a blast shatters is the blast's
    (ev,) = _kenyan("On Monday, a bomb blast in Mandera shattered windows of nearby shops.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_arrests_told_with_no_one_named_are_the_polices():
    (ev,) = _kenyan("On Monday, five suspects were arrested in Garissa over the attack.")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Police Forces of Kenya (2013-2022)")
    (ev,) = _kenyan("On Monday, soldiers arrested five suspects in Garissa.")
    assert ev.actor1.startswith("Military Forces of Kenya")


def test_an_armed_group_the_battle_sentence_names_is_its_other_side():
    # the parser hangs "with SLDF" on the killing, not on the shootout
    (ev,) = _kenyan("2 police killed in shootout with SLDF in Mt Elgon on Monday.")
    assert ev.sub_event_type == "Armed clash" and ev.actor1.startswith("Police Forces of Kenya")
    assert ev.actor2 == "SLDF: Sabaot Land Defence Force"


def test_news_told_as_recent_is_an_event_but_what_came_before_is_not():
    # "in recent days", "recently": the report's news, dated to its week
    (ev,) = events("In recent days, protesters took to the streets in Kampala to decry the arrests.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Uganda)")
    assert (ev.date, ev.time_precision) == (TUESDAY, 2)
    (ev,) = _kenyan("Asha Ali, a civic aspirant, was recently beaten by three men in Dandora.")
    assert ev.sub_event_type == "Attack"
    # a past perfect or a relative clause tells what came before; a perfect progressive what goes on
    (ev,) = _kenyan("On Monday, youths in Kisumu demonstrated against Mungiki adherents who had recently beaten them up.")
    assert ev.sub_event_type == "Peaceful protest"
    assert _kenyan("The two clans in Mandera have recently been clashing over pasture.") == []


def test_a_crowd_on_a_looting_spree_riots():
    (ev,) = events("On Monday, hundreds of disgruntled locals went on a looting spree in Ntuzuma near Durban.")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters (South Africa)")


def test_territory_taken_without_being_drawn_into_clashes_is_a_non_violent_transfer():
    ev = only("On Monday, Syrian government forces took control of the town of Kafr Zita "
              "without getting involved in any clashes.")
    assert ev.sub_event_type == "Non-violent transfer of territory"


def test_control_established_over_an_area_is_taken():
    ev = only("On Monday, army units established control over an area of 120 km2 in the countryside of Aleppo.")
    assert (ev.sub_event_type, ev.actor1) == ("Government regains territory", "Military Forces of Syria (2000-)")
    ev = only("On Monday, Al Shabaab took control of an area of 50 square kilometres near Afgoye.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"


def test_boycotting_ones_work_or_walking_out_is_a_protest():
    for text in ("On Monday, Nairobi University students boycotted classes.",
                 "On Monday, students at a secondary school in Othaya staged a walk-out from their classes."):
        (ev,) = _kenyan(text)
        assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)"), text
    # what the boycott follows is its cause, told as well, not force used on it
    evs = _kenyan("On Monday, prison warders in Kisumu boycotted work after their colleagues were killed by police.")
    assert evs[0].sub_event_type == "Peaceful protest"
    assert "Excessive force against protesters" not in {e.sub_event_type for e in evs}
    assert _kenyan("The opposition boycotted the elections in Kisumu on Monday.") == []


def test_election_violence_told_alone_is_rioting():
    (ev,) = _kenyan("On Monday, post election violence saw 46 bodies brought to the morgue in Kisumu.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Violent demonstration", "Rioters (Kenya)", 46)
    # a deed its sentence tells is the event; violence its victims suffered is the backdrop
    (ev,) = _kenyan("On Monday, post election violence continued - a family of 3 were killed in Mathare.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 3)
    evs = _kenyan("On Monday, 16 bodies were collected in Nakuru town, victims of ongoing post-election violence.")
    assert "Violent demonstration" not in {e.sub_event_type for e in evs}


def test_a_death_told_as_part_of_political_violence_is_an_attack():
    (ev,) = _kenyan("1 killed - linked to electoral violence")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group (Kenya)", 1)
    assert _kenyan("1 killed - linked to domestic violence") == []


def test_details_not_specified_leave_the_event_told_before_the_dash():
    (ev,) = _kenyan("Riots involving various acts of violence and arson - DETAILS NOT SPECIFIED. Linked to "
                    "ongoing post-election violence")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_an_armed_group_that_attacks_a_place_attacks_its_people():
    (ev,) = _kenyan("On Monday, Kasarani area in Eldoret was attacked by an armed group.")
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Unidentified Armed Group (Kenya)")
    # armed youths are still a crowd
    (ev,) = _kenyan("On Monday, armed youth set fire to a police vehicle on the Olenguruone-Molo road.")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_a_date_opening_the_sentence_dates_its_event_over_one_of_its_object():
    evs = _kenyan("On 12 August 2019, students from the Mombasa branch of the University of Nairobi protested "
                  "the killing of a student and another man by a mob on 7 August.")
    assert (evs[0].sub_event_type, evs[0].date) == ("Peaceful protest", dt.date(2019, 8, 12))


def test_what_a_protest_is_about_is_not_what_its_crowd_did():
    evs = _kenyan("On Monday, activists staged a protest in Nairobi against the murder of a university student "
                  "who had been abducted together with a journalist.")
    # the abduction, told as what befell the student before, is no event of the day
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Peaceful protest", "Protesters (Kenya)")]
    (ev,) = _kenyan("On Monday, NASA protesters light fires in Makindu and are dispersed by police.")
    assert ev.sub_event_type == "Violent demonstration"


def test_the_cause_of_a_diplomatic_act_is_no_new_event():
    assert events("Russian diplomats were expelled by the US on Monday after a nerve agent attack on a former spy.") == []
    # the act's own news stays news
    (ev,) = _kenyan("Kenya recalled its ambassador on Monday after gunmen killed 5 people in Mandera.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 5)


def test_attacks_on_computers_are_no_political_violence():
    assert _kenyan("On Monday, hackers hacked the website of the electoral commission in Nairobi.") == []
    (ev,) = _kenyan("On Monday, raiders hacked two herders in Baringo.")
    assert ev.sub_event_type == "Attack"


def test_the_same_blast_told_again_after_its_dead_is_one_event():
    # the killing draws the second telling into an event of its own; same sub-type, next sentence
    (ev,) = _kenyan("Pupils were playing with a device when it exploded. At least three children were killed "
                    "in an explosion in Wajir, the police said.")
    assert (ev.sub_event_type, ev.fatalities, ev.location.name) == ("Remote explosive/landmine/IED", 3, "Wajir")
    # two blasts in two towns stay two
    assert len(_kenyan("A bomb exploded in Wajir on Monday. Another bomb exploded in Garissa, killing two.")) == 2


def test_a_trigger_phrase_the_parser_splits_is_headed_by_its_last_noun():
    # a misspelt adjective makes the tagger read "election" as an adjective on another word
    (ev,) = _kenyan("Persistant post-election violence - details not specified")
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Kenya)")


def test_police_who_encounter_an_armed_group_fight_it():
    (ev,) = _kenyan("A bandit was killed when police encountered a gang of armed raiders near Baragoi.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Armed clash", "Police Forces of Kenya (2013-2022)", 1)
    assert _kenyan("Soldiers encountered heavy resistance from residents.") == []


def test_armed_men_who_destroy_property_loot_or_destroy():
    (ev,) = _kenyan("Suspected Al Shabaab militants destroyed a telecommunication mast near Elwak on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Al Shabaab")
    # a weapon destroyed is still one whose use was stopped
    (ev,) = _kenyan("Soldiers destroyed an improvised explosive device near Mandera.")
    assert ev.sub_event_type == "Disrupted weapons use"


def test_a_vehicle_sprayed_with_bullets_is_an_attack():
    (ev,) = _kenyan("Gunmen sprayed the chief's car with bullets in Mandera on Monday night.")
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Unidentified Armed Group (Kenya)")


def test_a_toll_listed_by_place_after_it_is_not_added_twice():
    assert only("Raiders killed five people on Monday: two in Kainuk and three in Lokori.").fatalities == 5
    assert only("Post-election violence caused two deaths, one in Awendo and the other in Rongo.").fatalities == 2
    # a toll with its own place before another adds up
    assert only("Gunmen killed two people in Mandera, one in Wajir, on Monday.").fatalities == 3


def test_a_toll_told_alone_after_an_event_is_its_toll_when_the_article_tells_others():
    evs = _kenyan("Al Shabaab gunmen attacked Wajir town, throwing grenades into homes on Monday. Nine dead. "
                  "Al Shabaab later claimed responsibility, declaring they were targeting Christians.")
    assert evs[0].sub_event_type == "Grenade" and evs[0].fatalities == 9
    assert sum(e.fatalities for e in evs) == 9  # not given to every event


def test_a_coding_note_in_a_bracket_belongs_to_the_count_inside_it():
    ev = only("4 civilians killed (and 2 police - coded separately) by raiders in Mandera on Monday.")
    assert ev.fatalities == 4
    assert only("Police intervened killing 3 raiders (coded separately) in Mandera on Monday.").fatalities == 0


def test_a_death_told_alone_with_violence_named_is_an_attack():
    # no one named as killing them, but the report speaks of violence: an attack by unknown men
    (ev,) = _kenyan("Two people were reported dead in Molo on Monday. The deaths are linked to "
                    "ongoing land dispute violence.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group (Kenya)", 2)
    assert ev.date == dt.date(2019, 8, 19)


def test_a_death_in_a_feud_between_sides_is_an_armed_clash():
    (ev,) = _kenyan("Another herder died on Sunday in the long-running clan feud over grazing land near Wajir.")
    assert ev.sub_event_type == "Armed clash"
    # ... but bodies are an attack's victims, whatever war they were found in
    (ev,) = _kenyan("Sixteen bodies were taken to the mortuary in Molo on Monday, victims of the clan war in the area.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 16)


@pytest.mark.parametrize("text", [
    "The former rebel commander died of cancer in a Nairobi hospital on Monday.",  # an illness
    "No one died in the violence that followed the vote in Kisumu.",  # nobody
    "A man died in hospital in Nakuru on Monday, his family said.",  # nothing tells of violence
    "Three people died on Monday when their bus plunged into a river after clashes closed the main road.",
])
def test_a_death_that_is_no_ones_deed_is_no_event(text):
    assert _kenyan(text) == []


def test_nobody_killed_is_no_killing_but_the_fighting_was_fought():
    assert _kenyan("No one was killed in the violence in Kisumu on Monday.") == []
    (ev,) = _kenyan("Nobody was killed in the clashes between Pokot and Turkana herders on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 0)


def test_a_claim_told_after_the_attack_names_its_doer_whatever_follows():
    # the blame sits in the sentence after the attack's, not after the last one telling its dead
    (ev,) = _kenyan("A landmine killed two herders near Mandera on Monday. Al Shabaab is believed "
                    "responsible. Police later said three people had died.")
    assert (ev.sub_event_type, ev.actor1) == ("Remote explosive/landmine/IED", "Al Shabaab")


def test_an_attack_no_one_is_named_for_is_one_when_the_report_tells_of_violence():
    (ev,) = _kenyan("An orphanage near Eldoret was attacked and looted on Monday. Linked to ongoing ethnic violence.")
    assert (ev.sub_event_type, ev.actor1, ev.date) == ("Attack", "Unidentified Armed Group (Kenya)", dt.date(2019, 8, 19))
    # ... but its own word is not that violence
    assert _kenyan("An orphanage near Eldoret was attacked and looted on Monday.") == []


def test_who_people_died_at_the_hands_of_killed_them():
    (ev,) = _kenyan("Two soldiers died at the hands of al Shabaab militants near Mandera on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Al Shabaab", "Military Forces of Kenya (2013-2022)", 2)
    (ev,) = _sudanese("Two protesters were killed at the hands of security forces in Khartoum on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Excessive force against protesters", "Military Forces of Sudan (2019-)", "Protesters (Sudan)")


def test_the_dead_of_what_happened_days_apart_are_not_the_events():
    # "two days after ..." tells an earlier occasion: background, its dead not this event's
    (ev,) = _kenyan("Five more villagers have been killed by bandits near Kapedo, two days after the "
                    "militia executed 20 other herders.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 5)
    # (a clause that only lasted days is the same occasion)
    evs = _kenyan("At least 12 houses were torched in Pimbinyiet after clashes between two communities "
                  "lasted over two days.")
    assert [ev.event_type for ev in evs] == ["Battles", "Battles"]  # (one a day: see split_by_day)


def test_a_toll_parted_by_day_is_not_counted_twice():
    (ev,) = _kenyan("Gabra militiamen killed five Borana herders at Kubi Kalo; one on Sunday, four on Monday.")
    assert ev.fatalities == 5


def test_the_dead_a_toll_counts_are_no_side_of_the_fight_between_two_named_sides():
    (ev,) = _kenyan("Three people including a police officer were killed in clashes between Pokot and "
                    "Turkana herders in Kainuk on Monday.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)", 3)


def test_destruction_that_kills_is_an_attack():
    (ev,) = events("Three villagers died in Sagaing on Monday when junta troops torched their homes.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Military Forces of Myanmar (2016-2021)", 3)


def test_what_the_attackers_loot_or_burn_afterwards_is_part_of_their_attack():
    (ev,) = events("Jihadists attacked an army post near Boulkessi on Monday, killing eight soldiers. "
                   "The attackers then seized weapons and ammunition.")
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 8)


@pytest.mark.parametrize("text, dead", [
    ("An Israeli strike on a house in Rafah killed 12 people on Monday, medics said. "
     "Two more died of their wounds overnight.", 14),
    ("A car bomb exploded in Azaz on Monday, killing five people. A sixth victim died in hospital.", 6),
])
def test_more_dead_told_later_add_to_the_toll_whoever_counts_them(text, dead):
    (ev,) = events(text)
    assert ev.fatalities == dead


def test_who_died_did_not_wound_those_told_with_them():
    (ev,) = events("A roadside bomb hit a police vehicle in Helmand on Monday. Two policemen died and "
                   "three were wounded.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1.startswith("Unidentified Armed Group") and ev.actor2.startswith("Police Forces of Afghanistan")
    assert ev.fatalities == 2


def test_the_fighting_a_later_sentence_names_is_the_event_told_before():
    (ev,) = events("The Arakan Army captured a police post in Rakhine on Monday. Fifteen police officers "
                   "died in the fighting.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Non-state actor overtakes territory", "AA: Arakan Army", 15)


def test_an_event_told_over_several_days_is_one_event_a_day_with_its_dead_divided():
    # ACLED codes one event per day; a toll told for the whole span is divided across the days
    evs = _kenyan("15-16 August: Al Shabaab militants attacked the DusitD2 hotel in Westlands, Nairobi. "
                  "21 people were killed in the attack.")
    assert [(ev.date, ev.fatalities, ev.time_precision) for ev in evs] == [
        (dt.date(2019, 8, 15), 10, 1), (dt.date(2019, 8, 16), 11, 1)]
    assert {ev.actor1 for ev in evs} == {"Al Shabaab"} and len({ev.id for ev in evs}) == 2
    assert "[Day 2 of 2; the 21 killed over the 2 days are divided across them.]" in evs[1].notes
    # a duration counts back from the event's day: the days before it are known to the week only
    evs = _kenyan("On Monday, at least ten people were killed following two days of ethnic clashes in Kinango.")
    assert [(ev.date, ev.fatalities, ev.time_precision) for ev in evs] == [
        (dt.date(2019, 8, 18), 5, 2), (dt.date(2019, 8, 19), 5, 1)]
    assert {ev.sub_event_type for ev in evs} == {"Armed clash"}
    evs = _kenyan("Clashes between Pokot and Turkana raiders on Saturday and Sunday killed 20 people in Kapedo.")
    assert [(ev.date, ev.fatalities) for ev in evs] == [(dt.date(2019, 8, 17), 10), (dt.date(2019, 8, 18), 10)]


def test_an_event_known_to_the_month_only_has_no_days_to_count_back_from():
    (ev,) = _kenyan("Two days of clashes between Pokot and Turkana raiders in early August killed 10 people in Kapedo.")
    assert (ev.date, ev.time_precision, ev.fatalities) == (dt.date(2019, 8, 1), 3, 10)


def test_days_that_say_when_or_what_followed_are_no_days_of_the_event():
    (ev,) = _kenyan("A 45-year-old man was lynched by a mob on the weekend (17-18 August) in Molo.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 1)
    (ev,) = _kenyan("On Sunday, a herder was killed by gunmen in Narok. The killing sparked two days of violence.")
    assert (ev.date, ev.fatalities) == (dt.date(2019, 8, 18), 1)
    (ev,) = _kenyan("On the night of 17 to 18 August, a house was set on fire by attackers in Wote, "
                    "killing its four occupants.")
    assert ev.fatalities == 4


def test_the_dead_of_a_crowd_told_after_those_it_killed_add_up():
    # rioters are a side: their dead told in a later sentence are other dead
    (ev,) = _kenyan("1 police officer was killed by machete wielding rioters in Eldoret. 3 rioters killed.")
    assert (ev.sub_event_type, ev.fatalities) == ("Mob violence", 4)
    # the same protesters told again are not
    (ev,) = _kenyan("Police shot dead three protesters in Kisumu. The protesters were killed as they marched.")
    assert ev.fatalities == 3


def test_some_of_the_dead_or_another_report_of_them_adds_no_one():
    (ev,) = _kenyan("Gunmen killed five people in Mandera, two of them police officers.")
    assert ev.fatalities == 5
    (ev,) = _kenyan("Bandits killed six herders near Kapedo, three of whom were children.")
    assert ev.fatalities == 6
    # what other reports count is another count of the same dead: the lowest stands
    (ev,) = _kenyan("Four civilians are killed when unknown assailants attack a bus in Mandera. "
                    "Conflicting reports have eight deaths.")
    assert ev.fatalities == 4
    (ev,) = _kenyan("Gunmen killed 12 civilians in Mandera. Other reports put the toll at 4 dead.")
    assert ev.fatalities == 4


def test_what_lasts_days_but_is_no_event_divides_no_toll():
    (ev,) = _kenyan("A three-day curfew was imposed in Molo after clashes between two communities killed "
                    "12 people on Monday.")
    assert (ev.date, ev.fatalities) == (dt.date(2019, 8, 19), 12)


def test_communities_named_before_a_noun_for_them_are_the_sides_of_their_clash():
    (ev,) = _kenyan("Clashes between the Pokot and Turkana communities left three dead in Kapedo.")
    assert (ev.actor1, ev.actor2) == ("Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)")
    # the police among the dead are no side
    (ev,) = _kenyan("Three people, including a police officer, were killed in clashes between Pokot and "
                    "Turkana communities.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)", 3)
    (ev,) = _kenyan("Fighting between Degodia and Garre clans killed five in Wajir.")
    assert (ev.actor1, ev.actor2) == ("Degodia Clan Militia (Kenya)", "Garre Clan Militia (Kenya)")
    # elsewhere too: Manipur's communities, and what burnt in their clash burnt in it
    (ev,) = events("On 3 May 2023, ethnic clashes broke out between Meitei and Kuki communities in Churachandpur "
                   "(Manipur). Houses were set on fire. 5 people were killed.", dt.date(2023, 5, 6))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities, ev.location.country) == (
        "Armed clash", "Meitei Ethnic Militia (India)", "Kuki Ethnic Militia (India)", 5, "IN")
    # a community attacked is no militia: its people are civilians
    (ev,) = _kenyan("Raiders attacked the Turkana community in Kapedo, killing two.")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")


def test_what_someone_is_charged_with_is_no_event_of_its_own():
    evs = events("Five people are expected in court on Wednesday to answer charges of killing land activist "
                 "Moses ole Mpoe. Mr Mpoe's car was sprayed with bullets near Njoro last Friday. A passenger "
                 "in the car also died.")
    assert [(ev.sub_event_type, ev.date, ev.fatalities) for ev in evs] == [("Attack", dt.date(2019, 8, 16), 1)]
    assert events("Military officials have rejected accusations of bombing a mosque in Aleppo province.") == []


def test_a_passive_split_between_its_auxiliary_and_participle_keeps_its_subject():
    # "were on Tuesday killed": the parser hangs the participle on "were" as a clause of its own
    (ev,) = _kenyan("Five police officers were on Tuesday killed by bandits in Baringo.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (Kenya)", "Police Forces of Kenya (2013-2022)", 5)
    (ev,) = _kenyan("More than 20 houses were on Sunday night set ablaze by arsonists in Narok.")
    assert (ev.sub_event_type, ev.date) == ("Mob violence", dt.date(2019, 8, 18))


def test_a_participle_read_as_the_object_of_a_time_is_still_a_passive():
    # "was on Wednesday morning shot dead by police": the parser reads "shot" as a noun after "on"
    (ev,) = _kenyan("A suspected al Shabaab militant was on Wednesday morning shot dead by police in Kibundani.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Police Forces of Kenya (2013-2022)", "Al Shabaab", 1)


def test_whose_body_was_found_is_who_was_killed():
    # a soldier's body is a fight's dead, the unknown killers first
    (ev,) = _kenyan("On Tuesday, the body of a dead soldier was found by residents of Mtongwe.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (Kenya)", "Military Forces of Kenya (2013-2022)", 1)
    (ev,) = _kenyan("The body of a trader was found in Garissa on Tuesday.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Kenya)")


def test_armed_men_who_hijack_people_abduct_them():
    (ev,) = _kenyan("Five passengers in two vans were hijacked by suspected al Shabaab militia near Mandera.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Abduction/forced disappearance", "Al Shabaab", "Civilians (Kenya)")
    (ev,) = _kenyan("Gunmen hijacked a bus carrying 30 passengers near Mandera.")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    # a vehicle with no one named in it, or a crowd that takes a bus, is no abduction
    assert _kenyan("Gunmen hijacked a truck near Mandera.") == []
    assert [ev.sub_event_type for ev in _kenyan("Protesters commandeered a bus in Nairobi.")] == ["Peaceful protest"]


def test_what_another_verb_of_the_sentence_protests_is_no_intervention():
    # the arrest the lawyers protest was not made at their march
    ev = only("Hundreds of lawyers marched peacefully in Lahore on Monday to protest the arrest of a colleague.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Peaceful protest", "Protesters (Pakistan)", None)
    # arrests at the march still make it one with intervention
    ev = only("Hundreds of lawyers marched in Lahore on Monday. Police arrested 20 of them.")
    assert ev.sub_event_type == "Protest with intervention"


def test_who_did_what_a_crowd_protests_is_no_party_to_its_protest():
    (ev, *_) = _kenyan("On Monday, boda boda riders gathered in Kiamumbi to protest the killing of two of their "
                       "colleagues by gangsters. Police dispersed the group with teargas.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya (2013-2022)")
    # nor is the police whose harassment a blockade protests its second party
    (ev,) = _kenyan("On Monday, boda boda operators barricaded the Narok-Bomet road in Narok to protest the "
                    "harassment of riders by police officers.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Violent demonstration", "Rioters (Kenya)", None)


def test_armed_men_who_loot_and_burn_with_no_attack_told_destroy_property():
    # two deeds of one gang: one looting, not two that cancel each other out
    ev = only("Gunmen looted shops and torched the market in Kankara, Katsina state, on Monday before "
              "fleeing into the forest, police said.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Looting/property destruction")
    assert ev.actor1 == "Unidentified Armed Group (Nigeria)"


def test_gang_members_are_an_unidentified_armed_group():
    ev = only("Gang members attacked a police station in Port-au-Prince on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Unidentified Armed Group (Haiti)")
    assert ev.actor2.startswith("Police Forces of Haiti")


def test_homes_the_attackers_burn_in_their_attack_are_no_mob_violence():
    (ev,) = _kenyan("On Monday, herders attacked farmers in Miteta, Laikipia, killing two people and burning homes.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 2)
    # a crowd that burns homes in an attack's sentence is still a mob of its own
    evs = _kenyan("On Monday, bandits attacked Kainuk village, killing two people, and an angry mob burned the "
                  "homes of suspected bandits in Lokichar.")
    assert {e.sub_event_type for e in evs} == {"Attack", "Mob violence"}


def test_a_fight_that_tells_who_the_victims_were_is_no_event_of_its_own():
    # "fighting alongside the army" says who the volunteers were: no mob of them
    ev = only("Jihadists killed 40 civilian volunteers fighting alongside the army in an ambush near Djibo, "
              "Burkina Faso, on Monday.")
    assert (ev.sub_event_type, ev.fatalities, ev.actor1) == ("Armed clash", 40, "Unidentified Armed Group (Burkina Faso)")


def test_a_past_tense_verb_read_as_a_clause_on_a_noun_is_the_sentences_verb():
    # spaCy reads "people in Gaza City killed at least 25 people" as a reduced relative clause
    ev = only("An Israeli air strike on a school sheltering displaced people in Gaza City killed at least "
              "25 people on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Air/drone strike", "Military Forces of Israel (2009-2021)", "Civilians (Palestine)", 25)


def test_the_country_across_a_border_is_not_where_an_event_happened():
    # a base taken is ground taken, wherever the report leaves it; the country across the border
    # is neither its place nor its forces' country
    (ev,) = _in("MM", "Resistance fighters captured a military outpost near the border with China on Monday, "
                      "according to a statement from the Ta'ang National Liberation Army.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "TNLA: Ta'ang National Liberation Army")
    assert ev.actor2 == "Military Forces of Myanmar (2016-2021)"
    assert ev.location is None or ev.location.country == "MM"


def test_a_foreign_country_named_alone_does_not_outweigh_the_callers_country():
    (ev,) = _kenyan("On Monday, rioters burned a farm owned by a British citizen in protest against a UK travel "
                    "ban on a Kenyan MP.")
    assert ev.actor1 == "Rioters (Kenya)"


def test_a_name_several_missions_share_is_the_one_active_on_the_day():
    text = "A roadside bomb struck an African Union convoy near Mogadishu on Wednesday, killing two soldiers."
    assert only(text, dt.date(2019, 3, 8)).actor2 == "AMISOM: African Union Mission in Somalia (2007-2022)"
    assert only(text, dt.date(2023, 3, 10)).actor2 == "ATMIS: African Union Transition Mission in Somalia (2022-2024)"


def test_sappers_who_defuse_a_mine_are_their_countrys_forces():
    ev = only("Ukrainian sappers defused a Russian anti-tank mine found on a road near Izium on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "Military Forces of Ukraine (2019-)")


def test_armed_men_said_to_come_from_a_country_are_its_unidentified_armed_group():
    (ev,) = _kenyan("On Monday, gunmen suspected to be from neighbouring Somalia killed two herders in Mandera.")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Somalia)", "Civilians (Kenya)")
    # where the victims came from says nothing of the killers
    (ev,) = _kenyan("On Monday, gunmen killed two herders from Somalia in Mandera.")
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"


def test_a_report_of_nothing_newer_keeps_what_it_dates_in_its_own_clause():
    # a human-rights report published months later: the killings are still news to the record
    ev = only("Malian soldiers and Russian paramilitaries executed about 300 people in the central town of "
              "Moura over five days in March, Human Rights Watch said in a report published on Monday.",
              dt.date(2024, 6, 7))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Military Forces of Mali (2021-)", 300)
    assert (ev.date, ev.time_precision) == (dt.date(2024, 3, 15), 3)


def test_over_a_number_is_a_count_not_a_cause():
    # "made over 120 arrests" tells the dispersal's arrests, not what the protest was over
    (ev,) = _kenyan("Hundreds of traders protested in Kisumu on Monday. Police dispersed the group with teargas "
                    "and made over 120 arrests.")
    assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of Kenya (2013-2022)")
    (ev,) = _kenyan("Traders protested in Kisumu on Monday over the arrest of 20 hawkers.")
    assert (ev.sub_event_type, ev.actor2) == ("Peaceful protest", None)


def test_bombs_only_aircraft_drop_make_an_air_strike_and_idps_are_civilians_counted():
    ev = only("On 5 June 2024, Russian forces struck Kharkiv city with guided aerial bombs, killing 3 civilians "
              "and wounding 18.", dt.date(2024, 6, 7))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Air/drone strike", "Military Forces of Russia (2000-)", 3)
    ev = only("On 5 June 2024, CODECO militiamen attacked a displacement site in Djugu (Ituri), killing 7 IDPs.",
              dt.date(2024, 6, 7))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == (
        "Attack", "Civilians (Democratic Republic of Congo)", 7)


def test_a_toll_told_at_the_place_of_the_event_before_it_is_that_events():
    evs = _kenyan("Police in Nairobi fired tear gas at hundreds of opposition supporters on Monday. In Kisumu, "
                  "protesters burned tyres and blocked roads. Two people were shot dead in Kisumu, a hospital "
                  "official said.")
    assert [(e.sub_event_type, e.location.name, e.fatalities) for e in evs] == [
        ("Protest with intervention", "Nairobi", 0), ("Violent demonstration", "Kisumu", 2)]
    # a toll elsewhere is not
    evs = _kenyan("On Monday, protesters burned tyres and blocked roads in Kisumu. Two people were shot dead in Garissa.")
    assert len(evs) == 2


def test_a_cop_is_the_police():
    (ev,) = _kenyan("Unknown assailants ambushed a Nairobi top cop on Saturday night and shot him thrice before "
                    "making away with his firearm.")
    assert (ev.sub_event_type, ev.actor2) == ("Armed clash", "Police Forces of Kenya (2013-2022)")


def test_a_lead_that_sums_up_attacks_told_one_by_one_is_those_attacks():
    evs = events("Gunmen killed at least 20 people in two attacks on villages in northwest Nigeria's Zamfara state, "
                 "police said on Monday. In the first attack on Sunday, the gunmen stormed Kadisau village and "
                 "opened fire on residents. Hours later, another group attacked the nearby village of Dansadau, "
                 "killing five people and stealing livestock.", dt.date(2024, 6, 4))
    assert [(e.sub_event_type, e.location.text, e.fatalities) for e in evs] == [
        ("Attack", "Kadisau", 15), ("Attack", "Dansadau", 5)]
    # told alone, the sum is the event
    (ev,) = events("Gunmen killed at least 20 people in two attacks on villages in Zamfara state on Sunday, police said.",
                   dt.date(2024, 6, 4))
    assert ev.fatalities == 20


def test_what_a_claim_tells_of_the_attack_it_reports_is_that_attacks():
    # the soldiers JNIM says it killed in the camp it claims make the attack a battle
    ev = only("JNIM claimed responsibility for an attack on a military camp in Boulkessi on Sunday in which it "
              "said it killed dozens of soldiers. The army said 10 soldiers died.", dt.date(2024, 6, 4))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Armed clash", "JNIM: Jama'at Nusrat al-Islam wal-Muslimin", 10)
    assert ev.actor2.startswith("Military Forces of Mali")


def test_police_who_fire_at_rioters_are_the_second_side():
    # Senegal's police are no crowd: the rioters come first, the police who fired second
    ev = only("Police in Dakar fired tear gas at opposition supporters who burned tyres and looted shops on "
              "Friday after the conviction of their leader.", dt.date(2024, 6, 8))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Violent demonstration", "Rioters (Senegal)", "Police Forces of Senegal (2024-)")


def test_a_political_sides_supporters_who_fight_the_police_demonstrate():
    ev = only("Supporters of former prime minister Imran Khan clashed with police in Islamabad on Tuesday, "
              "throwing stones and setting vehicles on fire.", dt.date(2024, 6, 8))
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Pakistan)")
    # two sides' supporters who fight each other are mobs
    (ev,) = _kenyan("On Monday, Jubilee and ODM supporters clashed in Kisumu.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")


def test_a_road_crash_or_an_accidental_fire_is_no_event():
    assert _kenyan("Two people were killed when a matatu collided with a lorry on the Nairobi-Nakuru highway on Monday.") == []
    assert events("A fire at a migrant detention centre in Sanaa killed dozens of people on Monday, the UN said.") == []
    # fire that gunmen open is their attack
    (ev,) = _kenyan("Gunmen opened fire at a bus in Mandera on Monday, killing two.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 2)


def test_countries_named_as_brokers_are_neither_the_place_nor_the_parties():
    (ev,) = _in("SD", "The army and the RSF agreed on Saturday to a 72-hour ceasefire brokered by the United States "
                      "and Saudi Arabia.", dt.date(2024, 6, 8))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces")
    assert ev.location is None or ev.location.country == "SD"


def test_a_states_execution_of_a_courts_sentence_is_no_event():
    assert events("Iraqi authorities executed 21 people convicted of terrorism at Nasiriyah prison on Monday.") == []
    # an armed group's "court" is no court
    ev = only("Al-Shabaab publicly executed two men it had sentenced for spying in Jilib on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Al Shabaab", 2)


def test_rival_armed_men_who_fight_are_both_sides_and_their_dead_one_toll():
    ev = only("Rival militias exchanged fire in Tripoli's Souq al-Juma district overnight, killing at least "
              "three people.", dt.date(2024, 6, 8))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities, ev.location.name) == (
        "Armed clash", "Unidentified Armed Group (Libya)", "Unidentified Armed Group (Libya)", 3, "Tripoli")


def test_clashes_among_armed_men_of_one_noun_are_a_battle_and_their_dead_no_side():
    ev = only("Clashes among rival militias in Tripoli killed 32 people on Monday.", dt.date(2024, 6, 8))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (Libya)", "Unidentified Armed Group (Libya)", 32)
    # rival youths are crowds
    (ev,) = _kenyan("Clashes between rival youths in Kibera left two people injured on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_armed_men_no_actor_names_who_attack_are_the_first_side_not_their_targets():
    # "fighters" and "raiders" are no listed actor: the gendarmes they killed did not attack
    for text in ("Fighters attacked a gendarmerie post in Bamenda on Tuesday, killing two gendarmes.",
                 "Raiders attacked a police post in Bamenda on Tuesday, killing two policemen."):
        (ev,) = _in("CM", text)
        assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
            "Armed clash", "Unidentified Armed Group (Cameroon)", "Police Forces of Cameroon (1982-)", 2)
    # attacked, the police stay first, as ACLED lists a named side
    (ev,) = _in("CM", "Police were attacked by unknown men in Bamenda on Tuesday.")
    assert (ev.actor1, ev.actor2) == ("Police Forces of Cameroon (1982-)", "Unidentified Armed Group (Cameroon)")


def test_a_protest_still_to_come_is_no_protest_of_the_arrests_before_it():
    (ev,) = _in("BI", "Police in Bujumbura arrested 15 opposition activists on Wednesday ahead of a planned "
                      "demonstration.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Arrests", "Police Forces of Burundi (2005-2020)", "Civilians (Burundi)")
    assert events("Residents fled on Monday ahead of an expected offensive on the town.") == []


def test_what_a_strike_hit_named_as_targets_is_its_second_party():
    (ev,) = _in("IQ", "Turkish warplanes struck PKK targets in northern Iraq on Sunday, the defence ministry said.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Air/drone strike", "Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party")


def test_rebels_said_to_be_linked_to_or_behind_it_are_the_group_named():
    (ev,) = _in("MZ", "Insurgents linked to the Islamic State beheaded three villagers near Macomia on Sunday.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Islamic State (Mozambique)", 3)
    (ev,) = _in("CD", "Rebels attacked a village on Sunday, killing four people. Police said the FDLR was behind "
                      "the attack.")
    assert ev.actor1 == "FDLR: Democratic Forces for the Liberation of Rwanda"


def test_who_was_behind_it_is_the_subject_of_behind_not_who_said_so():
    # "Al Shabaab ... stated that Kenyan security forces were behind the killing": no claim of its own
    (ev,) = _kenyan('A cleric known as "Makaburi" was shot dead by unidentified assailants as he left a court '
                    "hearing. Al Shabaab, of whom Makaburi is in league, stated that Kenyan security forces were "
                    "behind the killing.")
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"
    # people suspected of backing a group did nothing told
    (ev,) = _kenyan("Three people were killed when bombs exploded in two buses in Nairobi. There was no claim of "
                    "responsibility, although police are cracking down on suspected supporters of the Shebab.")
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"


def test_an_aid_groups_convoy_ambushed_is_an_attack_on_civilians():
    (ev,) = _in("SS", "Unknown gunmen ambushed a World Food Programme convoy near Yei on Tuesday, killing a driver.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Unidentified Armed Group (South Sudan)", "Civilians (South Sudan)", 1)
    assert "WFP: World Food Programme" in ev.assoc_actor_2


def test_the_attackers_fate_before_being_shot_is_not_who_did_the_attack():
    (ev,) = _in("IL", "A Palestinian gunman opened fire at a bus stop in Jerusalem on Thursday, killing three "
                      "Israelis before being shot dead by off-duty soldiers.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Unidentified Armed Group (Palestine)", "Civilians (Israel)", 3)
    # what a victim died "after being" put through is the deed
    (ev,) = _kenyan("A woman died in Mombasa on Monday night after allegedly being tortured by the police.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Police Forces of Kenya (2013-2022)", 1)


def test_clashes_that_broke_out_between_armed_groups_are_fought_by_them():
    (ev,) = _in("LY", "Heavy clashes broke out between rival armed groups in Tripoli on Monday night, leaving 55 "
                      "people dead, the health ministry said.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (Libya)", "Unidentified Armed Group (Libya)", 55)


def test_a_province_is_in_no_town_and_a_name_a_province_once_bore_is_the_province_now():
    # "a worker from Bihar in Pulwama": Bihar (a state) does not lie in Pulwama, so Pulwama stays
    (ev,) = _in("IN", "Suspected militants shot dead a migrant worker from Bihar in Pulwama district of Kashmir "
                      "on Sunday.")
    assert ev.location.name == "Pulwama"
    # Parwan lists "Panjshir", the name of its part that is a province of its own since 2004
    (ev,) = _in("AF", "Taliban fighters clashed with the National Resistance Front in Panjshir on Friday.")
    assert (ev.actor1, ev.actor2, ev.location.name) == ("Taliban", "NRF: National Resistance Front", "Panjshir")


def test_a_flash_mob_is_a_protest_and_football_hooligans_are_a_mob():
    (ev,) = _in("TH", "Pro-democracy activists held a flash mob in Bangkok on Sunday to call for the release of "
                      "political prisoners.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Thailand)")
    (ev,) = _in("RS", "Football hooligans attacked a migrant camp in Subotica on Saturday, injuring three people.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Serbia)", "Civilians (Serbia)")


def test_a_base_set_up_and_prisoners_swapped_are_no_party():
    (ev,) = _in("SY", "HTS established a new military headquarters in Sarmada on Tuesday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Headquarters or base established", "Hayat Tahrir al-Sham", None)
    (ev,) = _in("CD", "The army and the rebels exchanged 40 prisoners in Goma on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "Military Forces of the Democratic Republic of Congo (2019-)",
        "Opposition Rebels (Democratic Republic of Congo)")


def test_projectiles_fired_from_abroad_are_an_armed_group_of_that_country():
    (ev,) = _in("IL", "Rockets fired from Gaza landed in open areas near Sderot on Tuesday. No injuries were reported.")
    assert (ev.sub_event_type, ev.actor1) == (
        "Shelling/artillery/missile attack", "Unidentified Armed Group (Palestine)")


def test_what_a_force_used_its_means_for_it_did():
    (ev,) = _in("PK", "Police used batons to disperse a protest by teachers in Lahore on Monday, injuring 15.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Pakistan)", "Police Forces of Pakistan (2018-2022)")


def test_a_closing_participle_the_parse_hung_on_a_time_clause_is_the_main_doers():
    # "..., injuring 6 policemen" hangs on "died" in the parse: the mob injured them, one event
    evs = _in("IN", "A mob of around 200 villagers attacked a police station in Purnia on Monday after a youth "
                    "died in custody, injuring 6 policemen.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        ("Mob violence", "Rioters (India)", "Police Forces of India (2014-)")]


def test_speakers_the_parse_read_into_the_list_of_the_dead_are_not_the_dead():
    (ev,) = _in("MM", "Myanmar's military carried out airstrikes on a village in Sagaing region on Tuesday, killing at "
                      "least 30 people, including children, residents and a rebel group said.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Air/drone strike", "Civilians (Myanmar)", 30)


def test_a_forces_own_aircraft_are_the_force():
    (ev,) = _in("SD", "The army said its aircraft had struck RSF positions east of El Obeid on Thursday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Air/drone strike", "Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces")


def test_the_rebels_after_a_named_groups_rebels_are_that_group():
    evs = _in("CD", "Fighting between M23 rebels and the Congolese army forced thousands of people to flee their "
                    "homes in North Kivu this week. The rebels took control of the town of Kitshanga on Thursday "
                    "after two days of clashes, residents said.")
    taken = next(e for e in evs if e.sub_event_type == "Non-state actor overtakes territory")
    assert (taken.actor1, taken.location.name) == ("M23: March 23 Movement", "Kitshanga")


def test_a_dispersal_told_as_what_a_protests_deaths_followed_is_that_protest():
    evs = _in("SD", "At least two people were killed in an opposition protest in Omdurman on Wednesday after security "
                    "forces used tear gas and bullets to disperse demonstrators.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Excessive force against protesters", 2)]


def test_the_lowest_toll_of_two_sources_is_the_events():
    (ev,) = _in("BF", "More than 100 people were killed in an attack on the town of Barsalogho on Saturday, according "
                      "to a security source; the government put the toll at 40.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 40)


def test_insurgents_in_mozambique_are_its_islamic_state_and_elsewhere_rebels():
    (ev,) = _in("MZ", "Insurgents beheaded five people in a village over the weekend, a local official said on Monday.")
    assert (ev.actor1, ev.fatalities) == ("Islamic State (Mozambique)", 5)
    (ev,) = _in("NG", "Insurgents beheaded five people in a village over the weekend, a local official said on Monday.")
    assert ev.actor1 == "Opposition Rebels (Nigeria)"


def test_who_set_off_a_blast_targeting_others_did_it_and_who_ran_into_a_mine_was_hit():
    (ev,) = _in("IN", "Maoists triggered an IED blast targeting a security forces vehicle in Dantewada on Sunday, "
                      "killing 10 policemen.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Remote explosive/landmine/IED", "CPI (Maoist): Communist Party of India (Maoist)",
        "Police Forces of India (2014-)", 10)
    (ev,) = _in("IN", "A police patrol triggered a landmine in Dantewada on Sunday, killing two policemen.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "Unidentified Armed Group (India)", "Police Forces of India (2014-)", 2)


def test_an_armed_strike_declared_is_a_groups_activity_not_an_attack_a_day():
    (ev,) = _in("CO", "The ELN declared a 3-day armed strike in Choco department on Wednesday.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Change to group/activity", "ELN: National Liberation Army", 0)


def test_a_states_strike_told_with_no_weapon_is_from_the_air():
    (ev,) = _in("SY", "An Israeli strike on the outskirts of Damascus killed four people on Wednesday evening.")
    assert (ev.event_type, ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel (2009-2021)", 4)
    # troops who strike a school are on the ground
    (ev,) = _in("PS", "Israeli troops struck a school in Gaza on Monday.")
    assert ev.sub_event_type == "Attack"


def test_the_group_men_say_they_are_of_is_who_did_what_they_say_they_did():
    (ev,) = _in("ML", "Tuareg rebels of the CSP-PSD said they had shot down a Malian army drone near Kidal on Sunday.")
    assert (ev.sub_event_type, ev.actor1) == (
        "Disrupted weapons use", "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development")


def test_a_raid_told_only_by_the_arrests_made_in_it_is_an_arrest():
    (ev,) = _in("TR", "Turkish police detained 60 people in raids against suspected IS members in Istanbul on Tuesday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Arrests", "Police Forces of Turkey (2016-)", "Islamic State (Turkey)")


def test_who_a_report_is_attributed_to_after_the_deed_did_not_do_it():
    (ev,) = _in("HN", "Members of the MS-13 gang killed a bus driver in Tegucigalpa on Monday for failing to pay "
                      "extortion, police said.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "MS-13: Mara Salvatrucha", 1)
    (ev,) = _in("GT", "A mob burned alive a man accused of theft in a village in Alta Verapaz on Saturday, police said.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Mob violence", "Rioters (Guatemala)", 1)


def test_a_states_sniper_fire_is_its_forces_and_pro_russian_separatists_outside_ukraine_are_rebels():
    (ev,) = _in("AM", "An Armenian soldier was killed by Azerbaijani sniper fire on the border near Tegh on Monday.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == (
        "Military Forces of Azerbaijan (2003-)", "Military Forces of Armenia (2018-)", 1)
    (ev,) = _in("GE", "Pro-Russian separatists detained a Georgian citizen near the administrative boundary line on "
                      "Tuesday.")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Opposition Rebels (Georgia)")


def test_the_hurt_of_a_crowds_clash_with_police_are_the_riots():
    evs = _in("BO", "Supporters of former president Evo Morales clashed with police on a highway near Parotani on "
                    "Thursday; 20 officers were injured.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        ("Violent demonstration", "Rioters (Bolivia)", "Police Forces of Bolivia (2006-2019)")]


def test_guards_a_company_hires_are_private_security_forces_listed_second_when_attacked():
    (ev,) = _in("ZA", "Armed robbers shot dead a security guard during a cash-in-transit heist in Johannesburg on "
                      "Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Armed Group (South Africa)", "Private Security Forces (South Africa)", 1)
    (ev,) = _kenyan("A hotel security guard was shot and killed after ten gunmen dressed in police uniform attacked "
                    "him in Diani on Sunday.")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Kenya)", "Private Security Forces (Kenya)")


def test_a_fuel_tanker_explosion_is_an_accident_and_a_siege_does_not_hide_the_burning():
    assert _in("NG", "A tanker explosion in Niger state killed 98 people who were scooping fuel on Saturday.") == []
    (ev,) = _in("ML", "Jihadists besieged the town of Lere and burned two trucks carrying food on Sunday.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Unidentified Armed Group (Mali)")


def test_recruits_killed_at_a_training_camp_are_the_military():
    (ev,) = _in("SO", "A suicide bomber blew himself up at a military training camp in Mogadishu on Saturday, killing "
                      "25 recruits; al-Shabaab claimed responsibility.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Suicide bomb", "Al Shabaab", "Military Forces of Somalia (2017-2022)", 25)


def test_a_claim_of_an_attack_not_told_before_reports_it():
    (ev,) = _in("YE", "Houthis claim missile attack on ship in Red Sea")
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Houthi Movement")
    (ev,) = _in("YE", "The Houthis claimed an attack on a ship in the Red Sea on Monday.")
    assert ev.actor1 == "Houthi Movement"


def test_indias_paramilitary_police_and_its_jawans_and_maoists_who_trigger_a_bomb():
    (ev,) = _in("IN", "Three CRPF jawans were killed when Maoists triggered an IED in Bijapur on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Remote explosive/landmine/IED", "CPI (Maoist): Communist Party of India (Maoist)",
        "Police Forces of India (2014-)", 3)
    (ev,) = _in("IN", "Maoists kill 3 jawans in Chhattisgarh IED blast")
    assert (ev.actor2, ev.fatalities) == ("Military Forces of India (2014-)", 3)


def test_an_attack_foiled_did_not_happen():
    (ev,) = _in("IQ", "Iraqi forces foiled a suicide attack in Kirkuk on Monday, arresting a would-be bomber wearing "
                      "an explosive vest.")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Military Forces of Iraq (2018-2020)")
    assert _kenyan("Police thwarted an attack on a church in Mombasa on Sunday.") == []


def test_a_town_written_with_its_state_is_the_event_place_where_the_gazetteer_had_no_state_for_it():
    (ev,) = _in("BR", "On 1 June 2024, indigenous people blocked the BR-163 highway in Novo Progresso (Para) to "
                      "protest against a land bill.", dt.date(2024, 6, 7))
    assert (ev.location.name, ev.location.admin1) == ("Novo Progresso", "Para")


def test_projectiles_told_by_where_they_came_down_are_a_shelling_and_rain_that_fell_takes_no_town():
    (ev,) = _in("IQ", "Two Katyusha rockets landed near the US embassy in Baghdad on Saturday. No casualties. The "
                      "attack was not claimed.")
    assert (ev.sub_event_type, ev.actor1, ev.location.name) == (
        "Shelling/artillery/missile attack", "Unidentified Armed Group (Iraq)", "Baghdad")
    assert _in("IQ", "Heavy rain fell on the city on Monday.") == []
    (ev,) = _in("CD", "Goma fell to M23 rebels on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "M23: March 23 Movement")


def test_acled_notes_as_for_al_shabaab():
    (ev,) = _in("SO", "On 2 June 2024, AS militants attacked an SNA position in Mahaday (Jowhar, Middle Shabelle), "
                      "resulting in 4 fatalities on both sides.", dt.date(2024, 6, 7))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities, ev.location.name) == (
        "Armed clash", "Al Shabaab", 4, "Mahaday")


def test_a_place_told_as_near_a_town_is_no_namesake_far_from_it():
    # "Abu Shouk near El Fasher": the camp is not in the gazetteer; Abu Suq lies 390 km away
    (ev,) = _in("SD", "On 2 June 2024, the RSF shelled a displacement camp in Abu Shouk near El Fasher, killing 6 IDPs.",
                dt.date(2024, 6, 7))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities, ev.location.name) == (
        "Shelling/artillery/missile attack", "RSF: Rapid Support Forces", 6, "El Fasher")


def test_militias_fighting_for_the_government_are_acleds_one_pro_government_militia():
    (ev,) = _in("AF", "Two Arbakis were killed by Taliban militants in Puli Alam city, Logar, on Tuesday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Taliban", "Militia (Pro-Government)", 2)
    (ev,) = _in("AF", "Pro-government militiamen shot dead two civilians in Kunduz city on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Attack", "Militia (Pro-Government)", "Civilians (Afghanistan)")
    from warwire import actors
    assert actors.inter_code("Militia (Pro-Government)") == 3
    # a single policeman is the police, named first; a former soldier is no longer the army
    (ev,) = _in("AF", "On Monday, 1 policeman and 1 'Arbaki' were killed following attacks by Taliban "
                      "militants on a check point in Aqcha district, Jowzjan.")
    assert (ev.actor2, ev.fatalities) == ("Police Forces of Afghanistan (2014-2021)", 2)
    (ev,) = _in("NG", "Angry youths set ablaze a police station in Ughelli on Monday after a policeman shot a "
                      "tricycle rider dead.")[-1:]
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Police Forces of Nigeria (2015-2023)", "Civilians (Nigeria)", 1)
    (ev,) = _in("KE", "A former soldier shot dead his neighbour in Nakuru on Sunday.")
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"


def test_the_town_a_place_is_told_by_is_no_second_event_place():
    # "near Tarmiyah, north of Baghdad", "Kansafra in Idlib's Jabal al-Zawiya region", "Turmus
    # Ayya near Ramallah": one event, at the first place, with its toll once
    cases = [
        ("IQ", "A roadside bomb tore through an Iraqi army vehicle near the town of Tarmiyah, north of Baghdad, on "
               "Sunday, killing two soldiers and wounding three others, two security sources said.", "Tarmiyah", 2),
        ("SY", "Syrian government artillery shelled the village of Kansafra in Idlib's Jabal al-Zawiya region on "
               "Monday, killing a woman and her two children, the Syrian Civil Defence said.", "Kansafra", 3),
        ("SY", "Islamic State militants ambushed a convoy near the desert town of al-Sukhnah, 70 km east of Homs, on "
               "Monday, killing at least 20 soldiers, a war monitor said.", "Sukhnah", 20),
    ]
    for cc, text, town, dead in cases:
        evs = _in(cc, text)
        assert len(evs) == 1, [(e.sub_event_type, e.location.name) for e in evs]
        assert town.lower()[:6] in evs[0].location.name.lower().replace("-", " ") \
            or town.lower() in evs[0].location.name.lower(), evs[0].location.name
        assert evs[0].fatalities == dead


def test_who_took_a_place_decides_its_type_not_who_backed_them():
    # a rebel group backed by a foreign army overtakes; a state's army abroad overtakes too; the
    # side a place was taken from is actor2 though the parse hangs "from" on the place
    (ev,) = _in("CD", "M23 fighters backed by Rwandan troops seized the centre of Goma and its airport on Monday "
                      "after overnight fighting with the Congolese army.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "M23: March 23 Movement")
    (ev,) = _in("UA", "Ukraine's military said on Monday that its troops had fully retaken Robotyne in Zaporizhzhia "
                      "oblast from Russian forces after weeks of heavy fighting.")
    assert (ev.sub_event_type, ev.actor2) == ("Government regains territory", "Military Forces of Russia (2000-)")


def test_deeds_a_commemoration_remembers_are_no_news():
    # the cadets "massacred" describe who gathers; the killings "in June 2014" are ten years old
    assert _in("IQ", "Families of hundreds of Iraqi air force cadets massacred by Islamic State militants near Tikrit "
                     "gathered on Monday to mark the tenth anniversary of the Camp Speicher killings. Some 1,700 "
                     "recruits were executed after the militants overran the area in June 2009.") == []
    # a report of nothing newer still tells what it dates within the year
    (ev,) = _in("ML", "Soldiers executed 300 people in Moura over five days in March, HRW said in a report.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 300)
    # and what it dates to the day, however long ago (a rights group's report on an old massacre)
    (ev,) = _in("NG", "Gunmen killed 12 farmers in Jere on 8 June 2023.", dt.date(2024, 6, 10))
    assert (ev.date, ev.fatalities) == (dt.date(2023, 6, 8), 12)
    # beside news, it is background
    (ev,) = _in("NG", "On Monday, gunmen killed two farmers in Jere. On 8 June 2023, gunmen killed 12 farmers "
                      "in the same village.", dt.date(2024, 6, 12))
    assert (ev.date, ev.fatalities) == (dt.date(2024, 6, 10), 2)


def test_people_counted_then_befallen_as_them_are_the_toll():
    (ev,) = _in("PK", "BLA fighters blocked the highway in Musakhel district on Monday, pulled 23 passengers off trucks "
                      "and buses, and shot them dead after checking their identity cards.")
    assert (ev.actor1, ev.fatalities) == ("BLA: Balochistan Liberation Army", 23)
    # "shot" read as a noun ("a motorcycle shot"): the one shot dead is still one killed
    (ev,) = _in("TH", "Gunmen on a motorcycle shot dead a Buddhist rubber tapper in Rueso district on Friday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Attack", 1)
    # released, they were not harmed
    (ev,) = _in("PK", "Police arrested 12 suspects in Quetta on Monday and later released them.")
    assert (ev.sub_event_type, ev.fatalities) == ("Arrests", 0)


def test_a_clause_after_a_semicolon_does_not_unsay_the_one_before():
    (ev,) = _in("PH", "An army explosive ordnance team defused a roadside bomb planted along the highway in "
                      "Datu Piang on Monday; the military blamed the Bangsamoro Islamic Freedom Fighters (BIFF).")
    assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "Military Forces of the Philippines (2016-2022)")
    (ev,) = _in("SO", "Residents said al Shabaab publicly executed two men accused of spying for the government in "
                      "Jilib on Monday; the exact date could not be confirmed.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Al Shabaab", 2)


def test_who_holds_the_place_or_whom_the_victims_are_linked_to_is_not_the_target():
    (ev,) = _in("SD", "SAF warplanes bombed the weekly market in Kabkabiya, an RSF-controlled town in North Darfur, "
                      "on Monday, killing at least 60 civilians, according to local activists.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Air/drone strike", "Civilians (Sudan)", 60)
    (ev,) = _in("ET", "ENDF soldiers went house to house in Merawi on Monday, shooting dead at least 45 civilians "
                      "they accused of supporting Fano militiamen, residents told reporters.")
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Ethiopia)")
    (ev,) = _in("BF", "JNIM fighters attacked residents who had been ordered by the army to dig defensive trenches "
                      "around Barsalogho on Monday, killing at least 130 civilians.")
    assert (ev.actor1, ev.actor2) == ("JNIM: Jama'at Nusrat al-Islam wal-Muslimin", "Civilians (Burkina Faso)")


def test_a_crowds_violence_told_with_a_demonstration_is_mob_violence_not_a_peaceful_protest():
    (ev,) = _in("BD", "Anti-government student protesters and Awami League activists armed with sticks and machetes "
                      "fought pitched battles in Dhaka on Monday, leaving three people dead.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Mob violence", "Rioters (Bangladesh)", 3)


def test_an_outlet_or_a_base_named_after_a_place_is_no_event_place_and_an_ongoing_push_no_event():
    # "the Houthi-run Saba news agency made no mention of the fighting" adds no clash at Saba'
    (ev,) = _in("YE", "Fighting between Houthi rebels and pro-government forces raged overnight on the outskirts of Taiz, "
                      "leaving four government soldiers and three Houthi fighters dead, a military official said on "
                      "Monday. The Houthi-run Saba news agency made no mention of the fighting.")
    assert (ev.sub_event_type, ev.fatalities, ev.location.admin1) == ("Armed clash", 7, "Ta`izz")
    # "the Norway-based rights group" puts nothing in Norway
    (ev,) = _in("IR", "Iranian security forces opened fire on protesters in the town of Oshnavieh on Monday, rights "
                      "groups said. The Norway-based Kurdish rights group Hengaw said at least two protesters were shot "
                      "dead in the town.")
    assert (ev.actor2, ev.location.country) == ("Protesters (Iran)", "IR")
    # an offensive pressed "since February" is the background of the missile strike, no battle
    (ev,) = _in("YE", "Houthi forces fired a ballistic missile at a government military camp west of Marib on Sunday, "
                      "killing at least eight soldiers, a military source said. The Houthis have been pressing an "
                      "offensive on Marib since February.", published=dt.date(2021, 3, 2))
    assert (ev.sub_event_type, ev.fatalities) == ("Shelling/artillery/missile attack", 8)
    # an explosion whose cause is unknown is no attack
    assert _in("SY", "An explosion at an arms depot in Hama on Monday killed five soldiers; the cause was not "
                     "immediately known.") == []


def test_a_swap_of_captives_is_an_agreement_between_who_made_it():
    (ev,) = _in("YE", "Yemen's internationally recognised government and the Houthi movement began swapping nearly 900 "
                      "prisoners on Friday in an exchange brokered by the United Nations.", published=dt.date(2023, 4, 14))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "Military Forces of Yemen (2022-)", "Houthi Movement")
    (ev,) = _in("UA", "Russia and Ukraine exchanged 95 prisoners of war each on Monday, mediated by the UAE.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Agreement", "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")
    # a government named by its demonym is that state's, wherever it signed
    (ev,) = _in("ET", "The Ethiopian federal government and the Tigray People's Liberation Front signed a peace "
                      "agreement in Pretoria on Monday.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Ethiopia (2018-)", "TPLF: Tigray People's Liberation Front")
    # fire exchanged is a fight
    (ev,) = _in("YE", "Troops exchanged fire with militants near Marib on Monday.")
    assert ev.sub_event_type == "Armed clash"


def test_a_warrant_over_killings_tells_no_event_and_a_protest_is_no_cause_of_its_own():
    assert _in("BD", "A Dhaka tribunal on Monday issued arrest warrants for several former ministers over the killings "
                     "of protesters during the uprising.") == []
    (ev,) = _in("KE", "Operations at the governor's office in Nyahururu Town were paralysed on Monday following "
                      "protests against the County Public Service Board.")
    assert ev.sub_event_type == "Peaceful protest"


def test_who_is_blamed_in_a_participle_or_before_a_relative_clause_did_it():
    (ev,) = _in("KE", "Five Kenyan police officers were killed when their vehicle struck a roadside bomb near Elwak in "
                      "Mandera county on Monday morning, police said, blaming al Shabaab militants based across the "
                      "border in Somalia.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Al Shabaab", "Police Forces of Kenya (2013-2022)", 5)
    (ev,) = _in("SD", "At least seven people were killed when artillery shells slammed into the central market of "
                      "Dilling on Monday, a medical source said. Local authorities blamed the SPLM-N faction led by "
                      "Abdelaziz al-Hilu, which has allied itself with the RSF.")
    assert ev.actor1 == "SPLM-N: Sudan People's Liberation Movement-North"


def test_a_toll_is_another_count_of_the_same_dead_and_an_accidents_dead_are_no_events():
    (ev,) = _in("KE", "Police fired tear gas and live rounds at demonstrators in Nairobi on Monday. Amnesty Kenya said "
                      "at least eight people were shot dead in the capital, while the Kenya National Commission on "
                      "Human Rights put the nationwide toll at 16.")
    assert ev.fatalities == 8
    (ev,) = _in("KE", "Five Kenyan police officers were killed when their vehicle struck a roadside bomb near Elwak on "
                      "Monday morning, police said. Separately, a bus crash on the Nairobi-Nakuru highway killed 12 "
                      "passengers on Sunday night.")
    assert (ev.sub_event_type, ev.fatalities) == ("Remote explosive/landmine/IED", 5)


def test_the_people_who_tell_a_toll_are_not_counted_in_it():
    (ev,) = _in("ML", "At least 13 civilians, among them women and children, were killed when a drone struck a weekly "
                      "livestock market near Diafarabe on Sunday, two local elected officials said.")
    assert (ev.sub_event_type, ev.fatalities) == ("Air/drone strike", 13)


def test_a_states_ground_troops_are_its_army_and_two_clans_are_both_sides():
    (ev,) = _in("LB", "Israeli ground troops and Hezbollah fighters clashed in the vicinity of Aita al-Shaab on Monday; "
                      "the Israeli army confirmed that two of its soldiers were killed.")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Military Forces of Israel (2009-2021)", "Hezbollah", 2)
    (ev,) = _in("IQ", "Two clans clashed with medium weapons over a land dispute in Suq al-Shuyukh on Monday, killing "
                      "three people.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Armed clash", "Unidentified Communal Militia (Iraq)", "Unidentified Communal Militia (Iraq)", 3)


def test_arrests_for_crimes_and_a_forecast_are_no_events_arrests_at_a_protest_are_its_intervention():
    assert _in("PH", "Drug enforcement agents seized 1.4 tonnes of methamphetamine from a warehouse in Alitagtag on "
                     "Sunday and arrested the driver of a delivery truck.") == []
    assert _in("KE", "A bank employee was arrested in Mombasa on Monday over the theft of 30 million shillings.") == []
    (ev,) = _in("PH", "Police arrested two Abu Sayyaf members for drug trafficking in Jolo on Sunday.")
    assert (ev.sub_event_type, ev.actor2) == ("Arrests", "Abu Sayyaf Group")
    assert _in("NG", "Unless state police are introduced, bandits will continue to hold rural communities hostage, a "
                     "former inspector-general of police argues in an opinion piece.") == []
    (ev,) = _in("AR", "Police used pepper spray and batons to clear retirees who were demonstrating over pension cuts "
                      "outside Congress in Buenos Aires on Monday, and four people were detained.")
    assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of Argentina (2015-2019)")


def test_unknown_miscreants_arson_and_a_faction_breaking_away():
    (ev,) = _in("BD", "Unidentified miscreants set fire to the empty office of the Awami League in Bogura town late on "
                      "Monday night, destroying furniture and documents.")
    assert (ev.sub_event_type, ev.actor1) == ("Looting/property destruction", "Unidentified Armed Group (Bangladesh)")
    (ev,) = _in("PK", "A TTP faction in North Waziristan broke away from the group on Sunday.")
    assert (ev.sub_event_type, ev.actor1) == ("Change to group/activity", "TTP: Tehreek-e-Taliban Pakistan")


def test_an_analysts_town_district_province_bracket_places_the_town():
    # the gazetteer files Zliten under Misrata, the note under Murqub; the bracket says it is a
    # place though the tagger reads a person; a district of a state is no part of a namesake town
    (ev,) = _in("LY", "On Monday, angry residents pelted the municipal council headquarters in Zliten (Zliten, Murqub) "
                      "with stones and set part of the building on fire.")
    assert ev.location.name == "Zliten"
    (ev,) = _in("TR", "Turkish soldiers clashed with PKK militants in the rural area of Semdinli (Semdinli, Hakkari) "
                      "on Monday, killing two militants.")
    assert ev.location.name == "Semdinli"  # (display names are plain ASCII)
    (ev,) = _in("EG", "On Monday, police killed three suspected militants during a shootout in Al-Arish (Al-Arish, "
                      "North Sinai).")
    assert ev.location.name in ("Al-Arish", "Arīsh", "Arish")
    (ev,) = _in("IN", "Three militants were killed in an exchange of fire with security forces in the Kupwara "
                      "district of Jammu and Kashmir on Monday, the army said.")
    assert ev.location.name.startswith("Kup")


def test_a_pact_defied_is_no_agreement_and_where_the_losers_withdrew_to_changed_no_hands():
    (ev,) = _in("MM", "A military air strike hit a school in the village of Oe Htein Kwin in Sagaing region on Monday "
                      "morning, killing 20 children. The strike came despite a ceasefire declared after the March "
                      "earthquake.")
    assert ev.sub_event_type == "Air/drone strike"
    (ev,) = _in("SO", "Al Shabaab militants seized the town of Moqokori in Hiiraan region on Sunday after a day-long "
                      "battle with government troops, residents said. 'The soldiers withdrew toward Jalalaqsi in the "
                      "evening and the Shabaab raised their flag,' a resident said.")
    assert (ev.sub_event_type, ev.actor1) == ("Non-state actor overtakes territory", "Al Shabaab")


def test_a_bombing_dated_by_its_own_clause_and_religious_crowds_clashing():
    # the day of the denial is not the bombing's: one event, last week
    (ev,) = _in("PK", "The banned Tehreek-e-Taliban Pakistan on Monday denied any role in the suicide bombing that "
                      "killed five Chinese engineers in Besham last week.")
    assert (ev.sub_event_type, ev.fatalities, ev.date) == ("Suicide bomb", 5, dt.date(2019, 8, 15))
    (ev,) = _in("IN", "Two people were killed and several shops torched when clashes broke out between Hindu and "
                      "Muslim groups during a religious procession in Bahraich district on Sunday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Mob violence", "Rioters (India)", "Rioters (India)", 2)


def test_a_sit_in_broken_up_with_arrests_is_a_protest_with_intervention():
    (ev,) = _in("PK", "Police used tear gas and detained dozens of participants to break up a Baloch Yakjehti "
                      "Committee sit-in in Gwadar on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protest with intervention", "Protesters (Pakistan)", "Police Forces of Pakistan (2018-2022)")


def test_an_attack_told_first_by_who_is_blamed_or_claims_it_is_news():
    (ev,) = _in("KE", "Police in Mandera blamed al Shabaab for a roadside bomb that ripped through a passenger bus near "
                      "Elwak on Monday, killing three people.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities, ev.location.name) == (
        "Remote explosive/landmine/IED", "Al Shabaab", 3, "El Wak")
    (ev,) = _in("NG", "Zamfara police blamed bandits for the abduction of 20 villagers from Kaura Namoda on Sunday.")
    assert ev.sub_event_type == "Abduction/forced disappearance"
    (ev,) = _in("PK", "Islamic State claimed responsibility on Tuesday for a suicide bombing at a Shia mosque in "
                      "Peshawar on Monday that killed 12 worshippers.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Suicide bomb", "Islamic State (Pakistan)", 12)
    # the attack told before is no new event
    assert _in("KE", "Police blamed al Shabaab for the attack.") == []


def test_what_could_have_happened_and_a_massacre_of_a_past_year_are_no_events():
    (ev,) = _in("PK", "Had the bomb exploded, dozens could have been killed, police said after defusing a device at the "
                      "main bus terminal in Quetta on Monday.")
    assert (ev.sub_event_type, ev.fatalities) == ("Disrupted weapons use", 0)
    assert _in("NG", "A high court in Akure on Monday sentenced five men to death for their role in the 2017 massacre "
                     "at St Francis Catholic Church in Owo, which killed more than 40 worshippers.") == []


def test_petrol_bombs_a_plot_and_a_false_rumour_are_no_explosions():
    (ev,) = _in("GR", "Protesters threw petrol bombs at riot police in Athens on Monday. Police responded with tear gas.")
    assert ev.sub_event_type == "Violent demonstration"
    (ev,) = _in("KE", "Police in Mombasa said they foiled a bomb plot on Monday after seizing explosives from two men "
                      "near the Likoni ferry crossing.")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert _in("NG", "Reports on social media that gunmen had stormed a school in Kajuru on Monday were false, state "
                     "police said on Tuesday.") == []


@pytest.mark.parametrize("country, published, text, expected", [
    # named militias and rebels the knowledge base names
    ("BI", dt.date(2015, 5, 8), "Imbonerakure militia beat up two men in Kayanza on Tuesday.",
     ("Attack", "Imbonerakure", "Civilians (Burundi)")),
    ("BI", dt.date(2008, 5, 8), "Three FNL rebels were killed in fighting with the army in Bubanza on Tuesday.",
     ("Armed clash", "Military Forces of Burundi (2005-2020)",
      "Palipehutu-FNL: Party for the Liberation of the Hutu People-National Forces of Liberation")),
    ("SS", dt.date(2014, 5, 10), "Forces loyal to Riek Machar attacked Nasir on Thursday, killing five soldiers.",
     ("Armed clash", "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition",
      "Military Forces of South Sudan (2011-)")),
    ("ZW", dt.date(2008, 5, 10), "ZANU-PF militia beat to death an MDC activist in Mudzi on Sunday.",
     ("Attack", "ZANU-PF: Zimbabwe African National Union-Patriotic Front", "Civilians (Zimbabwe)")),
    ("BR", dt.date(2021, 5, 12), "Comando Vermelho gunmen shot dead two police officers in Rio de Janeiro on Monday.",
     ("Armed clash", "Comando Vermelho", "Police Forces of Brazil (2019-2022)")),
    # a military's aircraft or guns, named in the singular
    ("MM", dt.date(2023, 5, 10), "A military jet bombed a village in Sagaing on Monday, killing eight civilians.",
     ("Air/drone strike", "Military Forces of Myanmar (2021-)", "Civilians (Myanmar)")),
    ("LB", dt.date(2024, 5, 10), "Hezbollah fighters ambushed an Israeli patrol near Odaisseh.",
     ("Armed clash", "Hezbollah", "Military Forces of Israel (2022-)")),
    # a party's activists who fight are a crowd, not an armed group
    ("BD", dt.date(2019, 5, 10), "BNP activists clashed with police in Dhaka on Monday, leaving one dead.",
     ("Violent demonstration", "Rioters (Bangladesh)", "Police Forces of Bangladesh (2009-2024)")),
])
def test_actors_of_more_conflicts(country, published, text, expected):
    ev = _in(country, text, published)[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == expected


def test_the_wounded_of_lethal_force_against_a_protest_are_that_event():
    (ev,) = _in("IQ", "Security forces opened fire on protesters in Baghdad on Monday, killing five people and "
                      "wounding dozens.", dt.date(2019, 10, 10))
    assert (ev.sub_event_type, ev.fatalities, ev.date) == ("Excessive force against protesters", 5, dt.date(2019, 10, 7))


def test_what_no_denies_its_conjuncts_lack_too():
    evs = _in("UA", "Russian drones struck Odesa on Monday. No injuries or arrests were reported.", dt.date(2023, 5, 10))
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]


def test_a_pact_proposed_or_called_for_is_no_agreement_one_accepted_is():
    assert _in("PS", "Hamas rejected on Monday the latest ceasefire proposal put forward by Egypt.") == []
    assert _in("YE", "The Houthis rejected a Saudi proposal for a ceasefire on Monday.") == []
    assert _in("PS", "The UN renewed calls for a truce in Gaza on Monday.") == []
    (ev,) = _in("PS", "Hamas and Israel accepted a ceasefire proposal on Monday.")
    assert ev.sub_event_type == "Agreement"


def test_a_subject_whose_verb_the_parser_took_for_a_participle_still_did_it():
    # spaCy hangs "killed" on "paramilitaries" as a reduced relative: its object says it is the verb
    (ev,) = _in("ML", "Malian soldiers backed by Russian paramilitaries killed at least 15 civilians in Moura on "
                      "Monday.", dt.date(2022, 4, 10))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Military Forces of Mali (2021-)", 15)


def test_who_was_blamed_for_an_attack_did_it():
    for text in ("Boko Haram was blamed for the attack on Monday in which gunmen killed 12 villagers in Gwoza.",
                 "Gunmen killed 12 villagers in Gwoza on Monday. Boko Haram was widely blamed for the attack."):
        (ev,) = _in("NG", text, dt.date(2022, 4, 10))
        assert (ev.actor1, ev.fatalities) == ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 12)
    # what "was blamed on" someone names them after it
    (ev,) = _in("KE", "Two killed when armed group attacks Mandera police post. The attack was blamed on al Shabaab",
                dt.date(2013, 5, 17))
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Police Forces of Kenya (2013-2022)")


def test_bare_soldiers_told_after_a_states_forces_are_that_states():
    (ev,) = _in("PS", "Israeli forces raided Nablus on Tuesday. Soldiers shot dead a 17-year-old boy.", dt.date(2023, 5, 10))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Attack", "Military Forces of Israel (2022-)", "Civilians (Palestine)", 1)


def test_small_arms_fired_at_armed_men_with_heavier_weapons_are_a_fight():
    for text in ("On 9 April 2021, DPR forces fired on Ukrainian military positions near Shumy (Horlivka raion, "
                 "Donetsk oblast) with small arms and grenade launchers. One Ukrainian soldier was killed.",
                 "DPR forces fired on Ukrainian positions near Avdiivka with small arms and mortars on Monday."):
        ev = _in("UA", text, dt.date(2021, 4, 12))[0]
        assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
            "Armed clash", "NAF: Novorossiya Armed Forces", "Military Forces of Ukraine (2019-)")
    # mortars alone are a shelling; small arms and mortars fired at civilians no fight
    ev = _in("UA", "Russian forces fired mortars at Ukrainian positions near Avdiivka on Monday.", dt.date(2021, 4, 12))[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    ev = _in("UA", "Ukrainian forces fired on civilians in Horlivka with small arms and mortars on Monday.",
             dt.date(2021, 4, 12))[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_what_a_sentence_dates_to_a_past_year_or_month_is_background_and_its_dead_no_events():
    evs = _in("SD", "RSF fighters attacked El Fasher on Tuesday, killing 12. In 2016, twin bombings in Nyala killed "
                    "more than 40 people.", dt.date(2024, 3, 8))
    assert [(e.sub_event_type, e.fatalities, e.date) for e in evs] == [("Attack", 12, dt.date(2024, 3, 5))]
    evs = _in("SO", "Gunmen killed five people in Abudwak on Sunday. In March, similar fighting near Herale killed "
                    "eight people.", dt.date(2021, 6, 15))
    assert [(e.fatalities, e.date) for e in evs] == [(5, dt.date(2021, 6, 13))]
    # a running toll since a year is no day's dead
    evs = _in("MZ", "Insurgents attacked Macomia on Friday, killing 8 soldiers. The insurgency has killed more than "
                    "2,600 people since 2017.", dt.date(2024, 5, 13))
    assert [e.fatalities for e in evs] == [8]


@pytest.mark.parametrize("dateline", ["MOGADISHU (AFP) - ", "BELEDWEYNE, Somalia (AFP) - ", "MOGADISHU — ", ""])
def test_a_wire_dateline_is_no_subject_of_the_lead(dateline):
    (ev,) = _in("SO", dateline + "Somali government troops captured the town of Adan Yabaal from al Shabaab on "
                "Tuesday.", dt.date(2022, 12, 8))
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.location.name) == (
        "Government regains territory", "Military Forces of Somalia (2022-)", "Al Shabaab", "Adan Yabaal")


def test_a_later_toll_dated_when_it_was_said_is_the_attacks_not_a_second_one():
    (ev,) = _in("SD", "Armed men attacked a camp in El Geneina on Saturday, killing 48 people, doctors said. The UN "
                      "said on Monday that at least 55 people had been killed.", dt.date(2024, 1, 24))
    assert (ev.sub_event_type, ev.fatalities, ev.date) == ("Attack", 48, dt.date(2024, 1, 20))
    # told alone, the day it was said is still its day
    (ev,) = _in("SD", "Police said on Monday that five people had been killed in Nyala.", dt.date(2024, 1, 24))
    assert (ev.fatalities, ev.date) == (5, dt.date(2024, 1, 22))


def test_not_a_single_one_killed_is_none():
    (ev,) = _in("ET", "Troops took control of Mekelle on Saturday. The minister said not a single civilian had "
                      "been killed.", dt.date(2020, 11, 30))
    assert (ev.sub_event_type, ev.fatalities) == ("Government regains territory", 0)


def test_homes_set_on_fire_in_an_armed_attacks_clause_are_that_attack():
    (ev,) = _in("CD", "In Boga, fighters believed to belong to the Allied Democratic Forces stormed the village late on "
                      "Sunday, shooting and hacking residents and setting fire to homes, the local administrator said, "
                      "counting 36 dead.", dt.date(2021, 5, 31))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "ADF: Allied Democratic Forces", 36)
    # (a crowd's stones thrown during a police raid are its own riot)
    evs = _in("KE", "During a police raid on Masjid Musa Mosque crowds in surrounding area hurled stones at the police.",
              dt.date(2014, 2, 8))
    assert "Violent demonstration" in [e.sub_event_type for e in evs]


def test_a_demonyms_forces_are_those_of_the_events_day_not_the_reports():
    (ev,) = _in("NG", "On 20 May 2023, Nigerian soldiers killed 10 bandits in Zamfara.", dt.date(2023, 6, 5))
    assert (ev.date, ev.actor1) == (dt.date(2023, 5, 20), "Military Forces of Nigeria (2015-2023)")
    (ev,) = _in("NG", "On 5 June 2023, Nigerian soldiers killed 10 bandits in Zamfara.", dt.date(2023, 6, 8))
    assert ev.actor1 == "Military Forces of Nigeria (2023-)"


def test_a_communitys_people_attacked_as_civilians_are_civilians_not_its_militia():
    (ev,) = _in("BF", "Soldiers and VDP killed nine Fulani herders in Djibo on Monday.", dt.date(2023, 6, 5))
    assert (ev.sub_event_type, ev.actor2) == ("Attack", "Civilians (Burkina Faso)")
    (ev,) = _in("NG", "Gunmen killed nine Fulani herders in Benue on Monday.", dt.date(2023, 6, 5))
    assert ev.actor2 == "Civilians (Nigeria)"
    # (its armed men who attack are its militia)
    (ev,) = _in("NG", "Fulani herders killed 12 farmers in Benue on Monday.", dt.date(2023, 6, 5))
    assert (ev.actor1, ev.actor2) == ("Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)")


def test_an_acronym_two_actors_share_is_read_in_the_country_of_the_report():
    (ev,) = _in("NG", "NAF jets struck a bandit camp in Zamfara on Monday, killing dozens.", dt.date(2023, 6, 5))
    assert (ev.sub_event_type, ev.actor1) == ("Air/drone strike", "Military Forces of Nigeria (2023-)")
    (ev,) = _in("UA", "NAF forces fired on Ukrainian positions near Avdiivka on Monday.", dt.date(2018, 6, 5))
    assert ev.actor1 == "NAF: Novorossiya Armed Forces"


def test_what_one_is_to_help_do_is_not_done():
    assert _in("NG", "The governor urged residents to help the army fight bandits.", dt.date(2023, 6, 5)) == []
    assert _in("NE", "ECOWAS leaders on Sunday asked member states to help Niger fight jihadists.",
               dt.date(2023, 6, 5)) == []
    (ev,) = _in("NG", "Troops helped vigilantes fight off bandits in Zamfara on Monday, killing ten.", dt.date(2023, 6, 5))
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 10)


def test_a_vehicle_that_hit_a_mine_was_hit_by_an_explosive():
    (ev,) = _in("UA", "A Ukrainian soldier was killed when his vehicle hit a mine near Novoluhanske on Wednesday.",
                dt.date(2019, 6, 7))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == (
        "Remote explosive/landmine/IED", "Military Forces of Ukraine (2019-)", 1)


def test_bodies_found_stand_beside_the_arrests_they_led_to():
    evs = _in("KE", "The bodies of two men were found in a river at Thika on Friday, a week after they were "
                    "abducted. Two police officers have been arrested.", dt.date(2016, 7, 5))
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Attack", 2), ("Arrests", 0)]


def test_a_hyphenated_trigger_matches_only_hyphen_joined_words():
    # "sit-in" is a protest; "sat in a taxi" is not
    (ev,) = _in("KE", "Unknown assailants killed a sheikh as he sat in a taxi in Garissa on Sunday.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Kenya)", 1)
    (ev,) = _in("KE", "Students staged a sit-in at Moi University in Eldoret on Monday over fees.")
    assert (ev.sub_event_type, ev.actor1) == ("Peaceful protest", "Protesters (Kenya)")


def test_the_dead_of_a_clause_within_a_protests_are_the_deed_it_tells():
    evs = _in("KE", "Protesters gathered at the Belle Vista Club in Nairobi, the site of the grenade attack which "
                    "killed one woman. They called for peace.")
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Peaceful protest", "Protesters (Kenya)", 0), ("Grenade", "Unidentified Armed Group (Kenya)", 1)]
    (ev,) = _in("SO", "Hundreds marched in Mogadishu on the anniversary of the al-Shabaab bombing that killed 500 people.")
    assert (ev.sub_event_type, ev.fatalities) == ("Peaceful protest", 0)


def test_a_history_of_attacks_names_no_doer_of_this_one():
    (ev,) = _in("KE", "Six people were injured in a grenade attack in Garissa on Monday. Police referenced a history "
                      "of al Shabaab attacks in the area.")
    assert (ev.sub_event_type, ev.actor1) == ("Grenade", "Unidentified Armed Group (Kenya)")
    # what a measure of deeds holds, the verb's subject did
    (ev,) = _in("KE", "Al-Shabaab carried out a series of attacks on police posts in Mandera on Monday.")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Al Shabaab")


def test_the_day_of_an_occasion_dates_no_later_sentence():
    # "the 8 August poll" is when the poll was, not the riot nor the intervention after it
    evs = _in("KE", "NASA supporters burned banners congratulating Kenyatta on his win at the 8 August poll in Kisumu. "
                    "Police intervened with teargas.", dt.date(2017, 8, 26))
    assert [(e.sub_event_type, e.date) for e in evs] == [("Violent demonstration", dt.date(2017, 8, 26))]


def test_the_day_of_a_deed_told_in_a_relative_clause_is_that_deeds():
    (ev,) = _in("KE", "Police in Likoni shot dead two suspects believed to have taken part in an attack on a church on "
                      "Sunday; the shooting happened on Tuesday.", dt.date(2014, 3, 31))
    assert (ev.actor1, ev.fatalities, ev.date) == ("Police Forces of Kenya (2013-2022)", 2, dt.date(2014, 3, 25))


def test_what_suspects_are_linked_to_is_no_event_of_the_report():
    evs = _in("KE", "Two suspects linked to a grenade attack on a church on Sunday were shot dead by police in Likoni.",
              dt.date(2014, 3, 31))
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Attack", "Police Forces of Kenya (2013-2022)")]
    # (a noun's links are no accusation: the gang's attack is told)
    (ev,) = _in("KE", "Armed gang with possible links to MRC attacks police station in Kwale and steals weapons")
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "MRC: Mombasa Republican Council")
    # the month of the deed they are suspected of is not the day they were abducted
    (ev,) = _in("KE", "Two men suspected of the March 2012 Machakos bus station bombing are abducted along with two "
                      "others.", dt.date(2012, 6, 29))
    assert (ev.sub_event_type, ev.date) == ("Abduction/forced disappearance", dt.date(2012, 6, 29))


def test_who_police_link_an_attack_to_did_it_not_the_police():
    (ev,) = _in("KE", "Gunmen attacked a bus in Mandera on Monday, killing 4. Police linked the attack to al-Shabaab.",
                dt.date(2014, 3, 31))
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Al Shabaab", "Civilians (Kenya)", 4)


def test_a_campaign_rally_is_no_demonstration():
    (ev,) = _in("EC", "On 9 August 2023, a candidate was shot dead by hitmen as he left a campaign rally in Quito.",
                dt.date(2023, 8, 12))
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Attack", "Unidentified Armed Group (Ecuador)", 1)
    # violence at one is a crowd's, not a demonstration's
    (ev,) = _in("KE", "A mob threw stones at the ANC leader, who was holding a campaign rally at Kamukunji grounds in "
                      "Nairobi on Sunday.", dt.date(2019, 10, 29))
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Kenya)")


def test_is_before_a_noun_is_the_islamic_state_not_a_verb():
    (ev,) = _in("IQ", "On 2 May 2020, IS fighters killed 10 PMF members in an attack near Mekeshifa.", dt.date(2020, 5, 5))
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Islamic State (Iraq)", "PMF: Popular Mobilization Forces", 10)
    (ev,) = _in("SY", "On 10 October 2017, 7 SDF fighters and 15 IS militants were killed in clashes in Raqqa.",
                dt.date(2017, 10, 13))
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 22)
    # (of two subjects the parser gives a verb, the nearest: not a note's label)
    (ev,) = _in("AF", "Agreement: Reported on 1 March 2020, 42 IS fighters surrendered to Afghan military forces in "
                      "Narang district, Kunar.", dt.date(2020, 3, 4))
    assert (ev.sub_event_type, ev.actor1) == ("Agreement", "Islamic State (Afghanistan)")
    # (nor a place in brackets the parser made a second subject)
    (ev,) = _in("ML", "On 18 August 2020, mutinous soldiers from the Kati camp (Kati, Koulikoro) arrested President "
                      "Ibrahim Boubacar Keita.", dt.date(2020, 8, 21))
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Military Forces of Mali (2020-2021)")
    # (not in a line of capitals)
    assert [t.norm_ for t in nlp.parse("WHAT IS happening in Raqqa?")][1] == "is"


def test_a_ruling_groups_men_are_the_states_forces():
    # the Taliban hold Afghanistan's state from 15 August 2021 (actors.toml: governs)
    (ev,) = _in("AF", "On 7 May 2023, Taliban police detained three activists in Herat.", dt.date(2023, 5, 10))
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Police Forces of Afghanistan (2021-)")
    (ev,) = _in("AF", "On 2 January 2023, Taliban fighters shot dead a former army officer in Kandahar.",
                dt.date(2023, 1, 5))
    assert (ev.sub_event_type, ev.actor1) == ("Attack", "Military Forces of Afghanistan (2021-)")
    (ev,) = _in("AF", "On 7 March 2020, Taliban militants attacked a checkpoint in Kunduz, killing 3 soldiers.",
                dt.date(2020, 3, 10))
    assert (ev.actor1, ev.actor2) == ("Taliban", "Military Forces of Afghanistan (2014-2021)")


def test_a_weapons_make_between_the_demonym_and_the_weapon_keeps_its_side():
    (ev,) = _in("UA", "On 2 January 2024, a Russian cruise missile struck Kharkiv, killing 2 civilians.", dt.date(2024, 1, 5))
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Russia (2000-)")
    (ev,) = _in("UA", "On 2 January 2024, Russian Shahed drones struck Odesa, killing 1 civilian.", dt.date(2024, 1, 5))
    assert (ev.sub_event_type, ev.actor1) == ("Air/drone strike", "Military Forces of Russia (2000-)")


def test_police_who_fire_on_protesters_use_lethal_force_unless_tear_gas_is_told():
    (ev,) = _in("TD", "On 20 October 2022, police fired on protesters in N'Djamena.", dt.date(2022, 10, 23))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Excessive force against protesters", "Police Forces of Chad (2021-)", "Protesters (Chad)")
    (ev,) = _in("TD", "On 20 October 2022, police fired tear gas at protesters in N'Djamena.", dt.date(2022, 10, 23))
    assert ev.sub_event_type == "Protest with intervention"


def test_a_crowd_gathered_against_something_protests_it():
    (ev,) = _in("IR", "On 16 November 2019, hundreds of people gathered in Shiraz against the fuel price hike.",
                dt.date(2019, 11, 19))
    assert (ev.sub_event_type, ev.actor1, ev.date) == ("Peaceful protest", "Protesters (Iran)", dt.date(2019, 11, 16))
    # (a place phrase splits no other phrase: "returning from patrol opened fire" is no returned fire)
    assert not _in("IR", "Residents gathered in Mashhad on Friday for prayers.")


def test_named_groups_of_haiti_chile_mozambique_and_turkey():
    (ev,) = _in("HT", "On 3 October 2024, members of the Gran Grif gang killed 70 people in Saint-Marc.", dt.date(2024, 10, 6))
    assert (ev.actor1, ev.fatalities) == ("Gran Grif", 70)
    (ev,) = _in("CL", "On 14 November 2018, Carabineros shot dead a man in Temuco.", dt.date(2018, 11, 17))
    assert ev.actor1 == "Police Forces of Chile (2018-2022)"
    (ev,) = _in("MZ", "On 17 August 2019, Renamo fighters clashed with the army in Gorongosa.", dt.date(2019, 8, 20))
    assert ev.actor1 == "RENAMO: Mozambican National Resistance"
    (ev,) = _in("TR", "On 13 March 2016, a car bomb exploded in Ankara, killing 37 people. TAK claimed responsibility.",
                dt.date(2016, 3, 16))
    assert (ev.sub_event_type, ev.actor1) == ("Remote explosive/landmine/IED", "TAK: Kurdistan Freedom Falcons")


def test_people_captured_with_no_fight_told_are_arrested_or_abducted():
    (ev,) = _in("SO", "On 2 January 2020, Al Shabaab militants captured 6 civilians near Dhusamareb.", dt.date(2020, 1, 5))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Abduction/forced disappearance", "Al Shabaab", "Civilians (Somalia)")
    (ev,) = _in("AF", "On 7 March 2020, Afghan forces captured a Taliban commander in Kunduz.", dt.date(2020, 3, 10))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Arrests", "Military Forces of Afghanistan (2014-2021)", "Taliban")
    # a fight told: the capture is part of it
    (ev,) = _in("NG", "On 2 January 2021, troops captured 5 Boko Haram fighters after a gun battle near Bama.",
                dt.date(2021, 1, 5))
    assert ev.sub_event_type == "Armed clash"


def test_an_object_the_parser_made_a_clauses_subject_is_the_victim_counted():
    (ev,) = _in("NG", "On 2 January 2019, Boko Haram militants killed 43 farmers harvesting rice in Jere.", dt.date(2019, 1, 5))
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Nigeria)", 43)
    assert ev.actor1.startswith("Boko Haram")


def test_some_of_a_crowd_who_attack_a_building_make_its_demonstration_violent():
    (ev,) = _in("NE", "On 30 July 2023, protesters marched in Niamey; some attacked the French embassy.", dt.date(2023, 8, 2))
    assert (ev.sub_event_type, ev.actor1) == ("Violent demonstration", "Rioters (Niger)")


def test_whom_an_attack_is_accused_on_did_it():
    (ev,) = _in("CD", "On 2 November 2022, shells hit a market in Goma, killing 3 civilians. The government accused M23 "
                      "of firing the shells.", dt.date(2022, 11, 5))
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "M23: March 23 Movement")
    (ev,) = _in("SO", "On 2 January 2020, gunmen killed 3 traders in Mogadishu. Al Shabaab was accused of the killings.",
                dt.date(2020, 1, 5))
    assert ev.actor1 == "Al Shabaab"


def test_an_event_told_at_a_list_of_places_is_one_event_at_each_with_its_dead_divided():
    # ACLED codes one event per place: the toll divided, any remainder on the first places
    evs = _in("AF", "On Monday, 14 Taliban militants were killed during clashes with Afghan forces in Kot, "
                    "Khogyani, and Dih Bala districts, Nangarhar.")
    assert [(ev.location.name, ev.fatalities) for ev in evs] == [("Kot", 5), ("Khogayani", 5), ("Deh Bala", 4)]
    assert {ev.sub_event_type for ev in evs} == {"Armed clash"} and len({ev.id for ev in evs}) == 3
    assert {ev.location.admin1 for ev in evs} == {"Nangarhar"}
    assert "[Place 3 of 3; the 14 killed at the 3 places are divided across them.]" in evs[2].notes
    evs = _kenyan("Protests were held in the towns of Kotulo, Banisa and Takaba on Monday over a proposed budget.")
    assert [(ev.sub_event_type, ev.location.name, ev.date) for ev in evs] == [
        ("Peaceful protest", "Kotulo", dt.date(2019, 8, 19)), ("Peaceful protest", "Banissa", dt.date(2019, 8, 19)),
        ("Peaceful protest", "Takaba", dt.date(2019, 8, 19))]


def test_the_dead_a_list_gives_each_place_are_that_places():
    evs = _kenyan("15 people were killed in clashes between rival ethnic groups in Nakuru (8) and Molo (7).")
    assert [(ev.location.name, ev.fatalities) for ev in evs] == [("Nakuru", 8), ("Molo", 7)]
    evs = _kenyan("Election violence caused two deaths on Sunday, one in Awendo and the other in Rongo.")
    assert [(ev.location.name, ev.fatalities) for ev in evs] == [("Awendo", 1), ("Rongo", 1)]
    # a count that is the whole toll is the list's, not its first place's
    evs = _kenyan("Gunmen killed 6 people in Mandera and Elwak on Sunday.")
    assert [(ev.location.name, ev.fatalities) for ev in evs] == [("Mandera", 3), ("El Wak", 3)]


def test_a_coding_notes_count_is_each_places_already():
    evs = _in("AF", "On 17 March 2020, operations by Afghan military forces killed 8 Taliban militants in Chora "
                    "and Tarinkot districts, Urozgan. Fatalities split over 2 locations (4).", dt.date(2020, 3, 20))
    assert [(ev.location.name, ev.fatalities) for ev in evs] == [("Tarinkot", 4), ("Chora", 4)]


@pytest.mark.parametrize("text", [
    "Two communities clashed at the border of Isiolo and Meru counties on Monday.",  # a border's sides
    "A bus travelling between Mandera and Elwak hit an IED on Monday.",  # the ends of a route
    "Residents protested on Monday against a proposal to separate Narok and Kajiado districts.",  # no scene
    "Two people were killed by gunmen in Kikuyu, Kiambu on Monday.",  # the second holds the first
    "Gunmen killed two people in Mandera or Elwak on Monday.",  # one place, not known which
])
def test_places_that_are_no_list_of_scenes_make_one_event(text):
    assert len(_kenyan(text)) == 1, [(ev.sub_event_type, ev.location and ev.location.name) for ev in _kenyan(text)]


def test_the_day_written_after_said_is_when_it_was_said_not_the_deed():
    # (the parser hangs "on Wednesday" on the killing)
    (ev,) = _in("CD", "The army said on Wednesday it killed five CODECO militiamen in Djugu on Monday.")
    assert (ev.date, ev.fatalities, ev.actor2) == (
        dt.date(2019, 8, 19), 5, "CODECO: Cooperative for the Development of Congo")
    (ev,) = _in("NG", "Police said on Tuesday they killed three kidnappers in a shootout near Katari on Sunday.")
    assert (ev.sub_event_type, ev.date, ev.fatalities) == ("Armed clash", dt.date(2019, 8, 18), 3)


def test_conflicting_tolls_of_two_sources_in_one_sentence_give_the_lowest():
    (ev,) = _in("NG", "Soldiers opened fire on protesters in Lagos on Tuesday. Amnesty said 12 people were "
                      "killed, while the government said two died.")
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 2)


def test_a_namesake_far_from_the_town_a_place_is_said_to_lie_north_of_is_no_scene():
    # Abu Shouk camp is no Abu Suq 400 km away: the shelling is one event at El Fasher
    (ev,) = _in("SD", "The Rapid Support Forces shelled the Abu Shouk displacement camp north of El Fasher on "
                      "Sunday, killing 15 civilians.")
    assert (ev.sub_event_type, ev.fatalities, ev.location.name) == (
        "Shelling/artillery/missile attack", 15, "El Fasher")


def test_a_name_after_a_noun_of_the_subject_is_no_second_subject():
    (ev,) = _in("YE", "Saudi-led coalition air strikes on the Yemeni capital Sanaa killed 14 people on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == (
        "Air/drone strike", "Military Forces of Saudi Arabia (2015-)", 14)


def test_a_us_command_is_the_us_military():
    (ev,) = _in("SO", "US Africa Command said it carried out an airstrike near Jilib on Sunday, killing three "
                      "al-Shabaab militants.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Air/drone strike", "Military Forces of the United States (2017-2021)", "Al Shabaab")


def test_a_province_written_with_a_hyphen_is_found_in_the_feeds_country():
    (ev,) = _in("IR", "Gunmen attacked a police station in Sistan-Baluchestan province on Thursday.")
    assert (ev.location.country, ev.location.admin1, ev.actor2) == (
        "IR", "Sistan and Baluchestan", "Police Forces of Iran (1989-)")


def test_whom_a_group_put_in_office_is_no_member_of_it():
    # "junta-appointed": the junta appointed him; he is a civilian official, not its soldier
    (ev,) = _in("MM", "Gunmen shot dead a junta-appointed ward administrator in Hlaing Tharyar on Monday.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Attack", "Civilians (Myanmar)", 1)
    (ev,) = _in("MM", "Gunmen shot dead two junta soldiers in Hlaing Tharyar on Monday.")
    assert ev.sub_event_type == "Armed clash"


def test_a_province_abroad_in_a_sources_name_holds_no_town_of_the_feeds_country():
    (ev,) = _in("IQ", "Iranian missiles hit Erbil on Monday, the Kurdistan Region Security Council said.")
    assert (ev.sub_event_type, ev.actor1, ev.location.name, ev.location.country) == (
        "Shelling/artillery/missile attack", "Military Forces of Iran (1989-)", "Erbil", "IQ")


def test_the_province_the_victims_come_from_is_not_where_they_were_killed():
    (ev,) = _in("PK", "Gunmen shot dead 23 people from Punjab in Musakhel on Sunday.")
    assert (ev.fatalities, ev.location.admin1, ev.location.feature_type) == (23, "Balochistan", "locality")


def test_a_group_named_only_to_describe_another_is_not_the_doer():
    (ev,) = _in("SY", "Al-Qaeda-linked HTS fighters attacked government positions near Khan Shaykhun on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Hayat Tahrir al-Sham", "Military Forces of Syria (2000-)")
    # government positions are the army's, no civilians
    (ev,) = _in("SY", "Turkish-backed NLF fighters attacked government positions near Khan Shaykhun on Monday.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "NLF: National Liberation Front", "Military Forces of Syria (2000-)")
    # gunmen a group is linked to are its own
    (ev,) = _kenyan("Four al Shabaab-linked gunmen shot dead a senior police officer in Mombasa on Monday.")
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Police Forces of Kenya (2013-2022)")


def test_an_ordinary_theft_arrest_is_no_event():
    assert _in("US", "Police arrested a shoplifter in Chicago on Monday.") == []
    # but militants arrested with a thief are
    (ev,) = _kenyan("Police arrested two suspected al-Shabaab militants and a thief in Garissa on Monday.")
    assert (ev.sub_event_type, ev.actor2) == ("Arrests", "Al Shabaab")


def test_force_used_with_no_target_told_hits_no_armed_side():
    (ev,) = _in("IN", "Police used force to disperse protesters in New Delhi on Sunday.")
    assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces of India (2014-)")
    # missiles fired at a police headquarters: the police are the target
    (ev,) = _in("AF", "On 4 March 2020, Taliban militants fired missiles on the police HQ of Gardez city, Paktia.",
                dt.date(2020, 3, 6))
    assert (ev.sub_event_type, ev.actor2) == ("Shelling/artillery/missile attack", "Police Forces of Afghanistan (2014-2021)")


def test_towns_found_by_their_usual_english_spelling():
    # the gazetteer spells them Sopur and Riasi
    (ev,) = _in("IN", "On 20 November 2021, militants lobbed a grenade at a CRPF bunker in Sopore.", dt.date(2021, 11, 22))
    assert (ev.sub_event_type, ev.location.admin1, round(ev.location.lat, 1)) == ("Grenade", "Kashmir", 34.3)
    (ev,) = _in("IN", "Militants opened fire on a bus near Reasi on Sunday, killing nine people.")
    assert (ev.fatalities, round(ev.location.lat, 1), ev.location.geo_precision) == (9, 33.1, 2)
