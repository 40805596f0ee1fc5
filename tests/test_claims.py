"""Quotes, reported speech and claims (warwire.claims)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warwire import nlp
from warwire.claims import find_quotes, link_claims, load_cues
from warwire.errors import DataError
from warwire.model import Actor, Event, Quote, Span

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE = SAMPLES / "khan-shaikhoun-2019-08-20.txt"


def _body(raw: str) -> str:
    """Minimal cleaning: drop the headline, site boilerplate and caption before the body."""
    return raw[raw.index("Syrian opposition fighters"):]


@pytest.fixture(scope="module")
def sample_doc():
    if not SAMPLE.exists():
        pytest.skip(f"sample article not available at {SAMPLE}")
    return nlp.parse(_body(SAMPLE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def sample_quotes(sample_doc) -> list[Quote]:
    return find_quotes(sample_doc)


def _by_text(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}: {[q.text for q in quotes]}"
    return found[0]


def _event(eid: str, text: str, phrase: str, sub: str = "Air/drone strike",
           etype: str = "Explosions/Remote violence") -> Event:
    i = text.index(phrase)
    return Event(id=eid, event_type=etype, sub_event_type=sub,
                 evidence=[Span(start=i, end=i + len(phrase), text=phrase)])


# --------------------------------------------------------------------------- sample article
def test_sample_abdulqader_direct_quote(sample_doc, sample_quotes):
    q = _by_text(sample_quotes, "completely surrounded by government forces")
    assert q.direct
    assert q.speaker == "Suleiman Abdulqader"
    assert q.speaker_kind == "person"
    assert "local activist" in q.speaker_role
    assert q.told_to == "Al Jazeera"
    assert sample_doc.text[q.span.start:q.span.end] == q.span.text
    assert q.span.text.startswith("Khan Shaikhoun has become")


def test_sample_he_said_and_first_name_resolve_to_full_name(sample_quotes):
    he = _by_text(sample_quotes, "They moved towards the north")
    assert he.speaker == "Suleiman Abdulqader"
    assert he.speaker_span.text == "he"
    first = _by_text(sample_quotes, "still stuck north of Khan Sheikhoun")
    assert first.speaker == "Suleiman Abdulqader"
    assert "local activist" in first.speaker_role  # role carried over


def test_sample_sheikho(sample_quotes):
    q = _by_text(sample_quotes, "not been able to move")
    assert q.speaker == "Ahmed Sheikho"
    assert "Syrian Civil Defence" in q.speaker_role
    assert q.told_to == "Al Jazeera"
    later = _by_text(sample_quotes, "virtually no civilians")
    assert later.speaker == "Ahmed Sheikho"
    assert "Syrian Civil Defence" in later.speaker_role
    # “A,” Sheikho said. “B.” is one quote
    assert "Many want to return to their homes" in later.text


def test_sample_reported_speech(sample_quotes):
    hus = _by_text(sample_quotes, "Jaish al-Izza")
    assert not hus.direct
    assert hus.speaker == "Ahmed Husseinat"
    assert hus.speaker_role.lower() == "local activist"
    assert hus.text.startswith("the fighters who withdrew")

    hts = _by_text(sample_quotes, "redeployment")
    assert not hts.direct
    assert "HTS" in hts.speaker
    assert hts.speaker_kind == "institution"
    assert hts.cue == "describe"

    ministry = _by_text(sample_quotes, "air raids struck a Turkish military convoy")
    assert ministry.speaker == "Turkish Defence Ministry"
    assert ministry.speaker_kind == "institution"

    gov = _by_text(sample_quotes, "carrying ammunition")
    assert gov.speaker == "Syrian government"
    assert gov.speaker_kind == "institution"

    un = _by_text(sample_quotes, "400,000 people")
    assert un.speaker == "United Nations"
    assert un.speaker_kind == "institution"
    assert un.cue == "according to"


def test_sample_quote_ids_are_stable_and_ordered(sample_doc, sample_quotes):
    assert [q.id for q in sample_quotes] == [f"q{i}" for i in range(len(sample_quotes))]
    starts = [q.span.start for q in sample_quotes]
    assert starts == sorted(starts)
    assert find_quotes(sample_doc) == sample_quotes
    # the scare quote in the sub-headline is not a quote
    assert not any(q.text == "stuck" for q in sample_quotes)


def test_sample_hts_framing_contests_withdrawal(sample_doc, sample_quotes):
    text = sample_doc.text
    withdrawal = _event("w1", text, "Syrian opposition fighters have withdrawn from a key town",
                        sub="Non-violent transfer of territory", etype="Strategic developments")
    claims, contested = link_claims(sample_quotes, [withdrawal], text=text)
    framing = [c for c in claims if "redeployment" in c.proposition]
    assert len(framing) == 1
    assert framing[0].stance == "contests"
    assert framing[0].aspect == "framing"
    assert framing[0].event_id == "w1"
    assert contested == {"w1"}
    asserting = [c for c in claims if c.claimant == "Suleiman Abdulqader"]
    assert asserting and all(c.stance == "asserts" for c in asserting)


# --------------------------------------------------------------------------- small texts
def test_curly_and_straight_quotes_give_the_same_quote():
    curly = nlp.parse("“We will not leave our homes,” said Omar Khalid, a doctor in Ariha.")
    straight = nlp.parse('"We will not leave our homes," said Omar Khalid, a doctor in Ariha.')
    for doc in (curly, straight):
        (q,) = find_quotes(doc)
        assert q.direct
        assert q.text == "We will not leave our homes"
        assert q.speaker == "Omar Khalid"
        assert q.speaker_role == "doctor in Ariha"
        assert q.span == Span(start=1, end=29, text="We will not leave our homes,")


def test_single_curly_quotes_and_apostrophes():
    doc = nlp.parse("‘We’re staying in the town’s centre,’ Mariam Haddad said.")
    (q,) = find_quotes(doc)
    assert q.text == "We’re staying in the town’s centre"
    assert q.speaker == "Mariam Haddad"


def test_multi_paragraph_quote_is_one_quote():
    text = ("“The army has surrounded the town and cut every road.\n\n"
            "“Nobody can get in or out,” said Mariam Haddad, a resident of Kafr Nabl.")
    (q,) = find_quotes(nlp.parse(text))
    assert q.direct
    assert q.text == "The army has surrounded the town and cut every road. Nobody can get in or out"
    assert q.speaker == "Mariam Haddad"
    assert q.span.start == 1
    assert q.span.end == text.index(",”") + 1


def test_split_quote_and_pronoun_resolution():
    text = ("Omar Khalid, a doctor in Ariha, said: “We received 30 bodies.” "
            "Hospital staff were exhausted. “The rescue teams cannot reach us,” he said.")
    quotes = find_quotes(nlp.parse(text))
    assert [q.speaker for q in quotes if q.direct] == ["Omar Khalid", "Omar Khalid"]
    he = [q for q in quotes if "rescue teams" in q.text][0]
    assert he.speaker_role == "doctor in Ariha"
    assert he.speaker_span.text == "he"


def test_institutions_and_outlets():
    text = ("HTS said its fighters had repelled the attack. "
            "Spokesman Naji Mustafa told Reuters that the town had fallen.")
    quotes = find_quotes(nlp.parse(text))
    hts = _by_text(quotes, "repelled")
    assert (hts.speaker, hts.speaker_kind) == ("HTS", "institution")
    naji = _by_text(quotes, "the town had fallen")
    assert naji.speaker == "Naji Mustafa"
    assert naji.speaker_role == "spokesman"
    assert naji.told_to == "Reuters"
    assert naji.speaker_kind == "person"


def test_actor_mentions_mark_groups_as_institutions():
    doc = nlp.parse("Jaish al-Izza said its fighters had left the town.")
    (plain,) = find_quotes(doc)
    actors = [Actor(name="Jaish al-Izza", kind="rebel_group", surface_forms=["Jaish al-Izza"])]
    (q,) = find_quotes(doc, actor_mentions=actors)
    assert q.speaker == plain.speaker == "Jaish al-Izza"
    assert q.speaker_kind == "institution"


def test_denial_contests_accusation():
    text = ("Warplanes struck a market in Maarat al-Numan on Monday. "
            "The White Helmets accused Russian jets of bombing the market. "
            "Russia denied carrying out the strike.")
    quotes = find_quotes(nlp.parse(text))
    event = _event("e1", text, "Warplanes struck a market in Maarat al-Numan")
    claims, contested = link_claims(quotes, [event], text=text)
    by_claimant = {c.claimant: c for c in claims}
    assert by_claimant["White Helmets"].stance == "accuses"
    assert by_claimant["White Helmets"].aspect == "perpetrator"
    assert by_claimant["Russia"].stance == "denies"
    assert by_claimant["Russia"].proposition == "carrying out the strike"
    assert by_claimant["Russia"].event_id == "e1"
    assert contested == {"e1"}


def test_a_denial_is_about_its_own_paragraph_not_the_next():
    text = ("Ukraine's military said its forces had retaken several positions near Bakhmut on Monday. "
            "Russia's defence ministry denied the claim.\n\n"
            "In the south, Russian artillery shelled the town of Orikhiv, killing a man, the regional "
            "administration said.")
    quotes = find_quotes(nlp.parse(text))
    bakhmut = _event("e1", text, "its forces had retaken several positions near Bakhmut on Monday")
    orikhiv = _event("e2", text, "Russian artillery shelled the town of Orikhiv, killing a man")
    claims, contested = link_claims(quotes, [bakhmut, orikhiv], text=text)
    denial = next(c for c in claims if c.stance == "denies")
    assert denial.event_id == "e1" and contested == {"e1"}


def test_uncontested_event_not_in_contested_set():
    text = ("Warplanes struck a market in Maarat al-Numan on Monday. "
            "The civil defence said the strike destroyed the market.")
    quotes = find_quotes(nlp.parse(text))
    event = _event("e1", text, "Warplanes struck a market in Maarat al-Numan")
    claims, contested = link_claims(quotes, [event], text=text)
    assert [c.stance for c in claims] == ["asserts"]
    assert contested == set()


def test_conflicting_figures_are_both_kept():
    text = ("An air strike hit a school in Ariha on Sunday. "
            "At least 8 people were killed, according to the Syrian Observatory for Human Rights. "
            "The civil defence said 12 people were killed.")
    quotes = find_quotes(nlp.parse(text))
    event = _event("e1", text, "An air strike hit a school in Ariha")
    claims, contested = link_claims(quotes, [event], text=text)
    figures = [c for c in claims if c.aspect == "figure"]
    assert [c.claimant for c in figures] == ["Syrian Observatory for Human Rights", "civil defence"]
    assert [c.stance for c in figures] == ["asserts", "contests"]
    assert all(c.event_id == "e1" for c in figures)
    assert contested == {"e1"}


def test_unrelated_quote_makes_no_claim():
    text = ("Warplanes struck a market in Maarat al-Numan on Monday.\n\n"
            "Separately, the foreign minister said talks on trade with Jordan would resume.")
    quotes = find_quotes(nlp.parse(text))
    assert quotes and quotes[0].speaker == "foreign minister"
    event = _event("e1", text, "Warplanes struck a market in Maarat al-Numan")
    claims, _ = link_claims(quotes, [event], text=text)
    assert claims == []


def test_bad_cue_file_raises_data_error(tmp_path):
    bad = tmp_path / "speech_cues.toml"
    bad.write_text('[verbs]\nsay = "shout"\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"speech_cues.toml.*verbs\.say"):
        load_cues(bad)


# --------------------------------------------------------------------------- issue 5 additions
def test_bare_institution_resolves_to_the_one_named_before():
    text = ("Air raids struck a Turkish convoy in Idlib on Monday, Turkey's Defence Ministry said. "
            "The ministry said three civilians were killed in the strike.")
    quotes = find_quotes(nlp.parse(text))
    assert [q.speaker for q in quotes] == ["Turkey's Defence Ministry", "Turkey's Defence Ministry"]
    assert all(q.speaker_kind == "institution" for q in quotes)
    assert quotes[1].speaker_span.text == "ministry"  # the span still points at the words read


def test_they_resolves_to_the_plural_speaker():
    text = "Rebels left the town on Tuesday, activists said. They said the fighters moved north."
    quotes = find_quotes(nlp.parse(text))
    assert [q.speaker for q in quotes] == ["activists", "activists"]
    assert quotes[1].speaker_span.text == "They"


def test_sources_blaming_different_perpetrators_contest():
    text = ("Jets bombed a market in Ariha on Sunday. "
            "The Syrian Observatory for Human Rights said Russian jets carried out the raid. "
            "Local activists said Syrian government warplanes carried out the raid.")
    quotes = find_quotes(nlp.parse(text))
    event = _event("e1", text, "Jets bombed a market in Ariha on Sunday")
    claims, contested = link_claims(quotes, [event], text=text)
    blame = [(c.claimant, c.stance, c.aspect) for c in claims]
    assert blame == [("Syrian Observatory for Human Rights", "asserts", "perpetrator"),
                     ("Local activists", "contests", "perpetrator")]
    assert contested == {"e1"}


def test_a_contesting_source_s_other_statements_are_its_version(sample_doc, sample_quotes):
    text = sample_doc.text
    withdrawal = _event("w1", text, "Syrian opposition fighters have withdrawn from a key town",
                        sub="Non-violent transfer of territory", etype="Strategic developments")
    claims, _ = link_claims(sample_quotes, [withdrawal], text=text)
    hts = [c for c in claims if c.claimant and "Tahrir al-Sham" in c.claimant]
    assert len(hts) == 2 and all(c.stance == "contests" for c in hts)
    assert any("southern part of Khan Sheikhoun" in c.proposition for c in hts)


def test_conjoined_and_participle_speech_verbs_take_the_main_subject():
    text = ("The governor visited the camp and said that 40 families had arrived overnight. "
            "The army shelled the village on Friday, saying that fighters were hiding there.")
    quotes = find_quotes(nlp.parse(text))
    got = {(q.speaker, q.text) for q in quotes}
    assert ("governor", "40 families had arrived overnight") in got
    assert ("army", "fighters were hiding there") in got


# --------------------------------------------------------------------------- attribution recall
def test_quote_before_an_abbreviated_title_keeps_its_speaker():
    for text, speaker in (('"We will not surrender the town," Mr. Khalid said.', "Mr. Khalid"),
                          ('"The road is cut," Gen. Ali Ayoub said on Monday.', "Gen. Ali Ayoub")):
        (q,) = find_quotes(nlp.parse(text))
        assert (q.speaker, q.cue, q.direct) == (speaker, "say", True)


def test_quote_closing_its_sentence_belongs_to_the_words_before_it():
    text = 'The commander said "we will retake every village." That promise was repeated later.'
    (q,) = find_quotes(nlp.parse(text))
    assert q.speaker == "commander"
    assert q.text == "we will retake every village."


def test_speaker_labels_in_headlines_and_transcripts():
    text = ("Ahmed Sheikho: The army shelled the market at dawn\n\n"
            "Ahmed Sheikho, a volunteer with the civil defence, spoke from Idlib.")
    (q,) = find_quotes(nlp.parse(text))
    assert (q.speaker, q.cue, q.text) == ("Ahmed Sheikho", ":", "The army shelled the market at dawn")
    assert q.speaker_span.text == "Ahmed Sheikho"
    transcript = 'MS. HADDAD: "Nobody can get in or out of the town."\n\nThe hearing ended at noon.'
    (t,) = find_quotes(nlp.parse(transcript))
    assert (t.speaker, t.direct) == ("MS. HADDAD", True)
    # topics, places and page furniture are not speakers
    for not_label in ("Update: The army shelled the market at dawn.\n\nMore follows.",
                      "Idlib: Syrian troops close in on Khan Sheikhoun\n\nTroops advanced."):
        assert find_quotes(nlp.parse(not_label)) == []


def test_nominal_attribution_with_a_possessive_source():
    doc = nlp.parse("The ministry's claim that rebels shelled the town was rejected.")
    (q,) = find_quotes(doc)
    assert (q.speaker, q.cue, q.text) == ("ministry", "claim", "rebels shelled the town")
    assert q.speaker_kind == "institution"
    assert load_cues().hint(q.cue) == "claim"


def test_statement_saying_and_quoted_as_saying_take_the_main_subject():
    quotes = find_quotes(nlp.parse(
        "The group issued a statement saying its fighters had withdrawn to the south. "
        "The governor was quoted as saying that the curfew would be lifted."))
    got = [(q.speaker, q.text) for q in quotes]
    assert got == [("group", "its fighters had withdrawn to the south"),
                   ("governor", "the curfew would be lifted")]


def test_partial_quote_inside_a_reported_clause_is_the_whole_clause():
    text = ('The mayor said the water station was damaged, and he added that repairing it '
            '"will take months."')
    quotes = find_quotes(nlp.parse(text))
    added = _by_text(quotes, "will take months")
    assert added.cue == "add"
    assert added.speaker == "mayor" and added.speaker_span.text == "he"
    assert added.text.startswith("repairing it")  # not only the quoted words
    assert [q.cue for q in quotes] == ["say", "add"]


def test_statement_inside_another_is_not_a_second_quote():
    quotes = find_quotes(nlp.parse("The ministry said rebels wanted to seize the town."))
    assert [(q.speaker, q.text) for q in quotes] == [("ministry", "rebels wanted to seize the town")]
    text = ("The two ministers agreed to set up a committee, according to a statement from the "
            "foreign ministry.")
    (q,) = find_quotes(nlp.parse(text))
    assert (q.speaker, q.cue) == ("foreign ministry", "according to")


def test_relative_pronoun_speaker_is_its_antecedent():
    doc = nlp.parse("Residents were joined by Ahmed Sheikho, a local activist who said that the "
                    "army had shelled the market.")
    (q,) = find_quotes(doc)
    assert (q.speaker, q.speaker_role, q.speaker_span.text) == (
        "Ahmed Sheikho", "local activist", "who")


def test_intentions_and_evaluations_are_attributed_but_bylines_are_not():
    quotes = find_quotes(nlp.parse(
        "The commander vowed to retake the town. The opposition criticised the offensive. "
        "Reporting was contributed by Anne Barnard, who reported from Beirut."))
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("commander", "vow", "to retake the town"),
        ("opposition", "criticise", "the offensive")]
    assert load_cues().hint("criticise") == "accuse"
