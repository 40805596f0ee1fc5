"""Reported figures: how many people were killed, wounded, displaced, detained, ...

Numbers are read from digits ("400,000"), words ("three million"), vague words ("dozens")
and fractions of the previous figure ("half of whom").  The unit comes from the verb, noun or
phrase around the number (``data/figure_units.toml``); the source from the quote or reported
statement the figure sits in (see :func:`warwire.claims.find_quotes`).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.attrs import ENT_TYPE, IDX
from spacy.tokens import Doc, Token

from .dates import MONTHS, WEEKDAYS
from .errors import DataError
from .knowledge import load_toml
from .model import Figure, Quote, Span

log = logging.getLogger(__name__)

UNITS_FILE = Path(__file__).parent / "data" / "figure_units.toml"

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
#: Entity labels whose numbers are not counts of people.
_NOT_COUNTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
_OF_ANTECEDENT = re.compile(r"\s+of\s+(whom|them|those|these|which)\b", re.IGNORECASE)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from the tokens on every access)."""
    cached = doc.user_data.get("warwire_text")
    if cached is None:
        cached = doc.user_data["warwire_text"] = doc.text
    return cached


# --------------------------------------------------------------------------- data file
class _UnitEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["event", "group"]
    lemmas: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    one_named: bool = False
    subject_lemmas: list[str] = Field(default_factory=list)
    unsure_lemmas: list[str] = Field(default_factory=list)
    lived: list[str] = Field(default_factory=list)
    object_words: list[str] = Field(default_factory=list)


class _VagueEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: int = Field(gt=0)
    approximate: bool = True


class _UnitsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    people: list[str]
    hedges: list[str] = Field(default_factory=list)
    units: dict[str, _UnitEntry]
    vague: dict[str, _VagueEntry] = Field(default_factory=dict)
    fractions: dict[str, float] = Field(default_factory=dict)
    sides: dict[str, list[str]] = Field(default_factory=dict)


@dataclass(frozen=True)
class UnitSpec:
    """One unit of :attr:`warwire.model.Figure.unit` and the words that signal it."""

    name: str
    kind: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...]
    #: a person named without a number ("a police officer was shot dead") counts as one
    one_named: bool = False
    #: verbs whose subject is the one it happens to ("the clerk died"), not its doer
    subject_lemmas: frozenset[str] = frozenset()
    #: verbs that count one named only when its sentence and the next do not say it lived
    #: ("lynched ... Police rescued the man"): ``lived`` phrases
    unsure_lemmas: frozenset[str] = frozenset()
    lived: tuple[str, ...] = ()
    #: verb forms whose object, named right after them, is the one it befell, read as words
    #: where the parser misreads a headline ("Residents lynch robber"): tuples of lower-case words
    object_words: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class FigureLexicon:
    """The validated content of ``figure_units.toml``."""

    units: tuple[UnitSpec, ...]
    people: frozenset[str]
    hedges: tuple[str, ...]
    vague: dict[str, tuple[int, bool]]
    fractions: dict[str, float]
    #: people noun lemma -> the side of a fight it counts ("soldier" -> "forces")
    sides: dict[str, str] = field(default_factory=dict)
    #: (word, unit kind) -> unit, filled as words are read (see :func:`quantities_in_text`)
    word_units: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False, compare=False)

    def unit_of_lemma(self, lemma: str, kind: str | None = None) -> str | None:
        lemma = lemma.lower()
        for u in self.units:
            if (kind is None or u.kind == kind) and lemma in u.lemmas:
                return u.name
        return None


@functools.lru_cache(maxsize=4)
def load_units(path: Path | None = None) -> FigureLexicon:
    """Load and validate ``figure_units.toml`` (or another file with the same schema)."""
    path = path or UNITS_FILE
    data = load_toml(path, _UnitsFile, "figure units")
    for name, frac in data.fractions.items():
        if not 0 < frac < 1:
            raise DataError(f"{path.name}: bad entry 'fractions.{name}': must be between 0 and 1")
    sides: dict[str, str] = {}
    for side, lemmas in data.sides.items():
        for lemma in lemmas:
            if sides.setdefault(lemma.lower(), side) != side:
                raise DataError(f"{path.name}: bad entry 'sides.{side}': {lemma!r} is already on side "
                                f"{sides[lemma.lower()]!r}")
    units = tuple(
        UnitSpec(
            name=name,
            kind=u.kind,
            lemmas=frozenset(x.lower() for x in u.lemmas),
            phrases=tuple(p.lower() for p in u.phrases),
            one_named=u.one_named,
            subject_lemmas=frozenset(x.lower() for x in u.subject_lemmas),
            unsure_lemmas=frozenset(x.lower() for x in u.unsure_lemmas),
            lived=tuple(x.lower() for x in u.lived),
            object_words=tuple(tuple(x.lower().split()) for x in u.object_words),
        )
        for name, u in data.units.items()
    )
    return FigureLexicon(
        units=units,
        people=frozenset(x.lower() for x in data.people),
        hedges=tuple(sorted((h.lower() for h in data.hedges), key=len, reverse=True)),
        vague={k.lower(): (v.value, v.approximate) for k, v in data.vague.items()},
        fractions={k.lower(): v for k, v in data.fractions.items()},
        sides=sides,
    )


# --------------------------------------------------------------------------- numbers
def parse_number(text: str) -> int | None:
    """Read a cardinal number written in digits and/or words ("400,000", "three million")."""
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in _SMALL:
            current += _SMALL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return int(round(total + current)) if seen else None


def _is_number_word(tok: Token) -> bool:
    return _is_number_text(tok.lower_)


@functools.lru_cache(maxsize=65_536)
def _is_number_text(low: str) -> bool:
    """Is this lower-cased token a number ("400,000", "three", "twenty-one")?"""
    if _DIGITS.match(low):
        return True
    return all(p in _SMALL or p in _SCALES for p in low.split("-") if p) and bool(low.strip("-"))


def _starts_with(text_low: str, pos: int, phrase: str) -> bool:
    end = pos + len(phrase)
    if not text_low.startswith(phrase, pos):
        return False
    return end >= len(text_low) or not text_low[end].isalnum()


def _hedge_before(text_low: str, start: int, lex: FigureLexicon) -> bool:
    before = text_low[max(0, start - 30):start].rstrip()
    for h in lex.hedges:
        if before.endswith(h) and (len(before) == len(h) or not before[-len(h) - 1].isalnum()):
            return True
    return False


@dataclass
class _Cand:
    start: int  # token index of the first number token
    end: int  # token index after the last number token
    quantity: int | None
    approximate: bool
    fraction: float | None = None
    char_end: int | None = None  # for fractions: end of "of whom"


def _by_first_chars(phrases: list[tuple[str, object]]) -> dict[str, list[tuple[str, object]]]:
    """Phrases by their first two characters, in their order (a phrase can only start where
    the text has its first two characters)."""
    out: dict[str, list[tuple[str, object]]] = {}
    for phrase, value in phrases:
        out.setdefault(phrase[:2], []).append((phrase, value))
    return out


