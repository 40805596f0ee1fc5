"""The events stage: find the events an article reports and code them to ACLED conventions.

How it works, per sentence of the parsed article:

1. **Triggers** from the lexicon data file (``data/event_lexicon.toml``) are matched on
   lemmas ("air raid", "withdraw", "clash", ...).
2. **Modality** is read off the dependency parse: negated, future, threatened, hypothetical,
   denied or purpose ("to retake") triggers report no event; a trigger in a "whether"
   clause or with only a vague date can only add details to an event reported elsewhere.
3. **Roles**: the parse decides who did what to whom (subject, object, passive "by" agent,
   "between X and Y", possessives); the actor mentions found in those phrases fill them.
4. **Type**: the frame's default sub-event type, refined by cue words in the clause (an
   "attack" by "warplanes" is an Air/drone strike) and by who the victims are.
5. **Time and place**: the date expression and the place in the trigger's clause (else its
   sentence; "the town" refers back to the last town named).
6. **Merge**: mentions of one happening (same type, compatible date and place) become one
   event with all their evidence spans; ACLED precedence settles types within a sentence.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import math
import os
import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
from spacy.tokens import Doc, Span as SpacySpan, Token

from . import dates as dates_mod
from .quotes import load_cues
from .errors import DataError
from .figures import (
    BODY_NOUNS, could_have, doc_text, headline_accusation, headline_predicate, misread_object, named_group,
    objectless_transitive, parse_number, particle_objects, reason_for, reduced_relative_subject, side_of, token_after,
)
from .model import INTER_CODES, PRECEDENCE, SUB_EVENT_TYPES, Event, Figure, Place, Span

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------
# Lexicon (data file) and its schema
# ---------------------------------------------------------------------------------------


class FrameSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    triggers: list[str]
    pos: list[str]
    sub_event_type: str
    strength: str
    cues: dict[str, str] = {}
    requires: list[str] = []
    blocked_by: list[str] = []
    territorial: bool = False
    #: which side the trigger's grammatical agent is on (2: "police dispersed protesters")
    agent_side: int = 1
    #: coded only when the article reports no other event ("troops were deployed to the area"
    #: after an attack is a reaction to it, not a development of its own)
    standalone: bool = False
    #: coded only when no other event is told in its sentence ("Police arrest and torture a
    #: suspect", "herders were detained and beaten by the military")
    in_sentence_only: bool = False
    #: cue class -> the sub-event type an undecided mention with no doer takes when the article
    #: reports no other event and its words hold that class, the first listed that they hold:
    #: ``{ fighting = "Armed clash", conflict = "Attack" }`` makes "3 Kalenjin reported dead.
    #: Linked to ongoing post-election ethnic violence" an attack and "Four people have died
    #: following inter-tribal conflict" an armed clash
    by_default: dict[str, str] = {}
    #: triggers that are this frame's only as verbs: "target" ("struck PKK targets" names what
    #: was hit, not another attack)
    verbs_only: list[str] = []
    #: the trigger's subject is who it befell ("three people died"), not its doer
    subject_is_victim: bool = False

    @field_validator("sub_event_type")
    @classmethod
    def _known_type(cls, v: str) -> str:
        if v and v not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown ACLED sub-event type {v!r}")
        return v

    @field_validator("strength")
    @classmethod
    def _strength(cls, v: str) -> str:
        if v not in ("strong", "weak"):
            raise ValueError("strength must be 'strong' or 'weak'")
        return v

    @field_validator("cues", "by_default")
    @classmethod
    def _cue_types(cls, v: dict[str, str]) -> dict[str, str]:
        for cue, sub in v.items():
            if sub not in SUB_EVENT_TYPES:
                raise ValueError(f"cue {cue!r} maps to unknown sub-event type {sub!r}")
        return v


class ModalitySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    future: list[str]
    hypothetical: list[str]
    denial: list[str]
    purpose: list[str]
    negation: list[str]
    anniversary: list[str]
    attempt: list[str] = []
    accusation: list[str] = []
    leads_to: list[str] = []
    prospective: list[str] = []
    foiled: list[str] = []


class _WordSetsSpec(BaseModel):
    """Named word lists of the lexicon, each read as a set of lower-case words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _lower(cls, v: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in v)


class PeopleSpec(_WordSetsSpec):
    """Words that say who a party is (see ``[people]`` in event_lexicon.toml)."""

    armed: frozenset[str]
    civilian: frozenset[str]
    weapon: frozenset[str]
    police: frozenset[str]
    military: frozenset[str]
    suspected_culprit: frozenset[str] = frozenset()
    civilian_office: frozenset[str]
    crowd: frozenset[str]
    outsider: frozenset[str]
    sides: frozenset[str] = frozenset()
    kin: frozenset[str] = frozenset()
    #: civilian words for things, not people: hit, they are civilian targets; they do nothing
    property: frozenset[str] = frozenset()

    @model_validator(mode="after")
    def _property_is_civilian(self) -> "PeopleSpec":
        if stray := self.property - self.civilian:
            raise ValueError(f"property words missing from civilian: {sorted(stray)}")
        return self


class WordsSpec(_WordSetsSpec):
    """Other word lists the rules read (see ``[words]`` in event_lexicon.toml)."""

    hearsay: frozenset[str]
    untrue: frozenset[str]
    attackers: frozenset[str]
    fired_arms: frozenset[str]
    thrown: frozenset[str]
    explosives: frozenset[str]
    detonators: frozenset[str]
    buildings: frozenset[str]
    plain_people: frozenset[str]
    mob_killing: frozenset[str]
    occasions: frozenset[str]
    partisans: frozenset[str]
    communities: frozenset[str]
    kin_groups: frozenset[str]
    members: frozenset[str]
    voices: frozenset[str]
    demonstrators: frozenset[str]
    riot_missiles: frozenset[str]
    deed_measures: frozenset[str]
    ranks: frozenset[str]
    referring: frozenset[str]
    proclaiming: frozenset[str]
    attributing: frozenset[str]

    @functools.cached_property
    def fired(self) -> frozenset[str]:
        """Everything fired, thrown or used at people."""
        return self.fired_arms | self.thrown


class LexiconSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    frame: list[FrameSpec]
    cues: dict[str, list[str]]
    modality: ModalitySpec
    people: PeopleSpec
    words: WordsSpec
    #: sub-event type -> the labels an analyst's note opens with ("Movement of forces: ...")
    labels: dict[str, list[str]] = {}

    @field_validator("labels")
    @classmethod
    def _label_types(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for sub in v:
            if sub not in SUB_EVENT_TYPES:
                raise ValueError(f"labels: unknown ACLED sub-event type {sub!r}")
        return v


# Cue classes computed from actors and victims rather than listed words.
DERIVED_CUES = {"civilian_victim", "armed_victim", "armed_both", "armed_actor", "state_actor", "has_agent",
                "weapon_object", "armed_agent", "air_agent", "crowd_agent", "civilian_agent", "mob_agent",
                "state_agent"}
#: the cues that only say who the victims are: a type they decide ("attack" on soldiers = Armed
#: clash) gives way to the weapon named by another trigger of the same event
VICTIM_CUES = frozenset({"civilian_victim", "armed_victim", "armed_both", "has_agent", "firearm"})


@dataclass(frozen=True)
class Lexicon:
    frames: dict[str, FrameSpec]
    #: lemma phrase (tuple of lemmas) -> frame name
    triggers: dict[tuple[str, ...], str]
    #: cue class -> set of lemma phrases
    cues: dict[str, frozenset[tuple[str, ...]]]
    modality: ModalitySpec
    max_len: int
    people: PeopleSpec
    words: WordsSpec
    #: a note's opening label, lower case -> its sub-event type (see :func:`_label_mentions`)
    labels: dict[str, str] = field(default_factory=dict)
    #: trigger phrases written only hyphenated ("sit-in"): their words match only hyphen-joined
    #: ("staged a sit-in", not "as he sat in a taxi")
    joined: frozenset[tuple[str, ...]] = frozenset()
    #: lemma phrase -> the cue classes that list it (built from ``cues``)
    cue_index: dict[tuple[str, ...], frozenset[str]] = field(init=False, repr=False, compare=False)
    #: longest cue phrase, in words
    cue_len: int = field(init=False, repr=False, compare=False)
    #: first words of the cue phrases and of the triggers: a token that is none of them starts no phrase
    cue_first: frozenset[str] = field(init=False, repr=False, compare=False)
    trigger_first: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, ...], set[str]] = {}
        for cls, phrases in self.cues.items():
            for ph in phrases:
                index.setdefault(ph, set()).add(cls)
        object.__setattr__(self, "cue_index", {k: frozenset(v) for k, v in index.items()})
        object.__setattr__(self, "cue_len", max((len(k) for k in index), default=0))
        object.__setattr__(self, "cue_first", frozenset(k[0] for k in index if k))
        object.__setattr__(self, "trigger_first", frozenset(k[0] for k in self.triggers if k))


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("-", " - ").split()) if " - " in text else tuple(text.lower().split())


def _inflections(word: str) -> set[str]:
    """Regular English forms of a trigger word: -s, -ed, -ing (matched on the word as written)."""
    if not word.isalpha() or len(word) < 3:
        return set()
    stem = word[:-1] if word.endswith("e") else word
    forms = {word + "s", stem + "ed", stem + "ing", word + "es"}
    if len(word) <= 4 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # "shelled", "stabbed"
    return forms


#: the frame of the events a note's label reports (it has no triggers of its own)
LABEL_FRAME = "note_label"


#: an analyst's own lexicon file, read on top of the packaged one by :func:`default_lexicon`
USER_FILE_ENV = "WARWIRE_LEXICON_FILE"


def _extend(table: dict, more: dict) -> dict:
    """``table`` with ``more`` read on top: lists get the new words, tables are extended in turn,
    other values replaced; a ``[[frame]]`` of a known name extends that frame, else is added."""
    for key, value in more.items():
        old = table.get(key)
        if key == "frame" and isinstance(old, list) and isinstance(value, list):
            by_name = {f.get("name"): f for f in old if isinstance(f, dict)}
            for f in value:
                if isinstance(f, dict) and f.get("name") in by_name:
                    _extend(by_name[f["name"]], f)
                else:
                    old.append(f)
        elif isinstance(old, dict) and isinstance(value, dict):
            _extend(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(v for v in value if v not in old)
        else:
            table[key] = value
    return table


def _read_toml(raw: bytes, name: str) -> dict:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{name}: invalid event lexicon: {exc}") from exc


def load_lexicon(path: Path | None = None, extra: Sequence[Path] = ()) -> Lexicon:
    """Load and validate an event lexicon (default: the packaged ``event_lexicon.toml``), with
    each ``extra`` file read on top of it: an analyst's words added to the lists of the same
    name, and frames added or extended (see :func:`_extend`)."""
    if path is None:
        raw = resources.files("warwire.data").joinpath("event_lexicon.toml").read_bytes()
        name = "event_lexicon.toml"
    else:
        raw, name = Path(path).read_bytes(), str(path)
    table = _read_toml(raw, name)
    for more in extra:
        try:
            added = Path(more).read_bytes()
        except OSError as exc:
            raise DataError(f"{more}: cannot read event lexicon: {exc}") from exc
        table = _extend(table, _read_toml(added, str(more)))
        name = f"{name} + {more}"
    try:
        spec = LexiconSpec.model_validate(table)
    except ValidationError as exc:
        raise DataError(f"{name}: invalid event lexicon: {exc}") from exc
    frames = {f.name: f for f in spec.frame}
    if len(frames) != len(spec.frame):
        raise DataError(f"{name}: duplicate frame names")
    triggers: dict[tuple[str, ...], str] = {}
    inflected: dict[tuple[str, ...], str] = {}
    plain: set[tuple[str, ...]] = set()  # phrases written without a hyphen
    hyphenated: set[tuple[str, ...]] = set()  # the words of hyphenated ones ("sit-in": sit, in)
    for f in spec.frame:
        for cue in (part for key in f.cues for part in key.split("+")):
            if cue not in spec.cues and cue not in DERIVED_CUES and cue not in (
                "protest_lethal",
            ):
                raise DataError(f"{name}: frame {f.name!r} uses unknown cue class {cue!r}")
        for cue in f.by_default:
            if cue not in spec.cues:
                raise DataError(f"{name}: frame {f.name!r} defaults by unknown cue class {cue!r}")
        for t in f.triggers:
            words = tuple(t.lower().replace("-", " ").split())
            if "-" in t and len(words) > 1:
                hyphenated.add(words)
                triggers.setdefault(words, f.name)  # (the tokenizer splits "sit-in" at its hyphen)
            else:
                plain.add(words)
            phrase = _phrase(t)
            if triggers.get(phrase, f.name) != f.name:
                raise DataError(f"{name}: trigger {t!r} of frame {f.name!r} is already a trigger of "
                                f"frame {triggers[phrase]!r} (a trigger reports one frame)")
            triggers.setdefault(phrase, f.name)
            for form in _inflections(phrase[0]):
                inflected.setdefault((form, *phrase[1:]), f.name)
    for phrase, name in inflected.items():
        triggers.setdefault(phrase, name)  # the lemmatizer misses some forms ("raped" -> "rap")
    cues = {k: frozenset(_phrase(w) for w in v) for k, v in spec.cues.items()}
    max_len = max(len(p) for p in [*triggers, *[p for s in cues.values() for p in s]])
    labels = {" ".join(label.lower().split()): sub for sub, ls in spec.labels.items() for label in ls}
    if labels and LABEL_FRAME not in frames:
        raise DataError(f"{name}: [labels] needs a frame named {LABEL_FRAME!r}")
    return Lexicon(frames, triggers, cues, spec.modality, max_len, spec.people, spec.words, labels,
                   frozenset(hyphenated - plain))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, extended by the file ``WARWIRE_LEXICON_FILE`` names (if any)."""
    user = os.environ.get(USER_FILE_ENV)
    return load_lexicon(extra=[Path(user)] if user else [])


def _word_lists() -> WordsSpec:
    """The ``[words]`` of the default lexicon, for rules that are not handed a lexicon."""
    return default_lexicon().words


# ---------------------------------------------------------------------------------------
# Inputs from other stages
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor mention as the events stage needs it (adapted from the actors stage).

    ``name`` is the canonical actor name; generic mentions ("government forces", "rebels")
    carry their class in ``generic`` and get a name once the event's country is known via
    ``resolve``.
    """

    name: str | None
    start: int
    end: int
    kind: str = "unknown"
    country: str | None = None
    generic: str | None = None


#: bare nouns for a state's soldiers, whose state the text told just before
_BARE_FORCES = frozenset({"soldier", "soldiers", "troops", "the soldier", "the soldiers", "the troops"})


def carry_forces_country(refs: Sequence[ActorRef], text: str, country_of: Callable[[str], str | None],
                         reach: int = 400) -> list[ActorRef]:
    """Bare "soldiers" or "troops" told right after a state's named forces are that state's:
    "Israeli troops raided Jenin ... The soldiers returned fire" (not the army of the place,
    Palestine's).  ``reach``: how far back (characters) the named forces may be told."""
    out: list[ActorRef] = []
    last: tuple[int, str] | None = None  # (end, country) of the last state's forces named
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.generic == "military" and ref.country is None \
                and " ".join(text[ref.start:ref.end].lower().split()) in _BARE_FORCES \
                and last is not None and ref.start - last[0] <= reach:
            ref = replace(ref, country=last[1])
        home = ref.country if ref.generic == "military" else \
            country_of(ref.name) if ref.name and ref.kind == "state_forces" else None
        if home:
            last = (ref.end, home)
        out.append(ref)
    return out


@dataclass
class Context:
    """What the events stage reads besides the parse."""

    published: dt.date | None
    places: Sequence[Place] = ()
    actors: Sequence[ActorRef] = ()
    article_id: str = "article"
    source: str | None = None
    #: canonical name of a generic actor class in a country on a date
    resolve: callable = None  # type: ignore[valid-type]
    #: actor name -> kind
    kind_of: callable = None  # type: ignore[valid-type]
    #: actor name -> home country ISO2
    country_of: callable = None  # type: ignore[valid-type]
    #: demonym ("Syrian") -> country ISO2
    demonym_iso: callable = None  # type: ignore[valid-type]
    #: a community named alone ("Pokot") -> its militia's actor name
    militia_of: callable = None  # type: ignore[valid-type]
    #: the countries the caller said the article is about (ISO2): where its events are
    #: placed when a sentence also names places abroad
    countries: Sequence[str] = ()
    #: filled by :func:`build_events`: the sentences (character ranges) of events dropped as
    #: background, whose dead are no other event's
    background: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------

ARMED_KINDS = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}
#: the words a victim or agent phrase names demonstrators by
PROTESTER_WORDS = frozenset({"protester", "protesters", "demonstrator", "demonstrators", "protestors"})
#: places only armed men hold: "a check point", "the check post" (written as two words), "attacked
#: government positions"
_ARMED_POSTS = re.compile(r"\bcheck[\s-]?(?:points?|posts?)\b|\bpositions\b", re.I)
NEAR_WORDS = frozenset("near outside around outskirts close nearby vicinity north south east west "
                       "northeast northwest southeast southwest northern southern eastern western "
                       "edge edges periphery".split())
ANAPHORA_NOUNS = {"town": "locality", "city": "locality", "village": "locality", "area": None,
                  "region": None, "province": "region", "district": None}
GATHERING_VERBS = frozenset("gather camp assemble converge march meet stage take come walk rally storm "
                            "turn throng flock mass join".split())
PROTEST_VERBS = frozenset("protest demonstrate rally march picket boycott".split())
DISPERSAL_VERBS = frozenset("disperse quell scatter".split())
#: verbs whose nominal object refers to an event without reporting a new one
REFERRING_VERBS = frozenset(
    "flee escape fear avoid condemn denounce deplore criticise criticize investigate probe blame "
    "survive risk face discuss describe call mourn escalate halt stop end prevent claim".split()
)
#: referring verbs that, done by state forces to a protest, tell it was held and stopped
_STOPPING = frozenset({"stop", "halt", "end"})
#: referring verbs whose subject speaks: a protest "blaming the president" is held, not referred to
SPEAKING_REFERRERS = frozenset(
    "condemn denounce deplore criticise criticize blame claim describe discuss call mourn".split())
PLACE_RANK = {"locality": 0, "neighbourhood": 0, "campus": 0, "borough": 0, "localadmin": 1,
              "county": 1, "region": 2, "macroregion": 3, "country": 4}


@dataclass
class Mention:
    frame: str
    sub_event_type: str | None
    create: bool
    sent_start: int
    sent_end: int
    trigger: tuple[int, int]
    #: the trigger's clause (see :func:`_clause_bounds`): its cues, place and date, and the
    #: figures its event counts when another is told in the sentence
    clause: tuple[int, int]
    date: dates_mod.DateMention | None = None
    #: the date is the day its clause was said ("The UN said on Monday that at least 55 people
    #: had been killed"): no day of its own that would set it apart from an event told before
    date_said: bool = False
    #: the day an earlier sentence of the paragraph told ("On December 5th, a gang attacked
    #: Koibirir. The attackers injured several villagers."): the event's date when none other
    context_date: dates_mod.DateMention | None = None
    place: Place | None = None
    precision: int = 1
    #: the other places of the list its place is written in (see :func:`_listed_with`)
    listed: list[Place] = field(default_factory=list)
    agents: list[ActorRef] = field(default_factory=list)
    patients: list[ActorRef] = field(default_factory=list)
    agent_uncertain: bool = False
    cues: set[str] = field(default_factory=set)
    territorial: bool = False
    #: the trigger only refers to an event told elsewhere ("condemned the attack")
    refers_only: bool = False
    #: cue classes anywhere in the sentence (a protest turns violent two clauses later)
    sent_cues: set[str] = field(default_factory=set)
    #: the trigger is what a protest is about or followed ("protested the killing of ...")
    cause_only: bool = False
    #: the type was decided only by who the victims are ("attacked a checkpoint"), not by a
    #: weapon or a specific trigger: another trigger naming the weapon decides the event's type
    generic: bool = False
    #: the place named elsewhere in the article, for an event whose sentence names none
    fallback_place: Place | None = None
    fallback_precision: int = 1
    #: the agent refers back to a crowd already told of ("The protesters lit bonfires")
    anaphoric: bool = False
    #: a body found whose dead a pronoun refers back to ("He was found dead two days later")
    victim_again: bool = False
    #: a weak trigger no cue typed ("Raiders attack family": who the family are is not said)
    undecided: bool = False
    #: the type an undecided trigger takes when its sentence tells no other event ("fighters
    #: stormed the town of Bulo Burte" is a capture; "... stormed a village, killing civilians"
    #: is the killing's attack)
    alone_type: str | None = None
    #: tells where or when an event told before happened ("The attack took place in the town
    #: of Musayyib")
    restates: bool = False
    #: told as what followed the event before it ("In the ensuing gunfight, ...")
    ensuing: bool = False
    #: where its clause says, before its trigger, that it is another event than those told
    #: before ("and in a separate attack gunmen killed ..."; ``[cues] separate``)
    separate_at: int | None = None
    #: told as happening some time apart from its sentence's event ("two days after ..."): see
    #: :func:`_another_occasion`
    elsewhen: bool = False
    #: its doers are named as those of an attack told before ("The attackers seized weapons")
    attackers_again: bool = False
    #: a fight named as one told before, as where its toll fell ("Fifteen police officers died
    #: in the fighting")
    named_again: bool = False
    #: told as answering something told before ("In reprisal, Koglweogo militiamen attacked
    #: ..."): another event, even of the same kind, day and place
    retaliates: bool = False


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma and lemma != "-pron-" else tok.lower_


@dataclass(frozen=True, slots=True)
class _Words:
    """The strings of every token of a doc, read once (each ``doc[i]`` makes a new Token)."""

    texts: list[str]
    lowers: list[str]
    #: as :func:`_lemma`
    lemmas: list[str]
    ent_types: list[str]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        toks = list(doc)
        return cls([t.text for t in toks], [t.lower_ for t in toks], [_lemma(t) for t in toks],
                   [t.ent_type_ for t in toks])


def _match_triggers(sent: SpacySpan, lex: Lexicon, words: _Words | None = None) -> list[tuple[int, int, str]]:
    """(start token i, end token i, frame) for the longest trigger matches of a sentence."""
    words = words or _Words.of(sent.doc)
    texts, all_lowers, all_lemmas, ents = words.texts, words.lowers, words.lemmas, words.ent_types
    # a month ("On 21 March") or any part of a date or a name is never a trigger
    idxs = [
        j for j in range(sent.start, sent.end)
        if ents[j] not in ("DATE", "TIME") and not (texts[j][:1].isupper() and all_lowers[j] in dates_mod.MONTHS)
        and texts[j] != "-"  # "gang-raped", "air-strike": hyphens join words
    ]
    lemmas = [all_lemmas[j] for j in idxs]
    lowers = [all_lowers[j] for j in idxs]
    first, triggers = lex.trigger_first, lex.triggers
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(idxs):
        hit = None
        by_lemma, by_lower = lemmas[i] in first, lowers[i] in first
        if by_lemma or by_lower:
            for n in range(min(lex.max_len, len(idxs) - i), 0, -1):
                for ok, seq in ((by_lemma, lemmas), (by_lower, lowers)):
                    frame = triggers.get(key := tuple(seq[i : i + n])) if ok else None
                    if frame:
                        inside = set(idxs[i : i + n])
                        if all(texts[j] == "-" for j in range(idxs[i], idxs[i + n - 1] + 1) if j not in inside) \
                                and (key not in lex.joined or idxs[i + n - 1] - idxs[i] == 2 * (n - 1)):
                            hit = (idxs[i], idxs[i + n - 1] + 1, frame)
                            break
                if hit:
                    break
        if hit:
            out.append(hit)
            i += hit[1] - hit[0]
        else:
            i += 1
    return out


def _with_split_triggers(sent: SpacySpan, lex: Lexicon, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``hits`` (of :func:`_match_triggers`) with the phrasal triggers split by an object: the
    verb takes the phrase's frame, and what the phrase's end matched is dropped."""
    by_start = {h[0]: h for h in hits}
    out: list[tuple[int, int, str]] = []
    end = sent.start
    for tok in sent:
        if tok.i < end:
            continue
        hit = by_start.get(tok.i)
        if (hit is None or hit[1] - hit[0] == 1) and _lemma(tok) in lex.trigger_first \
                and (split := _split_by_object(tok, lex)) is not None:
            hit, end = split
        elif hit is not None:
            end = hit[1]
        if hit is not None:
            out.append(hit)
    return out


def _split_by_object(verb: Token, lex: Lexicon) -> tuple[tuple[int, int, str], int] | None:
    """A phrasal trigger split by the verb's object ("set a suspected thief alight", "shot
    the man dead"): the verb as the trigger, with the frame of the whole phrase, and the end
    of the phrase.  The object is a short noun phrase (up to five words, no punctuation), or a
    longer one the verb governs, with what it says of the object ("sprayed a vehicle belonging
    to an MP with bullets")."""
    if verb.pos_ != "VERB":
        return None
    doc, lemma = verb.doc, _lemma(verb)
    stop = min(verb.sent.end, verb.i + 11)
    adjuncts = True  # the gap so far is the verb's place and time phrases ("gathered in Shiraz on Friday")
    normal = True  # the gap so far is its object, with what it says of it
    for gap_end in range(verb.i + 2, stop):
        t = doc[gap_end - 1]
        plain = t.pos_ in _OBJECT_POS or t.pos_ == "VERB" and t.dep_ == "amod" or t.tag_ == "POS"
        adjuncts = adjuncts and (plain or t.pos_ == "ADP") and any(
            a.head.i == verb.i and a.dep_ in ("prep", "npadvmod") for a in (t, *t.ancestors) if a.i != verb.i)
        normal = normal and (plain and gap_end - verb.i <= 6 or (plain or t.pos_ == "ADP" or t.pos_ == "VERB"
                                                                 and t.dep_ == "acl")
                             and gap_end > verb.i + 2 and verb.is_ancestor(t))
        if not normal and not adjuncts:
            return None  # ("a suspected thief", "the chief's car")
        for n in range(min(lex.max_len - 1, verb.sent.end - gap_end), 0, -1):
            if not normal and doc[gap_end].pos_ != "ADP":
                break  # (after place and time phrases, only a preposition goes on the phrase: "gathered ... against")
            key = (lemma, *(_lemma(w) for w in doc[gap_end : gap_end + n]))
            frame = lex.triggers.get(key) if key not in lex.joined else None  # ("sit-in" is never split)
            if frame:
                return (verb.i, verb.i + 1, frame), gap_end + n
    return None


_OBJECT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})


def _head_of(doc: Doc, start: int, end: int) -> Token:
    """The head of a trigger's tokens: the one the parser hangs outside them; of a noun phrase it
    split ("Persistant post-election violence": "election" an adjective on another word), its
    last noun."""
    heads = [tok for tok in doc[start:end] if not (start <= tok.head.i < end) or tok.head.i == tok.i]
    if not heads:
        return doc[start]
    if len(heads) > 1 and heads[0].pos_ in ("ADJ", "NOUN") and heads[-1].pos_ == "NOUN":
        return heads[-1]
    return heads[0]


def _governor(tok: Token) -> Token:
    """The verb a trigger belongs to (itself for verbs)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        if cur.head.i == cur.i:
            return cur
        if _across_semicolon(cur):
            return cur  # "Grenade attack outside mosque; police blame Al Shabaab": a clause of its own
        cur = cur.head
    return cur


def _across_semicolon(tok: Token) -> bool:
    """``tok`` heads a clause of its own that the parser hung on the next one across a
    semicolon (also as its subject: "Clashes between Kikuyu and Maasai; eight killed; may
    include civilians", or as what the next one says: "troops defused a bomb ...; the military
    blamed the BIFF")."""
    lo, hi = sorted((tok.i, tok.head.i))
    return (tok.dep_ in ("dep", "parataxis", "nsubj", "nsubjpass") or tok.dep_ == "ccomp" and tok.i < tok.head.i) \
        and any(t.text == ";" for t in tok.doc[lo + 1 : hi])


#: conjunctions that open a clause telling something else ("..., while Russian jets struck ...");
#: "when", "after" or "as" tell how the same event came about
_OTHER_EVENT_MARKS = frozenset({"while", "whereas", "whilst"})


#: what a clause's distance in time from its main one is counted in ("two days after ...")
_TIME_UNITS = frozenset({"hour", "day", "night", "week", "month", "year"})


def _dated_apart(clause: Token) -> bool:
    """Is ``clause`` told as happening some time before or after the one it hangs on ("two days
    after the militia executed 20 others", "just days after four people were killed")?"""
    if clause.dep_ != "advcl":
        return False
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before", "since")), None)
    # (the distance before the conjunction: not "after clashes lasted two days", "after a man
    # was shot the previous day")
    return mark is not None and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS and c.i < mark.i
                                    for c in clause.children)


def _another_occasion(trig: Token) -> bool:
    """Does the trigger tell what happened some time apart from its sentence's event (a clause
    :func:`_dated_apart`)?  Its deed is background, its dead not that event's."""
    return any(_dated_apart(t) for t in (trig, *trig.ancestors))


def _clause_bounds(gov: Token, sent: SpacySpan, apart: Collection[str] = ()) -> tuple[int, int]:
    """Character span of the governing verb's clause: with the verbs coordinated with it that
    share its subject ("shot and killed two") and the clauses that tell how it came about
    ("when police fired on a mob"), without those with a subject of their own that tell something
    else ("and militants fired rockets", "while Russian jets struck", "said gunmen killed"), or
    that an ``apart`` word before their verb says are ("and in a separate attack gunmen killed",
    where the parser took "gunmen" for part of the attack)."""
    excluded: set[int] = set()
    for child in gov.children:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) or child.dep_ == "conj" \
            and any(t.lower_ in apart for t in child.subtree if t.i < child.i)
        if own_subject and (child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX") or child.dep_ == "ccomp"
                            or child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OTHER_EVENT_MARKS
                                                             for c in child.children)) or _dated_apart(child):
            excluded.update(t.i for t in child.subtree)
    toks = [t for t in gov.subtree if t.i not in excluded and sent.start <= t.i < sent.end]
    while toks and toks[-1].is_punct and toks[-1].i != gov.i:
        toks.pop()  # the sentence's full stop does not stretch it over the clauses left out
    if not toks:
        return sent.start_char, sent.end_char
    return toks[0].idx, toks[-1].idx + len(toks[-1])


#: verbs whose negation says a detail is unknown ("details not specified", "motive not known")
UNKNOWN_DETAIL_VERBS = frozenset({"specify", "specified", "know", "known", "clear", "identify", "identified",
                                  "establish", "confirm", "disclose", "reveal"})
#: negated, these make what they govern uncertain ("it is not clear whether the town fell"); unlike
#: "did not reveal who carried out the attack", which only leaves a detail unknown
UNCERTAIN_VERBS = frozenset({"clear", "know", "confirm", "establish"})


def _dated_to_a_past_year(noun: Token, published: dt.date) -> bool:
    """Is the noun dated by a year before the publication's ("the 2016 Karrada bombing")?"""
    return any(c.dep_ in ("nummod", "compound", "amod") and c.i < noun.i and _past_year(c, published)
               for c in noun.children)


def _of_a_past_year(noun: Token, published: dt.date) -> bool:
    """Is the noun, or a noun it is said of ("the 2022 massacre at the church in Owo"), dated to
    a past year?"""
    cur = noun
    for _ in range(5):
        if _dated_to_a_past_year(cur, published):
            return True
        if cur.dep_ not in ("pobj", "prep", "appos") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _modality(trig: Token, gov: Token, sent: SpacySpan, lex: Lexicon) -> str:
    """'real', 'weak' (can only add details), 'authorship' (weak, and whoever the parse makes its
    doer denied doing it: "denied carrying out the bombing") or 'none' (reports no real event)."""
    mod = lex.modality
    if sent.text.rstrip().endswith("?") or _asked_for(trig, sent, lex):
        return "none"
    # "Post election riots - DETAILS NOT SPECIFIED": what is not known is a detail, not the event
    # ("Riots involving arson - DETAILS NOT SPECIFIED": the parser gave the verb two subjects)
    detail_unknown = gov.i != trig.i and _lemma(gov) in UNKNOWN_DETAIL_VERBS and (
        trig.dep_ not in ("nsubj", "nsubjpass", "dobj")
        or sum(c.dep_ in ("nsubj", "nsubjpass") for c in gov.children) > 1)
    first = trig
    while first.dep_ == "conj" and first.pos_ == "NOUN" and first.head.pos_ == "NOUN":
        first = first.head
    if first is not trig and any(c.dep_ == "det" and c.lower_ in mod.negation for c in first.children):
        return "none"  # "No injuries or arrests were reported": what "no" denies, its conjuncts lack too
    for tok in (trig, gov):
        if could_have(tok):
            return "none"  # "dozens could have been killed"
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" and c.i < subj.i
                                    for c in tok.children):
            return "none"  # "Had the bomb exploded, ..."
        # "entered the town without fighting", "took it without firing a shot"
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in mod.negation:
            return "none"
        for child in tok.children:
            if (child.dep_ == "neg" and not (tok is gov and detail_unknown)) or (
                    child.dep_ == "det" and child.lower_ in mod.negation):
                return "none"
            if tok is trig and child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in mod.negation or any(
                    c.dep_ == "det" and c.lower_ in mod.negation for c in child.children)):
                return "none"  # "Nobody died", "No one was killed" (in the clashes, which were fought)
            if child.dep_ == "aux" and child.lower_ in mod.future:
                return "none"
            if child.dep_ == "mark" and child.lower_ in mod.hypothetical:
                return "weak" if child.lower_ == "whether" else "none"
    # what one is to help do ("urged residents to help the army fight bandits", "to help Niger
    # fight jihadists": the parser hangs "fight" on its object as a noun) is not done
    helper = next((a for a in trig.ancestors if a.pos_ == "VERB"), None)
    if helper is not None and helper.i != gov.i and _lemma(helper) in ("help", "assist", "enable") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in helper.children):
        return "none"
    # infinitive purpose/threat: "to retake", "threatened to attack", "plans to strike"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children):
        head = _lemma(gov.head)
        # "teachers gathered to protest", "drivers blocked roads to protest": the act is the protest
        # ("police used batons to disperse a protest": what the act was for, done with it)
        finite_act = (gov.dep_ == "advcl" or gov.dep_ == "xcomp" and _lemma(gov.head) in _INSTRUMENT_VERBS) \
            and gov.head.pos_ == "VERB" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.head.children)
        # ("workers gather ... for the second day to protest": the clause hangs on "day")
        verb_above = next((a for a in gov.ancestors if a.pos_ == "VERB"), gov.head)
        # ("supporters blocked voting temporarily to protest": the clause hangs on the object)
        finite_act = finite_act or gov.dep_ == "advcl" and gov.head.pos_ == "NOUN" and verb_above.tag_ in _FINITE_TAGS
        acted = (_lemma(gov) in PROTEST_VERBS and (_lemma(verb_above) in GATHERING_VERBS or finite_act)) or (
            _lemma(gov) in DISPERSAL_VERBS and finite_act)  # "police used tear gas to disperse them"
        # (an act still to come is none: "supporters will block voting to protest")
        acted = acted and not any(c.dep_ == "aux" and c.lower_ in mod.future for c in verb_above.children)
        to = next(c for c in gov.children if c.dep_ == "aux" and c.lower_ == "to")
        # "Residents of Wajir gather to protest ...": a headline's verb the parser took for a noun
        acted = acted or (gov.dep_ == "ROOT" and _lemma(gov) in PROTEST_VERBS and to.i > sent.start + 1
                          and _lemma(gov.doc[to.i - 1]) in GATHERING_VERBS
                          and gov.doc[to.i - 2].lower_ != "to")  # (not "Residents to gather to protest")
        # "Al Shabaab claimed to have killed two police": a deed told as done
        done = head in _TOLD_AS_DONE and any(c.dep_ == "aux" and c.lower_ == "have" for c in gov.children)
        # "supporters attempted to storm the office": an attempt told as made is the event
        # (ACLED codes failed attacks); "plan to try to", "will attempt to" are not
        tried = head in mod.attempt and gov.dep_ == "xcomp" and gov.head.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(c.dep_ == "aux" for c in gov.head.children)
        # "a livestock raid led to clash between ...": a noun the parser read as an infinitive
        led = _lemma(gov.head) in mod.leads_to and gov.dep_ == "xcomp" and gov.i == to.i + 1
        # "police were forced to shoot in the air": what they were made to do, they did
        forced = head in ("force", "compel", "oblige") and any(c.dep_ == "auxpass" for c in gov.head.children)
        if head not in ("continue", "keep", "resume", "manage") and not acted and not done and not tried \
                and not led and not forced:
            return "none"
    if gov.dep_ == "relcl" and gov.head.dep_ == "nsubjpass" \
            and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in gov.children):
        # "a man who killed his wife and kids was seized by a mob and killed": what the victim
        # had done, told to say who he was (not "police dispersed youths who had stormed ...")
        return "weak"
    if gov.dep_ == "pcomp" and gov.head.dep_ == "prep" and gov.head.head.pos_ == "VERB":
        above = gov.head.head
        if _lemma(above) in mod.future:
            return "none"  # "a crowd who had planned on attacking an officer"
    if (above := reason_for(gov)) is not None and lex.triggers.get((_lemma(above),)) in _PUNISHING:
        # "a man was lynched for assaulting his mother", "police arrested a man for killing his
        # neighbour": what he was punished for
        return "weak"
    if _still_to_come(trig, lex):
        return "none"  # "ahead of a planned demonstration", "an expected offensive"
    if trig.pos_ == "NOUN" and trig.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(trig.head) in mod.foiled:
        return "none"  # "foiled a suicide attack", "an attack was thwarted": it did not happen
    if trig.pos_ == "NOUN" and (trig.dep_ in ("dobj", "obj", "ccomp") and _lemma(trig.head) in mod.future
                                or trig.dep_ == "pobj" and trig.head.lower_ in ("of", "for")
                                and _lemma(trig.head.head) in mod.future):
        return "none"  # "threatened mass protests", "warned of attacks" (or "threatened the government offensive",
        # an object the parser read as a clause): not (yet) an event
    if trig.pos_ == "NOUN" and trig.dep_ == "pobj" and _accused_of(trig.head, mod):
        return "none"  # "two suspects linked to a grenade attack were shot dead" (see below)
    below = gov
    for anc in gov.ancestors:
        if anc.i < sent.start or anc.i >= sent.end:
            break
        if _across_semicolon(below):
            # a detail unknown is told of the event ("... executed two men in Jilib; the exact
            # date could not be confirmed"), but an unknown cause leaves it no attack ("An
            # explosion at an arms depot killed five soldiers; the cause was not known")
            return "weak" if _lemma(anc) in UNCERTAIN_VERBS and any(c.dep_ == "neg" for c in anc.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in ("cause", "origin", "reason")
                        for c in anc.children) else "real"
        child, below = below, anc
        lem = _lemma(anc)
        if lem in lex.words.hearsay and anc.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ in ("acomp", "attr") and _lemma(c) in lex.words.untrue for c in anc.head.children):
            return "none"  # "Reports that gunmen had stormed a school were false, police said"
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in mod.future for c in anc.children):
            return "none"  # "bandits will continue to hold rural communities hostage"
        if lem in mod.denial:
            if any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in gov.children):
                return "real"  # "denied carrying out the bombing that killed 63 people": that it killed is told
            if trig.pos_ == "NOUN" and any(_lemma(a) in _AUTHORSHIP for a in trig.ancestors if anc in a.ancestors):
                return "authorship"  # "denied carrying out the bombing": who did it is denied, not that it was done
            return "none"
        if anc.dep_ == "pcomp" and anc.head.lower_ == "without":
            return "none"  # "took the town without getting involved in any clashes"
        if _accused_of(anc, mod):
            # "three men suspected of killing an elderly man were lynched", "two suspects linked
            # to a grenade attack were shot dead", "lynched over
            # allegations of killing a teacher", "expected in court to answer charges of killing
            # an activist": who they are or why, not what is reported ("Soldiers accused of
            # killing 30 civilians in Moura", a headline with no verb, is)
            return "none"
        if lem in mod.future and anc.dep_ in ("ROOT", "ccomp", "xcomp") and gov.dep_ in ("xcomp", "ccomp") \
                and not (gov.dep_ == "ccomp" and gov.i < anc.i):
            # (a clause told before the verb is no wish of it: "police shot dead wanted Al Shabaab
            # member X", where the parser took "wanted" for the verb)
            return "none"
        if any(c.dep_ == "mark" and c.lower_ in mod.hypothetical and c.lower_ != "whether" for c in anc.children):
            return "none"
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in anc.children):
            return "weak"
        if any(c.dep_ == "neg" for c in anc.children) and lem in UNCERTAIN_VERBS:
            return "weak"
    return "real"


def _accused_of(prep: Token, mod: ModalitySpec) -> bool:
    """Is ``prep`` the "of" (for, with, to) of what someone is accused of ("suspected of
    killing", "allegations of killing", "linked to the attack"): who they are or why?"""
    head = prep.head
    # (a noun's "to" is no accusation: "an armed gang with possible links to MRC attacks police")
    return prep.dep_ == "prep" and prep.lower_ in ("of", "for", "with", "to") and _lemma(head) in mod.accusation \
        and (head.dep_ in ("acl", "relcl", "amod") and not headline_predicate(head)
             or head.pos_ == "NOUN" and prep.lower_ != "to" or _reduced_participle(head))


def _reduced_participle(verb: Token) -> bool:
    """A participle the parser read as a clause of its own, with the noun it modifies as its
    subject ("Two suspects linked to the attack were shot dead": "linked" a ccomp of "shot")."""
    return verb.tag_ == "VBN" and verb.dep_ == "ccomp" and verb.head.i > verb.i \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _still_to_come(noun: Token, lex: Lexicon) -> bool:
    """A noun an adjective of the lexicon's ``[modality] prospective`` puts in the future ("a
    planned demonstration", "an expected offensive")."""
    return noun.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in lex.modality.prospective
                                       for c in noun.children)


#: verbs of using a means, whose "to" clause is what it was used for ("used batons to disperse")
_INSTRUMENT_VERBS = frozenset({"use", "deploy", "employ"})

#: what befalls a deed's doer in a "before being ... by" clause, no event of its own
_DOERS_FATE_FRAMES = frozenset({"killing", "wounding", "arrest"})

#: verbs whose object is a deed someone did: denying them denies who did it, not the deed
_AUTHORSHIP = frozenset({"carry", "conduct", "perpetrate", "stage", "launch", "commit", "mount", "orchestrate"})
#: frames of what may be done to a person for a deed of theirs ("lynched for", "beaten for",
#: "arrested for")
_PUNISHING = frozenset({"killing", "beating", "arrest"})


def _span_tokens(doc: Doc, toks: Iterable[Token]) -> tuple[int, int] | None:
    toks = sorted(toks, key=lambda t: t.i)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _actors_in(span: tuple[int, int] | None, actors: Sequence[ActorRef]) -> list[ActorRef]:
    if span is None:
        return []
    s, e = span
    return [a for a in actors if a.start >= s and a.end <= e]


#: participles that make "X-appointed" someone X put in office, "X-run" something X runs: X is
#: not who they are ("a junta-appointed ward administrator", "a Hamas-run school")
_PLACING = frozenset({"appointed", "installed", "nominated", "owned", "run", "operated"})
_PLACED_BY = re.compile(rf"\s?[-‐‑]\s?(?:{'|'.join(sorted(_PLACING))})\b", re.IGNORECASE)


#: a stance written before a name: "pro-EU", "anti-Houthi"
_STANCE_BEFORE = re.compile(r"\b(?:pro|anti)\s?[-‐‑]\s?$", re.IGNORECASE)


def _described_by_others(refs: Sequence[ActorRef], text: str) -> list[ActorRef]:
    """``refs`` but for a group named only to describe the named one after it ("Al-Qaeda-linked
    HTS fighters", "Turkish-backed NLF"): the one described is the party (but "al Shabaab-linked
    gunmen" are al Shabaab's); nor one named as what people are for or against ("pro-EU
    protesters")."""
    out = []
    for a in refs:
        if _STANCE_BEFORE.search(text, max(0, a.start - 5), a.start):
            continue  # "pro-EU protesters", "anti-Taliban demonstrators": what they are for or against
        m = _DESCRIBING.match(text, a.end)
        if m is None or not any(0 <= b.start - m.end() <= 2 and b.name and not b.generic for b in refs):
            out.append(a)
    return out


def _doer_within(doc: Doc, ref: ActorRef, trigger: Token) -> bool:
    """Is ``ref`` the subject of a clause of its own inside what the trigger was done to ("lynched
    a man accused of killing a child before police arrived": the police arrived)?"""
    sp = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return sp is not None and sp.root.dep_ in ("nsubj", "nsubjpass") and _in_own_clause(sp.root, trigger)


def _outsider_of(doc: Doc, ref: ActorRef, lex: Lexicon) -> bool:
    """The actor only qualifies a person outside it: "an al-Shabaab critic", "the wife of a
    Taliban commander" (``[people] outsider`` nouns), "a junta-appointed administrator"."""
    if _PLACED_BY.match(doc_text(doc), ref.end):
        return True
    sp = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    head = sp.root
    while head.dep_ in ("compound", "amod", "poss", "nmod", "conj", "pobj", "prep") and head.head.i != head.i:
        head = head.head
        if head.lower_ in lex.people.outsider:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


#: pronouns and determiners that refer back to people already told of
ANAPHORS = frozenset({"they", "the", "these", "those"})


def _the_attackers(doc: Doc, span: tuple[int, int] | None) -> bool:
    """The phrase refers back to the doers of an attack: "the attackers", "the gunmen"."""
    sp = doc.char_span(*span, alignment_mode="expand") if span is not None else None
    return sp is not None and len(sp) > 0 and _lemma(sp.root) in _word_lists().attackers and any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in sp.root.children)


def _anaphoric_crowd(doc: Doc, span: tuple[int, int] | None, lex: Lexicon) -> bool:
    """The phrase refers back to a crowd: "they", "the protesters", "these students", or part
    of one ("some of them", "some members of the group")."""
    sp = doc.char_span(*span, alignment_mode="expand") if span is not None else None
    if sp is None or not len(sp):
        return False
    if len(sp) == 1 and sp[0].lower_ in ("some", "others") and sp[0].pos_ in ("PRON", "DET"):
        return True  # a part of it told alone: "protesters marched in Niamey; some attacked the embassy"
    if sp[0].lower_ not in ANAPHORS:
        # a part of the crowd: the "of" phrase of the head refers back to it
        whole = next((g for c in sp.root.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.i < sp.end), None)
        if whole is None:
            return False
        return whole.lower_ == "them" or (
            _lemma(whole) in _CROWD_REFERENTS or (_lemma(whole),) in _crowd_words(lex)
        ) and any(c.dep_ == "det" and c.lower_ in ANAPHORS for c in whole.children)
    if len(sp) == 1:
        return sp[0].lower_ == "they"
    return (_lemma(sp.root),) in _crowd_words(lex)


#: nouns that, after a demonstration was told, refer back to its crowd ("members of the group")
_CROWD_REFERENTS = frozenset({"group", "crowd"})


def _crowd_words(lex: Lexicon) -> frozenset:
    """The lexicon's words for a crowd or an unarmed side (as cue keys: tuples of lemmas)."""
    return lex.cues.get("crowd", frozenset()) | lex.cues.get("unarmed_side", frozenset())


def _is_or_coordination(doc: Doc, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    return any(t.dep_ == "cc" and t.lower_ == "or" for t in doc.char_span(*span, alignment_mode="expand") or [])


#: words that count people without naming them ("several killed")
VAGUE_COUNTS = frozenset({"several", "many", "dozens", "scores", "hundreds", "some", "few", "numerous"})

#: words between a headline's verb and its "by" ("shot dead by", "shot and killed by")
PASSIVE_COMPLEMENTS = frozenset({"dead", "down", "and", "killed", "injured", "wounded"})


def _repaired_subjects(sent: SpacySpan) -> dict[int, list[Token]]:
    """Subjects the parser attached to the wrong clause (verb index -> the subject's tokens).

    In "surrounded by government forces and rebel fighters withdrew", spaCy makes "rebel
    fighters" a conjunct of "forces" and leaves "withdrew" without a subject.  A coordinated
    verb with no subject right after a conjoined noun takes that noun as its subject.  In a
    headline read as a noun phrase ("Members of a militia attack and kill two herders": the
    root is "Members", "attack" a noun in it and "kill" its conjunct), the verb's subject is
    the root phrase before it.
    """
    fixed: dict[int, list[Token]] = {}
    for tok in sent:
        if tok.pos_ != "VERB" or tok.dep_ != "conj":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        head = tok.head
        if prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ == "conj":
            fixed[tok.i] = list(prev.subtree)
        elif head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < tok.i and head.tag_ in ("NNS", "NNPS"):
            end = min([c.i for c in head.children if c.dep_ == "cc" and c.i < tok.i] + [tok.i])
            fixed[tok.i] = [t for t in head.subtree if t.i < end]
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN"):
        # "An Israeli air strike on a school sheltering displaced people in Gaza City killed 25
        # people": a past-tense verb with an object, read as a clause on the noun before it in a
        # sentence with no verb at its root, is the sentence's verb, the phrase before it its subject
        # (also when tagged a participle: "Malian soldiers backed by Russian paramilitaries
        # killed at least 15 civilians")
        for tok in sent:
            if tok.tag_ in ("VBD", "VBN") and tok.dep_ == "acl" and tok.i > root.i \
                    and any(c.dep_ in ("dobj", "obj") for c in tok.children) \
                    and not any(c.dep_ == "agent" for c in tok.children):
                fixed[tok.i] = [t for t in root.subtree if t.i < tok.i]
                break
    return fixed


#: nouns whose "of" names what they are of ("control of the town"), even where the parser hangs
#: the "of" on the verb
OF_NOUNS = frozenset({"control", "charge", "possession", "command", "hold"})


def _verb_of_conjoined_object(tok: Token) -> Token | None:
    """The gerund whose object a gerund read as an adjective is conjoined with ("killing 23
    civilians and burning houses": "burning" hangs on "houses", a conjunct of "civilians")."""
    if tok.tag_ != "VBG" or tok.dep_ != "amod" or tok.head.dep_ != "conj" or tok.i == 0 \
            or tok.doc[tok.i - 1].dep_ != "cc" or tok.i > tok.head.i:
        return None
    first = tok.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    verb = first.head
    if first.dep_ not in ("dobj", "obj") or verb.tag_ != "VBG" or verb.pos_ != "VERB":
        return None
    return verb


def _fires_a_weapon(verb: Token, lex: Lexicon) -> bool:
    """Does a verb of use or firing ("fire", "launch", "use", "drop") have a weapon, or no
    object at all ("police fired in the air"), rather than a campaign or an appeal?"""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return True
    words = {t.lower_ for t in obj.subtree}
    return bool(words & (lex.words.fired | lex.people.weapon)) or any(w.endswith("gas") for w in words)


#: verbs that say where or when something happened ("the attack took place in ...")
_HAPPEN_VERBS = frozenset({"take", "happen", "occur", "unfold"})
#: verbs for freeing captives
_FREEING_VERBS = frozenset({"rescue", "free", "release", "liberate", "recover", "secure"})
#: verbs for running into an explosive ("hit a landmine", "stepped on a mine", "ran over an IED")
_CONTACT_VERBS = frozenset({"hit", "strike", "step", "run", "drive", "trigger", "roll"})


def _ran_into_explosive(doc: Doc, trig: Token) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The phrases of who ran into an explosive and of the explosive, when ``trig`` (the verb or
    the explosive) tells of it: "their patrol hit an improvised explosive device" (the patrol is
    the victim)."""
    if trig.dep_ == "compound":
        trig = trig.head  # "a roadside bomb"
    verb = trig if trig.pos_ == "VERB" else trig.head if trig.dep_ in ("dobj", "obj", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is None or verb.pos_ != "VERB" or _lemma(verb) not in _CONTACT_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "onto") for g in c.children if g.dep_ == "pobj"]
    explosive = next((o for o in objs if any(t.lower_ in _word_lists().explosives for t in o.subtree)), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if explosive is None or subj is None:
        return None
    if any(c.dep_ == "acl" and _lemma(c) in ("target", "aim") for c in explosive.children) \
            or {_lemma(subj), subj.lower_.removesuffix("s")} & _word_lists().detonators:
        return None  # "Maoists triggered an IED blast targeting a police vehicle": they set it off
    return _span_tokens(doc, subj.subtree), _span_tokens(doc, explosive.subtree)


def _inanimate(tok: Token) -> bool:
    """A place, a building, a vehicle or a time: no doer of anything."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or lemma in TERRITORY_NOUNS \
        or lemma in _word_lists().buildings


_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _stray_agent(verb: Token) -> Token | None:
    """The doer of a passive whose "by" the parser hung on a place after it ("have been shot
    dead in Bochai area, Lamu county by security personnel"), or None."""
    for by in verb.subtree:
        if by.i < verb.i or by.lower_ != "by" or by.dep_ != "prep" \
                or not (_inanimate(by.head) or by.head.pos_ == "PROPN"):
            continue
        head = by.head  # (up through the place phrase only: not "no mention of violence by them")
        while head.i != verb.i and head.dep_ in ("pobj", "prep", "conj", "appos", "compound", "npadvmod"):
            head = head.head
        doer = next((g for g in by.children if g.dep_ == "pobj"), None)
        if head.i == verb.i and doer is not None and not _inanimate(doer) \
                and _lemma(doer) not in _word_lists().fired_arms:
            return doer
    return None


def _stranded_preposition(verb: Token) -> bool:
    """A verb followed by a preposition with no object of its own: "shot at and injured"."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.dep_ == "prep" and nxt.head.i == verb.i and not any(nxt.children) \
        and (nxt.i + 1 == len(verb.doc) or not nxt.nbor().is_alpha or nxt.nbor().lower_ in ("and", "or"))


def _misplaced_of(verb: Token) -> Token | None:
    """The "of" the parser hung on ``verb`` that belongs to its object ("took control of X",
    "established control over X")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.lemma_.lower() not in OF_NOUNS:
        return None
    nxt = obj.right_edge.i + 1
    if nxt < len(verb.doc) and verb.doc[nxt].lower_ in ("of", "over") and verb.doc[nxt].head.i == verb.i:
        return verb.doc[nxt]
    return None


#: prepositions that locate what a phrase names by another thing ("a sit-in outside the army
#: headquarters", "a vehicle near a police station")
_LOCATING = frozenset({"outside", "near", "beside", "behind", "opposite", "nearby"})


#: nouns for what is left of the dead, whose "of" names who died ("the body of a soldier")
_REMAINS = BODY_NOUNS | {"remains"}


def _roles(doc: Doc, trig: Token, gov: Token, opponent_with: bool = False, weapons: Collection[str] = (),
           doers: Collection[str] = ()) -> tuple[tuple[int, int] | None, tuple[int, int] | None, bool]:
    """Character spans of the agent and patient phrases of a trigger, and whether passive.
    ``opponent_with``: "with" names the other side ("clashed with rebels"), not an instrument;
    ``weapons``: words for what a verb of firing fires (as written), whose target is the
    patient when they are the object ("fired rockets at a US base"); ``doers``: words for armed
    parties (as written) whose noun before a noun trigger did it ("army shelling")."""
    agent = patient = None
    passive = False
    repaired = _repaired_subjects(trig.sent)
    moved = {t.i for subj in repaired.values() for t in subj}

    def subtree_span(tok: Token) -> tuple[int, int] | None:
        # a place the phrase is located by is no part of it ("stormed the protest sit-in outside
        # the army headquarters": the sit-in, not the army)
        beside = {t.i for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _LOCATING
                  for t in c.subtree}
        # nor who a clause says the people are linked to ("45 civilians they accused of supporting
        # Fano", "residents who had been ordered by the army to dig trenches")
        if tok.lemma_.lower() in _word_lists().plain_people:
            beside |= {t.i for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i for t in c.subtree}
        if tok.i in moved:
            return _span_tokens(doc, (t for t in tok.subtree if t.i not in beside))
        return _span_tokens(doc, (t for t in tok.subtree if t.i not in moved and t.i not in beside))

    if trig.i in repaired:
        agent = _span_tokens(doc, repaired[trig.i])
    if (verb := _verb_of_conjoined_object(trig)) is not None:
        # "killing 23 civilians and burning houses": the parser read the second gerund as an
        # adjective of its object, conjoined with the first's; it is the first's conjunct
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _inherited_subject(verb)
        return (subtree_span(doer) if doer is not None else None), _span_tokens(doc, trig.head.subtree), False

    def by_agent(verb: Token) -> tuple[int, int] | None:
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return subtree_span(objs[0])
        return None

    def target_and_doer(obj: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The target phrase of "on"/"against", and the doer a "by" inside it names ("Attack
        on Degodia village by Garre militia": the parser hangs the "by" on the village)."""
        by = next((b for b in obj.children if b.dep_ == "prep" and b.lower_ == "by"), None)
        if by is None:
            return subtree_span(obj), None
        inner = {t.i for t in by.subtree}
        doer = next((g for g in by.children if g.dep_ == "pobj"), None)
        return (_span_tokens(doc, (t for t in obj.subtree if t.i not in inner)),
                subtree_span(doer) if doer is not None else None)

    if trig.pos_ in ("VERB", "AUX") or trig.i == gov.i:
        verb = trig
        # (of two subjects the parser gave the verb, the nearest before it: "Agreement: Reported
        # on 1 March, 42 IS fighters surrendered"; both, when the first is coordinated with it:
        # "Samburu and Borana herders clash")
        # (not a place in brackets the parser made one: "soldiers from the Kati camp (Kati,
        # Koulikoro) arrested the president")
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i
                    and not (c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "(")]
        if len(subjects) > 1 and subjects[-1].pos_ == "PROPN" and subjects[-1].left_edge.i > 0 \
                and (before := doc[subjects[-1].left_edge.i - 1]).pos_ == "NOUN" \
                and any(t.i == before.i for t in subjects[-2].subtree):
            # a name right after a noun of the first subject's phrase is that noun's ("air
            # strikes on the Yemeni capital Sanaa killed 14 people")
            subjects = subjects[:-1]
        nearest = subjects[-1] if subjects else None
        if len(subjects) > 1 and any(c.dep_ == "cc" for c in subjects[-2].children):
            agent = _span_tokens(doc, (t for c in subjects[-2:] for t in c.subtree))
        for c in verb.children:
            if c.dep_ == "nsubj" and agent is None and (nearest is None or c.i == nearest.i):
                if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                    # "the fighters who withdrew": the antecedent is the agent (not a place, a
                    # building or a day the parser hung the clause on: "an attack on a police
                    # compound in Bannu on Monday that killed three officers")
                    if not _inanimate(verb.head):
                        inner = {t.i for t in verb.subtree}
                        agent = _span_tokens(doc, (t for t in verb.head.subtree if t.i not in inner))
                else:
                    agent = subtree_span(c)
            elif c.dep_ == "nsubjpass":
                patient, passive = subtree_span(c), True
            elif c.dep_ in ("dobj", "obj"):
                # two objects are one phrase split by the parser ("attacks police post")
                span = subtree_span(c)
                patient = span if patient is None or span is None else (min(patient[0], span[0]), max(patient[1], span[1]))
        if patient is None and agent is None and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
                and _lemma(verb.head) == "be" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i \
                and not any(c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in verb.children) \
                and (subj := next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)) is not None \
                and subj.lower_ not in weapons:
            # "More than 20 houses were on Sunday night set ablaze by arsonists": a passive the
            # parser split at the words between its auxiliary and its participle
            patient, passive = subtree_span(subj), True
        if agent is None and verb.pos_ == "NOUN":
            # a headline's noun root: its name modifier did it ("OLF fights with faction")
            agent = next((subtree_span(c) for c in verb.children if c.dep_ == "compound" and c.i < verb.i
                          and (c.pos_ == "PROPN" or c.is_upper and len(c.text) > 1)), None)
            if agent is not None and patient is None:  # "MRC attacks police officers": whom
                patient = next((subtree_span(c) for c in verb.children if c.dep_ == "appos" and c.i > verb.i), None)
        if any(c.dep_ in ("dobj", "obj") and (c.lower_ in weapons or (o := _prep_object(c, "of")) is not None
                                               and o.lower_ in weapons) for c in verb.children):
            # what was fired is no party: its target is ("fired rockets at a US base", "fired
            # dozens of rockets at ...")
            target = next((o for p in ("at", "on", "against", "into", "towards", "toward")
                           if (o := _prep_object(verb, p)) is not None and o.ent_type_ not in ("DATE", "TIME")), None)
            # (with no target told, what was used hit no one named: "police used force to disperse
            # protesters", "fired rockets")
            patient = subtree_span(target) if target is not None else None
        if patient is not None and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children) \
                and (target := _prep_object(verb, "to")) is not None:
            patient = subtree_span(target)  # "set fire to two police camps": what burnt
        if agent is None and (accused := headline_accusation(verb)) is not None:
            # "Soldiers accused of killing 30 civilians": the accused did it, as the headline says
            root = accused.head if accused.head.dep_ == "ROOT" else accused.head.head
            inner = {t.i for t in accused.subtree}
            agent = _span_tokens(doc, (t for t in root.subtree if t.i not in inner))
        if agent is None and patient is None and (among := _sides_object(verb)) is not None:
            # a gerund read as a verb: "Fighting between the army and the KIA broke out",
            # "fighting broke out between the SAF and the RSF"
            agent = subtree_span(among)
        if patient is not None and (of := _misplaced_of(verb)) is not None:
            # "took control of Wad Madani": the parser hung the place's "of" on the verb
            span = subtree_span(of)
            patient = patient if span is None else (min(patient[0], span[0]), max(patient[1], span[1]))
        if patient is None and not passive:
            # "Armed gang kills police investigating gun runners": the parser made the object the
            # subject of a clause that starts right after the verb
            obj = next((g for c in verb.children if c.i > verb.i for g in c.children if misread_object(g)), None)
            if obj is not None:
                patient = subtree_span(obj)  # (before a headline's passive is read: it has its object)
        after = token_after(verb, PASSIVE_COMPLEMENTS)
        by_next = after is not None and after.lower_ == "by" and after.dep_ == "prep" and after.head.i == verb.i
        if not passive and agent is not None and (any(c.dep_ == "agent" for c in verb.children) or by_next):
            # "Police officer shot dead by unknown gunmen": a headline's passive without its
            # auxiliary; the subject is the victim
            patient, agent, passive = agent, None, True
        elif not passive and agent is not None and patient is None and _stranded_preposition(verb):
            # "Four police officers shot at and injured during patrol": a headline's passive
            patient, agent, passive = agent, None, True
        elif not passive and agent is not None and patient is None and objectless_transitive(verb):
            # "Four security officers killed.": killing takes an object; without one (or a
            # preposition: "shot at") the subject is the victim
            patient, agent, passive = agent, None, True
        if patient is None and (objs := particle_objects(verb)):
            patient = subtree_span(objs[0])  # "militia guns down two police officers"
        if agent is None and patient is None and verb.dep_ == "acomp" and verb.tag_ == "VBN" \
                and _lemma(verb.head) == "be":
            # "A member of the GSU is non-fatally shot by bandits": a passive read as "be" and an
            # adjective
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                patient, passive = subtree_span(subj), True
        if patient is None and (subj := reduced_relative_subject(verb)) is not None:
            patient = subtree_span(subj)  # "a man believed to be a member of the ONLF was shot dead"
        if passive or any(c.dep_ == "auxpass" for c in verb.children):
            passive = True
            # "was shot and killed by X": the agent hangs on the last conjunct
            agent = by_agent(verb) or next(
                (a for c in verb.children if c.dep_ == "conj" and (a := by_agent(c))), None
            ) or (by_agent(verb.head) if verb.dep_ == "conj" else None) or (
                subtree_span(doer) if (doer := _stray_agent(verb)) is not None else None)
        if agent is None and verb.dep_ == "relcl":
            agent = subtree_span(verb.head) if not passive and not _inanimate(verb.head) else agent
            if passive:
                patient = patient or _span_tokens(doc, [verb.head])
        if agent is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i == verb.head.i + 1 \
                and any(c.dep_ in ("dobj", "obj") for c in verb.children) and by_agent(verb) is None \
                and (verb.head.dep_ == "ROOT" or verb.head.dep_ == "nsubj" and _lemma(verb.head.head) in load_cues().verbs):
            # "ADF rebels killed at least 12 civilians (, officials said)": a sentence the parser
            # read as a noun phrase; the participle with an object is its verb, the noun its subject
            agent = _span_tokens(doc, (t for t in verb.head.subtree if t.i < verb.i))
        elif agent is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "a convoy targeted by jets", "2 Mungiki suspects killed by police": the noun
            # phrase the participle modifies
            patient = patient or _span_tokens(doc, (t for t in verb.head.subtree if t.i < verb.i))
            agent, passive = by_agent(verb), True
        # (a conjunct's own auxiliary right after "and"; not a subject the parser hung elsewhere:
        # "attacked members of the tribe - 8 people were killed")
        own_aux = any(c.dep_ == "auxpass" and c.i > 0 and doc[c.i - 1].pos_ == "CCONJ" for c in verb.children)
        if patient is None and verb.dep_ == "conj" and verb.tag_ == "VBN" and (agent is None or own_aux):
            # "journalists were harassed, beaten and injured by police": a passive's conjunct
            # shares its subject, and the "by" hangs on the last conjunct (or an active verb's
            # subject, when the conjunct is passive of its own: "a police reservist responded to
            # the call and was shot dead by the group")
            subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass" or own_aux and c.dep_ == "nsubj"), None)
            if subj is not None:
                patient, passive = subtree_span(subj), True
                agent = by_agent(verb) or next(
                    (a for c in verb.children if c.dep_ == "conj" and (a := by_agent(c))), None) or by_agent(verb.head)
        if agent is None and verb.tag_ == "VBG" and not passive:
            agent = by_agent(verb)  # "wounded in shelling by Russian-backed separatists": a gerund's doer
        if agent is None and (subj := _inherited_subject(verb, via_preposition=not passive)) is not None \
                and _lemma(subj.head) not in _DYING:
            agent = subtree_span(subj)  # (not who died: "two policemen died and three were wounded")
        if patient is None and not passive and not (opponent_with and _prep_object(verb, "with") is not None):
            # "killed and wounded scores of terrorists": the object of the coordinated verb (not
            # when the verb names its opponent: "clashing with insurgents and capturing a village")
            for c in verb.children:
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    obj = next((g for g in c.children if g.dep_ in ("dobj", "obj")), None)
                    if obj is not None:
                        patient = subtree_span(obj)
                        break
        if patient is None:
            preps = ("on", "against", "at", "with") if opponent_with else ("on", "against", "at")
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    # not a time ("struck on Monday")
                    objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
                    if objs:
                        patient, doer = target_and_doer(objs[0])
                        agent = agent or doer
                        break
        if verb.dep_ == "csubj":
            # "Shooting by X leaves two police officers dead": a gerund's doer and victims
            agent = agent or by_agent(verb)
            if patient is None and _lemma(verb.head) == "leave":
                patient = next((subtree_span(c) for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
        if agent is not None and doc.text[agent[0]:agent[1]].lower() in _RELATIVE_PRONOUNS:
            # "crowds who tried to storm the offices": the relative clause's antecedent
            rel = next((a for a in (verb, *verb.ancestors) if a.dep_ == "relcl"), None)
            if rel is not None:
                np = rel.head
                while np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.pos_ in ("NOUN", "PROPN"):
                    np = np.head.head  # "crowds of opposition supporters who ..."
                agent = _span_tokens(doc, (t for t in np.subtree if t.i < rel.left_edge.i)) or agent
        return agent, patient, passive

    # noun trigger
    modifier = None  # "Russian air strikes", "the army's assault"
    for c in trig.children:
        if (c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"))
                or c.dep_ == "compound" and c.i < trig.i and c.lower_ in doers) \
                and c.lower_.rstrip("s") not in _WEAPON_ACRONYMS:  # ("an IED blast": a weapon, no doer)
            modifier = modifier or _span_tokens(doc, c.subtree)
        if c.dep_ == "prep" and c.lower_ == "by":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                agent = subtree_span(objs[0])
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                patient, doer = target_and_doer(objs[0])
                agent = agent or doer
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                agent = subtree_span(objs[0])
        if c.dep_ == "prep" and c.lower_ == "with":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                patient = patient or subtree_span(objs[0])
        if c.dep_ == "prep" and c.lower_ == "of" and _lemma(trig) in _REMAINS:
            # "the body of a dead soldier was found": whose body
            patient = patient or next((subtree_span(g) for g in c.children if g.dep_ == "pobj"), None)
    # the "be" of a participle the parser read as a noun after a time between them: "Two
    # policemen were Friday afternoon shot dead by gunmen" (an attribute), "A militant was on
    # Wednesday morning shot dead by police" (the object of the time's "on")
    be = trig.head if trig.dep_ == "attr" else trig.head.head if trig.dep_ == "pobj" and trig.head.dep_ == "prep" else None
    if be is not None and _lemma(be) == "be" and be.i < trig.i and (trig.lower_ == "shot" or trig.lower_.endswith("ed")):
        subj = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            patient, passive = subtree_span(subj), True
            agent = agent or by_agent(be)
    elif trig.dep_ in ("nsubj", "nsubjpass") and trig.head.pos_ in ("VERB", "AUX"):
        for c in trig.head.children:
            if c.dep_ in ("dobj", "obj"):
                patient = patient or subtree_span(c)
        if agent is None and (among := _sides_object(trig)) is not None:
            agent = subtree_span(among)  # "clashes erupted between the army and the RSF"
    elif (np := _object_phrase(trig)).dep_ in ("dobj", "obj") and np.head.pos_ == "VERB" \
            and (modifier is None or doc_text(doc)[modifier[0]].islower()) \
            and (_lemma(np.head) in _word_lists().proclaiming or _lemma(np.head) not in load_cues().verbs
                 and _lemma(np.head) not in _word_lists().attributing):
        # (a strike whose doer its own name or demonym names is theirs: "Hamas blamed an Israeli
        # air strike"; not "Russian forces carried out heavy air strikes"; nor who told of it or
        # whom they tied it to: "a police spokesman confirmed the attack", unless claiming it)
        for c in np.head.children:
            if c.dep_ == "nsubj":
                agent = agent or subtree_span(c)
    elif trig.dep_ == "compound" and trig.head.dep_ in ("dobj", "obj") and trig.head.head.pos_ == "VERB":
        # "police fired teargas canisters": who fired them
        for c in trig.head.head.children:
            if c.dep_ == "nsubj":
                agent = agent or subtree_span(c)
    elif opponent_with and patient is not None and trig.dep_ == "pobj" and trig.head.lower_ in _FIGHT_BEFORE \
            and trig.head.head.pos_ == "VERB":
        # "government forces advanced on Kafr Nabuda after heavy clashes with the NLF": the
        # verb's subject fought the side met
        agent = agent or next((subtree_span(c) for c in trig.head.head.children if c.dep_ == "nsubj"), None)
    return agent or modifier, patient, passive


#: weapons written as acronyms the tagger takes for names ("an IED blast")
_WEAPON_ACRONYMS = frozenset({"ied", "vbied", "svbied", "pbied", "rcied", "rpg", "uxo", "erw", "manpad"})


def _at_the_hands_of(verb: Token) -> Token | None:
    """Who a deed was done by, told as "at the hands of" them ("died at the hands of vigilantes")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "by", "in"):
            for hand in prep.children:
                if hand.dep_ == "pobj" and hand.lemma_.lower() == "hand":
                    return next((o for of in hand.children if of.dep_ == "prep" and of.lower_ == "of"
                                 for o in of.children if o.dep_ == "pobj"), None)
    return None


def _object_phrase(noun: Token) -> Token:
    """The noun phrase a verb's object heads when ``noun`` is its "of" phrase and that object
    counts or holds the deed ("signed a cessation of hostilities agreement", "carried out a
    series of attacks"; not "gathered at the site of the attack"), else ``noun``."""
    if noun.dep_ == "compound" and noun.head.dep_ == "pobj":
        noun = noun.head  # ("hostilities" in "cessation of hostilities agreement")
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("dobj", "obj") \
            and (noun.head.head.pos_ == "NUM" or _lemma(noun.head.head) in _word_lists().deed_measures
                 or _lemma(noun.head.head.head) in _word_lists().proclaiming):
        return noun.head.head
    return noun


def _past_year(tok: Token, published: dt.date) -> bool:
    """Is ``tok`` a year before the publication's, right after a determiner ("the 2016 Karrada
    bombing"; not "teachers who retired between 1997 and 2007 protest")?"""
    return len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) < published.year \
        and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("the", "a", "an", "its", "their", "his", "her")


#: what is done to an agreement that makes none ("violated the ceasefire", "rejected the deal")
_BROKEN = frozenset({"violate", "break", "breach", "flout", "reject", "ignore", "abandon", "collapse"})
#: prepositions that put a fight before or around what a clause's subject did
_FIGHT_BEFORE = frozenset({"after", "following", "during", "amid"})


def _sides_object(tok: Token) -> Token | None:
    """The object of "between" or "among" on ``tok``, or on the verb it is the subject of
    ("fighting broke out between the army and the RSF"): the sides of a fight."""
    for t in (tok, tok.head) if tok.dep_ in ("nsubj", "csubj") else (tok,):
        if (among := _prep_object(t, "between") or _prep_object(t, "among")) is not None:
            return among
    return None


def _driven_from(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The phrase of the place a verb drove someone from: "drove IS out of Mosul", "ousted
    Houthi rebels from Mokha", "drove the terrorists back from a key village"."""
    for c in verb.children:
        if c.dep_ not in ("prep", "advmod", "prt"):
            continue
        for p in (c, *(g for g in c.children if g.dep_ == "prep")):
            if p.dep_ == "prep" and (p.lower_ == "from" or p.lower_ == "of" and p.head.lower_ == "out"):
                obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return _span_tokens(doc, obj.subtree)
    return None


def _prep_object(tok: Token, prep: str) -> Token | None:
    """The object of the first ``prep`` phrase hanging on ``tok`` ("clashed with rebels")."""
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == prep
                 for g in c.children if g.dep_ == "pobj"), None)


def _taken_from(doc: Doc, verb: Token, sent_actors: Sequence[ActorRef], agents: list[ActorRef]
                ) -> list[ActorRef]:
    """The actors a place was taken from ("seized Marka from government forces"), also when the
    parse hangs "from" on the place ("retaken Robotyne in Zaporizhzhia oblast from Russian forces")."""
    places = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    obj = next((o for t in (verb, *places) if (o := _prep_object(t, "from")) is not None), None)
    if obj is None:
        return []
    return [a for a in _actors_in(_span_tokens(doc, obj.subtree), sent_actors) if a not in agents]


#: verbs whose object does the infinitive after it ("led students to block roads", "forced
#: residents to flee")
_OBJECT_CONTROL = frozenset({"lead", "force", "cause", "prompt", "drive", "push", "compel", "incite",
                             "urge", "order", "command", "instruct", "mobilise", "mobilize", "provoke"})


#: verbs whose subject is who died, no one's doer
_DYING = frozenset({"die", "perish", "succumb"})


def _inherited_subject(verb: Token, via_preposition: bool = True) -> Token | None:
    """The subject a verb without one shares with the clause it hangs on: as a conjunct, an
    infinitive, a participle ("troops pushed in, clashing with insurgents and capturing a
    village") or a gerund after a preposition ("rebels will advance after seizing Dabiq";
    ``via_preposition``)."""
    tok = verb
    subordinate = False
    for _ in range(4):
        gerund = False
        if tok.dep_ == "xcomp" and not subordinate and _lemma(tok.head) in _OBJECT_CONTROL and (
                obj := next((c for c in tok.head.children if c.dep_ in ("dobj", "obj") and c.i < tok.i), None)) is not None:
            # "his detention led students to block roads and clash with police": the students
            # (not in a clause under the infinitive: "forced businesses to shut as roads were blocked")
            return obj
        subordinate = subordinate or tok.dep_ == "advcl"
        if tok.dep_ in ("conj", "xcomp", "advcl"):
            participle = tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            tok = tok.head
            if participle and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS
                                                          for c in tok.children):
                # "a mob attacked a police station after a youth died in custody, injuring 6
                # policemen": the parse hung the participle on the time clause; the mob did it
                tok = tok.head
        elif via_preposition and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            gerund = tok.tag_ == "VBG"
            tok = tok.head.head
        else:
            return None
        # (the last subject: "Detonation: a bomb carried by Taliban detonated, killing ...")
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if subjects or passive:
            # a passive's subject does the gerund after it: "police were criticised for killing
            # two protesters" (not "a man was arrested and killed": what befell him)
            return subjects[-1] if subjects else passive[-1] if gerund else None
        if tok.tag_ in ("VBD", "VBZ", "VBP") and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN"):
            return None  # a subject the parse lost: "... - police responded shooting dead 2"
    return None


#: conjunctions of a time clause
_TIME_MARKS = frozenset({"after", "before", "when", "as", "since", "while", "once", "until"})

#: prefixes that turn a cue word into its opposite: "non-violent", "anti-aircraft guns"
NEGATING_PREFIXES = frozenset({"non", "anti", "counter"})
#: "riot police", "riot gear": the police, not a riot
RIOT_GEAR = frozenset("police policeman policemen officer officers gear squad squads unit units control shield "
                      "shields troops forces".split())


@dataclass(frozen=True, slots=True)
class _CueHits:
    """Every cue phrase of a doc, found once; :meth:`between` answers for any span of it."""

    #: token index where each hit starts, ascending
    starts: list[int]
    #: (start, length in tokens, cue classes) of each hit
    hits: list[tuple[int, int, frozenset[str]]]
    #: starts of hits written with a negating prefix ("non-violent")
    negated: frozenset[int]
    #: starts of hits after a negating prefix and a hyphen token ("anti - aircraft")
    after_prefix: frozenset[int]

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon, words: _Words | None = None) -> _CueHits:
        words = words or _Words.of(doc)
        lemmas, lowers, texts = words.lemmas, words.lowers, words.texts
        index, first, size = lex.cue_index, lex.cue_first, len(lemmas)
        hits: list[tuple[int, int, frozenset[str]]] = []
        negated: set[int] = set()
        after_prefix: set[int] = set()
        for i in range(size):
            by_lemma, by_lower = lemmas[i] in first, lowers[i] in first
            if not (by_lemma or by_lower):
                continue
            found_at = len(hits)
            for n in range(1, min(lex.cue_len, size - i) + 1):
                classes = (index.get(tuple(lemmas[i : i + n]), frozenset()) if by_lemma else frozenset()) | (
                    index.get(tuple(lowers[i : i + n]), frozenset()) if by_lower else frozenset())
                if classes and "riot" in classes and lemmas[i] == "riot" and doc[i].head.lower_ in RIOT_GEAR:
                    classes = classes - {"riot"}  # "riot police"
                if classes:
                    hits.append((i, n, classes))
            if len(hits) > found_at:
                low = lowers[i]
                if "-" in low and low.split("-")[0] in NEGATING_PREFIXES:
                    negated.add(i)
                if i >= 2 and texts[i - 1] == "-" and lowers[i - 2] in NEGATING_PREFIXES:
                    after_prefix.add(i)
        hits = _unblocked(hits)
        return cls([h[0] for h in hits], hits, frozenset(negated), frozenset(after_prefix))

    def only_in(self, cues: set[str], start: int, end: int, told: set[int]) -> set[str]:
        """The cue classes all of whose phrases inside tokens ``start``..``end`` stand at
        tokens of ``told``."""
        if not told:
            return set()
        return {cue for cue in cues if (hits := self.where(start, end, cue)) and all(i in told for i in hits)}

    def between(self, start: int, end: int) -> set[str]:
        """Cue classes with a phrase inside tokens ``start``..``end`` (a prefix before
        ``start`` does not count); at each word, the longest phrase inside the span says what it
        is: "violently suppressed" is force against a protest, not the crowd's "violently"."""
        found: set[str] = set()
        longest: dict[int, frozenset[str]] = {}
        for k in range(bisect_left(self.starts, start), len(self.hits)):
            i, n, classes = self.hits[k]
            if i >= end:
                break
            if i + n > end or i in self.negated or (i - start >= 2 and i in self.after_prefix):
                continue
            longest[i] = classes  # hits at one word come shortest first
        for classes in longest.values():
            found |= classes
        return found

    def where(self, start: int, end: int, cue: str) -> list[int]:
        """Token starts of the phrases of class ``cue`` inside tokens ``start``..``end``."""
        out = []
        for k in range(bisect_left(self.starts, start), len(self.hits)):
            i, n, classes = self.hits[k]
            if i >= end:
                break
            if i + n <= end and cue in classes and i not in self.negated:
                out.append(i)
        return out


_NON_STATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})

#: frames whose object is who the deed befell
_VICTIMISING = frozenset({"strike", "killing", "beating", "wounding", "abduction"})


def _fired_at(tok: Token) -> bool:
    """``tok`` is what was fired at ("gunmen opened fire on a small commercial plane"): a
    target, not the weapon."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "at") and tok.head.head.pos_ == "VERB"


def _victim_of_deed(tok: Token, lex: Lexicon) -> bool:
    """``tok`` is who a violent verb befell: "killed 30 villagers", "villagers were abducted",
    "killed dozens of villagers"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    verb = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" \
        and lex.triggers.get((_lemma(verb),)) in _VICTIMISING


#: verbs of violence a headline's passive may drop its auxiliary from and that also read as
#: intransitive ("Journalist attacked in Nairobi", "Teacher stabbed at school")
_HEADLINE_PASSIVES = frozenset({"attack", "assault", "beat", "stab", "hack", "rob", "torture", "shoot"})


def _headline_victim(verb: Token, lex: Lexicon) -> Token | None:
    """The subject of a headline's passive told without its auxiliary, when only a victim can be
    meant: a civilian ("Journalist attacked for taking photos") with no object to the verb or to
    a verb it shares one with ("Youths attacked and looted shops" is what they did).  Crowds
    and armed men are left as the doers they usually are."""
    if verb.tag_ not in ("VBD", "VBN") or _lemma(verb) not in _HEADLINE_PASSIVES or any(
            c.dep_ in ("aux", "auxpass", "dobj", "obj", "prt", "dative") for c in verb.children):
        return None
    if any(c.dep_ == "conj" and any(g.dep_ in ("dobj", "obj") for g in c.children) for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    people = lex.people
    if subj is None or subj.lower_ not in people.civilian or subj.lower_ in people.crowd | people.armed:
        return None
    return subj


#: cue classes that name the weapon an event was done with
_WEAPON_CUES = frozenset({"grenade", "explosive", "artillery", "chemical", "suicide", "air"})


#: a bomber is a person: one that something was done to is no explosion
_BOMBERS = frozenset({"bomber", "bombers"})


def _noun_of(tok: Token) -> Token:
    """The noun a modifier belongs to: "bomber" for "suicide" in "a Taliban suicide bomber"."""
    while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _stopped_weapon(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` what a verb that stops weapons was done to: its object ("police discovered a
    bomb"), a headline's subject of its participle ("Unexploded bomb discovered inside bus") or
    the object the parser made the subject of a clause after it ("police found an IED planted on
    the road")?"""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ in ("dobj", "obj", "nsubjpass"):
        return _stops_weapons(noun.head, lex)
    return noun.dep_ == "nsubj" and (objectless_transitive(noun.head) and _stops_weapons(noun.head, lex)
                                     or misread_object(noun) and _stops_weapons(noun.head.head, lex))


def _stops_weapons(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` one that stops a weapon ("defused", "seized": the lexicon's ``disrupt`` cue)?"""
    return verb.pos_ == "VERB" and (_lemma(verb),) in lex.cues.get("disrupt", ())


def _disrupted_weapon(tok: Token, lex: Lexicon) -> bool:
    """``tok`` lies in the object of a verb that stops a weapon: "recovered two hand grenades",
    "seized explosives"."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ in ("dobj", "obj", "nsubjpass"):
            return _stops_weapons(anc.head, lex)
        if anc.pos_ == "VERB":
            return False
    return False


def _into_the_air(verb: Token) -> bool:
    """A verb of firing aimed into the air at no one: "police shot (bullets) into the air"."""
    up = any(c.dep_ == "prep" and c.lower_ in ("into", "in", "to") and any(
        g.dep_ == "pobj" and g.lower_ == "air" and not any(d.dep_ == "amod" for d in g.children) for g in c.children)
        for c in verb.children)
    return up and all(c.lower_ in _word_lists().fired or c.lemma_.lower() in ("fire", "shot", "warning")
                      for c in verb.children if c.dep_ in ("dobj", "obj"))


def _unblocked(hits: list[tuple[int, int, frozenset[str]]]) -> list[tuple[int, int, frozenset[str]]]:
    """``hits`` but for the classes a ``not_<class>`` phrase around them blocks ("fired into the
    air": the "air" is no aircraft)."""
    blocks = [(i, i + n, frozenset(c[4:] for c in classes if c.startswith("not_")))
              for i, n, classes in hits if any(c.startswith("not_") for c in classes)]
    if not blocks:
        return hits
    out = []
    for i, n, classes in hits:
        for a, b, blocked in blocks:
            if a <= i and i + n <= b:
                classes = classes - blocked
        if classes:
            out.append((i, n, classes))
    return out


def _words(doc: Doc, span: tuple[int, int] | None) -> set[str]:
    if span is None:
        return set()
    sp = doc.char_span(*span, alignment_mode="expand")
    return {t.lower_ for t in sp} if sp is not None else set()


def _kind(ref: ActorRef, ctx: Context) -> str:
    if ref.kind and ref.kind != "unknown":
        return ref.kind
    if ref.name and ctx.kind_of:
        return ctx.kind_of(ref.name) or "unknown"
    return "unknown"


def _victim_words(doc: Doc, span: tuple[int, int] | None) -> set[str]:
    """The words of a victim phrase but for clauses that describe it: "civilians who sought refuge
    in a police station" are civilians, not police."""
    sp = doc.char_span(*span, alignment_mode="expand") if span is not None else None
    if sp is None:
        return set()
    told = {t.i for c in sp if c.dep_ in ("relcl", "acl") and c.head.i != c.i and sp.start <= c.head.i < sp.end
            for t in c.subtree}
    # who holds a place or put someone in office is no victim: "pounded rebel-held areas", "shot
    # dead a junta-appointed administrator"
    held = {t.i for t in sp if t.i + 2 < len(doc) and doc[t.i + 1].text == "-"
            and doc[t.i + 2].lower_ in _HOLDING | _PLACING}
    return {t.lower_ for t in sp if t.i not in told and t.i not in held}


#: participles that make "X-held" a place X holds
_HOLDING = frozenset({"held", "controlled", "run", "dominated", "occupied", "besieged"})


def _phrase_head(doc: Doc, span: tuple[int, int] | None) -> Token | None:
    if span is None:
        return None
    sp = doc.char_span(*span, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _antecedent(doc: Doc, patient_span: tuple[int, int], agent_span, sent: SpacySpan, lex: Lexicon
                ) -> tuple[int, int] | None:
    """The people a victim pronoun or count stands for: the last word before it in the sentence
    that names people and is not in the agent's phrase ("MRC members attack policeman and kill
    him": the policeman; "police pursued raiders and killed many": the raiders, an object;
    "a police officer is admitted after he was shot": the officer).
    None when the victim is neither a lone pronoun nor only a count (see :func:`_counted_only`),
    or no such word comes before it."""
    sp = doc.char_span(*patient_span, alignment_mode="expand")
    if sp is None:
        return None
    one_person = len(sp) == 1 and sp[0].lower_ in ("he", "she") and sp[0].dep_ == "nsubjpass"
    pronoun = one_person or len(sp) == 1 and sp[0].lower_ in _OBJECT_PRONOUNS
    if not pronoun and not _counted_only(sp):
        return None
    people = lex.people.armed | lex.people.civilian
    pron = sp[0]
    for t in reversed(doc[sent.start : pron.i]):
        if agent_span is not None and agent_span[0] <= t.idx < agent_span[1]:
            continue
        if one_person and (t.tag_ not in ("NN", "NNP") or _inanimate(t)):
            continue  # one person, not the hospital he was taken to
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in people and not _doer_over(t, pron):
            if not pronoun and not (sp.root.dep_ == "dobj" and _object_of_verb(t)):
                return None  # "Gunmen attack hotel; five killed": the counted are not the doers
            return _span_tokens(doc, [t])
    return None


def _object_of_verb(t: Token) -> bool:
    """``t`` (or the noun it modifies) is the object of a verb or a preposition other than a
    passive's "by": "pursue raiders", "engage with the raiders", "respond to raiders attack"."""
    if t.dep_ == "compound":
        t = t.head
    return t.dep_ == "dobj" or t.dep_ == "pobj" and t.head.dep_ != "agent" and t.head.lower_ != "by"


#: words that count people without naming them ("killed many", "killing several of them")
_QUANTIFIERS = frozenset({"many", "several", "some", "most", "all", "dozens", "scores", "hundreds"})


def _counted_only(sp: SpacySpan) -> bool:
    """A victim phrase that only counts people named before it: "16 of them", "kill many",
    "three of them" (not "three people", nor "many of the residents")."""
    words = [t for t in sp if t.pos_ != "DET"]
    if not words or not (words[0].like_num or words[0].lower_ in _QUANTIFIERS):
        return False
    return len(words) == 1 or [t.lower_ for t in words[1:]] == ["of", "them"]


def _doer_over(t: Token, pron: Token) -> bool:
    """``t`` does what a verb above ``pron`` says: its subject ("gunmen attacked the man and
    shot him"), its passive agent or the antecedent of its relative clause ("thugs who robbed
    him"), so ``pron`` is not ``t``."""
    if t.dep_ == "nsubj" and t.head.is_ancestor(pron):
        return True
    if t.dep_ == "pobj" and (t.head.dep_ == "agent" or t.head.lower_ == "by") and t.head.head.is_ancestor(pron):
        return True
    return any(c.dep_ == "relcl" and c.is_ancestor(pron) for c in t.children)


def _blocks_road(sent: SpacySpan, lex: Lexicon) -> bool:
    """A crowd blocks or barricades a road ("blocked the Nairobi-Mombasa highway", "blocked a
    section of Juja Road"): a violent demonstration by ACLED's definition.  Police closing a road
    do not count."""
    verbs, roads = lex.cues.get("road_block", frozenset()), lex.cues.get("road", frozenset())
    for tok in sent:
        if (_lemma(tok),) not in verbs or tok.pos_ != "VERB":
            continue
        if any(c.dep_ in ("nsubj", "agent") and c.lower_ in lex.people.armed for c in tok.children):
            continue
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            # "a section of Juja Road": the road is the object of the part
            parts = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"]
            if any((_lemma(t),) in roads for t in parts):
                return True
    return False


#: frames of violence against someone: done by demonstrators, it makes their protest violent
_HURTING_FRAMES = _VICTIMISING - {"abduction"} | {"destroying"}


def _demonstrators_hurt(sent: SpacySpan, lex: Lexicon) -> bool:
    """Demonstrators who attack, injure or beat someone, or destroy something, riot: "Demonstrators
    destroyed a waste plant and injured a journalist while protesting", "A group protesting
    against vote rigging attacks a lawmaker's aide"."""
    for tok in sent:
        if tok.pos_ != "VERB" or lex.triggers.get((_lemma(tok),)) not in _HURTING_FRAMES:
            continue
        if any(c.dep_ == "auxpass" for c in tok.children) or not any(c.dep_ in ("dobj", "obj") for c in tok.children):
            continue  # a passive's subject was hurt; "they clashed" hurt no one in particular
        verb = tok
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "destroyed a plant and injured a journalist": the first verb's subject
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        # "a group of women protesting ...": the protesting may be told of the group's people
        heads = [subj] + [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]
        if subj.lower_ in PROTESTER_WORDS or any(
                c.dep_ in ("acl", "relcl") and _lemma(c) in PROTEST_VERBS for h in heads for c in h.children) \
                or subj.lower_ in lex.people.civilian and any(
                    c.dep_ == "advcl" and _lemma(c) in PROTEST_VERBS for c in verb.children):
            # ("Residents destroyed water pipes as they demonstrated against a project"; not
            # "Police kill student protesting", which the parser may read the same way)
            return True
    return False


_OFFICERS = frozenset({"officer", "officers"})


def _civilian_officers(doc: Doc, span: tuple[int, int], people: PeopleSpec) -> bool:
    """Every "officer" of the phrase holds a civilian post ("returning officer", "Red Cross
    officer": ``[people] civilian_office``)."""
    sp = doc.char_span(*span, alignment_mode="expand")
    officers = [t for t in sp or () if t.lower_ in _OFFICERS]
    return bool(officers) and all(t.i > 0 and doc[t.i - 1].lower_ in people.civilian_office for t in officers)


#: modifiers that make a crowd's members someone's fighters, or unknown ones
_NOT_A_MOB = frozenset({"armed", "unidentified", "unknown", "radical", "hired", "masked", "uniformed"})


def _mob(head: Token | None, people: PeopleSpec, community: Callable[[str], object] | None = None) -> bool:
    """Is the agent phrase a crowd ("residents", "a mob", "a band of locals", "hundreds of
    locals", "Amakuriat residents")?  Not "Kalenjin youths" or "Pokot residents" (a community's
    militia: ``community`` names it), "armed youths" nor "unidentified youths"."""
    if head is None:
        return False
    heads = [head]
    if head.lower_ in ("group", "groups", "band", "bands", "gang", "gangs", "thousands") \
            or head.lower_ in VAGUE_COUNTS or head.like_num:  # "hundreds of disgruntled locals"
        heads += [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
    return heads[-1].lower_ in people.crowd and not any(
        c.dep_ in ("compound", "amod") and (
            c.pos_ == "PROPN" and (h.lower_ not in _OF_A_PLACE or community is None or community(c.text))
            or c.ent_type_ == "NORP" or c.lower_ in _NOT_A_MOB)
        for h in heads for c in h.children)


#: people named after where they live: a name before them is a place ("Amakuriat residents")
_OF_A_PLACE = frozenset({"resident", "residents", "villager", "villagers"})


_SUSPECTED = frozenset({"suspected", "alleged", "presumed", "accused"})


def _mob_justice(doc: Doc, patient_span, trigger: tuple[int, int], people: PeopleSpec) -> bool:
    """Victims killed by no one named, taken for criminals and burnt, lynched or stoned ("5
    suspected witches burned to death"): a crowd's street justice, as ACLED codes it."""
    pw = _words(doc, patient_span)
    return bool(pw & _SUSPECTED and pw & people.suspected_culprit and _words(doc, trigger) & _word_lists().mob_killing)


def _armed_head(head: Token | None, span: tuple[int, int] | None = None) -> bool:
    """"two armed men", "masked men": a phrase head (see :func:`_phrase_head`) an adjective
    in its phrase ``span`` arms ("youths armed with sticks" are still a crowd; in "Armed group
    attack villagers" the parse hangs "Armed" on the villagers)."""
    return head is not None and any(c.dep_ == "amod" and c.lower_ in ("armed", "uniformed", "masked")
                                    and (span is None or span[0] <= c.idx < span[1]) for c in head.children)


_OFF_DUTY = re.compile(r"\b(?:off[- ]duty|retired)\b", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|ex)\b", re.IGNORECASE)


def _not_on_duty(doc: Doc, head: Token | None, span: tuple[int, int] | None, armed: Collection[str]) -> bool:
    """A victim from the security forces who was not acting as one: off duty, retired or former
    ("an off-duty police officer", "a former soldier"), or guarding a civilian ("his bodyguard",
    "the bodyguard of the Deputy Chief Justice"): ACLED codes the attack as one on civilians.
    ``armed``: the words for armed men ("former" makes only them civilians)."""
    if head is None or span is None:
        return False
    if head.lower_ in ("bodyguard", "bodyguards"):
        return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return bool(_OFF_DUTY.search(doc.text, span[0], span[1])) or (
        head.lower_ in armed and bool(_FORMER.search(doc.text, span[0], min(span[1], head.idx))))  # "a former soldier"


def _responding_force(doc: Doc, m: Mention, agent_kinds: set[str], aw: set[str], lex: Lexicon) -> bool:
    """Security forces who answer an attack in the mention's sentence ("Police intervened,
    shooting dead 3", "Police respond, killing two"; ``[cues] response``), not a protest."""
    if not (agent_kinds & {"state_forces", "external_forces"} or aw & (lex.people.police | lex.people.military)):
        return False
    response = {x[0] for x in lex.cues.get("response", frozenset()) if len(x) == 1}
    protest = {x[0] for x in lex.cues.get("protest", frozenset()) if len(x) == 1}
    lemmas = {_lemma(t) for t in doc.char_span(m.sent_start, m.sent_end, alignment_mode="expand") or []}
    # (not "Police intervene in the demonstration, killing one": a protester)
    return bool(lemmas & response) and not lemmas & protest


def _of_state_forces(doc: Doc, head: Token, patients: Sequence[ActorRef], ctx: Context) -> bool:
    """The victims' noun is qualified by a state force: "an NDS employee", "3 NDS agents"."""
    return _of_kind(head, patients, ctx, "state_forces")


def _of_kind(head: Token, patients: Sequence[ActorRef], ctx: Context, kind: str) -> bool:
    """The victims' noun is qualified by an actor of ``kind``: "an NDS employee" (state
    forces), "a World Food Programme convoy" (an organisation)."""
    mods = [c for c in head.children if c.dep_ in ("compound", "nmod", "amod", "poss")]
    return any(_kind(a, ctx) == kind and any(a.start <= c.idx < a.end for c in mods) for a in patients)


def _derived_cues(doc: Doc, m: Mention, agent_span, patient_span, sent_actors, ctx: Context, lex: Lexicon) -> set[str]:
    cues: set[str] = set()
    people = lex.people
    pw, aw = _victim_words(doc, patient_span), _words(doc, agent_span)
    if pw & _OFFICERS and _civilian_officers(doc, patient_span, people):
        pw = pw - _OFFICERS  # "a Red Cross officer", "the returning officer"
    patient_kinds = {_kind(a, ctx) for a in m.patients}
    agent_kinds = {_kind(a, ctx) for a in m.agents}
    armed_patient = bool(patient_kinds & ARMED_KINDS) or bool(pw & people.armed) or (
        patient_span is not None and bool(_ARMED_POSTS.search(doc_text(doc)[patient_span[0] : patient_span[1]]))
    )
    civ_patient = "civilians" in patient_kinds or (bool(pw & people.civilian) and not armed_patient)
    head = _phrase_head(doc, patient_span)
    if head is not None and head.lower_ in people.civilian and head.lower_ not in people.armed \
            and not _of_state_forces(doc, head, m.patients, ctx):
        # "six Turkana herders": herders of a community that also has a militia are civilians
        # (not "an NDS employee", one of the state's forces)
        civ_patient, armed_patient = True, bool(pw & (people.armed - people.civilian))
    elif head is not None and head.lower_ in people.outsider:
        civ_patient, armed_patient = True, False  # "the wife of a Taliban commander"
    elif head is not None and _of_kind(head, m.patients, ctx, "organisation") \
            and not patient_kinds & ARMED_KINDS:
        civ_patient, armed_patient = True, False  # "a World Food Programme convoy", "an MSF clinic"
    if _armed_head(head, patient_span):
        civ_patient, armed_patient = False, True  # "two armed men"
    elif _not_on_duty(doc, head, patient_span, people.armed):
        civ_patient, armed_patient = True, False  # "an off-duty police officer", "the MP's bodyguard"
    agent_head = _phrase_head(doc, agent_span)
    # ("attacked by an armed group"; not "armed youth set fire to a police vehicle", a crowd,
    # but armed youth who clash fight: "armed youth clashed in Gogrial, leaving 17 dead")
    armed_agent = bool(agent_kinds & ARMED_KINDS) or bool(aw & people.armed) or (
        _armed_head(agent_head, agent_span) and (agent_head.lower_ not in people.crowd or m.frame == "clash"))
    if not civ_patient and not armed_patient and patient_span is not None:
        # a named person is a civilian victim; a place spaCy took for a person is not
        sp = doc.char_span(*patient_span, alignment_mode="expand")
        in_place = {i for p in ctx.places for t in (doc.char_span(p.start, p.end, alignment_mode="expand") or [])
                    for i in (t.i,)} if sp is not None else set()
        civ_patient = sp is not None and any(t.ent_type_ == "PERSON" and t.i not in in_place for t in sp)
        if not civ_patient and head is not None and head.pos_ == "PROPN" and head.i not in in_place \
                and any(c.dep_ == "nummod" for c in head.children) and named_group(head):
            civ_patient = True  # a community counted by its name: "6 Kikuyu were killed", "three Somalis"
        # "Three are attacked and killed", "2 killed in ...": people counted, nothing said of them
        counted = [t.pos_ == "NUM" or t.like_num or t.lower_ in VAGUE_COUNTS for t in sp] if sp is not None else []
        counted_only = any(counted) and all(
            c or t.pos_ in ("ADV", "ADP", "DET", "PUNCT") or t.lower_ in ("least", "most") for c, t in zip(counted, sp)
        )
        if counted_only and not civ_patient and _responding_force(doc, m, agent_kinds, aw, lex):
            armed_patient = True  # "Police respond, killing two": the attackers they answered
        else:
            civ_patient = civ_patient or counted_only
    elif patient_span is None and not civ_patient and not armed_patient and _responding_force(doc, m, agent_kinds, aw, lex):
        armed_patient = True  # "Police intervened shooting dead 3" (no object in the parse)
    if armed_agent:
        cues.add("armed_agent")
    elif not agent_kinds & ARMED_KINDS and aw & (people.civilian - people.property) and not _armed_head(agent_head):
        cues.add("civilian_agent")  # "traders stormed the county offices": no armed side
    if agent_kinds & {"state_forces", "external_forces"} or aw & (people.police | people.military):
        cues.add("state_agent")
    overlap = agent_span is not None and patient_span is not None and agent_span[0] < patient_span[1] \
        and patient_span[0] < agent_span[1]
    if not armed_agent and not agent_kinds & ARMED_KINDS and not overlap and (
            _mob(agent_head, people, ctx.militia_of) or agent_kinds == {"rioters"}):
        cues.add("mob_agent")  # "killed by residents", "a band of locals", "a mob attacks and kills"
    elif not m.agents and (not aw and _mob_justice(doc, patient_span, m.trigger, people)
                           or patient_span is None and _mob_justice(doc, agent_span, m.trigger, people)):
        # "Three suspected thieves were burnt to death", "5 suspected witches burned to death"
        # (the subject of a headline's "burned to death" is its victim): street justice
        cues.add("mob_agent")
    if {w.removesuffix("s") for w in aw} & _air_words():
        cues.add("air_agent")
    if m.frame == "strike" and doc_text(doc)[m.trigger[0] : m.trigger[1]].lower() in ("strike", "strikes") and any(
            a.start <= m.trigger[0] < a.end and _kind(a, ctx) in ("state_forces", "external_forces") for a in sent_actors):
        # "an Israeli strike", "Pakistani strikes": a state's strike told with no weapon is from the air
        cues.add("air")
    if civ_patient:
        cues.add("civilian_victim")
    if m.agents or (aw and not aw <= {"it", "they", "this", "that", "which", "who"}):
        cues.add("has_agent")
    trigger_words = _words(doc, m.trigger)
    if (_words(doc, patient_span) | trigger_words) & people.weapon or (not pw and _words(doc, (m.sent_start, m.sent_end)) & people.weapon
                                              and trigger_words & {"cache", "stash", "haul", "caches"}):
        cues.add("weapon_object")
    if not armed_patient and not (m.agents or aw) and _between_sides(doc, m, people, ctx):
        armed_patient = armed_agent = True  # "killed in Kom between Borana and Samburu militias"
        cues.add("between_sides")
    if armed_patient:
        cues.add("armed_victim")
    if armed_patient and armed_agent:
        cues.add("armed_both")
    sent_kinds = {_kind(a, ctx) for a in sent_actors}
    sent_words = _words(doc, (m.sent_start, m.sent_end))
    if sent_kinds & ARMED_KINDS or sent_words & people.armed:
        cues.add("armed_actor")
    if "state_forces" in sent_kinds or "external_forces" in sent_kinds:
        cues.add("state_actor")
    if "protesters" in agent_kinds or aw & PROTESTER_WORDS:
        # "protesters attacked a county official": the demonstration turned violent; rioters
        # who attack people with no demonstration named are a mob ("rioters attacked two warders")
        cues.add("crowd_agent")
    if pw & PROTESTER_WORDS:
        cues.add("protest")
        if m.frame == "killing":
            cues.add("protest_lethal")
    return cues


def _under(t: Token, trig: Token) -> bool:
    """Whether ``t`` hangs from ``trig`` through nouns and prepositions only (no other verb):
    "killed in Kom, Isiolo County between ...", "killed in violence between ..." (a participle
    that only describes a noun is none: "killed in raging conflict between ...")."""
    h = t.head
    while h != trig:
        if h.pos_ in ("VERB", "AUX") and not (h.tag_ == "VBG" and h.dep_ in ("pcomp", "amod")) or h.head == h:
            return False
        h = h.head
    return True


def _between_sides(doc: Doc, m: Mention, people: PeopleSpec, ctx: Context) -> bool:
    """Whether the trigger's violence is told as "between" two groups of people: "killed ...
    between Borana and Samburu militias", "violence between two communities" (``people.sides``,
    or two names joined by "and" that are no places: not "the border between West Pokot and
    Elgeyo-Marakwet"); communities that fight each other are armed sides."""
    span = doc.char_span(*m.trigger, alignment_mode="expand")
    if span is None:
        return False
    trig = span.root
    for t in doc.char_span(m.sent_start, m.sent_end, alignment_mode="expand") or ():
        if t.lower_ != "between" or not _under(t, trig):
            continue
        objs = [c for c in t.children if c.dep_ == "pobj"]
        for o in objs:
            words = {o.lower_} | {c.lower_ for c in o.conjuncts} | {c.lower_ for c in o.children}
            if words & (people.police | people.military):
                continue  # "clashes between police and gangs of youths": not two communities
            names = [o, *o.conjuncts]
            if words & people.sides or (
                o.conjuncts and all(c.pos_ == "PROPN" for c in names)
                and not any(p.start < c.idx + len(c) and c.idx < p.end for p in ctx.places for c in names)
            ):
                return True
    return False


@functools.lru_cache(maxsize=1)
def _air_words() -> frozenset[str]:
    """Single words of the lexicon's ``air`` cue class (warplane, jet, helicopter, ...)."""
    return frozenset(p[0] for p in default_lexicon().cues.get("air", ()) if len(p) == 1) - {"air"}


def _decide_type(frame: FrameSpec, cues: set[str]) -> str | None:
    return _deciding_cue(frame, cues)[1]


def _deciding_cue(frame: FrameSpec, cues: set[str]) -> tuple[str | None, str | None]:
    """(the cue class that decided, sub-event type); the cue is None for the frame's default."""
    for cue, sub in frame.cues.items():
        if cue in cues or "+" in cue and all(part in cues for part in cue.split("+")):
            return cue, sub
    return None, frame.sub_event_type or None


PLACE_NOUNS = frozenset(
    "town city village province district region governorate area country state county "
    "neighbourhood neighborhood suburb camp outskirts countryside municipality locality hamlet "
    "settlement capital centre center ward constituency subcounty sub-county location sublocation "
    "sub-location division territory chiefdom commune prefecture sector township".split()
)
#: a place name modifying one of these names an institution, not where something happened
#: ("the Kabul government", "Kenya police")
INSTITUTION_NOUNS = frozenset(
    "government authorities authority administration officials official forces army police military "
    "troops regime ministry embassy consulate delegation team club parliament president governor "
    "leader leaders war conflict talks deal accord agreement relations council councillor "
    "commander chief".split()
)
#: people a place name can qualify ("Mombasa residents")
CROWD_HEADS = frozenset("residents resident villagers students student traders workers youths youth locals "
                        "people farmers teachers drivers operators demonstrators demonstrator protesters protester "
                        "protestors protestor".split())
#: a crowd's way somewhere: the place it marches towards is not where it was
_MARCHING = frozenset({"march", "walk", "procession", "trek", "convoy"})
#: sites a place name before them locates ("Abu Dhabi airport", "Kismayo port")
#: (not markets, stadiums or hospitals, often named after a person or another town: "Muthurwa
#: market in Narok Town", "Moi stadium")
FACILITY_NOUNS = frozenset("airport airbase airfield port seaport harbour harbor refinery".split())
#: a place name modifying one of these is one end of a route or a border ("the Turkey-Syria border"),
#: or names a road ("Thika Superhighway")
ROUTE_NOUNS = frozenset("road highway superhighway bypass avenue street border route corridor railway pipeline "
                        "frontier crossing line bridge".split())
#: office holders whose title names a place ("the governor of Migori"): not where they were
TITLE_NOUNS = frozenset("governor president leader chief commander commissioner mp senator mca mayor "
                        "representative minister king sultan emir bishop".split())
#: words that may stand between a place and the larger place that holds it
_DESIGNATOR_WORDS = (
    r"(?:districts?|city|cities|towns?|townships?|count(?:y|ies)|sub-?count(?:y|ies)|provinces?|divisions?|locations?|"
    r"villages?|areas?|wards?|constituenc(?:y|ies)|municipalit(?:y|ies)|regions?|cent(?:er|re)|"
    r"administration|camp|market|bazaar|neighbou?rhood|suburb|outskirts|limits|sub-?locations?)"
)
#: a capitalised word right after a place name ("Kala Murchi"), which may continue the name
_NAME_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b(?!['’-])")
#: capitalised words after a name that do not make it part of a longer place name
_NOT_NAME_WORDS = PLACE_NOUNS | INSTITUTION_NOUNS | CROWD_HEADS | ROUTE_NOUNS | TITLE_NOUNS | frozenset(
    "on in at of and or but to from for by with after before during as the a an way sub "
    "north south east west central upper lower northern southern eastern western "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split())
_DESIGNATOR_WORD = re.compile(rf"{_DESIGNATOR_WORDS}$", re.I)
#: a division written right after a place name ("Ijara sub-county", "Rongo constituency"), not a
#: site named after it ("Muthurwa market")
_DESIGNATED = re.compile(r"\s+(?:sub-?)?(?:districts?|count(?:y|ies)|wards?|constituenc(?:y|ies)|locations?|divisions?|"
                         r"villages?|towns?|townships?|city|areas?|municipality|regions?|provinces?)\b", re.I)
_COMMA_GAP = re.compile(rf"^[)'‘’\"”]?(?:\s+{_DESIGNATOR_WORDS})*\s*,\s*$", re.I)
_IN_GAP = re.compile(rf"^['‘’\"”]?(?:\s+{_DESIGNATOR_WORDS})*\s+(?:of|in)\s+(?:the\s+)?$", re.I)
#: "Abu Shouk near El Fasher": a place told by a town it is near
#: the words that may stand between a place and "near"/"north of": its designation, maybe with
#: words before it ("the Abu Shouk displacement camp north of El Fasher")
_DESIGNATION = rf"(?:(?:\s+(?-i:[a-z])[\w-]*){{0,2}}\s+{_DESIGNATOR_WORDS})?(?:\s+{_DESIGNATOR_WORDS})*"
_NEAR_GAP = re.compile(rf"^['‘’\"”]?{_DESIGNATION},?\s+(?:near|outside)\s+(?:the\s+)?$", re.I)
#: what makes a place only part of a name: a news outlet's ("Saba news agency") or where an
#: organisation is based ("the Norway-based rights group Hengaw")
_NAMES_ONLY_AFTER = re.compile(r"\s+(?:news\s+agency|press\s+agency|news\s+channel|newspaper|broadcaster)\b"
                               r"|\s?[-‐‑]\s?based\b", re.I)
#: "Tarmiyah, north of Baghdad", "al-Sukhnah, 70 km east of Homs", "Dhuluiya, 90 km from
#: Baghdad": a town told by where it lies from another, which is then no event place
_REFERENCE_GAP = re.compile(
    rf"^['‘’\"”]?{_DESIGNATION},?\s+(?:(?:about|some|around|roughly|nearly|approximately|just)\s+)?"
    r"(?:(?:\d[\d,.]*\s*(?:-\s*)?(?:km|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\s+(?:\([^)]*\)\s+)?)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of"
    r"|\d[\d,.]*\s*(?:-\s*)?(?:km|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\s+(?:\([^)]*\)\s+)?(?:from|of))"
    r"\s+(?:the\s+)?(?:(?:city|town|capital|village)\s+of\s+)?$", re.I)
#: how far (km) from a province's centre a town the text puts in it may lie when the gazetteer
#: files it under a neighbour
BORDER_KM = 120.0
#: how far (km) a place told as near a town may lie from it
NEAR_KM = 60.0
#: how far a place may lie from the one a text says it is north (south, ...) of
REFERENCE_KM = 300.0
#: "X district, Y": a place written as a district or city, so what holds it is a province
_DIVISION_GAP = re.compile(r"\b(?:district|city|county|sub-?county|province)\b", re.I)
_PAREN_GAP = re.compile(r"^\s*\(\s*$")
#: a region named before the kind of place it holds: "the West Bank city of Nablus"
_SETTLEMENT_OF = re.compile(r"^\s+(?:city|town|village|port)\s+of\s+$", re.I)
#: a few words between a place and a bracket that opens on the unit holding it ("Chakama town
#: (Kilifi)", "Malindi prison (Kilifi)", "the Mumias Sugar Company (Kakamega)")
_WORDS_PAREN_GAP = re.compile(r"^(?:\s+[A-Za-z][\w'’-]*){1,3}\s*\(\s*$")
#: what closes a bracketed unit: "(Kilifi)", "(Embu county)", "(Garissa, coordinates for ... used)"
_PAREN_UNIT_END = re.compile(rf"^(?:\s+{_DESIGNATOR_WORDS})?\s*[),]", re.I)
#: what stands between a district and the capital a note names for it: "(district capital = "
_CAPITAL_GAP = re.compile(
    rf"^(?:\s+{_DESIGNATOR_WORDS})?\s*[(,]\s*(?:the\s+)?(?:\w+\s+)?capital\s*(?:[=:]|is)?\s*$", re.I)
#: what follows a dateline's place: a state or date, an agency, a dash ("KYIV, May 16 (Reuters) -",
#: "BEIRUT (AFP) --", "CHARLESTON, W.Va. --")
_DATELINE = re.compile(r"(?:,[^,\n()–—-]{1,30})?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|[–—-])\s")
_LIST_AFTER = re.compile(rf"^(?:\s+{_DESIGNATOR_WORDS})*\s*(?:,\s*)?(?:and|or|&)\s", re.I)
#: two names side by side, or joined by an izafe ("Kotal-e Khair Khana", "Dasht-e-Abdan")
_FRAGMENT_GAP = re.compile(r"^\s*(?:-?\s*(?:e|i|ye|yi)\s*-)?\s*$|^-(?:e|i|ye|yi)\s+$", re.I)
_SEAT_WORDS = re.compile(r"^\s*(?:district\s+)?(?:administration\s+|administrative\s+)?cent(?:er|re)\b", re.I)
#: how far (km) a place may lie from the place said to hold it, by the holder's rank
CONTAINER_KM = {0: 30.0, 1: 40.0, 2: 200.0, 3: 600.0}


def _modifier_kind(doc: Doc, place: Place) -> str | None:
    """How a place name that only modifies another noun relates to it: ``"route"`` for one
    end of a road or border ("the Damascus-Aleppo highway"), ``"institution"`` ("the Kabul
    government"), ``"attribute"`` for other nouns ("Garissa residents", "the Idlib offensive"),
    ``"agent"`` for a country that did something ("missiles launched by Russia"), None when the
    name is not a modifier."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if _BOUND_FOR.match(doc_text(doc), place.end):
        return "route"  # "a Mombasa-bound bus": where it was going
    tok = span[-1]
    for _ in range(4):
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
            tok = tok.head
            if tok.lower_ in ROUTE_NOUNS:
                return "route"  # "Thika Superhighway", "Moi South Lake Road"
            if tok.lower_ in TITLE_NOUNS:
                return "institution"  # "Kitui Governor Charity Ngilu", "Mwingi Central MP"
        else:
            break
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in TITLE_NOUNS:
        return "institution"  # "the deputy governor of Kilifi", "the governor of Migori": whose title
    if tok.dep_ == "pobj" and tok.head.lower_ == "from" and (
            tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN") or _lemma(tok.head.head) == "be"):
        # where people came from: "a man from Isiolo was attacked ... near Maua", "invaders
        # suspected to be from Baringo County attacked ... at Rubere"
        return "attribute"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("towards", "toward") and tok.head.head.lemma_.lower() in _MARCHING:
        return "route"  # "clashed with police in Lahore during a march towards Islamabad": where it was going
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and place.feature_type == "country" \
            and tok.head.head.lemma_.lower() in ("border", "frontier"):
        return "attribute"  # "near the border with China": the country across it, not where
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # ("brokered by the United States and Saudi Arabia")
    if first.dep_ == "pobj" and first.head.lower_ == "by" and place.feature_type == "country" and (
            first.head.dep_ == "agent" or first.head.head.tag_ == "VBN"):
        return "agent"  # "missiles launched by Russia": who did it, not where
    if not (tok.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN")):
        return None
    head = tok.head.lemma_.lower()
    if head in PLACE_NOUNS or tok.head.i < tok.i or _DESIGNATED.match(doc_text(doc), place.end):
        return None  # "Ijara sub-county", which the parser splits at the hyphen
    if head in FACILITY_NOUNS:
        return None  # "near Abu Dhabi airport", "at Mogadishu port": the facility is in the place
    if head in ROUTE_NOUNS or _hyphen_pair(doc_text(doc), place):
        return "route"
    if head in INSTITUTION_NOUNS:
        return "institution"
    if head in CROWD_HEADS:
        if span.start > 0 and doc[span.start - 1].lower_ in ("in", "at", "near") and doc[span.start - 1].pos_ == "ADP":
            return None  # "while in Abuja demonstrators marched": where, whatever the parser hung it on
        return "crowd"  # "Mombasa residents", "Kenyatta University students"
    return "attribute"


def _side_between(doc: Doc, place: Place) -> bool:
    """Is the name one of the sides "between" names ("clashes between Kikuyu and Maasai"), not
    one end of a road or border ("the border between Pokot and Turkana")?"""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "between" and prep.head.lemma_.lower() not in ROUTE_NOUNS \
        and prep.head.lemma_.lower() not in PLACE_NOUNS


_BOUND_FOR = re.compile(r"\s?[-–]?\s?bound\b", re.I)


def _route_tail(text: str, role: _PlaceRole) -> bool:
    """Is the place the second end of a road named by its two ends ("the Kitale-Eldoret highway":
    Eldoret)?  The first is where such an event is coded."""
    start = role.place.start
    return role.modifier == "route" and bool(re.search(r"\w\s*[-–—/]\s*$", text[max(0, start - 3) : start]))


def _hyphen_pair(text: str, place: Place) -> bool:
    """"Turkey-Syria", "Garissa-Mwingi": one of two names joined by a dash."""
    return bool(re.search(r"\w[-–—/]\s*$", text[max(0, place.start - 3) : place.start])
                or re.match(r"^\s*[-–—/]\s*\w", text[place.end : place.end + 3]))


@dataclass
class _PlaceRole:
    """How a place mention relates to the others of its sentence."""

    place: Place
    #: index of the place said to hold this one ("X area of Y district", "X, Y")
    container: int | None = None
    #: written in brackets after another place: its other name or its province
    bracketed: bool = False
    #: one of two names written side by side ("Band Temur" read as "Band" + "Temur")
    fragment: bool = False
    modifier: str | None = None
    #: said to hold a place that lies elsewhere (so one of them is resolved wrongly)
    dropped: bool = False
    #: holds another (surviving) place of the sentence
    holds: bool = False
    #: lies in another province than most places of its sentence
    stray: bool = False
    #: the dateline a story or a line opens with ("KYIV, May 16 (Reuters) -"): where the
    #: reporter files from, the event's place only when its sentence names no other
    dateline: bool = False
    #: one word of a longer name the gazetteer lacks ("Kala" of "Kala Murchi"): a namesake
    #: read into an unknown village, not where the event was
    truncated: bool = False
    #: written as the capital of the district before it ("Tana River District (district
    #: capital = Hola)"): that district's coding point, no event place of its own
    capital_of_district: bool = False
    #: outside the countries the caller said the article is about
    abroad: bool = False


def _place_roles(doc: Doc, places: Sequence[Place]) -> list[_PlaceRole]:
    """Roles of all place mentions of ``doc``: containers, brackets, fragments, modifiers; a
    place that lies far from the place said to hold it is ``dropped``."""
    text = doc_text(doc)
    roles = [_PlaceRole(p, modifier=_modifier_kind(doc, p)) for p in places]
    starts = {p.start for p in places}
    for r in roles:
        line_start = text.rfind("\n", 0, r.place.start) + 1
        r.dateline = not text[line_start : r.place.start].strip() and bool(_DATELINE.match(text, r.place.end))
        nxt = _NAME_WORD_AFTER.match(text, r.place.end)
        r.truncated = bool(nxt) and " " not in r.place.text.strip() and nxt.start(1) not in starts \
            and nxt.group(1).lower() not in _NOT_NAME_WORDS and not _DESIGNATOR_WORD.match(nxt.group(1))
    for i in range(len(roles) - 1):
        p, q = roles[i].place, roles[i + 1].place
        gap = text[p.end : q.start]
        if q.start > p.end and _FRAGMENT_GAP.match(gap):
            roles[i].fragment = roles[i + 1].fragment = True
        elif _PAREN_GAP.match(gap):
            roles[i + 1].bracketed = True
            if _bracketed_unit(text, p, q, worded=False):
                roles[i].container = i + 1
        elif _WORDS_PAREN_GAP.match(gap) and _bracketed_unit(text, p, q, worded=True):
            roles[i + 1].bracketed = True
            roles[i].container = i + 1
        elif _SETTLEMENT_OF.match(gap) and PLACE_RANK.get(p.feature_type, 1) >= PLACE_RANK.get(q.feature_type, 1):
            # "the West Bank city of Nablus", "the Idlib town of Saraqib": the city lies in the
            # region (not "the Sare-Sang village of Dawlat Yar district")
            roles[i + 1].container = i
        elif (_COMMA_GAP.match(gap) and not re.match(r"['’]s\b", text[q.end : q.end + 3])
              or _IN_GAP.match(gap) and PLACE_RANK.get(p.feature_type, 1) <= PLACE_RANK.get(q.feature_type, 1)) \
                and not _LIST_AFTER.match(text[q.end : q.end + 40]) and roles[i + 1].modifier is None:
            # not "Maarat al-Numan, Turkey's Defence Ministry said", nor "a worker from Bihar in
            # Pulwama": a province is in no town; but "Kansafra in Idlib's Jabal al-Zawiya region"
            roles[i].container = i + 1
    for r in roles:
        if _NAMES_ONLY_AFTER.match(text, r.place.end):
            r.dropped = True  # "the Saba news agency", "the Norway-based rights group": no scene
    for r, nxt in zip(roles, roles[1:]):
        p, q = r.place, nxt.place
        gap = text[p.end : q.start]
        if not (PLACE_RANK.get(q.feature_type, 1) == 0 and PLACE_RANK.get(p.feature_type, 1) <= 1):
            continue
        far = _km(p.lat, p.lon, q.lat, q.lon)
        if _NEAR_GAP.match(gap) and far > NEAR_KM or _REFERENCE_GAP.match(gap) and far > REFERENCE_KM:
            r.dropped = True  # a namesake far off: the camp "Abu Shouk near El Fasher" is no Abu Suq 390 km away
        elif _NEAR_GAP.match(gap) or _REFERENCE_GAP.match(gap):
            nxt.holds = True  # the town "Tarmiyah, north of Baghdad" is told by: no event place
    # "Tana River District (district capital = Hola)": the district is coded at the capital
    # the text names for it, as ACLED codes a district-level location
    for r, nxt in zip(roles, roles[1:]):
        if PLACE_RANK.get(r.place.feature_type, 1) == 1 and PLACE_RANK.get(nxt.place.feature_type, 1) == 0 \
                and _CAPITAL_GAP.match(text[r.place.end : nxt.place.start]):
            r.place = r.place.model_copy(update={
                "lat": nxt.place.lat, "lon": nxt.place.lon,
                "reason": f"{r.place.reason}; its capital {nxt.place.name} per the text".strip("; ")})
            nxt.capital_of_district = True
    # a bracketed name after a place with a holder: "Nad Ali (Marja) district, Helmand"
    for i, r in enumerate(roles):
        if r.bracketed and r.container is not None and i > 0 and roles[i - 1].container is None:
            roles[i - 1].container = r.container
    majority = _majority_admin1(doc, roles)
    # check from the outermost holder inwards: a place must lie in its nearest surviving holder
    for i in reversed(range(len(roles))):
        r = roles[i]
        j = r.container
        while j is not None and roles[j].dropped:
            j = roles[j].container
        if j is None:
            continue
        holder = roles[j]
        rank_holder = PLACE_RANK.get(holder.place.feature_type, 1)
        if PLACE_RANK.get(r.place.feature_type, 1) >= 4 > rank_holder:
            r.dropped = True  # "Burma Market, Nairobi": a country lies in no place, the name is another's
            continue
        if rank_holder < PLACE_RANK.get(r.place.feature_type, 1) or (
            rank_holder == 0 and j == i + 1 and _DIVISION_GAP.search(text[r.place.end : holder.place.start])
        ):
            holder.dropped = True  # "Jaghatu district, Wardak" with Wardak read as a town
        elif not _lies_in(r.place, holder.place):
            if _norm(r.place.admin1) == majority.get(i) != _norm(holder.place.admin1):
                holder.dropped = True  # "Naychin of Tarinkot district, Urozgan" with the district misread
            elif rank_holder == 2 and PLACE_RANK.get(r.place.feature_type, 1) <= 1 \
                    and _km(r.place.lat, r.place.lon, holder.place.lat, holder.place.lon) <= BORDER_KM:
                # a town near the province the text puts it in, filed under its neighbour (the
                # gazetteer's boundaries are older or newer than the text's): "Zliten (Zliten,
                # Murqub)", Zliten filed under Misrata
                holder.dropped = True
            else:
                r.dropped = True
        elif not r.fragment:
            holder.holds = True
    for i, r in enumerate(roles):
        r.stray = i in majority and bool(r.place.admin1) and _norm(r.place.admin1) != majority[i] \
            and PLACE_RANK.get(r.place.feature_type, 1) < 2
    return roles


def _bracketed_unit(text: str, p: Place, q: Place, worded: bool) -> bool:
    """Does the bracket that ``q`` opens name the unit holding ``p`` ("Kithimu (Embu county)",
    "Chakama town (Kilifi)"), not another name of it ("Shinwar (Ghani Khel) district")?  A unit
    is coarser than the place; after a few words ("town", "prison") it may be a town."""
    if not _PAREN_UNIT_END.match(text[q.end :]):
        return False
    rp, rq = PLACE_RANK.get(p.feature_type, 1), PLACE_RANK.get(q.feature_type, 1)
    return rq > rp or (worded and rq == rp)


def _majority_admin1(doc: Doc, roles: Sequence[_PlaceRole]) -> dict[int, str]:
    """Place index -> the province most places of its sentence lie in (when one has a majority)."""
    out: dict[int, str] = {}
    for sent in doc.sents:
        idx = [i for i, r in enumerate(roles) if sent.start_char <= r.place.start < sent.end_char]
        votes: dict[str, int] = {}
        for i in idx:
            if roles[i].place.admin1 and PLACE_RANK.get(roles[i].place.feature_type, 1) < 4:
                k = _norm(roles[i].place.admin1)
                votes[k] = votes.get(k, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            out.update((i, ranked[0][0]) for i in idx)
    return out


def _within_city(p: Place, city: Place) -> bool:
    """Is ``p`` a place in the main town of its province, told with it ("in downtown Nairobi on
    Moi Avenue", "in the Nairobi's Eastleigh neighbourhood"): the finer of the two?"""
    if p.gazetteer_id == city.gazetteer_id or not p.country or not city.admin1 \
            or PLACE_RANK.get(p.feature_type, 1) != 0 or not _places_compatible(p, city):
        return False
    cap = _capitals(p.country).get(_norm(city.admin1))
    return cap is not None and _norm(cap[0]) == _norm(city.name) and _km(cap[2], cap[3], city.lat, city.lon) <= SAME_SCENE_KM


def _lies_in(p: Place, q: Place) -> bool:
    """Can ``p`` lie in ``q`` (same country, within reach of it)?"""
    if p.country and q.country and p.country != q.country:
        return False
    rq = PLACE_RANK.get(q.feature_type, 1)
    if rq >= 4:
        return True
    if rq <= 1 and _among_nearest_units(p, q):
        return True  # "Sololo, Marsabit County": a county wider than the district the gazetteer has
    admin1 = _admin1(p)
    if rq >= 2 and admin1 and admin1 in (_norm(q.admin1), _norm(q.name)):
        return True
    if rq == 0 and admin1 and admin1 == _norm(q.admin1):
        return True  # "Naychin village, Urozgan": the province read as its namesake town
    far = _km(p.lat, p.lon, q.lat, q.lon)
    if rq == 1:
        seat = _seat_of(q)
        if seat is not None:
            far = min(far, _km(p.lat, p.lon, seat.lat, seat.lon))
        if admin1 and admin1 == _norm(q.admin1) and far <= 2.5 * CONTAINER_KM[1]:
            return True  # "Baragoi, Samburu": a county larger than a district
    return far <= CONTAINER_KM.get(rq, 80.0)


#: how many of the districts (counties) whose centres lie nearest a place may be the one said
#: to hold it: a text's unit may be wider than the gazetteer's ("Marsabit County" holds the
#: former Moyale district)
NEAREST_UNITS = 2


@functools.lru_cache(maxsize=256)
def _units(country: str) -> tuple[tuple[str, float, float, str], ...]:
    """(normalised name, lat, lon, normalised admin1) of a country's districts or counties."""
    from . import gazetteer

    try:
        # id, name, variants, lat, lon, feature_type, country, admin1, ...
        return tuple((_norm(r[1]), float(r[3]), float(r[4]), _norm(r[7]))
                     for r in gazetteer.default().layer(country).records() if PLACE_RANK.get(r[5], 0) == 1 and r[1])
    except Exception as exc:
        log.debug("no districts for %s: %s", country, exc)
        return ()


@functools.lru_cache(maxsize=4096)
def _nearest_units(country: str, lat: float, lon: float) -> tuple[tuple[str, float, float, str], ...]:
    units = _units(country)
    return tuple(sorted(units, key=lambda u: _km(lat, lon, u[1], u[2]))[:NEAREST_UNITS])


def _among_nearest_units(p: Place, q: Place) -> bool:
    """Is ``q`` (a district, or the town it is named after: "Kiunga, Lamu") one of the
    districts whose centres lie nearest ``p``?"""
    if not p.country or PLACE_RANK.get(p.feature_type, 1) > PLACE_RANK.get(q.feature_type, 1):
        return False
    return any(name == _norm(q.name) and _km(lat, lon, q.lat, q.lon) <= SEAT_KM
               for name, lat, lon, _ in _nearest_units(p.country, p.lat, p.lon))


def _admin1(p: Place) -> str:
    """``p``'s province (normalised), else that of the district whose centre lies nearest it
    (a village the gazetteer files under no province)."""
    if p.admin1 or not p.country:
        return _norm(p.admin1)
    near = _nearest_units(p.country, p.lat, p.lon)
    return near[0][3] if near else ""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from .gazetteer import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def _candidates(roles: Sequence[_PlaceRole], start: int, end: int) -> list[tuple[int, _PlaceRole]]:
    """(tier, role) of the places between ``start`` and ``end`` that can be an event's place:
    tier 0 a place named as such, 1 a fragment or an attribute ("Garissa residents"), 2 one
    end of a route or an institution's seat ("the Kabul government").  A town or district
    must lie in the province named with it ("the Kharki area of Garmsir district, Helmand")."""
    inside = [r for r in roles if start <= r.place.start < end and not r.dropped]
    # (a province abroad holds no town at home: "Iranian missiles hit Erbil, the Kurdistan Region
    # Security Council said", its Kurdistan read as Iran's Kordestan; nor does one that only
    # qualifies someone: "shot dead 23 people from Punjab in Musakhel")
    provinces = [r.place for r in inside if PLACE_RANK.get(r.place.feature_type, 1) == 2 and not r.abroad
                 and r.modifier is None]
    regions = {_norm(p.name) for p in provinces} | {_norm(p.admin1) for p in provinces if p.admin1}
    kept = {id(p) for p in _drop_province_towns([r.place for r in inside])}
    out = []
    for r in inside:
        if id(r.place) not in kept:
            continue
        if regions and PLACE_RANK.get(r.place.feature_type, 1) < 2 and r.place.admin1 \
                and _norm(r.place.admin1) not in regions and not _held_by_region(r, roles):
            continue  # (but "Zliten (Zliten, Murqub)": the text says where it lies, the gazetteer otherwise)
        p = r.place
        if r.holds or r.capital_of_district or r.modifier == "agent":
            continue
        if r.abroad and r.modifier in ("attribute", "crowd", "institution"):
            continue  # a name abroad that only qualifies a noun ("Orange politician" in a Kenyan report)
        if r.bracketed and any(x.place.end <= p.start and p.start - x.place.end < 4 for x in roles
                               if not x.dropped and not x.stray):
            # "Shinwar (Ghani Khel) district": the other name of a place already read (not of a
            # namesake in another province: "Welingara (Nara, Koulikoro)" with a Welingara of Mopti)
            continue
        tier = 0
        if r.fragment or r.stray or r.bracketed or r.truncated or r.modifier in ("attribute", "crowd"):
            tier = 1
        elif r.modifier in ("route", "institution") or r.dateline:
            tier = 2
        out.append((tier, r))
    return out


def _own_clause_span(doc: Doc, noun: Token) -> tuple[int, int] | None:
    """The character span of a noun told with a relative clause of its own ("the bombing that
    killed five last week"), which dates and places it; None for any other word."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "relcl" for c in noun.children):
        return None
    return _span_tokens(doc, noun.subtree)


def _held_by_region(r: _PlaceRole, roles: Sequence[_PlaceRole]) -> bool:
    """Is the place written inside a province that was checked to hold it (its holders, followed
    outwards, reach a surviving province)?"""
    j, seen = r.container, set()
    while j is not None and j not in seen:
        seen.add(j)
        if PLACE_RANK.get(roles[j].place.feature_type, 1) == 2 and not roles[j].dropped:
            return True
        j = roles[j].container
    return False


def _place_for(doc: Doc, m: Mention, roles: Sequence[_PlaceRole], ctx_places_before) -> tuple[Place | None, int]:
    """The event place: in the clause, else the sentence, else 'the town' anaphora.

    A place said to lie in another ("the Kharki area of Garmsir district", "Watamu, Kilifi")
    is preferred to its holder when it does lie there; a country, a place abroad (when the
    caller names the countries) or a place that only modifies a noun comes last, a place
    abroad after one at home that only qualifies a noun ("gathered in Nairobi's Uhuru park,
    demanding the release of an MP held in Kampala")."""
    trig_pos = m.trigger[0]
    text = doc_text(doc)

    demo = _family(m.sub_event_type) == "demonstration"
    # a noun told with a clause of its own is placed by it ("Police in Mandera blamed al Shabaab
    # for a roadside bomb that ripped through a bus near Elwak")
    trig = doc.char_span(*m.trigger, alignment_mode="expand")
    own = _own_clause_span(doc, trig.root) if trig is not None else None
    cands = _candidates(roles, m.sent_start, m.sent_end)

    def key(c: tuple[int, _PlaceRole]) -> tuple:
        p = c[1].place
        rank = PLACE_RANK.get(p.feature_type, 1)
        in_clause = m.clause[0] <= p.start and p.end <= m.clause[1]
        # the crowd's own town is where it demonstrates ("Mombasa residents protested against
        # a dry port in Naivasha"), not only a trait of its members
        tier = 0 if demo and c[1].modifier == "crowd" and c[0] == 1 and not c[1].fragment else c[0]
        # (the place of what the event answers is not its own: "fired rockets at a base in the
        # Golan Heights in response to an Israeli strike in Baalbek")
        answered = p.start > m.trigger[1] and bool(_ANSWERED.search(text[m.trigger[1] : p.start]))
        outside = own is not None and not (own[0] <= p.start and p.end <= own[1])
        return (rank >= 4, c[1].abroad, answered, outside, tier, not in_clause, rank, _route_tail(text, c[1]),
                abs(p.start - trig_pos))

    best = min(cands, key=key) if cands else None
    if best is not None and trig is not None and trig.root.tag_ == "VBG" and trig.root.dep_ == "advcl" \
            and best[1].place.end <= trig.root.left_edge.idx:
        # a deed told as a participle after a list of places happened where its verb did, at
        # the list's first ("attacked the villages of Karou, Ouatagouna and Daoutegeft, killing
        # 51 civilians": not at the last one named before "killing")
        # (nor at the district or province written in brackets after the place: "in Tyotkino
        # village (Glushkovskiy, Kursk), killing a civilian man")
        while (prev := max((c for c in cands if c[0] == best[0] and c[1].place.end <= best[1].place.start),
                           key=lambda c: c[1].place.end, default=None)) is not None \
                and (_LIST_SEP.match(gap := text[prev[1].place.end : best[1].place.start])
                     or _HOLDER_IN_BRACKETS.match(gap)):
            best = prev
    tier, chosen = (best[0], best[1].place) if best else (0, None)
    anaphor = False
    if chosen is None or tier > 0 or PLACE_RANK.get(chosen.feature_type, 1) >= 2:
        # "the town", "the area": the last town named before this sentence
        clause_doc = doc.char_span(*m.clause, alignment_mode="expand")
        for tok in clause_doc or []:
            if tok.lower_ in ANAPHORA_NOUNS and any(c.lower_ in ("the", "this", "that") for c in tok.children) \
                    and _prep_object(tok, "of") is None:  # (not "the western province of Anbar")
                prev = ctx_places_before(m.sent_start)
                if prev is not None:
                    chosen, anaphor = prev, True
                break
    if chosen is None:
        return None, 1
    return chosen, _precision(doc_text(doc), chosen, anaphor)


def _locate(doc: Doc, m: Mention, roles: Sequence[_PlaceRole], locality_before) -> None:
    """Set a mention's place (:func:`_place_for`), or else the place its sentence (or
    labelled line) names elsewhere (:func:`_fallback_place`)."""
    m.place, m.precision = _place_for(doc, m, roles, locality_before)
    m.listed = _listed_with(doc, m, roles)
    if m.place is None:
        m.fallback_place, m.fallback_precision = _fallback_place(doc_text(doc), roles, m.sent_start, m.sent_end)
    elif PLACE_RANK.get(m.place.feature_type, 1) >= 4:
        # "crossed into Kenya and attacked a police station. ... the Liboi police station": a
        # town of that country the text names elsewhere is where, as near as it tells
        town, precision = _fallback_place(doc_text(doc), roles, m.sent_start, m.sent_end)
        if town is not None and town.country == m.place.country and PLACE_RANK.get(town.feature_type, 1) < 2:
            m.place, m.precision, m.listed = town, max(precision, 2), []


#: what stands between a place and its holder written in brackets after it ("Tyotkino village
#: (Glushkovskiy, Kursk)")
_HOLDER_IN_BRACKETS = re.compile(rf"^\s*(?:{_DESIGNATOR_WORDS}\s*)?\([^()]*$", re.I)
#: a small count of people, in digits or words
_FEW = r"\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
#: what stands between two places of one list: another name or a count in brackets, a
#: designation, then a comma, "and" or "as well as", and maybe a repeated "in" ("Kot, Khogyani,
#: and Dih Bala districts", "Nakuru (8) and Molo (7)", "Dara i Pech (Manogi) district and
#: Asadabad city", "in Nyali and in Kisauni", "one in Awendo and the other in Rongo")
_LIST_SEP = re.compile(
    rf"^\s*(?:\([^()]{{0,40}}\)\s*)?(?:{_DESIGNATOR_WORDS}\s*)*"
    r"(?P<sep>,\s*and|,|and|,?\s*as\s+well\s+as)\s+"
    rf"(?:(?:the\s+others?|another|{_FEW})\s+"
    r"(?:(?:people|persons|were|was|killed|dead|died)\s+){0,2}(?=in\b|at\b))?(?:(?:in|at)\s+)?(?:the\s+)?$", re.I)
#: what a list of scenes follows: a preposition ("in", "the towns of"), maybe with names the
#: gazetteer lacks before ("in the strongholds of Nakuru, Kikuyu, Nyeri and Eldoret towns"); not
#: "between" (the ends of a route), a border's "of" or a verb ("to separate Narok and Kajiado")
_LIST_OPENS = re.compile(r"\b(?:in|at|on|near|around|across|outside|inside|throughout|of)\s+(?:the\s+)?"
                         r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2},\s+)*$", re.I)
_BORDER_BEFORE = re.compile(r"\b(?:borders?|boundary|boundaries|frontier)\s+(?:of|between)\s+(?:the\s+)?$", re.I)
_BORDER_AFTER = re.compile(rf"^(?:\s+{_DESIGNATOR_WORDS})?\s+(?:borders?|boundary|boundaries|frontier)\b", re.I)


def _listed_with(doc: Doc, m: Mention, roles: Sequence[_PlaceRole]) -> list[Place]:
    """The other places of the list a mention's place is written in ("clashes in Kot, Khogyani
    and Dih Bala districts", "protests in Nairobi and Kisumu"): ACLED codes the event once at
    each.  Only a list joined by "and" counts (not "X or Y", nor "X, Y" where Y holds X), of
    places named as such and of the same kind (towns and districts, or provinces), none said to
    hold another ("Kikuyu, Kiambu"), written after a preposition ("in", "the towns of": not the
    ends of a route "between Mandera and Elwak"), not the sides of a border ("at the border of
    Isiolo and Meru counties") and not names that only qualify a noun ("Tharaka-Nithi and Meru
    leaders")."""
    if m.place is None:
        return []
    text = doc_text(doc)
    cands = sorted((r for tier, r in _candidates(roles, m.sent_start, m.sent_end) if tier == 0),
                   key=lambda r: r.place.start)
    at = next((i for i, r in enumerate(cands) if (r.place.start, r.place.end) == (m.place.start, m.place.end)), None)
    if at is None:
        return []

    def kind(p: Place) -> int:  # towns and districts; provinces; countries
        rank = PLACE_RANK.get(p.feature_type, 1)
        return 0 if rank < 2 else 2 if rank < 4 else 4

    def joins(a: _PlaceRole, b: _PlaceRole) -> str | None:
        sep = _LIST_SEP.match(text[a.place.end : b.place.start])
        if sep is None or kind(b.place) != kind(m.place) or b.abroad != cands[at].abroad:
            return None
        return "and" if "and" in sep.group("sep").lower() or "well" in sep.group("sep").lower() else ","

    items, seps = [cands[at]], []
    i = at
    while i + 1 < len(cands) and (sep := joins(cands[i], cands[i + 1])):
        items.append(cands[i + 1])
        seps.append(sep)
        i += 1
    i = at
    while i > 0 and (sep := joins(cands[i - 1], cands[i])):
        items.insert(0, cands[i - 1])
        seps.insert(0, sep)
        i -= 1
    if "and" not in seps or kind(m.place) == 4:
        return []
    # the list ends at its "and": a place after it behind a comma is where they lie
    # ("Kot, Khogyani and Dih Bala districts, Nangarhar")
    items = items[: seps.index("and") + 2]
    if cands[at] not in items:
        return []
    first, last = items[0].place, items[-1].place
    before = text[max(0, first.start - 60) : first.start]
    after = next((t for t in doc if t.idx >= last.end), None)
    if not _LIST_OPENS.search(before) or _BORDER_BEFORE.search(before) or _BORDER_AFTER.match(text, last.end) \
            or after is not None and after.pos_ in ("NOUN", "PROPN") and not after.is_upper \
            and not re.fullmatch(_DESIGNATOR_WORDS, after.lower_):
        return []
    held = {id(roles[r.container]) for r in items if r.container is not None}
    if any(id(r) in held for r in items) or len({r.place.gazetteer_id for r in items}) < len(items):
        return []  # ("Kikuyu, Kiambu and Nairobi": the second holds the first)
    return [r.place for r in items if r is not cands[at]]


def _precision(text: str, place: Place, anaphor: bool = False) -> int:
    """ACLED geo_precision of an event coded at ``place``: "near X" and "X district" are 2
    (coded at the town that is the district's seat), "X district centre" is 1."""
    precision = place.geo_precision
    if PLACE_RANK.get(place.feature_type, 1) == 1:
        precision = 1 if _SEAT_WORDS.match(text[place.end : place.end + 40]) or \
            re.search(r"\bcent(?:er|re)\s*$", place.text, re.I) else max(precision, 2)
    if not anaphor:
        window = text[max(0, place.start - 30) : place.start].lower().split()[-4:]
        if any(w.strip(",.") in NEAR_WORDS for w in window) and precision < 2:
            precision = 2
    return precision


def _fallback_place(text: str, roles: Sequence[_PlaceRole], sent_start: int, sent_end: int) -> tuple[Place | None, int]:
    """For an event whose sentence names no place: the place the article names nearest
    before it (else after it), as an ACLED coder codes a note's only town."""
    cands = [(t, r) for t, r in _candidates(roles, 0, 10**9) if not (sent_start <= r.place.start < sent_end)]
    if not cands:
        return None, 1
    def key(c: tuple[int, _PlaceRole]) -> tuple:
        p = c[1].place
        before = p.end <= sent_start
        return (PLACE_RANK.get(p.feature_type, 1) >= 4, c[0], c[1].abroad, not before,
                sent_start - p.end if before else p.start - sent_end)
    best = min(cands, key=key)[1].place
    return best, _precision(text, best)


#: normalised prefixes of a district seat's name ("Hukumat-e Nad 'Ali": the government of Nad Ali)
_SEAT_PREFIXES = ("", "hukumat i ", "alakadar yi ", "alakadari ", "markaz i ")
#: how far (km) a district's seat may lie from the district's point
SEAT_KM = 150.0


def _seat_of(place: Place) -> Place | None:
    """The town that is the seat of a district or county named like it (ACLED codes an event
    "in X district" at X's centre): the nearest same-named town within reach, else None."""
    if PLACE_RANK.get(place.feature_type, 1) != 1 or not place.country:
        return None
    names = (place.name, re.sub(rf"\s+{_DESIGNATOR_WORDS}$", "", place.text, flags=re.I))
    seat = _seat(names, place.country, place.admin1, place.lat, place.lon)
    if seat is None:
        return None
    name, gid, lat, lon = seat
    return place.model_copy(update={"lat": lat, "lon": lon, "reason": f"{place.reason}; seat {name} ({gid})".strip("; ")})


@functools.lru_cache(maxsize=4096)
def _seat(names: tuple[str, ...], country: str, admin1: str | None, lat: float, lon: float
          ) -> tuple[str, str, float, float] | None:
    try:
        from . import gazetteer
        gaz = gazetteer.default()
        keys = {gazetteer.normalize(n) for n in names}
        hits = [e for k in keys if k for pre in _SEAT_PREFIXES
                for e in gaz.lookup(pre + k, [country])
                if e.country == country and PLACE_RANK.get(e.feature_type, 1) == 0]
    except Exception as exc:  # no gazetteer data: keep the district's own point
        log.debug("no seat for %s: %s", names, exc)
        return None
    hits = [e for e in hits if not (e.admin1 and admin1 and _norm(e.admin1) != _norm(admin1))]
    near = [(distance, e) for e in hits if (distance := _km(lat, lon, e.lat, e.lon)) <= SEAT_KM]
    if not near:
        return None
    # the same spelling first (the normalised key also joins "Kitui" and "Kitoo"), then the nearest
    exact = {gazetteer.simple_key(n) for n in names}
    e = min(near, key=lambda h: (not ({gazetteer.simple_key(x) for x in h[1].names()} & exact), h[0]))[1]
    return e.name, e.id, e.lat, e.lon


@functools.lru_cache(maxsize=256)
def _capitals(country: str) -> dict[str, tuple[str, str, float, float]]:
    """admin1 (normalised) -> (name, id, lat, lon) of its most populous town."""
    from . import gazetteer

    best: dict[str, tuple[int, tuple[str, str, float, float]]] = {}
    try:
        for p in gazetteer.default().layer(country).records():
            # id, name, variants, lat, lon, feature_type, country, admin1, population, ...
            if p[5] == "locality" and p[7] and p[8] and (pop := int(p[8])) > 0:
                k = _norm(p[7])
                if k not in best or pop > best[k][0]:
                    best[k] = (pop, (p[1], p[0], float(p[3]), float(p[4])))
    except Exception as exc:
        log.debug("no capitals for %s: %s", country, exc)
    return {k: v for k, (_, v) in best.items()}


def _capital_of(place: Place) -> Place | None:
    """A province's capital (its most populous town): ACLED codes an event known only at
    province level (geo_precision 3) there."""
    if PLACE_RANK.get(place.feature_type, 1) != 2 or not place.country or not place.admin1:
        return None
    cap = _capitals(place.country).get(_norm(place.admin1))
    if cap is None or _km(place.lat, place.lon, cap[2], cap[3]) > 400:
        return None
    name, gid, lat, lon = cap
    return place.model_copy(update={"lat": lat, "lon": lon, "reason": f"{place.reason}; capital {name} ({gid})".strip("; ")})


def _event_location(place: Place, precision: int) -> Place:
    """The point ACLED would code: a district's seat, a province's capital, else the place."""
    seat = _seat_of(place)
    if seat is not None:  # "X district" is 2, "X district centre" 1 (see _precision)
        return seat.model_copy(update={"geo_precision": precision})
    point = _capital_of(place) or place
    return point.model_copy(update={"geo_precision": max(precision, place.geo_precision)})


def _drop_province_towns(cands: list[Place]) -> list[Place]:
    """"Nahrin district, Baghlan": a town named like its province ("Baghlan") that follows a
    district of that province names the province, not the town; the district is the place."""
    districts = [p for p in cands if p.feature_type in ("county", "localadmin") and p.admin1]
    if not districts:
        return cands
    def province_alias(p: Place) -> bool:
        return (PLACE_RANK.get(p.feature_type, 1) == 0 and bool(p.admin1) and _norm(p.admin1) == _norm(p.name)
                and any(_norm(d.admin1) == _norm(p.admin1) and d.start < p.start for d in districts))
    return [p for p in cands if not province_alias(p)]


def _event_verb(trig: Token) -> Token:
    """The verb a trigger's event is told by: itself, or the first verb above a noun trigger."""
    return trig if trig.pos_ in ("VERB", "AUX") else next((t for t in trig.ancestors if t.pos_ == "VERB"), trig)


def _dates_the_telling(doc: Doc, d: dates_mod.DateMention, trig: Token) -> bool:
    """Does ``d`` date a verb of telling whose reported clause holds the trigger ("The UN said on
    Monday that at least 55 people had been killed": when it was said)?"""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or span.start <= trig.i < span.end:
        return False
    up = _above(span.root.head, ("ADP",))
    return up.pos_ == "VERB" and _lemma(up) in _TELLING and any(a.i == up.i for a in trig.ancestors)


def _written_after_telling(doc: Doc, d: dates_mod.DateMention) -> bool:
    """Is ``d`` written right after a verb of telling ("said on Wednesday", "announced Tuesday")?"""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start
    while i > 0 and doc[i - 1].lower_ == "on":
        i -= 1
    return i > 0 and doc[i - 1].pos_ == "VERB" and _lemma(doc[i - 1]) in _TELLING


def _above(tok: Token, through: tuple[str, ...]) -> Token:
    """``tok``, or the first word above it that is none of the parts of speech ``through`` (the
    word a date's preposition hangs on: "on" in "said on Monday", "on or before" in "on or
    before 24 October")."""
    while tok.pos_ in through and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _pick_date(
    doc: Doc, in_clause: Sequence[dates_mod.DateMention], in_sent: Sequence[dates_mod.DateMention],
    head: Token, at: int,
) -> dates_mod.DateMention:
    """The date of an event: one its own verb governs ("On 5 December, workers who were sacked
    in May staged a protest": not May), else one of its clause, else of its sentence; a day or
    month before a background period ("protested the closure (since July)"); the nearest."""
    verb = _event_verb(head)
    # "On 24 October, teachers gathered to protest the killing of a colleague in July": the
    # verb a purpose clause completes dates it as much as its own modifiers do
    own = {verb.i} | ({verb.head.i} if verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)) else set())

    def link(d: dates_mod.DateMention) -> int:
        """2: the date modifies the verb itself ("On 5 December ... staged", "staged ... on
        Monday"), or the verb its purpose clause completes; 1: something the verb governs,
        through no other verb; 0: elsewhere."""
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            return 0
        root = span.root
        up = _above(root.head, ("ADP", "CCONJ"))  # ("on or before 24 October")
        if up.i in own:
            return 2
        for anc in root.ancestors:
            if anc.i == verb.i:
                return 1
            if anc.pos_ == "VERB":
                return 0
        return 0

    links = {id(d): link(d) for d in in_sent}
    best = max(links.values(), default=0)
    governed = [d for d in in_sent if best and links[id(d)] == best]
    pool = governed or list(in_clause) or list(in_sent)
    pool = [d for d in pool if d.precision <= 3 and not d.text.lower().startswith(_PERIOD_WORDS)] or pool
    if governed:
        # of two dates on the verb, the day beats the month ("On 3 March ... in January"), and
        # one that opens the sentence beats one the parser hung on the verb from its object's
        # phrase ("On 12 Oct, students protested the killing of a student by a mob on 7 Oct")
        first = head.sent[0].idx
        return min(pool, key=lambda d: (d.precision, not _opens(doc, d, first), abs(d.start - at)))
    return min(pool, key=lambda d: abs(d.start - at))


def _opens(doc: Doc, d: dates_mod.DateMention, start: int) -> bool:
    """Does the date open its sentence (``start``), alone or after its preposition ("On 12 Oct, ...")?"""
    return doc_text(doc)[start : d.start].strip(" ,").lower() in _DATE_LEADS


#: what may precede a date that opens a sentence
_DATE_LEADS = frozenset({"", "on", "in", "at", "by", "on or before", "on or around", "around", "early on",
                         "late on"})


def _dates_another_occasion(doc: Doc, d: dates_mod.DateMention, trig: Token) -> bool:
    """A date that names an occasion told in another verb's clause: "burned banners
    congratulating Kenyatta on his win at the 8 August poll", "searched for materials to disrupt
    the Thursday election" (not "rioted during the August 8 polls")."""
    root = _occasion_dated(doc, d)
    if root is None:
        return False
    verb = _event_verb(trig)
    above = next((t for t in root.head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return above is not None and above.i != verb.i


def _occasion_dated(doc: Doc, d: dates_mod.DateMention) -> Token | None:
    """The root of a date that qualifies an occasion's noun ("the 8 August poll"), else None."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return None
    # (any of its words the noun governs: "the 8 August poll" hangs "the", "8" and "August" on it)
    return next((t for t in span if not span.start <= t.head.i < span.end
                 and t.dep_ in ("compound", "nmod", "nummod", "npadvmod", "amod")
                 and _lemma(t.head) in _word_lists().occasions), None)


#: Words that make a date the bound of a background period ("since January"), not a day.
_PERIOD_WORDS = ("since ", "until ", "till ")
#: vague times that still date news: the days just before the report
_LATELY = re.compile(r"(?:in\s+)?(?:recent|past)\s+days|recently", re.I)


def _told_as_before(trig: Token) -> bool:
    """Is the trigger told as what came before or goes on: a relative clause ("adherents who
    had recently beat them up"), a past perfect ("had recently been killed") or an ongoing
    perfect ("the two clans have recently been clashing")?"""
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.dep_ in ("relcl", "acl") or "had" in aux or verb.tag_ == "VBG" and "been" in aux


def _verb_read_as_compound(trig: Token) -> bool:
    """A verb after its subject that the parser read as a noun qualifying its bare plural
    object: "Residents of Mumias town protest threats by the governor" (not "a bomb threat",
    "the army's attack helicopters")."""
    obj = trig.head
    return trig.i > 0 and trig.nbor(-1).pos_ in ("NOUN", "PROPN") and obj.tag_ == "NNS" \
        and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in obj.children)


def find_mentions(doc: Doc, ctx: Context, lex: Lexicon | None = None) -> list[Mention]:
    """Every event mention (trigger with its modality, roles, date and place) in ``doc``."""
    lex = lex or default_lexicon()
    all_dates = dates_mod.find_dates(doc_text(doc), ctx.published)
    apart_words = {x[0] for x in lex.cues.get("separate", ()) if len(x) == 1}
    localities = sorted(
        (p for p in ctx.places if PLACE_RANK.get(p.feature_type, 1) <= 1), key=lambda p: p.start
    )

    def last_locality_before(pos: int) -> Place | None:
        prev = [p for p in localities if p.end <= pos]
        return prev[-1] if prev else None

    # a name read as an actor ("Taliban") is no place
    places = [p for p in ctx.places if not any(a.start < p.end and p.start < a.end for a in ctx.actors)]
    roles = _place_roles(doc, sorted(places, key=lambda p: p.start))
    for r in roles:
        r.abroad = bool(ctx.countries) and bool(r.place.country) and r.place.country not in ctx.countries
        if ctx.militia_of is not None and _side_between(doc, r.place) and ctx.militia_of(r.place.text):
            r.modifier = "agent"  # "clashes between Kikuyu and Maasai": a community that fought, not the town
        elif r.place.feature_type == "country" and _subject_of_a_deed(doc, r.place, lex):
            r.modifier = "agent"  # "Iran fired missiles at two Iraqi bases": the doer, not where

    stale: set[tuple[int, int]] = set()  # sentences whose mentions a past year or a "since" dates
    # dates standing alone as a sentence ("25 March.", "Monday:") date what follows
    sents = list(doc.sents)
    datelines = []
    for sent in sents:
        told = [d for d in all_dates if sent.start_char <= d.start and d.end <= sent.end_char
                and d.date is not None and d.precision <= 3]
        if told and sum(1 for t in sent if t.is_alpha or t.like_num) <= 4:
            datelines += told
    mentions: list[Mention] = []
    words = _Words.of(doc)
    cue_hits = _CueHits.of(doc, lex, words)
    chunks: dict[int, tuple[int, int, int]] | None = None
    for sent in sents:
        sent_actors = _described_by_others([a for a in ctx.actors if sent.start_char <= a.start and a.end <= sent.end_char],
                                           doc_text(doc))
        sent_cues: set[str] | None = None
        hits = _with_split_triggers(sent, lex, _match_triggers(sent, lex, words))
        # what the sentence's protests are about (see _protested)
        topics = {i for start, end, name in hits if name == "protest" for i in _protested(_head_of(doc, start, end))}
        for start, end, frame_name in hits:
            frame = lex.frames[frame_name]
            head = _head_of(doc, start, end)
            if head.pos_ not in frame.pos and not (head.pos_ == "PROPN" and "NOUN" in frame.pos) and not (
                    head.pos_ == "ADJ" and "VERB" in frame.pos and any(
                        c.dep_ == "dobj" and start <= c.i < end for c in head.children)):
                continue  # ("Police open fire on youth": a verb tagged as an adjective)
            if head.pos_ in ("NOUN", "PROPN") and _lemma(head) in frame.verbs_only and (head.tag_ == "NNS" or any(
                    c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in head.children)):
                continue  # (a noun phrase; not a headline's verb tagged as a noun: "Twin blasts target civilians")
            if frame.name == "rioting" and head.lower_ == "riot" and head.head.lower_ in RIOT_GEAR:
                continue  # "riot police"
            if _lemma(head) == "bomb" and any(c.dep_ in ("compound", "amod") and c.lower_ in lex.words.riot_missiles
                                               for c in head.children) \
                    and any(_lemma(t) in lex.words.demonstrators for t in sent):
                continue  # "protesters threw petrol bombs at riot police": their riot's missiles
            if frame.name == "election_violence" and head.dep_ == "pobj" \
                    and head.head.lower_ not in ("during", "amid", "amidst"):
                continue  # "victims of post-election violence", "linked to electoral violence": its backdrop
            if head.dep_ == "amod" and (frame.territorial and frame.name != "encirclement"
                                        or frame.name == "arrest" and head.tag_ in ("VBN", "JJ")):
                # "the occupied territories", "imprisoned Mungiki leader": a state, not a change
                # (not "raids to detain religious leaders", a verb the parser hung on its object)
                continue
            if head.pos_ == "NOUN" and head.dep_ == "compound" and head.head.i == head.i + 1 \
                    and (_lemma(head.head),) in lex.cues.get("modified", ()) and not _verb_read_as_compound(head):
                continue  # "attack helicopters", "a strike force": what kind of thing, no event
            if (frame.name == "strike" or frame.name == "explosion" and head.dep_ == "nsubj") and _stopped_weapon(head, lex):
                # "police discovered a bomb and disarmed it", "Unexploded bomb discovered inside
                # bus": a weapon stopped, no attack (an explosive a verb of the kind has for its
                # object is typed by its cue: "troops neutralised an explosive device")
                continue
            if frame.name == "explosion" and head.pos_ in ("NOUN", "PROPN") \
                    and head.dep_ in ("dobj", "obj", "nsubjpass") and lex.triggers.get((_lemma(head.head),)) == "destroying":
                continue  # "soldiers destroyed an IED": the destroying tells it (not "an IED destroyed a tank")
            if head.lower_ in _BOMBERS and head.dep_ in ("dobj", "obj", "nsubjpass") \
                    and lex.triggers.get((_lemma(head.head),)) is not None:
                continue  # "forces shot and killed a suicide bomber before he struck": what was done to him
            if head.pos_ == "VERB" and (_lemma(head),) in lex.cues.get("engaged_in", ()) \
                    and any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children) \
                    and not any(c.dep_ in ("dobj", "obj") for c in head.children):
                # "engaged in running battles": the battles report it; "engaged in stealing cars",
                # "engaged in a security crackdown" report none ("engaged police in battles" does)
                continue
            if head.pos_ == "VERB" and frame.name != "protest_intervention" and _into_the_air(head):
                continue  # "police shot into the air": warning shots hit no one (but may disperse a crowd)
            if frame.name == "agreement" and head.pos_ == "VERB" and _lemma(head) == "surrender" and any(
                    c.dep_ in ("dobj", "obj")
                    and not {t.lower_ for t in c.subtree} & (lex.words.fired | lex.people.weapon)
                    for c in head.children):
                continue  # "after surrendering the car keys": no surrender of arms or of a side
            if frame.name in _PACT_FRAMES and (_pact_defied(head) or _pact_sought(head)):
                # "separatists had violated the ceasefire 12 times", "despite a ceasefire", "a
                # ceasefire proposal": no agreement made
                continue
            gov = _governor(head)
            deed = gov if head.dep_ in ("nsubj", "nsubjpass") and gov.i != head.i else \
                head.head if head.dep_ in ("compound", "nmod") and head.head.i == head.i + 1 else None
            if frame.name == "rioting" and head.lower_ in ("rioter", "rioters") and deed is not None \
                    and lex.triggers.get((_lemma(deed),)) in ("strike", "killing", "beating", "wounding"):
                # "rioters attacked two prison warders", headline "Rioters attack and injure
                # journalists" (read as one noun): the verb tells what they did
                continue
            read_as_noun = head.pos_ == "NOUN" and _verb_read_as_noun(head, sent, lex)
            if read_as_noun:
                gov = head  # "Hawkers riot and force workers to flee": the noun is the clause's verb
            modality = _modality(head, gov, sent, lex)
            if modality == "none":
                continue
            denied_author = modality == "authorship"
            # (not "after": "died after being tortured by the police" tells the deed that killed)
            if frame.name in _DOERS_FATE_FRAMES and head.dep_ == "pcomp" and head.head.lower_ == "before" \
                    and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in head.children):
                continue  # "opened fire, killing three, before being shot dead by soldiers": the attacker's fate
            clause = _clause_bounds(gov if head.pos_ != "VERB" else head, sent, apart_words)
            agent_span, patient_span, _passive = _roles(
                doc, head, gov, opponent_with=frame.name == "clash",
                weapons=lex.words.fired_arms | lex.people.weapon | {"force"} if frame.name == "weapon_use" else (),
                doers=lex.people.armed)
            if head.pos_ == "VERB" and not _passive and patient_span is None \
                    and (victim := _headline_victim(head, lex)) is not None:
                # "Journalist attacked for taking photos of Kibaki": the journalist was attacked
                agent_span, patient_span, _passive = None, _span_tokens(doc, victim.subtree), True
            prep = head.head if head.dep_ == "pobj" else head.head.head \
                if head.dep_ in ("amod", "compound") and head.head.dep_ == "pobj" else None
            responded = prep is not None and prep.lower_ in ("with", "in") and head.pos_ == "NOUN" \
                and (_lemma(prep.head),) in lex.cues.get("responded_with", ())
            if agent_span is None and prep is not None and (
                    prep.lower_ == "in" and (_lemma(prep.head),) in lex.cues.get("engaged_in", ())
                    or prep.lower_ == "on" and (_lemma(prep.head),) in lex.cues.get("went_on", ()) or responded):
                # "a gang engaged in a firefight with police", "locals went on a looting spree",
                # "government forces responded with air strikes" (not "the convoy was hit with an
                # IED"): who
                subj = next((c for c in prep.head.children
                             if c.dep_ == "nsubj" or c.dep_ == "nsubjpass" and not responded), None)
                agent_span = _span_tokens(doc, subj.subtree) if subj is not None else None
            if (head.pos_ == "NOUN" and (patient_span is None or agent_span is None and head.dep_ == "ROOT")
                    and (_headline(sent) or read_as_noun)) \
                    or (head.pos_ == "VERB" and head.dep_ == "compound" and patient_span is None):
                # "Pokot attack Luhya farmers": a headline the parser read as one noun phrase
                agent_span, after = _headline_roles(doc, head, sent, agent_span)
                patient_span = after if patient_span is None or after is not None else patient_span
            if frame.name == "capture" and _lemma(head) == "fall" and _arms_falling(head, lex):
                continue  # "killed by shells that fell on the town": no town fell
            if frame.name == "capture" and head.pos_ == "VERB" and _lemma(head) in ("fall", "lose"):
                # "Goma fell to M23 rebels": the place fell, to who took it; "the army lost
                # control of Lashio to an alliance of armed groups": the alliance took Lashio (a
                # loss told with no taker names no one who took it)
                taker = _fallen_to(head)
                if taker is None and _lemma(head) == "lose":
                    continue
                if taker is None and (agent_span is None or not _names_territory(doc, agent_span, ctx.places)):
                    continue  # "rain fell on the city": no place fell
                if taker is not None:
                    if _lemma(head) == "fall":
                        patient_span = agent_span  # the place that fell
                    elif (lost := _prep_object(next((c for c in head.children if c.dep_ in ("dobj", "obj")), head),
                                               "of")) is not None:
                        patient_span = _span_tokens(doc, lost.subtree)  # "lost control of Lashio"
                    agent_span = _span_tokens(doc, taker.subtree)
            ran_into = _ran_into_explosive(doc, head)
            if ran_into is not None:
                # "their patrol hit an IED", "a vehicle ran over a landmine": the subject is the victim
                agent_span, patient_span, _passive = None, ran_into[0], True
            elif head.dep_ == "advcl" and head.tag_ == "VBG" and _ran_into_explosive(doc, head.head) is not None:
                agent_span = None  # "a police patrol triggered a landmine, killing two policemen": not the patrol
            hands = _at_the_hands_of(head)
            if frame.subject_is_victim:
                # "three people, including a police officer, died in clashes between ...": who
                # died is no one's doer, and is counted, not a side of the event they died in
                # (but is the victim of whoever they died at the hands of)
                dead = agent_span
                agent_span, patient_span, _passive = None, agent_span if hands else None, True
                if patient_span is None and frame.name == "death" and _died_fighting(head, lex) \
                        and (who := _phrase_head(doc, dead)) is not None \
                        and who.lower_ in lex.people.police | lex.people.military:
                    # (but soldiers or police who died fought: "10 soldiers died in clashes
                    # with IS" were one side, IS the other)
                    patient_span = dead
            if hands is not None and agent_span is None:
                # "six people have died at the hands of vigilantes", "were killed at the hands of
                # security forces"
                agent_span = _span_tokens(doc, hands.subtree)
            if patient_span is not None:
                patient_span = _antecedent(doc, patient_span, agent_span, sent, lex) or patient_span
            if agent_span is None and not _passive:
                if chunks is None:
                    chunks = _chunks_by_end(doc)
                agent_span = _chunk_before(start, sent, chunks)  # "Raiders attack village"
            if frame.name == "strike" and _labour_strike(doc, head, agent_span, patient_span, lex):
                frame_name, frame = "protest", lex.frames["protest"]  # "Students strike over test grades"
            if agent_span is None and not _passive and head.pos_ == "VERB":
                agent_span = _actor_before(doc, start, sent_actors)  # "a Taliban sniper shot and killed"
            m = Mention(
                frame=frame_name,
                sub_event_type=None,
                create=modality == "real",
                sent_start=sent.start_char,
                sent_end=sent.end_char,
                trigger=(doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
                clause=clause,
                territorial=frame.territorial,
            )
            m.agents = _actors_in(agent_span, sent_actors)
            if head.dep_ == "acl" and head.tag_ == "VBG":
                # "grenade attacks targeting a CRPF vehicle, injuring twelve": the attacks' doer,
                # not what they targeted
                m.agents = [a for a in m.agents if not _done_to(doc, a)]
            if m.agents and (target := _attack_target(doc, agent_span)) is not None:
                # "a drone strike on a PMF headquarters killed two members of ...": whom the
                # strike that did it was on did nothing
                m.agents = [a for a in m.agents if not (target[0] <= a.start and a.end <= target[1])]
            owners = [a for a in m.agents if _placed_at(doc, agent_span, a, lex)]
            if owners:
                # "an IED planted in a car belonging to an Ahrar al-Sham commander exploded": whose
                # car it was is its target
                m.agents = [a for a in m.agents if a not in owners]
            if not m.agents and agent_span is not None:
                # the parse cut an actor's name: "Ukrainian shelling killed ...", read as
                # "Ukrainian" doing the killing by shelling
                # (not a strike named with its doer: "Hamas blamed an Israeli air strike")
                # (or read its first word as a verb: "Pyu Saw Htee members abducted", "Saw" a verb)
                m.agents = [a for a in sent_actors if (a.start <= agent_span[0] and agent_span[1] <= a.end
                                                       or a.start < agent_span[0] < a.end <= agent_span[1])
                            and not a.start <= m.trigger[0] < a.end]
            if not m.agents and frame.name in _STATE_DEED_FRAMES:
                m.agents = _country_as_doer(doc, agent_span, ctx.places)  # "Iran fired missiles at ..."
            if denied_author:
                m.agents, agent_span = [], None  # who denies doing it is no doer of record
            if ran_into is not None and not m.agents:
                # "a Taliban-planted landmine": who laid it
                m.agents = [a for a in _actors_in(ran_into[1], sent_actors) if _kind(a, ctx) in ARMED_KINDS]
            elif not m.agents and frame.name == "explosion" and head.pos_ == "NOUN":
                # "An al Shabaab-planted explosive ... causes seven deaths"
                laid = _span_tokens(doc, (t for t in head.lefts))
                m.agents = [a for a in _actors_in(laid, sent_actors) if _kind(a, ctx) in ARMED_KINDS
                            and doc_text(doc)[a.end : a.end + 1] == "-"]
            # a noun named as told before: "The attack took place in ...", "died in the fighting"
            definite = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                   for c in head.children)
            m.restates = definite and head.dep_ == "nsubj" and _lemma(head.head) in _HAPPEN_VERBS
            m.ensuing = any(c.dep_ == "amod" and c.lower_ in _ENSUING for c in head.children)
            m.retaliates = bool(_RETALIATING.search(doc_text(doc), m.sent_start, m.trigger[0]))
            m.attackers_again = _the_attackers(doc, agent_span)
            m.named_again = definite and frame.name in ("clash", "strike") and head.dep_ == "pobj" \
                and head.head.lower_ in ("in", "during") and agent_span is None and patient_span is None
            m.anaphoric = _anaphoric_crowd(doc, agent_span, lex) or (
                head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ANAPHORS for c in head.children)
                and frame.name in ("protest", "rioting")  # "The protesters lit bonfires"
            )
            m.victim_again = frame.name == "body_found" and (pw := _words(doc, patient_span)) <= _VICTIM_AGAIN \
                and bool(pw & _PERSONAL_PRONOUNS)
            m.patients = [a for a in _actors_in(patient_span, sent_actors)
                          if a not in m.agents and not _outsider_of(doc, a, lex) and not _doer_within(doc, a, head)] \
                or owners
            off_duty = _not_on_duty(doc, _phrase_head(doc, patient_span), patient_span, lex.people.armed)
            if m.patients and off_duty:
                m.patients = []  # "an off-duty police officer" is a civilian victim
            elif not m.patients and patient_span is not None and not off_duty:
                m.patients = _victims_from_words(doc, patient_span, lex) or _nationals(doc, patient_span, ctx) \
                    or (_national_attack(doc, patient_span, ctx) if frame.name == "clash" else [])
            if frame.name == "base" or frame.name == "truce" and head.pos_ == "VERB":
                # "HTS established a new military headquarters": what it set up, no party; nor
                # are the prisoners two sides swapped
                m.patients = []
            if frame.name == "capture" and (losers := _taken_from(doc, head, sent_actors, m.agents)):
                m.patients = losers  # "recaptured the town from rebels": the side that lost it
            if frame.name == "agreement" and not m.patients and _lemma(head) == "surrender" \
                    and (to := _prep_object(head, "to")) is not None:
                # "30 IS militants surrendered to Afghan forces": the other party
                m.patients = [a for a in _actors_in(_span_tokens(doc, to.subtree), sent_actors) if a not in m.agents]
            if not m.agents and agent_span is not None and (
                    _words(doc, agent_span) <= _SELF_PRONOUNS or _lemma(_phrase_head(doc, agent_span) or head)
                    in lex.people.armed | _air_words() and _words(doc, agent_span) & _OWN_PRONOUNS):
                # "the RSF said it had taken control", "Al-Shabaab said they attacked the base",
                # "the PDF said its fighters killed 15 soldiers", "the army said its aircraft had struck"
                m.agents = _teller(doc, head, sent_actors) or _telling_state(head, ctx.places)
            if not m.agents and agent_span is None and head.pos_ == "NOUN" and frame.name in _STRIKE_FRAMES \
                    and (teller := _teller(doc, head, sent_actors)) \
                    and all(_kind(a, ctx) == "state_forces" for a in teller):
                m.agents = teller  # "the army said air strikes killed dozens of militants": its own
            if not m.agents and agent_span is not None and _words(doc, agent_span) <= _THEY:
                # "The police conducted a search in Nyalenda. In one home they beat a student."
                m.agents = _earlier_armed_subject(doc, sent, ctx)
            if not m.agents and frame.name in _MILITIA_DEEDS and ctx.militia_of is not None \
                    and (who := _phrase_head(doc, agent_span)) is not None and who.pos_ in ("PROPN", "NOUN") \
                    and any(ctx.militia_of(w.text) for w in _communities_named(who)) and not any(
                        p.start <= who.idx < p.end and p.end - p.start > len(who) for p in ctx.places):  # "West Pokot"
                # "Pokot attack Luhya farmers", "Degodia attack Garre civilians", "clashes between
                # the Pokot and Turkana communities": a community told as the doer is its militia
                m.agents = [ActorRef(militia, w.idx, w.idx + len(w), "identity_militia",
                                     ctx.country_of(militia) if ctx.country_of else None)
                            for w in _communities_named(who) if (militia := ctx.militia_of(w.text))]
            if not m.agents and _words(doc, agent_span) & lex.people.armed:
                # "the fighters who withdrew were from Jaish al-Izza and the NLF"; not the
                # victims' side ("bombed a ceremony held by opponents of the junta") nor who
                # tells of it ("..., a member of the local PDF told Reuters")
                m.agents = [a for a in sent_actors if a not in m.patients and _kind(a, ctx) in ARMED_KINDS
                            and not (patient_span and patient_span[0] <= a.start and a.end <= patient_span[1])
                            and not _speaker(doc, a) and not _done_to(doc, a) and not _attributes(doc, a, m)]
            if frame.name == "protest" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj", "nsubjpass"):
                m.agents = []  # "police arrested 20 protesters": the police are not the protesters
            if _is_or_coordination(doc, agent_span):
                m.agents = sorted(m.agents + _coordinated_states(doc, agent_span, m.agents, ctx), key=lambda a: a.start)
                m.agent_uncertain = len(m.agents) > 1
            if frame.name in _PACT_FRAMES:
                # the sides of a pact are who made it ("the government and the Houthis swapped
                # 900 prisoners", "Russia and Ukraine exchanged 95 prisoners"), not who was traded
                m.agents = sorted(m.agents + _pact_states(doc, agent_span, m.agents, ctx.places, ctx.demonym_iso),
                                  key=lambda a: a.start)
                if frame.name == "captive_swap":
                    m.patients = []
            if (origin := _origin_country(doc, agent_span, ctx.places)) is not None:
                # "Raiders from Ethiopia attacked a Kenyan village": an armed group of that country
                m.agents = [replace(a, name=None, country=origin) if a.generic == "unidentified" else a
                            for a in m.agents]
                if not m.agents and _words(doc, agent_span) & lex.people.armed:
                    m.agents = [ActorRef(None, agent_span[0], agent_span[1], "unknown", origin, "unidentified")]
            clause_toks = doc.char_span(*clause, alignment_mode="expand") or sent
            # a deed told only to say who someone is is not this event's, nor are those it names:
            # "a protest by relatives of the man beaten to death by police" met no police;
            # "colleagues of a man beheaded by al Shabaab protest"
            backstory = {t.i for c in clause_toks if c.dep_ in ("acl", "relcl") and _backstory(c, lex)
                         for t in c.subtree}
            if head.i in backstory:
                backstory = set()  # (the deed's own mention keeps what its clause says)
            if backstory:
                told = {doc[i].idx for i in backstory}
                m.agents = [a for a in m.agents if a.start not in told]
            m.cues = cue_hits.between(clause_toks.start, clause_toks.end) | _derived_cues(
                doc, m, agent_span, patient_span, sent_actors, ctx, lex
            )
            # nor is what a crowd demands: "protest ..., demanding the arrest of the perpetrators",
            # nor what it protests: "staged a protest against the murder of a student who had
            # been abducted", "protest the government's failure to stop ethnic clashes"
            unsaid = backstory | _asked(doc, cue_hits, clause_toks.start, clause_toks.end, head) | {
                # nor what is still to come: "arrested activists ahead of a planned demonstration"
                t.i for n in clause_toks if head not in n.subtree and _still_to_come(n, lex) for t in n.subtree}
            if frame.name == "protest":
                # (nor is who did what a crowd protests a party to its protest: "gather to
                # protest the killing of two colleagues by gangsters")
                protested = _protested(head)
                about = {doc[i].idx for i in protested}
                m.patients = [a for a in m.patients if a.start not in about]
                unsaid |= protested | {  # (what a protest verb of the sentence protests:
                    t.i for v in sent if v.pos_ == "VERB" and _lemma(v) in PROTEST_VERBS and v is not head
                    for c in v.children if c.dep_ in ("dobj", "obj") and head not in c.subtree
                    for t in c.subtree}  # "marched ... to protest the arrest of a colleague")
            m.cues -= cue_hits.only_in(m.cues, clause_toks.start, clause_toks.end, unsaid)
            if "mob" in m.cues and patient_span is not None:
                # "Taliban killed five villagers": villagers who are the victims are no mob
                ps = doc.char_span(*patient_span, alignment_mode="expand")
                ags = doc.char_span(*agent_span, alignment_mode="expand") if agent_span is not None else None
                if ps is not None and "mob" in cue_hits.between(ps.start, ps.end) and not (
                        ags is not None and "mob" in cue_hits.between(ags.start, ags.end)):
                    m.cues.discard("mob")
            seps = [doc[i].idx for i in cue_hits.where(clause_toks.start, clause_toks.end, "separate")
                    if doc[i].idx < m.trigger[0]]
            m.separate_at = seps[-1] if seps else None
            for crowd in ("mob", "crowd"):
                if crowd in m.cues and all(_victim_of_deed(doc[i], lex)
                                           for i in cue_hits.where(clause_toks.start, clause_toks.end, crowd)):
                    m.cues.discard(crowd)  # "Gunmen killed 30 villagers in the attack": its victims
            if frame.name not in ("disrupted", "capture", "destroying"):
                for weapon in _WEAPON_CUES & m.cues:
                    if weapon == "explosive" and ran_into is not None:
                        continue  # "his vehicle hit a mine": what it hit went off
                    told = cue_hits.where(clause_toks.start, clause_toks.end, weapon)
                    # (a cue no word of the clause gave stays: "an Israeli strike")
                    if told and all(_disrupted_weapon(doc[i], lex) or _victim_of_deed(_noun_of(doc[i]), lex)
                                    or weapon == "air" and _fired_at(_noun_of(doc[i])) for i in told):
                        # "Police gunned down a suspect and recovered two hand grenades": what was
                        # recovered was not what the killing was done with; nor is a "suicide
                        # bomber" soldiers shot before he struck
                        m.cues.discard(weapon)
            if agent_span is not None and (ags := doc.char_span(*agent_span, alignment_mode="expand")) is not None:
                # what did it, told outside its clause: "Rockets fell near the airport, killing three"
                m.cues |= cue_hits.between(ags.start, ags.end) & _WEAPON_CUES
            stopped = frame.name == "protest" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "obj") \
                and _lemma(gov) in _STOPPING and gov.tag_ in ("VBD", "VBN") and "state_agent" in m.cues
            if stopped:
                m.cues.add("protest_intervention")  # "Police stopped a demonstration": held, and stopped
            if sent_cues is None:
                sent_cues = cue_hits.between(sent.start, sent.end)
                # (what the sentence's crowd demands or protests is not what it did: "demonstrated,
                # demanding justice for a girl who had been abducted and killed")
                asked = _asked(doc, cue_hits, sent.start, sent.end) | topics
                sent_cues -= cue_hits.only_in(sent_cues, sent.start, sent.end, asked)
                if _blocks_road(sent, lex) or _demonstrators_hurt(sent, lex):
                    sent_cues.add("riot")
            m.sent_cues = sent_cues | m.cues
            if frame.requires and not (set(frame.requires) & m.cues):
                continue
            blocked = set(frame.blocked_by) & m.sent_cues
            if blocked and (frame.standalone or "illness" in blocked or not (
                    {"armed_agent", "armed_victim", "explosive", "artillery", "grenade", "suicide"} & m.cues)):
                # "a gas explosion", "the earthquake killed ...": no conflict event, unless armed
                # men did it, were its victims or a weapon is named ("troops mobilised to clear
                # the snow" is relief work); an illness is no one's deed, whoever died of it;
                # its dead are no other event's ("Separately, a bus crash killed 12 passengers")
                if "disaster" in blocked and frame.name in ("killing", "death"):
                    ctx.background.append((sent.start_char, sent.end_char))
                continue
            if frame.name == "arrest" and "crime" in m.sent_cues and not m.cues & _POLITICAL_ARREST:
                continue  # a drug bust, a theft: crime, whoever arrests (not a militant's arrest, nor a protester's)
            cue, m.sub_event_type = _deciding_cue(frame, m.cues)
            m.generic = frame.name in CONSEQUENCE_FRAMES or (frame.strength == "weak" and cue in VICTIM_CUES) \
                or _is_backdrop(head, gov)
            m.cause_only = _is_cause(head, sent)
            if frame.name == "protest" and head.pos_ == "NOUN" and _befell_in_cause(head):
                m.create = False  # "arrested six men over the killing of a protester": no protest told
            if _another_occasion(head):
                # "..., two days after the militia executed 20 others": background, and its dead
                m.cause_only, m.create, m.elsewhen = True, False, True
            if head.pos_ == "NOUN" and ctx.published is not None and _dated_to_a_past_year(head, ctx.published):
                m.create = False  # "sentenced ... for the 2016 Karrada bombing": an event of a past year
            if head.dep_ == "relcl" and ctx.published is not None and _of_a_past_year(head.head, ctx.published):
                m.create = False  # "the 2022 massacre at the church in Owo, which killed 40 worshippers"
            if frame.name == "clash" and head.dep_ == "acl" and head.tag_ == "VBG" and any(
                    head.head.i == h.i for h in _deed_objects(sent, hits, doc)):
                # "killed 40 civilian volunteers fighting alongside the army": who the dead were
                m.create = False
            if frame.name == "killing" and _lemma(head) in _EXECUTING and "judicial" in m.sent_cues \
                    and all(_kind(a, ctx) == "state_forces" for a in m.agents):
                # "authorities executed 21 people convicted of terrorism": a court's sentence (an
                # armed group's "court" is no court: "Al-Shabaab executed two men it had sentenced")
                m.create = False
            claimed = _claimed_anew(head)  # "claimed responsibility for a missile attack on ...": reported
            if _cause_of(head, lex.cues.get("diplomatic", ())) and not claimed:
                m.cause_only, m.create = True, False
            if (m.cause_only and head.pos_ == "NOUN" or _backstory(head, lex)) \
                    and frame.name not in ("protest", "rioting", "riot") and any(
                        t.pos_ in ("VERB", "NOUN") and t.ent_type_ != "DATE"
                        and (_lemma(t) in PROTEST_VERBS or _lemma(t) in _PROTEST_NOUNS) for t in sent):
                # "protest against the attacks on ODM politicians", "... against a case of sexual
                # abuse": the cause is named, not reported (its own report tells its day and
                # doers); so is a deed that only tells who the protesters are or where they met
                # ("relatives of the man beaten to death by police protested", "gathered at the
                # site of the attack which killed one woman several days earlier")
                m.cause_only, m.create = True, False
            communal_clash = frame.name == "clash" and _communal(m) \
                and not m.cues & {"armed_agent", "armed_victim"} and all(_kind(a, ctx) == "civilians" for a in m.agents)
            if communal_clash:
                # "ethnic clashes", "clashes between two communities", "herders engaged each
                # other in a gun battle": communal militias fight
                m.agents = [ActorRef(None, m.trigger[0], m.trigger[1], "identity_militia", None, "communal_militia")]
            if communal_clash or frame.name != "clash" and "between_sides" in m.cues:
                # the people the sides hurt are no side ("10 killed ... between Borana and Samburu
                # militias": the fighters unnamed)
                m.patients = [a for a in m.patients if _kind(a, ctx) != "civilians"]
            if frame.name == "rioting" and "armed_agent" in m.cues \
                    and _RAMPAGE & set(doc_text(doc)[m.trigger[0] : m.trigger[1]].lower().split()):
                continue  # "a police officer shot dead 10 people in a rampage": his attack, no riot
            if frame.name == "clash" and "gun_fight" not in m.cues and _unarmed_clash(m, ctx) \
                    and not _fought_among_armed(head, lex):  # (not "clashes among rival militias")
                # "traders clashed with police", "rival supporters clashed": no armed group.  Two
                # crowds fighting each other are a mob, even at a rally ("Jubilee and KANU
                # supporters clashed during a rally"); demonstrators who fight the police are a
                # violent demonstration
                rivals = _rival_crowds(doc, m, agent_span, patient_span, ctx)
                if rivals:
                    m.cues.add("rival_crowds")
                # (a party's or a leader's supporters who fight the police demonstrate: "CORD
                # supporters throw stones and clash with police")
                political = bool(_words(doc, agent_span) & lex.words.partisans) and bool(m.patients) \
                    and _only_kinds(m.patients, _STATE_KINDS) \
                    and not _words(doc, patient_span) & (lex.words.partisans | {"those"})
                m.sub_event_type = "Violent demonstration" if ("protest" in m.sent_cues or political) and not rivals \
                    else "Mob violence"
            if frame.name == "abduction" and (
                    head.pos_ == "NOUN" and head.dep_ in ("dobj", "obj") and _lemma(head.head) in _FREEING_VERBS
                    or head.dep_ in ("amod", "acl") and head.head.dep_ in ("dobj", "obj")
                    and _lemma(head.head.head) in _FREEING_VERBS):
                # "rescued 25 hostages held by bandits", "freed six kidnapped soldiers": an
                # abduction told before, not by the rescuers
                continue
            if frame.name == "weapon_use" and not _fires_a_weapon(head, lex):
                continue  # "launched a campaign to recruit 5,000 soldiers": nothing was fired
            if frame.name == "capture" and head.tag_ == "VBG" and head.dep_ == "acl" and _lemma(head) in ("occupy", "hold", "control"):
                continue  # "Al-Shabab fighters occupying Togga Suuj": who holds it, not a taking
            if frame.name == "capture" and m.sub_event_type == "Armed clash":
                if (patient_span is None or _heads_territory(doc, patient_span, ctx.places)) \
                        and not _takes_someone(head, _phrase_head(doc, patient_span), ctx):
                    m.sub_event_type = _capture_type(m, doc, ctx)
                elif (held := _people_captured(doc, m, head, patient_span, ctx, lex)) is not None:
                    m.sub_event_type, m.territorial = held, False
                elif "armed_victim" not in m.cues and not any(_kind(a, ctx) in ARMED_KINDS for a in m.patients) \
                        or _lemma(head) in _FREEING_VERBS:
                    # "captured footage", "seized power", "seized a ship in the Red Sea": no place
                    # changed hands; "freed six soldiers": no one fought them
                    continue
                # (else "overtook a military unit": a fight, no place taken)
            if frame.name == "expulsion":
                ground = _driven_from(doc, head)
                if ground is None or not _names_territory(doc, ground, ctx.places) \
                        or not any(_kind(a, ctx) in ARMED_KINDS for a in m.patients):
                    continue  # "drove to the base", "pushed protesters out of the square": no side lost ground
                m.sub_event_type = _capture_type(m, doc, ctx)
            if frame.name == "clash" and head.pos_ == "VERB" and any(c.lower_ == "back" for c in head.children) \
                    and (ground := _driven_from(doc, head)) is not None and _names_territory(doc, ground, ctx.places):
                # "The army units drove back the ISIL terrorists from a key village": ground taken
                m.territorial = True
                m.sub_event_type = _capture_type(m, doc, ctx)
            if m.sub_event_type == "Disrupted weapons use" or _family(m.sub_event_type) == "demonstration":
                m.territorial = False
            if head.pos_ == "VERB" and _lemma(head) in AIMING_VERBS and _names_an_attack(doc, agent_span):
                m.create = False  # "it targeted PDF members": what an attack told before aimed at
            if m.sub_event_type is None or frame.strength == "weak" and not frame.cues.keys() & m.cues:
                m.undecided, m.create = m.create, False
                if frame.name == "storming" and m.undecided and (
                        "armed_agent" in m.cues or _words(doc, agent_span) & _NOT_A_MOB):  # (not "residents")
                    taken = patient_span is not None and _heads_territory(doc, patient_span, ctx.places)
                    m.alone_type = _capture_type(m, doc, ctx) if taken else "Armed clash"
                if frame.name == "looting" and m.undecided and "armed_agent" in m.cues:
                    m.alone_type = "Looting/property destruction"  # "Israeli forces demolished the homes of ..."
            elif m.sub_event_type == "Disrupted weapons use" and frame.name == "capture" and m.agents \
                    and all(_kind(a, ctx) in _NON_STATE_ARMED for a in m.agents) \
                    or m.sub_event_type == "Looting/property destruction" and frame.name == "riot":
                # "gunmen attacked a police station and seized weapons": the loot of their attack;
                # told alone, armed men's seizure of weapons is a looting, not a weapon disrupted.
                # So is what armed men burn ("militias burn homes and attack civilians")
                m.undecided, m.create, m.sub_event_type = m.create, False, None
                m.alone_type = "Looting/property destruction"
            # date: in the clause, else the sentence
            in_clause = [d for d in all_dates if clause[0] <= d.start and d.end <= clause[1]]
            in_sent = [d for d in all_dates if sent.start_char <= d.start and d.end <= sent.end_char
                       and not _dates_another_occasion(doc, d, head)]
            if in_sent:
                if head.dep_ in ("pobj", "dobj") and (own := _own_clause_span(doc, head)) is not None:
                    # "denied on Monday any role in the bombing that killed five last week": the
                    # day of what is said of it is not its own; its own words date it
                    mine = [d for d in in_sent if own[0] <= d.start and d.end <= own[1] and d.precision <= 3]
                    if mine:
                        in_sent, in_clause = mine, [d for d in in_clause if d in mine]
                # a day told in a relative clause of another deed is that deed's ("Police shot
                # dead on Tuesday two suspects believed to be behind an attack on a church on
                # Sunday"); told alone, it is the nearest the report gives, but not its month
                # ("two men suspected of the March 2012 bus station bombing are abducted")
                own_days = [d for d in in_sent if not _dates_anothers_deed(doc, d, head, lex)]
                in_sent = own_days or [d for d in in_sent if d.precision <= 2]
                # the day written right after "said" is when it was said, wherever the parser hung
                # it, when the sentence tells another ("The army said on Wednesday it killed five
                # militiamen on Monday")
                in_sent = [d for d in in_sent if not _written_after_telling(doc, d)] or in_sent
                in_clause = [d for d in in_clause if d in in_sent]
            if in_sent:
                m.date = _pick_date(doc, in_clause, in_sent, head, m.trigger[0])
                m.date_said = _dates_the_telling(doc, m.date, head)
                if m.date.precision > 3 and _in_relative_clause(doc, m.date, head):
                    m.date = None  # "students who had recently been arrested": not the event's time
                elif m.date.precision > 3 and _LATELY.fullmatch(m.date.text) and not _told_as_before(head):
                    m.date = None  # "In recent days, protesters took to the streets": news, its day untold
                elif m.date.precision > 3:
                    m.create = False  # "since 2014", "in recent weeks": background
                    stale.add((sent.start_char, sent.end_char))
                elif m.date.precision <= 3 and m.date.text.lower().startswith("since ") and _told_as_before(head):
                    m.create = False  # "the Houthis have been pressing an offensive since February": what goes on
                elif m.date.precision == 3 and m.date.text.lower().startswith(_PERIOD_WORDS):
                    m.date = None  # "protest the non-payment of their salaries since May": not when
                if m.date is not None and m.date.date is None:
                    m.date = None  # a weekday with no publication date to resolve it against
            else:
                # "25 March. Students went on the rampage": a dateline before the sentence
                told = [d for d in datelines if d.end <= sent.start_char]
                if told:
                    m.date = told[-1]
                else:  # the day of an earlier sentence of the paragraph, if the event gets no other
                    m.context_date = next((
                        d for d in reversed(all_dates)
                        if d.end <= sent.start_char and d.date is not None and d.precision <= 2
                        and "\n" not in doc_text(doc)[d.end : sent.start_char]
                        and _occasion_dated(doc, d) is None), None)  # (not "at the 8 August poll")
            _locate(doc, m, roles, last_locality_before)
            if frame.name == "withdrawal" and m.place is not None and _headed_for(head, m.place):
                m.place, m.listed = None, []  # "the soldiers withdrew toward Jalalaqsi": where they went, not what they left
            if (head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") and _family(m.sub_event_type) == "violence"
                    and not m.territorial and m.place is None and m.date is None
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
                    and any(x.create and x.sent_end <= sent.start_char and _family(x.sub_event_type) == "violence"
                            for x in mentions)):
                m.create = False  # "The strike targeted a Hamas commander": the strike told before
            if m.territorial and not _holds_ground(m.place) and not (
                frame.name == "capture" and patient_span is not None
                and _names_ground(doc, patient_span)
            ):
                # a change of control needs a place ("seized several villages" names one); a whole
                # country does not change hands ("the coalition is on retreat in central Yemen")
                m.create = False
            # (what someone "faced" happened: "the convoy faced protests by youth")
            met = _lemma(gov) == "face" and gov.tag_ == "VBD" and head.dep_ == "dobj"
            # (nor what someone "called in": "Afghan forces called in air strikes")
            called_in = _lemma(gov) == "call" and head.dep_ == "pobj" and head.head.lower_ == "in"
            if not claimed and ((head.pos_ in ("NOUN", "PROPN") and _lemma(gov) in REFERRING_VERBS and not stopped
                                 and not met and not called_in
                                 and not (head.dep_ == "nsubj" and _lemma(gov) in SPEAKING_REFERRERS))
                                or _refers(head, sent, lex)):
                m.create = False  # "fleeing bombardment", "condemned the attack"
                m.refers_only = True
                m.place, m.date = None, None
                if any(_lemma(a) in lex.modality.anniversary for a in list(head.ancestors)[:4]):
                    # past deeds remembered name no doer of this one ("references a history of
                    # al Shabaab attacks in the area")
                    m.agents = []
            mentions.append(m)
    # the dead of a sentence that tells only what happened in a past year or goes on since
    # ("In 2016, twin bombings in Nyala killed more than 40 people", "the insurgency has killed
    # more than 2,600 people since 2017") are no event's
    ctx.background.extend(s for s in sorted(stale) if not any(m.create and m.sent_start == s[0] for m in mentions))
    _gatherings_bombed(doc, mentions)
    _deaths_at_protests(mentions)
    _arrests_at_protests(mentions)
    _harm_by_demonstrators(doc, mentions, lex)
    _civilian_dead_of_clashes(doc, mentions, lex)
    _deaths_in_clashes(mentions)
    _absorbed_by_clashes(mentions)
    _rival_crowds_at_rallies(doc, mentions)
    _told_alone(mentions, lex)
    labelled = _label_mentions(doc, ctx, lex, roles, all_dates, last_locality_before)
    if labelled:  # a label opens its note: its mention comes first
        mentions = sorted(mentions + labelled, key=lambda m: (m.sent_start, m.frame != LABEL_FRAME))
    return mentions


_LABEL = re.compile(r"(?m)^[ \t]*([A-Za-z][A-Za-z /&-]{2,48}?)[ \t]*:")


def _label_mentions(doc: Doc, ctx: Context, lex: Lexicon, roles: Sequence[_PlaceRole],
                    all_dates: Sequence[dates_mod.DateMention], locality_before) -> list[Mention]:
    """A note that opens a line with the label of its type ("Movement of forces: Al Shabaab
    fighters moved into Meru", "Property destruction: houses torched in Keiyo") is that type:
    its writer coded it.  The label's event takes the armed actor, date and place of its line."""
    if not lex.labels:
        return []
    text = doc_text(doc)
    out = []
    for hit in _LABEL.finditer(text):
        sub = lex.labels.get(" ".join(hit.group(1).lower().split()))
        if sub is None:
            continue
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        m = Mention(frame=LABEL_FRAME, sub_event_type=sub, create=True, sent_start=hit.start(1), sent_end=end,
                    trigger=(hit.start(1), hit.end(1)), clause=(hit.end(), end))
        line_actors = [a for a in ctx.actors if hit.end() <= a.start and a.end <= end]
        armed = [a for a in line_actors if _kind(a, ctx) in ARMED_KINDS]
        m.agents = (armed or line_actors)[:1]
        told = [d for d in all_dates if hit.end() <= d.start and d.end <= end and d.date is not None and d.precision <= 3]
        m.date = told[0] if told else None
        _locate(doc, m, roles, locality_before)
        out.append(m)
    return out


#: prepositions that make their object the cause of what they attach to ("protested over the killing")
CAUSE_PREPS = frozenset({"after", "following", "over", "against", "for", "about"})


#: rioting words that say how armed men went about their attack, not that a crowd rioted
_RAMPAGE = frozenset({"rampage", "amok"})


def _cause_of(trig: Token, acts: Collection[tuple[str, ...]]) -> bool:
    """Is the trigger (or the noun it modifies) the cause a preposition gives of one of ``acts``
    ("diplomats expelled after a nerve agent attack on a former spy")?"""
    noun = trig
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ in CAUSE_PREPS \
        and any((_lemma(a),) in acts for a in noun.head.ancestors)


def _befell_in_cause(trig: Token) -> bool:
    """Is the trigger who a cause befell: "over the killings of protesters"?"""
    of = trig.head
    return trig.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ == "pobj" and of.head.head.lower_ in CAUSE_PREPS


def _is_cause(trig: Token, sent: SpacySpan) -> bool:
    """Is the trigger the cause or topic of a protest rather than something done at it?"""
    if trig.dep_ == "pobj" and trig.head.lower_ in CAUSE_PREPS and not _counted_by(trig.head, trig) \
            and not _claimed_anew(trig):
        return True  # (not what is claimed: "claimed responsibility for an attack on a camp")
    if _befell_in_cause(trig):
        return True  # "warrants over the killings of protesters": who the cause befell
    if trig.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_PREPS for c in trig.children) \
            and any(c.dep_ == "dobj" and _lemma(c) in _PROTEST_NOUNS for c in trig.head.children):
        return True  # "sex workers staged a protest after a colleague was murdered"
    if trig.dep_ == "conj" and trig.pos_ == "VERB":
        return False  # "residents protested and police arrested ten of them": what followed
    return any(_lemma(a) in PROTEST_VERBS or _lemma(a) in _PROTEST_NOUNS
               for a in trig.ancestors if sent.start <= a.i < sent.end)


def _counted_by(prep: Token, noun: Token) -> bool:
    """Is the preposition a number's "over" or "about" the parser took for one ("made over 120
    arrests"), not a cause ("protests over the arrests")?"""
    return prep.lower_ in ("over", "about") and any(c.dep_ == "nummod" and c.i == prep.i + 1 for c in noun.children)


_PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally"})
#: words of a demand whose object is asked for, not done ("demanding the arrest of ...")
_DEMAND_VERBS = frozenset({"demand", "call", "petition", "urge"})


def _protested(trig: Token) -> set[int]:
    """Tokens of what a protest is about: the object of "protest" ("protest the failure to stop
    clashes") and a cause preposition's object ("a protest against the murder of ...", also on
    the verb that stages the protest: "staged a protest in Nairobi against the murder of ...")."""
    verb = trig.pos_ == "VERB" and _lemma(trig) in PROTEST_VERBS  # (not "NASA protesters light fires")
    heads = [trig] + ([trig.head] if trig.pos_ == "NOUN" and trig.dep_ in ("dobj", "obj") else [])
    return {t.i for h in heads for c in h.children
            if verb and c.dep_ in ("dobj", "obj") or c.dep_ == "prep" and c.lower_ in CAUSE_PREPS
            for t in c.subtree}


def _deed_objects(sent: SpacySpan, hits: Sequence[tuple[int, int, str]], doc: Doc) -> list[Token]:
    """The nouns other triggers of the sentence act on: their objects, and the subjects of
    passive ones."""
    out = []
    for start, end, _name in hits:
        trig = _head_of(doc, start, end)
        out += [c for c in trig.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return out


#: killing verbs a court's sentence is carried out with
_EXECUTING = frozenset({"execute", "hang"})


def _protested_deed(doc: Doc, m: Mention) -> bool:
    """Is ``m`` what a protest is about ("gather to protest the killing of two colleagues by
    gangsters", "a protest against the murder of ...")?"""
    span = doc.char_span(*m.trigger, alignment_mode="expand")
    return span is not None and any(span.root.i in _protested(a) for a in span.root.ancestors)


def _demanded(word: Token) -> list[Token]:
    """What a demand's word says is demanded: its object or clause after it ("demanding the
    arrest of ...", "demanded that ...", "calling for the withdrawal of police"); not what it
    is told with ("demanded photos before shooting him dead")."""
    return [c for c in word.children if c.i > word.i and (
        c.dep_ in ("dobj", "ccomp") or c.dep_ == "prep" and c.lower_ == "for")]


def _asked(doc: Doc, cue_hits: _CueHits, start: int, end: int, but: Token | None = None) -> set[int]:
    """Tokens of what the demands inside tokens ``start``..``end`` ask for (not of a demand
    whose own phrase holds ``but``, the trigger being typed)."""
    return {t.i for i in cue_hits.where(start, end, "demand") if but is None or but not in doc[i].subtree
            for c in _demanded(doc[i]) for t in c.subtree}


def _asked_for(trig: Token, sent: SpacySpan, lex: Lexicon) -> bool:
    """Is the trigger what a demand in its sentence asks for ("protested, demanding the arrest
    of the official", "calling for the release of ...")? Asked for, not done."""
    demand = lex.cues.get("demand", ())
    for t in sent:
        if t.lemma_.lower() not in _DEMAND_VERBS:
            continue
        phrase = (_lemma(t),) if t.i + 1 >= sent.end else (_lemma(t), _lemma(t.nbor()))
        if (phrase[:1] in demand or phrase in demand) and any(trig in c.subtree for c in _demanded(t)):
            return True
    return False


#: words that put a deed before the time a sentence tells of ("several days earlier")
_EARLIER = frozenset({"earlier", "before", "ago", "previously", "recently"})


def _backstory(trig: Token, lex: Lexicon) -> bool:
    """Is the trigger a deed told only to say who someone is or what a place is: a relative
    clause on a person others are kin or colleagues of ("relatives of the man beaten to death
    by police"), or one dated before the sentence's time ("the attack which killed one woman
    several days earlier")?"""
    clause = trig if trig.dep_ in ("acl", "relcl") else next((c for c in trig.children if c.dep_ == "relcl"), None)
    if clause is None:
        return False
    if any(t.lower_ in _EARLIER and t.dep_ in ("advmod", "npadvmod", "prep") for t in clause.subtree) \
            or any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children):
        return True  # (also "a student who had been abducted": what befell them before)
    noun = clause.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in lex.people.kin


def _gatherings_bombed(doc: Doc, mentions: list[Mention]) -> None:
    """A rally or a protest a bomber, a blast or a strike hit is its target, not an event of its
    own, and those killed in its sentence are the blast's dead ("25 people were killed when a
    suicide bomber targeted an election rally in Mastung")."""
    blasts = [m for m in mentions if m.create and SUB_EVENT_TYPES.get(m.sub_event_type) == "Explosions/Remote violence"]
    if not blasts:
        return
    # the blasts' words, and the verbs their nouns are told with ("a grenade was thrown at a rally")
    struck = {t.i for m in blasts if (span := doc.char_span(*m.trigger, alignment_mode="expand")) is not None
              for t in (*span, span.root.head)}
    for m in mentions:
        if m.frame != "protest" or not m.create or not any(b.sent_start == m.sent_start for b in blasts):
            continue
        span = doc.char_span(*m.trigger, alignment_mode="expand")
        if span is None:
            continue
        noun = span.root
        gov = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ in ("dobj", "obj", "pobj") and gov.i in struck:
            m.create, m.refers_only = False, True
            blast = next(b for b in blasts if b.sent_start == m.sent_start)
            for x in mentions:
                if x.frame in TOLL_FRAMES and x.sent_start == m.sent_start and not x.agents \
                        and _family(x.sub_event_type) == "demonstration":
                    x.sub_event_type = blast.sub_event_type  # "... and dozens wounded when a bomber targeted a rally"
                    x.cues -= {"protest", "protest_lethal"}


def _deaths_at_protests(mentions: list[Mention]) -> None:
    """"Two people were killed in the protest": deaths at a demonstration reported in the same
    sentence make it one with excessive force, unless the dead were armed or the killing is
    what the demonstrators protested.  Deaths in a riot with no killer named are its toll."""
    protest_sents = {m.sent_start for m in mentions
                     if m.create and m.frame in ("protest", "protest_intervention")}
    intervened = {m.sent_start for m in mentions if m.create and m.frame == "protest_intervention"}
    for m in mentions:
        if (m.frame == "killing" and m.sent_start in protest_sents and not m.cause_only
                and "armed_victim" not in m.cues and m.sub_event_type in ("Attack", None)
                and ("civilian_victim" in m.cues or not m.patients)):
            m.cues.add("protest_lethal")
            m.sent_cues.add("protest_lethal")
            m.sub_event_type = "Excessive force against protesters"
            m.create = True
        elif (m.frame == "wounding" and m.sent_start in intervened and not m.cause_only
                and "armed_victim" not in m.cues and m.sub_event_type in ("Attack", None)
                and (not m.agents or _only_kinds(m.agents, _STATE_KINDS))):
            # "Police fired tear gas at protesters, wounding five": hurt in the intervention
            m.sub_event_type = "Protest with intervention"
    lethal = {m.sent_start for m in mentions if m.create and "protest_lethal" in m.cues}
    for m in mentions:
        if (m.frame == "wounding" and m.sent_start in lethal and not m.cause_only
                and "armed_victim" not in m.cues and m.sub_event_type in ("Attack", None)
                and (not m.agents or _only_kinds(m.agents, _STATE_KINDS))):
            # "opened fire on protesters, killing five people and wounding dozens": hurt in
            # the same excessive force
            m.sub_event_type = "Excessive force against protesters"
            m.cues.add("protest_lethal")
    # "Two killed in riot over land", "rioters clashed with police ... and two people were
    # killed": the dead (with no killer named, or killed by the crowd) are the riot's toll, not
    # an attack of their own
    riots = {m.sent_start: m.sub_event_type for m in mentions
             if m.create and _family(m.sub_event_type) == "demonstration"
             and (m.frame == "rioting" or m.frame == "clash" and "crowd_agent" in m.cues
                  # ("supporters of X clashed with police; 20 officers were injured")
                  or m.frame in ("protest", "clash") and m.sub_event_type == "Violent demonstration")}
    for m in mentions:
        if m.sent_start not in riots or m.cause_only:
            continue
        if (m.frame in ("killing", "wounding")
                and (not m.agents or "crowd_agent" in m.cues or _only_kinds(m.agents, _STATE_KINDS))
                and ("armed_victim" not in m.cues or _only_kinds(m.patients, _STATE_KINDS))
                and m.sub_event_type in ("Attack", "Armed clash", None)):
            m.sub_event_type = riots[m.sent_start]  # (also "2 police officers were killed in riots")
            m.create = True
        elif m.frame == "clash" and m.create and m.sub_event_type == "Armed clash" \
                and _only_kinds(m.agents, _STATE_KINDS | _CROWD_KINDS):
            # "Traders riot, attack police and engage in running battles": the riot's fighting
            m.sub_event_type = riots[m.sent_start]


_STATE_KINDS = frozenset({"state_forces"})
_CROWD_KINDS = frozenset({"protesters", "rioters", "civilians"})


def _only_kinds(refs: Sequence[ActorRef], kinds: frozenset[str]) -> bool:
    """Every actor of ``refs`` (there may be none) is of one of ``kinds``."""
    return all(a.kind in kinds for a in refs)


#: victims' words that say nothing of who they were ("four people were killed in clashes")
_ANYONE = frozenset({"people", "person", "persons", "man", "men", "others", "individuals"})


def _civilian_dead_of_clashes(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """"Ethnic clashes leave civilians dead", "13 villagers killed following clashes along the
    boundary": fighting whose only dead are named as civilians, with no killer named, is told as
    an attack on them, as ACLED codes it (the civilians are its second party).  Dead "people",
    and the dead of fighting between communities or of civilians fighting, are its toll."""
    civilian = set(lex.people.civilian) - _ANYONE - set(lex.people.armed)
    for m in mentions:
        if not (m.frame == "killing" and m.create and not m.agents and m.sub_event_type == "Attack"
                and "civilian_victim" in m.cues and "armed_victim" not in m.cues
                and not m.refers_only and not m.cause_only and m.patients):
            continue
        if not any(_words(doc, (p.start, p.end)) & civilian for p in m.patients):
            continue
        for clash in mentions:
            if (clash.frame == "clash" and clash.create and clash.sub_event_type == "Armed clash"
                    and clash.sent_start == m.sent_start and not clash.refers_only and not clash.patients
                    and not clash.cues & {"armed_victim", "communal", "civilian_agent"}
                    and not any(a.kind == "identity_militia" for a in clash.agents)
                    # "herders ... feared dead as they engaged each other in a gun battle": the
                    # dead are the fighters
                    and not _EACH_OTHER.search(doc_text(doc), clash.sent_start, clash.sent_end)
                    # "three residents were killed, as was one of the attackers": fighters died too
                    and not _armed_dead_too(doc, clash, mentions, lex)):
                # (not between communities, whose members are their militias' people)
                clash.sub_event_type = "Attack"
                clash.patients = list(m.patients)
                m.agents = list(clash.agents)  # "the Borana and Gabra", "ethnic" militias


#: an ellipsis that adds other dead to a killing ("..., as was one of the attackers")
_AS_WAS = re.compile(r"\bas (?:was|were)\b([^.;]{0,60})", re.I)


def _armed_dead_too(doc: Doc, clash: Mention, mentions: Sequence[Mention], lex: Lexicon) -> bool:
    """Does the clash's sentence tell armed men killed as well ("one attacker was killed",
    "..., as was one of the attackers")?"""
    if any(x.frame == "killing" and x.sent_start == clash.sent_start and "armed_victim" in x.cues
           and not x.refers_only for x in mentions):
        return True
    text = doc_text(doc)[clash.sent_start:clash.sent_end]
    return any(set(re.findall(r"[a-z]+", g.group(1).lower())) & lex.people.armed for g in _AS_WAS.finditer(text))


def _absorbed_by_clashes(mentions: list[Mention]) -> None:
    """What no one is named for, told in the sentence of a clash, is that clash's doing, not
    an event of its own: burning beside a communal armed clash ("eight houses were burnt ...
    in clashes between members of two communities"), people hurt or killed beside a fight
    between crowds ("two youths were injured after supporters of the governor and those of
    the MP clashed")."""
    communal: set[int] = set()
    crowds: set[int] = set()
    for m in mentions:
        if m.frame == "clash" and m.create:
            if m.sub_event_type == "Armed clash" and _communal(m):
                communal.add(m.sent_start)
            elif m.sub_event_type in ("Mob violence", "Violent demonstration"):
                crowds.add(m.sent_start)
    for m in mentions:
        if not m.create or m.agents:
            continue
        if m.frame in ("riot", "looting") and m.sent_start in communal \
                or m.frame in ("killing", "wounding") and m.sub_event_type == "Attack" and m.sent_start in crowds:
            m.create = False


def _deaths_in_clashes(mentions: list[Mention]) -> None:
    """"Four people were killed ... following tribal skirmishes between the Borana and Gabra":
    deaths with no killer named that followed a clash told in their sentence are its toll.  The
    killing's mention carries the event (its place is the one told with the deaths); the
    clash's sides become its sides."""
    for clash in mentions:
        if not (clash.frame == "clash" and clash.create and clash.sub_event_type == "Armed clash"
                and clash.cause_only and not clash.refers_only):  # told as what the deaths followed
            continue
        for m in mentions:
            if (m.frame == "killing" and m.sent_start == clash.sent_start and m.create and not m.agents
                    and m.sub_event_type == "Attack" and not m.refers_only and not m.cause_only):
                m.sub_event_type = "Armed clash"
                m.agents, m.patients = list(clash.agents), list(clash.patients)
                m.date = m.date or clash.date
                clash.create, clash.sub_event_type = False, None


#: words that make the two sides of a fight one crowd against another
_EACH_OTHER_WORDS = ("each other", "one another")
_EACH_OTHER = re.compile(rf"\b(?:{'|'.join(_EACH_OTHER_WORDS)})\b")
#: prepositions that make a rally the setting of what happened at it ("clashed at a rally")
SETTING_PREPS = frozenset({"at", "during"})


def _rival_crowds_at_rallies(doc: Doc, mentions: list[Mention]) -> None:
    """"Jubilee and NASA supporters clashed at a rally ... and threw stones at each other":
    where two crowds fight each other, the rally they fought at and the stones they threw are
    that mob violence, not a demonstration of its own ("Youth hurled stones at each other")."""
    text = doc_text(doc)
    rival_sents = {m.sent_start for m in mentions if m.frame == "clash" and "rival_crowds" in m.cues or (
        m.frame == "riot" and _EACH_OTHER.search(text, m.sent_start, m.sent_end))}
    for m in mentions:
        if m.sent_start not in rival_sents or m.sub_event_type != "Violent demonstration":
            continue
        if m.frame == "protest":
            head = doc.char_span(*m.trigger, alignment_mode="expand")
            if head is None or not (head.root.dep_ == "pobj" and (
                    head.root.head.lower_ in SETTING_PREPS or head.root.head.head.lower_ == "ahead")):
                continue
        elif m.frame != "riot":
            continue
        m.sub_event_type = "Mob violence"


def _arrests_at_protests(mentions: list[Mention]) -> None:
    """"Students protested ... Many students were arrested", "residents protested; police
    arrested ten of them": arrests of the crowd after a demonstration was told are the police
    intervening in it, not an event of their own."""
    first = min(((m.sent_start, m.trigger[0]) for m in mentions if m.create and m.frame in ("protest", "rioting")),
                default=None)
    if first is None:
        return
    for m in mentions:
        if (m.frame == "arrest" and m.sub_event_type == "Arrests" and (m.sent_start, m.trigger[0]) > first
                and not m.cause_only
                and "armed_victim" not in m.cues
                and (m.anaphoric or m.cues & {"crowd", "unarmed_side", "civilian_victim"} or not m.patients)):
            m.sub_event_type = "Protest with intervention"


#: harm to people that, done by the crowd of a demonstration, makes the demonstration violent
CROWD_HARM_FRAMES = frozenset({"beating", "wounding", "strike"})


def _harm_by_demonstrators(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """"Workers protested at city hall. Some members of the group attacked a county official",
    "... after student protest. They beat up the deputy principal": harm done, after a
    demonstration was told, by its crowd referred back to ("they", "the students", "some of
    them") is the demonstrators' violence: the demonstration was violent, and the harm is not
    an attack of its own.  Not when police or armed men were told of since the demonstration
    began (they may be who "they" are), nor when the harmed are a crowd ("They beat up the
    protesters")."""
    protests = [m for m in mentions if m.create and m.frame == "protest"
                and m.sub_event_type in ("Peaceful protest", "Protest with intervention")]
    if not protests:
        return
    protest = protests[0]
    crowd = lex.cues.get("crowd", frozenset())
    # "police beat protesters ... They also attacked journalists": the police, told since
    armed_from = min((x.trigger[0] for x in mentions if x.cues & {"armed_agent", "state_agent"}
                      and x.trigger[0] >= protest.sent_start), default=math.inf)
    for m in mentions:
        # (an attack on a building left undecided is theirs too: "some attacked the French embassy")
        if (m.frame in CROWD_HARM_FRAMES and (m.create and m.sub_event_type == "Attack" or m.undecided)
                and m.anaphoric
                and m.trigger[0] <= armed_from
                and not m.agents and m.trigger[0] > protest.trigger[1] and not m.cause_only and not m.refers_only
                and not m.cues & {"armed_agent", "state_agent"}
                and not any((_lemma(t),) in crowd for p in m.patients
                            for t in doc.char_span(p.start, p.end, alignment_mode="expand") or ())):
            for p in protests:  # (the one told, and what a protest was about: "after student protest")
                p.sub_event_type = "Violent demonstration"
            m.create = m.undecided = False


def _claimed_anew(trig: Token) -> bool:
    """An attack told for the first time by who claims it: "claimed responsibility for a missile
    attack on a commercial vessel", "for attacks on two police posts" (not "for the attack",
    told before, nor an attack someone is accused of being responsible for)."""
    dets = [c.lower_ for c in trig.children if c.dep_ in ("det", "poss")]
    new = dets[:1] in (["a"], ["an"]) or not dets and trig.tag_ == "NNS"
    if trig.pos_ == "NOUN" and trig.dep_ in ("dobj", "obj") and _lemma(trig.head) == "claim":
        # "claimed an attack on a base", a headline's "Houthis claim missile attack on ship"
        return new or not dets and trig.head.tag_ in ("VBP", "VBZ")
    claim = trig.head.head
    if not (trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ == "for"):
        return False
    # told in detail, it is told here first: "blamed bandits for the abduction of 20 villagers",
    # "for a roadside bomb that ripped through a bus"
    detailed = any(c.dep_ == "relcl" for c in trig.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)
                                                      for g in c.children) for c in trig.children)
    if _lemma(claim) == "blame" and claim.pos_ == "VERB":
        return new or detailed
    # "claimed responsibility on Wednesday for a suicide bombing": "for" hung on the verb
    if _lemma(claim) in ("claim", "admit", "accept") and any(
            c.dep_ in ("dobj", "obj") and _lemma(c) == "responsibility" for c in claim.children):
        return new or detailed
    return _lemma(claim) == "responsibility" and _lemma(claim.head) in ("claim", "admit", "accept") and new


def _refers(trig: Token, sent: SpacySpan, lex: Lexicon) -> bool:
    """Is the trigger the complement of a word that only refers to an event (the lexicon's
    ``referring`` and ``anniversary`` words: "on the anniversary of the massacre"), or a word
    that only describes someone in a sentence that remembers ("Families of cadets massacred by
    IS gathered to mark the anniversary of the killings")?"""
    heads = lex.words.referring | set(lex.modality.anniversary)
    if trig.dep_ in ("acl", "relcl", "amod", "compound") and any(_lemma(t) in lex.modality.anniversary for t in sent):
        return True
    cur = trig
    for _ in range(4):
        if cur.head.i == cur.i or not (sent.start <= cur.head.i < sent.end) or _across_semicolon(cur):
            return False
        child, cur = cur, cur.head
        if _claimed_anew(cur):
            return False  # what a claim tells of the attack it reports ("... in which it killed 20")
        if _lemma(cur) in heads:
            # the speaker of a referring verb is no referred event ("administrators hold a
            # protest blaming the president"); a headline whose predicate is the accusation
            # reports the deed ("Soldiers accused of killing 30 civilians in Moura")
            return not (child.dep_ == "nsubj" and _lemma(cur) in SPEAKING_REFERRERS or headline_predicate(cur))
        if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS and cur.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "obj") and _lemma(c) in heads for c in cur.children):
            return True  # "issued arrest warrants ... over the killings": what the warrants are for
    return False


#: prepositions and verbs that make a trigger the backdrop of another event ("a grenade attack
#: during clashes", "rockets hit the town as the army continues its offensive")
BACKDROP_PREPS = frozenset({"during", "amid", "amidst", "throughout"})
BACKDROP_VERBS = frozenset({"continue", "intensify", "escalate", "rage", "enter", "drag"})


def _is_backdrop(head: Token, gov: Token) -> bool:
    """Is the trigger only the setting of another event? Then it types the event only when
    nothing more specific does ("killed during clashes" stays a battle)."""
    if head.dep_ == "pobj" and head.head.lower_ in BACKDROP_PREPS:
        return True
    return head.pos_ == "NOUN" and head.i != gov.i and _lemma(gov) in BACKDROP_VERBS and gov.dep_ == "advcl"


#: verbs that say what an attack aimed at; with the attack (or "it") as subject they add a
#: detail to an event already told ("The strike targeted a Hamas commander")
AIMING_VERBS = frozenset({"target", "aim"})
_ATTACK_NOUNS = frozenset({"it", "this", "strike", "airstrike", "attack", "raid", "bombing", "shelling",
                           "explosion", "blast", "bombardment", "operation", "assault"})


def _placed_at(doc: Doc, span: tuple[int, int] | None, ref: ActorRef, lex: Lexicon) -> bool:
    """Is ``ref`` named where the explosive a phrase heads was put ("an IED planted in a car
    belonging to an Ahrar al-Sham commander", "a bomb hidden under the car of a HTS leader"),
    not by whom ("an IED planted by Al Shabaab")?"""
    head = _phrase_head(doc, span)
    if head is None or _lemma(head) not in lex.people.weapon:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "on", "under", "inside", "beneath", "near", "at")
               and c.idx <= ref.start and ref.end <= c.right_edge.idx + len(c.right_edge)
               for t in head.subtree if t.dep_ == "acl" for c in t.children)


def _attack_target(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The character span of what the attack a phrase names was on ("a drone strike on a PMF
    headquarters": the headquarters), else None."""
    head = _phrase_head(doc, span)
    if head is None or _lemma(head) not in _ATTACK_NOUNS - {"it", "this"}:
        return None
    return _span_tokens(doc, (t for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting")
                              for t in c.subtree))


def _fallen_to(verb: Token) -> Token | None:
    """Who a place fell to: "fell to M23 rebels", "fell into the hands of the Taliban"."""
    taker = _prep_object(verb, "to") or _prep_object(verb, "into")
    if taker is not None and taker.lower_ in ("hands", "hand"):
        taker = _prep_object(taker, "of")
    return taker


def _arms_falling(verb: Token, lex: Lexicon) -> bool:
    """The subject of "fall" is what was fired or dropped ("shells that fell on the town",
    "rockets fell near the airport"), not a place taken."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subj = verb.head
    arms = lex.words.fired | lex.people.weapon
    return subj is not None and (subj.lower_ in arms or _lemma(subj) in arms
                                 or subj.lower_ in ("debris", "shrapnel", "fragments"))


def _names_an_attack(doc: Doc, span: tuple[int, int] | None) -> bool:
    """The phrase is an attack ("the strike", "the air raid") or "it"."""
    head = _phrase_head(doc, span)
    return head is not None and _lemma(head) in _ATTACK_NOUNS


#: verbs whose subject tells of an event rather than takes part in it
_TELLING = frozenset({"say", "tell", "report", "claim", "state", "confirm", "add", "announce", "allege"})
#: verbs before a perfect infinitive that tell of a deed as done ("claimed to have killed")
_TOLD_AS_DONE = _TELLING | {"believe", "appear", "seem"}


_SELF_PRONOUNS = frozenset({"it", "they", "we"})
#: strikes from afar a state force tells of as its own when it names no one firing them
_STRIKE_FRAMES = frozenset({"air_strike", "shelling"})
#: the teller's own men: "its fighters", "our troops"
_OWN_PRONOUNS = frozenset({"its", "their", "our"})


#: frames whose doer, a community named alone, is its militia ("Pokot attack Luhya farmers"; not
#: "Maasai demonstrators protested")
_MILITIA_DEEDS = _VICTIMISING | {"clash", "ambush", "stealing", "storming"}


def _communities_named(who: Token) -> list[Token]:
    """The names a phrase gives its people by: its head and the head's conjuncts ("Pokot and
    Turkana"), or the names before a noun for communities ("the Pokot and Turkana communities",
    "Degodia and Garre clans")."""
    if who.lower_ in _word_lists().communities:
        names = [c for c in who.children if c.dep_ in ("nmod", "compound", "amod") and c.pos_ == "PROPN"]
        return [w for c in names for w in (c, *c.conjuncts)]
    return [who, *who.conjuncts]


#: pronouns for a doer told before
_THEY = frozenset({"they", "he", "she"})


def _earlier_armed_subject(doc: Doc, sent: SpacySpan, ctx: Context) -> list[ActorRef]:
    """The armed side (or state force) that was the subject of one of the two sentences before
    ``sent``, in its paragraph: who "they" are."""
    text, before = doc_text(doc), sent
    for _ in range(2):
        if before.start == 0 or "\n" in text[doc[before.start - 1].idx : sent.start_char]:
            return []
        before = doc[before.start - 1].sent
        subjects = [a for a in ctx.actors if before.start_char <= a.start and a.end <= before.end_char
                    and _kind(a, ctx) in ARMED_KINDS and any(
                        t.dep_ in ("nsubj", "nsubjpass")
                        for t in doc.char_span(a.start, a.end, alignment_mode="expand") or ())]
        if subjects:
            return subjects[-1:]
    return []


def _telling_subject(trig: Token) -> Token | None:
    """The subject of the verb of telling whose clause holds ``trig``."""
    verb = next((a for a in trig.ancestors if a.pos_ in ("VERB", "AUX") and _lemma(a) in _TELLING), None)
    return next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None


def _teller(doc: Doc, trig: Token, sent_actors: Sequence[ActorRef]) -> list[ActorRef]:
    """The actors that tell of ``trig``: the group itself or its voice ("an Al-Shabaab spokesman
    said they ..."), not a person told as one of its members ("said Mohammed Rasheed, a
    volunteer with the White Helmets": his "they" are others)."""
    subj = _telling_subject(trig)
    if subj is None:
        return []
    if _lemma(subj) in _word_lists().voices:
        span = _span_tokens(doc, subj.subtree)
        return _actors_in(span, sent_actors) if span is not None else []
    own = [a for a in sent_actors if a.start <= subj.idx < a.end]
    if _lemma(subj) in _word_lists().members and (of := _prep_object(subj, "of")) is not None:
        # "Tuareg rebels of the CSP-PSD said they had shot down a drone": the group they are of
        own += [a for a in _actors_in(_span_tokens(doc, of.subtree), sent_actors) if a not in own]
    return own


#: what may stand between armed men and the country they came from ("raiders from Ethiopia",
#: "gunmen suspected to be from neighbouring Somalia")
_FROM_COUNTRY = re.compile(r"(?:,?\s+(?:suspected|believed|thought|said)\s+to\s+(?:be|have\s+come)|\s+allegedly|"
                           r"\s+reportedly)?\s+(?:coming\s+)?from\s+(?:neighbou?ring\s+)?(?:the\s+)?", re.I)
_FROM_COUNTRY_END = re.compile(_FROM_COUNTRY.pattern + "$", re.I)


def _origin_country(doc: Doc, span: tuple[int, int] | None, places: Sequence[Place]) -> str | None:
    """The country a doer's phrase says they came from, in it or right after it (the parser
    may leave it out): "armed men from Somalia"."""
    if span is None:
        return None
    text = doc_text(doc)
    for p in places:
        if p.feature_type != "country" or not p.country or p.start <= span[0]:
            continue
        if p.end <= span[1] and _FROM_COUNTRY_END.search(text[span[0] : p.start]) \
                or span[1] <= p.start <= span[1] + 60 and _FROM_COUNTRY.fullmatch(text[span[1] : p.start]):
            return p.country
    return None


_FIRED_FROM = re.compile(r"\b(?:fired|launched)\s+from\s+(?:the\s+|inside\s+|southern\s+|northern\s+)?$", re.IGNORECASE)


def _fired_from(doc: Doc, d: _Draft, places: Sequence[Place]) -> str | None:
    """The country of the place an event's sentences say its projectiles were fired from
    ("rockets fired from Gaza", "a drone launched from Yemen")."""
    text = doc_text(doc)
    for m in d.mentions:
        for p in places:
            if m.sent_start <= p.start < m.sent_end and p.country \
                    and _FIRED_FROM.search(text[max(m.sent_start, p.start - 40) : p.start]):
                return p.country
    return None


def _telling_state(trig: Token, places: Sequence[Place]) -> list[ActorRef]:
    """A country that tells what "it" did is its armed forces: "Ukraine says it recaptured a
    village near Bakhmut"."""
    subj = _telling_subject(trig)
    country = next((p for p in places if p.feature_type == "country" and p.start <= subj.idx < p.end),
                   None) if subj is not None else None
    if country is None:
        return []
    return [ActorRef(None, country.start, country.end, "state_forces", country.country, "military")]


#: frames whose doer, when a country is named as it, is that country's armed forces
_STATE_DEED_FRAMES = frozenset({"air_strike", "shelling", "strike", "clash", "ambush", "capture", "storming",
                                "killing", "shoot_down", "weapon_use", "expulsion", "explosion"})


#: what makes an arrest told with a crime a political one: armed men or a demonstration arrested
_POLITICAL_ARREST = frozenset({"armed_victim", "protest", "crowd"})


def _pact_defied(trig: Token) -> bool:
    """Is the pact named as what was broken or defied ("violated the ceasefire", "despite a
    ceasefire", "in violation of the truce"): none made?"""
    head = trig.head
    if trig.dep_ in ("dobj", "nsubjpass"):
        return _lemma(head) in _BROKEN
    return trig.dep_ == "pobj" and (head.lower_ in ("despite", "notwithstanding")
                                    or head.lower_ == "of" and _lemma(head.head) in ("violation", "breach", "spite"))


#: nouns for a pact still sought ("a ceasefire proposal", "calls for a truce")
_PACT_SOUGHT = frozenset({"proposal", "plan", "offer", "initiative", "bid", "draft", "call", "demand", "push",
                          "effort", "proposition", "appeal", "request", "framework", "roadmap"})
#: verbs that make a sought pact a made one ("accepted a ceasefire proposal")
_PACT_TAKEN = frozenset({"accept", "agree", "sign", "approve", "endorse", "implement", "adopt"})


def _pact_sought(trig: Token) -> bool:
    """Is the pact named as one proposed, called for or offered, not (yet) taken ("rejected the
    latest ceasefire proposal", "calls for a truce")?"""
    noun = trig.head if trig.dep_ in ("compound", "nmod", "amod") else \
        trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ in ("for", "on", "of") else None
    if noun is None or _lemma(noun) not in _PACT_SOUGHT:
        return False
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    return verb is None or _lemma(verb) not in _PACT_TAKEN


def _headed_for(verb: Token, place: Place) -> bool:
    """Is ``place`` where the verb's movement went ("withdrew toward Jalalaqsi", "retreated to
    Mosul")?"""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("toward", "towards", "to", "into"):
            toks = list(c.subtree)
            if toks[0].idx <= place.start and place.end <= toks[-1].idx + len(toks[-1]):
                return True
    return False


#: frames of agreements between sides
_PACT_FRAMES = frozenset({"agreement", "truce", "captive_swap"})


def _pact_states(doc: Doc, span: tuple[int, int] | None, found: list[ActorRef], places: Sequence[Place],
                 demonym_iso: Callable[[str], str | None] | None = None) -> list[ActorRef]:
    """States among the makers of a pact that no actor name covers: "the government" (its
    country the event's) and countries named as sides ("Russia and Ukraine")."""
    sp = doc.char_span(*span, alignment_mode="expand") if span is not None else None
    if sp is None:
        return []

    def covered(t: Token) -> bool:
        return any(a.start <= t.idx < a.end for a in found)

    out: list[ActorRef] = []
    for t in sp:
        if _lemma(t) == "government" and t.dep_ in ("nsubj", "conj") and not covered(t):
            # ("the Ethiopian federal government": Ethiopia's, wherever it signed)
            out.append(ActorRef(None, t.idx, t.idx + len(t), "state_forces", _modifier_country(t, demonym_iso), "military"))
    have = {a.country for a in found}
    for p in places:
        if p.feature_type == "country" and sp.start_char <= p.start and p.end <= sp.end_char and p.country not in have:
            tok = doc.char_span(p.start, p.end, alignment_mode="expand")
            if tok is not None and tok.root.dep_ in ("nsubj", "conj") and not covered(tok.root):
                have.add(p.country)
                out.append(ActorRef(None, p.start, p.end, "state_forces", p.country, "military"))
    return out


def _country_as_doer(doc: Doc, span: tuple[int, int] | None, places: Sequence[Place]) -> list[ActorRef]:
    """A country that is all of a doer's phrase ("Iran fired more than a dozen ballistic missiles",
    "Russia struck Kyiv") is its armed forces."""
    sp = doc.char_span(*span, alignment_mode="expand") if span is not None else None
    words = [t for t in sp if t.pos_ not in ("DET", "PUNCT")] if sp is not None else []
    if not words or sp.root.dep_ != "nsubj":
        return []  # (not "armed men from Somalia", nor a phrase the parse did not make the subject)
    first, last = words[0].idx, words[-1].idx + len(words[-1])
    country = next((p for p in places if p.feature_type == "country" and p.start <= first and last <= p.end), None)
    return [ActorRef(None, country.start, country.end, "state_forces", country.country, "military")] if country else []


def _subject_of_a_deed(doc: Doc, place: Place, lex: Lexicon) -> bool:
    """The place is the subject of a verb of one of :data:`_STATE_DEED_FRAMES` ("Iran fired")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj":
        return False
    verb = span.root.head
    return verb.pos_ == "VERB" and lex.triggers.get((_lemma(verb),)) in _STATE_DEED_FRAMES


def _speaker(doc: Doc, ref: ActorRef) -> bool:
    """The actor is in the subject of a verb of telling: "a member of the PDF told Reuters"."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    # (the group itself as the subject claims the deed: "Al Shabaab said its fighters ...")
    return verb is not None and _lemma(verb) in _TELLING and any(
        c.dep_ == "nsubj" and c.i != span.root.i and span.root in c.subtree for c in verb.children)


def _attributes(doc: Doc, ref: ActorRef, m: Mention) -> bool:
    """Is the actor who a report is attributed to after the deed ("..., police said")?"""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.idx > m.trigger[0] \
        and _lemma(span.root.head) in _TELLING


#: prepositions whose object is what a deed was done to: "fired on police", "an attack against troops"
_AGAINST = frozenset({"on", "at", "against", "upon"})


def _done_to(doc: Doc, ref: ActorRef) -> bool:
    """The actor is what a verb was done to, not its doer: the object of "killing two
    gendarmes", "attacked a gendarmerie post", or of "on"/"against" ("opened fire on soldiers")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "poss", "conj", "appos") and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("dobj", "obj", "nsubjpass"):
        return head.head.pos_ in ("VERB", "AUX")
    return head.dep_ == "pobj" and head.head.lower_ in _AGAINST


def _actor_before(doc: Doc, start: int, sent_actors: Sequence[ActorRef]) -> tuple[int, int] | None:
    """An actor named a few words before a verb trigger the parse gave no subject
    ("a Taliban sniper shot and killed ..."): only nouns, adjectives and a coordinated
    verb may stand between them.  Not the object of a verb before it: in "killing four
    civilians and wounding 12" the civilians are no one's attackers."""
    before = [a for a in sent_actors if a.end <= doc[start].idx]
    if not before:
        return None
    actor = max(before, key=lambda a: a.end)
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    trig = doc[start]
    if span is not None and span.root.dep_ in ("dobj", "obj") and span.root.head.i in (trig.i, trig.head.i) \
            and (trig.dep_ == "conj" or span.root.head.i == trig.i):
        return None  # the victims of the verb it is coordinated with
    between = [t for t in doc[start - 6 if start >= 6 else 0 : start] if t.idx >= actor.end]
    if len(between) > 4 or any(t.pos_ in ("PUNCT", "ADP", "SCONJ", "PRON", "AUX") or t.lower_ in ("who", "which")
                               for t in between):
        return None
    return actor.start, actor.end


def _clauses_apart(doc: Doc, date: dates_mod.DateMention, head: Token, participles: bool = True) -> list[Token]:
    """The relative clauses (and participles modifying a noun: "a recently passed media bill",
    with ``participles``) a date sits in that the event's trigger is not part of."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return []
    return [a for a in span[0].ancestors
            if (a.dep_ in ("relcl", "acl") or participles and a.dep_ == "amod" and a.tag_ in ("VBN", "VBG"))
            and a.i != head.i and a not in head.ancestors and head not in a.subtree]


def _dates_anothers_deed(doc: Doc, date: dates_mod.DateMention, head: Token, lex: Lexicon) -> bool:
    """A day told in a relative clause the trigger is not part of, about a deed of its own
    ("suspects believed to be linked to an attack on a church on 23/03"; not "two men who were
    returning from the market on Sunday")."""
    if date.precision > 3:
        return False
    return any(t.i != head.i and t.ent_type_ not in ("DATE", "TIME") and (_lemma(t),) in lex.triggers
               for c in _clauses_apart(doc, date, head, participles=False) for t in c.subtree)


def _in_relative_clause(doc: Doc, date: dates_mod.DateMention, head: Token) -> bool:
    """True when a date sits in a relative clause (or a participle) the event's trigger is not
    part of."""
    return bool(_clauses_apart(doc, date, head))


def _labour_strike(doc: Doc, head: Token, agent_span, patient_span, lex: Lexicon) -> bool:
    """"Teachers strike over pay", "students struck over test grades": a strike with no target
    whose strikers are civilians is a protest, not an attack."""
    if _lemma(head) != "strike" or patient_span is not None:
        return False
    agent = _phrase_head(doc, agent_span)
    return agent is not None and agent.lower_ in lex.people.civilian | lex.people.crowd \
        and agent.lower_ not in lex.people.armed


def _headline(sent: SpacySpan) -> bool:
    """A sentence without a verb: "Pokot attack Luhya farmers", "Raiders attack village"."""
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _verb_read_as_noun(tok: Token, sent: SpacySpan, lex: Lexicon) -> bool:
    """A headline's present-tense verb the parser took for a noun: between a noun and a noun
    phrase it cannot modify ("Orma youths attack journalists", "rival clan assault four farmers"),
    before "and" and a verb ("Rioters attack and injure journalists"), or before a victim in a
    clause with no verb ("Supporters of a rival party attack ODM supporters; one woman hurt")."""
    if not (sent.start < tok.i < sent.end - 1) or tok.tag_ not in ("NN", "NNS"):
        return False
    prev, nxt = tok.nbor(-1), tok.nbor(1)
    people_word = nxt.lower_ in lex.people.civilian or nxt.lower_ in lex.people.armed
    if _noun_between_nouns(tok, prev, nxt, people_word):
        return True
    return prev.pos_ in ("NOUN", "PROPN") and (nxt.pos_ in ("NUM", "DET", "PROPN") or people_word) \
        and _verbless_clause(tok, sent)


def _noun_between_nouns(tok: Token, prev: Token, nxt: Token, people_word: bool) -> bool:
    """The verb between two nouns, or before "and" and a verb (see :func:`_verb_read_as_noun`)."""
    if prev.pos_ not in ("NOUN", "PROPN"):
        return False
    if nxt.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ == "VERB" and c.i > nxt.i for c in tok.children):
        return True  # "Rioters attack and injure journalists": coordinated with a verb
    if nxt.dep_ == "cc" and tok.tag_ == "NNS" and prev.tag_ in ("NN", "NNP") and tok.dep_ == "nsubj" \
            and tok.head.tag_ == "VBZ" and tok.head.i > nxt.i:
        return True  # "A mob attacks and stops a wedding": the first verb read as the subject
    # a bare person noun after it is its object ("sect attack woman", "group attacks campaigner"),
    # unless it is the subject of a verb of its own ("after the Garissa attack police said")
    person = people_word and nxt.dep_ not in ("nsubj", "nsubjpass")
    if tok.tag_ == "NNS":
        # "Unidentified group attacks hospital employee": a singular subject and a verb in -s
        return prev.tag_ in ("NN", "NNP") and (nxt.pos_ in ("NOUN", "PROPN", "NUM", "DET", "ADJ") or person)
    # what follows opens a victim's noun phrase, not a compound ("attack helicopters")
    victim = nxt.pos_ in ("NUM", "DET", "PROPN") or people_word
    return victim and (prev.tag_ in ("NNS", "NNPS") or nxt.tag_ in ("CD", "NNS", "NNPS") or person)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _verbless_clause(tok: Token, sent: SpacySpan) -> bool:
    """No finite verb in the clause around ``tok`` (the sentence, split at semicolons)."""
    start = next((t.i + 1 for t in reversed(sent[: tok.i - sent.start]) if t.text == ";"), sent.start)
    end = next((t.i for t in sent[tok.i - sent.start + 1 :] if t.text == ";"), sent.end)
    return not any(t.tag_ in _FINITE_TAGS for t in sent.doc[start:end])


def _headline_roles(doc: Doc, trig: Token, sent: SpacySpan, agent: tuple[int, int] | None
                    ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Agent and patient of a verb the parser took for a noun: the words before it (after an
    opening adverbial: "On Monday, rioters attack ..."), and the words after it up to a
    preposition or punctuation."""
    start = sent.start
    if sent[0].pos_ == "ADP":
        comma = next((t.i for t in sent if t.text == "," and t.i < trig.i), None)
        start = comma + 1 if comma is not None else start
    before = [t for t in sent if start <= t.i < trig.i and not t.is_punct]
    after = []
    for t in sent:
        if t.i <= trig.i:
            continue
        if t.pos_ in ("ADP", "PUNCT", "CCONJ", "SCONJ"):
            break
        after.append(t)
    return agent or _span_tokens(doc, before), _span_tokens(doc, after)


def _chunk_before(start: int, sent: SpacySpan, chunks: dict[int, tuple[int, int, int]]) -> tuple[int, int] | None:
    """The noun phrase right before a trigger, when the parse gave it no subject (``chunks``:
    :func:`_chunks_by_end` of the doc)."""
    chunk = chunks.get(start)
    if chunk is not None and chunk[0] >= sent.start:
        return chunk[1], chunk[2]
    return None


def _chunks_by_end(doc: Doc) -> dict[int, tuple[int, int, int]]:
    """Noun chunks of ``doc`` by their end token: (start token, start char, end char); the
    first chunk ending at a token when several do."""
    out: dict[int, tuple[int, int, int]] = {}
    for chunk in doc.noun_chunks:
        out.setdefault(chunk.end, (chunk.start, chunk.start_char, chunk.end_char))
    return out


def _nationals(doc: Doc, span: tuple[int, int], ctx: Context) -> list[ActorRef]:
    """ "arrested 12 Palestinians", "shot dead two Israelis": people named by their nationality
    alone are civilians of their country."""
    head = _phrase_head(doc, span)
    if head is None or ctx.demonym_iso is None or head.tag_ not in ("NNPS", "NNS") or not head.lower_.endswith("s"):
        return []
    iso = ctx.demonym_iso(head.text[:-1])
    return [ActorRef(None, span[0], span[1], "civilians", iso, "civilians")] if iso else []


def _national_attack(doc: Doc, span: tuple[int, int], ctx: Context) -> list[ActorRef]:
    """ "repelled a Russian assault": the attack a country's adjective tells is its forces'."""
    head = _phrase_head(doc, span)
    if head is None or ctx.demonym_iso is None or _lemma(head) not in _ATTACK_NOUNS:
        return []
    iso = _modifier_country(head, ctx.demonym_iso)
    return [ActorRef(None, span[0], span[1], "state_forces", iso, "military")] if iso else []


def _modifier_country(tok: Token, demonym_iso: Callable[[str], str | None] | None) -> str | None:
    """The country a demonym modifying ``tok`` names ("the Ethiopian government", "a Russian
    assault"), or None."""
    return next((c for a in tok.children if a.dep_ in ("amod", "compound") and demonym_iso
                 and (c := demonym_iso(a.text))), None)


def _died_fighting(verb: Token, lex: Lexicon) -> bool:
    """"died in clashes with IS", "died in an ambush by Al Shabaab": a death told in a fight."""
    fights = {w for name in ("clash", "ambush") for w in lex.frames[name].triggers if " " not in w}

    def a_fight(noun: Token) -> bool:  # (not one told before: "died in the fighting")
        return noun.dep_ == "pobj" and _lemma(noun) in fights and (
            not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)
            or any(c.dep_ == "prep" and c.lower_ in ("with", "between", "by", "against") for c in noun.children))
    return verb.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(map(a_fight, c.children))
                                       for c in verb.children)


#: dependents that are clauses of their own
_OWN_CLAUSES = frozenset({"advcl", "relcl", "acl", "ccomp", "pcomp"})


def _in_own_clause(tok: Token, top: Token) -> bool:
    """Is ``tok`` in a clause with a subject of its own below ``top`` (its ancestor)?"""
    return top in tok.ancestors and any(a.dep_ in _OWN_CLAUSES and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)
                                        for a in _path_up(tok, top))


def _path_up(tok: Token, top: Token) -> list[Token]:
    """The tokens from ``tok`` up to ``top`` (its ancestor), ``tok`` included, ``top`` not."""
    path = []
    while tok != top and tok.head != tok:
        path.append(tok)
        tok = tok.head
    return path


def _victims_from_words(doc: Doc, span: tuple[int, int], lex: Lexicon) -> list[ActorRef]:
    """ "1 soldier was killed", "two policemen": victims named only by a common noun (not the
    places an attack is told at: "repelled a Russian assault near Krynky village")."""
    words = _words(doc, span)
    head = _phrase_head(doc, span)
    if head is not None and _lemma(head) in _ATTACK_NOUNS:
        words = {t.lower_ for t in head.subtree if not any(a.dep_ == "prep" and a.lower_ != "of"
                                                          for a in _path_up(t, head))}
    elif head is not None:
        # (nor who does something in a clause of their own: "a man accused of killing a child
        # before police arrived")
        sp = doc.char_span(*span, alignment_mode="expand") or []
        words = {t.lower_ for t in sp if not _in_own_clause(t, head)}
    people = lex.people
    if words & _OFFICERS and _civilian_officers(doc, span, people):
        words = (words - _OFFICERS) | {"official"}  # "a returning officer" holds a civilian post
    for role, vocab in (("police", people.police), ("military", people.military), ("civilians", people.civilian)):
        if words & vocab:
            kind = "civilians" if role == "civilians" else "state_forces"
            return [ActorRef(None, span[0], span[1], kind, None, role)]
    return []


def _coordinated_states(doc: Doc, span: tuple[int, int] | None, found: list[ActorRef], ctx: Context) -> list[ActorRef]:
    """State forces named by coordinated demonyms: "Syrian or Russian jets" -> both armies."""
    if span is None or ctx.demonym_iso is None:
        return []
    have = {a.country for a in found} | {ctx.country_of(a.name) for a in found if a.name and ctx.country_of}
    extra: list[ActorRef] = []
    for tok in doc.char_span(*span, alignment_mode="expand") or []:
        if tok.pos_ not in ("ADJ", "PROPN"):
            continue
        iso = ctx.demonym_iso(tok.text)
        if iso and iso not in have:
            have.add(iso)
            extra.append(ActorRef(None, tok.idx, tok.idx + len(tok), "state_forces", iso, "military"))
    return extra


TERRITORY_NOUNS = PLACE_NOUNS | frozenset(
    "base bases position positions territory territories post posts outpost checkpoint checkpoints hill "
    "hills airport port road highway bridge stronghold enclave pocket front line frontline neighbourhood "
    "neighborhood quarter suburb suburbs villages towns cities areas parts headquarters barracks garrison "
    "camps hilltop mountain ridge heights".split()
)


def _names_ground(doc: Doc, span: tuple[int, int]) -> bool:
    """Does the phrase name populated ground by a common noun ("several villages", "the town of X")?"""
    sp = doc.char_span(*span, alignment_mode="expand")
    return sp is not None and any(t.lemma_.lower() in GROUND_NOUNS for t in sp)


GROUND_NOUNS = frozenset("town city village province district region area territory neighbourhood neighborhood "
                         "suburb locality base stronghold enclave hill airport outpost garrison barracks".split())


def _names_territory(doc: Doc, span: tuple[int, int], places: Sequence[Place]) -> bool:
    """Does the phrase name a place or a piece of ground ("the town", "army positions", "Kabul")?"""
    if any(span[0] <= p.start and p.end <= span[1] for p in places):
        return True
    sp = doc.char_span(*span, alignment_mode="expand")
    return sp is not None and any(_ground_word(t) for t in sp)


def _ground_word(tok: Token) -> bool:
    """A word for ground ("town", "positions") or one the model tags as a place."""
    return tok.lemma_.lower() in TERRITORY_NOUNS or tok.lower_ in TERRITORY_NOUNS or tok.ent_type_ in ("GPE", "LOC", "FAC")


def _heads_territory(doc: Doc, span: tuple[int, int], places: Sequence[Place]) -> bool:
    """Is the phrase's head a place or a piece of ground ("the town of Bulo Burte", "Kidal"), not
    a building in one ("a hotel in Mogadishu")?"""
    sp = doc.char_span(*span, alignment_mode="expand")
    if sp is None:
        return False
    head = sp.root

    def ground(t: Token) -> bool:
        return any(p.start <= t.idx < p.end for p in places) or _ground_word(t) or t.pos_ == "PROPN"

    for _ in range(2):  # "control of the town", "much of the city", "parts of Idlib", "control over"
        if head.lemma_.lower() not in OF_NOUNS | _SHARE_WORDS:
            break
        of = _prep_object(head, "of") or (_prep_object(head, "over") if head.lemma_.lower() in OF_NOUNS else None)
        if of is None and (misplaced := _misplaced_of(head.head)) is not None and head.dep_ in ("dobj", "obj"):
            of = next((g for g in misplaced.children if g.dep_ == "pobj"), None)  # "took control of X"
        if of is None or _ground_word(head) and not ground(of):
            break  # ("an area of 120 km2": the area)
        head = of
    return ground(head)


#: words for a share or a number of something, whose "of" names it ("much of the city", "a
#: number of towns")
_SHARE_WORDS = frozenset({"much", "most", "all", "part", "parts", "swathe", "swathes", "rest", "half", "some",
                          "section", "sections", "area", "areas", "outskirts", "remainder", "number",
                          "dozens", "string", "series", "handful", "couple", "several", "many"})


def _communal(m: Mention) -> bool:
    """A clash told as ethnic, tribal or between communities whose sides are no crowd of
    supporters, students, ... (``unarmed_side``) and no state force: communal militias."""
    return "communal" in m.cues and not m.cues & {"unarmed_side", "state_actor"}


def _unarmed_clash(m: Mention, ctx: Context) -> bool:
    kinds = {_kind(a, ctx) for a in m.agents + m.patients}
    if kinds & {"rebel_group", "political_militia", "identity_militia", "external_forces"}:
        return False
    if "armed_agent" in m.cues and "state_agent" not in m.cues:
        return False  # "Ethiopian raiders clash with police and civilians": armed men fight
    if _communal(m):
        return False  # "ethnic clashes", "clashes between two communities": communal militias
    if "civilian_agent" in m.cues and "state_agent" not in m.cues and "unarmed_side" in m.sent_cues:
        return True  # "supporters of the TLP blocked roads and clashed with police": a crowd fought
    if "state_forces" in kinds and len(kinds - {"state_forces", "unknown"}) == 0 and "unarmed_side" not in m.cues:
        return False
    if not kinds - {"unknown", "civilians"} and "unarmed_side" in m.sent_cues and "armed_actor" not in m.cues:
        return True  # the sides named where the parse did not find them: "Two groups of students ... clash"
    return "unarmed_side" in m.cues or bool(kinds & {"protesters", "rioters", "civilians"})


def _rival_crowds(doc: Doc, m: Mention, agent_span, patient_span, ctx: Context) -> bool:
    """An unarmed clash between two crowds with no state force on either side: "X and Y
    supporters clashed", "protesters clashed with supporters of the governor", "rival youths"."""
    if "state_forces" in {_kind(a, ctx) for a in m.agents + m.patients} or "armed_victim" in m.cues:
        return False
    if patient_span is not None and "civilian_victim" in m.cues:
        return True
    ags = doc.char_span(*agent_span, alignment_mode="expand") if agent_span is not None else None
    if ags is not None and any(t.dep_ == "cc" and t.lower_ == "and" for t in ags):
        return True
    pat = _phrase_head(doc, patient_span)
    if pat is not None and pat.lower_ == "those" and any(c.lower_ == "of" for c in pat.children):
        return True  # "supporters of Mbadi clash with those of Omondi"
    low = doc_text(doc)[m.sent_start : m.sent_end].lower()
    return "rival" in m.sent_cues or any(w in low for w in _EACH_OTHER_WORDS)


#: what says a place changed hands without a fight, in the capture's sentence or the next
_NO_FIGHT = re.compile(r"\b(?:without(?: \w+){0,4}? (?:fight|fighting|resistance|violence|clash|clashes|battle"
                       r"|bloodshed|shot|shots|gunshot|gunfire)|unopposed|no (?:resistance|fighting)"
                       r"|no violence (?:was )?reported)\b")
#: what says the losers left, in the capture's own sentence (anywhere in a word, as written):
#: "handed over", "handed the town over", "handed authority over Eastern Slavonia to Zagreb"
_WITHDREW = re.compile(r"after the withdrawal|withdrew|withdrawn|pulled out|hand(?:ed|s|ing)?(?: \w+){0,2} over"
                       r"|peacefully")


#: what says the place was fought for, which the losers' leaving does not undo ("took control of
#: Lalibela after clashes with ENDF troops, who withdrew from the town")
_FOUGHT = re.compile(r"\bafter (?:\w+ ){0,3}(?:clash(?:es)?|fighting|fights?|battles?|gunfights?|exchanges? of fire)\b")


#: verbs of taking that take people as well as places ("captured Otoniel"; not "overtook Bula Golol")
_TAKING_PEOPLE = frozenset({"capture", "seize", "nab"})


def _takes_someone(verb: Token, noun: Token | None, ctx: Context) -> bool:
    """Is what ``verb`` took someone: a verb that takes people as well as places, and a name that
    is no place's nor group's ("the military captured Otoniel in Necocli")?"""
    return _lemma(verb) in _TAKING_PEOPLE and noun is not None and noun.pos_ == "PROPN" and noun.ent_type_ not in ("GPE", "LOC", "FAC", "NORP") \
        and not any(p.start <= noun.idx < p.end for p in ctx.places) \
        and not any(a.start <= noun.idx < a.end for a in ctx.actors)


def _people_captured(doc: Doc, m: Mention, verb: Token, patient_span: tuple[int, int], ctx: Context,
                     lex: Lexicon) -> str | None:
    """What taking people with no fight told is: the state's forces arrest ("soldiers captured a
    Clan del Golfo leader"), armed men abduct civilians ("Al Shabaab militants captured 6
    civilians"); None when a fight is told, or someone is freed."""
    if _lemma(verb) in _FREEING_VERBS or m.cues & {"fighting", "gun_fight"} or not m.agents:
        return None
    noun = _phrase_head(doc, patient_span)
    if noun is None:
        return None
    kinds = {_kind(a, ctx) for a in m.agents}
    taken = _lemma(noun)
    person = _takes_someone(verb, noun, ctx)
    if kinds == {"state_forces"} and (taken in lex.words.ranks or taken in lex.words.members - {"soldier", "troop"}
                                      or person):  # ("the military captured Otoniel in Necocli")
        return "Arrests"
    if kinds & _NON_STATE_ARMED and ("civilian_victim" in m.cues and "armed_victim" not in m.cues or person):
        return "Abduction/forced disappearance"
    return None


def _capture_type(m: Mention, doc: Doc, ctx: Context) -> str:
    text = doc_text(doc)
    low = text[m.sent_start : m.sent_end].lower()
    # ("Al Shabaab overtook Milimani village on the night of 18/07. No violence was reported.")
    following = text[m.sent_end : m.sent_end + 120].split("\n", 1)[0].lower()
    if _NO_FIGHT.search(low) or _NO_FIGHT.search(following) or _WITHDREW.search(low) and not _FOUGHT.search(low):
        return "Non-violent transfer of territory"
    kinds = {_kind(a, ctx) for a in m.agents}
    nonstate = kinds & {"rebel_group", "political_militia", "identity_militia", "external_forces"}

    def state(a: ActorRef) -> bool:
        return _kind(a, ctx) == "state_forces" or a.generic in ("military", "police", "state_military", "government")

    states = [a for a in m.agents if state(a)]
    if states and not (nonstate and not state(m.agents[0])):  # "M23 fighters backed by Rwandan troops"
        # a foreign state's forces that take a place abroad overtake it as a non-state actor
        # would (ACLED): "Russia said it had captured the village of Klishchiivka"; the place
        # taken is the first written after the capture
        inside = [p for p in ctx.places
                  if m.sent_start <= p.start < m.sent_end and p.feature_type != "country" and p.country]
        taken = [p for p in inside if p.start >= m.trigger[1]][:1] or inside
        where = {p.country for p in taken}
        homes = {a.country or (ctx.country_of(a.name) if a.name and ctx.country_of else None) for a in states}
        if where and None not in homes and not homes & where:
            return "Non-state actor overtakes territory"
        return "Government regains territory"
    if nonstate:
        return "Non-state actor overtakes territory"
    return "Armed clash"


# ---------------------------------------------------------------------------------------
# Merging mentions into events
# ---------------------------------------------------------------------------------------


#: places this close in one first-level division are one scene ("in downtown Nairobi on Moi Avenue")
SAME_SCENE_KM = 5.0


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    """Can one event have happened at both places (the same place, one inside the other, or
    one scene named twice)?"""
    if a is None or b is None:
        return True
    if a.gazetteer_id == b.gazetteer_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    ra, rb = PLACE_RANK.get(a.feature_type, 1), PLACE_RANK.get(b.feature_type, 1)
    if ra == rb:
        return ra == 0 and bool(a.admin1) and _norm(a.admin1) == _norm(b.admin1) \
            and _km(a.lat, a.lon, b.lat, b.lon) <= SAME_SCENE_KM
    wide, narrow = (a, b) if ra > rb else (b, a)
    if wide.feature_type == "country":
        return narrow.country == wide.country
    return bool(narrow.admin1) and _norm(narrow.admin1) == _norm(wide.name)


def _norm(s: str | None) -> str:
    return _norm_text(s or "")


@functools.lru_cache(maxsize=65_536)
def _norm_text(s: str) -> str:
    """Lower-cased letters and digits of a name (names repeat: read once)."""
    return "".join(ch for ch in s.lower() if ch.isalnum())


def _dates_compatible(a: Mention | _Draft, b: Mention) -> bool:
    da = a.date.date if a.date else None
    db = b.date.date if b.date else None
    return da is None or db is None or da == db


@dataclass
class _Draft:
    mentions: list[Mention]
    sub_event_type: str
    date: dates_mod.DateMention | None = None
    place: Place | None = None
    precision: int = 1
    #: the other places of the list its place is written in: one event at each
    listed: list[Place] = field(default_factory=list)

    @property
    def sent_span(self) -> tuple[int, int]:
        """Character offsets from the start of its first mention's sentence to the end of its last's."""
        return min(x.sent_start for x in self.mentions), max(x.sent_end for x in self.mentions)

    def told_before(self, m: Mention) -> bool:
        """Is ``m`` told in a later sentence close by (within 400 characters of its last)?"""
        return 0 <= m.sent_start - max(x.sent_end for x in self.mentions) < 400

    def absorb(self, m: Mention) -> None:
        """Add a mention; the event's type follows ACLED precedence, except that a killing
        ("..., killing five") only reports the toll of the event it belongs to."""
        first = not self.mentions
        same_sentence = any(x.sent_start == m.sent_start for x in self.mentions)
        only_generic = all(x.generic for x in self.mentions)
        self.mentions.append(m)
        # what a mob burns with no demonstration named is its own violence ("beaten to death
        # and set on fire by residents")
        mob_burns = m.sub_event_type == "Violent demonstration" and self.sub_event_type == "Mob violence" \
            and "protest" not in m.sent_cues
        if m.sub_event_type and not first and not mob_burns:
            same_family = _family(m.sub_event_type) == _family(self.sub_event_type)
            if same_sentence and _violent_demonstrators(self, m):
                self.sub_event_type = "Violent demonstration"
            elif not m.generic and only_generic and same_family and not (
                    # armed men who stormed or attacked a force fought it, whoever else they took
                    # ("rebels stormed a police camp, killing seven people and kidnapping three")
                    SUB_EVENT_TYPES[self.sub_event_type] == "Battles"
                    and SUB_EVENT_TYPES[m.sub_event_type] == "Violence against civilians"
                    and any(x.frame not in TOLL_FRAMES and x.sub_event_type == self.sub_event_type for x in self.mentions)
            ) and not (
                    SUB_EVENT_TYPES[m.sub_event_type] == SUB_EVENT_TYPES[self.sub_event_type] == "Protests"
                    and PRECEDENCE[m.sub_event_type] > PRECEDENCE[self.sub_event_type]
                    and any(x.agents and {"armed_agent", "state_actor"} <= x.cues
                            or _dead_at_protest(x) and x.sub_event_type == self.sub_event_type
                            for x in self.mentions)):
                # "71 killed ... accused of bombing"; but police who shot at peaceful protesters,
                # or a protest at which people were killed ("3 people were shot dead during
                # protests. Protesters were enraged over ..."), used excessive force, whatever
                # the protest's own mention says
                self.sub_event_type = m.sub_event_type
            elif m.generic and not only_generic or m.refers_only \
                    or m.cause_only and _family(self.sub_event_type) == "demonstration":
                pass  # (what a protest is about types nothing: "protested his arrest")
            elif (m.create or (same_family and (same_sentence or _family(m.sub_event_type) != "violence"))) \
                    and PRECEDENCE[m.sub_event_type] < PRECEDENCE[self.sub_event_type] \
                    and not (m.sub_event_type == "Protest with intervention"
                             and SUB_EVENT_TYPES[self.sub_event_type] == "Riots"):
                # police who intervene make a protest one with intervention; a riot or a mob
                # they break up stays what it was
                self.sub_event_type = m.sub_event_type
        if m.refers_only:
            return
        if m.date and (self.date is None or m.date.precision < self.date.precision):
            self.date = m.date
        if m.place and (
            self.place is None
            or m.restates and (m.place.country == self.place.country or not self.place.country) and (
                (PLACE_RANK.get(m.place.feature_type, 1), m.precision)
                < (PLACE_RANK.get(self.place.feature_type, 1), self.precision))
            or m.create and PLACE_RANK.get(m.place.feature_type, 1) < PLACE_RANK.get(self.place.feature_type, 1)
            or m.create and _within_city(m.place, self.place)
            or not m.create and _places_compatible(self.place, m.place)
            and PLACE_RANK.get(m.place.feature_type, 1) < PLACE_RANK.get(self.place.feature_type, 1)
        ):
            self.place, self.precision, self.listed = m.place, m.precision, m.listed


#: demonstrations a crowd's own violence in their clause makes violent ones
_CALM_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})


def _violent_demonstrators(d: _Draft, m: Mention) -> bool:
    """Is a crowd's violence told in its protest's clause ("students attacked and injured three
    teachers in protest against ...", "protesting students attacked three teachers"): the
    demonstration turned violent, whoever intervened?"""
    mob = [x for x in (m, *d.mentions) if x.sub_event_type == "Mob violence" and x.create and not x.cause_only
           and x.sent_start == m.sent_start and "protest" in x.cues and "rival_crowds" not in x.cues]
    return bool(mob) and {m.sub_event_type, d.sub_event_type} & _CALM_PROTESTS \
        and "Mob violence" in (m.sub_event_type, d.sub_event_type)


def _dead_at_protest(m: Mention) -> bool:
    """A toll with no killer named ("3 people were shot dead during protests")."""
    return m.frame in TOLL_FRAMES and "has_agent" not in m.cues


#: sub-event types of a change of control of a place
TERRITORIAL_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                               "Non-violent transfer of territory"})

#: frames that report what an event caused rather than the event itself
CONSEQUENCE_FRAMES = frozenset({"killing"})
#: frames whose mention with no place or day of its own is the toll of the event told before it
TOLL_FRAMES = frozenset({"killing", "wounding"})

FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
}


def _family(sub: str | None) -> str | None:
    if sub is None:
        return None
    t = SUB_EVENT_TYPES[sub]
    return FAMILY.get(t, t)


#: harm done to people told with no doer of its own: what happened to those arrested
CUSTODY_HARM_FRAMES = frozenset({"beating", "killing", "wounding", "body_found"})


def _violence_in_custody(drafts: list[_Draft]) -> None:
    """Arrested people beaten, killed or found dead, in the arrest's sentence or the next, with
    no one else named as doing it ("herders were detained and beaten by the Kenyan military",
    "police apprehended four members of a family ... One was beaten and three were found
    dead"): the arrest is an attack on them by the arresting force, as ACLED codes it."""
    for d in [d for d in drafts if d.sub_event_type == "Arrests"]:
        sents = {x.sent_start for x in d.mentions}
        end = d.sent_span[1]

        def in_custody(v: _Draft) -> bool:
            near = any(x.sent_start in sents or 0 <= x.sent_start - end < 3 for x in v.mentions)
            return near and v.sub_event_type == "Attack" and all(
                x.frame in CUSTODY_HARM_FRAMES and not x.agents and "has_agent" not in x.cues for x in v.mentions)

        harm = next((v for v in drafts[drafts.index(d) + 1 :] if in_custody(v)), None)
        if harm is not None:
            for x in harm.mentions:
                d.absorb(x)
            d.sub_event_type = "Attack"
            drafts.remove(harm)


def _ambushes_of_civilians(drafts: list[_Draft]) -> None:
    """An ambush that says nothing of whom it hit is an armed clash by default; when the event's
    other mentions name only civilian victims ("gunmen laid an ambush ... a man was shot dead",
    "attacks and kills civilians in ambush"), it is an attack on them."""
    for d in drafts:
        ambushes = [x for x in d.mentions if x.frame == "ambush"]
        others = [x for x in d.mentions if x.frame != "ambush" and x.sub_event_type]
        if (d.sub_event_type == "Armed clash" and ambushes and others
                and not any(x.cues & {"armed_victim", "armed_both"} for x in d.mentions)
                and not any("state_agent" in x.cues for x in ambushes)  # (police ambush raiders)
                and all(x.sub_event_type == "Attack" for x in others)
                and any("civilian_victim" in x.cues for x in others)):
            d.sub_event_type = "Attack"


def _holds_ground(place: Place | None) -> bool:
    """Whether a change of control can be coded at ``place``: a place below a country (a whole
    country does not change hands: "the coalition is on retreat in central Yemen")."""
    return place is not None and place.feature_type != "country"


def _told_apart(x: Mention, m: Mention) -> bool:
    """``m``, done by a side named, and ``x`` are told in clauses of their own, and that side is
    not said to do ``x`` ("junta troops torched 200 houses, and the PDF said its fighters killed
    15 soldiers in an ambush")."""
    sides_x, sides_m = _named_sides(x.agents), _named_sides(m.agents)
    return not _within(x, m) and not _within(m, x) and bool(sides_m) and sides_x.isdisjoint(sides_m)


def _apart(d: _Draft, m: Mention) -> bool:
    """``m`` tells another event than ``d`` in a clause of its own: by another side ("Fano
    militiamen attacked ENDF positions, and government drones struck a market") or of another
    kind than the one ``d`` names ("jihadists killed 15 VDP in an ambush, while the army said air
    strikes killed dozens of militants"); not the weapon of a toll told alone ("2 soldiers were
    killed and 7 injured when their vehicle ran over an IED")."""
    told = [x for x in d.mentions if x.sent_start == m.sent_start]
    if told and m.separate_at is not None and all(x.trigger[1] <= m.separate_at for x in told):
        return True  # "Bandits abducted 30 students, and in a separate attack gunmen killed 12 villagers"
    if not told or any(_within(x, m) or _within(m, x) for x in told):
        return False
    # (who a toll's verb names as killing or hurting is no side told apart: "two officers died
    # while three others were injured after militants ambushed ...")
    sides_d = _named_sides([a for x in told if x.frame not in TOLL_FRAMES for a in x.agents])
    sides_m = _named_sides(m.agents)
    return bool(sides_m and sides_d) and sides_m.isdisjoint(sides_d) \
        or not m.generic and m.sub_event_type != d.sub_event_type and not all(x.generic for x in told)


def _within(a: Mention, b: Mention) -> bool:
    """``a``'s trigger is in ``b``'s clause."""
    return b.clause[0] <= a.trigger[0] and a.trigger[1] <= b.clause[1]


def _told_alone(mentions: list[Mention], lex: Lexicon) -> None:
    """An undecided trigger with an ``alone_type`` is that event when its sentence reports no
    other (homes burnt are a property destruction only when no other trigger, however weak,
    tells of an attack; a death told with no doer tells none: "three villagers died when junta
    troops torched their homes"); a change of control also needs a place below a country."""
    for m in mentions:
        if m.alone_type is None or not m.undecided or any(
                (x.create or x.undecided and m.alone_type == "Looting/property destruction"
                 and x.alone_type != m.alone_type  # ("looted shops and torched the market": one)
                 and not (lex.frames[x.frame].subject_is_victim and not x.agents)
                 and x.frame != "encirclement")  # (a siege is no attack: "besieged Lere and burned two trucks")
                and x is not m and x.sent_start == m.sent_start and not _told_apart(x, m)
                for x in mentions):
            continue  # ("militias burn homes and attack civilians": the attack's)
        territorial = m.alone_type in TERRITORIAL_TYPES
        if territorial and not _holds_ground(m.place):
            continue
        m.sub_event_type, m.territorial, m.create, m.undecided = m.alone_type, territorial, True, False


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})
#: the dead of a body found, told as someone told of before: "He was found dead", "his body"
_VICTIM_AGAIN = _PERSONAL_PRONOUNS | _REMAINS | {"bodies", "corpses"}


#: words that tell a fight followed what was told before it
_ENSUING = frozenset({"ensuing", "subsequent", "resulting", "ensued"})


def _protest_causes(drafts: list[_Draft]) -> None:
    """Join a draft of a demonstration told only as what another one in its sentence followed
    ("two people were killed in the protest after security forces used tear gas to disperse
    demonstrators") to that one: the same protest."""
    for d in [d for d in drafts if _family(d.sub_event_type) == "demonstration"]:
        told = [x for x in d.mentions if x.create]
        if not told or not all(x.cause_only for x in told):
            continue
        host = next((o for o in drafts if o is not d and _family(o.sub_event_type) == "demonstration"
                     and any(x.sent_start == y.sent_start for x in o.mentions for y in told)), None)
        if host is not None:
            for x in d.mentions:
                host.absorb(x)
            drafts.remove(d)


def _told_twice(drafts: list[_Draft]) -> None:
    """Join a draft to an earlier one of the same sub-type told in the sentences just before it,
    at a compatible place and date: the same happening told again, which a mention of another
    type in its sentence drew into a draft of its own ("Schoolchildren were playing with a device
    when it exploded. At least five children have been killed in an explosion in Banisa")."""
    i = 0
    while i < len(drafts):
        d = drafts[i]
        twin = next((o for o in drafts[i + 1:] if o.sub_event_type == d.sub_event_type
                     and _family(d.sub_event_type) != "demonstration"
                     and 0 <= o.sent_span[0] - d.sent_span[1] < 400
                     and not any(x.retaliates for x in o.mentions)  # (what answers it is another)
                     and all(_dates_compatible(d, x) for x in o.mentions)
                     and _places_compatible(d.place, o.place)), None)
        if twin is None:
            i += 1
            continue
        for x in twin.mentions:
            d.absorb(x)
        drafts.remove(twin)


def _fight_that_follows(d: _Draft, m: Mention) -> bool:
    """A fight told in the sentence after an attack, by or against the attack's own perpetrators,
    is that attack (which becomes a battle): "bandits attacked Kapkondot ... The bandits clashed
    with local police reservists"."""
    if SUB_EVENT_TYPES.get(m.sub_event_type) != "Battles" or SUB_EVENT_TYPES[d.sub_event_type] == "Battles" \
            or _family(d.sub_event_type) != "violence":
        return False
    if not d.told_before(m):
        return False
    if m.ensuing:
        return True  # "an armed group attacked Shurr village. In the ensuing gunfight, ..."
    perpetrators = {a.name or a.generic for x in d.mentions for a in x.agents} - {None, "civilians"}
    return bool(perpetrators & {a.name or a.generic for a in m.agents + m.patients})


def _strike_in_battle(d: _Draft, m: Mention) -> bool:
    """An air strike or shelling told right after a battle, by one of its sides, is part of it
    (ACLED: an air strike during a ground battle is one battle): "Israeli forces raided the camp
    and clashed with militants. An IDF helicopter fired missiles"."""
    if m.sub_event_type not in _REMOTE_STRIKES or SUB_EVENT_TYPES[d.sub_event_type] != "Battles" or not m.agents:
        return False
    if not d.told_before(m):
        return False
    sides = {a.name for x in d.mentions for a in x.agents + x.patients} - {None}
    return all(a.name in sides for a in m.agents)


def _intervened(mentions: Sequence[Mention], d: _Draft, m: Mention) -> bool:
    """Force against the protest ``d`` is told after it and by the sentence of ``m``, which tells
    nothing else ("Teachers protested over pay. Police fired tear gas. Some were injured")."""
    told = min(x.sent_start for x in d.mentions)
    if any(x is not m and x.sent_start == m.sent_start and x.create and x.frame not in TOLL_FRAMES
           and x.frame != "protest_intervention" for x in mentions):
        return False  # the sentence tells an event of its own: "his motorbike hit and killed a person"
    # (or shots fired at the crowd: "Police fired live bullets at supporters protesting ...")
    return any(told <= x.sent_start <= m.sent_start and (x.frame == "protest_intervention" or "protest_lethal" in x.cues)
               for x in mentions)


def _told_in_its_sentence(d: _Draft, m: Mention) -> bool:
    """Is an act of violence ``d`` tells also told in ``m``'s sentence ("A vigilante member was
    shot dead during the attack": the attack is the one the shooting was in)?"""
    return _family(d.sub_event_type) == "violence" and any(x.sent_start == m.sent_start for x in d.mentions)


def _takes_toll(d: _Draft, m: Mention, mentions: Sequence[Mention]) -> bool:
    """The dead or hurt of the toll mention ``m`` (no place or date of its own) are those of the
    event ``d`` told in the sentences before it: an attack's, or a demonstration's when no one
    is named as killing them (a peaceful protest's only after force against it: otherwise its
    dead are its cause), or when the police named do so in the sentence that tells their
    intervention ("... riots broke out in Mombasa. Police intervened firing shots into the crowd
    - one man was injured") or right after a riot ("Post-election rioting ... Police shot 1 dead
    in response")."""
    family = _family(d.sub_event_type)
    if family == "demonstration" and m.agents:
        before = [x.sent_end for x in d.mentions if x.sent_start < m.sent_start]
        return bool(before) and m.sent_start - max(before) < 400 \
            and _only_kinds(m.agents, _STATE_KINDS) and (_intervened(mentions, d, m) or (
                "armed_victim" not in m.cues and (d.sub_event_type == "Violent demonstration" or (
                    # a mob's: only when it met the police, who answer it after ("... threw rocks at
                    # the police. Police fired at them, killing a 17-year-old"); not the mob's
                    # victims they shot ("a mob attacked two suspects. Police shot dead one of them")
                    d.sub_event_type == "Mob violence" and all(x.sent_start < m.sent_start for x in d.mentions)
                    and any("state_actor" in x.cues for x in d.mentions)))))
    if not d.told_before(m):
        return False
    return family == "violence" or family == "demonstration" and (
        d.sub_event_type != "Peaceful protest" or _intervened(mentions, d, m))


#: strikes from afar: told together (missiles and drones, air strikes and shelling) they are one
#: event, coded by the higher sub-type
_REMOTE_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _governed_killing(d: _Draft, m: Mention) -> bool:
    """``m`` is a killing no one else is named as doing, told in the clause of one of ``d``'s
    mentions ("attacks and kills", "..., killing one")."""
    return m.frame == "killing" and m.generic and any(
        x.create and x.sent_start == m.sent_start and (not m.agents or m.agents == x.agents) and _within(m, x)
        for x in d.mentions)


#: event types whose doers' later loot or destruction is part of them
_ATTACK_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


def _burnt_in_attack(drafts: Sequence[_Draft], m: Mention) -> bool:
    """``m`` is property burnt or destroyed, with no crowd or protest in its sentence, in the
    attack, fight or blast last drafted: told with no one named as doing it in or right after
    it, or in its clause by its doers ("Herders attacked farmers ..., killing 17 people and
    burning homes")."""
    if m.frame != "riot" or not drafts or SUB_EVENT_TYPES[drafts[-1].sub_event_type] not in _ATTACK_TYPES:
        return False
    if not m.agents and not m.cues & {"crowd", "crowd_agent", "mob"} and any(
            x.sent_start == m.sent_start and _within(m, x) and "armed_agent" in x.cues for x in drafts[-1].mentions):
        return True  # "fighters stormed the village, shooting and hacking residents and setting fire to homes"
    if (m.cues | m.sent_cues) & {"mob", "crowd", "protest"}:
        return False
    if m.agents or "has_agent" in m.cues:
        return any(x.sent_start == m.sent_start and _within(m, x) and not _told_apart(x, m) for x in drafts[-1].mentions)
    return drafts[-1].told_before(m) or any(x.sent_start == m.sent_start for x in drafts[-1].mentions)


def merge_mentions(mentions: Sequence[Mention], published: dt.date | None = None) -> list[_Draft]:
    """Group mentions of the same happening; drop those that only add details to nothing.  A
    detail another sentence dates long before ``published`` is another, older happening, no
    detail of an event told undated ("Police shot dead X. He was one of the militants behind the
    Mpeketoni attack in June 2014")."""
    drafts: list[_Draft] = []
    # sentences that tell more than a toll
    told = {m.sent_start for m in mentions if m.create and m.frame not in TOLL_FRAMES | {"body_found"}}
    for m in mentions:
        if not m.create:
            continue
        # (a toll told alone whose day is when it was said sets it apart from nothing: "The UN
        # said on Monday that at least 55 people had been killed")
        own_date = m.date is not None and m.sent_start <= m.date.start < m.sent_end \
            and not (m.date_said and m.frame in TOLL_FRAMES and m.sent_start not in told)
        shot = m.frame == "strike" and m.generic and not m.agents and "firearm" in m.cues  # "hit by a stray bullet"
        if (m.frame in TOLL_FRAMES or shot or m.named_again or m.victim_again) and not own_date:
            # "Three civilians were killed in the strike."; "Three blasts ... At least six are
            # dead and scores injured"; "... attacked by a mob. One killed" and "Police use live
            # bullets against rioters ... A person is killed in the cross fire" (the dead of a
            # riot or a demonstration when no killer is named); a date the note's heading gives
            # every sentence is none of its own ("21 April. Thieves engage militia in a gun
            # battle. One herder killed")
            # (or at the place of that event: "In Kisumu, protesters burned tyres ... Two people
            # were shot dead in Kisumu"; not a blast's or a shelling's: "soldiers and militants
            # fought near Mandera. 10 civilians were killed by shells that fell on the town")
            recent = [d for d in drafts if (_takes_toll(d, m, mentions) or m.named_again and _told_in_its_sentence(d, m)) and (
                m.place is None or d.place is not None and d.place.gazetteer_id == m.place.gazetteer_id
                and SUB_EVENT_TYPES.get(m.sub_event_type or "") != "Explosions/Remote violence")]
            if recent:
                if m.frame == "killing" and recent[-1].sub_event_type in _PROTESTS:
                    m.cues.add("protest_lethal")  # dead after force against a protest: excessive
                    m.sent_cues.add("protest_lethal")
                if m.named_again:
                    # "... captured a police post. Fifteen police officers died in the fighting":
                    # the fight told before, whatever it was ("Riots broke out ... caught in the
                    # battle"), first the one its own sentence tells ("Police responded ... and 1
                    # officer was shot dead in the ensuing clash")
                    m.refers_only = True
                    recent.sort(key=lambda d: any(x.sent_start == m.sent_start for x in d.mentions))
                recent[-1].absorb(m)
                continue
        if _burnt_in_attack(drafts, m):
            # "bandits attacked Kainuk village. Houses were set on fire": what no one is named
            # as burning, told right after an attack or a fight, burnt in it
            m.create, m.undecided, m.sub_event_type = False, True, None
            continue
        if m.attackers_again and m.sub_event_type == "Looting/property destruction":
            # "Jihadists attacked an army post ... the attackers seized weapons": its loot
            attack = next((d for d in reversed(drafts) if SUB_EVENT_TYPES[d.sub_event_type] in _ATTACK_TYPES), None)
            if attack is not None:
                attack.absorb(m)
                continue
        target = None
        for d in reversed(drafts):
            same_sentence = any(x.sent_start == m.sent_start for x in d.mentions)
            same_type = d.sub_event_type == m.sub_event_type
            family = _family(m.sub_event_type)
            # "Taliban fighters overran the district after government forces retreated"
            territorial_pair = same_sentence and m.territorial and any(x.territorial for x in d.mentions)
            related = same_type or (family == _family(d.sub_event_type) and (
                family == "demonstration" or (same_sentence and family == "violence" and not _apart(d, m)))) \
                or territorial_pair or (
                # "Russian forces launched a missile and drone attack ... In Kyiv, missiles hit a
                # metro station": strikes told again with no one named as firing them
                m.sub_event_type in _REMOTE_STRIKES and d.sub_event_type in _REMOTE_STRIKES and not m.agents) or (
                # "a vigilante mob attacks and kills a suspected thief": the killing a crowd's
                # verb governs is the crowd's
                family == "violence" and _family(d.sub_event_type) == "demonstration" and _governed_killing(d, m))
            if m.retaliates and not same_sentence and family == "violence":
                related = False  # "... killing the village chief. In reprisal, Koglweogo militiamen attacked ..."
            if related and family == "demonstration" and m.anaphoric:
                target = d  # "The protesters lit bonfires on the highway": the same crowd
                break
            # (a withdrawal told in the capture's sentence is the same change of hands, a night
            # apart: "captured the town on Tuesday after rebels withdrew overnight")
            one_transfer = territorial_pair and d.date is not None and m.date is not None and d.date.date is not None \
                and m.date.date is not None and abs((d.date.date - m.date.date).days) <= 1
            if (related or _fight_that_follows(d, m) or _strike_in_battle(d, m)) and (_dates_compatible(d, m) or one_transfer) \
                    and _places_compatible(d.place, m.place):
                target = d
                break
        if target is None:
            d = _Draft([], m.sub_event_type or "Other")
            d.absorb(m)
            drafts.append(d)
        else:
            target.absorb(m)
    # "militants burned down a school and abducted two teachers": the destruction is part of
    # the attack told in its sentence, not an event of its own (but not of one others did:
    # "junta troops torched 200 houses, and the PDF said its fighters killed 15 soldiers")
    for d in [d for d in drafts if d.sub_event_type == "Looting/property destruction"]:
        sents = {x.sent_start for x in d.mentions}
        doers = _named_sides([a for x in d.mentions for a in x.agents])
        host = next((o for o in drafts if o is not d and _family(o.sub_event_type) == "violence"
                     and any(x.sent_start in sents for x in o.mentions)
                     and (not doers or doers & _named_sides([a for x in o.mentions for a in x.agents]))), None)
        if host is not None:
            for x in d.mentions:
                host.absorb(x)
            drafts.remove(d)
    _violence_in_custody(drafts)
    _ambushes_of_civilians(drafts)
    _told_twice(drafts)
    _protest_causes(drafts)
    # details: weak mentions join the nearest compatible event before them (else after)
    for m in mentions:
        if m.create:
            continue
        best = None
        for d in drafts:
            fam_ok = (
                m.sub_event_type is None
                and (m.territorial and any(x.territorial for x in d.mentions) or _family(d.sub_event_type) == "violence")
            ) or (m.sub_event_type is not None and _family(m.sub_event_type) == _family(d.sub_event_type)) or (
                # "Traders protested ... They barricaded a road": the crowd turned violent
                m.sub_event_type is None and "riot" in m.cues and _family(d.sub_event_type) == "demonstration"
            )
            if m.frame == "encirclement":
                fam_ok = any(x.sent_start == m.sent_start for x in d.mentions) or (
                    _family(d.sub_event_type) == "violence" and d.date is not None and m.date is not None
                )
            if not fam_ok or not _dates_compatible(d, m) or not (m.restates or _places_compatible(d.place, m.place)):
                continue
            if m.date is not None and m.date.date is not None and published is not None and d.date is None \
                    and _long_before(m.date.date, m.date.precision, published) \
                    and not any(x.sent_start == m.sent_start for x in d.mentions):
                continue
            distance = min(abs(x.sent_start - m.sent_start) for x in d.mentions)
            before = min(x.sent_start for x in d.mentions) <= m.sent_start
            # "students held a demonstration ... They burnt tyres ... before they were repulsed by
            # the police": a riot's deeds told with no doer are the crowd's, not the force's clash
            crowd = m.sub_event_type is None and "riot" in m.cues and not m.agents \
                and _family(d.sub_event_type) == "demonstration"
            key = (not before, not crowd, distance)
            if best is None or key < best[0]:
                best = (key, d)
        if best is not None:
            best[1].absorb(m)
    return drafts


# ---------------------------------------------------------------------------------------
# Drafts -> Event models
# ---------------------------------------------------------------------------------------


#: what attributes an unattributed attack to a group named in or right after its sentence
_CLAIMED = re.compile(r"\b(?:claim(?:ed|s)? (?:the )?responsibility|responsible|blam(?:ed|es|ing)|accus(?:ed|es|ing)|suspected|believed to be"
                      r"|linked (?:to|with)|planted by|attributed to|carried out by|(?:was|were) behind"
                      # "police linked the attack to al-Shabaab"
                      r"|(?:linked|attributed|tied)\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:attack|killing|bombing|blast|explosion|raid|ambush|abduction|kidnapping|incident|violence)"
                      r"(?:s|es)?\s+to)\b",
                      re.IGNORECASE)
#: ... unless hedged ("may be linked to", "suspected but not confirmed")
_CLAIM_HEDGED = re.compile(r"\b(?:may|might|could|possibly|perhaps|not confirmed|unconfirmed|thought to|or)\b",
                           re.IGNORECASE)
_NON_STATE = frozenset({"rebel_group", "political_militia", "identity_militia"})
#: ... nor people suspected of backing a group ("a crackdown on suspected supporters of the
#: Shebab"): they did nothing told
_SUSPECTED_BACKERS = re.compile(r"\s+(?:supporters|sympathi[sz]ers|collaborators|informers|financiers|recruiters)\b",
                                re.IGNORECASE)
#: what makes a group's name describe another group: "Al-Qaeda-linked", "IS-affiliated"
_DESCRIBING = re.compile(r"-(?:linked|affiliated|allied|backed|inspired|aligned)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;.]")
_BLAME_CLAUSE_END = re.compile(r"[;.]|,\s*(?:which|who|whose|an? )\b")
#: ... nor said of no one ("No group claimed responsibility, but the Taliban denied involvement")
_CLAIM_NEGATED = re.compile(r"\b(?:no(?: \w+)?|nobody|none|not|never|yet to)\s*$", re.IGNORECASE)


def _claimed_by(doc: Doc, d: _Draft, ctx: Context, country: str | None, on: dt.date | None,
                exclude: Sequence[str] = (), lex: Lexicon | None = None) -> str | None:
    """The one non-state armed group the event's sentences, or the sentence after them, say
    did it or claimed it ("Al Shabaab claimed responsibility", "an IED planted by ..."), or None."""
    text = doc_text(doc)
    people = (lex or default_lexicon()).people
    told = {(x.sent_start, x.sent_end) for x in d.mentions}
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    # (the sentence after each: "... hit a landmine. Al Shabaab believed responsible. The Star
    # reports four dead.")
    spans = sorted(told | {sents[k + 1] for k, s in enumerate(sents[:-1]) if s in told})
    found: list[str] = []
    for a, b in spans:
        claims = [c for c in _CLAIMED.finditer(text, a, b)
                  if not _CLAIM_NEGATED.search(text, max(a, c.start() - 20), c.start())]
        claims = [c for c in claims if not _SUSPECTED_BACKERS.match(text, c.end())]
        if _CLAIM_HEDGED.search(text, a, b) or not any(not _describes_victim(text, c.start(), people) for c in claims):
            continue
        # a blame names the doer in its own clause, after it ("police blamed Al Shabaab for the
        # attack"); who blames claims nothing ("Hamas blamed an Israeli air strike; Israel said
        # a misfired Islamic Jihad rocket caused it": no one's claim is the record's)
        # and who "was behind" it is the subject right before ("stated that Kenyan security
        # forces were behind the killing": not who stated it)
        own = [_claim_clause(text, c, a, b) for c in claims]
        within = own if all(own) else [(a, b)]
        for ref in ctx.actors:
            # (a named group, or one whose name depends on the country: "the Islamic State")
            # (not a plain noun: "insurgents linked to the Islamic State" are the Islamic State)
            if any(x <= ref.start and ref.end <= y for x, y in within) and (ref.name or ref.generic) \
                    and _kind(ref, ctx) in _NON_STATE and ref.generic not in ("rebels", "unidentified") \
                    and not _DESCRIBING.match(text, ref.end):  # (nor "Al-Qaeda-linked Shebab rebels")
                name = _resolve_actor(ref, country, on, ctx)
                if name and not name.startswith("Unidentified") and name not in exclude and name not in found:
                    found.append(name)
    return found[0] if len(found) == 1 else None


#: where the subject of "were behind" starts: after what tells it ("said that", "a source said,")
_SUBJECT_START = re.compile(r"(?:\b(?:that|said|says|say|stated|claimed|alleged)\b|[,;:])\s*", re.IGNORECASE)


_OF = re.compile(r"\bof\b")
#: a passive's auxiliary right before its participle ("was blamed", "were widely blamed")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$")


def _claim_clause(text: str, claim: re.Match, start: int, end: int) -> tuple[int, int] | None:
    """The span that names the doer for a blame (its clause after it) or a "was behind" (the
    subject before it), else None (the whole sentence)."""
    word = claim.group().lower()
    # (who "was blamed for" it is before; what "was blamed on" someone names them after)
    passive = _PASSIVE_BEFORE.search(text[max(start, claim.start() - 24):claim.start()]) \
        and not re.match(r"\s+on\b", text[claim.end():claim.end() + 4])
    if word.startswith("accus") and not passive:
        # whom one accuses of it, between the verb and its "of" ("the government accused M23 of
        # firing the shells"; not who accuses)
        of = _OF.search(text, claim.end(), end)
        return claim.end(), of.start() if of else claim.end()
    if word.startswith("blam") and not passive:
        # (not who the blamed are said to be allied with: "blamed the SPLM-N, which has allied
        # itself with the RSF")
        m = _BLAME_CLAUSE_END.search(text, claim.end(), end)
        return claim.end(), m.start() if m else end
    if word.endswith("behind") or word.startswith(("blam", "accus")):
        # (and who "was blamed" or "was accused": "Boko Haram was blamed for the attack")
        last = None
        for last in _SUBJECT_START.finditer(text, start, claim.start()):
            pass
        return (last.end() if last else start), claim.start()
    return None


def _describes_victim(text: str, at: int, people: PeopleSpec) -> bool:
    """Does the claim at ``at`` describe a person, not who did it ("a man believed to be a
    member of the ONLF was shot dead by gunmen"; but "gunmen believed to be al-Shabaab",
    "armed men, suspected to be al Shabaab")?"""
    before = re.split(r"[.;!?]\s", text[max(0, at - 40) : at])[-1]  # (not the sentence before)
    words = re.findall(r"[A-Za-z]+", before)
    while words and words[-1] in ("who", "is", "was", "are", "were", "being"):  # (not "IS", the group)
        words.pop()
    words = [w.lower() for w in words]
    armed = any(w in people.armed or w == "armed" for w in words[-3:])
    return bool(words) and words[-1] in people.civilian and not armed


def _resolve_actor(ref: ActorRef, country: str | None, on: dt.date | None, ctx: Context) -> str | None:
    if ref.name and ref.generic in ("military", "police") and ref.country and on and ctx.resolve:
        # a state's forces named with its demonym ("Nigerian soldiers") are those of the
        # event's day, not of the day the report came out
        return ctx.resolve(ref.generic, ref.country, on) or ref.name
    if ref.name:
        return ref.name
    if ref.generic and ctx.resolve:
        return ctx.resolve(ref.generic, ref.country or country, on)
    return None


def _inter(name: str | None, event_country: str | None, ctx: Context) -> int | None:
    if not name:
        return None
    kind = ctx.kind_of(name) if ctx.kind_of else None
    code = INTER_CODES.get(kind or "")
    if code == 1 and ctx.country_of and event_country:
        home = ctx.country_of(name)
        if home and home != event_country:
            return 8
    return code


def _clean_sentence(text: str) -> str:
    out = " ".join(text.split())
    return out.strip(" “”\"'")


def _told_date(d: _Draft) -> dates_mod.DateMention | None:
    """The date expression a draft is told with: its own, else the one its mentions' context gives."""
    return d.date or next((x.context_date for x in d.mentions if x.context_date), None)


def _dated_in_own_clause(d: _Draft) -> bool:
    """Is the draft's date told in the clause of a mention that reports it?"""
    told = d.date
    return told is not None and any(x.create and not x.refers_only and x.clause[0] <= told.start
                                    and told.end <= x.clause[1] for x in d.mentions)


#: days before publication beyond which an event known to its month or vaguer is history, even
#: in a report of nothing newer
BACKGROUND_YEAR = 366


def _draft_date(d: _Draft, published: dt.date | None) -> tuple[dt.date | None, int, str]:
    """An event's date and time precision, and its age: "news", "background" (more than a
    month before ``published``) or "future"."""
    told = _told_date(d)
    date = told.date if told else published
    precision = told.precision if told else 2
    if date is None or published is None:
        return date, precision, "news"
    if _long_before(date, precision, published):
        return date, precision, "background"
    return date, precision, "future" if (date - published).days > 1 else "news"


#: how many days before its report an event is background to the report's news
BACKGROUND_DAYS = 31


def _long_before(date: dt.date, precision: int, published: dt.date) -> bool:
    """Is a date more than :data:`BACKGROUND_DAYS` before ``published``?  A month-precision date
    is coded at mid-month: its age is measured from the month's end."""
    latest = date
    if precision == 3:
        latest = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return (published - latest).days > BACKGROUND_DAYS


def _repelled_attackers(d: _Draft, mentions: Sequence[Mention], ctx: Context, country: str | None,
                        date: dt.date | None) -> list[str]:
    """The named doers of an attack told in the sentence before a battle's response to it and
    left undecided there ("CPC rebels attacked Bangui. Peacekeepers repelled the attack")."""
    responses = [m for m in d.mentions if "response" in m.cues]
    if not responses:
        return []
    start = min(m.sent_start for m in responses)
    out: list[str] = []
    for m in mentions:
        if m.frame == "strike" and not m.create and m.undecided and m.sent_end <= start \
                and start - m.sent_end < 400:
            out += [x for a in m.agents if a.name and (x := _resolve_actor(a, country, date, ctx))]
    return out


def _between_armed_ones(doc: Doc, d: _Draft, lex: Lexicon) -> bool:
    """Is a fight of the draft told as one between armed men of one plural noun ("clashes
    between armed groups", "clashes among rival militias", "rival militias exchanged fire"):
    both its sides are theirs."""
    return any(m.frame == "clash" and any(_fought_among_armed(t, lex) for t in
                                          doc.char_span(*m.trigger, alignment_mode="expand") or ())
               for m in d.mentions)


def _fought_among_armed(trig: Token, lex: Lexicon) -> bool:
    """Is the fight word told as one between armed men of one plural noun (see
    :func:`_between_armed_ones`)?"""
    def armed_plural(obj: Token) -> bool:
        # ("armed youth clashed": "youth" is its plural)
        return (obj.tag_ == "NNS" or obj.lower_ == "youth") and not obj.conjuncts and (
            obj.lower_ in lex.people.armed or obj.lemma_.lower() in lex.people.armed
            or any(c.dep_ == "amod" and c.lower_ == "armed" for c in obj.children)
            # "two clans clashed", "rival tribes fought": each side one of them
            or obj.lemma_.lower() in lex.words.kin_groups and any(
                c.dep_ in ("nummod", "amod") and c.lower_ in ("two", "rival", "both") for c in obj.children))

    # (the clause's verb may hold the preposition: "clashes broke out between rival armed groups")
    holders = [trig, trig.head] if trig.dep_ == "nsubj" else [trig]
    for prep in (c for h in holders for c in h.children if c.lower_ in ("between", "among", "amongst")):
        if any(c.dep_ == "pobj" and armed_plural(c) for c in prep.children):
            return True
    # (or they fought with no one else: "armed youth clashed in Gogrial")
    alone = trig.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") or c.dep_ == "prep" and c.lower_ in ("with", "against")
                                            for c in trig.children)
    return any(c.dep_ == "nsubj" and armed_plural(c)
               and (alone or any(a.lower_ == "rival" for a in c.children) or c.lemma_.lower() in lex.words.kin_groups)
               for c in trig.children)


def _entered_by(doc: Doc, d: _Draft, ctx: Context, country: str | None, date: dt.date | None) -> list[str]:
    """The armed actors who entered a place in the sentences of a withdrawal ("Syrian forces
    entered the town after rebels pulled out"): its new holders."""
    start, end = d.sent_span
    out: list[str] = []
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        if tok.lemma_.lower() != "enter" or tok.pos_ != "VERB":
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            for ref in _actors_in(_span_tokens(doc, subj.subtree), ctx.actors):
                if _kind(ref, ctx) in ARMED_KINDS and (name := _resolve_actor(ref, country, date, ctx)) \
                        and name not in out:
                    out.append(name)
    return out


def _other_side_named(d: _Draft, ctx: Context, country: str | None, date: dt.date | None, side: str) -> str | None:
    """A named armed actor of another kind than ``side`` in the sentences of a battle."""
    start, end = d.sent_span
    kind = ctx.kind_of(side) if ctx.kind_of else None
    for a in ctx.actors:
        if start <= a.start and a.end <= end and a.name and _kind(a, ctx) in ARMED_KINDS - {kind}:
            name = _resolve_actor(a, country, date, ctx)
            if name and name != side and not name.startswith("Unidentified"):
                return name
    return None


def _mob_victims(d: _Draft) -> bool:
    """A mob's violence befell people no side fought for: civilians or their homes named as its
    victims, or someone it lynched, beat or attacked ("Mob lynches robbery suspect"); not two
    crowds fighting, nor the police."""
    told = [m for m in d.mentions if m.create and not m.cause_only]
    if any(m.cues & {"rival_crowds", "armed_victim"} for m in told):
        return False
    return any("civilian_victim" in m.cues or m.frame in _VICTIMISING for m in told)


#: what a force does to a crowd: told of state forces in a riot's sentence or the next, they
#: are the riot's second party
_INTERVENING_FRAMES = frozenset({"protest_intervention", "arrest"})


def _intervening_force(d: _Draft, mentions: Sequence[Mention], ctx: Context, country: str | None,
                       date: dt.date | None) -> str | None:
    """The state force that dispersed, fired on or arrested a riot's crowd, in the riot's
    sentence or the next ("Opposition supporters barricaded the roads ... The police fired live
    ammunition to disperse the crowds"); the police when arrests are told with no one named as
    making them ("five people were arrested after youths barricaded a road")."""
    start, end = d.sent_span
    for m in mentions:
        if not start <= m.sent_start < end + 3 or m.cause_only or m.refers_only or not (m.create or m.undecided):
            continue
        if m.frame not in _INTERVENING_FRAMES and not m.cues & {"protest_intervention", "protest_lethal"}:
            continue
        for a in m.agents:
            name = _resolve_actor(a, country, date, ctx)
            if name and _kind(a, ctx) == "state_forces":
                return name
        if m.frame == "arrest" and not m.agents and "has_agent" not in m.cues and ctx.resolve:
            return ctx.resolve("police", country, date)
    return None


_HARMED = re.compile(r"\b(?:deaths?|dead|died|killed|killing|wounded|injured|injuries|hurt|shot|beaten|beat)\b", re.I)


def _arrests_made_in(doc: Doc, m: Mention) -> bool:
    """Is the mention's noun what an arrest was made in ("police detained 60 people in raids")?"""
    span = doc.char_span(*m.trigger, alignment_mode="expand")
    tok = span.root if span is not None else None
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") \
        and tok.head.head.lemma_.lower() in ("arrest", "detain", "apprehend")


def _raid_that_arrested(doc: Doc, d: _Draft, mentions: Sequence[Mention]) -> bool:
    """A raid by state forces of which the report tells only arrests in its sentence (no one
    killed, hurt or beaten) is an arrest: "police raided a house in Eastleigh, arresting five
    suspects"."""
    if any(x.frame in TOLL_FRAMES or x.frame in _VICTIMISING - {"strike"} for x in d.mentions):
        return False  # "... arrest 250 suspects. One death from the raids reported"
    told = [x for x in d.mentions if x.create and not x.cause_only and not x.refers_only]
    raids = [x for x in told if x.frame == "strike" and ("state_agent" in x.cues or _arrests_made_in(doc, x))
             and doc_text(doc)[x.trigger[0] : x.trigger[1]].lower().startswith("raid")]
    if not raids or len(raids) != len(told) or not any(
            x.frame == "arrest" and not x.cause_only and x.sent_start == r.sent_start for x in mentions for r in raids):
        return False
    # (in its sentence or the next: "Police raid two mosques, arrest 250 suspects. One death
    # from the raids reported")
    sent = doc.char_span(raids[-1].sent_start, raids[-1].sent_end, alignment_mode="expand")
    if sent is None:
        return False
    after = doc[sent.end].sent.text if sent.end < len(doc) else ""
    return not _HARMED.search(sent.text + " " + after)


def build_events(
    doc: Doc, drafts: Sequence[_Draft], ctx: Context, lex: Lexicon | None = None,
    mentions: Sequence[Mention] = (),
) -> list[Event]:
    """Turn merged drafts into :class:`Event` models with actors, dates, notes and evidence."""
    lex = lex or default_lexicon()
    events: list[Event] = []
    default_country = _main_country(ctx.places, ctx.countries)
    sieges: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.frame == "encirclement" and m.place is not None:
            sieges.setdefault(m.place.gazetteer_id, []).append(m)
    dated = [_draft_date(d, ctx.published) for d in drafts]
    # an event more than a month old is background to the article's news; a report of nothing
    # newer ("On 3rd July, a bomb disposal squad defused an IED") keeps what it dates to the day,
    # or dates in its own clause
    news = any(age == "news" for _, _, age in dated)
    for n, d in enumerate(drafts):
        sub = d.sub_event_type
        if _family(sub) == "demonstration":
            cues = set().union(*(x.sent_cues for x in d.mentions))
            # demonstrators who turn violent riot, even when force is used against them, or
            # lethal force ("police opened fire on protesters and killed two ... The
            # demonstrators blocked the road and lit fires"); force that kills or maims peaceful
            # demonstrators is excessive
            # ("Some protesters attacked a county official")
            told = [x.sub_event_type for x in d.mentions if not x.cause_only and not x.refers_only]
            rioted = "riot" in cues or "Violent demonstration" in told
            if rioted and sub != "Mob violence":
                sub = "Violent demonstration"
            elif "Mob violence" in told and SUB_EVENT_TYPES.get(sub) == "Protests":
                sub = "Mob violence"  # a crowd's violence told with a demonstration ("nearly lynch a pastor before police intervene")
            elif "protest_lethal" in cues and sub != "Mob violence":
                sub = "Excessive force against protesters"
        if sub == "Abduction/forced disappearance" and any(
            x.frame in ("killing", "body_found") and not x.refers_only and not x.cause_only for x in d.mentions
        ):
            # ACLED: an abduction in which the victim is killed is an attack, a fight when the
            # victims were soldiers or police ("1 policeman was abducted and later beheaded")
            hurt = [x.cues for x in d.mentions if x.frame in ("killing", "abduction", "body_found")]
            sub = "Armed clash" if any("armed_victim" in c for c in hurt) \
                and not any("civilian_victim" in c for c in hurt) else "Attack"
        if sub in ("Attack", "Armed clash") and _raid_that_arrested(doc, d, mentions):
            sub = "Arrests"
        date, precision, age = dated[n]
        if age == "background" and (news or precision != 1 and (
                not _dated_in_own_clause(d) or (ctx.published - date).days > BACKGROUND_YEAR)):
            # (what a report of nothing newer dates in its own clause it tells: "soldiers
            # executed 300 people in Moura over five days in March, HRW said in a report"; not
            # a month it dates years back: "1,700 recruits were executed ... in June 2014"; a day
            # it dates, however long ago, is what it reports: "Gunmen killed 12 farmers in Jere on
            # 8 June 2023")
            log.debug("dropping background event dated %s", date)
            ctx.background.extend((x.sent_start, x.sent_end) for x in d.mentions if x.create)
            continue
        if age == "future":
            continue
        spare = next((x for x in d.mentions if x.fallback_place is not None), None) if d.place is None else None
        where = d.place or (spare.fallback_place if spare else None)
        country = (where.country if where else None) or default_country
        winners: list[str] = []
        losers: list[str] = []
        agents: list[str] = []
        patients: list[str] = []
        candidates: list[str] = []
        done: list[str] = []  # the doers of what the event's mentions tell, not only refer to
        uncertain = False
        for m in d.mentions:
            a_names = [x for x in (_resolve_actor(a, country, date, ctx) for a in m.agents) if x]
            if m.cause_only and _family(sub) == "demonstration" and _protested_deed(doc, m):
                a_names = []  # who did what a crowd protests is no party to its protest
            p_names = [x for x in (_resolve_actor(a, country, date, ctx) for a in m.patients) if x]
            if lex.frames[m.frame].agent_side == 2 or m.frame == "arrest" and _family(sub) == "demonstration":
                # who fires tear gas or arrests demonstrators is not one of them
                patients += a_names
                agents += p_names
                done += p_names
            elif m.frame == "body_found":
                patients += p_names  # who found the bodies did not kill them
            elif m.frame == "withdrawal":
                losers += a_names
            elif m.frame in ("encirclement", "capture", "expulsion"):
                winners += a_names
                losers += p_names
            else:
                if not m.refers_only:
                    done += a_names  # (not only referred to: "claimed the attack")
                agents += a_names
                patients += p_names
            if m.agent_uncertain and len(a_names) > 1:
                uncertain = True
                candidates += [x for x in a_names if x not in candidates]
        if SUB_EVENT_TYPES[sub] != "Battles":
            # the target of a strike or an attack is not its doer for doing what it answers
            # ("fired rockets at an Israeli base in response to an Israeli strike"); a battle's
            # sides keep their order ("in retaliation to Taliban attacks on posts, Afghan forces
            # killed 6 Taliban": the Taliban first)
            agents = [x for x in agents if x in done or x not in patients]
        if sub in TERRITORIAL_TYPES:
            if not winners and d.place is not None:
                # "troops encircled the town on Monday ... rebels withdrew on Tuesday"
                for other in sieges.get(d.place.gazetteer_id, []):
                    winners += [x for x in (_resolve_actor(a, country, date, ctx) for a in other.agents) if x]
            if not winners and losers:
                # "government forces entered Khan Sheikhoun after rebels pulled out of the town"
                winners = [x for x in _entered_by(doc, d, ctx, country, date) if x not in losers]
            side1, side2 = _dedupe(winners + agents), _dedupe(losers + patients)
        else:
            side1, side2 = _dedupe(agents + winners), _dedupe(patients + losers)
        if sub in TERRITORIAL_TYPES:
            # who withdrew did not take over (unless they took it and left again: "seized the
            # town before withdrawing hours later")
            side1 = [x for x in side1 if x not in losers] or side1
        attackers = _repelled_attackers(d, mentions, ctx, country, date) if SUB_EVENT_TYPES[sub] == "Battles" else []
        if attackers and any(x not in attackers for x in side1):
            # "CPC rebels attacked Bangui. Peacekeepers and FACA repelled the attack": who attacked
            # is the side repelled
            side1 = [x for x in side1 if x not in attackers]
            side2 = _dedupe(attackers + side2)
        if sub == "Armed clash" and len(side1) > 1:
            # "troops repelled an attack by ISWAP, killing 20 insurgents": a side that attacks in
            # one clause and is fought (or, when no one is told as fought, attacked) in another is
            # the other side ("Al-Shabaab attacked a military base ... The army said it repulsed
            # the attack"; not one that only lost men: "Taliban attacked a post ... 3 Taliban were
            # also killed")
            def met_in(frames: Collection[str]) -> set[str]:
                return {x for m in d.mentions if m.frame in frames
                        for x in (_resolve_actor(a, country, date, ctx) for a in m.patients) if x}
            met = met_in(("clash",)) or met_in(("strike", "ambush"))
            # (a side repelled from what it raided, not from the side that fought it, started the
            # fight: "Pokot militia raided several villages, but were repulsed by the police")
            raided = {x for m in d.mentions if "civilian_victim" in m.cues and "armed_victim" not in m.cues
                      for x in (_resolve_actor(a, country, date, ctx) for a in m.agents) if x}
            fought = [x for x in side1 if x in met and x not in raided]
            if fought and any(x not in fought and not x.startswith("Unidentified") for x in side1):
                side1 = [x for x in side1 if x not in fought]
        side2 = [x for x in side2 if x not in side1]
        if SUB_EVENT_TYPES[sub] == "Battles":
            # the other side of a battle is who fought, not the villagers an attack first hit
            side2.sort(key=lambda x: x.startswith("Civilians"))
        if not side1 and side2 and SUB_EVENT_TYPES[sub] == "Battles":
            # "two soldiers were killed in clashes with the Taliban": the side the victims
            # fought is named as the other party; with no initiator named it is listed first
            met = _dedupe(x for m in d.mentions if m.frame == "clash"
                          for x in (_resolve_actor(a, country, date, ctx) for a in m.patients)
                          if x and not x.startswith("Civilians"))  # (the dead are no side: "clashes ... killed 32 people")
            if met:  # alone, the side met is still the one named: actor1, the victims unnamed
                side1 = [met[0]]
                side2 = [x for x in side2 if x != met[0]]
        # the dead a toll tells, when no deed names them as its target ("three people including
        # a police officer were killed in clashes between Pokot and Turkana")
        told = [((m.frame in TOLL_FRAMES or lex.frames[m.frame].subject_is_victim) and not m.agents,
                 {x for a in m.patients if (x := _resolve_actor(a, country, date, ctx))}) for m in d.mentions]
        counted = set().union(*(names for toll, names in told if toll)) \
            - set().union(*(names for toll, names in told if not toll))
        if all(x.startswith("Civilians") or x in counted for x in side2) and len(side1) > 1 and sub == "Armed clash" \
                and not any(m.frame in ("strike", "storming") and len(_named_sides(m.agents)) > 1 for m in d.mentions):
            # "fighting between rebels and government forces": the two sides (civilians it
            # killed are no side: "... At least 56 civilians were killed", nor are the dead a
            # toll counts: "three people including a police officer were killed in clashes
            # between Pokot and Turkana herders"); allies who attack
            # together are one ("Syrian and Russian troops attacked Kafr Nabuda")
            kind1 = ctx.kind_of(side1[0]) if ctx.kind_of else None
            other = next((x for x in side1[1:] if (ctx.kind_of(x) if ctx.kind_of else None) != kind1), None)
            if other is None and not side1[0].startswith("Unidentified"):
                # "Pokot and Turkana militias clashed": two of a kind
                other = next((x for x in side1[1:] if not x.startswith("Unidentified")), None)
            if other is not None:
                side1.remove(other)
                side2 = [other, *side2]
        side1, side2 = _prefer_specific(side1, ctx), _prefer_specific(side2, ctx)
        side1, side2 = _drop_unidentified(side1), _drop_unidentified(side2)
        mob_victims = sub == "Mob violence" and _mob_victims(d)
        if _family(sub) == "demonstration" and not mob_victims or sub in TERRITORIAL_TYPES:
            # people arrested or dispersed at a demonstration are its demonstrators; a village
            # taken is the place, not a party ("Al Shabaab overtook Milimani village"); the
            # people a mob beats or burns are its victims
            side2 = [x for x in side2 if not x.startswith("Civilians")]
        if sub == "Agreement" and not side2 and len(side1) > 1:
            side2 = [side1.pop(1)]  # "the Colombian government and the FARC signed a ceasefire": its two parties
        actor1 = side1[0] if side1 else None
        actor2 = side2[0] if side2 else None
        # ACLED: demonstrators are Protesters (X); in a riot or a mob, Rioters (X)
        crowd = ctx.resolve("protesters" if SUB_EVENT_TYPES[sub] == "Protests" else "rioters", country, date) \
            if ctx.resolve and _family(sub) == "demonstration" else None
        kind1 = ctx.kind_of(actor1) if actor1 and ctx.kind_of else None
        if crowd and (kind1 == "civilians" or kind1 == "protesters" and SUB_EVENT_TYPES[sub] == "Riots"
                      or sub == "Mob violence" and actor1 and actor1.startswith("Unidentified")):
            # demonstrators who turn violent riot; "police arrested 40 opposition activists during
            # a rally": the crowd demonstrated; a band of vigilantes that lynches is a mob
            actor1 = crowd
        if crowd and kind1 in ("state_forces", "external_forces") and sub != "Excessive force against protesters":
            # police who break up a riot or a protest are its second party: ACLED lists the
            # crowd first
            actor1, actor2 = crowd, actor1
        if sub == "Excessive force against protesters" and actor2 is None:
            if actor1 in (None, crowd):
                # "police fired live bullets at opposition supporters protesting ...", read from
                # the protest: the force that fired
                actor2 = _intervening_force(d, mentions, ctx, country, date)
            elif ctx.resolve:
                actor2 = ctx.resolve("protesters", country, date)  # "police fired live rounds at protesters"
        if sub == "Peaceful protest" and actor2 and ctx.kind_of and ctx.kind_of(actor2) != "protesters":
            actor2 = None  # what a peaceful protest is against is no party to it ("against French troops")
        if ctx.resolve and actor2 is None and (
                sub in ("Attack", "Sexual violence", "Abduction/forced disappearance")
                or mob_victims
                or SUB_EVENT_TYPES[sub] == "Explosions/Remote violence"
                and any("civilian_victim" in m.cues for m in d.mentions if m.create)):
            # ("a robbery suspect was lynched by residents", "hurled a grenade at people chewing miraa")
            actor2 = ctx.resolve("civilians", country, date)
        if sub == "Mob violence" and actor2 is None and crowd and any("rival_crowds" in m.cues for m in d.mentions):
            actor2 = crowd  # "Jubilee and ODM supporters clashed": two mobs
        if sub == "Violent demonstration" and actor2 is None:
            actor2 = _intervening_force(d, mentions, ctx, country, date)
        if actor1 is None and crowd:
            actor1 = crowd
        if actor1 is None and sub == "Arrests" and ctx.resolve:
            actor1 = ctx.resolve("police", country, date)  # "five suspects were arrested": by the police
        unknown = ctx.resolve("unidentified", country, date) if ctx.resolve else None
        if actor1 is None and actor2 is None and sub == "Disrupted weapons use" and not candidates:
            actor1 = unknown  # "Unexploded bomb discovered inside bus": whoever planted it, unnamed
        if actor1 is None and SUB_EVENT_TYPES[sub] in ("Explosions/Remote violence", "Violence against civilians") and ctx.resolve and not candidates:
            actor1 = unknown
            if (origin := _fired_from(doc, d, ctx.places)) not in (None, country):
                actor1 = ctx.resolve("unidentified", origin, date)  # "rockets fired from Gaza landed near Sderot"
        if actor1 is None and sub == "Armed clash" and ctx.resolve and not candidates:
            # a clash has two sides; in a battle order means nothing, so the side named comes
            # first ("police were attacked by unknown men") and the unnamed one is unidentified,
            # unless the report names the group that did it ("an armed group linked to Al
            # Shabaab attacked the military")
            claimed = _claimed_by(doc, d, ctx, country, date, exclude=side2, lex=lex) if actor2 else None
            if claimed:
                actor1 = claimed
            elif actor2 and any(m.create and not m.agents and "armed_agent" in m.cues and "state_agent" not in m.cues
                                for m in d.mentions):
                actor1 = unknown  # "fighters attacked a gendarmerie post": armed men unnamed did it
            elif actor2 and not actor2.startswith(("Civilians", "Private Security Forces")) and not all(
                    m.frame == "body_found" for m in d.mentions if m.create):
                actor1, actor2 = actor2, _other_side_named(d, ctx, country, date, actor2) or unknown
            else:
                # (and whose bodies were found were killed: "the body of a soldier was found";
                # a company's guards, attacked, are listed second, as ACLED does)
                actor1 = unknown  # civilians are no side of a battle: those it hit stay second
        if ctx.resolve and _family(sub) == "violence" and actor1 in (unknown, ctx.resolve("rebels", country, date)):
            # "... hit a landmine. Al Shabaab claimed responsibility", "insurgents linked to the
            # Islamic State beheaded three villagers": the group the report names as having done it
            actor1 = _claimed_by(doc, d, ctx, country, date, exclude=side2, lex=lex) or actor1
        if uncertain and candidates:
            actor1 = candidates[0]
        associated2: list[str] = []  # second parties that are no side: associates of actor2
        if actor2 and ctx.kind_of and ctx.kind_of(actor2) == "organisation" and ctx.resolve \
                and SUB_EVENT_TYPES[sub] in ("Violence against civilians", "Explosions/Remote violence", "Riots"):
            # an aid group's or agency's people who were hit are civilians, the group associated
            # ("gunmen stormed a maternity ward run by MSF"; ICRC staff abducted)
            associated2.append(actor2)
            actor2 = ctx.resolve("civilians", country, date) if SUB_EVENT_TYPES[sub] != "Riots" else None
        if actor2 and sub in ("Attack", "Abduction/forced disappearance", "Sexual violence") and ctx.resolve \
                and ctx.kind_of and ctx.kind_of(actor2) == "identity_militia" \
                and any("civilian_victim" in m.cues and "armed_victim" not in m.cues for m in d.mentions if m.create):
            # a community's people attacked as civilians are civilians, not its militia ("killed
            # nine Fulani herders")
            actor2 = ctx.resolve("civilians", country, date)
        if sub == "Armed clash" and actor1 is not None and actor2 is not None and actor2.startswith("Civilians") \
                and ((ctx.kind_of(actor1) if ctx.kind_of else None) in ("state_forces", "external_forces")
                     or _between_armed_ones(doc, d, lex) or _other_side_named(d, ctx, country, date, actor1)):
            # "police exchanged fire with gunmen, killing a civilian", "clashes between armed groups
            # in Tripoli killed 32 people" (but armed men's "clash" that killed people, with no
            # other side told, is most often their attack on those people: they stay its target);
            # the civilians it killed are associated, no side of it
            associated2.append(actor2)
            actor2 = None
        if sub == "Armed clash" and actor1 is not None and actor2 is None:
            # a battle has two sides: an armed group its sentences name that the parse left out
            # ("2 police killed in shootout with SLDF", the parser hanging "with SLDF" on the
            # killing); else the unnamed one is unidentified, of the named one's kind when that is
            # unidentified too ("ethnic clashes", "a gunfight between rival gangs")
            actor2 = _other_side_named(d, ctx, country, date, actor1) \
                or (actor1 if actor1.startswith("Unidentified") else unknown)
        evidence = _evidence(doc, d)
        inter1, inter2 = _inter(actor1, country, ctx), _inter(actor2, country, ctx)
        interaction = None
        if inter1 is not None:
            codes = sorted(c for c in (inter1, inter2) if c is not None)
            interaction = int("".join(str(c) for c in codes)) if len(codes) == 2 else codes[0] * 10
        location = None
        if d.place is not None:
            location = _event_location(d.place, d.precision)
        elif spare is not None:
            location = _event_location(spare.fallback_place, spare.fallback_precision)
        confidence = 0.35 + 0.2 * (location is not None) + 0.15 * (d.date is not None) + 0.15 * (actor1 is not None)
        confidence += 0.1 * min(len(d.mentions) - 1, 2) / 2
        ev = Event(
            id=_event_id(ctx.article_id, n, sub, date, location),
            event_type=SUB_EVENT_TYPES[sub],
            sub_event_type=sub,
            date=date,
            time_precision=min(precision, 3),
            location=location,
            actor1=actor1,
            actor2=actor2,
            assoc_actor_1=[x for x in side1[1:] if x != actor1],
            assoc_actor_2=_dedupe([x for x in side2[1:] if x != actor2] + [x for x in associated2 if x != actor2]),
            actor1_uncertain=uncertain,
            actor1_candidates=candidates if uncertain else [],
            inter1=inter1,
            inter2=inter2,
            interaction=interaction,
            civilian_targeting=SUB_EVENT_TYPES[sub] == "Violence against civilians"
            or any("civilian_victim" in m.cues for m in d.mentions if m.create),
            evidence=evidence,
            confidence=round(min(confidence, 0.95), 2),
            sources=[ctx.source] if ctx.source else [],
            article_ids=[ctx.article_id],
        )
        ev.notes = _notes(ev, evidence)
        ev._clauses = sorted({m.clause for m in d.mentions if m.create})
        sents = {x.sent_start for x in d.mentions}
        ev._elsewhen = sorted({m.clause for m in mentions if m.elsewhen and m.sent_start in sents})
        if SUB_EVENT_TYPES[sub] != "Strategic developments" and sub not in TERRITORIAL_TYPES:
            # (a place changes hands once, however long the fighting for it took)
            ev._days = _days_told(doc, d, date, precision)
        if location is not None and d.place is not None and d.listed:
            text = doc_text(doc)
            ev._places = [(location, _count_at(text, d.place))] + [
                (_event_location(p, _precision(text, p)), _count_at(text, p)) for p in d.listed]
        events.append(ev)
    return events


#: a count of the dead written with a place of a list: "Nakuru (8) and Molo (7)", "two deaths,
#: one in Awendo and the other in Rongo", "70 killed in Ouallam and 30 in Tillaberi"
_COUNT_AFTER = re.compile(r"\s*\(\s*(\d{1,4})\s*\)")
_COUNT_BEFORE = re.compile(
    rf"\b({_FEW})\s+"
    r"(?:(?:people|persons|of\s+them|were|was|killed|dead|died|deaths?)\s+){0,2}(?:in|at)\s+(?:the\s+)?$", re.I)


def _count_at(text: str, place: Place) -> int | None:
    """The dead a list gives one of its places (see :data:`_COUNT_AFTER`), or None."""
    if m := _COUNT_AFTER.match(text, place.end):
        return int(m.group(1))
    if m := _COUNT_BEFORE.search(text[max(0, place.start - 40) : place.start]):
        return parse_number(m.group(1))
    return None


def _shares(total: int, counts: Sequence[int | None]) -> list[int]:
    """The dead of each place of a list: the count written with it, the rest of ``total``
    divided across the others (any remainder on the first ones: 14 over three is 5, 5 and 4).
    A count that is the whole total counts for the list, and counts that add up to more than the
    total are not read as shares."""
    given = [c if c is not None and c != total else None for c in counts]
    if sum(c or 0 for c in given) > total:
        given = [None] * len(counts)
    rest = total - sum(c or 0 for c in given)
    open_ = [i for i, c in enumerate(given) if c is None]
    out = [c or 0 for c in given]
    for k, i in enumerate(open_):
        out[i] = rest // len(open_) + (1 if k < rest % len(open_) else 0)
    return out


def _days_told(doc: Doc, d: _Draft, date: dt.date | None, precision: int) -> list[tuple[dt.date, int]]:
    """The days an event went on, with their time precision, when its report tells more than
    one: each day of the span its date names ("15-16 January": exact), or the days its sentences
    say it lasted, counted back from its date ("ten killed on Monday following two days of ethnic
    clashes": Monday as told, Sunday no better than the week); else none, as for an event known
    to the month only ("two days of clashes in early March": no days to count back from)."""
    if date is None or precision > 2:
        return []
    told = _told_date(d)
    if told is not None and told.days > 1 and told.date == date:
        return [(day, 1) for day in told.span()]
    text = doc_text(doc)
    for a, b in sorted({(x.sent_start, x.sent_end) for x in d.mentions}):
        if n := dates_mod.days_lasted(text[a:b]):
            # (the event's own day is as exact as it was told; the days before it are counted)
            return [(date - dt.timedelta(days=n - 1 - k), precision if k == n - 1 else max(precision, 2))
                    for k in range(n)]
    return []


#: a sentence that sums up several events ("killed at least 20 people in two attacks on villages")
_SUMMED_UP = re.compile(
    r"\bin\s+(?:two|three|four|five|six|several|multiple|separate|\d+|a\s+(?:series|spate|wave|string)\s+of)\s+"
    r"(?:separate\s+|coordinated\s+|simultaneous\s+|related\s+)?"
    r"(?:attacks|raids|assaults|strikes|air\s*strikes|bombings|blasts|explosions|ambushes|incidents)\b", re.I)


def split_summaries(events: Sequence[Event]) -> list[Event]:
    """An event told as the sum of several ("Gunmen killed at least 20 people in two attacks on
    villages in Zamfara") that the article then tells one by one is those events: it is dropped,
    and the dead it counts that they do not go to the one of them told with none ("In the first
    attack, gunmen stormed Kadisau ... another group attacked Gidan Kaso, killing five": 15 and
    5)."""
    out = list(events)
    for ev in events:
        if not ev.evidence or not any(_SUMMED_UP.search(s.text) for s in ev.evidence):
            continue
        end = max(s.end for s in ev.evidence)
        parts = [e for e in out if e is not ev and e.event_type == ev.event_type
                 and e.evidence and min(s.start for s in e.evidence) >= end]
        if len(parts) < 2:
            continue
        rest = ev.fatalities - sum(e.fatalities for e in parts)
        untold = [e for e in parts if e.fatalities == 0]
        if rest > 0 and len(untold) == 1:
            untold[0].fatalities = rest
        out.remove(ev)
    return out


def split_by_day(events: Sequence[Event]) -> list[Event]:
    """One event per day of each event told over several days, as ACLED codes them: its
    fatalities divided across the days (any remainder on the last ones: 21 over two days is 10
    and 11), each day's notes saying which day of how many it is.  The first day keeps the
    event's id."""
    out: list[Event] = []
    for ev in events:
        if len(ev._days) < 2:
            out.append(ev)
            continue
        n, total = len(ev._days), ev.fatalities
        share = f"; the {total} killed over the {n} days are divided across them" if total and not ev._coded else ""
        copies = _copies(ev, "", [
            ({"date": day, "time_precision": min(precision, 3),
              "fatalities": total if ev._coded else total // n + (1 if k >= n - total % n else 0)},
             f"[Day {k + 1} of {n}{share}.]")
            for k, (day, precision) in enumerate(ev._days)])
        for copy in copies:
            copy._days = []  # (model_copy carries its clauses and other occasions)
        out += copies
    return out


def split_by_place(events: Sequence[Event]) -> list[Event]:
    """One event at each place of the list an event is told at ("14 Taliban militants were
    killed during clashes in Kot, Khogyani and Dih Bala districts"), as ACLED codes it: each
    place with the dead the report gives it, or its share of the total (see :func:`_shares`),
    the notes saying which place of how many it is.  The first place keeps the event's id."""
    out: list[Event] = []
    for ev in events:
        if len(ev._places) < 2:
            out.append(ev)
            continue
        n, total = len(ev._places), ev.fatalities
        # (a coding note's count is each event's already: "Fatalities are split across 3 events (5)")
        shares = [total] * n if ev._coded else _shares(total, [c for _, c in ev._places])
        divided = all(c is None for _, c in ev._places)

        def told(share: int) -> str:
            if not total or ev._coded:
                return ""
            return f"; the {total} killed at the {n} places are divided across them" if divided \
                else f"; {share} of the {total} killed"
        copies = _copies(ev, "at", [({"location": place, "fatalities": share}, f"[Place {k + 1} of {n}{told(share)}.]")
                                    for k, ((place, _), share) in enumerate(zip(ev._places, shares))])
        for copy in copies:
            copy._places = []
        out += copies
    return out


def _copies(ev: Event, suffix: str, parts: Sequence[tuple[dict, str]]) -> list[Event]:
    """``ev`` once per (update, tag) of ``parts``: the first copy keeps its id, the others are
    ``{id}-{suffix}{k}``; each copy's notes are told anew for its own day and place, keep the
    tags ``ev``'s notes already carry ("[Day 1 of 2 ...]") and end with its own tag."""
    base = _notes(ev, ev.evidence)
    kept = ev.notes[len(base):] if ev.notes.startswith(base) else ""
    out: list[Event] = []
    for k, (update, tag) in enumerate(parts):
        copy = ev.model_copy(deep=True, update={"id": ev.id if k == 0 else f"{ev.id}-{suffix}{k + 1}", **update})
        copy.notes = f"{_notes(copy, copy.evidence)}{kept} {tag}"
        out.append(copy)
    return out


def _named_sides(refs: Sequence[ActorRef]) -> set[str]:
    """The actors ``refs`` name, but for unidentified ones ("gunmen dressed in police uniform":
    only the police are named, and not as the doers)."""
    return {x for a in refs if (x := a.name or a.generic) and x != "unidentified"}


def _dedupe(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def _prefer_specific(names: list[str], ctx: Context) -> list[str]:
    """Named groups before generic ones ("Jaish al-Izza" before "Rebels (Syria)")."""
    def generic(n: str) -> bool:
        return "(" in n and (n.startswith(("Unidentified", "Civilians", "Protesters", "Rioters", "Rebel", "Opposition")))
    return sorted(names, key=generic)


def _drop_unidentified(names: list[str]) -> list[str]:
    """"Al-Shabaab gunmen ... the attackers": once a side is named, drop its unidentified alias."""
    named = [n for n in names if not n.startswith("Unidentified")]
    return named if named and len(named) < len(names) else names


def _evidence(doc: Doc, d: _Draft) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    spans: list[Span] = []
    for m in sorted(d.mentions, key=lambda x: x.sent_start):
        key = (m.sent_start, m.sent_end)
        if key in seen:
            continue
        seen.add(key)
        text = doc_text(doc)[m.sent_start : m.sent_end]
        stripped = text.rstrip()
        spans.append(Span(start=m.sent_start, end=m.sent_start + len(stripped), text=stripped))
    return spans


def _notes(ev: Event, evidence: Sequence[Span]) -> str:
    if ev.date is None:
        when = "On an unknown date"
    elif ev.time_precision == 2:
        when = f"Around {dates_mod.format_acled(ev.date)}"
    elif ev.time_precision == 3:
        when = f"In {ev.date:%B %Y}"
    else:
        when = f"On {dates_mod.format_acled(ev.date)}"
    where = ""
    if ev.location is not None:
        admin = f" ({ev.location.admin1})" if ev.location.admin1 and ev.location.admin1 != ev.location.name else ""
        prefix = "near " if ev.location.geo_precision == 2 else "in "
        where = f", {prefix}{ev.location.name}{admin}"
    body = " ".join(_clean_sentence(s.text) for s in evidence[:2])
    note = f"{when}{where}: {body}"
    if ev.actor1_uncertain and ev.actor1_candidates:
        note += f" [Perpetrator uncertain: {' or '.join(ev.actor1_candidates)}.]"
    return note


def _event_id(article_id: str, n: int, sub: str, date: dt.date | None, place: Place | None) -> str:
    key = f"{article_id}|{n}|{sub}|{date}|{place.gazetteer_id if place else ''}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _main_country(places: Sequence[Place], countries: Sequence[str] = ()) -> str | None:
    """The country most places lie in; when the caller said which countries the article is
    about, a town elsewhere does not count ("Orange politician" in a Kenyan report), a country
    named does ("attackers from South Sudan") but weighs less than the caller's word, and with no
    place the first of those is it."""
    counts: dict[str, float] = {c: 1.5 for c in countries}  # (more than a foreign country named alone)
    for p in places:
        if p.country and (not countries or p.country in countries or p.feature_type == "country"):
            counts[p.country] = counts.get(p.country, 0) + (1 if p.feature_type == "country" else 2)
    return max(counts, key=counts.__getitem__) if counts else None


# ---------------------------------------------------------------------------------------
# Fatalities
# ---------------------------------------------------------------------------------------


_CODED_AS = re.compile(r"\bfatalit(?:y|ies)\s+(?:were\s+|was\s+|is\s+|are\s+)?coded\s+as\s+(\d+)", re.I)
_MIXED_TOLL = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured|hurt)|^\W*(?:\w+\W+){0,3}?casualties",
    re.I,
)


# a part of a toll already counted: "killed at least 7 people, including 2 children"
_INCLUDED = re.compile(
    r"\b(?:including|among them|among whom|of whom|of them)(?:\s[^.;:(),]{0,50}?\s+and)?\s+"
    r"(?:at least\s+|some\s+|about\s+)?$", re.I)
# a sentence giving what other reports count: "Conflicting reports have eight deaths", "Other
# reports say 12 were killed"
_BY_OTHER_REPORTS = re.compile(r"^\W*(?:conflicting|other|some|separate|different|unconfirmed|earlier|initial)\s+"
                               r"(?:media\s+|news\s+)?reports?\b", re.I)
_OTHER_REPORTS = "other reports"
# a part of the dead counted before it in the sentence, told after its number: "Five people
# were killed, two of them police officers"
_OF_THOSE = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.I)
# a toll the report says is not confirmed: "7 other deaths are feared but unconfirmed", "2
# others feared dead in earlier report but not confirmed", "5-6 others may have been killed
# (unconfirmed)"
_UNCONFIRMED = re.compile(r"^[^.;]{0,50}?\b(?:unconfirmed|not\s+(?:been\s+|yet\s+)?confirmed)\b", re.I)
# deaths the note says belong to another event: "police intervened killing 4 (coded separately)";
# not a count of its own in the bracket ("3 civilians killed (and 2 police - coded separately)":
# the police are coded elsewhere, the civilians here)
_CODED_ELSEWHERE = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}\(?[^.;()\d]{0,40}?\bcoded\s+(?:separately|seperately|elsewhere)", re.I)
# another count of the same dead: "Six police (or seven - ...) officers", "20 (some reports 30)"
_ALTERNATIVE = re.compile(r"\(\s*(?:or|some reports?(?: say)?|other reports?(?: say)?|others say)\s+$", re.I)
# inside a parenthesis after a toll: a breakdown of it ("10 killed (4 in March, 6 in April)")
_BREAKDOWN = re.compile(r"\([^()]*$")
# a toll's parts by place or day listed after it and a comma or colon ("caused two deaths, one in
# Awendo and the other in Rongo"); not a toll with a place of its own before another ("two killed
# in Mandera, one in Wajir": three)
_PARTS_BETWEEN = re.compile(r"^[^.;()]{0,40}[,:;]\s*$")
_PARTS_AFTER = re.compile(r"^\s+(?:in|at|on)\b", re.I)
_OWN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z]")
_NEXT_PART = re.compile(r"^[^.;()]{0,40}(?:,|\band)\s*$", re.I)
_ALSO_KILLED = re.compile(
    r"\b(?:were|was)\s+also\s+(?:killed|shot dead)\b|\balso\s+killed\b|^\W*also\b[^.;]*\b(?:killed|shot dead|died)\b"
    # "Two more died of their wounds overnight", "A sixth victim died on Sunday"
    r"|^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens)\s+more\b[^.;]*"
    r"\b(?:killed|died|dead|succumbed)\b"
    r"|^\W*an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b[^.;]*\b(?:killed|died|dead|succumbed)\b",
    re.I)
_SPLIT_AS = re.compile(r"\bfatalit(?:y|ies)\s+(?:are\s+|were\s+)?(?:split|divided)\s+(?:across|over|between)\s+\d+\s+\w+\s*\((\d+)\)", re.I)
# a death a protest is about, not one it caused: "residents protest after a man was killed"
_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})
_CAUSE_BEFORE = re.compile(r"\b(?:after|over|following|against|demand\w*|mourn\w*|condemn\w*"
                           # "marched on the anniversary of the bombing that killed 500": remembered
                           r"|anniversar(?:y|ies)|commemorat\w*|memorials?|remember\w*)\b"
                           r"|\bprotest\w*\s+the\s+(?:death|killing|murder|lynching)s?\s+of\b"
                           # "relatives of the man beaten to death by police protested": whose kin
                           r"|\b(?:relatives?|famil(?:y|ies)|colleagues?|friends?|parents?|widows?|kin)\s+of\s+$", re.I)
_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
#: sub-event types that kill no one by definition: their sentences' dead belong to no such event
#: ("the bodies of dozens of civilians were found in Bucha after Russian forces withdrew")
_NON_VIOLENT = frozenset({"Non-violent transfer of territory", "Agreement", "Arrests", "Change to group/activity",
                          "Headquarters or base established", "Other"})
# a riot's cause told in the clause the figure is in: "burnt down a bus after it hit and killed
# one of them", "torched houses after a rider was killed", "to protest the death of four men"
# (not the main clause after a fronted "after" clause with a verb of its own: "After a murder
# suspect is released by police he is attacked and killed by vigilantes")
_RIOT_CAUSE = re.compile(r"(?<=\w )(?:after|following)\b[^,;:()]*$"
                         r"|(?:^\W*|[,;:]\s*)(?:after|following)\b(?:(?!\b(?:is|was|were|are|has|have|had)\b)[^,;:()])*$|\bprotest(?:ing|ed|s)?\s+(?:against\s+|over\s+)?the\s+(?:death|killing)s?\s+of\s+$", re.I)

#: what says a crowd rose over someone's death ("protesting over the killing of their colleague")
_ABOUT_A_DEATH = re.compile(r"\b(?:over|against|after|following|protest\w*(?: of)?)\s+the\s+"
                            r"(?:death|killing|murder|shooting|lynching)s?\s+of\b", re.I)

# the event a retaliation answers, told in the same clause as the figure: "fired rockets in
# response to an Israeli strike that killed one of its commanders" (not the retaliation's own
# toll after a fronted phrase: "In retaliation for the killing of a herder, raiders killed 5")
#: what says the deed after it answers one told before ("In reprisal, ...", "to avenge the killing")
_RETALIATING = re.compile(r"\b(?:in (?:response|retaliation|revenge|reprisal)|to avenge|avenging|retaliat\w*)\b", re.I)
_ANSWERED = re.compile(r"\b(?:in (?:response|retaliation|revenge|reprisal) (?:to|for)|to avenge|avenging)\b[^.;,]*$", re.I)
# a toll told after another count in its sentence: a count of the same dead
#: someone's count of the dead, as theirs ("Doctors put the toll at 128")
_PUT_TOLL_AT = re.compile(r"\b(?:put|puts|putting|placed?|places|placing|estimated?|estimates|estimating)\s+(?:the\s+)?"
                          r"(?:overall\s+|total\s+|nationwide\s+)?(?:death\s+)?toll\s+at\s+"
                          r"(?:at\s+least\s+|about\s+|around\s+|over\s+|more\s+than\s+|some\s+)?$", re.I)
_TOLL_AT = re.compile(r"\b(?:death\s+)?toll\s+(?:at|of|to|stood\s+at|was)\s+(?:at\s+least\s+|about\s+|around\s+)?$", re.I)
# a toll updated by a later report, whoever gives it ("The death toll later rose to 15")
_TOLL_ROSE = re.compile(r"\b(?:toll|number of (?:dead|deaths|people killed))\b[^.;]*\b(?:rose|risen|climbed|increased|"
                        r"jumped|reached|has reached|rises|climbs)\s+to\s+(?:at\s+least\s+)?$", re.I)


def figure_events(figure: Figure, events: Sequence[Event]) -> list[Event]:
    """The events a figure counts for: those told in its sentence, but for those whose clauses
    do not hold it when others' do ("shelling on Ariha killed a child, while Russian jets struck
    Jabal al-Zawiya": the child is the shelling's)."""
    told = [ev for ev in events if any(s.start <= figure.span.start and figure.span.end <= s.end for s in ev.evidence)
            and not any(a <= figure.span.start and figure.span.end <= b for a, b in ev._elsewhen)]
    def width(ev: Event) -> int:
        return min((b - a for a, b in ev._clauses if a <= figure.span.start and figure.span.end <= b), default=0)

    holding = [ev for ev in told if width(ev)]
    if len(holding) > 1:
        # a protest does not kill: the dead of a clause within its own are those of the deed
        # that clause tells ("Protesters gathered at the club, the site of the grenade attack
        # which killed one woman": the attack's)
        inner = min(map(width, holding))
        holding = [ev for ev in holding if ev.sub_event_type not in _PROTESTS or width(ev) == inner]
    return holding if len(told) > 1 and holding else told


def _orphan_sentences(events: Sequence[Event], sentences: Sequence[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """Event id -> the sentences right after its last one that tell no event ("Al Shabaab attacks
    Mandera town, throwing grenades into homes. 14 dead."), given to the first event whose
    evidence ends nearest before them."""
    told = [[k for k, (a, b) in enumerate(sentences) if any(e.start < b and a < e.end for e in ev.evidence)]
            for ev in events]
    taken = {k for ks in told for k in ks}
    out: dict[str, list[tuple[int, int]]] = {}
    owner: dict[int, tuple[int, str]] = {}  # orphan sentence -> (its event's last sentence, event id)
    for ev, ks in zip(events, told):
        if not ks:
            continue
        k = max(ks) + 1
        while k < len(sentences) and k not in taken:
            if k not in owner or owner[k][0] < max(ks):
                owner[k] = (max(ks), ev.id)
            k += 1
    for k, (_, ev_id) in sorted(owner.items()):
        out.setdefault(ev_id, []).append(sentences[k])
    return out


def assign_fatalities(events: Sequence[Event], figures: Sequence[Figure], text: str = "",
                      sentences: Sequence[tuple[int, int]] = ()) -> None:
    """Set each event's fatalities by ACLED's rules.

    Numbers killed in one sentence add up, but for a part of one already counted ("7 people,
    including 2 children"), another count of the same dead ("six (or seven) police": the
    lowest) and deaths the note codes elsewhere ("killing 4 (coded separately)"); a later
    sentence from the same source updates the toll (the highest stands) unless it counts other
    dead ("3 militants were also killed", "Also a militant was killed", or the dead of another
    side, whoever counts them: "killing 27 soldiers. The army said 60 militants were killed"
    is 87), and so does a toll told
    as having risen, whoever tells it ("the death toll later rose to 15"); sources that disagree
    give the lowest.  The dead of the event a retaliation answers are not its own ("fired
    rockets in response to a strike that killed one of its commanders").  A number of "killed and wounded" (casualties) is no
    death toll, nor is a death a protest or a riot is about ("after a man was killed"); an explicit
    "fatalities coded as N" wins.  When the article reports one event (not a peaceful protest),
    the deaths told in its other ``sentences`` (character ranges) are that event's ("... The
    clerk died in the fire").  An event that kills no one by definition (an arrest, an agreement,
    a transfer of territory without a fight) has none; a protest intervention that killed is
    excessive force.  A coding note's count is each event's (see :func:`split_by_day`).
    """
    orphans = _orphan_sentences(events, sentences) if len(events) > 1 else {}
    # the events each figure counts for, when another event is told in its sentence
    owners = {id(f): figure_events(f, events) for f in figures if f.unit == "killed"}
    # an explicit coding note in a one-event report ("Fatalities coded as 0", "split across 2 events (2)")
    article_coded = [int(m.group(1)) for m in (*_CODED_AS.finditer(text), *_SPLIT_AS.finditer(text))]
    for ev in events:
        if ev.sub_event_type in _NON_VIOLENT:
            ev.fatalities = 0
            continue
        coded = [int(m.group(1)) for s in ev.evidence for m in (*_CODED_AS.finditer(s.text), *_SPLIT_AS.finditer(s.text))]
        if not coded and article_coded and not any(
            _CODED_AS.search(s.text) or _SPLIT_AS.search(s.text) for e in events for s in e.evidence
        ):
            coded = article_coded  # the coding note sits in a sentence no event was read from
        if not coded and len(events) == 1:
            coded = article_coded
        if coded:
            ev.fatalities = min(coded)
            ev._coded = True
            continue
        per_source: dict[str | None, int] = {}
        extra = 0  # "... were also killed": other dead, added to the toll
        risen = 0
        hedged: list[int] = []  # tolls the report calls unconfirmed: counted only when none other is told
        spans = list(ev.evidence)
        # a crowd's dead told elsewhere are its toll, unless its sentences say a death is what it
        # is about ("students protesting over the killing of their colleague ... A student was
        # found dead along the road")
        if ev.sub_event_type not in _PROTESTS and not (
                ev.sub_event_type in _RIOTS and any(_ABOUT_A_DEATH.search(e.text) for e in ev.evidence)):
            spans += [Span(start=a, end=b, text=text[a:b]) for a, b in
                      (sentences if len(events) == 1 else orphans.get(ev.id, ()))
                      if not any(e.start < b and a < e.end for e in ev.evidence)]
        sides_told: set[str | None] = set()  # the sides whose dead earlier sentences counted
        for k, span in enumerate(spans):
            # ("Conflicting reports have eight deaths": another count, the lowest stands)
            other_reports = bool(_BY_OTHER_REPORTS.match(span.text))
            in_sentence: dict[str | None, int] = {}
            last: dict[str | None, tuple[int, int]] = {}  # the last figure added per source: (quantity, end)
            listing: set[str | None] = set()  # sources listing the parts of their last toll
            source_sides: dict[str | None, set[str | None]] = {}  # the sides whose dead each source counts
            for f in figures:
                if f.unit != "killed" or not (span.start <= f.span.start and f.span.end <= span.end):
                    continue
                if ev not in owners[id(f)] and span in ev.evidence:
                    continue  # the dead of another event told in the sentence
                told_before = span.text[: f.span.start - span.start]
                src = _OTHER_REPORTS if other_reports else f.source
                if ev.sub_event_type in _PROTESTS and _CAUSE_BEFORE.search(told_before):
                    continue
                if ev.sub_event_type in _RIOTS and _RIOT_CAUSE.search(told_before):
                    continue
                if _ANSWERED.search(told_before):
                    continue
                if src is None and _PUT_TOLL_AT.search(told_before[-80:]):
                    src = f"toll:{k}"  # "Doctors put the toll at 128": another count, the lowest stands
                if _TOLL_ROSE.search(told_before[-80:]):
                    risen = max(risen, f.quantity)  # "the death toll later rose to 15": the update stands
                    continue
                after = span.text[f.span.end - span.start :][:60]
                if _MIXED_TOLL.search(after) or _CODED_ELSEWHERE.search(after):
                    continue
                if _UNCONFIRMED.search(after):
                    hedged.append(f.quantity)  # "7 other deaths are feared but unconfirmed"
                    continue
                before = told_before[-80:]
                if src in in_sentence and (_INCLUDED.search(before) or _OF_THOSE.match(after)):
                    continue  # ("7 people, including 2 children"; "five killed, two of them police")
                if src in last and (_ALTERNATIVE.search(before) or _TOLL_AT.search(before)):
                    # (a toll is all the dead, not more of them: "eight were shot dead in the
                    # capital, while the commission put the nationwide toll at 16")
                    # the lowest of two counts of the same dead (ACLED)
                    in_sentence[src] -= last[src][0] - min(last[src][0], f.quantity)
                    continue
                if src in in_sentence and _BREAKDOWN.search(before):
                    continue  # "10 people have been killed (4 in March, 6 in April)": its parts
                if src in last and _PARTS_AFTER.match(after):
                    toll, end = last[src]
                    between = span.text[end - span.start : f.span.start - span.start]
                    by_day = after.lstrip()[:3].lower() == "on "
                    if src in listing and _NEXT_PART.match(between) or toll > f.quantity \
                            and _PARTS_BETWEEN.match(between) and (by_day or not _OWN_PLACE.search(between)):
                        # "two deaths, one in Awendo and the other in Rongo", "killed five: two in
                        # Kainuk and three in Lokori", "kills five herders at Kubi Kalo; one on
                        # 11/04, four on 12/04" (a toll's own place does not part it by day)
                        listing.add(src)
                        last[src] = (toll, f.span.end)
                        continue
                in_sentence[src] = in_sentence.get(src, 0) + f.quantity
                last[src] = (f.quantity, f.span.end)
                source_sides.setdefault(src, set()).add(side_of(f))
            sides: set[str | None] = set().union(*source_sides.values())
            if len(in_sentence) > 1 and None not in sides and len(sides) == sum(map(len, source_sides.values())):
                # each source counts the dead of another side: "killing seven soldiers, and the
                # army said it killed 20 militants" is 27
                in_sentence = {None: sum(in_sentence.values())}
            other_side = bool(sides_told) and None not in sides | sides_told and sides.isdisjoint(sides_told)
            sides_told |= sides
            if k > 0 and in_sentence and (other_side or _ALSO_KILLED.search(span.text)):
                # "... killing 27 soldiers. The army said 60 militants were killed": other dead
                extra += min(in_sentence.values())
                continue
            for source, n in in_sentence.items():
                per_source[source] = max(per_source.get(source, 0), n)
        ev.fatalities = max(min(per_source.values(), default=0) + extra, risen) or min(hedged, default=0)
        if ev.sub_event_type == "Protest with intervention" and ev.fatalities:
            # a protest broken up with deaths was met with excessive force ("three die in protest
            # crackdown"): ACLED codes no intervention that kills
            ev.sub_event_type = "Excessive force against protesters"
        if ev.sub_event_type == "Looting/property destruction" and ev.fatalities:
            # destruction that kills is an attack ("three villagers died when junta troops torched
            # their homes"), as ACLED codes property destruction in which people are hurt
            ev.sub_event_type, ev.event_type = "Attack", SUB_EVENT_TYPES["Attack"]


def extract_events(doc: Doc, ctx: Context, lex: Lexicon | None = None) -> list[Event]:
    """Find, type, merge and code the events of a parsed article."""
    lex = lex or default_lexicon()
    mentions = find_mentions(doc, ctx, lex)
    _road_blocks_of_protests(mentions)
    _attack_by_default(doc, mentions)
    _death_by_default(doc, mentions, lex)
    drafts = _apply_labels(merge_mentions(mentions, ctx.published))
    drafts = _drop_reactions(drafts, lex)
    return build_events(doc, drafts, ctx, lex, mentions)


def _road_blocks_of_protests(mentions: list[Mention]) -> None:
    """A road blocked in a sentence that tells a protest is how the protest was held ("youths
    blocked a section of Juja Road in Nairobi to protest"): the block adds details only."""
    told = {m.sent_start for m in mentions if m.create and m.frame != "road_block"
            and _family(m.sub_event_type) == "demonstration"}
    for m in mentions:
        if m.frame == "road_block" and m.sent_start in told:
            m.create = False


#: weak frames whose undecided mention is an attack when it is all an article reports
DEFAULT_ATTACK_FRAMES = frozenset({"strike", "killing", "wounding"})


def _attack_by_default(doc: Doc, mentions: list[Mention]) -> None:
    """An article that reports only an attack by armed men on people or places it does not
    describe ("Cattle raiders attack family during raid", "SLDF militia attack - 7 killed") is
    an attack on civilians, as ACLED codes one whose victims are not said to be armed.  Its
    first such mention creates the event.  Raids in a sentence naming state forces are left
    alone (arrests, searches), as are mentions that only refer to an attack ("claimed
    responsibility for the attack") and anything a civilian does; nothing changes when any
    other event is reported.  Armed men named as the doers attack even when the police are
    named too ("An armed gang attacked a truck ..., police intervened").  State forces' assault on
    a place it says nothing more of is a battle ("Syrian troops attacked Kafr Nabuda")."""
    if any(m.create for m in mentions):
        return
    for m in mentions:
        if (m.undecided and m.frame in DEFAULT_ATTACK_FRAMES and m.cues & {"armed_actor", "armed_agent"}
                and not m.cues & {"state_agent", "civilian_agent"} and not m.refers_only and not m.cause_only
                and ("state_actor" not in m.cues or "armed_agent" in m.cues)):
            m.create, m.sub_event_type, m.generic = True, "Attack", True
            return
    text = doc_text(doc)
    for m in mentions:
        if (m.undecided and m.frame == "strike" and {"state_agent", "armed_agent"} <= m.cues and not m.patients
                and m.place is not None and not m.refers_only and not m.cause_only
                and text[m.trigger[0] : m.trigger[1]].lower().startswith(("attack", "assault"))):
            # "Syrian troops attacked Kafr Nabuda": state forces' assault on a place is a battle
            # with whoever holds it, not an attack on civilians nobody names
            m.create, m.sub_event_type = True, "Armed clash"
            return


def _death_by_default(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """A death or an attack told with no one named as causing it is an event when the article
    reports no other and its words, other than the trigger's own, tell of violence: the type
    its frame's ``by_default`` gives the first of its cue classes those words hold ("One dead
    in land dispute violence", "16 bodies collected ... victims of ongoing post-election
    violence", "Orphanage was attacked and looted. Linked to ongoing ethnic violence": attacks;
    "Another person dies in a clan war over land": an armed clash).  Without such words a
    death may be an accident or an illness, an attack a crime: no event."""
    if any(m.create for m in mentions):
        return
    hits: _CueHits | None = None
    for m in mentions:
        default = lex.frames[m.frame].by_default
        if not default or not m.undecided or m.agents or m.refers_only or m.cause_only:
            continue
        hits = hits or _CueHits.of(doc, lex)
        trig = doc.char_span(*m.trigger, alignment_mode="expand")
        if trig is None:
            continue
        # (words other than its own: "was attacked by the group" tells of no violence but itself)
        told = hits.between(0, trig.start) | hits.between(trig.end, len(doc))
        sub = next((sub for cue, sub in default.items() if cue in told), None)
        if sub is None:
            continue
        m.create, m.undecided, m.generic, m.sub_event_type = True, False, True, sub
        return


def _apply_labels(drafts: list[_Draft]) -> list[_Draft]:
    """A labelled note is one event of the label's type: the events its line also reports
    ("Movement of forces: armed men raided Kabiria") give it their actors, date and place."""
    for d in drafts:
        label = next((m for m in d.mentions if m.frame == LABEL_FRAME), None)
        if label is None:
            continue
        d.sub_event_type = label.sub_event_type or d.sub_event_type
        for other in drafts:
            if other is d or any(x.frame == LABEL_FRAME for x in other.mentions) or not all(
                    label.sent_start <= x.trigger[0] < label.sent_end for x in other.mentions):
                continue
            other.mentions, d.mentions = [], d.mentions + other.mentions
            d.date = d.date or other.date
            if d.place is None:
                d.place, d.precision, d.listed = other.place, other.precision, other.listed
    return [d for d in drafts if d.mentions]


def _drop_reactions(drafts: list[_Draft], lex: Lexicon) -> list[_Draft]:
    """Drafts told only by ``standalone`` frames (deployments, reinforcements) stand only when
    the article reports nothing else: "police were deployed to the scene" follows an attack.
    Drafts told only by ``in_sentence_only`` frames (arrests) stand unless another event is told
    in their sentence ("Police arrest and torture a suspect")."""
    def only(d: _Draft, flag: str) -> bool:
        return all(getattr(lex.frames[m.frame], flag) for m in d.mentions if m.create)

    others = [d for d in drafts if not only(d, "standalone")]
    # (arrests alone are no other event: "The bodies of two men were found ... Two police
    # officers have been arrested")
    kept = others if any(not only(d, "in_sentence_only") for d in others) else drafts
    # the sentences where an event other than an in_sentence_only one is told
    told = {m.sent_start for d in kept if not only(d, "in_sentence_only") for m in d.mentions if m.create}
    return [d for d in kept if not (only(d, "in_sentence_only")
                                    and any(m.create and m.sent_start in told for m in d.mentions))]
