"""Toponym recognition and resolution against the offline gazetteer.

Recognition does not depend on NER: Aho-Corasick automata over normalised name variants
run on a normalised copy of the text (token-aligned, with an offset map back to the
original).  Pass 1 matches the global layer (countries, demonyms, regions, big cities) to
find the countries the document is about; pass 2 matches those countries' village layers.
Stop rules (``data/place_stopwords.toml``) reject common words, person names and names
inside actor/outlet names; spaCy entities are one signal among others.  Resolution scores
candidates by document countries, admin cues, designators ("Idlib province"), spatial
coherence and importance, with one sense per discourse.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick
import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from . import gazetteer as gz
from .errors import DataError
from .dates import MONTHS
from .gazetteer import Entry, normalize
from .model import Place

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

STOPWORDS_FILE = gz.DATA_DIR / "place_stopwords.toml"
_LIST_KEYS = (
    "words", "person_names", "actor_heads", "block_phrases", "cues_before", "cues_after", "near_cues",
    "region_words", "county_words", "city_words", "directions", "feature_after", "feature_before",
    "designator_modifiers", "county_layers", "county_nouns", "directions_after", "sites_after",
    "currency_signs",
)
#: Maximum number of document countries whose village layers are matched.
MAX_DOC_COUNTRIES = 5
#: Country-layer entries kept in memory with their key indexes (least recently used layers
#: are dropped beyond this; the 27 bundled layers hold about 640,000 in ~110 MB, PK alone
#: 133,000).
MAX_CACHED_ENTRIES = 1_500_000
#: Spatial-coherence bonus for a candidate within 50 km of another place of the text.
COHERENCE_MAX = 2.0
#: Candidates per mention kept for the spatial-coherence step (best base scores first).
MAX_CANDIDATES = 12
#: how far (km) a district's point may lie from its seat of the same name: 40, or 150 for a
#: town of 10,000+ people in the district's province (a large county's centre: Mandera
#: County's lies 130 km from Mandera town)
SEAT_KM, SEAT_SAME_PROVINCE_KM, SEAT_TOWN_POPULATION = 40.0, 150.0, 10_000
#: people a GeoNames town needs to match a folded spelling the text calls a city or town ("the
#: Saudi city of Jazan": Jizan); a village's folded namesake is too often another village
FOLDED_CITY_POPULATION = 10_000
#: rapidfuzz ``ratio`` a near-miss spelling needs to match a country layer's name, by its
#: normalised key or by its name as written.
FUZZY_SCORE = 88
#: the normalised-key ``ratio`` down to which near misses are scored on the name as written:
#: folding shortens names, so one wrong vowel costs more there ("Mpekatoni" ~ Mpeketoni is 89
#: as written, 87.5 folded)
FUZZY_FLOOR = 80
#: Entries whose name forms are cached by a matcher (cleared when full; a few hundred bytes
#: each): enough for the names a stream of local news keeps matching.
MAX_CACHED_FORMS = 20_000
#: Matches whose candidates the matcher keeps (see :attr:`Matcher.candidate_cache`).
MAX_CACHED_CANDIDATES = 20_000
#: Feature types of places in no one country or a whole country: never a namesake village's
#: rival in a country the text is not about, never an anchor for nearby places.
WIDE = frozenset({"country"}) | gz.SUPRANATIONAL
WIDE_OR_REGION = WIDE | {"region"}
WIDE_OR_MACROREGION = WIDE | {"macroregion"}
WIDE_OR_DIVISION = WIDE | {"region", "macroregion"}


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rules:
    """Stop rules and cue lists from ``place_stopwords.toml`` (keys normalised)."""

    words: frozenset[str]
    person_names: frozenset[str]
    actor_heads: frozenset[str]
    block_phrases: tuple[str, ...]
    cues_before: frozenset[str]
    cues_after: frozenset[str]
    near_cues: frozenset[str]
    region_words: frozenset[str]
    county_words: frozenset[str]
    city_words: frozenset[str]
    directions: frozenset[str]
    feature_after: frozenset[str] = frozenset()
    feature_before: frozenset[str] = frozenset()
    #: country layers whose counties a name written "X County" is looked up in (pass 1)
    county_layers: tuple[str, ...] = ()
    #: the capitalised nouns after such a name ("County", "Parish", "Borough")
    county_nouns: frozenset[str] = frozenset({"county"})
    #: words between a name and its designator ("Kakuma refugee camp")
    designator_modifiers: frozenset[str] = frozenset()
    #: capitalised words after a name that make it a part of that place ("Embu East")
    directions_after: frozenset[str] = frozenset()
    #: capitalised words after a name that make it the site of an institution at that place
    #: ("Kerugoya Stadium", "Machakos University")
    sites_after: frozenset[str] = frozenset()
    literal: frozenset[str] = frozenset()  # words and person names as written (light keys)
    #: currency sign -> the ISO2 code of the country it votes for ("£" -> GB)
    currency: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    #: plurals of the designators ("provinces", "counties", "towns"): the designator of each
    #: name of a list they end or open (see :func:`_share_designators`)
    plurals: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @functools.cached_property
    def designators(self) -> frozenset[str]:
        """Words after a name that make it a city, district or region ("Idlib province")."""
        return self.region_words | self.county_words | self.city_words


def load_rules(path: Path = STOPWORDS_FILE) -> Rules:
    """Load and validate the stop-rule file (DataError on a missing key or bad entry)."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{path}: cannot read stop rules ({exc})") from exc
    vals: dict[str, Any] = {}
    for key in _LIST_KEYS:
        lst = raw.get(key)
        if not isinstance(lst, list):
            raise DataError(f"{path}: '{key}' must be a list of strings")
        for item in lst:
            if not isinstance(item, str) or not item.strip():
                raise DataError(f"{path}: '{key}' entry {item!r} is not a non-empty string")
        vals[key] = lst
    currency = {}
    for item in vals["currency_signs"]:
        sign, _, cc = item.strip().partition(" ")
        if not (len(cc) == 2 and cc.isupper() and cc.isalpha()):
            raise DataError(f"{path}: 'currency_signs' entry {item!r} is not 'SIGN CC' (an ISO2 code)")
        currency[sign] = cc
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    keys = lambda xs: frozenset(k for k in (normalize(x) for x in xs) if k)  # noqa: E731
    return Rules(
        words=keys(vals["words"]),
        person_names=keys(vals["person_names"]),
        actor_heads=low(vals["actor_heads"]) | keys(vals["actor_heads"]),
        block_phrases=tuple(vals["block_phrases"]),
        cues_before=low(vals["cues_before"]),
        cues_after=low(vals["cues_after"]),
        near_cues=low(vals["near_cues"]),
        region_words=low(vals["region_words"]),
        county_words=low(vals["county_words"]),
        city_words=low(vals["city_words"]),
        directions=low(vals["directions"]),
        feature_after=low(vals["feature_after"]),
        feature_before=low(vals["feature_before"]),
        county_layers=tuple(x.upper() for x in vals["county_layers"]),
        county_nouns=low(vals["county_nouns"]),
        designator_modifiers=low(vals["designator_modifiers"]),
        directions_after=low(vals["directions_after"]),
        sites_after=low(vals["sites_after"]),
        literal=frozenset(gz.simple_key(x) for x in vals["words"] + vals["person_names"]),
        currency=currency,
        plurals={
            _plural(w): des
            for des, key in (("city", "city_words"), ("county", "county_words"), ("region", "region_words"))
            for w in low(vals[key])
            if not w.endswith("s")
        },
    )