def _candidates(doc: Doc, lex: FigureLexicon) -> list[_Cand]:
    text_low = doc_text(doc).lower()
    out: list[_Cand] = []
    vague = sorted(lex.vague.items(), key=lambda kv: len(kv[0]), reverse=True)
    fractions = sorted(lex.fractions.items(), key=lambda kv: len(kv[0]), reverse=True)
    # phrases of one character could start anywhere: checked at every token, like the others
    short = [p for p, _ in vague + fractions if len(p) < 2]
    vague_at, fractions_at = _by_first_chars(vague), _by_first_chars(fractions)
    # token attributes read once (each doc[i] makes a new Token)
    rows = doc.to_array([ENT_TYPE, IDX]).tolist() if len(doc) else []
    not_counts = {doc.vocab.strings[label] for label in _NOT_COUNTS}
    skip = [ent in not_counts for ent, _ in rows]
    idxs = [idx for _, idx in rows]
    lowers = [t.lower_ for t in doc]
    for k in range(1, len(rows)):
        # "25 Aug. Five people were killed": a day is written in digits, so a capitalised number
        # word after a full stop opens a sentence even where NER runs the date into it
        if skip[k] and doc[k - 1].text.endswith(".") and doc[k].is_title and _is_number_text(lowers[k]) \
                and doc[k].is_alpha:
            skip[k] = False
        # "01 Oct. 7 people killed": the month has its day before it, so the number after it counts
        elif skip[k] and k >= 2 and doc[k].like_num and _is_month(doc[k - 1]) and doc[k - 1].text.endswith(".") \
                and doc[k - 2].like_num:
            skip[k] = False
    for ent in doc.ents:
        if ent.label_ == "QUANTITY" and ent[-1].lemma_.lower() in lex.people:
            skip[ent.start : ent.end] = [False] * len(ent)  # "20 assailants", read as a measure
        elif ent.label_ == "DATE" and ent[-1].like_num and ent.end < len(doc) \
                and doc[ent.end].lemma_.lower() in lex.people:
            skip[ent.start : ent.end] = [False] * len(ent)  # "Between 10 and 15 people", read as a date
    size = len(rows)
    i = 0
    while i < size:
        if skip[i]:
            i += 1
            continue
        pos = idxs[i]
        first = text_low[pos : pos + 2]
        matched = False
        for phrase, frac in fractions if short else fractions_at.get(first, ()):
            if _starts_with(text_low, pos, phrase):
                m = _OF_ANTECEDENT.match(doc_text(doc), pos + len(phrase))
                if m:
                    span = doc.char_span(pos, m.end(), alignment_mode="expand")
                    out.append(_Cand(i, span.end, None, False, frac, m.end()))
                    i = span.end
                    matched = True
                break
        if matched:
            continue
        for phrase, (value, approx) in vague if short else vague_at.get(first, ()):
            if _starts_with(text_low, pos, phrase):
                span = doc.char_span(pos, pos + len(phrase), alignment_mode="expand")
                hedge = _hedge_before(text_low, pos, lex)
                out.append(_Cand(i, span.end, value, approx or hedge))
                i = span.end
                matched = True
                break
        if matched:
            continue
        if _is_number_text(lowers[i]):
            j = i
            while j < size and (_is_number_text(lowers[j]) or (
                lowers[j] == "and" and j + 1 < size and _is_number_text(lowers[j + 1])
                and lowers[j - 1] in ("hundred", "thousand", "million")
            )) and not skip[j]:
                j += 1
            value = parse_number(doc[i:j].text) if j > i else None
            if value is not None and value <= 31 and j < size and _is_month(doc[j]):
                value = None  # "25 Aug. Five people were killed": a day of the month
            if value is not None and _school_year(doc[i]):
                value = None  # "a form four student was killed": a school year, not a count
            if value == 1 and i > 0 and lowers[i] == "one" and lowers[i - 1] in ("no", "not"):
                value = None  # "no one was killed": none
            if value is not None and not (1900 <= value <= 2100 and doc[i].like_num
                                          and len(doc[i].text) == 4):
                approx = _hedge_before(text_low, pos, lex)
                upper = _range_end(doc, j, between=i > 0 and lowers[i - 1] == "between")
                if upper is not None and upper[1] is not None and upper[1] > value:
                    if upper[1] <= 31 and upper[0] < size and _is_month(doc[upper[0]]):
                        i = upper[0]  # "on 3-4 May": days of the month
                        continue
                    j, approx = upper[0], True  # "5-7 policemen": the lowest figure (ACLED)
                out.append(_Cand(i, j, value, approx))
            i = max(j, i + 1)
            continue
        i += 1
    return out


_RANGE_LINKS = frozenset({"-", "–", "to", "or"})
#: words a number after which names a school year ("a form four student", "a grade 7 pupil")
_GRADES = frozenset({"form", "grade", "standard", "class", "std"})


def _is_month(tok: Token) -> bool:
    """A capitalised month name or abbreviation ("August", "Aug.", "Sept")."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in MONTHS


def _range_end(doc: Doc, j: int, between: bool = False) -> tuple[int, int | None] | None:
    """For a number ending before token ``j``: (end token, upper value) of a range ("5-7",
    "11 to 17", "two or three", and after ``between``: "between 10 and 15"), else None."""
    links = _RANGE_LINKS | {"and"} if between else _RANGE_LINKS
    if j + 1 >= len(doc) or doc[j].lower_ not in links or not _is_number_word(doc[j + 1]):
        return None
    k = j + 1
    while k < len(doc) and _is_number_word(doc[k]):
        k += 1
    return k, parse_number(doc[j + 1 : k].text)


# --------------------------------------------------------------------------- units
def _counted_noun(doc: Doc, c: _Cand, lex: FigureLexicon) -> Token | None:
    """The noun the number counts ("people" in "400,000 people"), or None."""
    last = doc[c.end - 1]
    nxt = doc[c.end] if c.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        for child in nxt.children:
            if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
        return None
    if nxt is not None and nxt.pos_ == "NOUN" and _event_phrase_at(doc, nxt, lex):
        return None  # "4 shot dead by raiders": the parser made the deed a noun the number counts
    if nxt is not None and nxt.pos_ in ("ADJ", "VERB") and c.end + 1 < len(doc) \
            and doc[c.end + 1].pos_ in ("CCONJ", "PUNCT", "ADP") and _unit_right_after(doc, c.end, lex):
        return None  # "two dead and cattle stolen": the dead counted, not the cattle
    if last.dep_ in ("nummod", "compound", "quantmod", "amod") and last.head.i >= c.end \
            and last.head.pos_ in ("NOUN", "PROPN", "ADJ") and _modifiers_between(doc, c.end, last.head.i) \
            and not any(t.text in "()" for t in doc[c.end : last.head.i]):  # "20 (some reports 30)"
        noun = last.head
        if noun.pos_ == "NOUN" and _event_phrase_at(doc, noun, lex):
            return None  # "1 unarmed protester shot dead": the deed read as the noun counted
        # a name or noun that qualifies the people counted: "two al Shabaab suspects", "Two
        # Kenya Defence Forces (KDF) soldiers", "9 cattle rustlers"
        while (noun.pos_ == "PROPN" and noun.dep_ in ("compound", "nmod") or noun.pos_ == "NOUN" and noun.dep_ == "compound") \
                and noun.head.i > noun.i and noun.head.pos_ == "NOUN" and noun.head.i - c.end <= 8:
            noun = noun.head
        return noun
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NN"):
        return nxt
    return None


def _event_phrase_at(doc: Doc, tok: Token, lex: FigureLexicon) -> bool:
    """Does an event unit's phrase of two words or more start at ``tok`` ("shot dead")?"""
    text = doc_text(doc)[tok.idx : tok.idx + 40].lower()
    return any(" " in p and _phrase_re(p, "^", r"(?![\w])").match(text)
               for u in lex.units if u.kind == "event" for p in u.phrases)


