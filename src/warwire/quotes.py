"""Quotes and reported speech: who said what, in which words.

:func:`find_quotes` reads direct quotes (curly, straight and clear single quotation marks,
split and multi-paragraph quotes), reported speech ("X said that ...", "according to X",
"X denied ...", "X wants to ..."), nominal attributions ("X's claim that ...") and speaker
labels ("Name: ...") with their speaker, the speaker's role and the outlet they spoke to.
Speakers are resolved within the article ("he", "Suleiman" -> "Suleiman Abdulqader"; "the
ministry" -> the ministry named earlier).  Cue words live in ``data/speech_cues.toml``.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token

from .knowledge import load_toml
from .figures import doc_text
from .model import Actor, Quote, Span

log = logging.getLogger(__name__)

CUES_FILE = Path(__file__).parent / "data" / "speech_cues.toml"

Hint = Literal["assert", "deny", "accuse", "claim"]
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_INST_PRONOUNS = {"it"}
_PLURAL_PRONOUNS = {"they", "them", "we"}
_RELATIVE = {"who", "which", "that"}
_STRIP_DET = {"the", "a", "an"}


# --------------------------------------------------------------------------- data file
class _CuesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: dict[str, Hint]
    phrases: dict[str, Hint] = Field(default_factory=dict)
    nouns: dict[str, Hint] = Field(default_factory=dict)
    framing_verbs: list[str] = Field(default_factory=list)
    object_verbs: list[str] = Field(default_factory=list)
    carrier_nouns: list[str] = Field(default_factory=list)
    label_stopwords: list[str] = Field(default_factory=list)
    person_roles: list[str] = Field(default_factory=list)
    institution_heads: list[str] = Field(default_factory=list)
    event_words: list[str] = Field(default_factory=list)
    aspects: dict[Literal["perpetrator", "control"], list[str]] = Field(default_factory=dict)


@dataclass(frozen=True)
class SpeechCues:
    """The validated content of ``speech_cues.toml``."""

    verbs: dict[str, str]
    phrases: dict[str, str]
    nouns: dict[str, str]
    framing: frozenset[str]
    object_verbs: frozenset[str]
    carriers: frozenset[str]
    label_stopwords: frozenset[str]
    person_roles: frozenset[str]
    institution_heads: frozenset[str]
    event_stems: frozenset[str]
    aspects: dict[str, tuple[str, ...]]

    def hint(self, cue: str | None) -> str:
        """Stance hint of a cue lemma or phrase ("assert" when unknown)."""
        if not cue:
            return "assert"
        return self.verbs.get(cue) or self.phrases.get(cue) or self.nouns.get(cue) or "assert"


@functools.lru_cache(maxsize=4)
def load_cues(path: Path | None = None) -> SpeechCues:
    """Load and validate ``speech_cues.toml`` (or another file with the same schema)."""
    path = path or CUES_FILE
    data = load_toml(path, _CuesFile, "speech cues")
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return SpeechCues(
        verbs={k.lower(): v for k, v in data.verbs.items()},
        phrases={k.lower(): v for k, v in data.phrases.items()},
        nouns={k.lower(): v for k, v in data.nouns.items()},
        framing=low(data.framing_verbs),
        object_verbs=low(data.object_verbs),
        carriers=low(data.carrier_nouns),
        label_stopwords=low(data.label_stopwords),
        person_roles=low(data.person_roles),
        institution_heads=low(data.institution_heads),
        event_stems=frozenset(w.lower()[:5] for w in data.event_words),
        aspects={k: tuple(x.lower() for x in v) for k, v in data.aspects.items()},
    )


# --------------------------------------------------------------------------- speakers
@dataclass
class _Speaker:
    text: str | None
    start: int = 0
    end: int = 0
    role: str | None = None
    kind: str = "unknown"
    plural: bool = False
    pronoun: str | None = None
    single_name: bool = False


def _clean_phrase(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Char range of ``tokens`` without a leading article and edge punctuation/space."""
    toks = [t for t in tokens]
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in _STRIP_DET
                    or toks[0].lower_ in ("but", "and")):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].tag_ == "POS"
                    or (toks[-1].is_punct and toks[-1].text not in ")")):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _role_text(
    doc: Doc, tokens: Sequence[Token], roles: frozenset[str] = frozenset()
) -> str | None:
    rng = _clean_phrase(tokens)
    if rng is None:
        return None
    text = re.sub(r"\s+", " ", doc_text(doc)[rng[0]:rng[1]]).strip(" ,")
    first = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    if text and first is not None and (first[0].pos_ != "PROPN" or first[0].lower_ in roles):
        text = text[0].lower() + text[1:]
    return text or None