def _plural(word: str) -> str:
    """English plural of a designator word ("county" -> "counties", "town" -> "towns")."""
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’`ʼ‘ʿʾ][^\W_]+)*", re.UNICODE)
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»|/\n]")
#: Splits a text into alternating gaps and word tokens (a break character never starts or
#: ends a token, so the tokens are those a scan for tokens or breaks would find).
_SPLIT = re.compile(f"({_TOKEN.pattern})", re.UNICODE)
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


class Tok(NamedTuple):
    """A word token (a tuple: the collector untracks it, as it holds only str and int)."""

    start: int
    end: int
    text: str
    key: str  # folded token ('' for an Arabic article)


#: Abbreviations whose full stop does not end a name ("St. Paul", "Ft. Worth", "Mt. Vernon").
NAME_ABBREVIATIONS = frozenset({"st", "ste", "ft", "mt", "pt"})

_new_tok = tuple.__new__  # Tok(...) without the Python-level __new__ of a NamedTuple


def tokenize(text: str) -> list[Tok]:
    """Word tokens with folded keys; a ``|`` token marks punctuation breaks.

    The text is split once (gaps and tokens alternate) and offsets are summed from the
    pieces' lengths, rather than building a match object per token."""
    parts = _SPLIT.split(text)
    out: list[Tok] = []
    append = out.append
    pos = 0  # end of the previous token (as matched, before "'s" is cut)
    key_of = _token_key
    for gap, t in zip(parts[::2], parts[1::2]):
        s = pos + len(gap)
        matched_end = e = s + len(t)
        # a hyphen/space/apostrophe gap keeps names together; other punctuation breaks
        brk = _breaks(gap) if gap and gap != " " else 0
        if brk and not (
            brk == 1 and out and text[pos] == "." and t[:1].isupper()
            and (
                out[-1].text.lower() in NAME_ABBREVIATIONS
                # an abbreviation in two dotted parts: "W.Va.", "W. Va." (West Virginia)
                or (len(out[-1].text) == 1 and out[-1].text.isupper() and len(t) <= 3
                    and text[matched_end : matched_end + 1] == ".")
            )
        ):
            append(_new_tok(Tok, (pos, pos, "|", "|")))
        if len(t) > 3 and t[-1] == "s" and t[-2] in "'’":
            t = t[:-2]
            e -= 2
        append(_new_tok(Tok, (s, e, t, key_of(t))))
        pos = matched_end
    return out


def _possessives(toks: list[Tok], possessives: frozenset[str]) -> list[Tok]:
    """A country's possessive written without its apostrophe ("Kenyas capital", "in Kenyas
    north-eastern district") is the country, not a village spelt like it (Kinyach);
    ``possessives``: :attr:`Matcher.country_possessives`."""
    out = toks
    for n, t in enumerate(toks):
        if len(t.text) > 4 and t.text[-1] == "s" and t.text[:1].isupper() and t.text.lower() in possessives:
            if out is toks:
                out = list(toks)
            out[n] = _new_tok(Tok, (t.start, t.end - 1, t.text[:-1], _token_key(t.text[:-1])))
    return out


def _named_possessives(text: str, toks: list[Tok], index: Mapping[str, object]) -> list[Tok]:
    """A possessive that begins a name the global layer holds ("Cox's Bazar", "King's Lynn")
    keeps its "s" (``tokenize`` cuts it, so that "Kenya's north" is Kenya)."""
    out = toks
    for n, t in enumerate(toks[:-1]):
        nxt = toks[n + 1]
        if text[t.end : t.end + 2] in ("'s", "’s") and text[t.end + 2 : nxt.start] == " " and nxt.text[:1].isupper():
            key = _token_key(t.text + "s")
            if f"{key} {nxt.key}" in index:
                if out is toks:
                    out = list(toks)
                out[n] = _new_tok(Tok, (t.start, t.end + 2, t.text + "s", key))
    return out


@functools.lru_cache(maxsize=10_000)
def _breaks(gap: str) -> int:
    """Punctuation marks that break a name in the gap between two tokens."""
    return len(_BREAK.findall(gap))


@functools.lru_cache(maxsize=100_000)
def _token_key(t: str) -> str:
    if _DOTTED.fullmatch(t):
        return t.replace(".", "").lower()
    raw = gz._ascii(t)
    parts = [p for p in re.split(r"[^a-z0-9]+", raw) if p]
    if len(parts) == 1 and parts[0] in gz._ARTICLES:
        return ""
    return " ".join(gz._fold_token(p) for p in parts if p not in gz._ARTICLES) or " ".join(parts)


@dataclass
class _Norm:
    string: str
    tok_at: dict[int, int]  # char offset of a token start in ``string`` -> token index
    tok_end: dict[int, int]  # char offset just after a token -> token index
    span_of: dict[int, tuple[int, int]]  # token index -> its (start, end) in ``string``
    edge: list[bool]  # token index -> it is in ``string`` and can begin or end a name


def _norm_string(toks: list[Tok]) -> _Norm:
    parts = [" "]
    pos = 1
    at: dict[int, int] = {}
    end: dict[int, int] = {}
    span_of: dict[int, tuple[int, int]] = {}
    for i, t in enumerate(toks):
        key = t.key
        if not key:
            continue
        stop = pos + len(key)
        at[pos] = i
        parts.append(key + " ")
        end[stop] = i
        span_of[i] = (pos, stop)
        pos = stop + 1
    # a token that can begin or end a name: capitalised or a number ("6th of October")
    edge = [bool(t.key) and (t.text[:1].isupper() or t.text[:1].isdigit()) for t in toks]
    return _Norm("".join(parts), at, end, span_of, edge)


# --------------------------------------------------------------------------- automata


@dataclass
class _Layer:
    index: gz.KeyIndex
    entries: gz.Layer
    fuzzy: dict[tuple[str, int], str]  # keys by (first letter, length), for fuzzy matching


def _build_automaton(key_values: dict[str, list]) -> Any:
    """An automaton over `` key `` strings whose value is the key itself (its entries stay in
    ``key_values``: one copy, no per-key tuple)."""
    A = ahocorasick.Automaton()
    for k in key_values:
        A.add_word(f" {k} ", k)
    if len(A):
        A.make_automaton()
    return A


class _Forms:
    """An entry's names as recognition checks them.  ``light`` and ``bare`` (every name's
    light key, and those keys without articles, "city" and spacing) are built on first use:
    most candidates are settled by the name they are listed under."""

    __slots__ = ("entry", "primary", "name_key", "abbreviations", "codes", "_light", "_bare")

    def __init__(self, e: Entry) -> None:
        self.entry = e
        self.primary = simple_primary(e)  # light key of its primary name (bare, for divisions)
        self.name_key = gz.simple_key(e.name)  # light key of its name as listed
        self._light: frozenset[str] | None = None
        self._bare: frozenset[str] | None = None
        names = e.names()
        # normalised keys written only as abbreviations ("Ga.") or only as codes ("MOD", "HAV")
        self.abbreviations: tuple[str, ...] = ()
        self.codes: tuple[str, ...] = ()
        if any(n.endswith(".") or _is_code(n) for n in names):  # else neither (most entries)
            by_key: dict[str, list[str]] = defaultdict(list)
            for n in names:
                by_key[normalize(n)].append(n)
            self.abbreviations = tuple(k for k, ns in by_key.items() if all(n.endswith(".") for n in ns))
            self.codes = tuple(k for k, ns in by_key.items() if all(_is_code(n) for n in ns))

    @property
    def light(self) -> frozenset[str]:
        """Light keys of all its names (and their "St"/"Saint" alternates)."""
        if self._light is None:
            light = set(map(gz.simple_key, self.entry.names()))
            light.update([alt for k in light if (alt := _saint_alternate(k))])
            self._light = frozenset(light)
        return self._light

    @property
    def bare(self) -> frozenset[str]:
        """Its light keys without articles, "city" and spacing (see :func:`_bare`)."""
        if self._bare is None:
            self._bare = frozenset(_bare(k) for k in self.light)
        return self._bare

    def spells(self, surface: str) -> bool:
        """Is ``surface`` (a light key) one of its names?"""
        return surface == self.name_key or surface in self.light


#: The two spellings of "Saint" opening a name ("St. Louis", "Saint Louis").
_SAINT = {"saint": "st", "st": "saint"}


def _saint_alternate(key: str) -> str | None:
    """A (normalised or light) key opening with "saint" written with "st", and the reverse; a
    global-layer name is indexed, and counts as spelled, under both."""
    head, _, rest = key.partition(" ")
    return f"{_SAINT[head]} {rest}" if rest and head in _SAINT else None


class Matcher:
    """Automata over the global layer and, lazily, each country layer."""

    def __init__(
        self, gazetteer: gz.Gazetteer | None = None, rules: Rules | None = None,
        actor_names: tuple[Iterable[str], Iterable[str]] | None = None,
    ):
        """``actor_names``: (names, acronyms) of armed groups and organisations that are never
        places; by default the actors knowledge base's named actors."""
        self.gaz = gazetteer or gz.default()
        self.rules = rules or load_rules()
        if actor_names is None:
            from .actors import load_knowledge

            actor_names = load_knowledge().named_actor_names()
        self.actor_names = frozenset(gz.simple_key(n) for n in actor_names[0])
        self.actor_acronyms = frozenset(a.replace(".", "") for a in actor_names[1])
        self._country_layers: dict[str, _Layer] = {}
        self._forms: dict[str, _Forms] = {}
        #: candidates found for a match (see :func:`_build_mention`), across texts; emptied
        #: when a country layer is loaded or dropped, since matches index into the layers
        self.candidate_cache: dict[tuple, tuple] = {}
        self._build_global()

    def _build_global(self) -> None:
        kv: dict[str, list] = defaultdict(list)
        entries = self.gaz.global_entries()
        for i, e in enumerate(entries):
            for k in e.match_keys():
                if len(k) >= gz.MIN_KEY_CHARS:  # any number of words: the spans follow the keys
                    kv[k].append(("g", i))
                    if alt := _saint_alternate(k):  # "St. Petersburg" is Saint Petersburg
                        kv[alt].append(("g", i))
        self.demonyms: dict[str, str] = {}
        self.demonym_forms = {gz.simple_key(d) for c in self.gaz.countries.values() for d in c.demonyms}
        for c in self.gaz.countries.values():
            for d in c.demonyms:
                k = normalize(d)
                if k:
                    self.demonyms.setdefault(k, c.iso2)
                    kv[k].append(("d", c.iso2))
        for p in self.rules.block_phrases:
            k = normalize(p)
            if k:
                kv[k].append(("b", p))
        self.global_entries = entries
        self.global_index = dict(kv)
        self.block_keys = frozenset(k for k, vals in kv.items() if any(v[0] == "b" for v in vals))
        # capitalised spans are looked up in the index; block phrases are also found in
        # lower case, by an automaton over them alone
        self.block_automaton = _build_automaton(dict.fromkeys(self.block_keys))
        #: words (tokens) in the longest span a global key can fill
        self.span_words = max([gz.MAX_KEY_WORDS, *(k.count(" ") + 1 for k in kv)])

    def country_layer(self, cc: str) -> _Layer:
        """One country's layer with its key index (built once; least recently used layers are
        dropped only when more than :data:`MAX_CACHED_ENTRIES` entries are held)."""
        cc = cc.upper()
        lay = self._country_layers.get(cc)
        if lay is not None:
            if next(reversed(self._country_layers)) != cc:
                self._country_layers[cc] = self._country_layers.pop(cc)  # most recently used last
            return lay
        entries = self.gaz.layer(cc)
        held = sum(len(x.entries) for x in self._country_layers.values())
        while self._country_layers and held + len(entries) > MAX_CACHED_ENTRIES:
            old = next(iter(self._country_layers))
            held -= len(self._country_layers.pop(old).entries)
            self.gaz.forget(old)
        self.candidate_cache.clear()
        flat = entries.flat_keys()  # read once: for the index and the fuzzy blocks
        index = entries.key_index(flat)
        lay = self._country_layers[cc] = _Layer(index, entries, _fuzzy_blocks(gz.usable_keys(flat[0])))
        return lay

    def forms(self, e: Entry) -> _Forms:
        """An entry's name forms (cached per entry id)."""
        hit = self._forms.get(e.id)
        if hit is None or (hit.entry is not e and hit.entry != e):
            if len(self._forms) > MAX_CACHED_FORMS:
                self._forms.clear()
            hit = self._forms[e.id] = _Forms(e)
        return hit

    @functools.cached_property
    def country_possessives(self) -> frozenset[str]:
        """One-word country names with an "s", lower case ("kenyas": "Kenyas capital" is
        Kenya's), but for given names ("Frances")."""
        forms = (e.name.lower() + "s" for e in self.global_entries if e.feature_type == "country" and " " not in e.name)
        return frozenset(f for f in forms if normalize(f) not in self.rules.person_names)

    @functools.cached_property
    def country_keys(self) -> dict[str, str]:
        """ISO2 of each normalised country name and variant ("congo": CD, "burkina faso": BF)."""
        out: dict[str, str] = {}
        for e in self.global_entries:
            if e.feature_type == "country":
                for k in e.match_keys():
                    out.setdefault(k, e.country)
        return out

    @functools.cached_property
    def _country_ids(self) -> dict[str, Entry]:
        """The global-layer entry of each country, by ISO2."""
        return {e.country: e for e in self.global_entries if e.feature_type == "country"}

    def country_entry(self, cc: str) -> Entry | None:
        """The global-layer entry of a country (ISO2)."""
        return self._country_ids.get(cc.upper())

    def fuzzy_keys(self, cc: str, key: str, score: float) -> list[str]:
        """The keys of a country layer that could score ``score`` (rapidfuzz ``ratio``) against
        ``key``: same first letter (normalisation already folds the spelling variants of a
        first letter) and a length within the ratio's bound."""
        lay = self.country_layer(cc)
        # ratio = 1 - indel / (len1 + len2) and indel >= |len1 - len2|
        f = score / 100
        lo, hi = math.ceil(len(key) * f / (2 - f) - 1e-9), math.floor(len(key) * (2 - f) / f + 1e-9)
        out: list[str] = []
        for n in range(lo, hi + 1):
            block = lay.fuzzy.get((key[:1], n))
            if block:
                out.extend(block.split("\n"))
        return out


def _fuzzy_blocks(keys: Iterable[str]) -> dict[tuple[str, int], str]:
    """A layer's keys by (first letter, length), each block one newline-joined string: the
    candidates :meth:`Matcher.fuzzy_keys` scores (built with the layer, as part of loading it)."""
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in keys:
        blocks[k[:1], len(k)].append(k)
    return {b: "\n".join(ks) for b, ks in blocks.items()}


@functools.lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The process-wide matcher over the default gazetteer."""
    return Matcher()


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class Candidate:
    entry: Entry
    score: float = 0.0
    notes: list[str] = field(default_factory=list)
    #: how the text spells it: 2 the entry's own spelling, 1 one of its listed variants, 0 a
    #: match found only after normalisation (see :func:`_spelling_rank`)
    spelling: int = 0
    #: km to the nearest place the text's other names were read as (for spatial coherence)
    anchor_km: float = math.inf


@dataclass(slots=True)
class Mention:
    """A recognised toponym span with its candidates (see :func:`explain_places`)."""

    i: int  # first token
    j: int  # last token (inclusive)
    start: int
    end: int
    text: str
    key: str
    candidates: list[Candidate] = field(default_factory=list)
    demonym: str | None = None
    block: bool = False
    designator: str | None = None  # region | county | city
    near: bool = False
    direction: str | None = None
    subdivision: str | None = None  # "East" of "Embu East"
    site: str | None = None  # "Stadium" of "Kerugoya Stadium"
    cue: str | None = None
    fuzzy: bool = False
    unparsed: bool = False  # a near miss only its designator calls a place ("Mpekatoni border town")
    sentence_initial: bool = False
    rejected: str | None = None
    confidence: float = 0.0
    chosen: Candidate | None = None
    reason: str = ""

    def __str__(self) -> str:
        """One readable line per mention (for ``warwire places``)."""
        head = f"{self.start}-{self.end} {self.text!r}"
        if self.rejected:
            return f"{head}: not a place ({self.rejected})"
        if self.chosen is None:
            return f"{head}: no candidate"
        e = self.chosen.entry
        others = ", ".join(
            f"{c.entry.name} [{c.entry.feature_type}, {c.entry.country}] {c.score:.1f}" for c in self.candidates[1:4]
        )
        line = (
            f"{head} -> {e.name} ({e.id}) {e.lat:.4f},{e.lon:.4f} {e.feature_type} "
            f"{e.admin1 or ''} {e.country or ''} conf={self.confidence:.2f}; why: {self.reason}"
        )
        return line + (f"; also considered: {others}" if others else "")


def _raw_matches(
    m: Matcher, norm: _Norm, spans: list[tuple[int, int]], keys: list[str]
) -> list[tuple[int, int, str, list]]:
    """Global-layer matches as (first token, last token, key, values): the capitalised
    ``spans`` (see :func:`_name_spans`) whose ``keys`` are global keys, and block phrases as
    written."""
    index = m.global_index
    out = [(i, j, key, index[key]) for (i, j), key in zip(spans, keys) if key in index]
    A, edge = m.block_automaton, norm.edge
    if len(A):
        for e, key in A.iter(norm.string):  # e: the offset of the space after the key
            i, j = norm.tok_at.get(e - len(key)), norm.tok_end.get(e)
            if i is not None and j is not None and not (edge[i] and edge[j]):  # else among spans
                out.append((i, j, key, index[key]))
    return out


#: a capitalised word that may be an Arabic article glued to a name ("Elwak"), and a name
#: that opens with that article as a word of its own ("El Wak", "Al-Hol")
_GLUED_ARTICLE = re.compile(r"^(?:Al|El)[bcdfghjklmnpqrstvwxyz][a-z]{2,}$")
_ARTICLE_NAME = re.compile(r"^(?:al|el)[\s'’-]", re.I)


def _hashes(keys: list[str]) -> np.ndarray:
    """The strings' hashes (int64), to look them up in every country layer's index."""
    return np.array([hash(k) for k in keys], dtype=np.int64)


def _name_spans(
    toks: list[Tok], norm: _Norm, max_words: int = gz.MAX_KEY_WORDS
) -> tuple[list[tuple[int, int]], list[str]]:
    """Every span a name could fill: from a capitalised token to a capitalised token
    (lower-case words between: "Bay of Pigs"), within ``max_words`` tokens and one
    punctuation-free stretch; as (first, last) token pairs and their normalised strings
    (computed once per text, looked up in the global index and every layer)."""
    ok = norm.edge
    spans: list[tuple[int, int]] = []
    keys: list[str] = []
    string = norm.string
    n = len(toks)
    for i in range(n):
        if not ok[i]:
            continue
        a = norm.span_of[i][0]
        words = 0
        for j in range(i, n):
            key = toks[j].key
            if key == "|":
                break
            if not key:
                continue
            words += 1
            if words > max_words:
                break
            if ok[j]:
                spans.append((i, j))
                keys.append(string[a : norm.span_of[j][1]])
    return spans, keys


def _county_votes(
    toks: list[Tok], spans: list[tuple[int, int]], keys: list[str], m: Matcher, bundled: Collection[str],
    given: Sequence[str] = (),
) -> Counter[str]:
    """Country votes of the names written before a county noun ("Gwinnett County", "Edgar
    County"; a county of Kenya is named without it: "Tana River county") that are counties of
    the ``county_layers`` countries: one per county, for its country.  The global layer holds no
    counties, and without this vote an Illinois paper naming only Paris and Edgar County would be
    about France, and a Kenyan note naming Tana River county about Antananarivo ("Tana").  Only
    whole names count ("Homa Bay County" in Kenya is no Bay County), and only for the ``given``
    countries if any (``bundled``: the countries with a layer file)."""
    nouns = m.rules.county_nouns
    picked = [
        k for k, (i, j) in enumerate(spans)
        if (j > i and toks[j].text[:1].isupper() and toks[j].text.lower() in nouns  # "Edgar County"
            or j + 1 < len(toks) and toks[j + 1].text.lower() in nouns  # the name alone: "Tana River county"
            and toks[j].text.lower() not in nouns)
        and (i == 0 or not toks[i - 1].text[:1].isupper() or toks[i - 1].text.lower() in _OPENING_WORDS
             or toks[i].start - toks[i - 1].end > 1)  # "Friday's Darke County"
    ]
    votes: Counter[str] = Counter()
    if not picked:
        return votes
    names = [keys[k] for k in picked]
    # one county per noun, however it is spelt ("Edgar County" and "Edgar" before "County")
    nouns_at = [spans[k][1] if toks[spans[k][1]].text.lower() in nouns else spans[k][1] + 1 for k in picked]
    hashes = _hashes(names)
    for cc in m.rules.county_layers:
        if cc not in bundled or (given and cc not in given):
            continue
        lay = m.country_layer(cc)
        found = {nouns_at[k] for k, refs in lay.index.match(names, hashes)
                 if any(lay.entries[r].feature_type == "county" for r in refs)}
        if found:
            votes[cc] += len(found)
    return votes


def country_signals(text: str, doc: Doc | None = None, matcher: Matcher | None = None) -> Counter[str]:
    """Countries a text is about: ISO2 -> weighted count (country name 2, demonym 1, place 1)."""
    m = matcher or default_matcher()
    toks = _named_possessives(text, _possessives(tokenize(text), m.country_possessives), m.global_index)
    norm = _norm_string(toks)
    spans, keys = _name_spans(toks, norm, m.span_words)
    graw = [(i, j, k, v, "g") for i, j, k, v in _raw_matches(m, norm, spans, keys)]
    lower_words = {t.key for t in toks if t.text[:1].islower()}
    first = _mentions(graw, toks, text, m, _entity_spans(doc)[0], lower_words)
    return _signals(first) + _county_votes(toks, spans, keys, m, m.gaz.bundled_countries())


def _doc_countries(sig: Counter[str], given: Sequence[str], bundled: set[str], likely: Sequence[str] = ()) -> list[str]:
    """The countries whose village layers are matched: the ``given`` ones, the ``likely`` ones,
    then those the text's own names vote for."""
    out = list(dict.fromkeys([*given, *likely]))[:MAX_DOC_COUNTRIES]
    if sig:
        top = sig.most_common(1)[0][1]
        for cc, n in sig.most_common():
            if len(out) >= MAX_DOC_COUNTRIES:
                break
            if cc not in out and (n >= max(1, 0.25 * top) or (cc in bundled and n >= 0.5 * top)):
                out.append(cc)
    return out


#: English words that open a sentence before a name ("In Nakuru, ...") and fold like an Arabic
#: article or a name's first word (En Naqoura): such a span needs a place spelt exactly so.
LEADING_FUNCTION_WORDS = frozenset({"in", "on", "at", "to", "from", "near", "into", "by", "for", "of"})
#: capitalised words that may open a sentence before a name ("The Edgar County sheriff")
_OPENING_WORDS = LEADING_FUNCTION_WORDS | {"the", "a", "an"}


def _select(raw: list[tuple[int, int, str, list, str]], toks: list[Tok], m: Matcher) -> list[tuple]:
    """Longest non-overlapping matches; block phrases and demonyms take part.  ``raw`` holds
    capitalised spans and block phrases only (see :func:`_raw_matches`, :func:`_name_spans`)."""
    valid = []
    words, person_names = m.rules.words, m.rules.person_names
    for i, j, key, values, layer in raw:
        if (i == j or " " in key) and (key in words or key in person_names) and not (
            len(toks[i].text) > 1 and toks[i].text.replace(".", "").isupper()  # an acronym
            or any(v[0] == "b" for v in values)
        ):
            # the word itself ("George") is stopped; a name that only normalises like it
            # ("Georgia") is kept when it is some place's own spelling
            surface = gz.simple_key(toks[i].text)
            if surface in m.rules.literal or not any(surface in _light_names(v, layer, m) for v in values):
                continue
        if i < j and toks[i].text.lower() in LEADING_FUNCTION_WORDS and gz.simple_key(
            " ".join(t.text for t in toks[i : j + 1])
        ) not in {n for v in values for n in _light_names(v, layer, m)}:
            continue  # "In Nakuru" is not En Naqoura, unless a place is spelt that way ("In Salah")
        valid.append((i, j, key, values, layer))
    merged: dict[tuple[int, int], list] = {}
    for i, j, key, values, layer in valid:
        slot = merged.setdefault((i, j), [i, j, key, []])
        slot[3].extend(zip(itertools.repeat(layer), values))
    ordered = sorted(merged.values(), key=lambda x: (-(toks[x[1]].end - toks[x[0]].start), x[0]))
    taken: list[tuple] = []
    used: set[int] = set()
    for i, j, key, vals in ordered:
        if not used.isdisjoint(range(i, j + 1)):
            continue
        used.update(range(i, j + 1))
        taken.append((i, j, key, vals))
    taken.sort(key=lambda x: x[0])
    return taken


def _light_names(value: tuple, layer: str, m: Matcher) -> Iterable[str]:
    """Light keys of the names of the entry behind one automaton value (none for demonyms)."""
    if value[0] == "g":
        e = m.global_entries[value[1]]
    elif value[0] == "c":
        e = m.country_layer(layer).entries[value[1]]
    else:
        return ()
    return m.forms(e).light


def _prev_words(toks: list[Tok], i: int, n: int) -> list[str]:
    """The (up to ``n``) lower-cased words before token ``i``, back to a punctuation break."""
    out = []
    for t in reversed(toks[max(0, i - n) : i]):
        if t.text == "|":
            break
        out.append(t.text.lower())
    return out[::-1]


def _next_words(toks: list[Tok], j: int, n: int) -> list[str]:
    """The (up to ``n``) lower-cased words after token ``j``, up to a punctuation break."""
    out = []
    for t in toks[j + 1 : j + 1 + n]:
        if t.text == "|":
            break
        out.append(t.text.lower())
    return out


def _next_word(toks: list[Tok], j: int) -> str | None:
    k = j + 1
    if k < len(toks) and toks[k].text != "|":
        return toks[k].text.lower()
    return None


def _entity_spans(doc: Doc | None) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]] | None]:
    """PERSON spans and GPE/LOC/FAC spans (with their text) of a parsed text, in one pass
    over its entities (None for the places when there is no parse)."""
    if doc is None:
        return [], None
    persons, places = [], []
    for e in doc.ents:
        label = e.label_
        if label == "PERSON":
            persons.append((e.start_char, e.end_char))
        elif label in ("GPE", "LOC", "FAC"):
            places.append((e.start_char, e.end_char, e.text))
    return persons, places


def _inside(spans: Sequence[tuple], s: int, e: int) -> bool:
    """Whether ``s``-``e`` lies within one of ``spans`` ((start, end, ...) in text order, as
    spaCy gives entities)."""
    for span in spans:
        if span[0] > s:
            return False
        if e <= span[1]:
            return True
    return False


@functools.lru_cache(maxsize=16)
def _word_counts(phrases: frozenset[str]) -> tuple[int, ...]:
    """The numbers of words of ``phrases``: the only lengths of word runs that can equal one."""
    return tuple(sorted({p.count(" ") + 1 for p in phrases}))


def _annotate(men: Mention, toks: list[Tok], text: str, rules: Rules) -> None:
    prev = _prev_words(toks, men.i, 6)
    nxt = _next_word(toks, men.j)
    if prev:
        # the longest cue phrase ending right before the name ("residents of", "in")
        men.cue = next((
            cue for k in reversed(_word_counts(rules.cues_before)) if k <= len(prev)
            for cue in (" ".join(prev[-k:]),) if cue in rules.cues_before
        ), None)
        if prev[-1] in rules.directions:
            men.direction = prev[-1]
            if len(prev) > 1 and prev[-2] in rules.cues_before:
                men.cue = prev[-2]
        if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in rules.city_words:
            men.designator = "city"
        if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in rules.region_words:
            men.designator = "region"
    if (men.cue is None or men.cue not in STRONG_CUES and " " not in men.cue) \
            and nxt is not None and toks[men.j + 1].text[:1].islower():
        # "Kangaru residents held a demonstration", "a Kilimani polling centre"; not "Lake
        # Cumberland Area ..."; stronger than a weak cue before ("at Daraja Mbili and Songhor areas")
        after = _next_words(toks, men.j, max(_word_counts(rules.cues_after)))
        men.cue = next((
            cue for k in reversed(_word_counts(rules.cues_after)) if k <= len(after)
            for cue in (" ".join(after[:k]),) if cue in rules.cues_after
        ), men.cue)
    if nxt is not None and toks[men.j + 1].text[:1].isupper():
        if nxt in rules.directions_after:
            after = toks[men.j + 2] if men.j + 2 < len(toks) else None
            opens_name = after is not None and after.text[:1].isupper() \
                and text[toks[men.j + 1].end : after.start] == " " \
                and after.text.lower() not in rules.designators and after.text.lower() != "sub"
            if not opens_name:
                men.subdivision = toks[men.j + 1].text  # "Embu East"; not "Hama Central Prison"
        elif nxt in rules.sites_after:
            men.site = nxt  # "Kerugoya Stadium", "Machakos University"
    if nxt in rules.designator_modifiers:
        nxt = _next_word(toks, men.j + 1)  # "the Kakuma refugee camp"
        if nxt not in rules.city_words and nxt not in rules.county_words:
            nxt = None
    men.near = any(" ".join(prev[-k:]) in rules.near_cues for k in _word_counts(rules.near_cues) if k <= len(prev))
    if nxt in rules.region_words:
        men.designator = "region"
    elif nxt in rules.county_words:
        men.designator = "county"
    elif nxt in rules.city_words and not men.designator:
        men.designator = "city"


def _recognise(
    text: str, doc: Doc | None, countries: Sequence[str], m: Matcher, likely: Sequence[str] = ()
) -> tuple[list[Mention], Counter[str], list[str], dict[str, Counter[str]]]:
    """Toponym spans with their candidates (``countries``: the caller's ISO2 codes, upper case;
    ``likely``: countries to search as well, without rejecting places elsewhere)."""
    toks = _named_possessives(text, _possessives(tokenize(text), m.country_possessives), m.global_index)
    norm = _norm_string(toks)
    # spans of the longest global key's length; a country layer's keys are shorter, and a
    # longer span can only miss them
    spans, keys = _name_spans(toks, norm, m.span_words)
    graw = [(i, j, k, v, "g") for i, j, k, v in _raw_matches(m, norm, spans, keys)]
    persons, locs = _entity_spans(doc)
    lower_words = {t.key for t in toks if t.text[:1].islower()}
    # pass 1: global layer -> the document's countries
    pos_at = _pos_by_offset(doc) if doc is not None and doc.has_annotation("POS") else None
    first = _mentions(graw, toks, text, m, persons, lower_words, locs, pos_at=pos_at)
    bundled = set(m.gaz.bundled_countries())
    sig = _signals(first) + _county_votes(toks, spans, keys, m, bundled, countries) + _currency_votes(text, m.rules)
    sig.update(dict.fromkeys(likely, 1))  # the home of an armed group the text names: one vote
    own = _own_votes(first)
    doc_cc = _doc_countries(sig, countries, bundled, likely)
    # pass 2: global + village layers of those countries
    raw = list(graw)
    # "Elwak" for El Wak, "Alhol" for Al-Hol: the article written onto a village's name
    glued = [(i, normalize(t.text[2:])) for i, t in enumerate(toks) if _GLUED_ARTICLE.match(t.text)]
    lowered = _lower_tails(toks, text, m.rules)
    ckeys = keys + [k for _, k in glued] + [f"{toks[i].key} {toks[i + 1].key}" for i in lowered]
    cspans = spans + [(i, i) for i, _ in glued] + [(i, i + 1) for i in lowered]
    hashes = _hashes(ckeys) if doc_cc else None
    for cc in doc_cc:
        layer = m.country_layer(cc)
        for k, refs in layer.index.match(ckeys, hashes):
            if len(keys) <= k < len(keys) + len(glued):
                refs = tuple(x for x in refs if _ARTICLE_NAME.match(layer.entries[x].name))
            elif k >= len(keys):
                i = cspans[k][0]
                if toks[i].key in layer.index or toks[i].key in m.global_index:
                    continue  # "in Nairobi west": the capitalised word is a place of its own
                surface = gz.simple_key(text[toks[i].start : toks[i + 1].end])
                refs = tuple(x for x in refs if surface in m.forms(layer.entries[x]).light)
            if not refs:
                continue
            raw.append((*cspans[k], ckeys[k], [("c", x) for x in refs], cc))
    mentions = _mentions(raw, toks, text, m, persons, lower_words, locs, frozenset(doc_cc), pos_at)
    designated = _designated_spans(toks, text, mentions, m.rules)
    mentions.extend(_fuzzy_mentions(text, toks, locs or [], mentions, doc_cc, m, designated, list(countries)))
    _person_sense(mentions, persons, text, doc_cc)
    if countries:
        _reject_loose_foreign(mentions, set(countries), toks, text, m.rules)
    for men in mentions:
        # "Kendu Bay" is no Kindu: a loose spelling of one word of a longer name
        if men.rejected is None and not men.demonym and men.i == men.j and men.candidates \
                and not any(_spelling_rank(c) for c in men.candidates) and _in_longer_name(men, toks, text, m.rules):
            men.rejected = "one word of a longer name, matching only after normalisation"
    mentions.sort(key=lambda x: x.start)
    _two_names_as_one(mentions, toks, text)
    return mentions, sig, doc_cc, own


def _lower_tails(toks: list[Tok], text: str, rules: Rules) -> list[int]:
    """Capitalised words after a strong cue whose next word is written in lower case ("in
    Trans mara."): the first tokens of two-word spans to look up in the village layers, where
    only a place spelt so, case aside, is taken (see :func:`_recognise`).  A designator, a
    direction or a stop word is no second word ("in Garissa county", "in Nairobi west")."""
    out = []
    skip = rules.words | rules.designators | rules.designator_modifiers | rules.directions_after | rules.cues_after
    for i in range(1, len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if toks[i - 1].text.lower() in STRONG_CUES and a.text[:1].isupper() and a.key and b.text.islower() \
                and b.text.isalpha() and text[a.end : b.start] == " " and b.text not in skip \
                and normalize(b.text) not in rules.words:
            out.append(i)
    return out


def _reject_loose_foreign(mentions: list[Mention], given: set[str], toks: list[Tok], text: str, rules: Rules) -> None:
    """The caller said which countries the text is about: a name that is not the own spelling of
    a place in another country ("Tombe" ~ Tambov, "Mathare" ~ Al Matariyah, "Manda", a variant
    of Handa in Japan) is not taken for it, unless the text names that country ("... into
    Somalia near Kismayo").  Nor is one word of a longer name ("the Delta Hotel in Nairobi",
    "the Laikipia Plateau", "Orange Democratic Movement") taken for a region or town abroad."""
    named = set(given)
    for men in mentions:
        if men.demonym:
            named.add(men.demonym)
        elif men.rejected is None:
            named.update(c.entry.country for c in men.candidates
                         if c.entry.feature_type == "country" and _spelling_rank(c))
    for men in mentions:
        if men.rejected is not None or men.demonym:
            continue
        fragment = men.i == men.j and _in_longer_name(men, toks, text, rules)
        kept = [c for c in men.candidates if c.entry.country in named and (_spelling_rank(c) or not fragment)
                or (_spelling_rank(c) == 2 and not fragment) or c.entry.feature_type in WIDE]
        if len(kept) < len(men.candidates):
            men.candidates = kept
            if not kept:
                men.rejected = "not the own spelling of a place outside the text's countries"


def _in_longer_name(men: Mention, toks: list[Tok], text: str, rules: Rules) -> bool:
    """A one-word name written next to another capitalised word that is no place designator:
    "Delta Hotel", "Laikipia Plateau", "Maili Saba"."""
    designators = rules.designators

    def name_word(k: int) -> bool:
        t = toks[k]
        return t.text[:1].isupper() and t.text.isalpha() and t.text.lower() not in designators
    after = men.j + 1 < len(toks) and text[toks[men.j].end : toks[men.j + 1].start] == " " and name_word(men.j + 1)
    before = men.i > 0 and text[toks[men.i - 1].end : toks[men.i].start] == " " and name_word(men.i - 1) \
        and not men.sentence_initial and not _sentence_start(text, toks[men.i - 1].start)
    return after or before


def _two_names_as_one(mentions: list[Mention], toks: list[Tok], text: str) -> None:
    """Two settlements' names written as one ("in Dogon Noma", a village the gazetteer lacks,
    is neither Dogon nor Noma): neither is taken. A region or country after a town stays its
    container ("Kabul Afghanistan"), as does a county or district named as one ("Witu Lamu
    County"), and a road between two towns names both ("the Kabul Kandahar highway")."""
    live = [x for x in mentions if x.rejected is None and not x.demonym and x.candidates]
    for a, b in zip(live, live[1:]):
        if b.i != a.j + 1 or text[a.end : b.start] != " " or b.sentence_initial or b.designator in ("county", "region"):
            continue  # ("in Witu Lamu County": a town and its county)
        if a.text[-1:] == "s" and not a.candidates[0].entry.name.endswith("s"):
            continue  # "in Nairobis Mukuru slums": a possessive without its apostrophe
        if any(c.entry.feature_type in WIDE_OR_DIVISION for x in (a, b) for c in x.candidates[:1]):
            continue
        after = toks[b.j + 1].text.lower() if b.j + 1 < len(toks) else ""
        if after in _ROAD_WORDS:
            continue
        a.rejected = b.rejected = "two words of one name the gazetteer does not hold"


#: words after two towns' names that make a road between them
_ROAD_WORDS = frozenset({"road", "highway", "expressway", "motorway", "route", "axis", "corridor", "railway", "line"})


def _sentence_start(text: str, at: int) -> bool:
    """Does a sentence (or the text, or a line) start at ``at``?"""
    before = text[max(0, at - 200) : at].rstrip(" \t\"“‘'(")
    return not before or before.endswith((".", "!", "?", "\n", ":"))


def _pos_by_offset(doc: Doc) -> dict[int, str]:
    """Token start offset -> coarse part of speech (read in bulk, no Token objects)."""
    from spacy.attrs import IDX, POS

    arr = doc.to_array([IDX, POS])
    pos = arr[:, 1].tolist()
    names = {p: doc.vocab.strings[p] for p in set(pos)}
    return dict(zip(arr[:, 0].tolist(), map(names.__getitem__, pos)))


def _vote(men: Mention) -> tuple[str, str, int] | None:
    """(voter, country, weight) of a mention's country vote: its demonym, or its best candidate
    by spelling, then importance, then population.  The voter is the place voted for (its
    entry id), so that two names of one place ("Dublin", "Dublin City") vote once; a demonym
    votes under its own key."""
    if men.demonym:
        return men.key, men.demonym, 1
    if men.rejected is None and men.candidates:
        best = max(men.candidates, key=lambda c: (_spelling_rank(c), _prominence(c.entry), c.entry.population)).entry
        if best.country:
            return best.id, best.country, 2 if best.feature_type == "country" else 1
    return None


#: how many times a town's people a division must hold to outrank it in a country vote
DIVISION_OVER_TOWN = 20


def _prominence(e: Entry) -> float:
    """How well known a place is, for its country vote: its importance, and a division at least
    as a town of a twentieth of its people ("Ontario", 13.7 million, outranks Ontario,
    California, 171,000; Mozambique's Gaza province, 1.4 million, does not outrank Gaza City).
    A division's flat importance lets a bare "Aleppo" go to the city when both are in one
    country."""
    if e.feature_type in ("region", "macroregion") and e.population:
        town = gz.FEATURE_RANK.get("locality", 1) + math.log10(e.population / DIVISION_OVER_TOWN + 1)
        return max(e.importance, town)
    return e.importance


def _spelling_rank(c: Candidate) -> int:
    """2 for the entry's own spelling, 1 for one of its listed variants, 0 for a normalised match."""
    return c.spelling


def _signals(mentions: list[Mention]) -> Counter[str]:
    """Country votes of a text: each distinct name votes once, so one repeated name ("Dublin"
    fifteen times in an Ohio story) does not outvote every other place."""
    sig: Counter[str] = Counter()
    for votes in _own_votes(mentions, by_name=False).values():
        sig.update(votes)
    return sig


def _currency_votes(text: str, rules: Rules) -> Counter[str]:
    """One vote for the country of each currency sign the text writes ("£" for Britain)."""
    return Counter({cc: 1 for sign, cc in rules.currency.items() if sign in text})


def _own_votes(mentions: list[Mention], by_name: bool = True) -> dict[str, Counter[str]]:
    """Per voter (see :func:`_vote`), the country vote its mentions cast (left out when
    scoring them: :func:`_own_of`).  ``by_name``: also under the mention's name, for when the
    place it voted for is no longer among its candidates ("Eastleigh" voted for Orkney, South
    Africa, which lists it as a variant, before the Kenyan layer gave its own Eastleigh)."""
    out: dict[str, Counter[str]] = {}
    for men in mentions:
        v = _vote(men)
        if v:
            for voter in {v[0], men.key} if by_name else (v[0],):
                mine = out.setdefault(voter, Counter())
                mine[v[1]] = max(mine[v[1]], v[2])
    return out


def _own_of(men: Mention, own: dict[str, Counter[str]]) -> Counter[str]:
    """The votes a mention's own name cast: those for any of its candidates, or its demonym's."""
    mine = Counter(own.get(men.key, ()))
    for c in men.candidates:
        for cc, w in own.get(c.entry.id, {}).items():
            mine[cc] = max(mine[cc], w)
    return mine


def _mentions(
    raw: list, toks: list[Tok], text: str, m: Matcher, persons: list, lower_words: set[str],
    locs: list | None = None, context: frozenset[str] = frozenset(), pos_at: dict[int, str] | None = None,
) -> list[Mention]:
    """Mentions of the selected matches, each with its candidates and cues, filtered by the
    stop rules."""
    loc_keys = frozenset(normalize(t) for *_, t in locs) if locs else frozenset()
    mentions = [_build_mention(i, j, key, vals, toks, text, m) for i, j, key, vals in _select(raw, toks, m)]
    _share_designators(mentions, toks, text, m.rules)
    for men in mentions:
        if men.rejected is None:
            men.rejected = _saint_name(men, toks, text, persons, m.rules) or _actor_name(men, m, context)
        if men.rejected is None:
            _filter(men, toks, m, persons, lower_words, locs, loc_keys, context, pos_at, text)
    return mentions


#: what may separate the names of a list: "Idlib and Hama", "Clarke, Madison, Oconee and ..."
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)", re.IGNORECASE)
#: what joins the last two names of a list without a comma: "New York and Boston"
_LIST_END = re.compile(r"\s+(?:and|or|&)\s+", re.IGNORECASE)
#: the two ends of a range: "from Ellsworth to Riley counties"
_RANGE_GAP = re.compile(r"\s+(?:to|through)\s+", re.IGNORECASE)


def _share_designators(mentions: list[Mention], toks: list[Tok], text: str, rules: Rules) -> None:
    """A plural designator is every listed name's: "Idlib and Hama provinces", "Clarke,
    Madison, Oconee and Oglethorpe counties", "the towns of Saraqib and Kafr Nabl".  A name
    keeps a designator of its own ("Idlib city and Hama provinces").  After one name, a plural
    is what lies in it: "Indiana counties" are counties of Indiana."""
    mentions.sort(key=lambda x: x.start)
    for k, men in enumerate(mentions):
        nxt = _next_word(toks, men.j)
        prev = _prev_words(toks, men.i, 2)
        if nxt in rules.plurals and rules.plurals[nxt] != "city":  # "Idlib villages" are Idlib's
            des, step = rules.plurals[nxt], -1
        elif len(prev) == 2 and prev[1] == "of" and prev[0] in rules.plurals:
            des, step = rules.plurals[prev[0]], 1
        else:
            continue
        listed = [men]
        n = k + step
        while 0 <= n < len(mentions):
            b = mentions[n]
            left, right = (b, listed[-1]) if step < 0 else (listed[-1], b)
            if not any(gap.fullmatch(text, left.end, right.start) for gap in (_LIST_GAP, _RANGE_GAP)):
                break
            listed.append(b)
            n += step
        if len(listed) > 1:
            for b in listed:
                b.designator = b.designator or des


def _actor_name(men: Mention, m: Matcher, context: frozenset[str]) -> str | None:
    """Why a match is an armed group's or organisation's name ("Hamas", "Taliban", "SDF"), or
    None.  It stays a place with a designator, as the own name of a division or of a town of
    10,000+, or as a listed spelling of a place in the text's countries ("Radaa" in Yemen)."""
    if men.text.replace(".", "") not in m.actor_acronyms and gz.simple_key(men.text) not in m.actor_names:
        return None
    if men.text.replace(".", "") in m.actor_acronyms and sum(c.isupper() for c in men.text) >= 2 \
            and not any(men.text in c.entry.names() for c in men.candidates):
        return "an armed group's acronym, not written as a place"  # "FAMa" is no village Fama
    if men.designator or any(
        (_spelling_rank(c) == 2 and (c.entry.feature_type in WIDE_OR_REGION or c.entry.population >= 10_000))
        or (_spelling_rank(c) and c.entry.country in context)
        for c in men.candidates
    ):
        return None
    return "the name of an armed group or organisation"


def _saint_name(men: Mention, toks: list[Tok], text: str, persons: list, rules: Rules) -> str | None:
    """Why a "St. X" match is a saint's or a person's name rather than a town, or None:
    "Raynola St. Clair"; unless it names a city of 100,000+, "St. Michael's School" and
    "St. James Youth Detention Center"."""
    if toks[men.i].text.lower() not in ("st", "ste") or men.i == men.j:
        return None
    if _inside(persons, men.start, men.end) or any(a < men.start < b for a, b in persons):
        return "part of a person name"
    if any(c.entry.population >= 100_000 or c.entry.feature_type == "country" for c in men.candidates):
        return None  # "St. Louis police", "St. Petersburg's main street"
    if text[men.end : men.end + 2] in ("'s", "’s"):
        return "a saint's name (an institution)"
    nxt = toks[men.j + 1] if men.j + 1 < len(toks) else None
    if nxt is not None and nxt.text[:1].isupper() and not nxt.text.isupper() and not (
        nxt.text.lower() in rules.designators
    ):
        return "part of a longer name (an institution)"
    return None


def _build_mention(
    i: int, j: int, key: str, vals: list, toks: list[Tok], text: str, m: Matcher
) -> Mention:
    """A matched span with its gazetteer candidates, spelling checks and local cues.

    The candidates depend on the match and its spelling only, so the matcher keeps them
    (:attr:`Matcher.candidate_cache`) for a name written again, in this text or another."""
    # include a directly attached Arabic article ("al-Bab")
    si = i
    if i > 0 and toks[i - 1].key == "" and toks[i - 1].text != "|" and (
        text[toks[i - 1].end : toks[i].start] in ("-", "'", "’")
        # a spaced article only when it cannot be English ("al Bab", not "as US")
        or (text[toks[i - 1].end : toks[i].start] == " " and toks[i - 1].text.lower() in ("al", "el", "ul"))
    ):
        si = i - 1
    start, end = toks[si].start, toks[j].end
    men = Mention(i=i, j=j, start=start, end=end, text=text[start:end], key=key)
    men.sentence_initial = _sentence_start(text, start)
    dateline = _dateline(men, text)
    blocks = [v[1] for _, v in vals if v[0] == "b"]
    # a name both a place and an outlet or actor has ("Al Mayadeen" TV, the town of Mayadin) is
    # the outlet's only where spelled as the outlet is
    if blocks and (len(blocks) == len(vals) or gz.simple_key(men.text) in map(gz.simple_key, blocks)):
        men.block = True
        men.rejected = "inside an actor/outlet name"
    else:
        match = (key, tuple(vals), men.text, toks[i].text if i == j else None, text[end : end + 1] == ".", dateline)
        cache = m.candidate_cache
        found = cache.get(match)
        if found is None:
            found = _candidates(*match, m)
            if len(cache) >= MAX_CACHED_CANDIDATES:
                cache.clear()
            cache[match] = found
        cands, men.demonym, men.rejected = found
        men.candidates = [Candidate(c.entry, 0.0, c.notes[:], c.spelling) for c in cands]
    _annotate(men, toks, text, m.rules)
    if dateline and men.text.isupper():
        men.cue = "dateline"
    return men


def _candidates(
    key: str, vals: Sequence[tuple], span_text: str, word: str | None, dotted: bool, dateline: bool, m: Matcher
) -> tuple[list[Candidate], str | None, str | None]:
    """The candidates of a match (``vals``: its (layer, automaton value) pairs) with their
    spelling notes, its demonym and why it is rejected (None if not).  ``word``: the text of a
    one-word match; ``dotted``: a full stop follows it."""
    candidates: list[Candidate] = []
    seen_ids: set[str] = set()
    layers: dict[str, gz.Layer] = {}
    for layer, v in vals:
        if v[0] == "g":
            e = m.global_entries[v[1]]
        elif v[0] == "c":
            lay = layers.get(layer)
            if lay is None:
                lay = layers[layer] = m.country_layer(layer).entries
            e = lay[v[1]]
            if e.feature_type == "country":
                continue
        else:
            continue
        if e.id not in seen_ids:
            seen_ids.add(e.id)
            candidates.append(Candidate(e))
    surface = gz.simple_key(span_text)
    upper = span_text.replace(".", "").isupper()
    exact = []
    kept = []
    if dotted:
        # "Lebanon, Pa.": written as an abbreviation with its full stop, that is the reading
        # (not Pa, a town in China)
        abbreviated = [c for c in candidates if key in m.forms(c.entry).abbreviations and m.forms(c.entry).spells(surface)]
        candidates = abbreviated or candidates
    for c in candidates:
        forms = m.forms(c.entry)
        if not dotted and key in forms.abbreviations:
            continue  # an abbreviation ("Ga.", "Miss.") needs its full stop
        if not upper and key in forms.codes:
            continue  # a code ("MOD", "HAV") matches only a capitalised code
        kept.append(c)
        if forms.spells(surface):
            exact.append(c)
            c.spelling = 2 if surface in (forms.primary, _saint_alternate(forms.primary)) else 1
            c.notes.append("exact spelling" if c.spelling == 2 else "exact variant")
        elif " " not in surface and len(surface) > 4 and surface == re.sub(r"[\s'’-]", "", forms.primary):
            exact.append(c)  # the name written as one word: "Elwak" for El Wak
            c.spelling = 2
            c.notes.append("exact spelling, as one word")
    candidates = kept
    demonym = rejected = None
    country = next((v[1] for _, v in vals if v[0] == "d"), None)
    if country and (surface in m.demonym_forms or not any(c.entry.feature_type == "country" for c in exact)):
        if surface in m.demonym_forms or not exact:
            demonym = country
            rejected = "demonym (country signal)"
    if rejected is None and word is not None:
        if len(word) > 1 and word.isupper() and "." not in word and not dateline:
            # acronyms are places only when they are a country's own short name (US, UK)
            candidates = [c for c in exact if c.entry.feature_type == "country"]
        elif len(key) <= 4:
            exact_ids = {id(c) for c in exact}
            candidates = [
                c for c in candidates if id(c) in exact_ids or _close_spelling(surface, m.forms(c.entry))
            ]
    return _dedupe(candidates), demonym, rejected


#: Words a name may carry or drop without being another name ("Al Qamishli", "Quebec City").
_BARE_WORDS = gz._ARTICLES | {"city", "town", "the"}


#: Id prefixes of the GeoNames-derived towns (with populations) and US counties.
GEONAMES_SOURCES = ("gn:", "fips:")


def _needs_listed_spelling(e: Entry) -> bool:
    """A country, or a GeoNames town or US county: names whose listed variants are the
    spellings in use, so a match by transliteration folding alone is another name."""
    return e.feature_type == "country" or (
        e.id.startswith(GEONAMES_SOURCES) and e.feature_type not in ("continent", "region"))


@functools.lru_cache(maxsize=100_000)
def _bare(key: str) -> str:
    return "".join(w for w in key.split() if w not in _BARE_WORDS)


def _bare_equal(surface: str, forms: _Forms) -> bool:
    """The surface is one of the entry's names but for articles, "city" and spacing."""
    bare = _bare(surface)
    return bool(bare) and bare in forms.bare


_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|--|—|–)")


def _dateline(men: Mention, text: str) -> bool:
    """An all-capitals place opening a story: "COLUMBUS, Ohio (AP) —", "BEIRUT (Reuters) -"."""
    return len(men.text) >= 4 and men.sentence_initial and bool(_DATELINE_AFTER.match(text, men.end))


def _is_code(name: str) -> bool:
    """An all-capitals short name: an airport or postal code, an acronym."""
    return name.isupper() and len(name.replace(".", "").replace(" ", "")) <= 5


#: Parts of speech a one-word place name never has (spaCy's universal tags).
NON_NAME_POS = frozenset({"VERB", "AUX", "PRON", "ADV", "DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "NUM"})


def _person_sense(mentions: list[Mention], persons: list, text: str, doc_cc: Sequence[str] = ()) -> None:
    """One sense per discourse for people: a one-word name used for a person in the text
    ("John Mamo", "Narendra Modi") is not a place elsewhere unless a cue says so.  A country
    keeps its name ("Michael Jordan" ... "Jordan"), and so does a region of the text's
    main country; a region elsewhere does not ("Matthew Flores" ... "Flores", Uruguay)."""
    surnames = set()
    for a, b in persons:
        words = [w for w in re.findall(r"[^\W\d_]+", text[a:b]) if w[:1].isupper()]
        if len(words) >= 2:
            surnames.add(normalize(words[-1]))
    surnames |= {x.key for x in mentions if x.rejected and x.rejected.startswith(("inside a PERSON", "part of a person"))}
    # (a name in a bracket right after a place is what holds it: "Dhiban (Al Mayadin, Deir ez-Zor)")
    ends = {x.end for x in mentions if x.rejected is None}
    bracketed = {id(x) for x in mentions
                 if (m := _OPEN_BRACKET_BEFORE.search(text, max(0, x.start - _LOOK_BACK), x.start)) and m.start() in ends
                 or _HOLDER_BRACKET_AFTER.match(text, x.end)}
    for x in mentions:
        if x.rejected is None and x.i == x.j and x.key in surnames and id(x) not in bracketed \
                and not (x.designator or x.near or x.direction or x.subdivision or x.site) \
                and not (_LOCATIVE_BEFORE.search(text, max(0, x.start - _LOOK_BACK), x.start) and any(
                    _spelling_rank(c) and c.entry.population >= 100_000 and c.entry.country in doc_cc
                    for c in x.candidates)):  # (a big town of the text's country, told as a place: "in Al-Arish")
            if not any(c.entry.feature_type in WIDE
                       or c.entry.feature_type == "region" and c.entry.country in doc_cc[:1] for c in x.candidates[:1]):
                x.rejected = "same name used for a person in this text"


def simple_primary(e: Entry) -> str:
    """The light key of an entry's canonical name (or, for divisions, its bare form)."""
    return gz.simple_key(gz._DESIGNATOR.sub("", e.name).strip() or e.name)


def _close_spelling(surface: str, forms: _Forms) -> bool:
    """Short names: accept one edit (Hama ~ Hamah) but not folding-only matches (They ~ Thai);
    without the article, only the final "h" of a transliteration (Raqqa ~ Ar Raqqah); a doubled
    letter and a final "h" together (Saada ~ Sadah)."""
    if len(surface) < 4:
        return False
    n = len(surface)
    # one edit changes the length by at most one
    if any(abs(len(k) - n) <= 1 and Levenshtein.distance(surface, k, score_cutoff=1) <= 1 for k in forms.light):
        return True
    bare = _bare(surface)
    if len(bare) >= 4 and not bare.endswith("h") and bare + "h" in forms.bare:
        return True
    # a doubled letter and a final "h" are one transliteration's choices: Saada ~ Sadah
    core = _translit_core(surface)
    return len(core) >= 4 and any(_translit_core(k) == core for k in forms.light)


_DOUBLED = re.compile(r"(.)\1+")


def _doubled_only(surface: str, forms: _Forms) -> bool:
    """A name of several words spelt as one of the entry's but for doubled letters: "Mai
    Mahiu" for Maai Mahiu, a spelling of the same name, not another (one word may be a
    community's: "the Maasai" are not Masai)."""
    if len(surface) < 6 or " " not in surface:
        return False
    core = _DOUBLED.sub(r"\1", surface)
    return any(_DOUBLED.sub(r"\1", k) == core for k in forms.light)


@functools.lru_cache(maxsize=100_000)
def _translit_core(name: str) -> str:
    """A light name without doubled letters and a final "h" ("saada", "sadah": "sada")."""
    return _DOUBLED.sub(r"\1", name).removesuffix("h")


#: Km per degree of latitude, shrunk by far more than a distance's rounding error: no two
#: places are closer than their latitudes' difference times this.
_KM_PER_LAT_DEGREE = gz.EARTH_RADIUS_KM * math.pi / 180 * (1 - 1e-9)


def _closer_than(a: Entry, b: Entry, km: float) -> bool:
    """``gz.distance_km(a, b) < km``, without the trigonometry when the latitudes alone are
    ``km`` apart (the same answer: a great circle is never shorter than its north-south span)."""
    if abs(a.lat - b.lat) * _KM_PER_LAT_DEGREE >= km:
        return False
    return gz.distance_km(a.lat, a.lon, b.lat, b.lon) < km


def _nearest(e: Entry, others: Sequence[Entry]) -> Entry | None:
    """The entry of ``others`` nearest to ``e``."""
    return min(others, key=lambda o: gz.distance_km(e.lat, e.lon, o.lat, o.lon), default=None)


def _seat_near(town: Entry, district: Entry) -> bool:
    """Can ``town`` be the seat of the same-named ``district`` (see :data:`SEAT_KM`)?"""
    far_ok = town.population >= SEAT_TOWN_POPULATION and bool(town.admin1) \
        and town.admin1 == district.admin1 and town.country == district.country
    return _closer_than(town, district, SEAT_SAME_PROVINCE_KM if far_ok else SEAT_KM)


def _farther_than(a: Entry, b: Entry, km: float) -> bool:
    """``gz.distance_km(a, b) > km`` (see :func:`_closer_than`)."""
    if abs(a.lat - b.lat) * _KM_PER_LAT_DEGREE > km:
        return True
    return gz.distance_km(a.lat, a.lon, b.lat, b.lon) > km


#: an Arabic article before a place name ("An Nasiriyah", "Al-Qaim")
_ARTICLE = re.compile(r"^(?:a[lnrsdtz]|ash|el)[ -]")


def _without_article(name: str) -> str:
    """A name in ASCII lower case without its Arabic article ("An Nāşirīyah" -> "nasiriyah"; but
    "Douma" stays no spelling of "Duma")."""
    return _ARTICLE.sub("", unidecode(name).lower())


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop GeoNames towns duplicated by a WOF place nearby (keeping the larger population).

    The twin is the WOF place with the same GeoNames id, else of the same name, else a town
    before a district, the nearest first: the city of Mombasa's population goes to the place WOF
    ties to it (Old Mombasa, the old town, which takes the city's name when WOF lists it among
    its own), not to Mombasa County, which then beat the city."""
    wof = [c for c in cands if c.entry.id.startswith("wof:")]
    if not wof:
        return cands
    out = []
    for c in cands:
        e = c.entry
        if e.id.startswith("gn:") and e.feature_type == "locality":
            twins = [w for w in wof if w.entry.feature_type in ("locality", "localadmin", "county")
                     and w.entry.country == e.country
                     and (w.entry.geonames_id == e.geonames_id or _closer_than(w.entry, e, 25))]
            twin = min(twins, key=lambda w: (
                w.entry.geonames_id != e.geonames_id, normalize(w.entry.name) != normalize(e.name),
                w.entry.feature_type == "county",
                gz.distance_km(w.entry.lat, w.entry.lon, e.lat, e.lon))) if twins else None
            if twin is not None and twin.entry.feature_type == "county" and not e.population:
                twin = None  # a village-layer town beside its namesake district: both stay
            if twin is not None:
                if e.population > twin.entry.population:
                    twin.entry = replace(twin.entry, population=e.population)
                    twin.notes.append(f"population {e.population} from {e.id}")
                if twin.entry.geonames_id == e.geonames_id and normalize(e.name) != normalize(twin.entry.name) \
                        and normalize(e.name) in {normalize(v) for v in twin.entry.variants}:
                    # the place keeps the name both sources give it: "Mombasa", not WOF's "Old Mombasa"
                    twin.entry = replace(twin.entry, name=e.name,
                                         variants=(twin.entry.name, *(v for v in twin.entry.variants if v != e.name)))
                # the text spells the place as its supplement twin does ("Kerugoya" for WOF's
                # Keruguya), when the twin is named alike (not WOF's Bomet, tied to GeoNames'
                # Sotik); a global town's variants stay its own ("Duma" is no spelling of Douma),
                # unless both sources tie it to one GeoNames place ("Nasiriyah" is WOF's An
                # Nāşirīyah, its name but for the article, not a namesake hamlet in Nineveh)
                if c.spelling == 2 and (e.layer == "country" and Levenshtein.normalized_distance(
                        normalize(twin.entry.name), normalize(e.name)) <= 0.25
                        or twin.entry.geonames_id == e.geonames_id
                        and _without_article(twin.entry.name) == _without_article(e.name)):
                    twin.spelling = 2
                continue
        out.append(c)
    return out


#: number words that count people before a community's name ("two Maasai", "6 Kikuyu")
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozens hundreds "
                         "thousands scores".split())


def _counted_people(toks: list[Tok], i: int, pos_at: dict[int, str] | None) -> bool:
    """Is the word at ``i`` counted by a number right before it ("6 Kikuyu", "three Somalis"),
    a number that is no day of a date ("June 6 Nairobi police ...")?  Not when it only
    qualifies what is counted ("Five Kisumu journalists", "two Kisauni mosques"); without a
    parse to tell, no."""
    if i == 0 or toks[i - 1].text == "|" or pos_at is None:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.text != "|" and (
        pos_at.get(nxt.start) in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.text.lower() in ("-", "–", "based")
    ):
        return False
    num = toks[i - 1].text.lower()
    if not (num.isdigit() and len(num) <= 3 or num in _COUNT_WORDS):  # not a year: "in 2019 Kabul"
        return False
    before = toks[i - 2].text.lower().rstrip(".") if i >= 2 else ""
    return before not in MONTHS


def _village_layer(e: Entry) -> bool:
    """Whether ``e`` is a WOF place or one the user added: a village a text about its country
    may name with no NER support.  Not a GeoNames town of a country layer (the US layer's
    cities500: LGL's precision fell from 0.82 to 0.75 with them) nor of the GeoNames
    supplement of a WOF layer (many are named like people and things: "Kenyatta")."""
    return e.id.startswith("wof:") or e.layer == "user"


#: Cues strong enough to keep a one-word name that NER calls a person ("in Morek"); so is
#: any cue phrase of several words ("residents of", "bound for").
STRONG_CUES = frozenset({"in", "near", "at", "outside", "around", "into", "inside", "towards", "toward", "dateline"})


#: words that may stand between "in" and a country: "in eastern Congo", "in the far north of"
_REGION_WORDS = frozenset({"the", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                           "central", "northeastern", "northwestern", "southeastern", "southwestern",
                           "north-eastern", "north-western", "south-eastern", "south-western", "far"})


def _in_its_country(men: Mention, toks: list[Tok], m: Matcher) -> bool:
    """The name is followed by "in" and the country of one of its candidates ("Rutshuru in
    eastern Congo", "Ouallam in Niger's Tillaberi region")."""
    k = men.j + 1
    if k >= len(toks) or toks[k].text != "in":
        return False
    k += 1
    while k < len(toks) and toks[k].text.lower() in _REGION_WORDS:
        k += 1
    countries = {c.entry.country for c in men.candidates}
    key = ""
    for n in range(k, min(k + 4, len(toks))):
        if not toks[n].key or not toks[n].text[:1].isupper():
            break
        key = f"{key} {toks[n].key}".strip()
        if m.country_keys.get(key) in countries:
            return True
    return False


def _name_article(toks: list[Tok], k: int, text: str) -> bool:
    """Whether token ``k`` is an Arabic article inside a name: joined to the next word
    ("al-Sham", "ad-Din") or spaced and no English word ("Jaish al Izza"); "at" and "an" in
    "al Shabaab at Dadaab" are English and end the name."""
    t = toks[k]
    if t.key != "" or t.text == "|":
        return False
    if t.text[:1].isupper() or t.text.lower() in ("al", "el", "ul"):
        return True
    return k + 1 < len(toks) and text[t.end : toks[k + 1].start] in ("-", "'", "’")


#: a bracket after a name that opens on a capitalised name and a comma: "(Semdinli, Hakkari)" (not
#: another name of it: "Kamenj (Gamanj)", nor a party and a state: "Smith (R, Texas)")
_HOLDER_BRACKET_AFTER = re.compile(r"\s*\((?:[A-Z][a-z][\w'’-]*\s?){1,4},")
#: a preposition of place right before a name: "in Al-Arish", "near Zliten"
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|into|from)\s+(?:the\s+)?$")
#: a name right after the opening of such a bracket that follows a name: "Semdinli (Semdinli, ..."
_HOLDER_BRACKET_INSIDE = re.compile(r"[A-Z][\w'’-]*\s*\(\s*$")
#: a bracket opened right before a name
_OPEN_BRACKET_BEFORE = re.compile(r"\s*\(\s*$")
#: how far back (characters) those look from a name: a word and a bracket, not the whole text
#: before it (which made each name's check as long as the text)
_LOOK_BACK = 80


def _filter(
    men: Mention, toks: list[Tok], m: Matcher, persons: list, lower_words: set[str],
    locs: list | None = None, loc_keys: frozenset[str] = frozenset(),
    context: frozenset[str] = frozenset(), pos_at: dict[int, str] | None = None, text: str = "",
) -> None:
    rules = m.rules
    single = men.i == men.j
    # a GeoNames town or a country matched only after transliteration folding is another name
    # ("Shakopee" ~ Skopje, "Boone" ~ Bone, "Pala" ~ Palau): folding is for the villages of the
    # text's countries, or for a town the text calls one there ("the Saudi city of Jazan": Jizan)
    surface = gz.simple_key(men.text)
    men.candidates = [
        c for c in men.candidates
        if _spelling_rank(c) or not _needs_listed_spelling(c.entry) or _bare_equal(surface, m.forms(c.entry))
        or men.designator == "city" and c.entry.country in context and c.entry.population >= FOLDED_CITY_POPULATION
        or c.entry.country in context and _doubled_only(surface, m.forms(c.entry))
    ]
    in_loc = locs is not None and _inside(locs, men.start, men.end)  # inside an NER place
    if single and pos_at is not None:
        pos = pos_at.get(toks[men.i].start)
        # (not a capitalised word in running text that the tagger took for a verb by its
        # ending, when it names a region or a big town: "air strikes on Sagaing", "(Sagaing
        # Region)"; but a Title Case phrase is no running text: "Do You Mind Reading What You're
        # Eating")
        misread = pos == "VERB" and men.text[:1].isupper() and not men.sentence_initial \
            and men.i > 0 and (toks[men.i - 1].text[:1].islower() or text[: men.start].rstrip()[-1:] in ("(", ",")) \
            and (men.designator is not None or not (men.j + 1 < len(toks) and toks[men.j + 1].text[:1].isupper())) \
            and any(
                _spelling_rank(c) and (c.entry.feature_type in WIDE_OR_DIVISION or c.entry.population >= 100_000)
                for c in men.candidates)
        if pos in NON_NAME_POS and not in_loc and not misread:
            men.rejected = f"a {pos.lower()}, not a name"
            return
        if pos in ("NOUN", "ADJ") and not in_loc and not any(_spelling_rank(c) for c in men.candidates):
            men.rejected = f"a common {pos.lower()} matching only a variant spelling"
            return
    important = any(c.entry.feature_type in WIDE_OR_DIVISION or c.entry.population >= 100_000 for c in men.candidates)
    if _feature_name(men, toks, rules):  # not "Mahnomen County Road 3", "East Washington Street"
        men.rejected = "part of the name of a street, lake, fort, ... (not in the gazetteer)"
        return
    # actor name: "Jaish al-Izza", "Tahrir al-Sham" (head word in the same capitalised chunk)
    k = men.i - 1
    while k >= 0 and toks[k].text != "|" and (_name_article(toks, k, text) or toks[k].text[:1].isupper()):
        if toks[k].text.lower() in rules.actor_heads or toks[k].key in rules.actor_heads:
            men.rejected = f"part of an actor name ({toks[k].text} ...)"
            return
        k -= 1
    if (
        single and _prev_words(toks, men.i, 1)
        and toks[men.i - 1].start < men.start  # not the place's own article ("Al Bayda")
        and toks[men.i - 1].text[:1].isupper() and normalize(toks[men.i - 1].text) in rules.person_names
    ):
        men.rejected = f"part of a person name ({toks[men.i - 1].text} ...)"
        return
    if single and not men.cue and _counted_people(toks, men.i, pos_at):
        men.rejected = "a community counted by its name (\"6 Kikuyu were killed\")"
        return
    # a village of the text's countries (WOF or the user's)
    village = any(c.entry.country in context and _village_layer(c.entry) for c in men.candidates)
    if not village:
        # "Columbus East", "Lancaster University": cues of the villages of the text's countries
        men.subdivision = men.site = None
    strong = (
        men.cue in STRONG_CUES or men.cue in rules.cues_after or " " in (men.cue or "")
        or men.designator is not None or men.direction is not None or men.near
        # a part of a village of the text's countries ("Embu East"), an institution named after
        # one stands there ("Kerugoya Stadium")
        or men.subdivision is not None or men.site is not None
    )
    # "seized Rutshuru in eastern Congo": a village of the country named right after it
    strong = strong or (village and single and _in_its_country(men, toks, m))
    # an analyst's "Town (District, Province)": the bracket after a name, or its first words, say
    # it is a place ("Semdinli (Semdinli, Hakkari)", "Al Luhayyah (Al Luhayyah, Al Hudaydah)")
    strong = strong or bool(text) and (_HOLDER_BRACKET_AFTER.match(text, men.end) is not None
                                       or _HOLDER_BRACKET_INSIDE.search(text, max(0, men.start - _LOOK_BACK), men.start)
                                       is not None
                                       and text[men.end : men.end + 1] == ",")
    ner = in_loc or men.key in loc_keys
    if not (strong or ner) and locs is not None:
        # a former name or a nickname is that place only where the parse or a cue says so
        men.candidates = [c for c in men.candidates if not _alias(c, surface, men.key, m)]
    if single and _inside(persons, men.start, men.end) and not strong:
        whole = any(a == men.start and b == men.end for a, b in persons)
        known = any(
            _spelling_rank(c)
            and (c.entry.population >= 10_000 or c.entry.feature_type in WIDE_OR_REGION)
            for c in men.candidates
        )
        # the small model often calls a lone town name a PERSON ("Gainesville"); a full name
        # ("Narendra Modi") is a person
        if not (whole and known):
            men.rejected = "inside a PERSON entity" if not whole else "a PERSON entity (not a known town)"
            return
    if (
        single
        and locs is not None
        and not strong
        and not important
        and not ner
        # a village of a country the article is about ("struck Saraqib") needs no NER support,
        # nor does a town of one written as its own name ("Migori residents protested")
        and not any(
            c.entry.country in context
            and _village_layer(c.entry)
            and (not men.sentence_initial or (_spelling_rank(c) == 2 and c.entry.population >= 10_000))
            for c in men.candidates
        )
    ):
        men.rejected = "one-word minor place without NER support or location cue"
        return
    if single and not strong and not ner and locs is not None:
        if not village and not any(_spelling_rank(c) for c in men.candidates):
            # "Flores" is not Floris, "Chamber" not Basile: a loose spelling needs support
            men.rejected = "one word matching only after normalisation, without NER support or cue"
            return
        if context and all(
            c.entry.feature_type in ("region", "county", "localadmin") and c.entry.country not in context
            for c in men.candidates
        ):
            men.rejected = "a division of a country the text is not about, without NER support or cue"
            return
        if all(c.entry.feature_type in ("county", "localadmin") for c in men.candidates) and not men.designator:
            men.rejected = "bare district name without NER support or cue (\"Gulf\" for Gulf County)"
            return
    exact_big = any(
        _spelling_rank(c)
        and (c.entry.feature_type in WIDE_OR_REGION or c.entry.population >= 100_000)
        for c in men.candidates
    )
    if single and men.key in lower_words and not exact_big and not men.designator:
        men.rejected = "common word (also written in lower case in this text)"
        return
    if not men.candidates:
        men.rejected = "no gazetteer candidate"


#: Below this similarity (rapidfuzz ratio, 0-100) to an entry's own name, a name it lists is
#: another name: a former name, a nickname, a district's ("Twickenham", Huntsville's first
#: name; "North Side" for Oildale; "Google", Topeka's for a month in 2010).
ALIAS_SIMILARITY = 60


def _alias(c: Candidate, surface: str, key: str, m: Matcher) -> bool:
    """Matched only through a listed name unlike the entry's own (see :data:`ALIAS_SIMILARITY`):
    the name of a place only where the text calls it a place.  A country's names ("Britain")
    and a shortening ("Phila", "D.C.") are not aliases."""
    if c.spelling != 1 or c.entry.feature_type == "country":
        return False
    forms = m.forms(c.entry)
    if forms.primary.startswith(surface) or forms.primary in surface:
        return False
    if key in forms.abbreviations or key in forms.codes:
        return False
    if c.entry.feature_type == "region" and gz.named_with_kind(key, c.entry.names()):
        return False  # its name without "Governorate" ("Deir ez-Zor", filed as "Days Az Zawr")
    return max(fuzz.ratio(surface, forms.primary), fuzz.ratio(surface, forms.name_key)) < ALIAS_SIMILARITY


def _feature_name(men: Mention, toks: list[Tok], rules: Rules) -> bool:
    """Whether a capitalised word right after or before the name makes it part of the name of
    a street, lake, fort, ... ("Haifa Street", "Fort Benning"), as the stop rules list."""
    k = men.j + 1
    if k < len(toks) and toks[k].text[:1].isupper() and toks[k].text.lower() in rules.feature_after:
        return True
    k = men.i - 1
    return k >= 0 and toks[k].end < men.start and toks[k].text[:1].isupper() and toks[k].text.lower() in rules.feature_before


def _designated_spans(toks: list[Tok], text: str, mentions: list[Mention], rules: Rules) -> list[tuple[int, int, str]]:
    """Capitalised words no match covers that a designator calls a place ("at Mpekatoni
    border town", "the village of Kiboko"), as (start, end, text): near misses to look for
    whatever the parse says of them."""
    covered = [(x.start, x.end) for x in mentions]
    out = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j + 1 < n and toks[j + 1].key and toks[j + 1].text[:1].isupper() and toks[j + 1].text.isalpha():
            j += 1
        while i <= j and (not toks[i].key or not toks[i].text[:1].isupper() or not toks[i].text.isalpha()
                          or normalize(toks[i].text) in rules.words or toks[i].text.lower() in _OPENING_WORDS):
            i += 1  # "The", "Town" before the name
        if i <= j and _may_be_designated(toks, i, j, rules):
            s, e = toks[i].start, toks[j].end
            men = Mention(i=i, j=j, start=s, end=e, text=text[s:e], key="")
            _annotate(men, toks, text, rules)
            if men.designator and not any(a < e and s < b for a, b in covered):
                out.append((s, e, men.text))
        i = j + 1
    return out


def _may_be_designated(toks: list[Tok], i: int, j: int, rules: Rules) -> bool:
    """A quick check before :func:`_annotate`: a designator word after tokens ``i``-``j``
    (past a modifier: "border town") or "the town of" before them."""
    nxt = _next_word(toks, j)
    if nxt in rules.designator_modifiers:
        nxt = _next_word(toks, j + 1)
    prev = _prev_words(toks, i, 2)
    return nxt in rules.designators or len(prev) == 2 and prev[1] == "of" and prev[0] in rules.designators


def _near_miss_hits(key: str, light: str, cc: str, m: Matcher) -> list[tuple[float, Entry]]:
    """A country layer's entries a near miss (normalised ``key``, ``light`` key as written)
    may be: those of the closest key scoring :data:`FUZZY_SCORE`, else those whose own name
    scores it as written ("Mpekatoni" for Mpeketoni: 87.5 folded, 89 as written)."""
    from rapidfuzz import process

    lay = m.country_layer(cc).entries
    idx = lay.key_index()
    hit = process.extractOne(key, m.fuzzy_keys(cc, key, FUZZY_SCORE), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
    if hit:
        return [(hit[1], lay[i]) for i in idx[hit[0]]]
    out = []
    for k, _, _ in process.extract(key, m.fuzzy_keys(cc, key, FUZZY_FLOOR), scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_FLOOR, limit=5):
        for i in idx[k]:
            score = fuzz.ratio(light, m.forms(lay[i]).name_key)
            if score >= FUZZY_SCORE:
                out.append((score, lay[i]))
    return out


def _fuzzy_mentions(
    text: str, toks: list[Tok], locs: list[tuple[int, int, str]], mentions: list[Mention], doc_cc: list[str],
    m: Matcher, designated: Sequence[tuple[int, int, str]] = (), given: Sequence[str] = (),
) -> list[Mention]:
    """Near misses: NER GPE/LOC/FAC spans, then ``designated`` names the parse calls no place
    (see :func:`_designated_spans`), not matched exactly, fuzzy-matched to doc layers (the
    latter to the ``given`` countries' when the caller names some: "Somali refugees clashed in
    Dhagahley refugee camp" in a Kenyan feed is not at Tagaal, Somalia)."""
    covered = [(x.start, x.end) for x in mentions]
    out: list[Mention] = []
    unparsed = len(locs)
    for n, (s, e, span_text) in enumerate([*locs, *designated]):
        if any(a < e and s < b for a, b in covered):
            continue
        key = normalize(span_text)
        if len(key) < 5 or not span_text[:1].isupper():
            continue
        best: tuple[float, Entry] | None = None
        light = gz.simple_key(span_text)
        for cc in (given or doc_cc) if n >= unparsed else doc_cc:
            for score, ent in _near_miss_hits(key, light, cc, m):
                if ent.feature_type == "country":
                    continue
                if best is None or (score, ent.importance) > (best[0], best[1].importance):
                    best = (score, ent)
        if best:
            ti = next((k for k, t in enumerate(toks) if t.start >= s), 0)
            tj = max((k for k, t in enumerate(toks) if t.end <= e), default=ti)
            men = Mention(i=ti, j=tj, start=s, end=e, text=span_text, key=key, fuzzy=True, unparsed=n >= unparsed)
            covered.append((s, e))
            men.candidates.append(Candidate(best[1], notes=[f"fuzzy {best[0]:.0f}"]))
            _annotate(men, toks, text, m.rules)
            out.append(men)
    return out


# --------------------------------------------------------------------------- resolve

#: Score bonuses for matching an entry's own spelling or one of its listed variants, over a
#: match found only after transliteration-aware normalisation.
EXACT_BONUS = 4
VARIANT_BONUS = 2

_PRECISION = {**dict.fromkeys(WIDE, 3), "macroregion": 3, "region": 3, "county": 2, "localadmin": 2}


#: Bonus for a town of the text's home state (or province), when most of the text's towns lie
#: in it: local news ("Lebanon" in a story about Mason and Franklin is Lebanon, Ohio).
FOCUS_BONUS = 5.0
_LOCAL_TYPES = frozenset({"locality", "localadmin", "county", "borough"})


def _local_focus(live: list[Mention]) -> None:
    """Favour the home state's towns for every name, when one state holds most of the other
    distinct names' provisional choices (a name's own choice does not count for it)."""
    home_of: dict[str, tuple[str, str]] = {}
    for x in live:
        e = x.candidates[0].entry
        if e.feature_type in _LOCAL_TYPES and e.admin1 and e.country:
            home_of.setdefault(x.key, (e.country, e.admin1))
    counts = Counter(home_of.values())
    if not counts:
        return
    home, n = counts.most_common(1)[0]
    if n < 0.6 * counts.total():
        return
    for men in live:
        if len(men.candidates) < 2 or n - (home_of.get(men.key) == home) < 2:
            continue
        if men.candidates[0].entry.feature_type in ("region", "macroregion"):
            continue  # "Kansas", "Ohio": the state, not a town of the home state named after it
        for c in men.candidates:
            e = c.entry
            if (e.country, e.admin1) == home and e.feature_type in _LOCAL_TYPES and _spelling_rank(c):
                c.score += FOCUS_BONUS
                c.notes.append(f"in the text's home area ({e.admin1}) +{FOCUS_BONUS:.0f}")
        men.candidates.sort(key=_rank)


#: Mutual support of homonyms: a candidate within MUTUAL_KM of a plausible candidate of another
#: name gets MUTUAL_BONUS, within MUTUAL_FAR_KM MUTUAL_FAR; "plausible" is within PLAUSIBLE of
#: its own name's leader.  Leaders that are regions or cities of MUTUAL_MAX_POP+ are kept.
MUTUAL_BONUS = 3.0
MUTUAL_KM = 30.0
MUTUAL_FAR = 1.0
MUTUAL_FAR_KM = 120.0
PLAUSIBLE = 4.0
#: Candidates per name that take part in mutual support: all the namesakes of a common name
#: ("Franklin County": 24 counties, Ohio's the 17th in file order) within PLAUSIBLE.
MUTUAL_CANDIDATES = 40
MUTUAL_MAX_POP = 300_000
#: A town matched only after normalisation that lies this far (km) from all the text's other
#: towns of its country gets a lower confidence: likely a namesake of a place the gazetteer lacks.
LONE_KM = 300.0
#: how far (km) from the text's other towns a near miss only its designator calls a place may
#: lie: one letter off a village's name is as often another village ("Kimangaru village, Embu
#: West" is no Kimangau, 67 km from Embu)
UNPARSED_KM = 50.0
#: how far (km) from all the towns its sentence names a near miss (a name only like the
#: gazetteer's) may lie: farther, it is a village the gazetteer lacks read into a namesake
#: elsewhere ("Kithimu (Embu county)" is no Kithembe, 85 km from Embu)
NEAR_MISS_KM = 50.0
#: how far (km) a place written as a town's ("Tripoli's Souq al-Juma") may lie from it
POSSESSED_KM = 30.0
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s|\n")


def _supports(e: Entry) -> bool:
    """GeoNames towns of known population and US counties take part in mutual support: the
    Who's On First village layers are too dense (and mostly without populations) for a nearby
    namesake to mean much, and one of their districts must not outscore its seat by it."""
    return (
        e.feature_type in _LOCAL_TYPES and e.id.startswith(GEONAMES_SOURCES)
        and (e.population > 0 or e.feature_type == "county")
    )


def _support_points(mentions: list[Mention], at_least: int = 1) -> _Points | None:
    """The points, by name, of each mention's candidates within PLAUSIBLE of its leader that
    take part in mutual support (:func:`_supports`); None when there are fewer than
    ``at_least``."""
    pool: list[tuple[str, Entry]] = []
    for x in mentions:
        lead = x.candidates[0].score
        for c in x.candidates[:MUTUAL_CANDIDATES]:
            if c.score < lead - PLAUSIBLE:
                break
            if _supports(c.entry):
                pool.append((x.key, c.entry))
    if len(pool) < at_least:
        return None
    return _Points([e for _, e in pool], [k for k, _ in pool])


def _mutual_support(live: list[Mention]) -> None:
    """Homonyms that explain each other: a candidate gets a bonus when a plausible candidate of
    another name (within PLAUSIBLE of its leader) lies within MUTUAL_KM ("Walker County" and
    "Huntsville": the Texas pair, 1 km apart, over Alabama's, 130 km)."""
    points = _support_points(live, at_least=2)
    if points is None:
        return
    for men in live:
        if len(men.candidates) < 2:
            continue
        leader = men.candidates[0].entry
        if leader.feature_type not in _LOCAL_TYPES or leader.population >= MUTUAL_MAX_POP:
            continue  # "Kansas" is the state, "Atlanta" the city, whatever small towns lie near
        lead = men.candidates[0].score
        changed = False
        for c in men.candidates[:MUTUAL_CANDIDATES]:
            if c.score < lead - MUTUAL_BONUS - 0.5 or not _supports(c.entry):
                continue
            d = points.nearest_other_km(c.entry, men.key)
            if d is None:
                break  # every plausible point is this name's own
            bonus = MUTUAL_BONUS if d < MUTUAL_KM else MUTUAL_FAR if d < MUTUAL_FAR_KM else 0.0
            if bonus:
                c.score += bonus
                c.notes.append(f"{d:.0f} km from a candidate of another name +{bonus:.1f}")
                changed = True
        if changed:
            men.candidates.sort(key=_rank)


def _country_namesakes(live: list[Mention], sig: Counter[str], own: dict[str, Counter[str]]) -> None:
    """A country's name that nothing else in the text supports (no place, no demonym, no other
    name of it), with a namesake town within MUTUAL_KM of a plausible place of another name,
    is that town: "Lebanon" in a story of Boone County, Indiana, is its county seat, 1 km from
    the county's point, not the country.  Names that are themselves countries lend no support
    ("Jordan and Lebanon" stay two countries wherever their namesakes lie)."""
    countries = [x for x in live if x.candidates[0].entry.feature_type == "country"]
    if not countries:
        return
    points = _support_points([x for x in live if x.candidates[0].entry.feature_type != "country"])
    if points is None:
        return
    for men in countries:
        lead = men.candidates[0]
        cc = lead.entry.country or ""
        if men.demonym or sig[cc] - _own_of(men, own)[cc] > 0:
            continue
        near = []
        for c in men.candidates[1:MUTUAL_CANDIDATES]:
            if c.spelling == 2 and c.entry.population > 0 and _supports(c.entry):
                d = points.nearest_other_km(c.entry, men.key)
                if d is not None and d < MUTUAL_KM:
                    near.append((d, c))
        if near:
            d, town = min(near, key=lambda t: t[0])
            town.score = lead.score + 0.5
            town.notes.append(f"namesake of a country nothing else in the text names, {d:.0f} km from another place")
            men.candidates.sort(key=_rank)


#: people of a city every reader knows, and of the namesake villages it outranks
METROPOLIS_POP = 1_000_000
HAMLET_POP = 10_000


def _metropolis_over_hamlets(live: list[Mention]) -> None:
    """A city (or a first-level division) of a million people spelled as the text spells it is
    that place, not a namesake village (a GeoNames town of under 10,000 people) that leads only
    by being in one of the text's countries ("Scotland" in an Ohio story), when no namesake lies
    within MUTUAL_KM of a plausible place of another name: "SAN DIEGO" beside Tijuana is
    California's city, not one of Mexico's hamlets of that name (2,000 people); "Berlin" with
    Middletown and Hartford stays American (Berlin, Connecticut lies between them)."""
    todo = []
    for men in live:
        e = men.candidates[0].entry
        if not (e.feature_type == "locality" and 0 < e.population < HAMLET_POP and _supports(e)):
            continue
        big = max((c for c in men.candidates[1:] if c.spelling == 2 and c.entry.feature_type in ("locality", "region")
                   and c.entry.population >= METROPOLIS_POP),
                  key=lambda c: c.entry.population, default=None)
        if big is not None:
            todo.append((men, big))
    if not todo:
        return
    points = _support_points(live)
    for men, big in todo:
        if points is not None and any(
            c is not big and _supports(c.entry)
            and (d := points.nearest_other_km(c.entry, men.key)) is not None and d < MUTUAL_KM
            for c in men.candidates[:MUTUAL_CANDIDATES]
        ):
            continue  # a namesake near another place of the text ("Berlin" with Hartford)
        big.score = men.candidates[0].score + 0.5
        big.notes.append("a place of a million people over namesake villages nothing near supports")
        men.candidates.sort(key=_rank)


def _central_region(men: Mention) -> bool:
    """"central X" is the middle of a region X when no town X lies in a region of that name:
    "central Washington" is the state's (the capital stands outside it), "central Ontario" the
    province's; "central Nairobi" and "central Baghdad" are the cities' centres."""
    regions = [c.entry for c in men.candidates if c.entry.feature_type == "region" and c.spelling]
    return bool(regions) and not any(
        c.entry.feature_type == "locality" and c.spelling and c.entry.country == r.country
        and c.entry.admin1 and normalize(c.entry.admin1) == normalize(r.name)
        for r in regions for c in men.candidates
    )


def _clearly_division(men: Mention) -> bool:
    """Whether a mention is written as a first-level division's own name and as no city of
    100,000+ people ("Missouri", "North Carolina"; not "New York")."""
    return any(c.spelling == 2 and c.entry.feature_type == "region" for c in men.candidates) and not any(
        c.spelling and c.entry.feature_type == "locality" and c.entry.population >= 100_000 for c in men.candidates
    )


def _metropolis_countries(men: Mention) -> set[str | None]:
    """The countries of the cities of 1,000,000+ people a mention spells ("New York")."""
    return {
        c.entry.country for c in men.candidates
        if c.spelling and c.entry.feature_type == "locality" and c.entry.population >= 1_000_000
    }


#: how much nearer the text's other places (km) one of two equally scored namesakes must lie
#: to be preferred (see :func:`_rank`)
ANCHOR_TIE_KM = 10.0


def _rank(c: Candidate) -> tuple[float, int, float]:
    """Sort key of candidates: best score first; of equal scores, the most populous place
    ("Florida" is the US state, not the Puerto Rico municipality of that name), then the one
    nearest the text's other places, by steps of :data:`ANCHOR_TIE_KM` (of two towns "Awendo"
    listed with one population, the one 18 km from Rongo, not the one 35 km off)."""
    return -c.score, -c.entry.population, min(c.anchor_km, 1e6) // ANCHOR_TIE_KM


def _margin(men: Mention) -> float:
    """How far a mention's leader is ahead of its best rival more than 25 km away."""
    top = men.candidates[0]
    return top.score - next(
        (c.score for c in men.candidates[1:]
         if _farther_than(c.entry, top.entry, 25)),
        top.score - 6,
    )


def _one_sense(live: list[Mention]) -> None:
    """One sense per discourse: the mentions of one name (written the same way, with the same
    designator; "X City" counts as "X") take the choice of the mention with the clearest
    evidence ("Springfield, Ohio" once, then "Springfield" alone)."""
    groups: dict[tuple, list[Mention]] = {}
    for men in live:
        # "Alexandria City" (a GeoNames variant) or "Idlib city" and a bare "Alexandria": one town
        name = men.text.casefold().removesuffix(" city").removeprefix("city of ")
        designator = None if men.designator == "city" else men.designator
        groups.setdefault((name, designator, bool(men.direction)), []).append(men)
    for group in groups.values():
        if len(group) < 2:
            continue
        best = max(group, key=_margin)
        chosen, kind = best.candidates[0].entry.id, best.candidates[0].entry.feature_type
        for men in group:
            if men is best or men.candidates[0].entry.id == chosen:
                continue
            if men.text != best.text and men.candidates[0].entry.feature_type != kind:
                continue  # "Mexico City" makes no bare "Mexico" the city
            _promote(men, chosen, "the same name's clearest mention chose it")


def _promote(men: Mention, entry_id: str, note: str) -> None:
    """Put the candidate of ``entry_id`` (if any) first, with ``note``."""
    k = next((k for k, c in enumerate(men.candidates) if c.entry.id == entry_id), None)
    if k is not None:
        c = men.candidates.pop(k)
        c.notes.append(note)
        men.candidates.insert(0, c)


def _name_key(men: Mention) -> str:
    """A mention's key without a trailing designator ("DeKalb County" -> "DeKalb"), as
    :func:`simple_primary` strips an entry's name."""
    bare = gz._DESIGNATOR.sub("", men.text).strip()
    return normalize(bare) if bare and bare != men.text else men.key


def _counties_named_in_full(live: list[Mention]) -> None:
    """A bare name in a text that names a county in full is that county ("DeKalb County
    Commission" ... "unincorporated DeKalb": Georgia's county, not DeKalb, Illinois), unless it
    is a town that can be the county's seat ("Boone" in Boone County)."""
    counties: dict[str, Entry] = {}
    for men in live:
        e = men.candidates[0].entry
        if e.feature_type == "county" and (key := _name_key(men)) != men.key:
            counties.setdefault(key, e)
    for men in live:
        county = counties.get(men.key)
        top = men.candidates[0].entry
        if county is not None and top.id != county.id and not _seat_near(top, county):
            _promote(men, county.id, "the county the text names in full")


#: how far (km) a town may lie from the town or district written right after it as what holds it
#: ("Nyali, Mombasa", "Nyali (Mombasa)") before a namesake within that reach is taken for it
HOLDER_KM = 40.0
#: the kinds of place a holder can be written for
_TOWN_TYPES = frozenset({"locality", "neighbourhood", "borough"})


#: what writes a place's holder right after it, besides a comma: a bracket, or "in" or "of"
#: after a word or two ("Nyali (Mombasa)", "the Majengo area of Mombasa", "Kiganjo market in
#: Gatundu South")
_HOLDER_GAP = re.compile(r"\s*\(\s*|\s+(?:[a-z][a-z-]*\s+){0,2}(?:of|in)\s+(?:the\s+)?")


def _holders(seq: list[Mention], text: str) -> dict[int, Entry]:
    """Index in ``seq`` (mentions in text order) -> the choice of the town or district written
    right after it as what holds it: "Nyali (Mombasa)", "the Majengo area of Mombasa" (see
    :data:`_HOLDER_GAP`), "Nyali, Mombasa" (a province or country may follow: "Nyali, Mombasa,
    Kenya"), and the names listed with "and" before it ("Nyali and Kisauni, Mombasa"); not the
    last of a list ("Nairobi, Mombasa and Kisumu", "Nakuru, Nairobi, Mombasa" with no "and" to
    tell where it ends)."""

    def local(men: Mention) -> Entry | None:
        e = men.candidates[0].entry
        return e if e.feature_type in _LOCAL_TYPES else None

    out: dict[int, Entry] = {}
    for k, (a, b) in enumerate(itertools.pairwise(seq)):
        if _HOLDER_GAP.fullmatch(text, a.end, b.start) and (e := local(b)):
            out[k] = e  # "Nyali (Mombasa)", "the Majengo area of Mombasa"
    k = 0
    while k < len(seq):
        run = [k]  # names joined as a list: "Nyali and Kisauni, Mombasa, Kenya"
        while run[-1] + 1 < len(seq) and _LIST_GAP.fullmatch(text, seq[run[-1]].end, seq[run[-1] + 1].start):
            run.append(run[-1] + 1)
        k = run[-1] + 1
        while len(run) > 1 and seq[run[-1]].candidates[0].entry.feature_type in WIDE_OR_DIVISION:
            run.pop()
        gaps = [text[seq[a].end : seq[b].start] for a, b in itertools.pairwise(run)]
        if gaps and re.fullmatch(r"\s*,\s*", gaps[-1]) and (len(gaps) == 1 or _LIST_END.search(gaps[-2])) \
                and (e := local(seq[run[-1]])):
            out.update((i, e) for i in run[:-1])
    return out


#: what tells a place as a part of the town written next: "the Dniprovskyi district of Kherson
#: city" (a district of a town only when "city" follows it)
_PART_OF_GAP = re.compile(r"\s+(district|neighbourhood|neighborhood|suburb|quarter|ward|estate)\s+(?:of|in)\s+"
                          r"(?:the\s+)?", re.I)


def _written_holders(live: list[Mention], text: str) -> None:
    """A town written right before the town or district that holds it (see :func:`_holders`)
    is its namesake (spelled so, or so in a variant when the holder is a town, of that country)
    within :data:`HOLDER_KM` of that holder's choice, when its own choice lies beyond: "Nyali,
    Mombasa" is the Mombasa suburb, not the Nyali 60 km west that the text's home province and
    coherence favour. A place told as a district of a town, with no namesake near it, is no
    place found."""
    seq = sorted(live, key=lambda x: x.start)
    for k, h in _holders(seq, text).items():
        men, top = seq[k], seq[k].candidates[0]
        if top.entry.feature_type not in _TOWN_TYPES or not _farther_than(top.entry, h, HOLDER_KM):
            continue
        near = next((c for c in men.candidates[1:]
                     if c.entry.feature_type in _TOWN_TYPES and c.entry.country == h.country
                     and (_spelling_rank(c) == 2 or _spelling_rank(c) and h.feature_type in _TOWN_TYPES)
                     and _closer_than(c.entry, h, HOLDER_KM)), None)
        if near is not None:
            _promote(men, near.entry.id, f"within {HOLDER_KM:.0f} km of {h.name}, written as what holds it")
        elif (gap := _PART_OF_GAP.fullmatch(text, men.end, seq[k + 1].start)) and (
                gap.group(1).lower() != "district" or re.match(r"\s+city\b", text[seq[k + 1].end :], re.I)):
            # "the Dniprovskyi district of Kherson city": a namesake far away is not that
            # district (but "the Kupwara district of Jammu and Kashmir" is a province's)
            men.rejected = f"told as a part of {h.name}, and no place so named lies near it"


#: what stands between a place and the division written after it as what holds it, besides a
#: bare comma or bracket: the place's kind ("Myaung town (Sagaing region)", "Pokrovsk district,
#: Donetsk oblast"), or "in" ("Kani town in Sagaing region")
_QUALIFIED_GAP = re.compile(r"\s+(?:town|township|village|city|district|county|sub-county|commune|municipality"
                            r"|province|area|locality)\s*[,(]\s*(?:the\s+)?"
                            r"|\s+(?:(?:town|township|village|city|district|area)\s+)?in\s+(?:the\s+)?")


def _division_names(x: Mention) -> set[str]:
    """The names of the regions and countries a mention may be, and those countries' codes:
    what a place written before it may lie in."""
    return {normalize(c.entry.name) for c in x.candidates if c.entry.feature_type in ("region", "country")} | {
        c.entry.country for c in x.candidates if c.entry.feature_type == "country" and c.entry.country}


#: the least bonus of a place in a country the caller named ("Eastleigh" with --country KE is
#: the Nairobi estate, not a suburb of Johannesburg), and its edge over a country the text
#: itself votes for as strongly (Namanga, a border town on both sides, in a Kenyan feed that
#: says "Tanzanian")
GIVEN_COUNTRY_BONUS, GIVEN_COUNTRY_EDGE = 5.0, 0.5


def _resolve(
    mentions: list[Mention], sig: Counter[str], doc_cc: list[str], text: str,
    own: dict[str, Counter[str]] | None = None, given: frozenset[str] = frozenset(),
) -> None:
    """Score every candidate of the live mentions and choose one (notes say why).

    A name's own votes are left out of the document-country share it is scored with, so
    "London" in an Ohio paper cannot make the article British by itself.
    """
    live = [x for x in mentions if x.rejected is None and x.candidates]
    own = own or {}
    # names listed with a division ("Missouri, New York, North Carolina and Virginia")
    state_listed = {
        id(x) for a, b in itertools.pairwise(live) if _LIST_GAP.fullmatch(text, a.end, b.start)
        for x, other in ((a, b), (b, a)) if _clearly_division(other)
    }
    # a bare "New York" is the city: no division of that name is mentioned
    metropolis = {
        id(x): cc for x in live if id(x) not in state_listed and (cc := _metropolis_countries(x))
    }
    admin_keys = {x.key for x in live if id(x) not in metropolis} | {
        normalize(c.entry.name)  # "Ga." names Georgia
        for x in live if id(x) not in metropolis
        for c in x.candidates
        if c.entry.feature_type in ("region", "macroregion") and _spelling_rank(c)
    }
    region_keys = {x.key for x in live if x.designator == "region"
                   or (x.direction and (x.direction != "central" or _central_region(x)))}
    city_keys = {x.key for x in live if x.designator == "city"}
    # "Lebanon, Pa.", "Paris, Texas", "Mosul, Iraq": the names of what comes right after a place;
    # but "Washington, New York and Boston" is a list (a state that qualifies a town is
    # followed by a comma: "Paris, Texas, and Boston")
    after: dict[int, set[str]] = {}
    # ... and, the other way, the provinces of what comes right before: "(Nara, Koulikoro)"
    # is the region of Koulikoro, not its namesake commune
    before: dict[int, set[str]] = {}

    def provinces(x: Mention) -> set[str]:
        return {normalize(c.entry.admin1) for c in x.candidates
                if c.entry.admin1 and c.entry.feature_type not in WIDE_OR_REGION}

    for a, b, third in zip(live, live[1:], [*live[2:], None]):
        if re.fullmatch(r"\s*\(\s*", text[a.end : b.start]):
            before[id(b)] = provinces(a)  # "Nara (Koulikoro)"
            after[id(a)] = _division_names(b)
        elif _QUALIFIED_GAP.fullmatch(text, a.end, b.start):
            # "Myaung town (Sagaing region)", "Pokrovsk district, Donetsk oblast", "Kani town in Sagaing"
            before[id(b)] = provinces(a)
            after[id(a)] = _division_names(b)
        elif re.fullmatch(r"\s*,\s*", text[a.end : b.start]) and not (
            third is not None and _LIST_END.fullmatch(text, b.end, third.start)
        ):
            after[id(a)] = _division_names(b)
            before[id(b)] = provinces(a)
    spelled = {id(x) for x in live if any(_spelling_rank(c) for c in x.candidates)}
    primary_spelled = {id(x) for x in live if any(_spelling_rank(c) == 2 for c in x.candidates)}
    # a country, ocean or continent spelled so (an ocean by its short name too: "the Atlantic")
    country_named = {
        id(x) for x in live
        if any(
            c.entry.feature_type in WIDE
            and (_spelling_rank(c) == 2 or _spelling_rank(c) and c.entry.feature_type in gz.SUPRANATIONAL)
            for c in x.candidates
        )
    }

    def base(c: Candidate, men: Mention, rest: Counter[str], votes: int) -> float:
        """A candidate's score before spatial coherence (``rest``: the document's country
        votes without this name's own; ``votes``: their total, or 1 if none)."""
        e = c.entry
        s = e.importance
        exact, variant = c.spelling == 2, c.spelling == 1
        if variant and e.feature_type == "region" and (
                men.designator == "region" or normalize(e.name) in before.get(id(men), ())):
            # a division told as one ("Deir ez-Zor province", "Dhiban, Deir ez-Zor") is spelled
            # as well by its bare name as by the name it is filed under ("Days Az Zawr")
            exact, variant = True, False
        c.notes = [f"importance {s:.1f}"]
        if exact:
            s += EXACT_BONUS
            c.notes.append(f"exact spelling +{EXACT_BONUS}")
        elif variant:
            s += VARIANT_BONUS
            c.notes.append(f"exact spelling of a variant +{VARIANT_BONUS}")
        elif id(men) in spelled:
            s -= 3  # "Kabul" is Kabul, not Cabool (Missouri), which only normalises alike
            c.notes.append("another place has this exact spelling -3")
        share = rest.get(e.country, 0) / votes
        if e.country in doc_cc:
            # a lone name's own country counts, unless the caller said what the text is about
            if share > 0 or (not rest and not given) or e.country in given:
                bonus = 3 + 4 * share
                if e.country in given:
                    # the caller said what the text is about
                    bonus = max(bonus, GIVEN_COUNTRY_BONUS) + GIVEN_COUNTRY_EDGE
                if not exact and id(men) in primary_spelled:
                    bonus /= 2  # Cabool lists "Kabul" as a variant; Kabul is spelled so
                s += bonus
                c.notes.append(f"document country {e.country} +{bonus:.1f}")
        elif e.feature_type not in WIDE:
            s -= 2
        admin = normalize(e.admin1) if e.admin1 else None
        if e.admin1 and e.feature_type not in ("region", "country") and admin in admin_keys and admin != men.key:
            s += 2
            c.notes.append(f"admin1 {e.admin1} mentioned +2")
        if e.feature_type == "region" and normalize(e.name) in before.get(id(men), ()):
            s += 6
            c.notes.append("after a place it holds +6")
        context = after.get(id(men))
        if context and e.feature_type not in WIDE and (
            (e.admin1 and admin in context) or e.country in context
        ):
            s += 6
            c.notes.append("followed by its state or country +6")
        elif (
            id(men) in country_named and e.feature_type not in WIDE_OR_DIVISION
            and e.population < 100_000 and men.designator != "city"
        ):
            s -= 5
            c.notes.append("a small place named like a country -5")
        ft = e.feature_type
        des = men.designator
        if des is None and men.key in region_keys and men.key not in city_keys:
            des = "region"  # one sense per discourse
            c.notes.append("same name used as a region elsewhere")
        if men.direction and des is None and (men.direction != "central" or _central_region(men)):
            des = "region"  # "northern Hama"; but "central Nairobi" is the city centre
        if des == "region":
            bonus = 8 if men.direction else 6
            # "southern Mexico" is part of the country, not the State of Mexico
            s += bonus if ft in ("region", "macroregion", "country") else (1 if ft == "county" else -3)
        elif des == "county":
            s += 6 if ft == "county" else (-1 if ft == "region" else -3)
        elif des == "city":
            s += 4 if ft in ("locality", "localadmin", "borough") else -4
        if men.fuzzy:
            s -= 1
        return s

    rests: dict[tuple[str, ...], Counter[str]] = {}  # the votes left, by the voters left out
    for men in live:
        voters = tuple(v for v in (men.key, *(c.entry.id for c in men.candidates)) if v in own)
        rest = rests.get(voters)
        if rest is None:
            rest = rests[voters] = sig - _own_of(men, own)
        votes = rest.total() or 1
        for c in men.candidates:
            c.score = base(c, men, rest, votes)
        if men.designator not in ("county", "region"):
            # a district is usually named after its seat: the bare name is the settlement
            towns = [c.entry for c in men.candidates if c.entry.feature_type == "locality"]
            bare = men.direction in (None, "central") and men.key not in region_keys
            districts = [c.entry for c in men.candidates if c.entry.feature_type in ("county", "localadmin")]
            seat_of: dict[str, list[Entry]] = {}  # town id -> the districts it is the nearest town of
            # (read only for villages without a population: GeoNames towns all have one)
            unpeopled = any(t.id.startswith("wof:") or not t.population for t in towns)
            for d in districts if unpeopled else ():
                seat_of.setdefault(_nearest(d, towns).id, []).append(d)
            metropolises = metropolis.get(id(men), set())
            # the towns this name spells (by their own name or a listed variant): a capital may
            # be a locality or a locality-level district ("Kidal"), spelt another way
            # ("Tombouctou", which lists Timbuktu); not a "City" the name is the bare form of
            # ("Montana City", "New York City")
            capitals = [c.entry for c in men.candidates if c.entry.feature_type in ("locality", "localadmin")
                        and (normalize(c.entry.name) == men.key
                             or c.spelling and _bare(normalize(c.entry.name)) != _bare(men.key))
                        ] if bare and any(c.entry.feature_type == "region" for c in men.candidates) else []
            # the countries with a first-level division of exactly this name
            named_regions = {
                c.entry.country for c in men.candidates
                if c.entry.feature_type == "region" and normalize(c.entry.name) == men.key
            } if bare and men.designator is None else set()
            for c in men.candidates:
                e = c.entry
                if e.feature_type in ("county", "localadmin") and any(_seat_near(t, e) for t in towns):
                    c.score -= 6
                    c.notes.append("district named after its seat -6")
                elif e.feature_type == "locality" and (e.id.startswith("wof:") or not e.population) and any(
                    d.country == e.country and _seat_near(e, d) for d in seat_of.get(e.id, ())
                ):
                    # villages mostly lack populations: the seat over namesake hamlets elsewhere
                    c.score += 2
                    c.notes.append("seat of the district named after it +2")
                elif bare and e.feature_type == "region" and normalize(e.name) not in before.get(id(men), ()) and any(
                    t.country == e.country
                    and (
                        normalize(t.admin1 or "") == normalize(e.name)
                        # a city-state or capital district ("Moscow", "Dubai", "Berlin")
                        or (normalize(t.name) == normalize(e.name) and t.population >= 100_000)
                    )
                    for t in capitals
                ):
                    # "in Kunduz", "in Hama": ACLED codes the city, not the province named after it
                    c.score -= 7
                    c.notes.append("province named after its capital -7")
                elif bare and e.feature_type == "region" and e.country in metropolises:
                    # "New York" is New York City, which lists it as a variant
                    c.score -= 7
                    c.notes.append("a city of 1,000,000+ people has this name -7")
                if e.feature_type == "region" and e.country in named_regions and normalize(e.name) != men.key:
                    # "Panjshir" is Panjshir province, not Parwan, which lists the name it bore
                    # before Panjshir was split off
                    c.score -= 6
                    c.notes.append("another division of its country has this name -6")
                if (
                    e.country in named_regions and e.feature_type == "locality" and e.population < 100_000
                    and normalize(e.admin1 or "") != men.key
                    and normalize(e.admin1 or "") not in after.get(id(men), ())
                ):
                    # "12 in Nevada" is the state, not Nevada, Iowa; Nevada, Iowa is written so
                    c.score -= 4
                    c.notes.append("a town named after a region of its country elsewhere -4")
                if (
                    bare and e.feature_type == "locality" and e.id.startswith("wof:") and e.admin1
                    and normalize(e.admin1) == normalize(e.name) == men.key
                ):
                    # the capital of the province it names, over namesake hamlets ("Al Bayda")
                    c.score += 3
                    c.notes.append("the capital its province is named after +3")
        men.candidates.sort(key=_rank)
    # spatial coherence: distance to the other mentions' provisional choices
    _country_namesakes(live, sig, own)
    _metropolis_over_hamlets(live)
    _mutual_support(live)
    # each mention's choice, kept with its name: a name's leader does not support its own
    # homonyms ("Rongo" the town lending 45 km of coherence to a hamlet Rongo)
    anchors = list({
        (x.candidates[0].entry.id, x.key): x.candidates[0].entry
        for x in live
        if x.candidates[0].entry.feature_type not in WIDE_OR_MACROREGION
    }.items())
    anchor_at = _Points([e for _, e in anchors], [k for (_, k), _ in anchors])
    for men in live:
        if len(men.candidates) > 1 and anchors:
            # the leaders only: a name with 200 homonyms has no chance past the first few
            del men.candidates[MAX_CANDIDATES:]
            lead = men.candidates[0].score
            for c in men.candidates:
                if c.score <= lead - COHERENCE_MAX:
                    break  # cannot overtake the leader (sorted by score)
                d = anchor_at.nearest_other_km(c.entry, men.key, skip_self=True)
                if d is None:
                    continue
                c.anchor_km = d
                bonus = COHERENCE_MAX if d < 50 else 1.0 if d < 150 else 0.0
                if bonus:
                    c.score += bonus
                    c.notes.append(f"{d:.0f} km from another place +{bonus:.0f}")
            men.candidates.sort(key=_rank)
    _local_focus(live)
    _one_sense(live)
    _counties_named_in_full(live)
    _written_holders(live, text)
    towns = {x.candidates[0].entry.id: x.candidates[0].entry for x in live
             if x.candidates[0].entry.feature_type in _LOCAL_TYPES}
    for men in live:
        top = men.candidates[0]
        margin = _margin(men)
        conf = 0.5 + 0.5 * min(1.0, max(0.0, margin) / 6)
        if men.fuzzy:
            conf *= 0.7
        if men.i == men.j and not (men.cue or men.designator) and top.entry.layer == "country" and top.entry.population < 1000:
            conf *= 0.8
        others = [e for e in towns.values() if e.id != top.entry.id and e.country == top.entry.country]
        if men.unparsed and others and all(_farther_than(top.entry, e, UNPARSED_KM) for e in others):
            men.rejected = (f"a near spelling only a designator calls a place, over {UNPARSED_KM:.0f} km "
                            "from the text's other towns")
            continue
        holder = next((x for x in live if men.start - x.end == 3 and text[x.end : men.start] in ("'s ", "’s ")), None)
        if holder is not None and holder.candidates[0].entry.feature_type in _LOCAL_TYPES \
                and _farther_than(top.entry, holder.candidates[0].entry, POSSESSED_KM):
            # "Tripoli's Souq al-Juma district" is in Tripoli, not a namesake 66 km away
            men.rejected = f"written as {holder.text}'s, but the best namesake lies over {POSSESSED_KM:.0f} km from it"
            continue
        if men.fuzzy and _far_from_its_sentence(men, live, text):
            men.rejected = f"a near spelling over {NEAR_MISS_KM:.0f} km from all the towns its sentence names"
            continue
        if (not _spelling_rank(top) and top.entry.feature_type in _LOCAL_TYPES and others
                and all(_farther_than(top.entry, e, LONE_KM) for e in others)):
            # "Abu Shouk" (a camp at El Fasher the gazetteer lacks) read as Abu Shuk, 700 km away
            conf *= 0.6
            top.notes.append(f"spelled otherwise and over {LONE_KM:.0f} km from the text's other towns")
            if men.fuzzy:  # "Harwinton" (not in the gazetteer) is not Harrington, 380 km away
                men.rejected = f"a near spelling of a town over {LONE_KM:.0f} km from the text's other towns"
                continue
        men.chosen = top
        men.confidence = round(conf, 3)
        top.notes.append(f"margin {margin:.1f}")
        men.reason = "; ".join(top.notes)


def _far_from_its_sentence(men: Mention, live: list[Mention], text: str) -> bool:
    """Does the sentence of ``men`` name other towns, all over :data:`NEAR_MISS_KM` from its choice?"""
    top = men.candidates[0].entry
    near = [
        e for x in live
        if x is not men and (e := x.candidates[0].entry).id != top.id and e.feature_type in _LOCAL_TYPES
        and e.country == top.country
        and not _SENTENCE_END.search(text, min(x.end, men.end), max(x.start, men.start))
    ]
    return bool(near) and all(_farther_than(top, e, NEAR_MISS_KM) for e in near)


class _Points:
    """Places' coordinates, for the distance from a candidate to the nearest other one
    (``keys``: the name each point was found for, when points are told apart by name).

    Answers are kept per query: the mentions of a repeated name ask for the same candidates."""

    def __init__(self, entries: list[Entry], keys: list[str] | None = None) -> None:
        self.ids = [e.id for e in entries]
        self.keys = np.array(keys if keys is not None else self.ids, dtype=object)
        self.lat = np.radians([e.lat for e in entries])
        self.lon = np.radians([e.lon for e in entries])
        self.cos_lat = np.cos(self.lat)
        self._at: dict[str, list[int]] = {}  # id -> its positions
        for n, i in enumerate(self.ids):
            self._at.setdefault(i, []).append(n)
        self._masks: dict[str, np.ndarray] = {}  # key -> the points found for it
        self._memo: dict[tuple, float | None] = {}

    def _nearest(self, e: Entry, skip: np.ndarray | list[int]) -> float | None:
        """Great-circle km from ``e`` to the nearest point not masked by ``skip`` (a mask or
        positions)."""
        lat, lon = math.radians(e.lat), math.radians(e.lon)
        a = np.sin((self.lat - lat) / 2) ** 2 + math.cos(lat) * self.cos_lat * np.sin((self.lon - lon) / 2) ** 2
        a[skip] = np.inf
        best = float(a.min()) if len(a) else math.inf
        if best == math.inf:
            return None
        return 2 * gz.EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(best)))

    def nearest_other_km(self, e: Entry, key: str, skip_self: bool = False) -> float | None:
        """Km to the nearest point found for another name than ``key`` (and, with
        ``skip_self``, that is not ``e`` itself)."""
        q = (e.id, e.lat, e.lon, key, skip_self)
        if q not in self._memo:
            mask = self._masks.get(key)
            if mask is None:
                mask = self._masks[key] = self.keys == key
            if skip_self and e.id in self._at:
                mask = mask.copy()
                mask[self._at[e.id]] = True
            self._memo[q] = self._nearest(e, mask)
        return self._memo[q]


_MARKS = str.maketrans({"`": "'", "‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "ʻ": "'", "ʼ": "'"})