def _modifiers_between(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``start``-``end`` (before the counted noun) are few, or all modifiers of it:
    "Three plain-clothes police officers"."""
    gap = doc[start:end]
    return len(gap) <= 3 or len(gap) <= 6 and all(t.dep_ in ("amod", "compound", "punct") for t in gap)


#: entity types of a proper noun that is not a group of people
_NOT_PEOPLE_ENTS = frozenset({"ORG", "PRODUCT", "MONEY", "DATE", "TIME", "WORK_OF_ART", "LAW", "EVENT", "FAC",
                              "PERCENT", "QUANTITY"})


def _people_noun(noun: Token, lex: FigureLexicon) -> bool:
    """A noun that counts people: listed in ``people``, or one for someone who does something
    ("reservists", "bystanders", "loyalists")."""
    lemma = noun.lemma_.lower()
    if lemma.endswith("men") and lemma[:-3] + "man" in lex.people:
        return True  # a plural the tagger left as it is ("five CODECO militiamen", tagged singular)
    return lemma in lex.people or noun.pos_ == "NOUN" and bool(_PERSON_SUFFIX.search(lemma))


def named_group(noun: Token) -> bool:
    """A proper noun counted as people: a community or group named by its own name ("killed
    two Maasai", "five Pokot", "three Somalis"); only an event word then makes it a figure."""
    low = noun.lower_.rstrip(".")
    return (noun.pos_ == "PROPN" and noun.ent_type_ not in _NOT_PEOPLE_ENTS and noun.is_alpha
            and low not in MONTHS and low not in WEEKDAYS)  # "10 Sep.", "058L" are no people


def _unit_by_tree(anchor: Token, lex: FigureLexicon, stop_lemmas: frozenset[str]) -> str | None:
    """Walk from the counted noun up its heads looking for an event word (killed, fled, ...)."""
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod") and child.i > anchor.i - 2:
            unit = lex.unit_of_lemma(child.lemma_, "event")
            if unit:
                return unit
    cur = anchor
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        prev, cur = cur, cur.head
        unit = lex.unit_of_lemma(cur.lemma_, "event") or (_event_unit(cur, lex) if cur.pos_ == "VERB" else None) \
            or _participle_unit(cur, lex)
        if unit:
            return unit  # also a speech verb's complement: "Five police reported dead"
        if (verb := misread_verb(prev)) is not None and (unit := _event_unit(verb, lex)):
            # "militants killed 43 farmers harvesting rice", "..., killing three people, rights
            # groups said": the parser made the object the subject of another clause
            return unit
        if cur.lemma_.lower() in stop_lemmas or cur.pos_ == "VERB" and cur.dep_ in ("acl", "relcl") \
                and prev.dep_ in ("dobj", "obj"):
            break  # ("a vehicle carrying several pastors ..., kills civilian": the pastors were carried)
        for child in cur.children:
            if child.dep_ in ("xcomp", "acomp", "oprd"):
                unit = lex.unit_of_lemma(child.lemma_, "event")
                if unit:
                    return unit
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != anchor.i \
                    and not any(t.like_num for t in child.subtree):
                for t in child.subtree:
                    unit = lex.unit_of_lemma(t.lemma_, "event")
                    if unit:
                        return unit
        first = cur.head
        if prev.dep_ == "dobj" and cur.dep_ == "conj" and first.pos_ == "VERB" \
                and not any(c.dep_ == "dobj" for c in first.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) and (unit := _event_unit(first, lex)):
            # an object shared by coordinated verbs: "lynched and burned three men"; not the
            # object of a clause with its own subject ("..., and the police are holding five")
            return unit
        if prev.dep_ in ("nsubj", "nsubjpass") and cur.pos_ in ("VERB", "AUX"):
            # the people's own verb tells what happened to them ("2 civilians were taken as
            # hostages while ...", not the "killed" of the clause it hangs on): a passive's
            # conjunct ("were shot and killed"), else the phrase nearest to the figure
            return next((u for c in cur.children if prev.dep_ == "nsubjpass" and c.dep_ == "conj"
                         and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                         and (u := _event_unit(c, lex))), None)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("ROOT", "ccomp", "conj"):
            break
    return None


def _participle_unit(tok: Token, lex: FigureLexicon) -> str | None:
    """The event unit of a participle the tagger reads as an adjective with itself as lemma
    ("Five killed, six injured": "injured" is no lemma of the wounded unit, "injure" is)."""
    low = tok.lower_
    if tok.pos_ != "ADJ" or not low.endswith("ed"):
        return None
    return lex.unit_of_lemma(low[:-1], "event") or lex.unit_of_lemma(low[:-2], "event")


def _unit_just_before(text: str, start: int, lex: FigureLexicon) -> str | None:
    """A unit phrase that ends right before the figure ("home to three million", "a toll of 30")."""
    before = text[max(0, start - 30) : start].lower().rstrip()
    before = re.sub(r"\b(?:some|about|around|nearly|almost|over|more than|at least|an estimated)$", "", before).rstrip()
    for u in lex.units:
        if u.kind != "event":
            continue
        for phrase in u.phrases:
            if before.endswith(phrase):
                return u.name
    return None


def _unit_right_after(doc: Doc, end: int, lex: FigureLexicon) -> str | None:
    """The event word right after a bare number: "150+ injured", "15 captured and 1 killed"."""
    j = end + (end < len(doc) and doc[end].text == "+")
    if j >= len(doc) or doc[j].pos_ not in ("VERB", "ADJ"):
        return None
    tok = doc[j]
    # ("missing": the tagger's verb has the lemma "miss")
    return lex.unit_of_lemma(tok.lemma_.lower(), "event") or lex.unit_of_lemma(tok.lower_, "event") \
        or _participle_unit(tok, lex)


def _place_in_clause(anchor: Token) -> Token:
    """The token that stands for the counted people in their clause: the number before their
    "of" ("disperse hundreds of youths", "one of the perpetrators"), else ``anchor``."""
    return anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else anchor


def _own_clause(anchor: Token) -> tuple[int, int] | None:
    """Character span of the clause whose verb has the counted people as its subject ("2
    civilians were taken as hostages", "one was missing") or object ("..., and the police are
    holding five individuals", "tried to disperse hundreds of youths"), or None."""
    anchor = _place_in_clause(anchor)
    verb = anchor.head
    if anchor.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_ in ("be", "do") and not any(
            c.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj", "prep", "ccomp") for c in verb.children):
        return None  # an ellipsis: "three residents were killed, as was one of the attackers"
    last = verb.right_edge
    end = last.idx + len(last)
    for c in verb.children:  # a coordinated clause with its own subject is not theirs
        # (nor one the parser hung as a complement: "13 were shot, 1 of whom was killed", or as
        # an adverbial clause: "13 were shot in Kisumu, 1 of whom was killed")
        if (c.dep_ == "conj" or c.dep_ == "ccomp" and c.i > anchor.i) and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                or c.dep_ == "advcl" and c.i > anchor.i and any(
                    g.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in ("whom", "which") for t in g.subtree)
                    for g in c.children):
            end = min(end, c.left_edge.idx)
        if c.dep_ == "advcl" and c.i > anchor.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            # nor is what they gathered for: "Thousands gathered ... to mark the anniversary of
            # the bombing that killed 150 people"
            end = min(end, c.left_edge.idx)
    if anchor.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_ != "be":
        # nor what befell others their verb's object names: "Thousands attended the funeral of
        # two men killed by police"
        for t in verb.subtree:
            if t.dep_ in ("acl", "relcl") and t.i > anchor.i and t not in anchor.subtree:
                end = min(end, t.left_edge.idx)
    return verb.left_edge.idx, end


def _unit_by_phrase(doc: Doc, start: int, end: int, lex: FigureLexicon,
                    within: tuple[int, int] | None = None) -> str | None:
    """The event phrase nearest to the figure in its sentence (max 60 characters away), or in
    the clause ``within`` (character span) when the people counted are its verb's subject."""
    sent = doc.char_span(start, end, alignment_mode="expand")[0].sent
    s0 = sent.start_char
    low = sent.text.lower()
    if within is not None:
        s0, low = within[0], doc_text(doc)[within[0] : within[1]].lower()
    best: tuple[int, str] | None = None
    for u in lex.units:
        if u.kind != "event":
            continue
        for phrase in u.phrases:
            for m in _phrase_re(phrase, r"(?<![\w])", r"(?![\w])").finditer(low):
                a, b = m.start() + s0, m.end() + s0
                if a >= start and b <= end:
                    continue
                dist = a - end if a >= end else start - b
                if dist < 0 or dist > (60 if within is None else 90):  # the clause is theirs: a little further
                    continue
                if a < start:
                    dist += 15  # "14 were killed and 10 were taken hostage": what follows the number wins
                between = doc_text(doc)[min(b, end):max(a, start)]
                if re.search(r"[.;!?]", between):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, u.name)
    return best[1] if best else None


@functools.lru_cache(maxsize=1024)
def _phrase_re(phrase: str, before: str, after: str) -> re.Pattern[str]:
    """The pattern of a lexicon phrase between two boundary assertions, compiled once."""
    return re.compile(before + re.escape(phrase) + after)


def _place_near(anchor: Token) -> str | None:
    """A capitalised place name governing the figure ("Idlib is home to ...", "... in Homs")."""
    cur = anchor
    for _ in range(4):
        for child in cur.children:
            cand = None
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "PROPN" \
                    and child.i != anchor.i:
                cand = child
            elif child.dep_ == "prep" and child.lower_ in ("in", "near", "from", "across"):
                cand = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"),
                            None)
            if cand is not None and cand.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE"):
                ent = next((e for e in cand.doc.ents if e.start <= cand.i < e.end), None)
                if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
                    return ent.text
                left = cand.i
                while left > 0 and cand.doc[left - 1].dep_ == "compound" \
                        and cand.doc[left - 1].pos_ == "PROPN":
                    left -= 1
                return cand.doc[left:cand.i + 1].text
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def find_figures(doc: Doc, *, quotes: Sequence[Quote] | None = None) -> list[Figure]:
    """Reported numbers of people (killed, wounded, displaced, population, ...) in ``doc``.

    ``quotes`` (from :func:`warwire.claims.find_quotes`) give each figure its source; when
    omitted they are computed here.
    """
    lex = load_units()
    if quotes is None:
        from .claims import find_quotes

        quotes = find_quotes(doc)
    from .claims import load_cues

    stop = frozenset(load_cues().verbs)
    figures: list[Figure] = []
    last: tuple[Figure, int] | None = None  # previous figure and its sentence start
    for c in _candidates(doc, lex):
        first_tok = doc[c.start]
        sent_start = first_tok.sent.start
        counted = None if c.fraction is not None else _counted_noun(doc, c, lex)
        if counted is None and _children_of(doc[c.end - 1]):
            continue  # "a father of four is killed": his children, not the dead
        lives = counted is not None and _lives_taken(counted)  # "the attack claimed 9 lives"
        if counted is not None and not lives and not _people_noun(counted, lex) \
                and lex.unit_of_lemma(counted.lemma_) is None and not named_group(counted) \
                and not _members_counted(doc, counted, lex):
            log.debug("not people: %r %r", doc[c.start:c.end].text, counted.text)
            continue
        anchor = counted if counted is not None else doc[c.start if c.fraction else c.end - 1]
        if anchor.dep_ == "nsubj" and anchor.head.lemma_.lower() in stop and counted is not None \
                and lex.unit_of_lemma(counted.lemma_) is None and not misread_object(anchor) \
                and not any(c.dep_ in ("acomp", "xcomp", "oprd") for c in anchor.head.children):
            # (but "Five police reported dead", "11 raiders confirmed dead" are the dead)
            continue  # who tells it: "..., two local elected officials said"
        if _sizes_whose_group(doc[c.start], anchor) or _part_of_count(doc[c.start]):
            continue  # "3 members of one family", "two of three travellers", "5 people, three of one family"
        if _said_to_be(anchor):
            continue  # "killed a man believed to be one of the attackers": the man, once
        start_char = first_tok.idx
        last_tok = doc[c.end - 1]
        end_char = c.char_end if c.char_end is not None else last_tok.idx + len(last_tok)
        unit = "killed" if lives else None
        if unit is None and not (_is_doer(counted, lex) if counted is not None else _numbers_a_group(anchor)):
            unit = _unit_just_before(doc_text(doc), start_char, lex)
            if counted is not None:
                # (the word right after the people counted: "several others missing", "two others injured")
                unit = unit or lex.unit_of_lemma(counted.lemma_, "event") or _unit_right_after(doc, counted.i + 1, lex)
            else:
                unit = unit or _unit_right_after(doc, c.end, lex)
            unit = unit or _unit_by_tree(anchor, lex, stop)
            if not (counted is None and anchor.dep_ == "nummod" and anchor.head.pos_ == "VERB"):
                # not a number a verb of its own counts ("300 houses razed, 66 burned, 3 killed")
                unit = unit or _unit_by_phrase(doc, start_char, end_char, lex, _own_clause(anchor))
        if unit is None and counted is not None:
            unit = lex.unit_of_lemma(counted.lemma_, "group")
        quantity, approximate = c.quantity, c.approximate
        if c.fraction is not None:
            if last is None or last[1] < sent_start - 1 and not _adjacent(doc, last[1], sent_start):
                continue
            quantity = int(round(last[0].quantity * c.fraction))
            approximate = last[0].approximate
            if unit is None:
                unit = last[0].unit
        if unit is None or quantity is None:
            log.debug("no unit for %r", doc[c.start:c.end].text)
            continue
        accuser = _accuser(anchor.head) if anchor.dep_ == "dobj" and anchor.head.pos_ == "VERB" else None
        if accuser is not None and accuser.dep_ != "ROOT" and not headline_predicate(accuser):
            # "three men suspected of having killed two police officers": no toll told (but "Armed
            # men believed to be Al-Shabaab have killed three people" tells one)
            continue
        if anchor.dep_ == "dobj" and _victims_deed(anchor.head, lex):
            continue
        if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.lemma_.lower() in _SENTENCING:
            continue  # "sentenced three members to death": a penalty, no toll
        if anchor.dep_ in ("nsubjpass", "nsubj") and could_have(anchor.head):
            continue  # "dozens could have been killed": no toll
        units = [unit] + [u for u in _coordinated_units(anchor, unit, lex) if u != unit]
        for u in units:  # "1 civilian was kidnapped and killed": abducted, and killed
            fig = _figure(doc, start_char, end_char, quantity, u, anchor, quotes, approximate)
            figures.append(fig)
            if u == unit:
                last = (fig, sent_start)
    for person, unit in _named_one_by_one(doc, lex):
        figures.append(_figure(doc, person.left_edge.idx, person.idx + len(person), 1, unit, person, quotes))
    told = {(doc.char_span(f.span.start, f.span.end, alignment_mode="expand").sent.start, f.unit) for f in figures}
    for start, end, quantity, unit in _misread_deeds(doc, lex, told):
        last = doc[end - 1]
        figures.append(_figure(doc, doc[start].idx, last.idx + len(last), quantity, unit, last, quotes))
        told.add((doc[start].sent.start, unit))
    for num, quantity, unit in _counted_again(doc, lex, told):
        figures.append(_figure(doc, num.idx, num.idx + len(num), quantity, unit, num.head, quotes))
    figures.sort(key=lambda f: f.span.start)
    return figures


