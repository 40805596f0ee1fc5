"""Offline tiered gazetteer: name normalisation, compact data files, importers, look-up.

Layers
------
* **global** (always loaded): every country (``data/countries.tsv``), the continents and the
  first-level divisions of countries without a WOF layer (``gazetteer/world-regions.tsv.gz``),
  the first-level subdivisions and country records of the bundled countries
  (``gazetteer/regions.tsv.gz``), their towns of 10,000+ people (``gazetteer/towns.tsv.gz``),
  US states and world cities of 100,000+ people (from ``gazetteer/world-cities.tsv.gz``).
* **country** (loaded lazily, one per ISO2 code, as a :class:`Layer`: its rows kept as one
  block of UTF-8 bytes and parsed on access, its names in a :class:`KeyIndex` of key hashes): the village layer ``gazetteer/XX.tsv.gz`` (Who's On First; GeoNames
  towns of 500+ people for Mexico) and ``XX-geonames.tsv.gz`` (bundled for Kenya, or imported:
  the GeoNames places the village layer lacks, see :func:`import_geonames`), else the
  GeoNames towns of that country from ``world-cities.tsv.gz`` (population >= 5,000).
* **user**: ``data/world_regions.tsv`` (world regions and seas), ``data/place_variants.tsv``
  and the file named by ``WARWIRE_PLACES_FILE`` (same columns) add variants to existing ids
  or new places.

Gazetteer files are gzip TSV; the first line is
``#warwire-gazetteer 1 country=SY source=wof commit=... built=...``; the next comment
line lists the columns (:data:`FILE_COLUMNS`: :data:`COLUMNS` plus ``keys``, the
precomputed :func:`normalize` keys of the names; recomputed at load when the header's
``norm=`` differs from :data:`NORM_VERSION`).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import gc
import gzip
import io
import itertools
import json
import logging
import math
import os
import re
import subprocess
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ValidationError, field_validator
from unidecode import unidecode

from .errors import DataError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
#: Version of :func:`normalize`; bump when folding rules change (stored keys are then recomputed).
NORM_VERSION = 1
DATA_DIR = Path(__file__).parent / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
COUNTRIES_FILE = DATA_DIR / "countries.tsv"
VARIANTS_FILE = DATA_DIR / "place_variants.tsv"
#: World regions and seas (same columns as the variants file), loaded into the global layer.
WORLD_REGIONS_FILE = DATA_DIR / "world_regions.tsv"
COLUMNS = (
    "id",
    "name",
    "variants",
    "lat",
    "lon",
    "feature_type",
    "country",
    "admin1",
    "population",
    "geonames_id",
)
FILE_COLUMNS = COLUMNS + ("keys",)
#: World towns of at least this population are in the always-loaded global layer.
GLOBAL_MIN_POPULATION = 100_000
#: At most this many Latin-script variants (distinct keys) are kept per place.
MAX_VARIANTS = 24
#: WOF placetypes kept by :func:`import_wof`.
WOF_PLACETYPES = frozenset(
    "locality localadmin county region neighbourhood borough macroregion country campus".split()
)
#: Importance of a first-level region: above towns of fewer than 100,000 people (a bare
#: "California" or "Tennessee" is the state, not a village of that name elsewhere).
REGION_IMPORTANCE = 8.2
#: Feature-type rank used as an importance prior (higher = more important).
FEATURE_RANK = {
    "continent": 6,
    "country": 6,
    "macroregion": 5,
    "region": 5,
    "county": 3,
    "locality": 3,
    "localadmin": 2,
    "borough": 2,
    "neighbourhood": 1,
    "campus": 1,
}

# --------------------------------------------------------------------------- normalise

_MARKS = str.maketrans("", "", "'’`ʼ‘ʿʾ´ʻ′")
_ARTICLES = frozenset("al el ad as ar an at az ash ed es ez ul il".split())
_NON_WORD = re.compile(r"[^a-z0-9]+")
#: Ordered substitutions applied to one token (after unidecode + casefold): first the plain
#: replacements (``str.replace``: the same as a literal pattern, faster), then the patterns.
_TOKEN_REPLACE: tuple[tuple[str, str], ...] = (
    ("sch", "s"), ("sh", "s"), ("ch", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"),
    ("dj", "j"), ("q", "k"), ("ck", "k"),
)
_TOKEN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"([a-z])\1+", r"\1"),  # doubled letters
        (r"(?<=[aeiou])w(?![aeiou])", "u"),  # aw/ow -> au/ou (Zawr ~ Zour)
        (r"ei|ey|ai|ay", "@"),  # diphthong ai
        (r"ou|oo|au|ow|o", "u"),
        (r"ee|ii|ie|e", "i"),
        (r"(?<=[aiu@])y(?![aiu@])", "i"),
        (r"@", "ai"),
        (r"([a-z])\1+", r"\1"),
    )
)
_FINAL = re.compile(r"(?<=[a-z]{2})(?:[aiu]+h?|h)$")


@functools.lru_cache(maxsize=200_000)
def _fold_token(tok: str) -> str:
    for a, b in _TOKEN_REPLACE:
        tok = tok.replace(a, b)
    for pat, rep in _TOKEN_RULES:
        tok = pat.sub(rep, tok)
    if len(tok) > 3:
        tok = _FINAL.sub("", tok)
    return tok


def _ascii(text: str) -> str:
    return unidecode(text.translate(_MARKS)).translate(_MARKS).casefold()


_ACRONYM = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]\.){2,}")


def tokens(name: str) -> list[str]:
    """Folded tokens of ``name`` (articles dropped unless nothing else is left)."""
    name = _ACRONYM.sub(lambda m: m.group().replace(".", ""), name)
    raw = [t for t in _NON_WORD.split(_ascii(name)) if t]
    kept = [t for t in raw if t not in _ARTICLES] or raw
    return [_fold_token(t) for t in kept]


@functools.lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Transliteration-aware match key of a place name.

    Casefolds, strips diacritics and ayn/hamza marks, drops Arabic article prefixes
    (al-, el-, ad-, az-, ...) and folds spelling variants (sh/ch/kh, ou/u, ei/ai/ay,
    e/i, doubled letters, final -a/-ah/-i, q/k, ...):
    ``normalize("Deir ez-Zor") == normalize("Dayr az Zawr")``.
    """
    return " ".join(tokens(name))


@functools.lru_cache(maxsize=200_000)
def simple_key(name: str) -> str:
    """A light key (diacritics, case, marks and punctuation only) for exact-form checks."""
    return " ".join(t for t in _NON_WORD.split(_ascii(name)) if t)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is in the Latin script."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in text)


# --------------------------------------------------------------------------- entries

