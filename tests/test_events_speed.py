"""The events stage's per-doc indexes answer exactly as a plain scan of the tokens would.

Cue phrases and triggers are found once per doc (``_CueHits``, ``_Words``) instead of once per
mention; these tests hold them to the straightforward token-by-token reading they replace.
"""

import pytest

from warwire import dates, nlp
from warwire.events import (
    NEGATING_PREFIXES,
    RIOT_GEAR,
    _CueHits,
    _lemma,
    _match_triggers,
    _Words,
    default_lexicon,
)

TEXTS = [
    "Riot police fired tear gas at rioters who torched a police station and hurled stones in Kisumu.",
    "Thousands held a non-violent march in Nairobi on Monday; anti - aircraft guns were seen nearby.",
    "A suicide bomber blew himself up at a checkpoint, and a roadside bomb hit a convoy on 3 March.",
    "Militants gang-raped two women and an air-strike killed five civilians in the village of Qala.",
    "Protesters clashed with police after the non-state armed group shelled the town with mortars.",
]


def reference_cues(tokens, lex):
    """Cue classes of consecutive tokens, read one token at a time: at each token, the classes
    of the longest phrase that starts there (and ends inside the tokens)."""
    lemmas = [_lemma(t) for t in tokens]
    lowers = [t.lower_ for t in tokens]
    found = set()
    for i, tok in enumerate(tokens):
        negated = ("-" in tok.lower_ and tok.lower_.split("-")[0] in NEGATING_PREFIXES) or (
            i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].lower_ in NEGATING_PREFIXES)
        if negated:
            continue
        longest = set()
        for n in range(1, lex.max_len + 1):
            if i + n > len(tokens):
                break
            classes = {cls for cls, phrases in lex.cues.items()
                       if tuple(lemmas[i:i + n]) in phrases or tuple(lowers[i:i + n]) in phrases}
            if lemmas[i] == "riot" and tok.head.lower_ in RIOT_GEAR:
                classes.discard("riot")
            longest = classes or longest
        found |= longest
    return found


def reference_triggers(sent, lex):
    """Longest trigger matches, read token by token."""
    toks = [t for t in sent if t.ent_type_ not in ("DATE", "TIME") and t.text != "-"
            and not (t.text[:1].isupper() and t.lower_ in dates.MONTHS)]
    lemmas, lowers = [_lemma(t) for t in toks], [t.lower_ for t in toks]
    out, i = [], 0
    while i < len(toks):
        hit = None
        for n in range(min(lex.max_len, len(toks) - i), 0, -1):
            for seq in (tuple(lemmas[i:i + n]), tuple(lowers[i:i + n])):
                frame = lex.triggers.get(seq)
                skipped = [t for t in sent.doc[toks[i].i:toks[i + n - 1].i + 1] if t not in toks[i:i + n]]
                if frame and all(t.text == "-" for t in skipped):
                    hit = (toks[i].i, toks[i + n - 1].i + 1, frame)
                    break
            if hit:
                break
        if hit:
            out.append(hit)
        i += hit[1] - hit[0] if hit else 1
    return out


@pytest.fixture(scope="module")
def docs():
    pipe = nlp.load()
    return [pipe(t) for t in TEXTS]


def test_cue_hits_of_every_span_match_a_plain_scan(docs):
    lex = default_lexicon()
    for doc in docs:
        hits = _CueHits.of(doc, lex)
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert hits.between(start, end) == reference_cues(list(doc[start:end]), lex), doc[start:end].text


def test_cue_hits_read_prefixes_and_riot_gear(docs):
    lex = default_lexicon()
    riot, march = docs[0], docs[1]
    # "Riot police": the police, not a riot; "rioters who torched": a riot
    assert "riot" not in _CueHits.of(riot, lex).between(0, 2)
    assert "riot" in _CueHits.of(riot, lex).between(0, len(riot))
    # "non-violent": no violence; the prefix counts only inside the span
    violent = next(t.i for t in march if t.lower_ in ("violent", "non-violent"))
    assert "riot" not in _CueHits.of(march, lex).between(0, len(march))
    anti = next(t.i for t in march if t.lower_ == "anti")
    assert _CueHits.of(march, lex).between(anti + 2, len(march)) == reference_cues(list(march[anti + 2:]), lex)
    assert violent < anti


def test_trigger_matches_equal_a_plain_scan(docs):
    lex = default_lexicon()
    for doc in docs:
        words = _Words.of(doc)
        for sent in doc.sents:
            assert _match_triggers(sent, lex, words) == reference_triggers(sent, lex), sent.text
    raped = docs[3]
    frames = {raped[s:e].text: f for s, e, f in _match_triggers(next(iter(raped.sents)), lex)}
    assert any("raped" in k for k in frames), frames  # "gang-raped": the hyphen joins the words


def test_no_trigger_inside_a_date_or_a_month_name():
    from spacy.tokens import Span

    lex = default_lexicon()
    doc = nlp.load()("Gunmen attacked the March rally and shelled the camp.")
    attacked = next(t.i for t in doc if t.text == "attacked")
    doc.ents = [Span(doc, attacked, attacked + 1, label="DATE")]  # as if read as part of a date
    found = {doc[s:e].text for s, e, _ in _match_triggers(doc[:], lex, _Words.of(doc))}
    assert "attacked" not in found and "shelled" in found
    assert _match_triggers(doc[:], lex, _Words.of(doc)) == reference_triggers(doc[:], lex)
