"""The ingest stage: text, HTML, bytes, a file, a URL or a JSON Lines record -> :class:`Article`.

Cleaning drops page furniture (rules in ``data/boilerplate.toml``), moves photo captions aside,
drops a repeated headline / republisher header and keeps the body as paragraphs joined by a blank
line.  ``Article.text`` is that cleaned body; every later span points into it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import json
import logging
import os
import re
import sys
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

import ahocorasick
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import nlp
from .dates import find_dates
from .errors import DataError, InputError
from .model import Article

log = logging.getLogger(__name__)

#: Largest text accepted (characters).
MAX_TEXT_CHARS = 5_000_000
#: Largest raw input accepted (bytes: files, stdin, HTML, fetched pages).
MAX_BYTES = 20_000_000
#: Languages the later stages support.
SUPPORTED_LANGUAGES = frozenset({"en"})

DATA_FILE = Path(__file__).parent / "data" / "boilerplate.toml"

# --------------------------------------------------------------------------------------------
# Rules (data/boilerplate.toml)
# --------------------------------------------------------------------------------------------


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str = Field(min_length=1)
    comment: str = Field(min_length=1)
    ignore_case: bool = True


class _BoilerplateEntry(_Entry):
    max_len: int | None = Field(None, gt=0)
    republisher: bool = False


class _CaptionEntry(_Entry):
    max_len: int = Field(400, gt=0)


class _OriginEntry(_Entry):
    weight: int = Field(ge=0)


class _Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    origin_threshold: int = Field(2, ge=1)
    header_window: int = Field(6, ge=1)


@dataclass(frozen=True)
class LineRule:
    """A compiled line rule (boilerplate or caption)."""

    regex: re.Pattern[str]
    comment: str
    max_len: int | None = None
    republisher: bool = False

    def matches(self, line: str) -> bool:
        if self.max_len is not None and len(line) > self.max_len:
            return False
        return self.regex.search(line) is not None


@dataclass(frozen=True)
class Rules:
    """Everything ingest reads from ``boilerplate.toml``."""

    boilerplate: tuple[LineRule, ...]
    captions: tuple[LineRule, ...]
    origins: tuple[tuple[re.Pattern[str], int, str], ...]
    outlets: dict[str, str]  # alias or name -> canonical name
    domains: dict[str, str]  # domain -> canonical name
    outlet_finder: Any = None  # ahocorasick.Automaton of every alias
    origin_threshold: int = 2
    header_window: int = 6


def _compile(path: Path, section: str, i: int, pattern: str, ignore_case: bool) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        msg = f"{path}: [[{section}]] entry {i} ({pattern!r}): bad regex: {exc}"
        raise DataError(msg) from None


def _entries(path: Path, raw: dict, section: str, model: type[BaseModel]) -> list[Any]:
    items = raw.get(section, [])
    if not isinstance(items, list):
        raise DataError(f"{path}: [[{section}]] must be an array of tables")
    out = []
    for i, item in enumerate(items, 1):
        try:
            out.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise DataError(
                f"{path}: [[{section}]] entry {i} ({item.get('pattern') or item.get('name')!r}): "
                f"{where}: {first['msg']}"
            ) from None
    return out


def load_rules(path: Path | None = None) -> Rules:
    """Load and validate the ingest rules file (default: the bundled ``data/boilerplate.toml``)."""
    path = Path(path) if path else DATA_FILE
    if path == DATA_FILE:
        return _default_rules()
    return _load_rules(path)


@functools.lru_cache(maxsize=1)
def _default_rules() -> Rules:
    return _load_rules(DATA_FILE)


def _automaton(words: dict[str, str]) -> Any:
    finder = ahocorasick.Automaton()
    for word in words:
        finder.add_word(word, word)
    finder.make_automaton()
    return finder


def _load_rules(path: Path) -> Rules:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: ingest rules file missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(raw) - {"settings", "boilerplate", "caption", "origin", "outlet"}
    if unknown:
        raise DataError(f"{path}: unknown section(s) {sorted(unknown)}")
    try:
        settings = _Settings.model_validate(raw.get("settings", {}))
    except ValidationError as exc:
        raise DataError(f"{path}: [settings]: {exc.errors()[0]['msg']}") from None

    outlets: dict[str, str] = {}
    domains: dict[str, str] = {}
    for i, o in enumerate(_entries(path, raw, "outlet", _Outlet), 1):
        for alias in [o.name, *o.aliases]:
            if alias in outlets and outlets[alias] != o.name:
                raise DataError(
                    f"{path}: [[outlet]] entry {i} ({o.name!r}): alias {alias!r} "
                    f"already belongs to {outlets[alias]!r}"
                )
            outlets[alias] = o.name
        for d in o.domains:
            domains[d.lower().lstrip(".")] = o.name
    alternation = "|".join(re.escape(a) for a in sorted(outlets, key=len, reverse=True))
    outlet_group = rf"(?-i:(?<![\w-])(?P<outlet>{alternation})(?![\w-]))"

    boiler = tuple(
        LineRule(
            _compile(path, "boilerplate", i, e.pattern, e.ignore_case), e.comment, e.max_len,
            e.republisher,
        )
        for i, e in enumerate(_entries(path, raw, "boilerplate", _BoilerplateEntry), 1)
    )
    captions = tuple(
        LineRule(_compile(path, "caption", i, e.pattern, e.ignore_case), e.comment, e.max_len)
        for i, e in enumerate(_entries(path, raw, "caption", _CaptionEntry), 1)
    )
    origins = []
    for i, e in enumerate(_entries(path, raw, "origin", _OriginEntry), 1):
        if "{outlet}" not in e.pattern:
            raise DataError(f"{path}: [[origin]] entry {i} ({e.pattern!r}): needs {{outlet}}")
        pattern = e.pattern.replace("{outlet}", outlet_group)
        flags = re.MULTILINE | (re.IGNORECASE if e.ignore_case else 0)
        try:
            origins.append((re.compile(pattern, flags), e.weight, e.comment))
        except re.error as exc:
            msg = f"{path}: [[origin]] entry {i} ({e.pattern!r}): bad regex: {exc}"
            raise DataError(msg) from None
    return Rules(
        boiler, captions, tuple(origins), outlets, domains,
        _automaton(outlets), settings.origin_threshold, settings.header_window,
    )


# --------------------------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HSPACE = re.compile(r"[^\S\n]+")
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201b\u2032]")
_SENTENCE_END = tuple(".!?\"”’')]…:;")


@dataclass
class Cleaned:
    """Result of :func:`clean_text`."""

    body: str
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    title_guess: str | None = None
    republisher_marked: bool = False


def normalise(raw: str) -> str:
    """Newlines to ``\\n``, Unicode NFC, no zero-width or control characters, single spaces."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text))
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    text = _HSPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _key(line: str) -> str:
    """Comparison key: quotes/dashes unified, case-folded, punctuation-trimmed."""
    s = _SINGLE_QUOTES.sub("'", unicodedata.normalize("NFKC", line))
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).casefold()
    return s.strip(" .:|-")


