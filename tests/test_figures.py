"""Reported figures (warwire.figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warwire import nlp
from warwire.errors import DataError
from warwire.figures import find_figures, load_units, parse_number, quantities_in_text, side_of
from warwire.quotes import find_quotes

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE = SAMPLES / "khan-shaikhoun-2019-08-20.txt"


def _figs(text: str):
    return [(f.quantity, f.unit, f.approximate, f.text) for f in find_figures(nlp.parse(text))]


@pytest.fixture(scope="module")
def sample_figures():
    if not SAMPLE.exists():
        pytest.skip(f"sample article not available at {SAMPLE}")
    raw = SAMPLE.read_text(encoding="utf-8")
    doc = nlp.parse(raw[raw.index("Syrian opposition fighters"):])
    return doc, find_figures(doc)


def test_sample_displaced_per_united_nations(sample_figures):
    doc, figures = sample_figures
    (f,) = [f for f in figures if f.quantity == 400_000]
    assert f.unit == "displaced"
    assert f.source == "United Nations"
    assert f.approximate is True  # "some 400,000"
    assert f.text == "400,000"
    assert doc.text[f.span.start:f.span.end] == "400,000"


def test_sample_population_and_half_of_whom(sample_figures):
    _, figures = sample_figures
    (pop,) = [f for f in figures if f.unit == "population"]
    assert pop.quantity == 3_000_000
    assert pop.text == "three million"
    assert pop.place == "Idlib"
    (half,) = [f for f in figures if f.text == "half of whom"]
    assert half.quantity == 1_500_000
    assert half.unit == "displaced"
    assert len(figures) == 3  # no other number in the article counts people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 8 people were killed in the raid.", [(8, "killed", True, "8")]),
        ("More than 20 civilians were wounded.", [(20, "wounded", True, "20")]),
        ("Dozens of civilians were killed.", [(12, "killed", True, "Dozens")]),
        ("Hundreds fled their homes on Monday.", [(100, "displaced", True, "Hundreds")]),
        ("Scores of fighters were arrested.", [(20, "detained", True, "Scores")]),
        ("A dozen fighters were detained.", [(12, "detained", False, "A dozen")]),
        ("Gunmen abducted two children in Daraa.", [(2, "abducted", False, "two")]),
        ("The death toll rose to 30.", [(30, "killed", False, "30")]),
        ("Some 1.5 million people live in the city.",
         [(1_500_000, "population", True, "1.5 million")]),
        ("The army deployed 300 soldiers to the town.", [(300, "fighters", False, "300")]),
        ("The camp now holds 5,000 refugees.", [(5000, "refugees", False, "5,000")]),
    ],
)
def test_small_sentences(text, expected):
    assert _figs(text) == expected


def test_numbers_that_do_not_count_people_are_ignored():
    text = ("The town had been in rebel hands since 2014. Rebels lost three towns in two days, "
            "one of the largest advances of the war, 40 km from the border.")
    assert _figs(text) == []


def test_conflicting_figures_both_kept_with_sources():
    text = ("At least 8 people were killed, according to the Syrian Observatory for Human Rights. "
            "The civil defence said 12 people were killed.")
    figures = find_figures(nlp.parse(text))
    assert [(f.quantity, f.unit, f.source) for f in figures] == [
        (8, "killed", "Syrian Observatory for Human Rights"),
        (12, "killed", "civil defence"),
    ]


def test_a_second_speaker_in_a_clause_the_parser_hung_inside_the_first_gives_their_own_figure():
    text = "Amnesty said 12 people were killed, while the government said two died."
    doc = nlp.parse(text)
    figures = find_figures(doc, quotes=find_quotes(doc))
    assert [(f.quantity, f.unit, f.source) for f in figures] == [(12, "killed", "Amnesty"), (2, "killed", "government")]


def test_the_dead_a_killing_counts_though_the_parser_made_them_the_speakers():
    # "three people, human rights groups said": the parser reads the dead as who said it
    text = "Police fired on demonstrators in Cali on Monday, killing at least three people, human rights groups said on Tuesday."
    assert [(f.quantity, f.unit) for f in find_figures(nlp.parse(text))] == [(3, "killed")]
    # who tells it is still no toll
    assert find_figures(nlp.parse("Police fired on demonstrators in Cali on Monday, two local officials said.")) == []


def test_a_plural_the_tagger_left_untouched_counts_people():
    # "militiamen" tagged singular, its lemma unchanged, after a group's name
    assert [(f.quantity, f.unit) for f in find_figures(nlp.parse("The army killed five CODECO militiamen in Djugu."))] \
        == [(5, "killed")]


def test_fraction_needs_a_previous_figure():
    assert _figs("Half of them were children.") == []
    figs = _figs("The strike killed 40 people, a quarter of whom were children.")
    assert figs == [(40, "killed", False, "40"), (10, "killed", False, "a quarter of whom")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("400,000", 400_000), ("three million", 3_000_000), ("1.5 million", 1_500_000),
     ("twenty-five", 25), ("two hundred and fifty", 250), ("12", 12), ("dozens", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_quantities_in_text():
    assert quantities_in_text("12 people were killed and 30 wounded") == [
        (12, "killed"), (30, "wounded")]
    assert quantities_in_text("three civilians died") == [(3, "killed")]
    assert quantities_in_text("in 2019 the town fell") == []


def test_bad_units_file_raises_data_error(tmp_path):
    bad = tmp_path / "figure_units.toml"
    bad.write_text('people = ["people"]\n[units.killed]\nkind = "bad"\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"figure_units.toml.*units\.killed\.kind"):
        load_units(bad)


def test_a_range_counts_its_lowest_figure():
    assert _figs("At least 5-7 policemen were killed.")[0][:3] == (5, "killed", True)
    assert _figs("Two or three soldiers were killed.")[0][:2] == (2, "killed")


def test_people_counted_by_their_role_and_coordinated_verbs():
    assert [f[:2] for f in _figs("One tribal elder was killed.")] == [(1, "killed")]
    assert {f[:2] for f in _figs("One civilian was kidnapped and killed by gunmen.")} == {(1, "abducted"), (1, "killed")}
    figs = _figs("14 soldiers were killed and 10 were taken as hostages.")
    assert [f[:2] for f in figs] == [(14, "killed"), (10, "abducted")]


def test_vague_words_spelled_numbers_and_dates_in_one_text():
    text = ("Dozens of people were killed and two hundred and fifty were displaced on 12 March 2019, "
            "and two-thirds of them were children. On 5 March, 30 protesters were arrested; in 2019 about "
            "1,200 families fled.")
    assert _figs(text) == [
        (12, "killed", True, "Dozens"),
        (250, "displaced", False, "two hundred and fifty"),
        (167, "displaced", False, "two-thirds of them"),  # "12 March 2019" is a date, not a figure
        (30, "detained", False, "30"),
        (1200, "displaced", True, "1,200"),
    ]


def test_quantities_in_text_reads_vague_words_the_same_every_time():
    for _ in range(2):  # the second reading comes from the word cache
        assert quantities_in_text("dozens of people were killed, 12 wounded") == [(12, "killed"), (12, "wounded")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A human rights defender was shot dead by police in Meru.",
         [(1, "killed", False, "A human rights defender")]),
        ("Gunmen stormed the village, killing a farmer and his son.",
         [(1, "killed", False, "a farmer"), (1, "killed", False, "his son")]),
        ("The clerk died in the fire.", [(1, "killed", False, "The clerk")]),
        ("Officer killed at Kanyerus camp by a bomb.", [(1, "killed", False, "Officer")]),
        # one man described twice: the verb is singular
        ("A religious leader and party official was shot dead in Garissa.",
         [(1, "killed", False, "A religious leader")]),
        ("Two civilians and a police officer were killed.",
         [(2, "killed", False, "Two"), (1, "killed", False, "a police officer")]),
        ("A priest was kidnapped, murdered and buried in Embu.",
         [(1, "abducted", False, "A priest"), (1, "killed", False, "A priest")]),
        # a headline's past tense of a verb that needs an object: its subject is the victim
        ("Six year old boy killed.", [(1, "killed", False, "Six year old boy")]),
        ("Farmer killed on his shamba by unknown gunmen.", [(1, "killed", False, "Farmer")]),
        # the tagger reads "civilian" as an adjective
        ("Unknown attackers kill civilian distributing relief food", [(1, "killed", False, "civilian")]),
        # a verb the tagger reads as a noun still has its object
        ("3 June. Traders of Gikomba lynch a youth they accuse of robbery.", [(1, "killed", False, "a youth")]),
    ],
)
def test_a_person_named_without_a_number_counts_as_one(text, expected):
    assert _figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No civilian was hurt in the attack.",
        "The soldier was not killed.",
        "A vigilante mob tried to kill a man in Kisumu.",
        "A man could be killed if the talks fail.",
        "Five people, including a police officer, were killed.",  # the officer is one of the five
    ],
)
def test_no_one_counted_for_negated_intended_or_included_victims(text):
    assert [f for f in _figs(text) if f[3] != "Five"] == []


@pytest.mark.parametrize("text, expected", [
    ("14 Sept. Three herders were killed in an attack near Moyale.", [(3, "killed", False, "Three")]),
    ("30 Jan. Two pupils were injured in Kisumu.", [(2, "wounded", False, "Two")]),
])
def test_a_dateline_day_is_no_count_and_the_count_after_it_is_kept(text, expected):
    # NER runs "Sept. Three" into one date; the day itself ("14", "30") counts no one
    assert _figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Three herders were shot dead on Friday and one was missing after the raid.",
     [(3, "killed", False, "Three"), (1, "missing", False, "one")]),
    ("A policeman was shot and killed by militants, while 2 civilians including a local radio station "
     "director were taken as hostages in Kunduz.",
     [(1, "killed", False, "A policeman"), (2, "abducted", False, "2")]),
])
def test_people_counted_take_their_own_verb_not_the_nearest_toll(text, expected):
    assert _figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Four soldiers reported dead after the ambush.", [(4, "killed", False, "Four")]),  # a speech verb's complement
    # ... or the event it is said to have been
    # each verb counts its own people
    ("Gunmen killed four civilians and wounded 12 in Mandera.",
     [(4, "killed", False, "four"), (12, "wounded", False, "12")]),
    ("Two people were reported to have died and eight were injured.",
     [(2, "killed", False, "Two"), (8, "wounded", False, "eight")]),
    # the dead are not the doers of the attack in the clause before
    ("Militants attacked a base in Lamu on Monday, three soldiers killed, five wounded.",
     [(3, "killed", False, "three"), (5, "wounded", False, "five")]),
    ("A Pokot herder is dead after the raid.", [(1, "killed", False, "A Pokot herder")]),  # a copula
    ("14 Oct. 6 people killed in an attack on Dukana village.", [(6, "killed", False, "6")]),  # the day came first
    # verbs that share an object; an adjective complement read as a clause; a split passive
    ("A mob lynched and burned two men in Kisii County on Friday.", [(2, "killed", False, "two")]),
    ("Gunmen shoot 1 herder dead and injure another.", [(1, "killed", False, "1")]),
    ("A trader was on Friday night lynched by residents in Kisii town.", [(1, "killed", False, "A trader")]),
    # a participle tagged as an adjective ("injured") is still the wounded unit
    ("Militia attacked Garba Tulla in Isiolo County. Five killed, six injured. Two of the attackers were shot "
     "and killed by police.", [(5, "killed", False, "Five"), (6, "wounded", False, "six"), (2, "killed", False, "Two")]),
])
def test_tolls_told_in_notes_shorthand(text, expected):
    assert _figs(text) == expected


def test_a_deed_someone_is_accused_of_is_no_toll():
    assert _figs("Police shot dead two men suspected of killing a chief in Nyeri.") == [(2, "killed", False, "two")]
    # a killing only believed to have a motive is still told
    assert _figs("It is believed that the official was murdered for political reasons.") == [
        (1, "killed", False, "the official")]


def test_a_deed_of_the_victim_is_no_toll_but_one_of_the_event_is():
    # what a man shot by police had done is not told as this event's dead ...
    assert _figs("Police shot a man who had killed three people in Nyeri.") == []
    # ... but what a siege (no person) did is
    assert _figs("Gunmen stormed a hotel, sparking a siege that left 21 people dead.") == [
        (21, "killed", False, "21")]


def test_police_are_people():
    assert _figs("Two police killed in shootout with bandits.") == [(2, "killed", False, "Two")]


def test_people_named_by_what_they_do_are_counted():
    # nouns for someone who does something count people without being listed
    assert _figs("Three police reservists were killed when bandits attacked them in Baringo.") == [
        (3, "killed", False, "Three")]
    assert _figs("One bystander was reportedly killed in the clash.") == [(1, "killed", False, "One")]
    # ... and a clause with its own subject keeps its own toll
    assert _figs("Two tankers were hit and 3 drivers killed.") == [(3, "killed", False, "3")]


def test_the_number_of_attackers_is_no_toll():
    assert _figs("Three militants shot dead a driver on Friday.") == [
        (3, "fighters", False, "Three"), (1, "killed", False, "a driver")]
    assert _figs("A gang of three men shot and killed a businessman in his home.") == [
        (1, "killed", False, "a businessman")]
    assert [f for f in _figs("A policeman was shot dead by two assailants.") if f[1] == "killed"] == [
        (1, "killed", False, "A policeman")]
    # a group's members given by a participle, and doers the parser reads as a reduced relative
    # clause ("men [who] shot dead a priest"), are no toll either
    for text in ("An armed gang comprising four men shot dead a priest near Kikuyu town.",
                 "A gang consisting of five men killed a priest in Eldoret."):
        assert [f for f in _figs(text) if f[1] == "killed"] == [(1, "killed", False, "a priest")], text
    assert [f[:2] for f in _figs("Suspected al Shabaab militants, numbering 5, killed a road worker in Mandera.")
            if f[1] == "killed"] == [(1, "killed")]


def test_people_held_in_a_clause_of_their_own_are_not_the_dead_of_the_clause_before():
    figs = _figs("Four attackers were killed during the siege, and the police are holding another five "
                 "individuals for questioning.")
    assert [f[:2] for f in figs if f[1] == "killed"] == [(4, "killed")]
    # an object shared by coordinated verbs keeps their unit
    assert [f[:2] for f in _figs("Residents lynched and burned three men in Kisii.")] == [(3, "killed")]


def test_a_community_named_by_its_own_name_is_counted_as_people():
    # "two Maasai", "eleven Turkana": groups with no common noun; a date is no group
    assert [f[:2] for f in _figs("Pokot raiders kill eleven Turkana and two Maasai.")] == [(11, "killed"), (2, "killed")]
    assert [f[:2] for f in _figs("10 Sep. Armed men beheaded a man in Kitui.")] == [(1, "killed")]


def test_one_person_killed_without_a_number():
    # a role noun with no article, and a headline's "shot dead" with no object
    assert [f[:2] for f in _figs("Unknown gunmen kill Mungiki sect spokesman")] == [(1, "killed")]
    assert [f[:2] for f in _figs("Student shot dead and seven police seriously injured in Kisumu")] == [
        (1, "killed"), (7, "wounded")]
    assert [f[:2] for f in _figs("Student shot dead at Kamukunji grounds in Nairobi")] == [(1, "killed")]


def test_the_attackers_counted_after_by_are_no_toll():
    assert [f[:2] for f in _figs("Attack by about 100 raiders - 1 killed.")] == [(1, "killed")]
    killed = [f[:2] for f in _figs("A politician was killed in an attack by three gunmen.") if f[1] == "killed"]
    assert killed == [(1, "killed")]


def test_a_name_between_the_number_and_the_people_counted():
    assert [f[:2] for f in _figs("Police shot dead two al Shabaab suspects in Kwale.")] == [(2, "killed")]
    assert [f[:2] for f in _figs("Two Kenya Defence Forces (KDF) soldiers have been killed in a shootout.")] == [
        (2, "killed")]
    assert [f[:2] for f in _figs("2 Kenyan security forces were killed and 7 others injured.")] == [
        (2, "killed"), (7, "wounded")]


def test_numbers_that_are_not_the_dead_next_to_a_toll():
    # the word right after a bare number tells what it counts
    assert [f[:2] for f in _figs("68 dead, including security staff, 150+ injured over four days.")] == [
        (68, "killed"), (150, "wounded")]
    assert [f[:2] for f in _figs("15 captured and 1 killed by UPDF during cross-border attacks.")] == [
        (15, "detained"), (1, "killed")]
    # a father's children, a family counted by its number, another count in parentheses
    assert [f[:2] for f in _figs("A father of four was killed by land invaders in Kilifi.")] == [(1, "killed")]
    assert [f[:2] for f in _figs("A family of five was killed in Mandera.")] == [(5, "killed")]
    assert [f[:2] for f in _figs("At least 20 (some reports 30) have been killed in clashes in Tarbaj.")] == [
        (20, "killed"), (30, "killed")]
    # the dead someone is accused of having killed are no toll of this event
    assert [f[:2] for f in _figs("Police gunned down three men suspected of having killed two police officers.")] == [
        (3, "killed")]
    # ... but men believed to be militants who killed are told as killing
    assert [f[:2] for f in _figs("Armed men believed to be members of Al-Shabaab have killed three people in Kwale.")
            ] == [(3, "killed")]



def test_people_counted_with_what_befell_them_before_the_verb_of_the_sentence():
    # "killed" tells what befell the person; "sparked" is what the clash did
    assert [f[:2] for f in _figs(
        "1 person killed after clash between rival clans sparked further violence")] == [(1, "killed")]
    assert [f[:2] for f in _figs(
        "9 cattle rustlers shot dead by police a week after the President warned raiders to surrender "
        "their arms")] == [(9, "killed")]


def test_one_person_told_by_a_pronoun_is_one_dead():
    assert [f[:2] for f in _figs("Suspected members of MRC attack policeman and kill him in Dzombo Forest.")] \
        == [(1, "killed")]
    assert [f[:2] for f in _figs("Unidentified assailants hit the editor of the Mirror Weekly with blunt "
                                 "objects and killed him.")] == [(1, "killed")]
    # "them": how many is not told
    assert _figs("Gunmen stopped the bus and killed them.") == []


def test_a_noun_before_the_people_counted_qualifies_them():
    # "9 cattle rustlers": the rustlers are counted, not the cattle
    assert [f[:2] for f in _figs("On Monday, 9 cattle rustlers were shot dead by police in Kainuk.")] == [(9, "killed")]
    assert [f[:2] for f in _figs("Raiders killed two primary school children in Kapelbok.")] == [(2, "killed")]


def test_what_a_victim_was_killed_for_is_no_toll():
    # the lynched man is one dead; the brother he was accused of killing is not this event's
    assert [f[:2] for f in _figs("A man is lynched for allegedly killing his brother.")] == [(1, "killed")]
    assert [f[:2] for f in _figs("A man was burnt to death by a vigilante mob for killing his daughter.")] \
        == [(1, "killed")]
    # also where the parser hangs "for" on the doers, or the deed is the second of two, or the
    # one arrested is told of
    assert _killed("A man was lynched by residents for killing a youth.") == [1]
    assert _killed("A man was lynched by residents of Mukothima for allegedly shooting and killing a youth.") == [1]
    assert _killed("Police arrested a man for killing his neighbour in Kisumu.") == []
    # a killing someone is blamed for is a toll
    assert [f[:2] for f in _figs("Police were criticised for killing two protesters in Kisumu.")] == [(2, "killed")]


def test_a_number_a_verb_of_its_own_counts_takes_no_unit_from_another():
    # "66 burned" are houses: not killed because "3 killed" follows
    assert [f[:2] for f in _figs("At least 300 houses razed, at least 66 burned, 3 killed.")] == [(3, "killed")]


def test_a_passive_with_its_subject_hung_on_believed_counts_the_victim():
    text = ("On Sunday night [13 February], a man believed to be a member of the Ogaden National "
            "Liberation Front (ONLF) was shot dead by gunmen in Garissa.")
    assert [f[:2] for f in _figs(text)] == [(1, "killed")]


def test_speakers_the_parser_read_into_the_list_of_the_dead_are_not_dead():
    text = ("Government forces pounded rebel-held areas of Idlib on Wednesday, killing at least 11 civilians, "
            "rescuers and a war monitor said.\n\nMore fighting was reported.")
    assert _figs(text) == [(11, "killed", True, "11")]
    (fig,) = find_figures(nlp.parse(text))
    assert fig.source == "rescuers and a war monitor"


def test_a_passive_split_by_its_day_counts_the_victims():
    # the parser hangs "men" on the auxiliary, or reads "shot" as a clause of "was"
    assert [f[:2] for f in _figs("Two men were on Monday lynched by a mob in Kisii.")] == [(2, "killed")]
    assert [f[:2] for f in _figs("A police officer was on Wednesday morning shot dead in Garissa.")] == [(1, "killed")]
    assert _figs("He was there when gunmen shot at him.") == []
    doc = nlp.parse("Two men were on Monday lynched by a mob.")
    assert (doc[1].dep_, doc[1].head.text) == ("nsubjpass", "lynched")


def test_a_figure_names_who_it_counts():
    figs = find_figures(nlp.parse("A suicide bomber killed 5 Chinese nationals and their Pakistani driver "
                                  "near Besham, police said. Another 12 were wounded."))
    assert [(f.quantity, f.unit, f.who) for f in figs] == [(5, "killed", "national"), (1, "killed", "driver"),
                                                         (12, "wounded", None)]
    assert [side_of(f) for f in figs] == ["civilians", None, None]
    assert [(f.quantity, f.who) for f in find_figures(nlp.parse("Gunmen killed two bodyguards and a passerby."))] \
        == [(2, "bodyguard"), (1, "passerby")]


def test_a_death_sentence_and_a_crowds_purpose_are_no_toll():
    assert _figs("A court in Baghdad sentenced three Islamic State members to death on Monday.") == []
    assert _figs("Three men were sentenced to death in Baghdad on Monday.") == []
    # the deed someone was sentenced for is theirs, not the event's
    assert _figs("Youths protested in Nairobi in support of a girl who was sentenced to death for killing her "
                 "husband.") == []
    # what a crowd gathered for is not what befell it
    figs = _figs("Thousands gathered in Kabul on Monday to mark the anniversary of the truck bombing that killed "
                 "150 people.")
    assert [f[:2] for f in figs] == [(150, "killed")]


def test_one_left_dead_and_one_killed_after_an_appositive():
    # "left X shot dead": the one left is the dead (the parser reads "shot" as a past tense)
    assert [f[:2] for f in _figs("A police operation left the son of a business owner shot dead in Nairobi.")] \
        == [(1, "killed")]
    # a clause opened by "and" whose subject the parser hung elsewhere, past an appositive
    text = ("Turkana and Samburu raiders exchanged gunfire during the day in the town of Baragoi and a "
            "Samburu herdsman, 16-year-old Nkilei Lekupuny, was killed in the gun battle.")
    assert [(f[0], f[1], f[3]) for f in _figs(text)] == [(1, "killed", "a Samburu herdsman")]
    # a passive that shares its subject with the verb before it is still that subject's
    text = "A police reservist responded to the distress call and was shot dead by the group."
    assert [(f[0], f[1], f[3]) for f in _figs(text)] == [(1, "killed", "A police reservist")]


def test_found_murdered_and_a_body_found_are_one_dead_each():
    for text in ("A man was found murdered in Garissa on Monday.",
                 "A woman was discovered murdered in her house in Kisumu.",
                 "A man from Kapsabet is discovered murdered by suspected neighbours.",
                 "Police found a chief hacked to death on his farm.",
                 "The body of a trader was found in Garissa.",
                 "A body was found dumped in the river near Kisumu."):
        assert [f[:2] for f in _figs(text)] == [(1, "killed")], text
    # found alive, a body not found, the victim's own body: no one more
    for text in ("A man was found hiding in a shop.", "No body was found.",
                 "Police are searching for the body of a fisherman.",
                 "The body of the missing girl has not been found."):
        assert _figs(text) == [], text
    text = "An IEBC official, Caroline Odiga, was killed and her body was dumped in the bushes."
    assert [f[:2] for f in _figs(text)] == [(1, "killed")]


def test_the_bodies_of_people_named_one_by_one_count_each():
    text = "The bodies of a teacher and his wife were found in Kiambu County."
    assert [f[:2] for f in _figs(text)] == [(1, "killed"), (1, "killed")]
    text = "On Monday, the bodies of the ICT Manager, Chris Msando, and another youth were found in a thicket in Kiambu County."
    assert sum(f[0] for f in _figs(text) if f[1] == "killed") == 2
    assert [f[:2] for f in _figs("Police recovered the bodies of three herders in Baringo.")] == [(3, "killed")]
    assert _figs("Police are searching for the bodies of a fisherman and his son.") == []


def test_kin_killed_with_the_victim_count_and_people_only_carried_do_not():
    text = "On Monday, a refugee camp worker was killed by unidentified armed men with his wife and son in Kericho town."
    assert sum(f[0] for f in _figs(text) if f[1] == "killed") == 3
    assert sum(f[0] for f in _figs("On Monday, a man was shot dead with his gun in Kericho town.") if f[1] == "killed") == 1
    text = "Gunman sprays vehicle carrying several Christian pastors with bullets, kills civilian"
    assert [f[:2] for f in _figs(text)] == [(1, "killed")]


def test_lives_lost_and_lives_claimed_are_the_dead():
    for text, n in (("A total of 23 people lost their lives in the attack.", 23),
                    ("The attack claimed the lives of 9 villagers.", 9),
                    ("The fighting has claimed more than 300 lives since January.", 300),
                    ("The strike cost the lives of 4 children.", 4)):
        assert [f[:2] for f in _figs(text)] == [(n, "killed")], text
    for text in ("Doctors saved 9 lives.", "The lives of 200,000 people are at risk.",
                 "The group claimed 3 attacks."):
        assert _figs(text) == [], text


def test_a_school_year_or_an_age_is_no_count_of_people():
    assert _killed("A form two student was shot dead by police in Kisii.") == [1]
    assert _killed("Gunmen shot dead a 19-year-old in Lamu on Friday.") == [1]


def test_a_number_before_a_noun_with_several_modifiers_counts_that_noun():
    # the officers are the doers: only the suspect is dead
    assert _killed("Two plain-clothes police officers gunned down a robbery suspect in Eastleigh.") == [1]


def test_people_a_verb_of_its_own_clause_counts_are_not_the_dead():
    assert _killed("One demonstrator was shot dead by police who were trying to disperse hundreds "
                   "of students.") == [1]
    # an ellipsis borrows the sentence's verb
    assert _killed("Five villagers were killed, as was one of the raiders.") == [5, 1]


def test_killed_in_action_colleagues_and_returnees():
    assert _killed("The army said nine soldiers were reportedly KIA.") == [9]
    assert _killed("A policeman shot dead three of his colleagues at a station in Garissa.") == [3]
    assert _killed("Two suspected militant returnees were shot dead in Kwale.") == [2]


def test_one_of_a_people_and_a_relation_are_people():
    assert _killed("A Kenyan is dead and two Swiss tourists are injured after an attack by armed men.") == [1]
    assert _killed("1 relation of a former MP was killed by unidentified assailants.") == [1]
    # a people named as a group is no one person
    assert _killed("The Kenyan army said nobody was killed.") == []


def _killed(text: str) -> list[int]:
    return [q for q, unit, _, _ in _figs(text) if unit == "killed"]


def test_people_the_tagger_takes_for_a_measure_are_counted():
    # the small model reads "20 assailants" as a QUANTITY, as it would "20 km"
    assert _killed("Jihadists attacked a camp on Sunday, killing 12 soldiers, the army said, adding that "
                   "20 assailants were killed.") == [12, 20]
    assert _figs("The convoy travelled 20 km before it was attacked.") == []


def test_a_group_the_tagger_takes_for_an_organisation_counts_its_members():
    assert _killed("7 ANSF and 4 Taliban were killed.") == [7, 4]
    # (a number before a maker's name counts no one: nothing befell them)
    assert _figs("He bought 3 Toyota cars in Kabul.") == []


def test_no_one_killed_is_no_toll():
    assert _killed("Al-Shabaab said no one was killed in the air strike.") == []
    assert _killed("No one was killed, but one soldier was killed later.") == [1]


def test_cadets_and_settlers_are_people():
    assert _killed("An ELN car bomb exploded at a police academy in Bogota, killing 22 cadets.") == [22]
    assert _killed("Two settlers were killed in a shooting near Nablus.") == [2]


def test_the_deed_done_to_people_beats_the_word_that_counts_them():
    # "inhabitants" counts people; stabbed to death, they are dead (a town's inhabitants are its population)
    assert _figs("Meru raiders stabbed 3 Isiolo inhabitants to death at Kiutine market.") == [(3, "killed", False, "3")]
    assert _figs("The town of 20,000 inhabitants was shelled on Monday.") == [(20000, "population", False, "20,000")]


def test_bare_counts_of_the_dead():
    # "two dead and cattle stolen": the dead, not two cattle
    assert _figs("Clashes between rival clans; two dead and cattle stolen") == [(2, "killed", False, "two")]
    assert _figs("Police responded shooting dead 2") == [(2, "killed", False, "2")]
    # their own clause tells it, a little further than a phrase elsewhere may
    assert _figs("Twelve people from the Degodia clan were during the nighttime hours killed when militia "
                 "raided Gunane village.") == [(12, "killed", False, "Twelve")]


def test_people_named_by_their_trade_are_counted_one_by_one():
    assert _killed("Police shot dead a matatu tout in Dandora.") == [1]
    assert _killed("Police detective shot dead while investigating unsolved murder") == [1]
    assert _killed("A school principal was hacked to death in Kisii.") == [1]
    # a trade with no harm done to its one is no figure
    assert _killed("A matatu tout said police had blocked the road.") == []


def test_a_lynching_counts_its_victim_dead_unless_the_report_says_he_lived():
    assert _killed("A suspected thief was lynched by residents in Kiritiri.") == [1]
    assert _killed("A suspected rapist is lynched by a mob in Kiritiri. Police rescued the man shortly "
                   "before death.") == []
    assert _killed("A man was lynched by a mob in Mbita. No fatalities reported, as police intervened.") == []


def test_people_named_by_their_past_or_their_kin_are_counted_one_by_one():
    assert _killed("A mob in Nyeri lynched a former robbery convict on Sunday.") == [1]
    assert _killed("A widow was beheaded by a vigilante mob in Samogara Village.") == [1]
    assert _killed("Gunmen shot dead a butcher in Embakasi.") == [1]


def test_both_and_a_couple_count_two():
    assert _killed("Two men were beaten by a mob in Mombasa. Both men were killed in the attack.") == [2]
    assert _killed("A couple of civilians were killed in Mandera.") == [2]
    assert _killed("He was shot in both legs.") == []


def test_shot_dead_around_its_object_counts_the_one_shot():
    # the parser reads "dead" as the object's modifier ("a suspect dead")
    assert _killed("Police shot a suspect dead in Mombasa.") == [1]
    assert _killed("Police shoot Al Shabaab suspect dead in shoot-out") == [1]
    assert _killed("Police shot a suspect wanted for robbery in Mombasa.") == []


def test_a_headline_the_parser_misreads_still_counts_the_one_it_befell():
    # the tagger reads "lynch" as a noun, "kills" as a conjunct of "village", "shot" as a noun
    assert _killed("Villagers lynch thief") == [1]
    assert _killed("Bandits attack homestead and kill herder") == [1]
    assert _killed("Youths kill a trader and torch houses in Kibera.") == [1]
    assert _killed("Armed raiders shot dead a Briton in Laikipia.") == [1]
    assert _killed("Raiders attack three villages, killing seven and stealing cattle.") == [7]
    # no deed done: intended, accused, nearly, or a noun ("an alleged murder suspect")
    assert _killed("Residents tried to lynch thief") == []
    assert _killed("Angry residents nearly lynched a pickpocket.") == []
    assert _killed("Clashes after an alleged murder suspect was released by police.") == []
    assert _killed("Gunmen raid homestead and kill family") == []


def test_what_the_victim_is_believed_to_have_done_is_no_toll():
    # the parser splits "they believe killed a child" off as a verb of the main clause
    def dead(text):
        return [f[3] for f in _figs(text) if f[1] == "killed"]
    assert dead("A mob lynches a man they believe killed an 8-month-old child.") == ["a man"]
    assert dead("Students attack and kill a man they believed murdered a colleague.") == ["a man"]
    assert dead("Residents stoned to death a suspected thief in Kisii.") == ["a suspected thief"]


def test_a_number_before_a_deed_the_parser_reads_as_a_noun_counts_the_dead():
    # spaCy tags "shot" a noun here and hangs the number on it
    assert _killed("Three shot dead by bandits who also stole goats") == [3]
    assert _killed("7 shot dead by police during the riots.") == [7]


def test_the_size_of_a_group_is_no_toll():
    assert _killed("A suspect was killed when police met an armed group of 8 on patrol.") == [1]
    assert _killed("8 people were killed in an attack by a gang of 20.") == [8]


def test_the_word_after_the_people_counted_says_what_befell_them():
    figs = [(f[0], f[1]) for f in _figs("A herder was killed in the shootout, several others missing.")]
    assert figs == [(1, "killed"), (3, "missing")]
    assert [(f[0], f[1]) for f in _figs("Four police officers killed, two police missing.")] == [(4, "killed"), (2, "missing")]


def test_one_named_right_before_a_passive_the_parser_splits_is_counted():
    # the tagger reads the surname "Were" as a verb
    assert _killed("Newly elected ODM legislator Melitus Were was shot dead in Kisumu.") == [1]
    figs = [f[3] for f in _figs("Newly elected ODM legislator Melitus Were was shot dead in Kisumu.") if f[1] == "killed"]
    assert figs == ["Melitus Were"]
    assert _killed("Protesters were shot dead") == []


def test_more_misread_headlines_still_count_their_dead():
    assert _killed("A mob lynches and burns a suspected cattle thief in Kisii.") == [1]
    assert _killed("Gunmen raid the home of a trader, killing and robbing him.") == [1]
    assert _killed("Residents on lynched three suspected robbers at the market.") == [3]
    assert _killed("Demonstrators marched in Kisumu. FATALITIES: 1 unarmed protester shot dead by police") == [1]
    assert _killed("A Turkana is killed by raiders near Lokori.") == [1]
    # a relative clause on the one it befell tells his deed, not this event's dead
    assert _killed("Police shot a man who had killed three people in Nyeri.") == []


def test_a_day_between_was_and_the_deed_and_a_group_acronym_still_count():
    # the parser reads "shot" as a noun after the day, and "SLDF" as a common noun
    assert _killed("A herdsman was on Sunday shot dead near Hola.") == [1]
    assert _killed("6 suspected MRC killed, 2 seriously injured.") == [6]
    assert _killed("5 AK47 rifles recovered") == []


def test_people_of_whom_some_died_are_not_all_dead():
    # "of whom" opens a clause with its own subject and its own deed
    assert _killed("Riots broke out. 13 were shot, 1 of whom was killed.") == [1]
    assert _figs("Five were wounded, two of whom died later.") == [(5, "wounded", False, "Five"), (2, "killed", False, "two")]


def test_more_people_a_toll_counts_and_one_named_in_a_headline():
    assert _killed("At least one patron is killed when gunmen attack a country club bar in Wajir.") == [1]
    assert _killed("Two revellers were killed.") == [2]
    # a people's singular as a headline's object, with no article
    assert _killed("Ethiopian raiders kill Kenyan, steal cattle") == [1]
    assert _killed("Raiders attacked Kenyans.") == []
    # a name the tagger takes for a firm is a person when its apposition is one
    assert _killed("A policeman shot dead Mwenda Itaeba, a Jubilee politician.") == [1]


def test_a_deed_told_of_the_one_arrested_or_of_a_subject_is_counted():
    # the news told of the one arrested for it (but not what the one police shot had done)
    assert _killed("Police in Nanyuki have arrested a rogue officer who shot dead two colleagues on Saturday.") == [2]
    assert _killed("Police shot a man who had killed three people.") == []
    # a relative clause on a sentence's subject: its antecedent is the one it befell
    assert _killed("A man who was killed had his eyes gouged out.") == [1]
    assert _killed("Boda Boda operators block a road in protest of a colleague who had died.") == []


def test_who_someone_is_said_to_be_and_a_death_asked_about_count_no_one():
    assert _killed("Pastoralists killed a man believed to be one of the attackers.") == [1]
    assert _killed("Police killed two men who were said to be members of the gang.") == [2]
    assert _killed("Police shot and wounded a man in Kusauni. It is not clear if the victim survived, or died.") == []
    assert _killed("It is unclear whether the man died.") == []


def test_the_martyred_are_dead():
    assert _killed("Two soldiers were martyred in the exchange of fire.") == [2]


def test_another_after_people_told_is_one_more_of_them():
    assert _killed("A suspected thief was lynched by a mob while another was gunned down by police.") == [1, 1]
    assert _killed("Two people were killed on Monday and another died in hospital.") == [2, 1]
    assert [(q, u) for q, u, _, _ in _figs("One was killed and another was injured.")] == [(1, "killed"), (1, "wounded")]
    # a sentence that tells no people before it counts no one
    assert _killed("Another was shot dead on Monday.") == []
    # and deeds accused of, given as a noun's reason, count none
    assert _killed("A mob lynched a man over allegations of killing a teacher.") == [1]


@pytest.mark.parametrize("text", [
    "Farmer found killed, throat slit, near Thiba.",  # a headline's finding, read as two clauses
    "Aid worker found dead on side of road near Garissa.",
    "A chief said to be instrumental in the fight against cattle theft was gunned down by raiders.",
])
def test_one_person_found_dead_or_killed_in_a_misparsed_sentence_is_one_killed(text):
    assert _killed(text) == [1]


def test_a_finding_told_of_someone_named_before_still_counts_them_once():
    assert _killed("A prominent cleric is kidnapped and later found dead.") == [1]
    assert _killed("Police found a man killed in his house.") == [1]


def test_a_number_of_people_is_no_one_person():
    assert _killed("An unknown number of people are feared dead in Marsabit.") == []
    assert _killed("An undisclosed number of soldiers were killed in the ambush.") == []
    assert _killed("A leader of the herders was killed near Kapedo.") == [1]


def test_an_ordinal_after_people_counted_is_one_more_of_them():
    assert _killed("Russian strikes killed three people in Kharkiv on Monday, and a fourth died in hospital.") == [3, 1]
    assert _killed("A fourth attack hit the city on Monday.") == []


def test_people_listed_one_by_one_are_each_counted():
    # a list the parser reads as an apposition is still a list
    assert _killed("A 7 year old boy, a pregnant woman, and a demonstrator were killed by police bullets.") == [1, 1, 1]
    # one named man, described: one
    assert _killed("Gunmen shot dead Mwenda Itaeba, a Jubilee politician.") == [1]
    assert _killed("A teacher, a father of four, was killed by bandits.") == [1]
    # bodies found one by one
    assert _killed("His body and the body of a woman were found the next day.") == [1, 1]


def test_a_number_that_sizes_the_group_of_those_counted_counts_no_one():
    assert _killed("3 members of one family were killed by raiders.") == [3]
    assert _killed("Gunmen killed two of three travellers.") == [2]
    assert _killed("The attack killed 5 people, three of one family.") == [5]
    # an amount is no person, whatever its ending
    assert _killed("A roadside bomb left two soldiers killed and an unspecified number wounded.") == [2]
    # (parts by day are the events stage's to read)
    assert _killed("Gabra militia kills five Borana herders at Kubi Kalo; one on 11/04, four on 12/04.") == [5, 1, 4]


def test_days_of_a_month_written_as_a_range_count_no_one():
    assert _killed("Clashes on 3-4 May killed eight people in Baringo.") == [8]
    assert _killed("Raiders killed 5-7 policemen in Baringo.") == [5]


def test_the_part_of_whom_a_later_clause_tells_gives_the_count_before_it_no_unit():
    # "1 of whom was killed" is the parser's adverbial clause: the 13 were shot, not killed
    assert _killed("13 were shot in Kisumu, 1 of whom was killed by the police.") == [1]
    # (a clause with the counted people as its subject is theirs)
    assert _killed("On 13 March 2020, 5 IS militants were killed by an Afghan forces airstrike in Kunar.") == [5]


def test_a_range_between_two_numbers_counts_its_lowest_though_ner_calls_it_a_date():
    # spaCy tags "Between 10 and 15" as a DATE
    assert _killed("Between 10 and 15 people were killed in clashes in El Fasher on Friday.") == [10]
    # "and" between counts of two kinds is no range
    assert sorted(_killed("Three soldiers and five militants were killed in a gunfight on Saturday.")) == [3, 5]


def test_a_toll_put_at_a_number_is_a_count_of_the_dead():
    assert sorted(_killed("More than 100 people were killed in an attack on Barsalogho on Saturday; the "
                          "government put the toll at 40.")) == [40, 100]


def test_a_crowd_at_a_funeral_is_not_the_dead_it_mourns():
    assert _killed("Thousands attended the funeral of two men killed by police on Monday.") == [2]


def test_people_burned_alive_are_dead_whichever_side_of_them_alive_stands():
    assert (13, "killed") in [(q, u) for q, u, _, _ in _figs("Gang members burned 13 people alive in Cite Soleil.")]
    assert (13, "killed") in [(q, u) for q, u, _, _ in _figs("Gang members burned alive 13 people in Cite Soleil.")]
    # (things burned are no dead)
    assert not [f for f in _figs("Rioters burned two cars and a police post in Cite Soleil.") if f[1] == "killed"]


def test_ranks_guides_and_escorts_are_people_counted_one_by_one():
    from warwire import figures, nlp

    def killed(text):
        return sum(f.quantity for f in figures.find_figures(nlp.parse(text)) if f.unit == "killed")

    assert killed("On 2 January 2020, a major, a soldier and a policeman were killed in an encounter in Kupwara.") == 3
    assert killed("Gunmen killed six French aid workers and their two Nigerien guides near Koure.") == 8
    # a bomber killed with his victims is counted with them
    assert killed("A suicide bomber blew himself up at a restaurant in Mogadishu, killing 5 civilians and himself.") == 6


def test_a_denial_that_anyone_was_killed_counts_no_one():
    # "any protester" or "no protester" before "was killed" is no one person killed
    assert _figs("The army denied that any protester was killed.") == []
    assert _figs("The army said that no protester was killed in Lagos.") == []
    assert [f[:2] for f in _figs("A protester was killed in Lagos.")] == [(1, "killed")]
    # a range of people the parser hung on "between" is still counted, at its lowest
    assert [f[:2] for f in _figs("On 3 June 2020, between 3 and 5 people were killed in Hawija.")] == [(3, "killed")]