def _subtree_tokens(tok: Token, skip_deps: Iterable[str] = ()) -> list[Token]:
    skip = set(skip_deps)
    out = [tok]
    for child in tok.children:
        if child.dep_ in skip:
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def _contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of ``tokens`` (sorted) that contains ``anchor`` without gaps."""
    idx = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [anchor.doc[i] for i in range(lo, hi + 1)]


def _is_name_token(t: Token) -> bool:
    return t.pos_ == "PROPN" or (t.text in ("-", "(", ")") and t.pos_ in ("PUNCT", "PROPN")) or \
        (t.lower_ in ("al", "el", "bin", "ibn", "abu", "de", "van", "von") and t.is_lower)


def _speaker_from(tok: Token, cues: SpeechCues, depth: int = 0) -> _Speaker:
    """Describe the speaker whose phrase is headed by ``tok``."""
    doc = tok.doc
    low = tok.lower_
    if low in _RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i and depth < 2:
        # "a local activist who said ...": the antecedent speaks; the span stays on "who"
        ant = tok.head.head
        if ant.dep_ == "appos" and ant.head.pos_ == "PROPN":
            ant = ant.head  # "Ahmed Sheikho, a local activist who said"
        sp = _speaker_from(ant, cues, depth + 1)
        sp.start, sp.end = tok.idx, tok.idx + len(tok)
        return sp
    if tok.pos_ == "PRON" or low in _PERSON_PRONOUNS | _INST_PRONOUNS | _PLURAL_PRONOUNS:
        kind = "person" if low in _PERSON_PRONOUNS else (
            "institution" if low in _INST_PRONOUNS else "unknown")
        return _Speaker(None, tok.idx, tok.idx + len(tok), kind=kind,
                        plural=low in _PLURAL_PRONOUNS, pronoun=low)
    # "a statement from X", "reports from activists": the carrier is not the speaker
    if tok.lemma_.lower() in cues.carriers and depth < 2:
        roles: list[str] = []
        target = None
        for child in tok.children:
            if child.dep_ == "appos" and target is None:
                target = child
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if target is None:
                    target = pobj
                else:
                    role = _role_text(doc, list(pobj.subtree))
                    if role:
                        roles.append(role)
        if target is not None:
            sp = _speaker_from(target, cues, depth + 1)
            if sp.role:
                roles.append(sp.role)
            sp.role = ", ".join(roles) or None
            return sp
    appos = [c for c in tok.children if c.dep_ == "appos"]
    core_skip = ("appos", "relcl", "acl", "cc", "conj", "advmod", "prep")
    core = _contiguous(_subtree_tokens(tok, core_skip), tok)
    # keep "head of the council", "spokesman for the army" with common-noun heads
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i > tok.i:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if tok.pos_ == "PROPN" and (pobj is None or pobj.pos_ != "PROPN"):
                continue
            core = sorted(set(core) | set(child.subtree), key=lambda t: t.i)
            core = _contiguous(core, tok)
    plural = tok.tag_ in ("NNS", "NNPS")
    conj = [c for c in tok.children if c.dep_ == "conj"]
    role_parts: list[str] = []
    if tok.pos_ == "PROPN":
        # the name is the run of proper-noun tokens ending at the head
        i = tok.i
        while i - 1 >= core[0].i and _is_name_token(doc[i - 1]) \
                and doc[i - 1].lower_ not in cues.person_roles:
            i -= 1
        # "Turkey's Defence Ministry": a place's or group's possessive is part of the name
        if i - 2 >= core[0].i and doc[i - 1].tag_ == "POS" and doc[i - 2].pos_ == "PROPN" \
                and doc[i - 2].ent_type_ in ("GPE", "ORG", "NORP", "LOC"):
            i -= 2
            while i - 1 >= core[0].i and doc[i - 1].pos_ == "PROPN":
                i -= 1
        name_toks = [t for t in core if t.i >= i]
        pre = [t for t in core if t.i < i and t.lower_ not in _STRIP_DET]
        if pre and any(t.pos_ in ("NOUN", "ADJ") or t.lower_ in cues.person_roles for t in pre):
            role = _role_text(doc, pre, cues.person_roles)
            if role:
                role_parts.append(role)
    else:
        name_app = next((a for a in appos if a.pos_ == "PROPN"), None)
        if name_app is not None:
            # "the group's spokesman, Abu Khalid, said": the name is the appositive
            sp = _speaker_from(name_app, cues, depth + 1)
            role = _role_text(doc, core)
            sp.role = ", ".join(x for x in (role, sp.role) if x) or None
            return sp
        name_toks = core
        if conj:
            last = max((t for c in conj for t in c.subtree), key=lambda t: t.i)
            name_toks = [doc[i] for i in range(core[0].i, last.i + 1)]
            plural = True
    for a in appos:
        role = _role_text(doc, _subtree_tokens(a, ("relcl",)))
        if role:
            role_parts.append(role)
    rng = _clean_phrase(name_toks)
    if rng is None:
        return _Speaker(None)
    text = re.sub(r"\s+", " ", doc_text(doc)[rng[0]:rng[1]]).strip()
    sp = _Speaker(text, rng[0], rng[1], role=", ".join(role_parts) or None, plural=plural)
    sp.kind = _speaker_kind(tok, name_toks, cues)
    sp.single_name = tok.pos_ == "PROPN" and len([t for t in name_toks if t.pos_ == "PROPN"]) == 1
    return sp


def _speaker_kind(head: Token, tokens: Sequence[Token], cues: SpeechCues) -> str:
    lemma = head.lemma_.lower()
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if lemma in cues.person_roles and lemma not in cues.institution_heads:
        return "person"
    if lemma in cues.institution_heads or (
        head.pos_ == "PROPN" and lemmas & cues.institution_heads
    ):
        return "institution"
    if head.ent_type_ == "PERSON":
        return "person"
    if head.ent_type_ in ("ORG", "GPE", "NORP") or (head.text.isupper() and len(head.text) > 1):
        return "institution"
    if lemma in cues.person_roles:
        return "person"
    return "unknown"


# --------------------------------------------------------------------------- quote marks
@dataclass
class _Raw:
    segments: list[tuple[int, int]]  # content char ranges
    direct: bool
    cue: str | None = None
    speaker_tok: Token | None = None
    speaker: _Speaker | None = None
    told_to: str | None = None
    inherit: bool = False  # same speaker as the previous quote
    verb_i: int | None = None
    attr_range: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


@dataclass
class _Mark:
    open_at: int
    close_at: int | None  # index of the closing mark, None when the paragraph ends first
    para: int
    merged: list["_Mark"] = field(default_factory=list)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _scan_marks(text: str) -> list[_Mark]:
    """Quotation marks, paired within each paragraph; unclosed ones run to the paragraph end."""
    marks: list[_Mark] = []
    for p, (ps, pe) in enumerate(_paragraphs(text)):
        open_at: int | None = None
        kind = ""
        for i in range(ps, pe):
            ch = text[i]
            if ch == "“" and open_at is None:
                open_at, kind = i, "double"
            elif ch == "”" and open_at is not None and kind in ("double", "straight"):
                marks.append(_Mark(open_at, i, p))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at, kind = i, "straight"
                elif kind in ("straight", "double"):
                    marks.append(_Mark(open_at, i, p))
                    open_at = None
            elif ch == "‘" and open_at is None and (i == ps or not text[i - 1].isalnum()):
                open_at, kind = i, "single"
            elif ch == "’" and kind == "single" and open_at is not None:
                if (i + 1 >= pe or not text[i + 1].isalpha()) and not text[i - 1].isspace():
                    marks.append(_Mark(open_at, i, p))
                    open_at = None
        if open_at is not None and kind != "single":
            marks.append(_Mark(open_at, None, p))
    # a paragraph that opens a quote without closing it continues into the next paragraph's
    merged: list[_Mark] = []
    paras = _paragraphs(text)
    for m in marks:
        prev = merged[-1] if merged else None
        chain_end = prev.merged[-1] if prev and prev.merged else prev
        if chain_end is not None and chain_end.close_at is None and m.para == chain_end.para + 1 \
                and text[paras[m.para][0]:m.open_at].strip() == "":
            prev.merged.append(m)
            continue
        merged.append(m)
    return merged


def _mark_segments(text: str, m: _Mark) -> list[tuple[int, int]]:
    paras = _paragraphs(text)
    segs = []
    for part in [m, *m.merged]:
        end = part.close_at if part.close_at is not None else paras[part.para][1]
        segs.append((part.open_at + 1, end))
    return segs


def _mark_end(text: str, m: _Mark) -> int:
    last = m.merged[-1] if m.merged else m
    if last.close_at is not None:
        return last.close_at + 1
    return _paragraphs(text)[last.para][1]


# --------------------------------------------------------------------------- attribution
_END_RE = re.compile(r"[.!?](?=[\s”\"’]|$)|[“\"‘]")
#: words ending in a full stop that do not end a sentence ("Mr. Rove said", "Gov. Mike Pence")
_ABBREV = frozenset(
    "mr mrs ms dr gov sen rep gen lt col maj capt sgt adm prof rev st jr sr mt ft no vs".split()
)


def _is_abbrev(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial ("F.", "U.S.")."""
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12):dot])
    word = m.group(1) if m else ""
    return word.lower() in _ABBREV or (len(word) == 1 and word.isupper()) or (
        "." in word and len(word.replace(".", "")) <= 3)