def tidy_title(title: str | None) -> str | None:
    """A title with single spaces and straight apostrophes ('Syria's war: ...'), or None."""
    if not title:
        return None
    t = _SINGLE_QUOTES.sub("'", normalise(title).replace("\n", " ").strip())
    return t or None


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(line) <= 160
        and 1 <= len(words) <= 25
        and not line.endswith((".", ",", ";", ":"))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'")
    )


def _is_header(para: str, title_key: str) -> bool:
    """True for a republisher header: the headline run into a standfirst ('Title Standfirst...')."""
    key = _key(para)
    if not key.startswith(title_key + " ") or len(para) > len(title_key) + 400:
        return False
    # the standfirst starts where the headline's words end, with a capital letter or a quote
    n = len(title_key.split())
    words = para.split(None, n)
    rest = words[n] if len(words) > n else ""
    return bool(rest) and (rest[0].isupper() or rest[0] in "\"“‘'")


def _join_block(lines: list[str]) -> list[str]:
    """Paragraphs of one blank-line-delimited block (joins hard-wrapped lines)."""
    if len(lines) < 3:
        return lines
    inner = lines[:-1]
    lengths = [len(s) for s in inner]
    open_ends = sum(not s.endswith(_SENTENCE_END) for s in inner)
    even = min(lengths) >= 30 and max(lengths) - min(lengths) <= 30
    wrapped = even and open_ends >= 0.6 * len(inner)
    if not wrapped:
        return lines
    text = ""
    for s in lines:
        if text.endswith("-") and not text.endswith(" -") and s[:1].islower():
            text = text[:-1] + s
        else:
            text = f"{text} {s}" if text else s
    return [text]


