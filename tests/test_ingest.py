"""Ingest: cleaning, title and origin detection, decoding, size limits, HTML and JSON Lines."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from warwire import ingest
from warwire.errors import DataError, FetchRefused, InputError

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE = SAMPLES / "khan-shaikhoun-2019-08-20.txt"
needs_sample = pytest.mark.skipif(
    not SAMPLE.exists(), reason=f"sample article not available at {SAMPLE} (../shared absent)"
)


# ---------------------------------------------------------------------------------------------
# The reference sample
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    if not SAMPLE.exists():
        pytest.skip(f"sample article not available at {SAMPLE} (../shared absent)")
    return ingest.from_path(SAMPLE, published=dt.date(2019, 8, 20))


@needs_sample
def test_sample_body_is_clean(sample) -> None:
    assert "Filed under" not in sample.text
    assert "[Omar Haj Kadour/AFP]" not in sample.text
    assert "Smoke billows" not in sample.text
    assert sample.text.startswith("Syrian opposition fighters have withdrawn from a key town")
    assert sample.text.endswith("forced to wait all the way near the border for now.”")
    # the repeated headline / republisher header is gone, the subheading and quotes are kept
    assert "Rebels withdraw" not in sample.text
    assert "\n\nTurkish convoy ‘stuck’\n\n" in sample.text
    assert "\u00a0" not in sample.text and "  " not in sample.text
    assert sample.text.count("\n\n") == 20  # 21 body paragraphs
    assert "\n\n\n" not in sample.text


@needs_sample
def test_sample_metadata(sample) -> None:
    assert sample.title == "Syria's war: Rebels withdraw from Idlib's Khan Shaikhoun"
    assert sample.captions == [
        "Smoke billows above buildings during a reported air attack by pro-regime forces on "
        "Khan Sheikhoun in Syria’s Idlib province on Monday [Omar Haj Kadour/AFP]"
    ]
    assert sample.original_source == "Al Jazeera"
    assert sample.republished is True
    assert sample.language == "en" and sample.status == "ok"
    assert sample.published == dt.date(2019, 8, 20)
    assert any(r.startswith("Filed under:") for r in sample.removed)
    assert len(sample.content_hash) == 64 and sample.id == sample.content_hash[:16]


@needs_sample
def test_sample_republisher_named_when_source_known() -> None:
    art = ingest.from_text(SAMPLE.read_text(encoding="utf-8"), source="Hiiraan Online", id="a1")
    assert art.id == "a1"
    assert art.republished and art.original_source == "Al Jazeera"
    assert art.republisher == "Hiiraan Online"


# ---------------------------------------------------------------------------------------------
# Cleaning
# ---------------------------------------------------------------------------------------------


def test_share_and_other_boilerplate_removed() -> None:
    raw = (
        "Share this article\n\nGovernment forces shelled the village of Kafr Nabl on Sunday, "
        "killing four civilians, rescuers said.\n\nShare on Facebook\nTweet\nWhatsApp\n"
        "Advertisement\n\nRead more: Idlib offensive enters third month\n\n"
        "Related: Who controls what in Syria?\n\nSubscribe to our newsletter\n\n"
        "Follow us on Twitter\n\nClick here to download our app\n\n"
        "We use cookies to improve your experience on our website.\n\n"
        "The strikes hit a market and a school, the monitor added.\n\n"
        "Copyright 2019 Some Outlet. All rights reserved."
    )
    cleaned = ingest.clean_text(raw)
    assert cleaned.body == (
        "Government forces shelled the village of Kafr Nabl on Sunday, killing four civilians, "
        "rescuers said.\n\nThe strikes hit a market and a school, the monitor added."
    )
    assert "Share on Facebook" in cleaned.removed and "Tweet" in cleaned.removed
    assert len(cleaned.removed) == 12


def test_real_sentences_survive_boilerplate_rules() -> None:
    raw = (
        "By Monday, troops had pushed into the town.\n\n"
        "Read the statement, he said, and you will see who fired first.\n\n"
        "The cease-fire was shared on the radio.\n\n"
        "Share prices in Damascus fell after the strike, traders said."
    )
    assert ingest.clean_text(raw).body == raw


def test_caption_styles() -> None:
    raw = (
        "Headline about a strike\n\n"
        "A man inspects the rubble of a destroyed house in Douma [File: Reuters]\n"
        "Fighters gather near the front line. REUTERS/Khalil Ashawi\n"
        "Displaced families at a camp (Photo: AFP)\n\n"
        "An air strike killed five people in the town of Ariha on Friday, a monitor said."
    )
    cleaned = ingest.clean_text(raw)
    assert cleaned.title_guess == "Headline about a strike"
    assert len(cleaned.captions) == 3
    assert cleaned.body == (
        "An air strike killed five people in the town of Ariha on Friday, a monitor said."
    )


def test_normalisation_and_paragraphs() -> None:
    raw = "First\u00a0paragraph   has\tspaces\u200b.\r\n\r\n\r\nSecond paragraph.\rThird line."
    cleaned = ingest.clean_text(raw)
    assert cleaned.body == "First paragraph has spaces.\n\nSecond paragraph.\n\nThird line."


def test_hard_wrapped_text_is_joined() -> None:
    raw = (
        "Government forces and their allies pressed on with the offensive\n"
        "in the south of the province on Wednesday, taking two villages\n"
        "after heavy bombardment overnight, according to a war monitor.\n\n"
        "Rebels said they had repelled the attack."
    )
    body = ingest.clean_text(raw).body
    assert body.split("\n\n")[0] == (
        "Government forces and their allies pressed on with the offensive in the south of the "
        "province on Wednesday, taking two villages after heavy bombardment overnight, "
        "according to a war monitor."
    )


def test_known_title_and_republisher_header_dropped() -> None:
    raw = (
        "Clashes erupt in Tripoli\n\n"
        "Clashes erupt in Tripoli Fighting between rival militias killed six people overnight.\n\n"
        "Fighting between rival militias in the Libyan capital killed six people overnight, "
        "the health ministry said."
    )
    art = ingest.from_text(raw, title="Clashes erupt in Tripoli")
    assert art.title == "Clashes erupt in Tripoli"
    assert art.text.startswith("Fighting between rival militias in the Libyan capital")
    assert "Clashes erupt" not in art.text


def test_first_sentence_is_not_taken_as_title() -> None:
    raw = "Gunmen killed three soldiers in Borno state on Monday.\n\nThe army confirmed the attack."
    art = ingest.from_text(raw)
    assert art.title is None
    assert art.text == raw


# ---------------------------------------------------------------------------------------------
# Original source
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIRUT (Reuters) - Syrian government forces advanced on Tuesday.", "Reuters"),
        ("KABUL (AP) — A bomb exploded in the capital.", "AP"),
        (
            "A bomb exploded.\n\nThis article was originally published by Middle East Eye.",
            "Middle East Eye",
        ),
        ("Troops advanced.\n\nSource: Anadolu Agency", "Anadolu Agency"),
        ("Shelling hit the town, AFP reports. Residents fled, AFP reported.", "AFP"),
        (
            "One resident told Al Jazeera the town was empty. Another told Al Jazeera the same.",
            "Al Jazeera",
        ),
        # a single "told X" is a citation of another outlet, not this report's origin
        ("An official told Reuters last week that talks had stalled.", None),
        ("Gunmen attacked a checkpoint, police said.", None),
        ("The strike hit at dawn, the Daily Nation's own correspondent said.", "Daily Nation"),
    ],
)
def test_detect_original_source(text: str, expected: str | None) -> None:
    assert ingest.detect_original_source(text) == expected


def test_photo_credit_is_not_an_origin() -> None:
    text = "Smoke rises over the town [Omar Haj Kadour/AFP]\n\nFighting continued, a monitor said."
    assert ingest.detect_original_source(text) is None


def test_a_plain_text_byline_date_is_the_publication_date() -> None:
    text = ("Sudan's RSF seizes army base in El Fasher\n\nPublished on 12 June 2024\n\n"
            "The Rapid Support Forces said on Wednesday it had taken control of an army base.")
    art = ingest.from_text(text)
    assert art.published == dt.date(2024, 6, 12)
    # the caller's date wins; a date in a sentence or without its year is no byline
    assert ingest.from_text(text, published="2024-06-13").published == dt.date(2024, 6, 13)
    assert ingest.from_text("Officials said he published on 3 May 2020 a report on the raid.").published is None
    assert ingest.from_text("Updated 3 May\n\nA bomb exploded in Kabul.").published is None


def test_republished_when_source_differs() -> None:
    art = ingest.from_text("DAMASCUS (Reuters) - Air strikes hit Idlib.", source="Garowe Online")
    assert art.original_source == "Reuters"
    assert art.republished and art.republisher == "Garowe Online"
    own = ingest.from_text("DAMASCUS (Reuters) - Air strikes hit Idlib.", source="reuters.com")
    assert own.original_source == "Reuters" and own.republished is False and own.republisher is None


# ---------------------------------------------------------------------------------------------
# Bad input, decoding, limits
# ---------------------------------------------------------------------------------------------


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t \r\n  \n")
    for path in (empty, blank):
        with pytest.raises(InputError, match="^empty input$"):
            ingest.from_path(path)
    with pytest.raises(InputError, match="^empty input$"):
        ingest.from_text("   \n ")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest.from_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        ingest.from_path(tmp_path)


def test_binary_input_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(300)
    with pytest.raises(InputError, match="^binary input: "):
        ingest.from_bytes(png)
    path = tmp_path / "image.png"
    path.write_bytes(png)
    with pytest.raises(InputError, match="binary input"):
        ingest.from_path(path)
    controls = bytes(range(1, 9)) * 100 + b"some text"
    with pytest.raises(InputError, match="control characters"):
        ingest.from_bytes(controls)


def test_fifty_megabyte_file_refused_fast(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    start = time.monotonic()
    expected = r"^input too large: 52,428,800 bytes \(limit 20,000,000\)$"
    with pytest.raises(InputError, match=expected):
        ingest.from_path(big)
    assert time.monotonic() - start < 0.5


def test_text_over_char_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_TEXT_CHARS", 100)
    with pytest.raises(InputError, match="input too large: 101 characters"):
        ingest.from_text("a" * 101)


def test_latin1_decodes() -> None:
    art = ingest.from_bytes("Alep est tombée".encode("latin-1"))
    assert art.text == "Alep est tombée"


def test_utf8_bom_and_utf16_decode() -> None:
    text = "Gunmen killed two people in Mogadishu’s Hodan district, police said."
    assert ingest.from_bytes(b"\xef\xbb\xbf" + text.encode()).text == text
    assert ingest.from_bytes(text.encode("utf-16")).text == text


def test_french_is_unsupported_not_an_error() -> None:
    art = ingest.from_text(
        "Les forces gouvernementales syriennes ont repris mardi la ville de Khan Cheikhoun, "
        "après le retrait des rebelles, selon l'Observatoire syrien des droits de l'homme."
    )
    assert art.language == "fr"
    assert art.status == "unsupported_language"
    assert art.text.startswith("Les forces gouvernementales")


@pytest.mark.parametrize("headline", ["Samburu raiders kill civilians", "Police battle Mungiki sect",
                                      "Al Shabaab members kill three Kenyan soldiers",
                                      "Police and military battle Al Shabaab militants; three militants killed",
                                      "Kalenjin youths attack and kill 6 Kikuyu people. Post-election ethnic violence"])
def test_a_headline_of_names_is_not_read_as_another_language(headline) -> None:
    # the classifier's best guesses here are Nigerian Pidgin and Luganda, at 16-47 %
    art = ingest.from_text(headline)
    assert art.status == "ok", art.language


def test_short_foreign_sentences_are_still_told_apart() -> None:
    assert ingest.from_text("Повстанцы убили пять мирных жителей").status == "unsupported_language"
    assert ingest.from_text("Mapigano yamezuka kati ya polisi na wanamgambo").language == "sw"


def test_only_boilerplate_gives_no_text() -> None:
    art = ingest.from_text("Share this article\n\nAdvertisement\n\nSubscribe to our newsletter")
    assert art.status == "no_text" and art.text == ""
    assert len(art.removed) == 3


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Rebels withdraw from Khan Shaikhoun | Example News</title>
<meta property="og:title" content="Rebels withdraw from Khan Shaikhoun">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-08-20T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Rebels withdraw from Khan Shaikhoun</h1>
<p>Syrian opposition fighters have withdrawn from a key town in rebel-held Idlib province,
local activists and a war monitor said on Tuesday.</p>
<p>Share this article</p>
<p>Government forces surrounded the town on Monday as clashes continued for a third day.</p>
</article>
<footer>© 2019 Example News. All rights reserved.</footer>
</body></html>"""