def _sentence_end(text: str, start: int, limit: int) -> int:
    for m in _END_RE.finditer(text, start, limit):
        if m.group() in ".!?":
            if _is_abbrev(text, m.start()):
                continue
            return m.end()
        return m.start()
    return limit


def _sentence_start(text: str, end: int, para_start: int) -> int:
    seg = text[para_start:end]
    last = None
    for m in re.finditer(r"[.!?][”\"’]?\s+", seg):
        if not _is_abbrev(seg, m.start()):
            last = m
    return para_start + (last.end() if last else 0)


def _cue_verbs(doc: Doc, start: int, end: int, cues: SpeechCues) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    out = []
    for t in span:
        if t.lemma_.lower() not in cues.verbs or t.pos_ not in ("VERB", "AUX"):
            continue
        # a past participle speaks only with its own subject ("he has said", not "was reported")
        if t.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in t.children):
            continue
        out.append(t)
    return out


def _according(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for t in span:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return next((g for g in doc[t.i + 1].children if g.dep_ == "pobj"), None)
    return None


def _subject(verb: Token, lo: int, hi: int) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and lo <= c.idx < hi]
    before = [c for c in subs if c.i < verb.i]
    if before:
        return before[-1]
    if subs:
        return subs[0]
    if verb.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp"):
        gov = _governing_subject(verb)  # "X issued a statement saying “...”"
        if gov is not None:
            return gov
    # inverted attribution the parser did not attach: "said Ahmed Sheikho"
    for t in verb.doc[verb.i + 1:]:
        if t.idx >= hi or t.is_punct:
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            while t.head.i > t.i and t.dep_ in ("compound", "amod") and t.head.idx < hi:
                t = t.head
            if t.dep_ in ("nsubj", "nsubjpass") and t.head != verb:
                return None  # the subject of the reported clause ("saying she would ...")
            return t
    return None