def display_name(name: str) -> str:
    """A plain-ASCII English form of a gazetteer name ("Khān Shaykhūn" -> "Khan Shaykhun")."""
    return unidecode(name.translate(_MARKS)).strip()


def _to_place(men: Mention) -> Place:
    e = men.chosen.entry  # type: ignore[union-attr]
    prec = _PRECISION.get(e.feature_type, 1)
    if men.near:
        prec = max(prec, 2)
    if (men.direction or men.subdivision) and e.feature_type not in ("region", "country", "macroregion"):
        prec = max(prec, 2)
    return Place(
        text=men.text,
        start=men.start,
        end=men.end,
        name=display_name(e.name),
        gazetteer_id=e.id,
        lat=e.lat,
        lon=e.lon,
        feature_type=e.feature_type,
        admin1=e.admin1,
        country=e.country,
        geo_precision=prec,
        confidence=men.confidence,
        reason=men.reason,
    )


def _extend_designator(men: Mention, text: str, rules: Rules) -> None:
    """Widen the span over "province"/"governorate"/... and a leading direction word."""
    if men.chosen is None:
        return
    ft = men.chosen.entry.feature_type
    if men.designator in ("region", "county") and ft in ("region", "county", "macroregion"):
        m = re.match(r"\s+([A-Za-z-]+)", text[men.end :])
        if m and m.group(1).lower() in rules.region_words | rules.county_words:
            men.end += m.end()
            men.text = text[men.start : men.end]
    if men.direction and ft in ("region", "county", "macroregion", "locality", "localadmin"):
        m = re.search(r"([A-Za-z-]+)\s+$", text[: men.start])
        if m and m.group(1).lower() == men.direction:
            men.start = m.start(1)
            men.text = text[men.start : men.end]
    if men.subdivision:
        m = re.match(r"\s+([A-Za-z-]+)", text[men.end :])
        if m and m.group(1) == men.subdivision:
            men.end += m.end()
            men.text = text[men.start : men.end]