def test_html_metadata_and_text() -> None:
    art = ingest.from_html(PAGE)
    assert art.published == dt.date(2019, 8, 20)
    assert art.source == "Example News"
    assert art.title == "Rebels withdraw from Khan Shaikhoun"
    assert art.text == (
        "Syrian opposition fighters have withdrawn from a key town in rebel-held Idlib province, "
        "local activists and a war monitor said on Tuesday.\n\n"
        "Government forces surrounded the town on Monday as clashes continued for a third day."
    )
    # the caller's date wins over the page's
    assert ingest.from_html(PAGE, published=dt.date(2019, 8, 21)).published == dt.date(2019, 8, 21)


def test_html_bytes_are_sniffed() -> None:
    art = ingest.from_bytes(PAGE.encode("utf-8"))
    assert art.source == "Example News" and "<p>" not in art.text


def test_malformed_html_does_not_crash() -> None:
    html = "<html><body><p>Unclosed <b>tags<div>Government forces shelled the town of Ariha on Monday"
    art = ingest.from_html(html)
    assert "Government forces shelled the town of Ariha on Monday" in art.text
    assert "<" not in art.text


def test_html_without_text_refused() -> None:
    with pytest.raises(InputError, match="no extractable text"):
        ingest.from_html("<html><head><script>var a = 1;</script></head><body></body></html>")