def _counted_again(doc: Doc, lex: FigureLexicon, told: set[tuple[int, str]]) -> list[tuple[Token, int, str]]:
    """(number, quantity, unit) of people counted before and befallen again as "them" in their
    sentence: "pulled 23 passengers off buses and shot them dead", "abducted 12 passengers and
    later killed them" (the sentence tells no other count of that kind)."""
    out: list[tuple[Token, int, str]] = []
    for pron in doc:
        if pron.lower_ != "them" or pron.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb = pron.head
        unit = _event_unit(verb, lex) if _reads_as_verb(verb) and not _not_real(verb) else None
        if unit is None or (pron.sent.start, unit) in told:
            continue
        nums = [t for t in doc[pron.sent.start : pron.i]
                if t.dep_ == "nummod" and t.head.i < pron.i and _people_noun(t.head, lex)]
        if nums and (quantity := parse_number(nums[-1].text)):
            out.append((nums[-1], quantity, unit))
            told.add((pron.sent.start, unit))
    return out


#: Verbs whose lives object is the dead: "claimed 9 lives", "cost 40 lives".
_TAKING_LIVES = frozenset({"claim", "cost", "take"})


def _lives_taken(noun: Token) -> bool:
    """Lives counted as what an event took: "the attack claimed 9 lives" (not "saved 9 lives")."""
    return noun.lemma_.lower() == "life" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _TAKING_LIVES


def _figure(doc: Doc, start: int, end: int, quantity: int, unit: str, anchor: Token,
            quotes: Sequence[Quote], approximate: bool = False) -> Figure:
    """The figure written at ``start``-``end``, with its source and the place it is about."""
    text = doc_text(doc)[start:end]
    who = anchor.lemma_.lower() if anchor.pos_ in ("NOUN", "PROPN") else None
    return Figure(quantity=quantity, text=text, unit=unit, approximate=approximate,
                  source=_source(quotes, start, end), who=who, place=_place_near(anchor),
                  span=Span(start=start, end=end, text=text))


def side_of(figure: Figure, lex: FigureLexicon | None = None) -> str | None:
    """The side of a fight the people a figure counts are on (``sides`` in the units file:
    "forces", "assailants", "civilians"), None when its noun names none ("people")."""
    lex = lex or load_units()
    return lex.sides.get(figure.who) if figure.who else None


# --------------------------------------------------------------------------- people one by one
_NOT_ONE = frozenset({"no", "any", "every", "each", "some", "another", "all", "either", "neither"})
# who is killed or hurt is a person; a noun for someone who does something is one too
# ("a human rights defender", "a suspected rustler", "a pedestrian")
_PERSON_SUFFIX = re.compile(r"..(?:er|or|ist|ian|ant|ent)$")
#: nouns of an amount, not a person, whatever their ending ("an unspecified number wounded")
_AMOUNTS = frozenset({"number", "amount"})
#: auxiliaries of an event that did not (or not yet) happen: "could be killed", "to kill"
_NOT_REAL_AUX = frozenset({"could", "would", "might", "may", "will", "shall", "should", "must", "can", "to"})


#: Verbs through which a passive subject is said to have suffered an event ("were reported to
#: have died", "are believed to have been killed").
_SAID_VERBS = frozenset({"report", "believe", "say", "confirm", "fear", "think", "understand", "know"})


#: verbs of a court's sentence, whose "to death" is a penalty, not a death
_SENTENCING = frozenset({"sentence", "condemn"})
#: what is done to someone for a deed, which makes the deed theirs, not the event's
_PUNISHED = _SENTENCING | {"convict", "jail", "imprison", "charge", "prosecute"}


def _event_unit(verb: Token, lex: FigureLexicon) -> str | None:
    """The event unit a verb reports: its own lemma ("killed") or its complement ("shot dead",
    "beaten to death")."""
    unit = lex.unit_of_lemma(verb.lemma_, "event")
    if unit:
        return unit
    for child in verb.children:
        word = None
        if child.dep_ in ("prt", "advmod", "acomp", "oprd", "advcl") \
                and (unit := lex.unit_of_lemma(f"{verb.lemma_.lower()} {child.lower_}", "event")):
            return unit  # "guns down", "burned 13 people alive"
        if child.dep_ in ("acomp", "oprd", "advmod") or child.dep_ == "advcl" and child.pos_ == "ADJ":
            word = child  # "shot dead", "shoot 1 policeman dead" (an adjective read as a clause)
        elif child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_.lower() not in _SENTENCING:
            # (not a sentence passed: "sentenced three members to death")
            word = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ == "dobj":  # "shot a suspect dead": the complement read as the object's modifier
            word = next((g for g in child.rights if g.dep_ == "amod"), None)
        elif child.dep_ == "xcomp" and verb.lemma_.lower() in _SAID_VERBS:
            # "two people were reported to have died" (not "... to have fled the scene")
            if (unit := _event_unit(child, lex)) in ("killed", "wounded"):
                return unit
        if word is not None and (unit := lex.unit_of_lemma(word.lemma_, "event")):
            return unit
    after = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.pos_ == "ADJ":  # "shot dead" parsed as a modifier
        return lex.unit_of_lemma(after.lemma_, "event")
    return None


def token_after(verb: Token, skip: Collection[str]) -> Token | None:
    """The first token after ``verb`` that is not one of the words ``skip`` (its complement:
    "shot dead by", "gunned down by"), or None at the end of the text."""
    doc, i = verb.doc, verb.i + 1
    while i < len(doc) and doc[i].lower_ in skip:
        i += 1
    return doc[i] if i < len(doc) else None


def particle_objects(verb: Token) -> list[Token]:
    """Objects the parser hung on a verb's particle ("guns down two officers": "officers" read
    as the object of "down")."""
    return [g for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "up", "off")
            for g in c.children if g.dep_ == "pobj"]


#: Verbs that always take an object: a headline's past tense of one with none reads as a passive
#: whose subject is the victim or the thing ("Four security officers killed.", "Six year old boy
#: killed", "Unexploded bomb discovered inside bus", "IED defused near Mandera").
TRANSITIVE_ONLY = frozenset({"kill", "murder", "behead", "assassinate", "execute", "abduct", "kidnap",
                             "injure", "wound", "slaughter", "lynch", "massacre",
                             "find", "discover", "uncover", "defuse", "recover", "confiscate", "impound"})