def clean_text(raw: str, *, title: str | None = None, rules: Rules | None = None) -> Cleaned:
    """Clean an article's raw text: drop boilerplate, set captions aside, drop duplicate headers.

    ``title`` (when known, e.g. from page metadata) lets a repeated headline be removed; when it is
    not given, a short headline-like first line (or a headline that the first line repeats with the
    standfirst) becomes ``title_guess``.
    """
    rules = rules or load_rules()
    text = normalise(raw)
    out = Cleaned(body="")
    # (block number, line) of lines that survive the line rules
    kept: list[tuple[int, str]] = []
    block = 0
    for line in text.split("\n"):
        if not line:
            block += 1
            continue
        rule = next((r for r in rules.boilerplate if r.matches(line)), None)
        if rule:
            out.removed.append(line)
            out.republisher_marked |= rule.republisher
            log.debug("boilerplate (%s): %.60s", rule.comment, line)
            continue
        if any(r.matches(line) for r in rules.captions):
            out.captions.append(line)
            continue
        kept.append((block, line))

    # paragraphs: blank-line blocks, hard-wrapped lines joined
    paragraphs: list[str] = []
    current: list[str] = []
    current_block = None
    for b, line in kept:
        if b != current_block and current:
            paragraphs += _join_block(current)
            current = []
        current_block = b
        current.append(line)
    paragraphs += _join_block(current)

    drop: set[int] = set()
    window = min(rules.header_window, len(paragraphs))
    known = tidy_title(title)
    if known is None and paragraphs:
        first = paragraphs[0]
        # a republisher header: the headline + standfirst on one line, the headline again below
        for j in range(1, window):
            cand = paragraphs[j]
            if _headline_like(cand) and _is_header(first, _key(cand)) and len(_key(cand)) >= 15:
                known = tidy_title(cand)
                break
        else:
            if len(paragraphs) > 1 and _headline_like(first):
                known = tidy_title(first)
                drop.add(0)
        out.title_guess = known
    if known:
        tkey = _key(known)
        for j in range(window):
            if _key(paragraphs[j]) == tkey or _is_header(paragraphs[j], tkey):
                drop.add(j)
        for j in range(window, len(paragraphs)):
            if _key(paragraphs[j]) == tkey:
                drop.add(j)
    seen: set[str] = set()
    for j, para in enumerate(paragraphs):
        k = _key(para)
        if j not in drop and len(k) >= 25 and k in seen:
            drop.add(j)
        seen.add(k)
    out.removed += [paragraphs[j] for j in sorted(drop)]
    paragraphs = [p for j, p in enumerate(paragraphs) if j not in drop]
    out.body = "\n\n".join(paragraphs)
    return out


# --------------------------------------------------------------------------------------------
# Original source
# --------------------------------------------------------------------------------------------


def outlet_name(name: str | None, rules: Rules | None = None) -> str | None:
    """Canonical outlet for a site name, alias or URL/host name (None when unknown)."""
    if not name:
        return None
    rules = rules or load_rules()
    name = name.strip()
    if name in rules.outlets:
        return rules.outlets[name]
    folded = {k.casefold(): v for k, v in rules.outlets.items()}
    if name.casefold() in folded:
        return folded[name.casefold()]
    host = (urlsplit(name).hostname if "://" in name else name).lower().rstrip(".")
    while host and "." in host:
        if host in rules.domains:
            return rules.domains[host]
        host = host.split(".", 1)[1]
    return None


def detect_original_source(text: str, rules: Rules | None = None) -> str | None:
    """The outlet a report comes from when the text says so, else None.

    Each cue in ``[[origin]]`` adds its weight to the outlet it names; a dateline such as
    "(Reuters) -" or "originally published by X" is decisive, "told X" counts only when repeated.
    The best-scoring outlet wins if it reaches ``origin_threshold`` (ties: first mentioned).
    """
    rules = rules or load_rules()
    text = normalise(text)
    scores: dict[str, int] = {}
    first: dict[str, int] = {}
    # cues never span lines, and only lines naming an outlet can hold one
    ends = (end for end, _alias in rules.outlet_finder.iter(text))
    starts = sorted({text.rfind("\n", 0, end) + 1 for end in ends})
    for start in starts:
        stop = text.find("\n", start)
        line = text[start:] if stop < 0 else text[start:stop]
        for regex, weight, _comment in rules.origins:
            for m in regex.finditer(line):
                name = rules.outlets[m.group("outlet")]
                scores[name] = scores.get(name, 0) + weight
                first.setdefault(name, start + m.start())
    if not scores:
        return None
    best = max(scores, key=lambda n: (scores[n], -first[n]))
    if scores[best] < rules.origin_threshold:
        log.debug("origin cues too weak: %s", scores)
        return None
    return best