def _told_to(verb: Token, hi: int) -> str | None:
    if verb.lemma_.lower() != "tell":
        return None
    doc = verb.doc
    toks = []
    for t in doc[verb.i + 1:]:
        if t.idx >= hi or t.is_space and toks:
            break
        if t.is_space or (not toks and t.lower_ in _STRIP_DET):
            continue
        if t.pos_ == "PROPN" or (toks and t.text in ("-", "'")):
            toks.append(t)
            continue
        break
    if not toks:
        return None
    return doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1])]


def _attribute(doc: Doc, raw: _Raw, lo: int, hi: int, cues: SpeechCues,
               quote: Token | None = None) -> bool:
    """Find the speech verb and speaker of a direct quote in the text range [lo, hi).

    After the quote the nearest verb speaks; before it (``quote`` is the quote's first token)
    the verb that governs the quote, else the nearest one ("X said A, and he added that “B”").
    """
    if lo >= hi or not re.search(r"[A-Za-z]", doc_text(doc)[lo:hi]):
        return False
    verbs = _cue_verbs(doc, lo, hi, cues)
    if verbs:
        v = verbs[0]
        if quote is not None:
            v = next((x for x in reversed(verbs) if x in quote.ancestors), verbs[-1])
        raw.cue = v.lemma_.lower()
        raw.verb_i = v.i
        raw.speaker_tok = _subject(v, lo, hi)
        raw.told_to = _told_to(v, hi)
        raw.attr_range = (lo, hi)
        return raw.speaker_tok is not None
    pobj = _according(doc, lo, hi)
    if pobj is not None:
        raw.cue = "according to"
        raw.speaker_tok = pobj
        raw.attr_range = (lo, hi)
        return True
    return False


_LABEL_NOT_SPEAKER = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "CARDINAL",
                                 "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _speaker_label(doc: Doc, lo: int, colon: int, cues: SpeechCues) -> _Speaker | None:
    """The speaker of a label "Name: ..." / "Name, Outlet: ..." in text [lo, colon).

    A label is a short phrase without a verb, headed by a person, organisation or group
    (tagged so here or elsewhere in the article: a headline's "Trump:" is often mis-tagged),
    or an all-capitals transcript label ("MS. CLINTON:"); places and dates are topics, not
    speakers ("Idlib: ..."), and the ``label_stopwords`` ("Update:", "Photo:") are not labels.
    """
    span = doc.char_span(lo, colon, alignment_mode="contract")
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    if not toks or len(toks) > 8 or toks[0].lower_ in cues.label_stopwords:
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in toks):
        return None
    words = [t for t in toks if t.is_alpha]
    if not words:
        return None
    root = span.root if not (span.root.is_space or span.root.is_punct) else words[-1]
    if root.ent_type_ in _LABEL_NOT_SPEAKER:
        return None
    caps = all(t.text.isupper() for t in words) and len(words) <= 4
    named = root.ent_type_ in _SPEAKER_ENTS or root.text in _names_elsewhere(doc, lo)
    if not (caps or named):
        return None
    rng = _clean_phrase(toks)
    if rng is None:
        return None
    sp = _Speaker(re.sub(r"\s+", " ", doc_text(doc)[rng[0]:rng[1]]), rng[0], rng[1],
                  plural=root.tag_ in ("NNS", "NNPS"))
    sp.kind = _speaker_kind(root, toks, cues)
    sp.single_name = len([t for t in toks if t.pos_ == "PROPN" or t.text.istitle()]) == 1
    return sp


_SPEAKER_ENTS = ("PERSON", "ORG", "NORP")


def _names_elsewhere(doc: Doc, lo: int) -> set[str]:
    """Words tagged as people, organisations or groups outside the paragraph starting at ``lo``."""
    text = doc_text(doc)
    para_end = text.find("\n", lo)
    para_end = para_end if para_end >= 0 else len(text)
    return {t.text for t in doc if t.ent_type_ in _SPEAKER_ENTS and not lo <= t.idx < para_end}


_LABEL_RE = re.compile(r"[^:\n]{1,80}?:(?=\s)")