def objectless_transitive(verb: Token) -> bool:
    """A past form of a :data:`TRANSITIVE_ONLY` verb, or "shot dead", with no object, auxiliary
    or particle: a headline's passive ("Woman killed on her farm", "Student shot dead in
    clashes", "Suspected Mungiki member killed at slum")."""
    shot_dead = verb.lemma_.lower() in ("shoot", "gun") and any(c.lower_ in ("dead", "down") for c in verb.children)
    return verb.tag_ in ("VBN", "VBD") and (verb.lemma_.lower() in TRANSITIVE_ONLY or shot_dead) and not any(
        c.dep_ in ("aux", "auxpass", "prt", "dobj") or c.dep_ == "ccomp" and verb.lemma_.lower() in _FINDING
        for c in verb.children) and _shared_object(verb) is None  # (not "police found that ...")


def _shared_object(verb: Token) -> Token | None:
    """The object of the verb coordinated after ``verb`` that ``verb`` shares ("gunmen killed and
    burnt two farmers": active, the gunmen killed; "killed and wounded 12 people"), or None."""
    for conj in verb.conjuncts:
        if conj.i > verb.i and any(c.dep_ == "cc" and verb.i < c.i < conj.i for c in verb.children) \
                and not any(t.is_punct for t in verb.doc[verb.i + 1 : conj.i]):  # ("found dead; had links with ...")
            obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _by_follows(verb: Token) -> bool:
    """"shot dead by", "killed by": "by" right after the verb and its complement."""
    after = token_after(verb, ("dead", "down"))
    return after is not None and after.lower_ == "by"


#: participles that open a reduced relative clause the parser reads as the main verb ("a man
#: believed to be ...", "two men said to be traders")
_REDUCED_RELATIVE = frozenset({"believe", "say", "think", "suspect", "report", "know", "allege", "presume"})


def reduced_relative_subject(verb: Token) -> Token | None:
    """The subject of a passive ``verb`` the parser hung on a participle before it: in "a man
    believed to be a member of the ONLF was shot dead", "man" is the subject of "believed" and
    "shot" has none.  None when ``verb`` has its own subject or is no passive."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    told = [c for c in verb.children if c.dep_ in ("ccomp", "advcl")]
    if verb.dep_ == "conj":
        told.append(verb.head)
    for rep in told:
        subj = next((g for g in rep.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and rep.i < verb.i and rep.tag_ in ("VBN", "VBD") \
                and rep.lemma_.lower() in _REDUCED_RELATIVE:
            return subj
    return None


#: Verbs of finding whose participle complement tells what befell the one found ("found murdered").
_FINDING = frozenset({"find", "discover"})


#: verbs of hurting: what "killed and wounded" counts is both together
_HURTING = frozenset({"wound", "injure", "hurt", "maim", "harm"})


def _sufferers(verb: Token, spec: UnitSpec) -> list[Token]:
    """Whom ``verb`` happened to: its object ("killed a farmer"), its passive subject ("a farmer
    was killed", also through a coordinated verb: "was kidnapped, murdered and buried"), the
    noun it qualifies ("a civilian killed in the raid"), or the subject of verbs such as "die"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] or particle_objects(verb)
    if not objects and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("auxpass", "prt") for c in verb.children) \
            and (shared := _shared_object(verb)) is not None and shared.head.lemma_.lower() not in _HURTING:
        # an object shared with the verb that follows: "a mob lynched and set ablaze a man" (not
        # "killed and wounded 12 people", a count of both)
        objects = [shared]
    if objects:
        return objects
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]
    subj_verb = verb
    while subj_verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in subj_verb.children):
        subj_verb = subj_verb.head
    finding = verb.head.lemma_.lower() in _FINDING
    if (verb.dep_ in ("xcomp", "advcl") or verb.dep_ == "ccomp" and finding) and (
            finding and verb.tag_ == "VBN" or verb.head.lemma_.lower() == "leave" and verb.tag_ in ("VBN", "VBD")) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        # "a man was found murdered", "police discovered a chief hacked to death", "a police
        # operation left the son of a business owner shot dead" (the parser's past tense); a
        # headline's finding has no auxiliary: "Man found killed, throat slit"
        found = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj")]
        if not found and finding and _headline_finding(verb.head):
            found = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return found
    if verb.lemma_.lower() in _FINDING and _headline_finding(verb) and any(c.dep_ == "oprd" for c in verb.children) \
            and (found := [c for c in verb.children if c.dep_ == "nsubj"]):
        return found  # "Terror suspect found dead on side of road"
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _SAID_VERBS \
            and any(c.dep_ == "auxpass" for c in verb.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.head.children):
        # "a chief said to be instrumental in the war against terror was gunned down": the
        # parser made the description the main clause and left the passive no subject
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    if verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_ == "be" \
            and verb.i > verb.head.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "A man was on Sunday night lynched", "an officer was on Wednesday shot dead": a passive
        # the parser split at its auxiliary
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if (subj := _noun_before_auxiliary(verb)) is not None:
        return [subj]
    # a headline's bare participle is passive: "Officer killed at camp by a bomb"
    # ("Police reservist shot dead by militants": a past tense before "by" reads so too)
    headline = (verb.tag_ == "VBN" or verb.tag_ == "VBD" and (_by_follows(verb) or objectless_transitive(verb))) \
        and not any(c.dep_ in ("aux", "auxpass") for c in subj_verb.children)
    wanted = ("nsubjpass", "nsubj") if headline or verb.lemma_.lower() in spec.subject_lemmas \
        or verb.pos_ == "AUX" else ("nsubjpass",)  # a copula's subject: "a man is dead"
    found = [c for c in subj_verb.children if c.dep_ in wanted]
    if not found and (subj := reduced_relative_subject(verb)) is not None:
        found = [subj]
    if verb.dep_ == "relcl" and verb.head.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in ("who", "that") for t in found):
        # "A man who was killed had his eyes gouged out": the subject the clause is on (not one
        # a protest is for: "in protest of a colleague who had died")
        found = [verb.head]
    return found


def _headline_finding(find: Token) -> bool:
    """A "found" with no auxiliary and no object, told of its subject: a headline's passive."""
    return find.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in find.children)


def _noun_before_auxiliary(verb: Token) -> Token | None:
    """The noun right before a subjectless passive's auxiliary, past an appositive set off by
    commas, when a conjunction opens its phrase: in "... in Baragoi and a Samburu herdsman,
    16-year-old Nkilei Lekupuny, was killed" the parser hangs "herdsman" on the town and gives
    "killed" no subject (but "a reservist responded to the call and was shot dead" shares its
    subject)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubjpass") for c in verb.children):
        return None
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i), None)
    if aux is None or aux.i < 2:
        return None
    doc = verb.doc
    j = aux.i - 1
    if doc[j].is_punct and doc[j].text == ",":
        j -= 1
        appos = doc[j]
        start = min(t.i for t in appos.subtree) if appos.dep_ == "appos" else appos.i
        if start < 2 or doc[start - 1].text != ",":
            return None
        j = start - 2
    noun = doc[j]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.sent.start != verb.sent.start or verb in noun.ancestors:
        return None
    opening = noun.left_edge.i - 1
    if opening < 0 or doc[opening].lower_ not in ("and", "but", "while", "whereas"):
        return None
    return noun


#: ordinals that, after people told in their sentence, name one more of them ("a fourth died")
_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())


def _one_more_of_those_before(noun: Token, lex: FigureLexicon) -> bool:
    """Is ``noun`` the subject that names one more of the people told before it in its sentence
    ("another", "a fourth")?"""
    return noun.dep_ in ("nsubj", "nsubjpass") and any(t.lemma_.lower() in lex.people or t.like_num
                                                       for t in noun.doc[noun.sent.start : noun.i])


def _one_person(noun: Token, lex: FigureLexicon) -> bool:
    """A singular person with no number ("a police officer", "the clerk", "Melitus Were", "kill
    him"; "kill civilian", where the tagger reads the object as an adjective)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "ADJ" and noun.dep_ in ("dobj", "nsubjpass") and lemma in lex.people:
        return True
    if noun.pos_ == "PRON":
        # "attack policeman and kill him"; "a thief was lynched while another was gunned down"
        return noun.lower_ in ("him", "her", "he", "she", "himself", "herself") \
            or noun.lower_ == "another" and _one_more_of_those_before(noun, lex)
    if noun.lower_ in _ORDINALS and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return _one_more_of_those_before(noun, lex)  # "killed three people, and a fourth died in hospital"
    if lemma == "old" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children) \
            and any(c.lemma_ in ("year", "month") and c.dep_ == "npadvmod" for c in noun.children):
        return True  # "killed a 21-year-old"
    if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ in ("NNS", "NNPS") or noun.like_num:
        return False
    if noun.ent_type_ == "NORP" and (any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) or (
            noun.dep_ == "dobj" and noun.tag_ == "NNP" and not noun.lower_.endswith("s")
            and not any(c.dep_ == "det" for c in noun.children))):
        return True  # "A Kenyan is dead", "a Briton was shot dead", a headline's "raiders kill Kenyan"
    if noun.pos_ == "PROPN" and any(c.dep_ == "appos" and c.pos_ == "NOUN" and _one_person(c, lex) for c in noun.children):
        return True  # "shot dead Mwenda Itaeba, a Jubilee politician" (a name the tagger took for a firm)
    if lemma not in lex.people and noun.ent_type_ != "PERSON" and (not _PERSON_SUFFIX.search(lemma) or lemma in _AMOUNTS) \
            or lemma in _COLLECTIVE and lemma != "police":  # ("a traffic police shot dead a woman")
        return False
    if lemma not in _PARENTS and any(c.dep_ == "prep" and c.lower_ == "of" and any(g.like_num for g in c.children)
                                     for c in noun.children):
        return False  # "a family of five": counted by its number (but "a father of four" is one)
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")
                                                           for g in c.children) for c in noun.children) \
            and lemma not in lex.people:
        return False  # "an unknown number of people", "a group of traders": not one person
    # (nor "not a single civilian had been killed": none)
    return not any(c.dep_ == "nummod" and not _school_year(c) or (c.dep_ == "det" and c.lower_ in _NOT_ONE)
                   or c.dep_ == "neg" for c in noun.children)