# --------------------------------------------------------------------------------------------
# Building articles
# --------------------------------------------------------------------------------------------


def _too_large(size: int, unit: str, limit: int) -> InputError:
    return InputError(f"input too large: {size:,} {unit} (limit {limit:,})")


def _coerce_date(value: Any, what: str = "published") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
    raise InputError(f"invalid {what} date {value!r}: expected YYYY-MM-DD")


#: a byline's date line near the top of a text: "Published on 12 June 2024", "Updated: 3 May 2021"
_BYLINE_DATE = re.compile(
    r"^[ \t]*(?:first\s+)?(?:published|posted|updated|last\s+updated)(?:\s+on)?\s*:?\s*(?P<when>[^\n]{6,60})$",
    re.I | re.M)


def byline_date(text: str, lines: int = 12) -> dt.date | None:
    """The publication date a plain text states in a byline line among its first ``lines``
    ("Published on 12 June 2024"), or None: a date written in full, with its year."""
    head = "\n".join(text.lstrip().splitlines()[:lines])
    for m in _BYLINE_DATE.finditer(head):
        told = next((d for d in find_dates(m.group("when")) if d.date is not None and d.precision == 1
                     and not d.relative), None)
        if told is not None:
            return told.date
    return None


def from_text(
    text: str,
    *,
    id: str | None = None,
    published: dt.date | str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Article:
    """Build an Article from plain text (cleaned; title, captions and origin detected)."""
    if len(text) > MAX_TEXT_CHARS:
        raise _too_large(len(text), "characters", MAX_TEXT_CHARS)
    if not text.strip():
        raise InputError("empty input")
    rules = load_rules()
    cleaned = clean_text(text, title=title, rules=rules)
    body = cleaned.body
    original = detect_original_source(text, rules)
    site = outlet_name(source, rules) or source
    republished = bool(original) and (
        (site is not None and site != original) or cleaned.republisher_marked
    )
    if body:
        language = nlp.detect_language(body)
        if language in SUPPORTED_LANGUAGES or language == "und":
            status = "ok"
        else:
            status = "unsupported_language"
    else:
        language, status = None, "no_text"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    if id is None:
        id = (digest if body else hashlib.sha256(text.encode("utf-8")).hexdigest())[:16]
    log.info(
        "ingested %s: %d chars, %d removed, %d captions, lang=%s, original=%s",
        id, len(body), len(cleaned.removed), len(cleaned.captions), language, original,
    )
    return Article(
        id=str(id),
        url=url,
        title=tidy_title(title) or cleaned.title_guess,
        published=_coerce_date(published) or byline_date(text),
        source=source,
        original_source=original,
        republisher=source if republished and source else None,
        republished=republished,
        language=language,
        status=status,
        text=body,
        captions=cleaned.captions,
        removed=cleaned.removed,
        content_hash=digest,
    )


def _html_extract(html: str | bytes, url: str | None) -> tuple[str | None, dict[str, Any]]:
    import trafilatura  # imported lazily: it is slow to import

    meta: dict[str, Any] = {}
    doc = None
    for kwargs in ({}, {"favor_recall": True}):
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                date_extraction_params={"extensive_search": False, "original_date": True},
                **kwargs,
            )
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            log.debug("trafilatura failed: %s", exc)
            doc = None
        if doc is not None:
            d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            meta = {k: d.get(k) for k in ("title", "date", "sitename", "url", "hostname")}
            if d.get("text"):
                return d["text"], meta
    return _lxml_text(html), meta


def _lxml_text(html: str | bytes) -> str | None:
    """Fallback text of a page trafilatura found nothing in: block elements' own text."""
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
    except Exception:
        return None
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    parts = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "td", "pre", "div", "body"):
            pieces = [el.text or ""] + [child.tail or "" for child in el]
            own = " ".join(t.strip() for t in pieces if t.strip())
            if own:
                parts.append(own)
    text = "\n".join(parts).strip()
    return text or None