_DIVISIONS = frozenset({"region", "macroregion", "county", "localadmin"})
#: Feature types in no one country: continents, world regions ("Middle East") and seas,
#: gulfs, straits and lakes ("Red Sea", "Lake Chad").
SUPRANATIONAL = frozenset({"continent", "world_region", "water"})
_DESIGNATOR = re.compile(
    r"\s+(?:governorate|province|region|district|oblast|raion|rayon|state|department|"
    r"prefecture|county|parish|borough|municipality|sub-?district|nahiya|mohafazat)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: str
    name: str
    variants: tuple[str, ...]
    lat: float
    lon: float
    feature_type: str
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonames_id: int | None = None
    layer: str = "country"
    keys: tuple[str, ...] = ()

    def match_keys(self) -> tuple[str, ...]:
        """Normalised keys of all names (stored, else computed)."""
        return self.keys or tuple(sorted({k for k in (normalize(n) for n in self.names()) if k}))

    @property
    def importance(self) -> float:
        """Prior importance from feature type and population (roughly 0..12).

        Countries rank above everything; regions get a nearly flat rank so that a bare name
        shared by a region and its capital city goes to the city (news usage: "Aleppo"), with a
        little more for every tenfold beyond a million people: a province of 13 million outranks
        a city of 171,000 abroad ("Ontario" in a story naming Quebec City and Denver).
        """
        if self.feature_type == "country" or self.feature_type in SUPRANATIONAL:
            return 12.0
        if self.feature_type in ("region", "macroregion"):
            return REGION_IMPORTANCE + 0.5 * max(0.0, math.log10(self.population + 1) - 6)
        return FEATURE_RANK.get(self.feature_type, 1) + math.log10(self.population + 1)

    def names(self) -> tuple[str, ...]:
        """Name, variants and, for divisions, the forms without "Governorate"/"Province"/..."""
        out = (self.name, *self.variants)
        if self.feature_type in _DIVISIONS:
            extra = tuple(
                x for x in (_DESIGNATOR.sub("", n).strip() for n in out) if x and x not in out
            )
            out = out + extra
        return out


class _Row(BaseModel):
    """Validation model of one gazetteer row."""

    id: str
    name: str
    variants: str = ""
    lat: float
    lon: float
    feature_type: str
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonames_id: int | None = None

    @field_validator("lat")
    @classmethod
    def _lat(cls, v: float) -> float:
        if not -90 <= v <= 90:
            raise ValueError("latitude out of range")
        return v

    @field_validator("lon")
    @classmethod
    def _lon(cls, v: float) -> float:
        if not -180 <= v <= 180:
            raise ValueError("longitude out of range")
        return v

    @field_validator("id", "name")
    @classmethod
    def _nonempty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("empty")
        return v


def _row_to_entry(row: dict[str, str], layer: str, default_country: str | None) -> Entry:
    clean = {k: (v if v != "" else None) for k, v in row.items() if k in COLUMNS}
    clean["variants"] = row.get("variants") or ""
    if clean.get("population") is None:
        clean["population"] = 0
    r = _Row(**clean)
    return Entry(
        id=r.id,
        name=r.name,
        variants=tuple(v for v in r.variants.split("|") if v),
        lat=r.lat,
        lon=r.lon,
        feature_type=r.feature_type,
        country=(r.country or default_country),
        admin1=r.admin1,
        population=r.population,
        geonames_id=r.geonames_id,
        layer=layer,
    )


def _fmt(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.5f}".rstrip("0").rstrip(".")
    return str(v).replace("\t", " ").replace("\n", " ")


def _columns(e: Entry, keys: Sequence[str]) -> list[str]:
    """An entry as the columns of a stored line (:data:`FILE_COLUMNS`)."""
    vals = (
        e.id, e.name, "|".join(e.variants), e.lat, e.lon, e.feature_type,
        e.country, e.admin1, e.population or "", e.geonames_id, "|".join(keys),
    )
    return [_fmt(v) for v in vals]


def write_gazetteer(
    entries: Iterable[Entry], path: Path, *, country: str, source: str, commit: str = "unknown"
) -> Path:
    """Write ``entries`` as a versioned gzip TSV gazetteer file; return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    built = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows = sorted(entries, key=lambda e: (e.country or "", e.id))
    buf = io.StringIO()
    buf.write(
        f"#warwire-gazetteer {FORMAT_VERSION} country={country} source={source} "
        f"commit={commit} built={built} norm={NORM_VERSION}\n"
    )
    buf.write("#" + "\t".join(FILE_COLUMNS) + "\n")
    for e in rows:
        buf.write("\t".join(_columns(e, e.match_keys())) + "\n")
    # mtime=0 keeps the bytes reproducible for identical content
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    log.info("wrote %d entries to %s", len(rows), path)
    return path


def read_header(path: Path) -> dict[str, str]:
    """Parse the ``#warwire-gazetteer`` first line of a gazetteer file."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            first = fh.readline()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read gazetteer file ({exc})") from exc
    parts = first.strip().split()
    if not parts or parts[0] != "#warwire-gazetteer":
        raise DataError(f"{path}: not a warwire gazetteer file (bad first line)")
    if len(parts) < 2 or parts[1] != str(FORMAT_VERSION):
        raise DataError(f"{path}: unsupported gazetteer format version {parts[1:2]}")
    return dict(p.split("=", 1) for p in parts[2:] if "=" in p)


def _bad(path: Path, lineno: int, ident: str, msg: str) -> DataError:
    return DataError(f"{path}:{lineno} entry {ident!r}: {msg}")


#: the word a division's name may end with ("Deir ez-Zor Governorate", "Kherson Oblast")
_DIVISION_SUFFIX = re.compile(r"^(.+?)\s+(?:governorate|province|region|oblast|state|prefecture|department|"
                              r"division|wilaya|vilayet)$", re.I)


def bare_division_names(names: Iterable[str]) -> tuple[str, ...]:
    """A first-level division's names without the word for its kind that only some spellings
    carry ("Deir ez-Zor Governorate" -> "Deir ez-Zor"), where no spelling has it bare already:
    a text writes "Deir ez-Zor province" or "(Al Mayadin, Deir ez-Zor)"."""
    have = {normalize(n) for n in names}
    out = []
    for n in names:
        m = _DIVISION_SUFFIX.match(n.strip())
        if m and m.group(1).isascii() and normalize(m.group(1)) not in have:
            have.add(normalize(m.group(1)))
            out.append(m.group(1))
    return tuple(out)


def named_with_kind(key: str, names: Iterable[str]) -> bool:
    """Is ``key`` (normalised) one of ``names`` without the word for its kind ("Deir ez-Zor"
    of "Deir ez-Zor Governorate")?"""
    return any((m := _DIVISION_SUFFIX.match(n.strip())) and normalize(m.group(1)) == key for n in names)


def _with_bare_names(e: Entry) -> Entry:
    """``e``, a division, with its bare names (see :func:`bare_division_names`) as variants."""
    if e.feature_type != "region" or not (bare := bare_division_names(e.names())):
        return e
    merged = replace(e, variants=e.variants + bare, keys=())
    return replace(merged, keys=merged.match_keys())


def read_gazetteer(path: Path, layer: str = "country") -> list[Entry]:
    """Load one gazetteer file; raises DataError naming the file and entry on bad data."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: gazetteer file missing")
    header = read_header(path)
    default_country = header.get("country") if len(header.get("country", "")) == 2 else None
    stored_keys = header.get("norm") == str(NORM_VERSION)
    out: list[Entry] = []
    gc_was = gc.isenabled()
    gc.disable()  # many small objects, no cycles: the collector only costs time here
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            fh.readline()
            cols = fh.readline().lstrip("#").rstrip("\n").split("\t")
            if tuple(cols) != FILE_COLUMNS:
                raise DataError(f"{path}: unexpected columns {cols}")
            ncol = len(FILE_COLUMNS)
            for n, line in enumerate(fh):
                line = line.rstrip("\n")
                found = line.count("\t") + 1
                if found != ncol:
                    raise DataError(f"{path}:{n + 3}: expected {ncol} columns, found {found}")
                e = parse_row(line, path, n, default_country, layer)
                if not stored_keys or not e.keys:  # keys of another normalisation version
                    e = replace(e, keys=e.match_keys())
                out.append(e)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: corrupt gazetteer file ({exc})") from exc
    finally:
        if gc_was:
            gc.enable()
    return out


def read_variants_file(path: Path) -> list[Entry]:
    """Read a user/shipped variants TSV (``#`` comments, header row of :data:`COLUMNS`)."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: places file missing")
    out: list[Entry] = []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    missing = set(COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise DataError(f"{path}: missing columns {sorted(missing)}")
    for i, row in enumerate(reader, start=2):
        try:
            e = _row_to_entry(row, "user", None)
            out.append(replace(e, keys=e.match_keys()))
        except (ValidationError, TypeError) as exc:
            raise DataError(f"{path}: entry {i} {row.get('id')!r}: {exc}") from exc
    return out


# --------------------------------------------------------------------------- importers


def _latin_variants(name: str, candidates: Iterable[str]) -> tuple[str, ...]:
    seen = {normalize(name)}
    out: list[str] = []
    for v in candidates:
        if not isinstance(v, str):
            continue
        v = v.strip()
        if not v or len(v) > 80 or not is_latin(v):
            continue
        k = normalize(v)
        if k and k not in seen:
            seen.add(k)
            out.append(v)
            if len(out) >= MAX_VARIANTS:
                break
    return tuple(out)


def _to_int(v: object) -> int | None:
    try:
        i = int(float(v))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return i if i >= 0 else None


def _is_git_dir(p: Path) -> bool:
    return (p / "HEAD").is_file() and (p / "objects").is_dir()


def _git_commit(repo: Path) -> str:
    args = ["git", f"--git-dir={repo}"] if _is_git_dir(repo) else ["git", "-C", str(repo)]
    try:
        res = subprocess.run(args + ["rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    except OSError:
        return "unknown"
    return res.stdout.strip() if res.returncode == 0 else "unknown"


def _iter_wof_docs(repo: Path) -> Iterator[tuple[str, bytes]]:
    """Yield (path, bytes) of every non-alt GeoJSON under data/ of a clone or bare git dir."""
    data = repo / "data"
    if data.is_dir():
        for p in sorted(data.rglob("*.geojson")):
            if "-alt-" in p.name:
                continue
            try:
                yield str(p), p.read_bytes()
            except OSError as exc:
                log.warning("%s: cannot read (%s)", p, exc)
        return
    if not _is_git_dir(repo):
        raise DataError(f"{repo}: neither a WOF clone (no data/ folder) nor a git directory")
    ls = subprocess.run(
        ["git", f"--git-dir={repo}", "ls-tree", "-r", "HEAD", "data"],
        capture_output=True, text=True, check=True,
    )
    items = []
    for line in ls.stdout.splitlines():
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and path.endswith(".geojson") and "-alt-" not in path:
            items.append((parts[2], path))
    proc = subprocess.Popen(
        ["git", f"--git-dir={repo}", "cat-file", "--batch"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    assert proc.stdin and proc.stdout
    import threading

    def feed() -> None:
        for sha, _ in items:
            proc.stdin.write(sha.encode() + b"\n")  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]

    threading.Thread(target=feed, daemon=True).start()
    for _sha, path in items:
        head = proc.stdout.readline().split()
        if len(head) < 3 or head[1] == b"missing":
            log.warning("%s: blob missing in %s", path, repo)
            continue
        size = int(head[2])
        body = proc.stdout.read(size)
        proc.stdout.read(1)
        yield path, body
    proc.wait()


def _wof_record(path: str, raw: bytes) -> dict | None:
    try:
        doc = json.loads(raw)
        props = doc["properties"]
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("%s: unreadable GeoJSON (%s)", path, exc)
        return None
    if not isinstance(props, dict):
        return None
    pt = props.get("wof:placetype")
    if pt not in WOF_PLACETYPES:
        return None
    if props.get("mz:is_current") in (0, "0"):
        return None
    dep = props.get("edtf:deprecated")
    if dep not in (None, "", "uuuu"):
        return None
    if props.get("wof:superseded_by"):
        return None
    lat = props.get("lbl:latitude", props.get("geom:latitude"))
    lon = props.get("lbl:longitude", props.get("geom:longitude"))
    try:
        lat, lon = float(lat), float(lon)  # type: ignore[arg-type]
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError
    except (TypeError, ValueError):
        log.warning("%s: record %s has no usable coordinates, skipped", path, props.get("wof:id"))
        return None
    name = props.get("wof:name")
    if isinstance(name, str) and not is_latin(name):
        for key in ("name:eng_x_preferred", "name:eng_x_variant", "name:und_x_variant", "name:fra_x_preferred"):
            vals = [v for v in props.get(key) or [] if isinstance(v, str) and is_latin(v)]
            if vals:
                name = vals[0]
                break
    wid = props.get("wof:id")
    if not isinstance(name, str) or not name.strip() or wid is None:
        log.warning("%s: record without id or name, skipped", path)
        return None
    alts: list[str] = []
    # English and undetermined-language names first: they survive the variant cap
    name_keys = sorted(
        (k for k in props if k.startswith("name:")),
        key=lambda k: (not k.startswith("name:eng"), not k.startswith("name:und"), k),
    )
    for k in name_keys:
        v = props[k]
        if isinstance(v, list):
            alts.extend(x for x in v if isinstance(x, str))
    hier = props.get("wof:hierarchy") or [{}]
    region_id = hier[0].get("region_id") if isinstance(hier, list) and hier and isinstance(hier[0], dict) else None
    conc = props.get("wof:concordances") or {}
    pop = _to_int(props.get("wof:population")) or _to_int(props.get("gn:population")) or 0
    return {
        "id": int(wid),
        "name": name.strip(),
        "alts": alts,
        "lat": round(lat, 5),
        "lon": round(lon, 5),
        "placetype": pt,
        "country": props.get("wof:country") or props.get("iso:country"),
        "region_id": region_id,
        "population": pop,
        "gn": _to_int(conc.get("gn:id")) if isinstance(conc, dict) else None,
    }


def import_wof(repo_path: str | Path, out_dir: str | Path, country: str | None = None) -> Path:
    """Import a whosonfirst-data-admin-XX clone (or bare git dir) into ``out_dir/XX.tsv.gz``.

    Keeps current, non-deprecated, non-superseded records of :data:`WOF_PLACETYPES` with
    coordinates (label point, else centroid) and Latin-script name variants.  Bad records
    are logged and skipped.
    """
    repo = Path(repo_path)
    if not repo.exists():
        raise DataError(f"{repo}: no such WOF repository")
    recs: list[dict] = []
    seen = 0
    for path, raw in _iter_wof_docs(repo):
        seen += 1
        try:
            rec = _wof_record(path, raw)
        except Exception as exc:  # never crash on one bad record
            log.warning("%s: skipped (%s)", path, exc)
            continue
        if rec is not None:
            recs.append(rec)
    if country is None:
        counts = Counter(r["country"] for r in recs if r["country"])
        m = re.search(r"admin-([a-z]{2})", str(repo.resolve()))
        country = m.group(1).upper() if m else (counts.most_common(1)[0][0] if counts else "XX")
    country = country.upper()
    region_names = {r["id"]: r["name"] for r in recs if r["placetype"] == "region"}
    entries = []
    for r in recs:
        if r["country"] and r["country"].upper() not in (country, "XX", "XY", "XZ"):
            continue
        admin1 = r["name"] if r["placetype"] == "region" else region_names.get(r["region_id"])
        entries.append(
            Entry(
                id=f"wof:{r['id']}",
                name=r["name"],
                variants=_latin_variants(r["name"], r["alts"]),
                lat=r["lat"],
                lon=r["lon"],
                feature_type=r["placetype"],
                country=country,
                admin1=admin1,
                population=r["population"],
                geonames_id=r["gn"],
            )
        )
    log.info("WOF %s: %d files read, %d places kept", country, seen, len(entries))
    out = Path(out_dir) / f"{country}.tsv.gz"
    return write_gazetteer(entries, out, country=country, source="wof", commit=_git_commit(repo))


_GN_FEATURES = {
    "PCLI": "country", "PCLD": "country", "PCLIX": "country", "PCLS": "country", "PCLF": "country",
    "ADM1": "region", "ADM2": "county", "ADM3": "localadmin", "ADM4": "localadmin",
    "PPLX": "neighbourhood",
}
#: populated-place codes of places that no longer are: abandoned, historical, destroyed
_GN_GONE = frozenset({"PPLQ", "PPLH", "PPLW", "PPLCH"})
#: a GeoNames place this close (km) to a base-layer place of the same name is that place
SAME_PLACE_KM = 5.0
#: how far (km) the nearest base-layer place may lie to lend a GeoNames place its province
ADMIN1_KM = 60.0


def _read_geonames_rows(dump: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    with open(dump, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 19:
                log.warning("%s:%d: %d columns instead of 19, skipped", dump, lineno, len(parts))
                continue
            rows.append(parts)
    return rows


class _Grid:
    """Entries bucketed by whole degree, for nearest-neighbour look-ups."""

    def __init__(self, entries: Iterable[Entry]):
        self.cells: dict[tuple[int, int], list[Entry]] = defaultdict(list)
        for e in entries:
            self.cells[(math.floor(e.lat), math.floor(e.lon))].append(e)

    def near(self, lat: float, lon: float) -> Iterator[tuple[float, Entry]]:
        """(km, entry) of the entries in the 3x3 degree block around a point."""
        i, j = math.floor(lat), math.floor(lon)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for e in self.cells.get((i + di, j + dj), ()):
                    yield distance_km(lat, lon, e.lat, e.lon), e


def import_geonames(dump_path: str | Path, out_dir: str | Path, base: Sequence[Entry] | None = None) -> Path:
    """Import a GeoNames country dump (``XX.txt``, 19 tab-separated columns).

    Keeps populated places (class P, except abandoned or historical ones) and administrative
    divisions (class A).  When the country already has a village layer (``base``, by default
    the bundled ``XX.tsv.gz``), the import supplements it: divisions are left to the layer,
    places it already holds (same GeoNames id, or same name within :data:`SAME_PLACE_KM`)
    are skipped unless they tell a larger population (which look-up then lends to the layer's
    place), and each new place takes the province of its nearest layer place, so that both
    files name provinces alike.  Lines with the wrong column count or bad coordinates
    are logged and skipped.  Writes ``out_dir/XX-geonames.tsv.gz``.
    """
    dump = Path(dump_path)
    if not dump.is_file():
        raise DataError(f"{dump}: no such GeoNames dump")
    rows = _read_geonames_rows(dump)
    countries = Counter(p[8].upper() for p in rows if p[8])
    cc = countries.most_common(1)[0][0] if countries else dump.stem.upper()[:2]
    if base is None:
        bundled = GAZETTEER_DIR / f"{cc}.tsv.gz"
        base = read_gazetteer(bundled) if bundled.is_file() else []
    grid = _Grid(e for e in base if e.feature_type not in _DIVISIONS and e.feature_type != "country")
    known_pop = {e.geonames_id: e.population for e in base if e.geonames_id}
    admin1: dict[tuple[str, str], str] = {}
    for p in rows:
        if p[7] == "ADM1":
            admin1[(p[8], p[10])] = p[1]
    entries: list[Entry] = []
    skipped = 0
    for p in rows:
        fclass, fcode = p[6], p[7]
        if fclass not in ("P", "A") or fcode in _GN_GONE:
            continue
        if fclass == "A" and (fcode not in _GN_FEATURES or base):
            continue
        try:
            lat, lon = float(p[4]), float(p[5])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
            gid = int(p[0])
        except ValueError:
            log.warning("%s: record %r has no usable id/coordinates, skipped", dump, p[0])
            continue
        name = p[1].strip()
        if not name:
            log.warning("%s: record %s without a name, skipped", dump, gid)
            continue
        variants = _latin_variants(name, [p[2], *p[3].split(",")])
        province = name if fcode == "ADM1" else admin1.get((p[8], p[10]))
        population = _to_int(p[14]) or 0
        if base:
            keys = {normalize(n) for n in (name, *variants)} - {""}
            near = sorted(((km, e) for km, e in grid.near(lat, lon) if km <= ADMIN1_KM), key=lambda x: x[0])
            twins = [e.population for km, e in near if km <= SAME_PLACE_KM and keys & set(e.match_keys())]
            if gid in known_pop:
                twins.append(known_pop[gid])
            if twins and population <= max(twins):
                skipped += 1
                continue  # a twin that knows its population is kept: look-up lends it to the layer's place
            province = next((e.admin1 for _, e in near if e.admin1), None)
        entries.append(
            Entry(
                id=f"gn:{gid}",
                name=name,
                variants=variants,
                lat=round(lat, 5),
                lon=round(lon, 5),
                feature_type=_GN_FEATURES.get(fcode, "locality"),
                country=p[8].upper() or None,
                admin1=province,
                population=population,
                geonames_id=gid,
            )
        )
    log.info("GeoNames %s: %d lines, %d places kept, %d already in its village layer",
             cc, len(rows), len(entries), skipped)
    out = Path(out_dir) / f"{cc}-geonames.tsv.gz"
    # the dump's version: its newest modification date
    newest = max((p[18] for p in rows if len(p[18]) == 10), default="")
    return write_gazetteer(entries, out, country=cc or "XX", source="geonames",
                           commit=f"{dump.name}@{newest}" if newest else dump.name)


# --------------------------------------------------------------------------- countries


@dataclass(frozen=True, slots=True)
class Country:
    """One country of the global layer."""

    iso2: str
    iso3: str
    name: str
    lat: float
    lon: float
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


class _CountryRow(BaseModel):
    iso2: str
    iso3: str
    name: str
    lat: float
    lon: float
    names: str = ""
    demonyms: str = ""

    @field_validator("iso2")
    @classmethod
    def _iso2(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{2}", v):
            raise ValueError("iso2 must be two capital letters")
        return v


def load_countries(path: Path = COUNTRIES_FILE) -> dict[str, Country]:
    """Load the country table (``#`` comments, header row)."""
    if not Path(path).is_file():
        raise DataError(f"{path}: countries file missing")
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    out: dict[str, Country] = {}
    for i, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=1):
        try:
            r = _CountryRow(**{k: v for k, v in row.items() if k})
        except (ValidationError, TypeError) as exc:
            raise DataError(f"{path}: entry {i} {row.get('iso2')!r}: {exc}") from exc
        # "the US" -> "US": the article is not part of the name in running text
        split = lambda s: tuple(  # noqa: E731
            dict.fromkeys(re.sub(r"^the\s+", "", x.strip(), flags=re.I) for x in s.split("|") if x.strip())
        )
        out[r.iso2] = Country(r.iso2, r.iso3, r.name, r.lat, r.lon, split(r.names), split(r.demonyms))
    return out


# --------------------------------------------------------------------------- gazetteer


#: Words in the longest indexed key (longer names, about 1 in 10,000, are not matched in text).
MAX_KEY_WORDS = 8
#: Everything of a stored line up to its last tab (what is left is the ``keys`` column).
_BEFORE_KEYS = re.compile(r"^[^\n]*\t", re.M)
#: Parsed entries cached per layer (cleared when full; ~1.5 KB each; parsing one again costs
#: ~10 µs; 600 US local-news articles match ~16,000 entries of the US layer).
MAX_PARSED = 20_000


#: The shortest key an index holds: a one-letter name (such as "Y", a former name of Susitna
#: North, Alaska) would match every initial.
MIN_KEY_CHARS = 2


def usable_keys(keys: Iterable[str]) -> Iterator[str]:
    """The distinct keys an index holds: :data:`MIN_KEY_CHARS` letters or more, and shorter
    than :data:`MAX_KEY_WORDS` words."""
    for k in dict.fromkeys(keys):
        if len(k) >= MIN_KEY_CHARS and k.count(" ") < MAX_KEY_WORDS:
            yield k


class KeyIndex(Mapping[str, tuple[int, ...]]):
    """Normalised key -> entry indices of a :class:`Layer`, without a Python object per key.

    Keys are held as a sorted array of their 64-bit hashes with one integer each: the entry
    index shifted left by one, or (low bit set) the number of a list of entries, stored as
    ``multi[starts[n]:starts[n + 1]]``.  Many candidate strings are looked up at once with
    :meth:`match`; every hit is checked against the entry's stored keys, so a hash collision
    never makes a match.
    """

    def __init__(self, layer: Layer, hashes: np.ndarray, values: np.ndarray, multi: np.ndarray, starts: np.ndarray) -> None:
        self.layer = layer
        self.hashes = hashes
        self.values = values
        self.multi = multi
        self.starts = starts

    @classmethod
    def build(cls, layer: Layer, flat: tuple[list[str], np.ndarray] | None = None) -> KeyIndex:
        """The index of ``layer`` (from its :meth:`Layer.flat_keys`, when already read)."""
        keys, rows = flat if flat is not None else layer.flat_keys()
        h = np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))
        words = np.fromiter(map(str.count, keys, itertools.repeat(" ")), dtype=np.int64, count=len(keys))
        # as usable_keys
        ok = (words < MAX_KEY_WORDS) & (np.fromiter(map(len, keys), dtype=np.int64, count=len(keys)) >= MIN_KEY_CHARS)
        h, r = h[ok], rows[ok]
        order = np.argsort(h, kind="stable")  # entries of one key stay in file order
        h, r = h[order], r[order]
        uniq, first, counts = np.unique(h, return_index=True, return_counts=True)
        values = r[first] << 1
        shared = np.flatnonzero(counts > 1)
        values[shared] = (np.arange(len(shared), dtype=np.int64) << 1) | 1
        in_shared = np.repeat(counts > 1, counts)  # h is sorted: a key's rows are consecutive
        starts = np.zeros(len(shared) + 1, dtype=np.int64)
        np.cumsum(counts[shared], out=starts[1:])
        return cls(layer, uniq, values, r[in_shared].astype(np.int32), starts)

    def _decode(self, value: int) -> tuple[int, ...]:
        if value & 1:
            n = value >> 1
            return tuple(self.multi[self.starts[n] : self.starts[n + 1]].tolist())
        return (value >> 1,)

    def match(self, keys: Sequence[str], hashes: np.ndarray) -> list[tuple[int, tuple[int, ...]]]:
        """(position in ``keys``, entry indices) for each of ``keys`` (with their ``hashes``,
        int64) that is a key of this layer."""
        n = len(self.hashes)
        if not n or not len(hashes):
            return []
        pos = np.searchsorted(self.hashes, hashes)
        pos[pos == n] = 0
        out = []
        for k in np.flatnonzero(self.hashes[pos] == hashes).tolist():
            refs = self._decode(int(self.values[pos[k]]))
            if keys[k] in self.layer.keys(refs[0]):
                out.append((k, refs))
        return out

    def get(self, key: str, default=()):  # type: ignore[override]
        hit = self.match([key], np.array([hash(key)], dtype=np.int64))
        return hit[0][1] if hit else default

    def __getitem__(self, key: str) -> tuple[int, ...]:
        hit = self.get(key, None)
        if hit is None:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, None) is not None

    def __iter__(self) -> Iterator[str]:
        return usable_keys(self.layer.flat_keys()[0])

    def __len__(self) -> int:
        return len(self.hashes)


class Layer(Sequence[Entry]):
    """Entries of one country layer, kept as their stored UTF-8 lines and parsed on access.

    A layer holds one ``bytes`` block of its rows and an array of row offsets (no Python
    object per row), so a country with 130,000 places loads in well under a second and
    costs little more than its uncompressed file; an :class:`Entry` is built (and
    validated) when a match needs it, and only a few thousand are kept.  Its
    :meth:`key_index` is built from the precomputed ``keys`` column.  Bad values surface as
    :class:`DataError` naming the file and line.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._blob = b""
        self._offs = array("Q", [0])  # row i is _blob[_offs[i]:_offs[i + 1]] (with its "\n")
        self._srcs: list[tuple[int, Path, str | None]] = []  # (first row, file, default country)
        self._parsed: dict[int, Entry] = {}
        self._user: dict[int, Entry] = {}  # rows added as entries (no stored line)
        self._keys_override: dict[int, tuple[str, ...]] = {}
        self._extra: dict[int, tuple[str, ...]] = {}
        self._index: KeyIndex | None = None

    # -- building
    def add_file(self, path: Path, rows: list[str] | None = None, *, default_country: str | None = None) -> int:
        """Append the rows of one gazetteer file (all rows, or the given subset); return count."""
        path = Path(path)
        recompute = False
        if rows is None:
            header, rows = read_rows(path)
            c = header.get("country", "")
            default_country = c if len(c) == 2 else None
            recompute = header.get("norm") != str(NORM_VERSION)
        start = len(self)
        self._srcs.append((start, path, default_country))
        if rows:
            data = ("\n".join(rows) + "\n").encode()
            ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10) + (1 + len(self._blob))
            self._offs.frombytes(ends.astype(np.uint64).tobytes())
            self._blob += data
        if recompute:
            for i in range(start, len(self)):
                self._keys_override[i] = replace(self._parse(i), keys=()).match_keys()
        self._index = None
        return len(rows)

    def add_entry(self, e: Entry) -> None:
        """Append one parsed entry (user places)."""
        i = len(self)
        self._offs.append(self._offs[-1])
        self._user[i] = e
        self._keys_override[i] = e.keys or e.match_keys()
        self._index = None

    def add_variants(self, i: int, names: Iterable[str]) -> None:
        """Give entry ``i`` more spellings (user variants of an existing place)."""
        e = self[i]
        new = tuple(n for n in names if n not in e.names())
        if not new:
            return
        self._extra[i] = self._extra.get(i, ()) + new
        self._parsed.pop(i, None)
        keys = set(self.keys(i)) | {k for k in (normalize(n) for n in new) if k}
        self._keys_override[i] = tuple(sorted(keys))
        self._index = None

    # -- reading
    def __len__(self) -> int:
        return len(self._offs) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        e = self._parsed.get(i)
        if e is None:
            if len(self._parsed) >= MAX_PARSED:
                self._parsed.clear()
            e = self._parsed[i] = self._parse(i)
        return e

    def row(self, i: int) -> str | None:
        """The stored line of entry ``i`` (None for an entry added as such)."""
        if i in self._user:
            return None
        return self._blob[self._offs[i] : self._offs[i + 1] - 1].decode()

    def _source(self, i: int) -> tuple[Path, str | None]:
        src = self._srcs[0]
        for s in self._srcs:
            if s[0] > i:
                break
            src = s
        return src[1], src[2]

    def _parse(self, i: int) -> Entry:
        line = self.row(i)
        if line is None:
            e = self._user[i]
        else:
            path, cc = self._source(i)
            e = parse_row(line, path, i, cc, layer="country")
        extra = self._extra.get(i)
        if extra:
            e = replace(e, variants=e.variants + extra)
        keys = self._keys_override.get(i)
        return replace(e, keys=keys) if keys else e

    def keys(self, i: int) -> tuple[str, ...]:
        """Normalised match keys of entry ``i`` (without parsing the entry)."""
        k = self._keys_override.get(i)
        if k is not None:
            return k
        a, b = self._offs[i], self._offs[i + 1] - 1
        col = self._blob[self._blob.rfind(b"\t", a, b) + 1 : b].decode()
        return tuple(col.split("|")) if col else self[i].match_keys()

    def flat_keys(self) -> tuple[list[str], np.ndarray]:
        """Every match key of the layer and, aligned with it, the index of its entry."""
        cols = _BEFORE_KEYS.sub("", self._blob.decode()).split("\n")[:-1]
        for i in sorted(self._user):  # rows added as entries have no stored line
            cols.insert(i, "")
        for i in self._keys_override:
            cols[i] = "|".join(self._keys_override[i])
        for i, col in enumerate(cols):
            if not col:  # a row stored without keys
                cols[i] = "|".join(self.keys(i))
        keys = "|".join(cols).split("|") if cols else []
        counts = np.fromiter(map(str.count, cols, itertools.repeat("|")), dtype=np.int64, count=len(cols)) + 1
        return keys, np.repeat(np.arange(len(cols), dtype=np.int64), counts)

    def records(self) -> Iterator[list[str]]:
        """The stored columns (:data:`FILE_COLUMNS`) of every entry, read in bulk without
        building entries (for scans over a whole layer)."""
        lines = self._blob.decode().split("\n")
        n = 0
        for i in range(len(self)):
            if i in self._user:
                yield _columns(self._user[i], self.keys(i))
            else:
                yield lines[n].split("\t")
                n += 1

    def row_id(self, i: int) -> str:
        if i in self._user:
            return self._user[i].id
        a = self._offs[i]
        return self._blob[a : self._blob.find(b"\t", a)].decode()

    def find(self, ident: str) -> int | None:
        """Index of the entry with id ``ident`` (first occurrence), without an id table."""
        needle = ident.encode() + b"\t"
        pos = 0 if self._blob.startswith(needle) else self._blob.find(b"\n" + needle)
        if pos > 0:
            pos += 1
        if pos >= 0:
            i = bisect.bisect_right(self._offs, pos) - 1
            while i in self._user:  # rows without a line share their offset
                i -= 1
            return i
        return next((i for i, e in self._user.items() if e.id == ident), None)

    def ids(self) -> set[str]:
        """All entry ids (built on demand; not kept)."""
        return {self.row_id(i) for i in range(len(self))}

    def key_index(self, flat: tuple[list[str], np.ndarray] | None = None) -> KeyIndex:
        """Normalised key -> entry indices (built once per layer; from ``flat``, the layer's
        :meth:`flat_keys`, when the caller has read them)."""
        if self._index is None:
            self._index = KeyIndex.build(self, flat)
        return self._index


def read_rows(path: Path) -> tuple[dict[str, str], list[str]]:
    """Header and raw data lines of a gazetteer file (column count checked, values not parsed)."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: gazetteer file missing")
    header = read_header(path)
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read().decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: corrupt gazetteer file ({exc})") from exc
    lines = data.split("\n")
    cols = lines[1].lstrip("#").split("\t") if len(lines) > 1 else []
    if tuple(cols) != FILE_COLUMNS:
        raise DataError(f"{path}: unexpected columns {cols}")
    rows = lines[2:]
    if rows and rows[-1] == "":
        rows.pop()
    want = len(FILE_COLUMNS) - 1
    for n, line in enumerate(rows):
        if line.count("\t") != want:
            raise DataError(f"{path}:{n + 3}: expected {want + 1} columns, found {line.count(chr(9)) + 1}")
    return header, rows


def parse_row(line: str, path: Path, n: int, default_country: str | None, layer: str = "country") -> Entry:
    """Parse one stored data line (``n`` = 0-based data row) into an :class:`Entry`."""
    p = line.split("\t")
    lineno = n + 3
    if not p[0] or not p[1] or not p[5]:
        raise _bad(path, lineno, p[0], "id, name and feature_type are required")
    try:
        lat, lon = float(p[3]), float(p[4])
        pop = int(p[8]) if p[8] else 0
        gid = int(p[9]) if p[9] else None
    except ValueError as exc:
        raise _bad(path, lineno, p[0], str(exc)) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _bad(path, lineno, p[0], "coordinates out of range")
    return Entry(
        p[0], p[1], tuple(p[2].split("|")) if p[2] else (), lat, lon, p[5],
        p[6] or default_country, p[7] or None, pop, gid, layer,
        tuple(p[10].split("|")) if p[10] else (),
    )


@dataclass
class Gazetteer:
    """Tiered gazetteer with lazily loaded per-country layers."""

    data_dir: Path = GAZETTEER_DIR
    countries_file: Path = COUNTRIES_FILE
    variant_files: tuple[Path, ...] = ()
    extra_dirs: tuple[Path, ...] = ()
    _countries: dict[str, Country] | None = field(default=None, init=False, repr=False)
    _global: list[Entry] | None = field(default=None, init=False, repr=False)
    _layers: dict[str, Layer] = field(default_factory=dict, init=False, repr=False)
    _index: dict[str, dict[str, list[int]]] = field(default_factory=dict, init=False, repr=False)
    _user: list[Entry] | None = field(default=None, init=False, repr=False)
    _world: dict[str, Layer] | None = field(default=None, init=False, repr=False)
    _bundled: tuple[tuple[int, ...], list[str]] | None = field(default=None, init=False, repr=False)

    # -- tables
    @property
    def countries(self) -> dict[str, Country]:
        if self._countries is None:
            self._countries = load_countries(self.countries_file)
        return self._countries

    def user_entries(self) -> list[Entry]:
        if self._user is None:
            out: list[Entry] = []
            for f in self.variant_files:
                out.extend(read_variants_file(f))
            self._user = out
        return self._user

    def _merge_user(self, entries: list[Entry], keep: callable) -> list[Entry]:  # type: ignore[valid-type]
        by_id = {e.id: i for i, e in enumerate(entries)}
        for u in self.user_entries():
            if u.id in by_id:
                i = by_id[u.id]
                e = entries[i]
                extra = tuple(v for v in (u.name, *u.variants) if v not in e.names())
                merged = replace(e, variants=e.variants + extra, keys=())
                entries[i] = replace(merged, keys=merged.match_keys())
            elif keep(u):
                entries.append(replace(u, layer="user"))
                by_id[u.id] = len(entries) - 1
        return entries

    def _merge_user_layer(self, lay: Layer, cc: str) -> Layer:
        for u in self.user_entries():
            if u.feature_type in SUPRANATIONAL:
                continue  # a global-layer place: looking its id up would scan the whole layer
            i = lay.find(u.id)
            if i is not None:
                lay.add_variants(i, (u.name, *u.variants))
            elif (u.country or "").upper() == cc and u.feature_type != "country":
                lay.add_entry(replace(u, layer="user"))
        return lay

    def world_cities(self) -> dict[str, Layer]:
        """GeoNames towns by country (lazily parsed rows of world-cities.tsv.gz, towns of 5,000+
        people, and world-towns.tsv.gz, the smaller ones of countries without a village layer)."""
        if self._world is None:
            out: dict[str, Layer] = {}
            for name in ("world-cities.tsv.gz", "world-towns.tsv.gz"):
                path = self.data_dir / name
                by_cc: dict[str, list[str]] = defaultdict(list)
                if path.is_file():
                    _header, rows = read_rows(path)
                    for line in rows:
                        p = line.split("\t", 7)
                        by_cc[p[6]].append(line)
                else:
                    log.warning("%s missing: no world towns layer", path)
                for cc, rows in by_cc.items():
                    lay = out.setdefault(cc, Layer(f"world:{cc}"))
                    lay.add_file(path, rows, default_country=cc or None)
            self._world = out
        return self._world

    def global_entries(self) -> list[Entry]:
        """Countries, regions, the village layers' towns of 10,000+ people and world cities of
        100,000+ people."""
        if self._global is None:
            out: list[Entry] = []
            for c in self.countries.values():
                out.append(
                    Entry(
                        id=f"country:{c.iso2}", name=c.name, variants=c.names, lat=c.lat,
                        lon=c.lon, feature_type="country", country=c.iso2, population=0,
                        layer="global",
                    )
                )
            for fname in ("regions.tsv.gz", "world-regions.tsv.gz", "towns.tsv.gz"):
                path = self.data_dir / fname
                if path.is_file():
                    out.extend(
                        _with_bare_names(e) for e in read_gazetteer(path, layer="global") if e.feature_type != "country"
                    )
            for lay in self.world_cities().values():
                for i in range(len(lay)):
                    line = lay.row(i)
                    if line is None:
                        continue
                    p = line.split("\t", 10)
                    if p[5] == "region" or (p[8] and int(p[8]) >= GLOBAL_MIN_POPULATION):
                        out.append(replace(lay[i], layer="global"))
            self._global = self._merge_user(
                out, lambda u: u.feature_type in ("country", "region") or u.feature_type in SUPRANATIONAL
            )
        return self._global

    def bundled_countries(self) -> list[str]:
        """ISO2 codes that have a village layer file (re-listed when a data folder changes)."""
        dirs = [d for d in (self.data_dir, *self.extra_dirs) if d.is_dir()]
        stamp = tuple(d.stat().st_mtime_ns for d in dirs)
        if self._bundled is None or self._bundled[0] != stamp:
            names = {p.name[:2] for d in dirs for p in d.glob("??*.tsv.gz")
                     if re.fullmatch(r"[A-Z]{2}(-[a-z]+)?\.tsv\.gz", p.name)}
            self._bundled = (stamp, sorted(names))
        return list(self._bundled[1])

    def layer(self, country: str) -> Layer:
        """Entries of one country's layer (village layer, else world towns), loaded once."""
        cc = country.upper()
        lay = self._layers.get(cc)
        if lay is not None:
            return lay
        files: list[Path] = []
        for d in (self.data_dir, *self.extra_dirs):
            if d.is_dir():
                files += sorted(d.glob(f"{cc}.tsv.gz")) + sorted(d.glob(f"{cc}-*.tsv.gz"))
        lay = Layer(cc)
        for f in files:
            try:
                header, rows = read_rows(f)
            except DataError as exc:
                if f.parent == self.data_dir:
                    raise
                log.warning("skipping user gazetteer file: %s", exc)
                continue
            if len(lay):
                seen = lay.ids()
                rows = [r for r in rows if r[: r.find("\t")] not in seen]
            c = header.get("country", "")
            if header.get("norm") != str(NORM_VERSION):
                lay.add_file(f)  # keys are recomputed
            else:
                lay.add_file(f, rows, default_country=c if len(c) == 2 else None)
        if not files:
            world = self.world_cities().get(cc)
            if world is not None:
                lay = world
        self._layers[cc] = self._merge_user_layer(lay, cc)
        log.debug("loaded %d entries for %s", len(lay), cc)
        return lay

    def forget(self, country: str) -> None:
        """Drop a loaded country layer (it is reloaded on next use)."""
        self._layers.pop(country.upper(), None)
        self._index.pop(country.upper(), None)

    def _key_index(self, layer_name: str, entries: Sequence[Entry]) -> Mapping[str, Sequence[int]]:
        if isinstance(entries, Layer):
            return entries.key_index()
        idx = self._index.get(layer_name)
        if idx is None:
            idx = defaultdict(list)
            for i, e in enumerate(entries):
                for k in e.match_keys():
                    idx[k].append(i)
            self._index[layer_name] = idx = dict(idx)
        return idx

    def lookup(self, key: str, countries: Iterable[str] = ()) -> list[Entry]:
        """Entries whose normalised name equals ``key`` in the global and given layers."""
        out = [self.global_entries()[i] for i in self._key_index("", self.global_entries()).get(key, ())]
        for cc in countries:
            lay = self.layer(cc)
            out.extend(lay[i] for i in self._key_index(cc.upper(), lay).get(key, ()))
        return out

    def search(self, name: str, country: str | None = None, limit: int = 20) -> list[Entry]:
        """Places named like ``name`` (exact key first, then fuzzy), most important first."""
        key = normalize(name)
        ccs = [country.upper()] if country else self.bundled_countries()
        hits = self.lookup(key, ccs)
        if country:
            hits = [e for e in hits if e.country == country.upper()]
        seen = {e.id for e in hits}
        if len(hits) < limit:
            from rapidfuzz import fuzz, process

            keys = list(self._key_index("", self.global_entries()))
            pools = [("", keys)] + [(cc, list(self._key_index(cc, self.layer(cc)))) for cc in ccs]
            for lname, ks in pools:
                lay = self.global_entries() if lname == "" else self.layer(lname)
                idx = self._key_index(lname, lay)
                for k, score, _ in process.extract(key, ks, scorer=fuzz.ratio, limit=limit, score_cutoff=80):
                    for i in idx[k]:
                        e = lay[i]
                        if e.id not in seen and (not country or e.country == country.upper()):
                            seen.add(e.id)
                            hits.append(e)
        exact = [e for e in hits if normalize(e.name) == key or key in {normalize(v) for v in e.variants}]
        exact_ids = {e.id for e in exact}
        rest = [e for e in hits if e.id not in exact_ids]
        light = simple_key(name)

        divisions = [e for e in exact if e.feature_type in _DIVISIONS]

        def rank(e: Entry) -> tuple:
            spelled = light in (simple_key(e.name), simple_key(_DESIGNATOR.sub("", e.name)))
            # a bare name is the country; else the town that seats the district named after it
            # ("Wajir", "Garissa"), then the district, then namesake villages elsewhere
            if e.feature_type == "country" or e.feature_type in SUPRANATIONAL:
                kind = 0
            elif e.feature_type in _DIVISIONS:
                kind = 2
            elif not divisions or any(distance_km(e.lat, e.lon, d.lat, d.lon) < 100 for d in divisions):
                kind = 1
            else:
                kind = 3
            return (not spelled, kind, -e.importance)

        exact.sort(key=rank)
        return (exact + rest)[:limit]


def user_dir() -> Path:
    """Folder for the user's imported gazetteer files (``WARWIRE_GAZETTEER_DIR`` overrides).

    Files there (``XX.tsv.gz``, ``XX-geonames.tsv.gz``) are loaded in addition to the bundled
    ones for country XX.
    """
    env = os.environ.get("WARWIRE_GAZETTEER_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("warwire")) / "gazetteer"


def _variant_files() -> tuple[Path, ...]:
    files = [f for f in (WORLD_REGIONS_FILE, VARIANTS_FILE) if f.is_file()]
    user = os.environ.get("WARWIRE_PLACES_FILE")
    if user:
        files.append(Path(user))
    return tuple(files)


@functools.lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The process-wide gazetteer over the bundled data (plus ``WARWIRE_PLACES_FILE``)."""
    return Gazetteer(variant_files=_variant_files(), extra_dirs=(user_dir(),))


def search(name: str, country: str | None = None, limit: int = 20) -> list[Entry]:
    """Search the default gazetteer (for ``warwire gazetteer search``)."""
    return default().search(name, country=country, limit=limit)


#: Mean Earth radius (IUGG), for great-circle distances.
EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