def _labels(doc: Doc, cues: SpeechCues, raws: list[_Raw]) -> list[_Raw]:
    """Paragraphs (headlines, transcripts, reactions) of the form "Name: what they said".

    A speakerless direct quote right after the label gets the label's speaker; otherwise the
    rest of the paragraph is the statement (and replaces speakerless quotes inside it).
    """
    text = doc_text(doc)
    out: list[_Raw] = []
    for ps, pe in _paragraphs(text):
        lead = len(text[ps:pe]) - len(text[ps:pe].lstrip())
        m = _LABEL_RE.match(text, ps + lead, pe)
        if m is None:
            continue
        colon = m.end() - 1
        speaker = _speaker_label(doc, ps + lead, colon, cues)
        if speaker is None:
            continue
        body = doc.char_span(colon + 1, pe, alignment_mode="contract")
        if body is None or len([t for t in body if t.is_alpha]) < 3:
            continue
        inside = [r for r in raws if colon < r.start < pe and r.speaker_tok is None
                  and r.speaker is None and not r.inherit]
        first = min(inside, key=lambda r: r.start, default=None)
        if first is not None and first.direct and text[colon + 1:first.start].strip() in (
                "", "“", '"', "‘"):
            first.speaker, first.cue = speaker, ":"
            continue
        rng = _strip_content(doc, body.start, body.end)
        if rng is None:
            continue
        for r in inside:
            raws.remove(r)
        out.append(_Raw(segments=[rng], direct=False, cue=":", speaker=speaker,
                        attr_range=(ps, colon + 1)))
    return out


def _widen_to_clause(doc: Doc, raw: _Raw, cues: SpeechCues) -> None:
    """A quote inside a reported clause ("he added that inviting them “was uncalled for.”"):
    the statement is the whole clause, words outside the quotation marks included."""
    rng = _verb_content(doc[raw.verb_i], cues)
    if rng is None or not (rng[0] < raw.start < rng[1]) or raw.end > rng[1] + 2:
        return
    if doc_text(doc)[rng[0]:raw.start - 1].strip():
        raw.segments = [(rng[0], max(rng[1], raw.end))]
        raw.direct = False


def _direct_quotes(doc: Doc, cues: SpeechCues) -> list[_Raw]:
    text = doc_text(doc)
    paras = _paragraphs(text)
    out: list[_Raw] = []
    prev_attr_end: int | None = None
    prev_para: int | None = None
    for m in _scan_marks(text):
        ps, pe = paras[m.para]
        segs = [(a, b) for a, b in _mark_segments(text, m) if text[a:b].strip()]
        if not segs:
            continue
        open_at, after = m.open_at, _mark_end(text, m)
        last_para = (m.merged[-1] if m.merged else m).para
        lpe = paras[last_para][1]
        before = text[ps:open_at].rstrip()
        content = text[segs[0][0]:segs[-1][1]].strip()
        # a quoted word or phrase inside a sentence ("described it as “a redeployment”")
        prev_tok = doc.char_span(ps, open_at, alignment_mode="contract")
        prev_word = prev_tok[-1] if prev_tok is not None and len(prev_tok) else None
        if before and before[-1].isalnum() and not (
            prev_word is not None and prev_word.lemma_.lower() in cues.verbs
        ) and content[-1:] not in ",.?!":
            continue
        raw = _Raw(segments=segs, direct=True)
        attr_end = _sentence_end(text, after, lpe)

        def from_before() -> bool:
            first = doc.char_span(segs[0][0], segs[0][1], alignment_mode="expand")
            ok = bool(before) and _attribute(
                doc, raw, _sentence_start(text, open_at, ps), open_at, cues,
                quote=first[0] if first is not None and len(first) else None)
            if ok and raw.verb_i is not None:
                _widen_to_clause(doc, raw, cues)
            return ok

        # “... Obamacare.” That implied ...: a quote closing its sentence with a full stop
        # belongs to the words before it, not to the next sentence
        closes = content.rstrip("”\"’ ").endswith(".") \
            and text[after:attr_end].lstrip()[:1].isupper()
        if closes:
            found = from_before() or _attribute(doc, raw, after, attr_end, cues)
        else:
            found = _attribute(doc, raw, after, attr_end, cues) or from_before()
        if not found:
            gap = text[prev_attr_end:open_at] if prev_attr_end is not None else None
            if out and gap is not None and gap.strip() == "" and out[-1].direct:
                # “A,” he said. “B.” -> one quote
                out[-1].segments.extend(segs)
                prev_attr_end = _mark_end(text, m)
                continue
            if out and prev_para is not None and m.para == prev_para + 1 and not before \
                    and out[-1].direct and out[-1].cue:
                raw.inherit = True
        out.append(raw)
        prev_attr_end = attr_end if found else None
        prev_para = last_para
    return out