def from_html(
    html: str | bytes,
    *,
    url: str | None = None,
    id: str | None = None,
    published: dt.date | str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Article:
    """Build an Article from an HTML page: main text, title, date and site name via trafilatura."""
    size = len(html)
    if size > MAX_BYTES:
        raise _too_large(size, "bytes" if isinstance(html, bytes) else "characters", MAX_BYTES)
    stripped = html.strip() if isinstance(html, str) else html.strip(b" \t\r\n\x00")
    if not stripped:
        raise InputError("empty input")
    text, meta = _html_extract(html, url)
    if not text or not text.strip():
        raise InputError(f"no extractable text in HTML{' from ' + url if url else ''}")
    if published is None and meta.get("date"):
        try:
            published = dt.date.fromisoformat(str(meta["date"])[:10])
        except ValueError:
            log.debug("ignoring page date %r", meta.get("date"))
    if source is None:
        site = meta.get("sitename")
        host = urlsplit(url).hostname if url else None
        source = outlet_name(site) or outlet_name(url) or site or host
    return from_text(
        text,
        id=id,
        published=published,
        url=url or meta.get("url"),
        source=source,
        title=title or meta.get("title"),
    )


_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    rb"</?(p|div|span|a|br|html|head|body|article|section|script|style|meta|link|h[1-6]|li|ul|ol"
    rb"|table|tr|td|img|header|footer|nav|main|figure|figcaption|strong|em|b|i)\b[^<>]*>",
    re.I,
)


def looks_like_html(data: bytes | str) -> bool:
    """True when ``data`` starts like an HTML document or is dense with HTML tags."""
    sample = data[:65536]
    if isinstance(sample, str):
        sample = sample.encode("utf-8", "replace")
    if _HTML_START.match(sample):
        return True
    tags = _HTML_TAG.findall(sample)
    return len(tags) >= 5 and len(tags) * 40 >= len(sample) / 10