def _sizes_whose_group(num: Token, noun: Token) -> bool:
    """Does the number size the group that people counted before it belong to ("3 members of
    one family", "two of three travellers"): counting no one new?"""
    of = noun.head
    return num.dep_ == "nummod" and num.head == noun and noun.dep_ == "pobj" and of.lower_ == "of" \
        and (of.head.like_num or any(c.dep_ == "nummod" for c in of.head.children))


def _part_of_count(num: Token) -> bool:
    """Is the number some of a count told right before it ("killed 5 people, three of one
    family"; not its parts by day or place, "five herders; one on 11/04, four on 12/04", which
    the events stage reads)?"""
    return num.dep_ == "appos" and num.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children) \
        and any(c.dep_ == "nummod" for c in num.head.children)


def _said_to_be(anchor: Token) -> bool:
    """Is the counted phrase what someone else is said to be ("a man believed to be one of the
    perpetrators", "a suspect thought to be one of them"): a description, counting no one new."""
    anchor = _place_in_clause(anchor)
    be = anchor.head
    return anchor.dep_ == "attr" and be.lemma_ == "be" and be.dep_ == "xcomp" and be.head.dep_ in ("acl", "relcl")


def _school_year(num: Token) -> bool:
    """A number that names a school year: "a form four student", "a grade 7 pupil"."""
    return num.i > 0 and num.doc[num.i - 1].lower_ in _GRADES


def _reads_as_verb(tok: Token) -> bool:
    """A verb, or a word the tagger read otherwise that governs like one: a noun with an object
    ("residents lynch a suspected thief"), a copula with its complement ("a man is dead"), an
    adjective with an object ("Gunmen on a motorcycle shot dead a rubber tapper", "shot" read
    as a noun)."""
    if tok.pos_ == "VERB":
        return True
    dep = {"NOUN": "dobj", "AUX": "acomp", "ADJ": "dobj"}.get(tok.pos_)
    return dep is not None and any(c.dep_ == dep for c in tok.children)


def _named_one_by_one(doc: Doc, lex: FigureLexicon) -> list[tuple[Token, str]]:
    """(person, unit) for each person named without a number as the one an event happened to:
    "a police officer was shot dead" is one killed, as ACLED counts it.  Negated ("was not
    hurt"), intended ("tried to kill a man") and possible ("could be killed") events count none."""
    specs = {u.name: u for u in lex.units if u.one_named}
    out: list[tuple[Token, str]] = []
    for verb in doc:
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in _FINDING or not _reads_as_verb(verb):
            continue  # ("tried to kill a man": no one killed; "was found murdered": one)
        unit = _event_unit(verb, lex)
        if unit not in specs or _not_real(verb) or any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost")
                                                      for c in verb.children) \
                or _accused_of(verb) or _victims_deed(verb, lex):
            continue
        if verb.lemma_.lower() in specs[unit].unsure_lemmas and _said_to_live(verb, specs[unit]):
            continue  # "a suspected thief was lynched ... police rescued him shortly before death"
        for noun in _sufferers(verb, specs[unit]):
            # "A religious leader and UWSLF leader was shot dead": one man, twice described
            one = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has")
                      for c in noun.head.children)
            named = (noun, *_listed_with(noun))
            out.extend((p, unit) for p in (named[:1] if one else named) if _one_person(p, lex))
            if _one_person(noun, lex):
                out.extend((p, unit) for p in _kin_with(verb, lex))
    # (a body found in a sentence that tells a killing is that victim's: "was killed and her
    # body was dumped")
    told = {p.sent.start for p, unit in out if unit == "killed"}
    for body in doc:
        if body.sent.start not in told and _body_found(body):
            out.extend((p, "killed") for p in ([body] if _one_body_found(body) else _bodies_of(body, lex)))
    return out


def _listed_with(noun: Token) -> list[Token]:
    """The people listed with ``noun``: its conjuncts, and a list the parser read as an
    apposition ("A 7 year old boy, a pregnant woman, and a demonstrator were killed": three; not
    "Mwenda Itaeba, a politician", one man named and described)."""
    listed = list(noun.conjuncts)

    def indefinite(t: Token) -> bool:
        return t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)

    if indefinite(noun):
        for appos in (c for c in noun.children if c.dep_ == "appos" and indefinite(c) and c.conjuncts):
            listed.extend((appos, *appos.conjuncts))
    return listed


#: words before a verb form that make it no deed done ("tried to kill a man", "accused of
#: killing a trader", "arrested for murdering a chief", "did not kill a man", "nearly lynched")
_NO_DEED_BEFORE = frozenset({"to", "of", "for", "not", "never", "n't", "no", "nearly", "almost"})
#: people nouns that name a body of people, not one person ("killed the police")
_COLLECTIVE = frozenset({"police", "security", "militia", "force", "personnel", "staff", "family",
                         "people", "elderly"})
#: tokens that may stand between a verb and the person it befell ("a ONLF sympathising shopkeeper")
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "NUM"})


def _words_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _one_named_after(doc: Doc, j: int, end: int, lex: FigureLexicon) -> tuple[int, int, int] | None:
    """(quantity, first token, last token) of the people the words from token ``j`` (to ``end``)
    name as a verb's object: a number with nothing or people counted after it ("killing four and
    stealing cattle", "lynched two suspected robbers"), or one person named without a number
    ("kills elder", "lynch a murder suspect in ...", "shot dead a Briton", "killing and robbing
    him")."""
    if j + 1 < end and doc[j].lower_ == "and" and doc[j + 1].pos_ in ("VERB", "NOUN") and doc[j + 1].is_lower:
        j += 2  # a second verb with the same object: "lynches and burns a suspected thief"
    if j < end and doc[j].lower_ in ("him", "her"):
        return 1, j, j  # "killing and robbing him"
    first = j
    article = j < end and doc[j].lower_ in ("a", "an", "the")
    j += article
    quantity = parse_number(doc[j].text) if j < end and _is_number_text(doc[j].lower_) else None
    if quantity is not None:
        after = doc[j + 1] if j + 1 < end else None
        if after is None or after.pos_ in ("CCONJ", "PUNCT", "ADP"):
            return quantity, first, j  # "killing four and stealing cattle"
        j += 1  # "lynched two suspected robbers": the people it counts follow
    head = None
    for k in range(j, min(end, j + 4)):
        tok = doc[k]
        # (a participle only before the noun it qualifies: "a suspected thief", not "a man
        # suspected of ...")
        prenominal = k + 1 < end and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")
        if tok.pos_ not in _MODIFIER_POS or not tok.is_alpha \
                or tok.tag_ in ("VBN", "VBD", "VBZ", "VBP") and not (tok.tag_ == "VBN" and prenominal):
            break
        head = tok
    if quantity is not None:
        people = head is not None and (head.lemma_.lower() in lex.people or head.lower_ in lex.people)
        return (quantity, first, head.i) if people else None
    if head is None or head.lower_ in _COLLECTIVE or head.tag_ in ("NNS", "NNPS") or head.lower_.endswith("men"):
        return None
    # "a Briton", "a Somali": one of a people (the tagger may read the people as a country)
    one_of_a_people = article and doc[j - 1].lower_ != "the" and head.pos_ == "PROPN" and head.i == j
    return (1, first, head.i) if head.lower_ in lex.people or one_of_a_people else None


def _one_named_before(doc: Doc, i: int, start: int, lex: FigureLexicon) -> int | None:
    """The token of one person named right before "was" or "is" and the verb form at ``i``
    ("Newly elected legislator Melitus Were was shot dead", where the tagger reads the name
    "Were" as a verb), or None."""
    k = i - 1
    while k > start and i - k <= 4 and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].lower_ in ("on", "at")):
        k -= 1  # "A motorcyclist was on Saturday shot dead"
    if k - 1 < start or doc[k].lower_ not in ("was", "is"):
        return None
    subj = doc[k - 1]
    person = subj.ent_type_ == "PERSON" or subj.lower_ in lex.people and subj.tag_ not in ("NNS", "NNPS") \
        or subj.pos_ == "PROPN" and k - 2 >= start and doc[k - 2].lower_ in ("a", "an")  # "A Kipsigis is killed"
    if any(c.dep_ == "det" and c.lower_ in _NOT_ONE for c in subj.children) or doc[k - 2].lower_ in _NOT_ONE:
        return None  # "denied that any protester was killed"
    return subj.i if person and subj.lower_ not in _COLLECTIVE else None


