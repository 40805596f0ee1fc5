"""Tests of the actors stage (warwire.actors) and its knowledge base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warwire import actors
from warwire.errors import DataError

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE = SAMPLES / "khan-shaikhoun-2019-08-20.txt"
PUBLISHED = dt.date(2019, 8, 20)

HTS = "Hayat Tahrir al-Sham"
NLF = "NLF: National Liberation Front"


@pytest.fixture(scope="module")
def kb() -> actors.ActorKB:
    return actors.load_knowledge()


def names(mentions) -> list[str | None]:
    return [m.actor for m in mentions]


# ------------------------------------------------------------------ named actors
@pytest.mark.parametrize(
    "surface",
    ["Hay’et Tahrir al-Sham", "Hay'et Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS",
     "Tahrir al-Sham", "Hay`at Tahrir al Sham", "Hayʼat Tahrir ash-Sham", "HAY'ET TAHRIR AL-SHAM"],
)
def test_hts_variants_resolve_to_one_actor(kb, surface):
    text = f"Fighters of {surface} withdrew."
    found = kb.find(text, generic=False)
    assert names(found) == [HTS]
    m = found[0]
    assert text[m.start:m.end] == surface == m.text


def test_all_hts_forms_in_one_text_give_one_model_actor(kb):
    text = "Hay’et Tahrir al-Sham (HTS) said. Hayat Tahrir al-Sham and Tahrir al-Sham agreed; HTS left."
    model_actors = actors.to_model(kb.find(text, generic=False), kb)
    assert [a.name for a in model_actors] == [HTS]
    assert len(model_actors[0].mentions) == 5
    assert model_actors[0].surface_forms == ["Hay’et Tahrir al-Sham", "HTS", "Hayat Tahrir al-Sham", "Tahrir al-Sham"]


def test_nlf_three_mentions_and_backed_by_turkey(kb):
    text = "the Turkish-backed al-Jabha al-Wataniya lil-Tahrir (the National Liberation Front, NLF) – a loose coalition"
    found = kb.find(text, generic=False)
    assert names(found) == [NLF] * 3
    assert [m.text for m in found] == ["al-Jabha al-Wataniya lil-Tahrir", "National Liberation Front", "NLF"]
    model_actors = actors.to_model(found, kb, "SY", PUBLISHED)
    assert len(model_actors) == 1
    nlf = model_actors[0]
    assert nlf.kind == "rebel_group" and nlf.inter == 2 and nlf.country == "SY"
    assert [s.text for s in nlf.mentions] == ["al-Jabha al-Wataniya lil-Tahrir", "National Liberation Front", "NLF"]
    assert nlf.mentions[2].start == text.index("NLF")
    assert any(a.relation == "backed_by" and a.target == "Turkey" for a in nlf.affiliations)


def test_jaish_al_izza_found(kb):
    text = "fighters were from the rebel faction Jaish al-Izza and others"
    found = kb.find(text, generic=False)
    assert names(found) == ["Jaish al-Izza"]
    assert (found[0].start, found[0].end) == (text.index("Jaish"), text.index(" and"))


def test_hts_formerly_al_qaeda(kb):
    info = kb.info(HTS)
    assert info is not None and info.kind == "rebel_group"
    rel = [a for a in info.affiliations if a.relation == "formerly" and a.target == "al-Qaeda"]
    assert rel and rel[0].until == "2016"


def test_acronyms_are_case_sensitive(kb):
    assert kb.find("It has not been able to move; hts and nlf are lower case.", generic=False) == []
    assert names(kb.find("The SDF and YPG held the town; HTS did not.", generic=False)) == [
        "SDF: Syrian Democratic Forces", "YPG: People's Protection Units", HTS]


def test_word_boundaries(kb):
    # "IS" must not match inside "ISIS", nor "NLF"/"Hamas" inside longer tokens
    found = kb.find("ISIS claimed it")
    assert [(m.text, m.role) for m in found] == [("ISIS", "Islamic State")]
    assert kb.find("NLFX and xNLF", generic=False) == []
    assert kb.find("Hamaseen", generic=False) == []


def test_descriptor_next_to_a_named_actor_is_not_a_second_actor(kb):
    assert [m.text for m in kb.find("the rebel faction Jaish al-Izza withdrew")] == ["Jaish al-Izza"]
    assert [m.text for m in kb.find("JNIM militants attacked, then gunmen fled")] == ["JNIM", "gunmen"]


def test_acronym_in_all_caps_headline_is_ignored(kb):
    assert kb.find("WHAT IS LEFT OF THE TOWN AFTER THE WAR", generic=True) == []


def test_longest_match_wins(kb):
    found = kb.find("Turkish-backed Syrian National Army fighters", generic=True)
    assert names(found) == ["SNA: Syrian National Army"]
    assert found[0].text == "Turkish-backed Syrian National Army"


def test_a_front_whose_name_contains_another_fronts_is_its_own_actor(kb):
    # the Ogaden National Liberation Front is not Syria's National Liberation Front
    found = kb.find("a member of the Ogaden National Liberation Front (ONLF)")
    assert names(found) == ["ONLF: Ogaden National Liberation Front"] * 2
    assert kb.actors["ONLF: Ogaden National Liberation Front"].country == "ET"


def test_ambiguous_alias_resolved_by_other_actors_country(kb):
    syria = kb.find("The SNA and the SDF clashed near Manbij; HTS watched.", on=dt.date(2020, 1, 1))
    assert syria[0].actor == "SNA: Syrian National Army"
    assert set(syria[0].candidates) == {"SNA: Syrian National Army", "Military Forces of Somalia (2017-2022)"}
    somalia = kb.find("The SNA and AMISOM pushed al-Shabaab out of the town.", on=dt.date(2020, 1, 1))
    assert somalia[0].actor == "Military Forces of Somalia (2017-2022)"
    # Cabo Delgado's insurgents are called al-Shabaab too: the feed's country decides
    text = "Al-Shabaab insurgents attacked the town of Palma."
    assert names(kb.find(text, on=dt.date(2021, 3, 25), country="MZ")) == ["Islamic State (Mozambique)"]
    assert names(kb.find(text, on=dt.date(2021, 3, 25))) == ["Al Shabaab"]
    # a name that is ambiguous itself still votes for its countries, less than one that is not
    text = "SNA forces attacked Al Shabaab near Jilib."
    assert names(kb.find(text, on=dt.date(2023, 5, 1))) == ["Military Forces of Somalia (2022-)", "Al Shabaab"]
    # with no one else named, the country the text is about decides
    assert names(kb.find("SNA forces raided a village.", on=dt.date(2023, 5, 1), where="SO")) \
        == ["Military Forces of Somalia (2022-)"]
    assert names(kb.find("SNA forces raided a village.", on=dt.date(2023, 5, 1))) == ["SNA: Syrian National Army"]


def test_an_ambiguous_name_alone_is_read_in_the_country_of_the_places_named():
    from warwire import ingest, pipeline

    (ev,) = pipeline.extract(ingest.from_text("On 2 November 2023, SNA forces raided a village near Kismayo, "
                                              "killing two civilians.", id="x", published=dt.date(2023, 11, 5))).events
    assert ev.actor1 == "Military Forces of Somalia (2022-)"


# ------------------------------------------------------------------ generic descriptions
def test_russian_fighter_jets(kb):
    found = kb.find("It was unclear whether Russian fighter jets had struck.", on=PUBLISHED)
    assert names(found) == ["Military Forces of Russia (2000-)"]
    m = found[0]
    assert m.generic and m.role == "military" and m.country == "RU" and m.text == "Russian fighter jets"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Syrian government said", "Military Forces of Syria (2000-)"),
        ("Syria's government said", "Military Forces of Syria (2000-)"),
        ("as the Syrian army gained ground", "Military Forces of Syria (2000-)"),
        ("forces loyal to President Bashar al-Assad advanced", "Military Forces of Syria (2000-)"),
        ("a Turkish military convoy was hit", "Military Forces of Turkey (2016-)"),
        ("US troops withdrew", "Military Forces of the United States (2017-2021)"),
        ("Kenya Defence Forces (KDF) soldiers", "Military Forces of Kenya (2013-2022)"),
        ("FACA soldiers repelled the attack", "Military Forces of the Central African Republic (2016-)"),
        ("FADM troops retook the town", "Military Forces of Mozambique (2015-2025)"),
        # (not Myanmar's People's Defence Force inside the name)
        ("shelling by Uganda Peoples Defence Force (UPDF) inside the Kenyan border", "Military Forces of Uganda (1986-)"),
        ("Afghan civilians were killed", "Civilians (Afghanistan)"),
    ],
)
def test_generic_with_demonym_or_fixed_country(kb, text, expected):
    found = kb.find(text, on=PUBLISHED)
    assert found and found[0].actor == expected


def test_yemens_government_forces_by_their_president(kb):
    found = kb.find("Houthi forces and pro-Hadi forces clashed in Nihm district.", on=dt.date(2020, 2, 4))
    assert names(found) == ["Houthi Movement", "Military Forces of Yemen (2012-2022)"]


def test_coordinated_demonyms_share_the_force_noun(kb):
    found = kb.find("Syrian and Russian warplanes struck the town.", on=PUBLISHED)
    assert names(found) == ["Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)"]
    assert found[0].text == "Syrian"
    assert names(kb.find("Syrian, Iranian and Russian troops advanced.", on=PUBLISHED)) == [
        "Military Forces of Syria (2000-)", "Military Forces of Iran (1989-)", "Military Forces of Russia (2000-)"]
    # an adjective that is no demonym shares nothing
    assert names(kb.find("Heavy and Russian artillery fire hit the town.", on=PUBLISHED)) == [
        "Military Forces of Russia (2000-)"]


def test_generic_without_country_left_for_caller(kb):
    found = kb.find("Gunmen attacked civilians as government forces and rebels fought.", on=PUBLISHED)
    assert [(m.text, m.role, m.actor) for m in found] == [
        ("Gunmen", "unidentified", None), ("civilians", "civilians", None),
        ("government forces", "military", None), ("rebels", "rebels", None)]
    resolved = [kb.resolve_generic(m, "AF", PUBLISHED).actor for m in found]
    assert resolved == ["Unidentified Armed Group (Afghanistan)", "Civilians (Afghanistan)",
                        "Military Forces of Afghanistan (2014-2021)", "Opposition Rebels (Afghanistan)"]
    # the same with the country given to find()
    assert names(kb.find("gunmen and police", country="KE", on=dt.date(2015, 1, 1))) == [
        "Unidentified Armed Group (Kenya)", "Police Forces of Kenya (2013-2022)"]


def test_us_demonym_is_case_checked(kb):
    assert kb.find("let us troops be", generic=True)[0].actor is None  # bare "troops", no country
    assert kb.find("let us troops be")[0].text == "troops"


def test_pro_demonym_forces_are_not_that_state(kb):
    assert kb.find("pro-Russian forces shelled the town") == []


def test_family_resolved_by_country(kb):
    found = kb.find("ISIS claimed the attack.")
    assert found[0].role == "Islamic State" and found[0].actor is None
    assert kb.resolve_generic(found[0], "SY").actor == "Islamic State (Syria)"
    assert kb.resolve_generic(found[0], "NG").actor == "Islamic State (West Africa)"


# ------------------------------------------------------------------ names, inter codes
def test_state_forces_names_by_date():
    assert actors.state_forces_name("KE", "police", dt.date(2015, 1, 1)) == "Police Forces of Kenya (2013-2022)"
    assert actors.state_forces_name("KE", "military", dt.date(2023, 5, 1)) == "Military Forces of Kenya (2022-)"
    assert actors.state_forces_name("AF", "military", dt.date(2021, 8, 14)) == "Military Forces of Afghanistan (2014-2021)"
    assert actors.state_forces_name("AF", "military", dt.date(2021, 8, 15)) == "Military Forces of Afghanistan (2021-)"
    assert actors.state_forces_name("SY", "military", PUBLISHED) == "Military Forces of Syria (2000-)"
    assert actors.state_forces_name("US", "military", dt.date(2022, 1, 1)) == "Military Forces of the United States (2021-2025)"
    # periods before a country's current leader's, and countries beyond the main conflicts
    assert actors.state_forces_name("ET", "military", dt.date(2005, 6, 8)) == "Military Forces of Ethiopia (1991-2012)"
    assert actors.state_forces_name("SO", "military", dt.date(2010, 3, 1)) == "Military Forces of Somalia (2009-2012)"
    assert actors.state_forces_name("BD", "police", dt.date(2019, 5, 6)) == "Police Forces of Bangladesh (2009-2024)"
    assert actors.state_forces_name("BD", "police", dt.date(2024, 8, 20)) == "Police Forces of Bangladesh (2024-)"
    assert actors.state_forces_name("ZW", "military", dt.date(2008, 5, 4)) == "Military Forces of Zimbabwe (1980-2017)"
    assert actors.state_forces_name("ZW", "police", dt.date(2019, 1, 15)) == "Police Forces of Zimbabwe (2017-)"
    assert actors.state_forces_name("BR", "police", dt.date(2021, 5, 10)) == "Police Forces of Brazil (2019-2022)"
    assert actors.state_forces_name("TZ", "police", dt.date(2016, 3, 1)) == "Police Forces of Tanzania (2015-2021)"


def test_generic_actor_names():
    assert actors.generic_actor("unidentified", "AF") == "Unidentified Armed Group (Afghanistan)"
    assert actors.generic_actor("civilians", "SY") == "Civilians (Syria)"
    assert actors.generic_actor("protesters", "KE") == "Protesters (Kenya)"
    assert actors.generic_actor("rioters", "KE") == "Rioters (Kenya)"
    assert actors.generic_actor("rebels", "SY") == "Opposition Rebels (Syria)"
    assert actors.generic_actor("civilians", None) == "Civilians"
    assert actors.generic_actor("civilians", "DE") == "Civilians (Germany)"  # geonames fallback
    with pytest.raises(ValueError):
        actors.generic_actor("aliens", "SY")


def test_inter_codes(kb):
    assert actors.inter_code("Military Forces of Turkey (2016-)", "SY") == 8
    assert actors.inter_code("Military Forces of Turkey (2016-)", "TR") == 1
    assert actors.inter_code("Military Forces of Syria (2000-)", "SY") == 1
    assert actors.inter_code(HTS, "SY") == 2
    assert actors.inter_code("Civilians (Syria)", "SY") == 7
    assert actors.inter_code("Unidentified Armed Group (Afghanistan)", "AF") == 3
    assert actors.inter_code("United Nations", "SY") is None
    turkey = actors.to_model(kb.find("a Turkish military convoy", on=PUBLISHED), kb, "SY", PUBLISHED)
    assert turkey[0].inter == 8 and turkey[0].kind == "state_forces" and turkey[0].country == "TR"


def test_kind_country_and_describe(kb):
    assert kb.kind_of(NLF) == "rebel_group" and kb.country_of(NLF) == "SY"
    assert kb.kind_of("Police Forces of Kenya (2013-2022)") == "state_forces"
    assert kb.country_of("Civilians (Syria)") == "SY" and kb.kind_of("Civilians (Syria)") == "civilians"
    assert kb.kind_of(None) is None and kb.kind_of("Nobody In Particular") is None
    m = kb.find("Gunmen struck")[0]
    assert m.generic == "unidentified" and m.kind == "political_militia" and m.name is None
    named = kb.find("HTS struck")[0]
    assert named.generic is None and named.kind == "rebel_group" and named.name == HTS
    d = actors.describe("Military Forces of Turkey (2016-)", kb, "SY")
    assert (d.kind, d.inter, d.country, d.mentions) == ("state_forces", 8, "TR", [])


# ------------------------------------------------------------------ data validation
GOOD_STATE = actors.STATE_FORCES_FILE


def test_a_communitys_armed_men_and_coordinated_communities_are_its_militia(kb):
    assert names(kb.find("shot dead by suspected Pokot cattle rustlers")) == ["Pokot Ethnic Militia (Kenya)"]
    assert names(kb.find("Maasai tribesmen kill Kikuyu civilians", generic=False)) == ["Maasai Ethnic Militia (Kenya)"]
    # the ACLED name without its country
    assert names(kb.find("an attack by suspected Maasai ethnic militias")) == ["Maasai Ethnic Militia (Kenya)"]
    # communities that share the next one's noun
    assert names(kb.find("Clashes between Borana, Gabra and Turkana ethnic militias")) == [
        "Borana Ethnic Militia (Kenya)", "Gabra Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)"]
    # a community named alone is no militia
    assert names(kb.find("gunmen attacked a Pokot village")) == [None]


def test_identity_militias_of_the_major_conflicts(kb):
    drc = "Democratic Republic of Congo"
    found = kb.find("Hema militiamen attacked Lendu fighters near Djugu in Ituri.", generic=False)
    assert names(found) == [f"Hema Ethnic Militia ({drc})", f"Lendu Ethnic Militia ({drc})"]
    assert [m.text for m in found] == ["Hema militiamen", "Lendu fighters"]
    assert names(kb.find("clashes between Teke and Yaka militias in Kwamouth", generic=False)) == [
        f"Teke Ethnic Militia ({drc})", f"Yaka Ethnic Militia ({drc})"]
    assert names(kb.find("Suspected Berom youths attacked a Fulani settlement in Riyom.", generic=False)) == [
        "Berom Ethnic Militia (Nigeria)"]
    assert names(kb.find("Tiv and Jukun militias clashed in Wukari", generic=False)) == [
        "Tiv Ethnic Militia (Nigeria)", "Jukun Ethnic Militia (Nigeria)"]
    # Somali clans, ACLED's "<Clan> Clan Militia (Somalia)", by any spelling
    assert names(kb.find("Habar Gedir clan militia fought Abgaal militiamen", generic=False)) == [
        "Habar Gidir Clan Militia (Somalia)", "Abgaal Clan Militia (Somalia)"]
    assert names(kb.find("Galjecel clan militias", generic=False)) == ["Galje'el Clan Militia (Somalia)"]
    assert names(kb.find("the Dhulbahante Clan Militia", generic=False)) == ["Dhulbahante Clan Militia (Somalia)"]
    # multi-word community names, with their spelling variants
    assert names(kb.find("Il-Chamus raiders and Bani Halba gunmen", generic=False)) == [
        "Ilchamus Ethnic Militia (Kenya)", "Beni Halba Ethnic Militia (Sudan)"]
    assert names(kb.find("Messiria militiamen", generic=False)) == ["Misseriya Ethnic Militia (Sudan)"]
    assert names(kb.find("Toubou fighters", generic=False)) == ["Tebu Ethnic Militia (Libya)"]
    assert names(kb.find("Awlad Suleiman tribal militia", generic=False)) == ["Awlad Suleiman Tribal Militia (Libya)"]
    # a community named alone ("Abgaal attack Habar Gidir positions", "clashes between Hema
    # and Lendu") is its militia for the events stage
    assert kb.community_militia("Abgaal") == "Abgaal Clan Militia (Somalia)"
    assert kb.community_militia("habar gidir") == "Habar Gidir Clan Militia (Somalia)"
    assert kb.community_militia("Hema") == f"Hema Ethnic Militia ({drc})"
    assert kb.community_militia("Afar") == "Afar Ethnic Militia (Ethiopia)"
    assert kb.community_militia("Fur") == "Fur Ethnic Militia (Sudan)"
    assert kb.community_militia("Nandi") == "Nandi Ethnic Militia (Kenya)"
    # names that are another actor's, or a country's demonym, are left alone
    assert kb.community_militia("Somali") is None
    assert names(kb.find("a Sabaot militia", generic=False)) == ["SLDF: Sabaot Land Defence Force"]
    assert names(kb.find("a Dogon militia", generic=False)) == ["Dan Na Ambassagou"]


def test_each_community_name_is_one_militias():
    """``community_militia`` gives one actor per name: no name (in any case) may be claimed by
    two entries, and each name's "<name> militia" is its actor's alone."""
    import tomllib

    with open(actors.ACTORS_FILE, "rb") as fh:
        data = tomllib.load(fh)
    owners: dict[str, list[str]] = {}
    for a in data["actor"]:
        for c in a.get("community", []):
            owners.setdefault(c.lower(), []).append(a["name"])
    assert {c: o for c, o in owners.items() if len(o) > 1} == {}
    assert len(owners) > 100  # the knowledge base's communities are all read
    kb = actors.load_knowledge()
    for a in data["actor"]:
        for c in a.get("community", []):
            assert kb.community_militia(c) == a["name"], c
            found = kb.find(f"{c} militia attacked the village", generic=False)
            assert [(m.actor, m.candidates) for m in found] == [(a["name"], ())], c


def test_communities_of_several_words_share_the_militia_noun_of_the_next(kb):
    assert names(kb.find("Habar Gidir and Abgaal clan militias clashed in Galkayo", generic=False)) == [
        "Habar Gidir Clan Militia (Somalia)", "Abgaal Clan Militia (Somalia)"]
    assert names(kb.find("Beni Halba and Salamat militias fought near Nyala", generic=False)) == [
        "Beni Halba Ethnic Militia (Sudan)", "Salamat Ethnic Militia (Sudan)"]
    # (not whatever comes before the conjunction: "police and Pokot raiders")
    assert names(kb.find("police and Pokot raiders clashed", generic=False)) == ["Pokot Ethnic Militia (Kenya)"]


def test_a_community_claimed_twice_is_data_error(tmp_path):
    p = write(tmp_path, 'members = ["militia"]\n'
                        '[[actor]]\nname = "Zed Ethnic Militia (Kenya)"\ncommunity = ["Zed"]\nkind = "identity_militia"\n'
                        '[[actor]]\nname = "Zed Ethnic Militia (Sudan)"\ncommunity = ["zed"]\nkind = "identity_militia"\n')
    with pytest.raises(DataError, match="community 'zed' is already 'Zed Ethnic Militia \\(Kenya\\)'"):
        actors.load_knowledge([p])


def test_community_without_member_nouns_is_data_error(tmp_path):
    p = write(tmp_path, '[[actor]]\nname = "Zed Ethnic Militia (Kenya)"\ncommunity = ["Zed"]\n'
                        'kind = "identity_militia"\n')
    with pytest.raises(DataError, match="members"):
        actors.load_knowledge([p])
    p = write(tmp_path, 'members = ["warriors"]\n\n[[actor]]\nname = "Zed Ethnic Militia (Kenya)"\n'
                        'community = ["Zed", "Zeds"]\nkind = "identity_militia"\n')
    kb = actors.load_knowledge([p])
    assert names(kb.find("Zeds warriors and Zed ethnic militia", generic=False)) == ["Zed Ethnic Militia (Kenya)"] * 2


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "actors.toml"
    p.write_text(body, encoding="utf-8")
    return p


def test_unknown_kind_is_data_error_naming_entry(tmp_path):
    p = write(tmp_path, '[[actor]]\nname = "Good Group"\nkind = "rebel_group"\n\n'
                        '[[actor]]\nname = "Bad Group"\nkind = "warlords"\n')
    with pytest.raises(DataError) as exc:
        actors.load_knowledge([p])
    assert "Bad Group" in str(exc.value) and str(p) in str(exc.value) and "kind" in str(exc.value)


def test_duplicate_name_is_data_error(tmp_path):
    p = write(tmp_path, '[[actor]]\nname = "Twin"\nkind = "rebel_group"\n\n[[actor]]\nname = "Twin"\nkind = "rebel_group"\n')
    with pytest.raises(DataError, match="duplicate"):
        actors.load_knowledge([p])


def test_unknown_generic_role_is_data_error(tmp_path):
    p = write(tmp_path, '[[generic]]\nrole = "wizards"\nphrases = ["mages"]\n')
    with pytest.raises(DataError, match="wizards"):
        actors.load_knowledge([p])


def test_unknown_relation_target_only_warns(tmp_path, caplog):
    p = write(tmp_path, '[[actor]]\nname = "Lone Group"\nkind = "rebel_group"\n'
                        'relations = [{ relation = "backed_by", target = "Atlantis" }]\n')
    kb = actors.load_knowledge([p])
    assert "Atlantis" in caplog.text
    assert names(kb.find("Lone Group fighters", generic=False)) == ["Lone Group"]


def test_bad_state_forces_period_is_data_error(tmp_path):
    bad = tmp_path / "state_forces.toml"
    bad.write_text(GOOD_STATE.read_text(encoding="utf-8").replace(
        'label = "2013-2022", from = "2013-04-09"', 'label = "2013-2022", from = "2013-13-09"'), encoding="utf-8")
    with pytest.raises(DataError, match=r"countries\.KE"):
        actors.load_knowledge([actors.ACTORS_FILE], state_forces=bad)


def test_user_file_from_environment_extends_default(tmp_path, monkeypatch):
    p = write(tmp_path, '[[actor]]\nname = "Brand New Brigade"\naliases = ["BNB fighters"]\n'
                        'acronyms = ["BNB"]\nkind = "rebel_group"\ncountry = "SY"\n')
    monkeypatch.setenv(actors.USER_FILE_ENV, str(p))
    kb = actors.load_knowledge()
    assert names(kb.find("The BNB and HTS", generic=False)) == ["Brand New Brigade", HTS]


# ------------------------------------------------------------------ the real sample article
@pytest.fixture(scope="module")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"sample article not available at {SAMPLE} (../shared/samples is absent)")
    return SAMPLE.read_text(encoding="utf-8")


def test_sample_article_actors(kb, sample_text):
    mentions = kb.find(sample_text, on=PUBLISHED)
    found = {m.actor for m in mentions}
    for expected in (HTS, NLF, "Jaish al-Izza", "Military Forces of Syria (2000-)",
                     "Military Forces of Russia (2000-)", "Military Forces of Turkey (2016-)"):
        assert expected in found, expected
    for m in mentions:
        assert sample_text[m.start:m.end] == m.text
    # the caller fills the event country: "government forces" are then Syria's
    assert kb.dominant_country(mentions) == "SY"
    model_actors = {a.name: a for a in actors.to_model(mentions, kb, "SY", PUBLISHED)}
    syria = model_actors["Military Forces of Syria (2000-)"]
    assert "government forces" in syria.surface_forms and syria.inter == 1
    assert model_actors["Military Forces of Turkey (2016-)"].inter == 8
    assert model_actors["Military Forces of Russia (2000-)"].inter == 8
    assert "Civilians (Syria)" in model_actors
    assert "al-Qaeda" not in model_actors  # only named as HTS's past ("a former al-Qaeda affiliate")


def test_a_long_text_gives_each_copy_its_mentions(kb, sample_text):
    # (how long matching takes is measured by benchmarks/pipeline.py, stage "actors")
    one = kb.find(sample_text, on=PUBLISHED)
    text = (sample_text + "\n") * 8  # about 5,200 words
    assert len(text.split()) >= 5000
    assert len(kb.find(text, on=PUBLISHED)) == 8 * len(one) > 200


def test_myanmars_anti_junta_fighters_are_the_pdf(kb):
    found = kb.find("Anti-junta fighters said they had shot down a military helicopter.", on=PUBLISHED)
    assert found and found[0].actor == "PDF: People's Defense Force"


def test_a_states_forces_outside_the_periods_table_have_their_kind_and_country():
    kb = actors.load_knowledge()
    assert "PG" not in kb.countries
    assert (kb.kind_of("Police Forces of Papua New Guinea"), kb.country_of("Police Forces of Papua New Guinea")) == (
        "state_forces", "PG")
    assert kb.country_of("Civilians (Papua New Guinea)") == "PG"
    assert kb.kind_of("Military Forces of Narnia") is None


def test_a_name_many_groups_and_anyone_share_is_read_in_the_countrys_group_else_generically(kb):
    # "separatists" are Cameroon's Ambazonians, Nigeria's IPOB; elsewhere only rebels
    def read(where):
        (m,) = kb.find("Separatists attacked a checkpoint.", on=PUBLISHED, where=where)
        return m.actor or m.generic
    assert (read("CM"), read("NG"), read("ID")) == ("Ambazonian Separatists", "IPOB: Indigenous People of Biafra", "rebels")
    # the name alone does not vote for a country of its own
    assert read(None) == "rebels"