# --------------------------------------------------------------------------- reported speech
def _strip_content(doc: Doc, lo_tok: int, hi_tok: int) -> tuple[int, int] | None:
    """Char range of tokens [lo_tok, hi_tok) without edge punctuation and a leading "that"."""
    while lo_tok < hi_tok and (doc[lo_tok].is_punct or doc[lo_tok].is_space
                               or (doc[lo_tok].lower_ == "that" and doc[lo_tok].dep_ == "mark")):
        lo_tok += 1
    while hi_tok > lo_tok and (doc[hi_tok - 1].is_space or (
            doc[hi_tok - 1].is_punct and doc[hi_tok - 1].text not in "”’\")")):
        hi_tok -= 1
    if hi_tok - lo_tok < 2:
        return None
    return doc[lo_tok].idx, doc[hi_tok - 1].idx + len(doc[hi_tok - 1])


#: prepositions whose object is what was said ("called for a ban", "warned of a crackdown");
#: "reported from Moscow", "said in Damascus" are not
_CONTENT_PREPS = frozenset({"for", "about", "on", "against", "of", "to", "with", "as", "over"})


def _verb_content(v: Token, cues: SpeechCues) -> tuple[int, int] | None:
    doc = v.doc
    lemma = v.lemma_.lower()
    ccomp = [c for c in v.children if c.dep_ in ("ccomp",)]
    if ccomp:
        c = ccomp[0]
        # (what another speaker says in a clause the parser hung inside it is theirs: "Amnesty
        # said 12 people were killed, while the government said two died")
        hi = min([c.right_edge.i + 1] + [t.left_edge.i for t in c.subtree if t.i > c.i and t.dep_ in ("advcl", "conj")
                                         and t.lemma_.lower() in cues.verbs and any(g.dep_ == "nsubj" for g in t.children)])
        return _strip_content(doc, c.left_edge.i, _before_according(doc, c.left_edge.i, hi))
    if lemma in cues.object_verbs:
        right = [c for c in v.children if c.i > v.i and c.dep_ not in (
            "conj", "cc", "punct", "advcl", "npadvmod") and not c.is_space]
        has_obj = any(c.dep_ in ("dobj", "xcomp", "oprd", "pcomp") or (
            c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS) for c in right)
        if right and has_obj:
            hi = max(c.right_edge.i for c in right) + 1
            if hi < len(doc) and doc[hi].text in ("”", "’", '"') and doc[hi].is_punct:
                hi += 1
            return _strip_content(doc, v.i + 1, _before_according(doc, v.i + 1, hi))
    return None


def _before_according(doc: Doc, lo: int, hi: int) -> int:
    """``hi``, or the start of an ", according to X" inside tokens [lo, hi): not content."""
    for t in doc[lo:hi]:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return t.i
    return hi


def _sent_bounds(doc: Doc, tok: Token) -> tuple[int, int]:
    """Token range of ``tok``'s sentence, cut at paragraph breaks."""
    s = tok.sent
    lo, hi = s.start, s.end
    for t in doc[s.start:tok.i]:
        if "\n" in t.text:
            lo = t.i + 1
    for t in doc[tok.i:s.end]:
        if "\n" in t.text:
            hi = t.i
            break
    return lo, hi


_CHAIN_DEPS = ("conj", "advcl", "xcomp", "acl", "pcomp", "dobj", "pobj", "prep")
#: passive verbs whose subject is the speaker ("he was quoted as saying")
_PASSIVE_SPEAKER = frozenset({"quote", "cite"})


def _governing_subject(v: Token) -> Token | None:
    """The subject of the verb that ``v`` hangs off: "X blasted Y and said ...", "X endorsed Y,
    saying ...", "X issued a statement saying ...", "X was quoted as saying ..."."""
    cur = v
    for _ in range(4):
        if cur.dep_ not in _CHAIN_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is None and cur.lemma_.lower() in _PASSIVE_SPEAKER:
            subj = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return subj if subj.pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def _nominal(doc: Doc, cues: SpeechCues, taken: list[tuple[int, int]]) -> list[_Raw]:
    """Attributions carried by a noun: "Trump's threat to sue", "her claim that ...",
    "criticism of the deal by the ministry".  The speaker is the possessor (or the object
    of "by"); the statement is the noun's clause or its "of/about/on/for/against" object."""
    out: list[_Raw] = []
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in cues.nouns:
            continue
        if any(a <= t.idx < b for a, b in taken):
            continue
        speaker = next((c for c in t.children if c.dep_ == "poss"), None)
        if speaker is None:
            by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            speaker = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
        if speaker is None or speaker.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        content = next((c for c in t.children if c.dep_ in ("acl", "ccomp") and c.i > t.i), None)
        if content is None:
            prep = next((c for c in t.children if c.dep_ == "prep" and c.i > t.i
                         and c.lower_ in ("of", "about", "on", "for", "against", "over")), None)
            content = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) \
                if prep is not None else None
        if content is None:
            continue
        rng = _strip_content(doc, content.left_edge.i, content.right_edge.i + 1)
        if rng is None or any(a < rng[1] and rng[0] < b for a, b in taken):
            continue
        out.append(_Raw(segments=[rng], direct=False, cue=t.lemma_.lower(), speaker_tok=speaker,
                        verb_i=t.i))
    return out