def decode_bytes(data: bytes, *, name: str = "<stdin>", charset: str | None = None) -> str:
    """Decode input bytes: BOMs, a declared charset, UTF-8, else charset_normalizer's best guess.

    Raises InputError("binary input: ...") for data that is not text.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    head = data[:65536]
    if b"\x00" in head:
        raise InputError(f"binary input: {name} contains NUL bytes")
    text: str | None = None
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            log.debug("declared charset %r does not decode %s", charset, name)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        from charset_normalizer import from_bytes as detect

        best = detect(data[:1_000_000]).best()
        if best is None:
            raise InputError(f"binary input: {name} is not text in any known encoding")
        try:
            text = data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            text = str(best)
        log.debug("decoded %s as %s", name, best.encoding)
    sample = text[:65536]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
    if sample and controls / len(sample) > 0.02:
        raise InputError(f"binary input: {name} is {controls / len(sample):.0%} control characters")
    return text


def from_bytes(
    data: bytes,
    *,
    name: str = "<stdin>",
    kind: Literal["auto", "text", "html"] = "auto",
    charset: str | None = None,
    **kw: Any,
) -> Article:
    """Build an Article from raw bytes: decode, refuse binary, route HTML to :func:`from_html`."""
    if len(data) > MAX_BYTES:
        raise _too_large(len(data), "bytes", MAX_BYTES)
    if not data.strip():
        raise InputError("empty input")
    text = decode_bytes(data, name=name, charset=charset)
    if not text.strip():
        raise InputError("empty input")
    if kind == "html" or (kind == "auto" and looks_like_html(text)):
        return from_html(text, **kw)
    return from_text(text, **kw)


def from_path(path: Path | str, **kw: Any) -> Article:
    """Build an Article from a file (size checked before reading; .htm/.html read as HTML)."""
    path = Path(path)
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(f"is a directory: {path}")
    if size > MAX_BYTES:
        raise _too_large(size, "bytes", MAX_BYTES)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:  # grew, or a special file
        raise _too_large(len(data), "bytes", MAX_BYTES)
    kind = kw.pop("kind", "html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else "auto")
    return from_bytes(data, name=str(path), kind=kind, **kw)


def from_url(
    url: str,
    *,
    allow_private: bool = False,
    allowed_hosts: frozenset[str] = frozenset(),
    timeout: float = 10.0,
    **kw: Any,
) -> Article:
    """Fetch ``url`` safely (see :mod:`warwire.fetch`) and build an Article from the page."""
    from .fetch import fetch_url

    result = fetch_url(
        url, allow_private=allow_private, allowed_hosts=allowed_hosts, timeout=timeout,
        max_bytes=MAX_BYTES,
    )
    ctype = result.content_type
    kw.setdefault("url", result.url)
    if ctype in ("text/html", "application/xhtml+xml") or (
        ctype in ("", "application/octet-stream") and looks_like_html(result.body)
    ):
        return from_bytes(result.body, name=result.url, kind="html", charset=result.charset, **kw)
    if ctype.startswith("text/") or ctype == "":
        return from_bytes(result.body, name=result.url, kind="text", charset=result.charset, **kw)
    raise InputError(f"unsupported content type {ctype!r} for {result.url}")


_URL_LIKE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def load(location: str, /, **kw: Any) -> Article:
    """Read one article from ``location``: "-" for stdin, a URL, or a file path."""
    if location == "-":
        kw.pop("allow_private", None)
        kw.pop("allowed_hosts", None)
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(MAX_BYTES + 1)
        else:
            data = sys.stdin.read().encode("utf-8")
        if len(data) > MAX_BYTES:
            raise _too_large(len(data), "bytes", MAX_BYTES)
        return from_bytes(data, name="<stdin>", **kw)
    if _URL_LIKE.match(location):
        return from_url(location, **kw)
    kw.pop("allow_private", None)
    kw.pop("allowed_hosts", None)
    return from_path(Path(location), **kw)


# --------------------------------------------------------------------------------------------
# JSON Lines batches
# --------------------------------------------------------------------------------------------

RECORD_FIELDS = frozenset({"id", "text", "html", "url", "published", "source", "title"})


def read_jsonl(path_or_file: str | Path | IO) -> Iterator[tuple[int, dict | InputError]]:
    """Yield ``(line number, record)`` per non-blank line; a bad line yields an InputError instead.

    A record is a JSON object with ``text``, ``html`` or ``url`` and optional ``id``,
    ``published`` (YYYY-MM-DD), ``source``, ``title``.
    """
    if isinstance(path_or_file, (str, Path)):
        try:
            fh: IO = open(path_or_file, "rb")
        except OSError as exc:
            raise InputError(f"cannot read {path_or_file}: {exc.strerror or exc}") from None
        close = True
    else:
        fh, close = path_or_file, False
    try:
        for lineno, raw in enumerate(fh, 1):
            if isinstance(raw, bytes):
                if len(raw) > MAX_BYTES:
                    too_large = _too_large(len(raw), "bytes", MAX_BYTES)
                    yield lineno, InputError(f"line {lineno}: {too_large}")
                    continue
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield lineno, InputError(f"line {lineno}: not UTF-8: {exc.reason}")
                    continue
            else:
                line = raw
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                msg = f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})"
                yield lineno, InputError(msg)
                continue
            problem = _record_problem(record)
            yield lineno, InputError(f"line {lineno}: {problem}") if problem else record
    finally:
        if close:
            fh.close()


def _record_problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    contents = (record.get(k) for k in ("text", "html", "url"))
    if not any(isinstance(v, str) and v.strip() for v in contents):
        return "record has no 'text', 'html' or 'url'"
    for k in ("id", "text", "html", "url", "source", "title", "published"):
        v = record.get(k)
        if v is None:
            continue
        ok = isinstance(v, str) or (k == "id" and isinstance(v, int) and not isinstance(v, bool))
        if not ok:
            return f"field {k!r} must be a string"
    unknown = set(record) - RECORD_FIELDS
    if unknown:
        log.debug("ignoring unknown record fields %s", sorted(unknown))
    return None


def from_record(
    record: dict, *, allow_private: bool = False, allowed_hosts: frozenset[str] = frozenset()
) -> Article:
    """Build an Article from one JSON Lines record (text, else html, else fetched url)."""
    problem = _record_problem(record)
    if problem:
        raise InputError(problem)
    kw: dict[str, Any] = {
        "id": str(record["id"]) if record.get("id") not in (None, "") else None,
        "published": _coerce_date(record.get("published")),
        "source": record.get("source") or None,
        "title": record.get("title") or None,
    }
    if isinstance(record.get("text"), str) and record["text"].strip():
        return from_text(record["text"], url=record.get("url") or None, **kw)
    if isinstance(record.get("html"), str) and record["html"].strip():
        return from_html(record["html"], url=record.get("url") or None, **kw)
    return from_url(record["url"], allow_private=allow_private, allowed_hosts=allowed_hosts, **kw)


__all__ = [
    "MAX_BYTES",
    "MAX_TEXT_CHARS",
    "Cleaned",
    "Rules",
    "clean_text",
    "decode_bytes",
    "detect_original_source",
    "from_bytes",
    "from_html",
    "from_path",
    "from_record",
    "from_text",
    "from_url",
    "load",
    "load_rules",
    "looks_like_html",
    "outlet_name",
    "read_jsonl",
]