def _misread_deeds(doc: Doc, lex: FigureLexicon, told: set[tuple[int, str]]) -> list[tuple[int, int, int, str]]:
    """(start token, end token, quantity, unit) for each deed done to people named right after
    its verb, in a sentence with no figure of that unit (``told``: (sentence start, unit)) — the
    headlines the parser misreads: "Residents lynch robber", "MRC attacks village and kills
    elder", "Youths kill a butcher and torch houses"."""
    out: list[tuple[int, int, int, str]] = []
    first_words = {spec.name: {w[0] for w in spec.object_words} for spec in lex.units}
    for sent in doc.sents:
        for spec in lex.units:
            if not spec.object_words or (sent.start, spec.name) in told:
                continue
            for i in range(sent.start, sent.end):
                if doc[i].lower_ not in first_words[spec.name]:
                    continue
                words = next((w for w in spec.object_words if _words_at(doc, i, w)), None)
                before = doc[i - 1] if i > sent.start else None
                if words is None or before is not None and (
                        before.lower_ in _NO_DEED_BEFORE or before.pos_ in ("DET", "ADJ")
                        or before.tag_ == "PRP$") or doc[i].pos_ == "VERB" and (
                        _not_real(doc[i]) or _victims_deed(doc[i], lex) or _accused_of(doc[i])):
                    # (a determiner or adjective makes it a noun: "the murder suspect", "an
                    # alleged murder suspect"; "shot a man who had killed three people": his deed)
                    continue
                named = _one_named_after(doc, i + len(words), sent.end, lex)
                if named is None and (one := _one_named_before(doc, i, sent.start, lex)) is not None:
                    j = one  # "legislator Melitus Were was shot dead"
                    while j > sent.start and doc[j].ent_type_ == "PERSON" and doc[j - 1].ent_type_ == "PERSON":
                        j -= 1  # the whole name
                    named = (1, j, one)
                if named is None or (spec.lived and _said_to_live(doc[i], spec)):
                    continue
                quantity, first, last = named
                out.append((first, last + 1, quantity, spec.name))
                break
    return out


def _kin_with(verb: Token, lex: FigureLexicon) -> list[Token]:
    """Whom the one it befell was with, named as theirs: "a worker was killed ... with his wife
    and son" is three dead."""
    # (the parser may hang it on the doers: "killed by unidentified armed men with his wife")
    doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    with_ = next((c for t in (verb, *doers) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    first = next((g for g in with_.children if g.dep_ == "pobj"), None) if with_ is not None else None
    if first is None or not any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in first.children):
        return []
    return [p for p in (first, *first.conjuncts) if _one_person(p, lex)]


def _said_to_live(verb: Token, spec: UnitSpec) -> bool:
    """Do the verb's sentence or the next say the one it befell lived (``spec.lived``)?"""
    sent = verb.sent
    end = sent.end_char
    if sent.end < len(verb.doc):
        end = verb.doc[sent.end].sent.end_char
    text = doc_text(verb.doc)[sent.start_char:end].lower()
    return any(re.search(rf"\b{re.escape(p)}", text) for p in spec.lived)


def could_have(verb: Token) -> bool:
    """A verb of what did not happen: "could have been killed", "would have died"."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & {"could", "would", "might", "may"}) and "have" in aux


def _not_real(verb: Token) -> bool:
    """A negated verb or one of an event that did not (or not yet) happen ("was not hurt",
    "could be killed", "to kill"), or one asked about ("it is not clear if the victim survived
    or died", "unclear whether he died")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _NOT_REAL_AUX) for c in verb.children) \
        or any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


#: Verbs that tell a body was found ("the body of a trader was found", "dumped a body").
_BODY_FOUND = _FINDING | {"recover", "retrieve", "dump", "exhume"}


#: nouns for a dead person's body
BODY_NOUNS = frozenset({"body", "corpse"})


def _body_found(noun: Token) -> bool:
    """A body or bodies found, dumped or recovered ("The body of a trader was found"; "His body
    and the body of a woman were found": both)."""
    if noun.lemma_.lower() not in BODY_NOUNS:
        return False
    if noun.dep_ == "conj" and noun.head.lemma_.lower() in BODY_NOUNS:
        return _body_found(noun.head)
    return noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in _BODY_FOUND and not _not_real(noun.head)


def _one_body_found(noun: Token) -> bool:
    """One dead person's body found: "The body of a trader was found in Garissa"."""
    return _body_found(noun) and noun.tag_ == "NN" \
        and not any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in _NOT_ONE) for c in noun.children)


def _bodies_of(noun: Token, lex: FigureLexicon) -> list[Token]:
    """The people whose bodies were found, named one by one: "the bodies of a teacher and his
    wife were found" is two dead."""
    if not (_body_found(noun) and noun.tag_ == "NNS") or any(c.dep_ == "nummod" for c in noun.children):
        return []
    of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"), None)
    if of is None:
        return []

    def one_more(p: Token) -> bool:  # "... and another youth": one more of the dead
        return p.tag_ == "NN" and p.lemma_.lower() in lex.people and any(c.lower_ == "another" for c in p.children)

    # (the parser may join the second person to "bodies": "the bodies of X and another youth")
    return [p for p in (of, *of.conjuncts, *noun.conjuncts) if _one_person(p, lex) or p is not of and one_more(p)]


#: Verbs and nouns that attribute a deed to someone: the deed is what they are accused of, not
#: an event told ("three men suspected of killing an elderly man were lynched", "lynched over
#: allegations of killing a teacher").
_ACCUSING = frozenset({"suspect", "accuse", "believe", "allege", "charge", "convict", "blame",
                       "allegation", "accusation", "suspicion"})


def _victims_deed(verb: Token, lex: FigureLexicon) -> bool:
    """``verb`` tells what a victim had done, not the event: a relative clause on the one the
    event befell ("a man who killed his wife and kids was seized by a mob and killed", "police
    shot a man who had killed three people"), what they were killed or hurt for ("a man is
    lynched for killing his brother"; but "police were criticised for killing two"), or a deed
    inside what someone is suspected of ("a student suspected of joining a raid that killed six
    was stoned to death").  The doers' own clause is the event's ("the gunmen who killed three
    villagers escaped")."""
    if verb.dep_ == "relcl" and verb.head.dep_ in ("nsubjpass", "dobj") and any(
            c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children) \
            and (verb.head.pos_ != "NOUN" or _people_noun(verb.head, lex)) \
            and not (verb.head.dep_ == "dobj" and _event_unit(verb.head.head, lex) == "detained"):
        # (not a deed of the event's own: "sparking a siege that left 21 people dead"; nor the
        # deed the news is, told of the one arrested for it: "arrested a rogue officer who shot
        # dead two colleagues")
        return True
    if verb.tag_ == "VBG" and (above := reason_for(verb)) is not None \
            and (_event_unit(above, lex) in ("killed", "wounded", "detained") or above.lemma_.lower() in _PUNISHED):
        # (also "lynched by residents for killing a youth", "arrested a man for killing", "a
        # girl who was sentenced to death for killing her husband")
        return True
    if _believed_of_the_victim(verb):
        return True
    return any(a.lemma_.lower() in _ACCUSING and a.dep_ in ("acl", "amod", "relcl") and not headline_predicate(a)
               for a in verb.ancestors)


def reason_for(verb: Token) -> Token | None:
    """The verb a "for" clause gives ``verb`` as the reason of: "lynched for killing a youth",
    also where the parser hung "for" on a noun of that verb's phrase ("lynched by residents for
    killing a youth", "for shooting and killing a youth"); None when ``verb`` is no such clause."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "pcomp" or verb.head.lower_ != "for":
        return None
    tok = verb.head.head
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in ("pobj", "agent", "prep", "dobj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _believed_of_the_victim(verb: Token) -> bool:
    """A deed told right after a clause of belief on the one the event befell, which the parser
    split off as a verb of its own: "lynches a man they believe killed a child"."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    belief = verb.doc[verb.i - 1]
    return belief.dep_ == "relcl" and belief.lemma_.lower() in _REDUCED_RELATIVE | _ACCUSING \
        and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in belief.children)


def headline_predicate(participle: Token) -> bool:
    """A participle on the verbless root of its sentence, or on a noun coordinated with it:
    a headline's predicate ("Soldiers accused of killing 30 civilians", "Mali's army and Wagner
    fighters accused of ..."), which reports what it says, not who someone is."""
    noun = participle.head
    if participle.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    root = noun if noun.dep_ == "ROOT" else noun.head if noun.dep_ == "conj" and noun.head.dep_ == "ROOT" else None
    return root is not None and root.pos_ in ("NOUN", "PROPN")