def _reported(doc: Doc, cues: SpeechCues, direct: list[_Raw]) -> list[_Raw]:
    used_verbs = {r.verb_i for r in direct if r.verb_i is not None}
    quoted = [(r.start, r.end) for r in direct]
    attr = [r.attr_range for r in direct if r.attr_range]

    def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
        return any(a <= pos < b for a, b in ranges)

    out: list[_Raw] = []
    by_verb: dict[int, _Raw] = {}
    for v in doc:
        lemma = v.lemma_.lower()  # the cheap test first: most tokens are no speech verb
        if lemma not in cues.verbs or v.i in used_verbs or in_ranges(v.idx, quoted):
            continue
        # a speech verb the tagger took for a noun ("..., Election Commission records show.")
        mistagged = v.pos_ == "NOUN" and any(c.dep_ == "ccomp" for c in v.children)
        if v.pos_ != "VERB" and not mistagged:
            continue
        rng = _verb_content(v, cues)
        if rng is None or any(a < rng[1] and rng[0] < b for a, b in quoted):
            continue
        raw = _Raw(segments=[rng], direct=False, cue=lemma, verb_i=v.i)
        subj = next((c for c in v.children if c.dep_ in ("nsubj",)), None)
        if subj is None and mistagged:
            subj = next((c for c in reversed(list(v.lefts)) if c.dep_ == "compound"), None)
        if subj is not None:
            raw.speaker_tok = subj
        elif v.dep_ in ("conj", "advcl", "xcomp") and v.head.i in by_verb:
            raw.inherit = True
            raw.speaker = by_verb[v.head.i].speaker
            raw.speaker_tok = by_verb[v.head.i].speaker_tok
        elif v.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp"):
            head_subj = _governing_subject(v)
            if head_subj is None:
                continue
            raw.speaker_tok = head_subj
        else:
            continue
        if in_ranges(v.idx, attr) and raw.speaker_tok is None:
            continue
        raw.told_to = _told_to(v, doc[_sent_bounds(doc, v)[1] - 1].idx + 1)
        by_verb[v.i] = raw
        out.append(raw)
    # "according to X, ..."
    for t in doc:
        if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
            continue
        if in_ranges(t.idx, quoted) or in_ranges(t.idx, attr):
            continue
        pobj = next((g for g in doc[t.i + 1].children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        lo, hi = _sent_bounds(doc, t)
        a, b = t.i, pobj.right_edge.i + 1
        left = _strip_content(doc, lo, a)
        right = _strip_content(doc, b, hi)
        rng = max((r for r in (left, right) if r), key=lambda r: r[1] - r[0], default=None)
        if rng is None or any(x < rng[1] and rng[0] < y for x, y in quoted):
            continue
        out.append(_Raw(segments=[rng], direct=False, cue="according to", speaker_tok=pobj,
                        verb_i=t.i))
    taken = quoted + [(r.start, r.end) for r in out]
    out += _nominal(doc, cues, taken)
    # a statement reported inside another one's words is part of it ("X said Y wants to ..."):
    # only the outer attribution is kept
    def inside(r: _Raw, o: _Raw) -> bool:
        return r.verb_i is not None and o.start <= doc[r.verb_i].idx < o.end

    return [r for r in out if not any(o is not r and inside(r, o) and not inside(o, r)
                                      for o in out)]


def _join_segments(parts: list[str]) -> str:
    """Join the pieces of a split quote ("“A,” he said. “B.”" -> "A. B.")."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out:
            if out.endswith(",") and part[:1].isupper():
                out = out[:-1] + "."
            out += " "
        out += part
    return out.rstrip(",").strip()


# --------------------------------------------------------------------------- resolution
@dataclass
class _Registry:
    persons: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    last_person: str | None = None
    last_inst: str | None = None
    last_plural: str | None = None
    last: _Speaker | None = None
    insts: list[str] = field(default_factory=list)


def _resolve(sp: _Speaker, reg: _Registry, doc: Doc, cues: SpeechCues,
             actors: Sequence[Actor]) -> _Speaker:
    if sp.pronoun:
        if sp.pronoun in _PERSON_PRONOUNS and reg.last_person:
            name = reg.last_person
            return _Speaker(name, sp.start, sp.end, role=reg.roles.get(name), kind="person")
        if sp.pronoun in _INST_PRONOUNS and reg.last_inst:
            return _Speaker(reg.last_inst, sp.start, sp.end, role=reg.roles.get(reg.last_inst),
                            kind="institution")
        if sp.pronoun in _PLURAL_PRONOUNS and reg.last_plural:
            return _Speaker(reg.last_plural, sp.start, sp.end, kind="unknown", plural=True)
        return sp
    if sp.text and sp.single_name and sp.kind in ("person", "unknown"):
        full = _full_name(sp.text, reg, doc, sp.start)
        if full:
            sp.text, sp.kind = full, "person"
    if sp.text and sp.text == sp.text.lower() and not sp.plural:
        named = _named_institution(sp.text, reg, actors, cues, sp.start)
        if named:  # "the ministry said" after "Turkey's Defence Ministry said"
            sp.text, sp.kind = named, "institution"
            sp.role = sp.role or reg.roles.get(named)
    if sp.text:
        for actor in actors:
            forms = {f.lower() for f in (actor.name, *actor.surface_forms)}
            if sp.text.lower() in forms and actor.kind not in ("civilians", "unknown"):
                sp.kind = "institution"  # an armed group, state force or organisation
                break
    if sp.text and sp.kind == "person" and not sp.plural:
        if sp.role:
            reg.roles.setdefault(sp.text, sp.role)
        else:
            sp.role = reg.roles.get(sp.text)
    if sp.text and sp.kind == "institution" and sp.role:
        reg.roles.setdefault(sp.text, sp.role)
    return sp


def _named_institution(text: str, reg: _Registry, actors: Sequence[Actor], cues: SpeechCues,
                       before: int) -> str | None:
    """The institution named earlier that a bare "the ministry" / "the group" refers to."""
    words = text.split()
    if not words or len(words) > 2 or words[-1] not in cues.institution_heads:
        return None
    head = words[-1]
    for name in reversed(reg.insts):
        if head in name.lower().replace("'s", "").split() and name.lower() != text:
            return name
    best: tuple[int, str] | None = None
    for actor in actors:
        for form in (actor.name, *actor.surface_forms):
            if head in form.lower().split() and form.lower() != text:
                first = min((m.start for m in actor.mentions if m.start < before), default=None)
                if first is not None and (best is None or first > best[0]):
                    best = (first, form)
    return best[1] if best else None


def _full_name(name: str, reg: _Registry, doc: Doc, before: int) -> str | None:
    def matches(full: str) -> bool:
        parts = full.split()
        return len(parts) > 1 and name in (parts[0], parts[-1])

    for full in reversed(reg.persons):
        if matches(full):
            return full
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start_char < before and matches(ent.text):
            return ent.text
    return None


def _remember(sp: _Speaker, reg: _Registry) -> None:
    if not sp.text:
        return
    reg.last = sp
    if sp.kind == "person" and not sp.plural:
        reg.last_person = sp.text
        if len(sp.text.split()) > 1 and sp.text not in reg.persons:
            reg.persons.append(sp.text)
    elif sp.kind == "institution":
        reg.last_inst = sp.text
        if sp.text not in reg.insts and sp.text != sp.text.lower():
            reg.insts.append(sp.text)
    if sp.plural:
        reg.last_plural = sp.text


def _speaker_at(raw: _Raw) -> int:
    """Where the raw statement's speaker is named (its start when unknown)."""
    if raw.speaker_tok is not None:
        return raw.speaker_tok.idx
    if raw.speaker is not None and raw.speaker.text and not raw.inherit:
        return raw.speaker.start
    return raw.start


def find_quotes(doc: Doc, *, actor_mentions: Sequence[Actor] | None = None) -> list[Quote]:
    """Direct quotes and reported statements in ``doc`` with their speakers.

    Spans are character offsets into ``doc.text``; a quote's ``span`` covers its content
    (the words quoted or the reported clause).  ``actor_mentions`` (resolved actors) help
    tell institutions from people.
    """
    cues = load_cues()
    actors = list(actor_mentions or [])
    direct = _direct_quotes(doc, cues)
    labelled = _labels(doc, cues, direct)
    raws = direct + labelled + _reported(doc, cues, direct + labelled)
    raws.sort(key=lambda r: (min(r.start, _speaker_at(r)), r.start))
    reg = _Registry()
    prev: _Raw | None = None
    quotes: list[Quote] = []
    speakers: dict[int, _Speaker] = {}
    for raw in raws:
        if raw.speaker_tok is not None:
            key = raw.speaker_tok.i
            if key in speakers:
                sp = speakers[key]
            else:
                sp = _resolve(_speaker_from(raw.speaker_tok, cues), reg, doc, cues, actors)
                speakers[key] = sp
                _remember(sp, reg)
        elif raw.inherit and prev is not None and prev.speaker is not None:
            sp = prev.speaker
        elif raw.speaker is not None and raw.speaker.text:  # a label ("Name: ...")
            sp = _resolve(raw.speaker, reg, doc, cues, actors)
            _remember(sp, reg)
        else:
            sp = _Speaker(None)
        raw.speaker = sp
        prev = raw
    raws.sort(key=lambda r: r.start)
    for raw in raws:
        sp = raw.speaker or _Speaker(None)
        start, end = raw.start, raw.end
        text = _join_segments([re.sub(r"\s+", " ", doc_text(doc)[a:b]).strip()
                               for a, b in raw.segments])
        quotes.append(Quote(
            id=f"q{len(quotes)}",
            speaker=sp.text,
            speaker_role=sp.role,
            speaker_kind=sp.kind if sp.text else "unknown",  # type: ignore[arg-type]
            cue=raw.cue,
            text=text,
            span=Span(start=start, end=end, text=doc_text(doc)[start:end]),
            speaker_span=Span(start=sp.start, end=sp.end, text=doc_text(doc)[sp.start:sp.end])
            if sp.end > sp.start else None,
            direct=raw.direct,
            told_to=raw.told_to,
        ))
    log.debug("found %d quotes", len(quotes))
    return quotes
