"""The map page in a real browser: Debian's chromium driven by selenium + chromedriver.

`warwire serve` runs on loopback over a store filled from samples/ (and ../shared/samples/
when present). Skipped, with the reason, only when chromium or chromedriver is missing.
Set WARWIRE_SCREENSHOT=docs/screenshot.png to also write the screenshot into the repository.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_api import KHAN, SHARED, fill_store, start_server, stop  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="no chromium/chromedriver on this machine (.ci/run installs Debian's chromium and chromium-driver)",
)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1440,900"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "store.db"
    fill_store(path)
    proc, base = start_server(path)
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="warwire-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver, script: str, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


@pytest.fixture()
def page(browser, server):
    browser.set_window_size(1440, 900)
    browser.get(server + "/")
    wait(browser, "return document.body.dataset.ready === 'true'")
    return browser


def visible_events(driver) -> list[dict]:
    return driver.execute_script(
        "return warwire.state.visible.map(e => ({id: e.id, date: e.date, sub: e.sub_event_type,"
        " name: e.location && e.location.name, lat: e.location && e.location.lat,"
        " lon: e.location && e.location.lon}))")


def test_map_shows_the_events_at_their_places(page, server):
    events = visible_events(page)
    khan = [e for e in events if e["lat"] and abs(e["lat"] - KHAN[0]) < 0.02 and abs(e["lon"] - KHAN[1]) < 0.02]
    assert khan and {e["name"] for e in khan} == {"Khan Shaykhun"}
    # zoom to Idlib: the markers (or their cluster) are drawn where Khan Shaykhun is on screen
    page.execute_script("warwire.map.setView([35.44, 36.65], 9, {animate: false})")
    time.sleep(0.6)
    point = page.execute_script(
        "const p = warwire.map.latLngToContainerPoint([35.442, 36.651]);"
        "const r = document.getElementById('map').getBoundingClientRect(); return [p.x + r.left, p.y + r.top];")
    found = page.execute_script(
        "const [x, y] = arguments; return [...document.querySelectorAll('.leaflet-marker-icon')].some(el => {"
        " const r = el.getBoundingClientRect(); return Math.abs((r.left + r.right) / 2 - x) < 12 &&"
        " Math.abs((r.top + r.bottom) / 2 - y) < 12; });", *point)
    assert found, "no marker drawn at Khan Shaykhun"
    labels = page.execute_script("return [...document.querySelectorAll('.place-label')].map(e => e.textContent)")
    assert "Khan Shaykhun" in labels
    # everything came from this server: no tiles, no CDN
    urls = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(server) for u in urls), [u for u in urls if not u.startswith(server)]
    assert any("countries-50m.json" in u for u in urls)
    assert page.execute_script("return document.querySelectorAll('path.leaflet-interactive, svg path').length") > 100


def test_time_slider_filters_the_map(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    everything = visible_events(page)
    dates = sorted(e["date"] for e in everything if e["date"])
    assert len(set(dates)) >= 2
    end = page.find_element(By.ID, "t-end")
    end.send_keys(Keys.HOME)  # the keyboard moves the slider: end = first day
    wait(page, "return document.getElementById('t-end').value === '0'")
    shown = visible_events(page)
    assert shown and {e["date"] for e in shown if e["date"]} == {dates[0]}
    markers = page.execute_script("return warwire.clusters.getLayers().length")
    assert markers == sum(1 for e in shown if e["lat"] is not None)
    end.send_keys(Keys.END)
    wait(page, "return warwire.state.visible.length === %d" % len(everything))
    # from 2019-08-20 to 2019-08-20 (date input, as a user types it in): only that day
    page.execute_script(
        "for (const [id, v] of [['t-start-date', '2019-08-20'], ['t-end-date', '2019-08-20']]) {"
        " const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event('change')); }")
    shown = visible_events(page)
    assert shown and {e["date"] for e in shown} == {"2019-08-20"}
    assert any(e["name"] == "Khan Shaykhun" for e in shown)
    assert not any(e["date"] == "2019-08-19" for e in shown)
    assert page.find_element(By.ID, "t-count").text.startswith(f"{len(shown)} of ")


def test_filters_by_type_actor_and_country(page):
    from selenium.webdriver.common.by import By

    total = len(visible_events(page))
    page.find_element(By.CSS_SELECTOR, "#type-filters input[value='Protests']").click()
    assert all(e["sub"] != "Protest with intervention" for e in visible_events(page))
    assert len(visible_events(page)) < total
    page.find_element(By.ID, "f-reset").click()
    page.find_element(By.ID, "f-actor").send_keys("Tahrir")
    wait(page, "return warwire.state.visible.length < %d" % total)
    assert {e["name"] for e in visible_events(page)} <= {"Khan Shaykhun", "Ma'arrat an Nu'man", "Hamah", "Idlib"}
    page.find_element(By.ID, "f-reset").click()
    from selenium.webdriver.support.ui import Select

    Select(page.find_element(By.ID, "f-country")).select_by_value("KE")
    shown = visible_events(page)
    assert shown and all(abs(e["lat"]) < 5 for e in shown)  # Kenya straddles the equator


def test_click_shows_sources_and_claims(page):
    from selenium.webdriver.common.by import By

    buttons = page.find_elements(By.CSS_SELECTOR, "#event-list button")
    target = next(b for b in buttons if "Khan Shaykhun" in b.text and "transfer" in b.text.lower())
    target.click()
    wait(page, "return !document.getElementById('detail').hidden && document.querySelectorAll('.claim').length > 0")
    wait(page, "return document.querySelector('.claim blockquote') !== null && "
               "document.getElementById('detail-body').textContent.includes('Sources')")
    detail = page.find_element(By.ID, "detail")
    text = detail.text
    assert "Non-violent transfer of territory" in text and "20 Aug 2019" in text
    assert "Khan Shaykhun" in text and "Military Forces of Syria (2000-)" in text
    assert "warwire sample" in text  # every source is listed
    assert "[object" not in text and "undefined" not in text
    assert "READ FROM" in text.upper() and "TERRITORIAL CONTROL" in text.upper()
    # (read in one call: the panel may re-render between finding an element and reading it)
    claims = page.execute_script("return [...document.querySelectorAll('.claim')].map(c => c.innerText)")
    assert any("local activist" in c for c in claims)
    if SHARED.is_dir():
        assert "CONTESTED" in text.upper()
        conflict = page.execute_script(
            "return [...document.querySelectorAll('.claim.conflict')].map(c => c.innerText)")
        assert any("redeployment" in c and "Tahrir al-Sham" in c for c in conflict), claims
        assert "Al Jazeera" in text
    page.find_element(By.CSS_SELECTOR, "#control button").click()
    wait(page, "return !document.getElementById('control').textContent.includes('Loading')")
    control = page.find_element(By.ID, "control").text
    assert "Could not load" not in control and control.strip(), control
    # a marker click opens its event too
    page.execute_script("warwire.map.setView([35.648, 36.677], 11, {animate: false})")
    wait(page, "return [...document.querySelectorAll('.leaflet-marker-icon')]"
               ".some(m => (m.title || '').includes(\"Ma'arrat an Nu'man\"))")
    time.sleep(0.3)  # let the cluster layer settle
    marker = next(m for m in page.find_elements(By.CSS_SELECTOR, ".leaflet-marker-icon")
                  if "Ma'arrat an Nu'man" in (m.get_attribute("title") or ""))
    marker.click()
    wait(page, "return document.getElementById('detail-title').textContent.includes('Air/drone strike')")
    screenshot = os.environ.get("WARWIRE_SCREENSHOT")
    if screenshot:
        buttons = page.find_elements(By.CSS_SELECTOR, "#event-list button")
        target = next((b for b in buttons if "contested" in b.text.lower()), None) or next(
            b for b in buttons if "Khan Shaykhun" in b.text)
        page.execute_script("warwire.map.setView([35.5, 36.9], 7, {animate: false})")
        target.click()
        time.sleep(1.0)
        page.save_screenshot(screenshot)


def test_keyboard_and_small_screens(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    first = page.find_element(By.CSS_SELECTOR, "#event-list button")
    first.send_keys(Keys.ENTER)
    wait(page, "return !document.getElementById('detail').hidden")
    assert page.execute_script("return document.activeElement.id") == "detail"
    page.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait(page, "return document.getElementById('detail').hidden")
    assert page.execute_script("return document.activeElement.dataset.id") == first.get_attribute("data-id")
    page.find_element(By.TAG_NAME, "body").send_keys("/")
    assert page.execute_script("return document.activeElement.id") == "f-text"
    page.set_window_size(400, 850)
    time.sleep(0.5)
    width = page.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1, width
    assert page.execute_script("return document.getElementById('map').clientHeight") > 250