def test_looks_like_html() -> None:
    assert ingest.looks_like_html(b"  <!doctype html><p>x")
    assert ingest.looks_like_html("<p>a</p><p>b</p><p>c</p><div>d</div><br><br>")
    assert not ingest.looks_like_html("Troops advanced <sic> on the town, officials said.")


# ---------------------------------------------------------------------------------------------
# JSON Lines
# ---------------------------------------------------------------------------------------------


def test_jsonl_bad_line_does_not_stop_the_batch(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Gunmen killed two soldiers in Borno, the army said.",
                    "published": "2019-08-20", "source": "Premium Times"}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "title": "no body"}),
        json.dumps({"id": 5, "html": PAGE}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(ingest.read_jsonl(path))
    assert [n for n, _ in results] == [1, 2, 4, 5, 6]
    errors = {n: r for n, r in results if isinstance(r, InputError)}
    assert set(errors) == {2, 4, 5}
    assert str(errors[2]).startswith("line 2: invalid JSON")
    good = [ingest.from_record(r) for _n, r in results if isinstance(r, dict)]
    assert good[0].id == "a" and good[0].published == dt.date(2019, 8, 20)
    assert good[0].source == "Premium Times"
    assert good[1].id == "5" and good[1].source == "Example News"


def test_jsonl_from_file_object_and_bad_date() -> None:
    stream = io.StringIO('{"text": "Shelling hit Ariha.", "published": "20/08/2019"}\n')
    [(n, record)] = list(ingest.read_jsonl(stream))
    assert n == 1 and isinstance(record, dict)
    with pytest.raises(InputError, match="invalid published date"):
        ingest.from_record(record)


# ---------------------------------------------------------------------------------------------
# load() dispatch and URLs
# ---------------------------------------------------------------------------------------------


def test_load_dispatches_stdin_and_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Gunmen killed two soldiers in Borno state, the army said."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert ingest.load("-").text == text
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert ingest.load(str(path), id="x").id == "x"


def test_load_refuses_file_and_private_urls() -> None:
    with pytest.raises(FetchRefused):
        ingest.load("file:///etc/passwd")
    with pytest.raises(FetchRefused):
        ingest.load("http://10.0.0.1/article")


class _PageHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        routes = {
            "/article": ("text/html; charset=utf-8", PAGE.encode("utf-8")),
            "/plain": ("text/plain; charset=iso-8859-1", "Alep est tombée".encode("latin-1")),
            "/image": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(20)),
        }
        ctype, body = routes.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in routes else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_from_url_with_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.socket.connect

    def loopback_only(self, address):
        assert address[0] in ("127.0.0.1", "::1"), address
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        art = ingest.from_url(base + "/article", allow_private=True)
        assert art.url == base + "/article"
        assert art.published == dt.date(2019, 8, 20) and art.source == "Example News"
        assert ingest.load(base + "/plain", allow_private=True).text == "Alep est tombée"
        with pytest.raises(InputError, match="unsupported content type 'image/png'"):
            ingest.from_url(base + "/image", allow_private=True)
        with pytest.raises(FetchRefused):
            ingest.from_url(base + "/article")
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---------------------------------------------------------------------------------------------
# The rules file
# ---------------------------------------------------------------------------------------------