def headline_accusation(verb: Token) -> Token | None:
    """The accusing participle of a headline whose deed ``verb`` is ("Soldiers accused of
    killing 30 civilians": "accused"), or None."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
        return None
    accused = verb.head.head
    return accused if accused.lemma_.lower() in _ACCUSING and headline_predicate(accused) else None


def _accused_of(verb: Token) -> bool:
    """True when ``verb`` is a deed attributed to someone ("suspected of killing a man", "a
    man they believe killed a child"); a passive is what befell its subject ("It is believed
    that Msando was murdered")."""
    return _accuser(verb) is not None


def _accuser(verb: Token) -> Token | None:
    """The verb that attributes ``verb`` to someone (see :func:`_accused_of`), or None."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    cur = verb
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ not in ("pcomp", "pobj", "prep", "ccomp", "xcomp"):
            return None
        cur = cur.head
        if cur.lemma_.lower() in _ACCUSING and cur.i < verb.i:
            return cur
    return None


#: Participles that give a group's members ("a gang comprising four men", "consisting of",
#: "made up of", "composed of").
_MEMBERSHIP_VERBS = frozenset({"comprise", "consist", "make", "compose", "number"})


#: people whose number after "of" counts their children ("a father of four")
_PARENTS = frozenset({"father", "mother", "parent", "grandfather", "grandmother", "grandparent"})


def _children_of(num: Token) -> bool:
    """ "a father of four", "a mother of six": the number is of their children."""
    of = num.head
    return num.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _PARENTS


#: nouns for a body of people whose size "of" gives ("an armed group of 8", "a gang of five")
_GROUPS = frozenset({"group", "gang", "band", "team", "squad", "unit", "crowd", "mob", "contingent",
                     "party", "cell", "pack", "convoy", "patrol"})


def _members_counted(doc: Doc, counted: Token, lex: FigureLexicon) -> bool:
    """A group whose members a number counts, though the tagger reads no people in it: an
    acronym taken for a common noun before an event word ("8 suspected SLDF killed"), or an
    organisation with a number before it ("7 ANSF and 4 Taliban were killed")."""
    if counted.is_upper and counted.is_alpha and len(counted) > 1 \
            and _unit_right_after(doc, counted.i + 1, lex) is not None:
        return True
    return counted.ent_type_ == "ORG" and counted.pos_ == "PROPN" and counted.is_alpha \
        and any(ch.dep_ == "nummod" and ch.i < counted.i for ch in counted.children)


def _numbers_a_group(num: Token) -> bool:
    """A bare number that sizes a group: "Suspected al Shabaab, numbering 5, killed a worker",
    "police encountered an armed group of 8"."""
    verb = num.head
    if num.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _GROUPS:
        return True
    return num.dep_ in ("nummod", "dobj") and verb.dep_ == "acl" and verb.lemma_.lower() in _MEMBERSHIP_VERBS


def misread_object(noun: Token) -> bool:
    """Is ``noun`` the object of a verb that takes one, which the parser made the subject of a
    clause right after it ("militants killed 43 farmers harvesting rice"), or of the verb of
    telling that closes the sentence ("..., killing at least three people, human rights groups
    said on Tuesday")?  See :func:`misread_verb`."""
    return misread_verb(noun) is not None


def misread_verb(noun: Token) -> Token | None:
    """The verb whose object the parser made ``noun`` the subject of another clause (see
    :func:`misread_object`), or None."""
    clause = noun.head
    if noun.dep_ != "nsubj":
        return None
    if clause.dep_ in ("advcl", "ccomp", "xcomp") and clause.head.lemma_.lower() in TRANSITIVE_ONLY \
            and noun.left_edge.i == clause.head.i + 1:
        return clause.head
    verb = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    if verb is not None and clause.i > noun.i and clause.lemma_.lower() in _SAID_VERBS \
            and verb.pos_ == "VERB" and verb.lemma_.lower() in TRANSITIVE_ONLY \
            and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return verb
    return None


def _is_doer(anchor: Token, lex: FigureLexicon) -> bool:
    """True when the people counted did the deed: "three gunmen shot dead a driver", "a gang of
    three men", "a gang comprising four men", "killed by two assailants", "an attack by 100
    raiders", "four men shot dead a priest" read as a reduced relative clause — their number is
    not a toll."""
    if any(
        c.dep_ == "acl" and c.pos_ == "VERB" and any(g.dep_ == "dobj" for g in c.children)
        and _event_unit(c, lex) in ("killed", "wounded") for c in anchor.children
    ):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and _event_unit(c, lex) for c in anchor.children):
        return False  # "1 person killed after clash ... sparked further violence": what befell them
    np = anchor
    if np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.pos_ in ("NOUN", "PROPN"):
        np = np.head.head
    else:  # the members given by a participle: "a gang comprising / consisting of four men"
        verb = np.head
        while verb.pos_ in ("ADP", "ADV", "PART") and verb.head.i != verb.i:
            verb = verb.head
        if verb.i != np.i and verb.dep_ == "acl" and verb.lemma_.lower() in _MEMBERSHIP_VERBS \
                and np.dep_ in ("dobj", "pobj"):
            np = verb.head
    if np.dep_ == "pobj" and np.head.dep_ == "agent":
        return True
    if np.dep_ == "pobj" and np.head.lower_ == "by" and np.head.head.pos_ in ("NOUN", "PROPN"):
        return True  # "an attack by about 100 raiders": who attacked
    if np.dep_ != "nsubj" or misread_object(np):
        return False
    # the verbs they are the subject of: theirs and its conjuncts without a subject of their own
    # ("three men shot and killed a trader"; not "Al Shabaab attacks forces, seven soldiers killed")
    verbs = (np.head, *(v for v in np.head.conjuncts
                        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != np.i for c in v.children)))
    # (their own lives lost are no deed: "23 people lost their lives")
    return any(c.dep_ == "dobj" and not (c.lemma_.lower() == "life" and v.lemma_.lower() == "lose")
               for v in verbs for c in v.children)


def _coordinated_units(anchor: Token, unit: str, lex: FigureLexicon) -> list[str]:
    """Event units of verbs coordinated with the one that gave ``unit`` to the people counted:
    "were abducted and later killed", "were shot and wounded"; not a verb with people of its
    own ("killing four civilians and wounding 12")."""
    cur = anchor
    for _ in range(4):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.pos_ == "VERB" and lex.unit_of_lemma(cur.lemma_, "event") == unit:
            break
    else:
        return []
    if cur.pos_ != "VERB":
        return []
    out = []
    for child in cur.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in child.children
        ):
            other = lex.unit_of_lemma(child.lemma_, "event")
            if other and other not in out:
                out.append(other)
    return out


def _adjacent(doc: Doc, prev_sent_start: int, sent_start: int) -> bool:
    """True when the sentence starting at token ``prev_sent_start`` directly precedes."""
    return doc[sent_start].sent.start == sent_start and sent_start > 0 \
        and doc[sent_start - 1].sent.start == prev_sent_start


def _source(quotes: Sequence[Quote], start: int, end: int) -> str | None:
    inside = [q for q in quotes if q.span.start <= start and end <= q.span.end and q.speaker]
    if not inside:
        return None
    return min(inside, key=lambda q: q.span.end - q.span.start).speaker


# --------------------------------------------------------------------------- plain text
_NUM_RE = re.compile(
    r"(?<![\w,.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?"
    r"(?![\w])|\b((?:(?:" + "|".join(list(_SMALL) + list(_SCALES)) + r")[\s-]*)+)\b",
    re.IGNORECASE,
)


def _word_has_lemma(word: str, lemma: str) -> bool:
    stem = lemma.rstrip("e")
    if len(stem) < 4:
        return word in (lemma, lemma + "s", lemma + "d", lemma + "ed", stem + "ied")
    return word.startswith(stem)


_WORDS_RE = re.compile(r"[a-z]+")


def _unit_of_word(lex: FigureLexicon, word: str, kind: str) -> str | None:
    """The first unit of ``kind`` one of whose one-word lemmas ``word`` is a form of."""
    key = (word, kind)
    if key not in lex.word_units:
        if len(lex.word_units) >= 100_000:
            lex.word_units.clear()  # a long-running worker reads ever new words
        lex.word_units[key] = next(
            (u.name for u in lex.units if u.kind == kind
             and any(_word_has_lemma(word, lem) for lem in u.lemmas if " " not in lem)),
            None,
        )
    return lex.word_units[key]


def quantities_in_text(text: str) -> list[tuple[int, str]]:
    """(quantity, unit) pairs in plain text: a number followed within five words by a unit word.

    A light reading without spaCy, used to compare figures given by different sources.
    """
    lex = load_units()
    out: list[tuple[int, str]] = []
    low = text.lower()
    candidates: list[tuple[int, int, int]] = []
    for m in _NUM_RE.finditer(low):
        value = parse_number(m.group(0))
        if value is None or (1900 <= value <= 2100 and len(m.group(0).strip()) == 4):
            continue
        candidates.append((m.start(), m.end(), value))
    for phrase, (value, _approx) in lex.vague.items():
        for m in _phrase_re(phrase, r"\b", r"\b").finditer(low):
            candidates.append((m.start(), m.end(), value))
    for _start, end, value in sorted(candidates):
        words = _WORDS_RE.findall(low[end:end + 60])[:5]
        unit = None
        for kind in ("event", "group"):
            unit = next((u for w in words if (u := _unit_of_word(lex, w, kind))), None)
            if unit:
                break
        if unit:
            out.append((value, unit))
    return out