def explain_places(
    text: str, doc: Doc | None = None, *, countries: Sequence[str] = (), matcher: Matcher | None = None,
    likely: Sequence[str] = (),
) -> list[Mention]:
    """Every recognised span with its candidates, scores and the reason for the choice/rejection."""
    m = matcher or default_matcher()
    countries = tuple(c.upper() for c in countries)
    likely = tuple(c.upper() for c in likely)
    mentions, sig, doc_cc, own = _recognise(text, doc, countries, m, likely)
    _resolve(mentions, sig, doc_cc, text, own, frozenset(countries))
    for men in mentions:
        _extend_designator(men, text, m.rules)
    return mentions


def find_places(
    text: str, doc: Doc | None = None, *, countries: Sequence[str] = (), matcher: Matcher | None = None,
    demonyms: bool = False, likely: Sequence[str] = (),
) -> list[Place]:
    """Every place mention in ``text`` resolved to a gazetteer entry, sorted by start offset.

    ``doc`` (a spaCy parse of ``text``) adds NER signals; ``countries`` (ISO2) says what the
    text is about: those countries' village layers are searched and their places preferred, and
    a loose spelling of a place elsewhere is not taken.  ``likely`` (ISO2) countries are
    searched as well and cast one country vote each, but rule nothing out (the countries of the
    armed groups a text names: Saudi-led air strikes fall on Yemen).  Demonyms ("Syrian", "the
    Turkish army") are country signals, not places, unless ``demonyms=True``: then each one is also returned as
    its country (feature type ``country``, geo_precision 3), as toponym corpora that count
    adjectival mentions (GeoWebNews) expect.
    """
    m = matcher or default_matcher()
    out: list[Place] = []
    for men in explain_places(text, doc, countries=countries, matcher=m, likely=likely):
        if men.rejected is None and men.chosen is not None:
            out.append(_to_place(men))
        elif demonyms and men.demonym:
            e = m.country_entry(men.demonym)
            if e is not None:
                men.chosen = Candidate(e)
                men.confidence = 0.5
                men.reason = f"demonym of {e.name}"
                out.append(_to_place(men))
    out.sort(key=lambda p: p.start)
    return out