def test_bundled_rules_load() -> None:
    rules = ingest.load_rules()
    assert len(rules.boilerplate) >= 20 and len(rules.captions) >= 4
    assert rules.outlets["Al-Jazeera"] == "Al Jazeera"
    assert ingest.outlet_name("https://www.aljazeera.com/news/2019/8/20/x") == "Al Jazeera"
    assert ingest.outlet_name("associated press") == "AP"


def test_bad_rules_file_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text(
        "[[boilerplate]]\npattern = '^ok$'\ncomment = 'fine'\n\n"
        "[[boilerplate]]\npattern = '^(unclosed'\ncomment = 'broken'\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"rules\.toml: \[\[boilerplate\]\] entry 2 .*bad regex"):
        ingest.load_rules(bad)
    bad.write_text("[[origin]]\npattern = 'told X'\nweight = 1\ncomment = 'no placeholder'\n")
    with pytest.raises(DataError, match=r"\[\[origin\]\] entry 1 .*\{outlet\}"):
        ingest.load_rules(bad)
    bad.write_text("[[caption]]\npattern = 'x'\n")
    with pytest.raises(DataError, match=r"\[\[caption\]\] entry 1 .*comment"):
        ingest.load_rules(bad)


def test_lede_starting_with_the_headline_is_kept() -> None:
    raw = "Clashes erupt in Tripoli as rival militias fight for the airport, officials said."
    art = ingest.from_text(raw, title="Clashes erupt in Tripoli")
    assert art.text == raw


def test_html_source_from_known_domain() -> None:
    html = (
        "<html><head><title>Strike</title></head><body><article><p>An air strike on the town of "
        "Ariha killed five civilians on Friday, rescuers from the civil defence said.</p>"
        "<p>Photo: Reuters</p></article></body></html>"
    )
    art = ingest.from_html(html, url="https://www.aljazeera.com/news/2019/8/20/strike-on-ariha")
    assert art.source == "Al Jazeera"
    assert art.captions == ["Photo: Reuters"]
    assert art.url == "https://www.aljazeera.com/news/2019/8/20/strike-on-ariha"
