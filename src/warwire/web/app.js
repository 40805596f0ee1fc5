/* warwire map page: loads /events, draws them over Natural Earth outlines (no tiles),
   filters by type / actor / country / text / dates, and shows one event's sources and
   claims side by side. Everything comes from this server; nothing from the internet. */
"use strict";

const TYPES = [
  ["Battles", "--c-battles"],
  ["Explosions/Remote violence", "--c-explosions"],
  ["Violence against civilians", "--c-vac"],
  ["Protests", "--c-protests"],
  ["Riots", "--c-riots"],
  ["Strategic developments", "--c-strategic"],
];
const MAX_EVENTS = 20000;     // the page loads at most this many events (newest first)
const LIST_MAX = 300;         // rows shown in the side list
const DAY = 86400000;

const css = getComputedStyle(document.documentElement);
const COLOURS = Object.fromEntries(TYPES.map(([t, v]) => [t, css.getPropertyValue(v).trim()]));
const $ = (id) => document.getElementById(id);

const state = {
  events: [], byId: new Map(), markers: new Map(), visible: [], selected: null,
  day0: 0, days: 0, start: 0, end: 0, types: new Set(TYPES.map(([t]) => t)),
};

/** Build an element: h("div", {class: "x"}, "text", child). Text is never parsed as HTML. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "style") el.style.cssText = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const dayOf = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const fmtDate = (iso) => iso ? new Date(iso + "T00:00:00Z").toLocaleDateString("en-GB",
  { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : "undated";
const PRECISION = { 1: "exact day", 2: "within the week", 3: "within the month" };
const GEO_PRECISION = { 1: "the place itself", 2: "near the place", 3: "the region" };

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { const e = new Error(body.message || r.statusText); e.status = r.status; throw e; }
  return body;
}

// ------------------------------------------------------------------ map

const map = L.map("map", { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 13,
  keyboard: true, preferCanvas: false }).setView([25, 20], 3);
L.control.scale({ imperial: false }).addTo(map);
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Country outlines: Natural Earth");

const clusters = L.markerClusterGroup({
  showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true,
  iconCreateFunction(cluster) {
    const n = cluster.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : 44;
    return L.divIcon({ html: `<div class="cluster" style="width:${size}px;height:${size}px">${n}</div>`,
      className: "", iconSize: [size, size] });
  },
});
map.addLayer(clusters);
const halo = L.circleMarker([0, 0], { radius: 17, color: "#ffbf47", weight: 4, fill: false, interactive: false });
const labels = L.layerGroup();
map.on("zoomend", () => (map.getZoom() >= 6 ? labels.addTo(map) : labels.remove()));

/** Permanent name labels of the places where visible events are (shown from zoom 6). */
function drawLabels(visible) {
  labels.clearLayers();
  const seen = new Set();
  for (const ev of visible) {
    const loc = ev.location;
    if (!loc || seen.has(loc.gazetteer_id)) continue;
    seen.add(loc.gazetteer_id);
    L.tooltip({ permanent: true, direction: "right", offset: [10, 0], className: "place-label", interactive: false })
      .setLatLng([loc.lat, loc.lon]).setContent(loc.name).addTo(labels);
  }
}

async function drawCountries() {
  try {
    const topo = await getJSON("/static/vendor/countries-50m.json");
    const land = topojson.feature(topo, topo.objects.countries);
    for (const f of land.features) unwrap(f.geometry);
    L.geoJSON(land, { interactive: false, style: {
      color: css.getPropertyValue("--border").trim(), weight: 0.8,
      fillColor: css.getPropertyValue("--land").trim(), fillOpacity: 1 } }).addTo(map);
  } catch (e) { console.warn("country outlines not loaded", e); }
}

/** Rings that cross the antimeridian (Fiji, Russia, ...) continue past ±180° instead of
    jumping across the whole map. */
function unwrap(geom) {
  if (!geom) return;
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
  for (const poly of polys) for (const ring of poly) {
    let shift = 0;
    for (let i = 1; i < ring.length; i++) {
      const jump = ring[i][0] + shift - ring[i - 1][0];
      if (jump > 180) shift -= 360; else if (jump < -180) shift += 360;
      if (shift) ring[i] = [ring[i][0] + shift, ring[i][1]];
    }
  }
}

function markerFor(ev) {
  const colour = COLOURS[ev.event_type] || "#555";
  const icon = L.divIcon({ className: "", iconSize: [16, 16],
    html: `<div class="ev-marker${ev.contested ? " contested" : ""}" style="background:${colour}"></div>` });
  const title = `${ev.sub_event_type} — ${ev.location.name}, ${fmtDate(ev.date)}`;
  const m = L.marker([ev.location.lat, ev.location.lon], { icon, title, alt: title, keyboard: true,
    riseOnHover: true });
  m.on("click", () => select(ev.id, { fromMap: true }));
  m.on("keypress", (e) => { if (e.originalEvent.key === "Enter") select(ev.id); });
  m.eventId = ev.id;
  return m;
}

// ------------------------------------------------------------------ loading

async function loadEvents() {
  let cursor = null, total = 0;
  const events = [];
  do {
    const url = "/events?limit=1000" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    const page = await getJSON(url);
    total = page.total;
    events.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor && events.length < MAX_EVENTS);
  return { events, total };
}

function setupFilters() {
  const counts = {};
  for (const ev of state.events) counts[ev.event_type] = (counts[ev.event_type] || 0) + 1;
  const box = $("type-filters");
  box.replaceChildren(...TYPES.map(([t]) => h("label", {},
    h("input", { type: "checkbox", value: t, checked: true, onchange: (e) => {
      e.target.checked ? state.types.add(t) : state.types.delete(t); refresh(); } }),
    h("span", { class: "swatch", style: `background:${COLOURS[t]}` }), t,
    h("span", { class: "n" }, counts[t] || 0))));

  const actors = new Set(), countries = new Map();
  for (const ev of state.events) {
    for (const a of [ev.actor1, ev.actor2, ...(ev.assoc_actor_1 || []), ...(ev.assoc_actor_2 || [])]) if (a) actors.add(a);
    const c = ev.location && ev.location.country;
    if (c) countries.set(c, (countries.get(c) || 0) + 1);
  }
  $("actor-list").replaceChildren(...[...actors].sort().map((a) => h("option", { value: a })));
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const label = (c) => { try { return names.of(c); } catch { return c; } };
  $("f-country").replaceChildren(h("option", { value: "" }, "All countries"),
    ...[...countries].sort((a, b) => label(a[0]).localeCompare(label(b[0])))
      .map(([c, n]) => h("option", { value: c }, `${label(c)} (${n})`)));
  for (const id of ["f-text", "f-actor"]) $(id).addEventListener("input", debounce(refresh, 150));
  for (const id of ["f-country", "f-contested"]) $(id).addEventListener("change", refresh);
  $("f-reset").addEventListener("click", () => {
    $("filters").reset();
    state.types = new Set(TYPES.map(([t]) => t));
    for (const cb of $("type-filters").querySelectorAll("input")) cb.checked = true;
    state.start = 0; state.end = state.days;
    syncRange(); refresh();
  });
}

function setupTimeline() {
  const dated = state.events.filter((e) => e.date).map((e) => dayOf(e.date));
  const lo = dated.length ? Math.min(...dated) : dayOf(new Date().toISOString().slice(0, 10));
  const hi = dated.length ? Math.max(...dated) : lo;
  state.day0 = lo; state.days = hi - lo; state.start = 0; state.end = state.days;
  for (const id of ["t-start", "t-end"]) { $(id).min = 0; $(id).max = state.days; }
  for (const id of ["t-start-date", "t-end-date"]) { $(id).min = isoOf(lo); $(id).max = isoOf(hi); }
  $("t-start").addEventListener("input", () => { state.start = +$("t-start").value;
    if (state.start > state.end) state.end = state.start; syncRange(); refresh(); });
  $("t-end").addEventListener("input", () => { state.end = +$("t-end").value;
    if (state.end < state.start) state.start = state.end; syncRange(); refresh(); });
  $("t-start-date").addEventListener("change", () => { const v = $("t-start-date").value;
    if (v) { state.start = clamp(dayOf(v) - state.day0); if (state.start > state.end) state.end = state.start; syncRange(); refresh(); } });
  $("t-end-date").addEventListener("change", () => { const v = $("t-end-date").value;
    if (v) { state.end = clamp(dayOf(v) - state.day0); if (state.end < state.start) state.start = state.end; syncRange(); refresh(); } });
  syncRange();
}
const clamp = (d) => Math.max(0, Math.min(state.days, d));

function syncRange() {
  $("t-start").value = state.start; $("t-end").value = state.end;
  $("t-start-date").value = isoOf(state.day0 + state.start);
  $("t-end-date").value = isoOf(state.day0 + state.end);
  $("t-start").setAttribute("aria-valuetext", fmtDate(isoOf(state.day0 + state.start)));
  $("t-end").setAttribute("aria-valuetext", fmtDate(isoOf(state.day0 + state.end)));
}

function debounce(fn, ms) { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; }

// ------------------------------------------------------------------ filtering

function matches(ev, ignoreDates) {
  if (!state.types.has(ev.event_type)) return false;
  const country = $("f-country").value;
  if (country && (!ev.location || ev.location.country !== country)) return false;
  if ($("f-contested").checked && !ev.contested) return false;
  const actor = $("f-actor").value.trim().toLowerCase();
  if (actor && ![ev.actor1, ev.actor2, ...(ev.assoc_actor_1 || []), ...(ev.assoc_actor_2 || [])]
    .some((a) => a && a.toLowerCase().includes(actor))) return false;
  const text = $("f-text").value.trim().toLowerCase();
  if (text) {
    const hay = [ev.notes, ev.sub_event_type, ev.location && ev.location.name, ev.actor1, ev.actor2,
      ...(ev.source_details || []).map((s) => s.outlet)].join(" ").toLowerCase();
    if (!text.split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  if (!ignoreDates && ev.date) {
    const d = dayOf(ev.date) - state.day0;
    if (d < state.start || d > state.end) return false;
  }
  return true;
}

function refresh() {
  const visible = state.events.filter((ev) => matches(ev, false));
  state.visible = visible;
  const layers = [];
  for (const ev of visible) if (ev.location) layers.push(state.markers.get(ev.id));
  clusters.clearLayers();
  clusters.addLayers(layers);
  drawList(visible);
  drawLabels(visible);
  drawHistogram(state.events.filter((ev) => matches(ev, true)));
  const located = layers.length;
  $("t-count").textContent = `${visible.length} of ${state.events.length} events`;
  $("summary").textContent = `${visible.length} events shown (${located} on the map) · ` +
    `${fmtDate(isoOf(state.day0 + state.start))} – ${fmtDate(isoOf(state.day0 + state.end))}`;
  document.body.dataset.visible = String(visible.length);
  updateExportLinks();
}

function updateExportLinks() {
  const p = new URLSearchParams();
  if (state.days >= 0 && state.events.length) {
    p.set("start", isoOf(state.day0 + state.start)); p.set("end", isoOf(state.day0 + state.end));
  }
  if (state.types.size < TYPES.length) for (const t of state.types) p.append("event_type", t);
  if ($("f-country").value) p.set("country", $("f-country").value);
  if ($("f-actor").value.trim()) p.set("actor", $("f-actor").value.trim());
  if ($("f-contested").checked) p.set("contested", "true");
  $("export-csv").href = "/export?format=acled-csv&" + p;
  $("export-geojson").href = "/export?format=geojson&" + p;
}

function drawList(visible) {
  const list = $("event-list");
  const rows = visible.slice(0, LIST_MAX).map((ev) => h("li", {},
    h("button", { type: "button", "data-id": ev.id, "aria-current": state.selected === ev.id ? "true" : null,
      onclick: () => select(ev.id) },
      h("span", { class: "swatch", style: `background:${COLOURS[ev.event_type]}` }),
      h("span", { class: "what" }, ev.sub_event_type, ev.contested ? " " : "",
        ev.contested ? h("span", { class: "badge contested" }, "contested") : null),
      h("span", { class: "meta" }, `${fmtDate(ev.date)} · ${ev.location ? ev.location.name : "no location"}` +
        (ev.fatalities ? ` · ${ev.fatalities} killed` : "")))));
  if (visible.length > LIST_MAX) rows.push(h("li", { class: "more" }, `… and ${visible.length - LIST_MAX} more (narrow the filters)`));
  if (!visible.length) rows.push(h("li", { class: "more" }, "No event matches these filters."));
  list.replaceChildren(...rows);
  $("list-title").textContent = `Events (${visible.length})`;
}

function drawHistogram(events) {
  const svg = $("histogram");
  const width = svg.clientWidth || 800, height = 64, pad = 14;
  const span = state.days + 1;
  const binDays = span <= 120 ? 1 : span <= 730 ? 7 : span <= 3650 ? 30 : 365;
  const nbins = Math.max(1, Math.ceil(span / binDays));
  const counts = new Array(nbins).fill(0);
  for (const ev of events) if (ev.date) counts[Math.min(nbins - 1, Math.floor((dayOf(ev.date) - state.day0) / binDays))]++;
  const max = Math.max(1, ...counts);
  const bw = (width - 2) / nbins;
  const ns = "http://www.w3.org/2000/svg";
  const nodes = [];
  counts.forEach((n, i) => {
    if (!n) return;
    const bh = Math.max(2, (height - pad) * n / max);
    const r = document.createElementNS(ns, "rect");
    const first = i * binDays, last = first + binDays - 1;
    r.setAttribute("class", "bar" + (last >= state.start && first <= state.end ? " on" : ""));
    r.setAttribute("x", (1 + i * bw).toFixed(1)); r.setAttribute("width", Math.max(1, bw - 1).toFixed(1));
    r.setAttribute("y", (height - pad - bh).toFixed(1)); r.setAttribute("height", bh.toFixed(1));
    const t = document.createElementNS(ns, "title");
    t.textContent = `${n} events from ${fmtDate(isoOf(state.day0 + first))}`;
    r.append(t);
    nodes.push(r);
  });
  for (const [x, day] of [[2, 0], [width - 2, state.days]]) {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x); t.setAttribute("y", height - 2);
    t.setAttribute("text-anchor", x < 10 ? "start" : "end");
    t.textContent = fmtDate(isoOf(state.day0 + day));
    nodes.push(t);
  }
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren(...nodes);
}

// ------------------------------------------------------------------ detail

async function select(id, opts = {}) {
  const ev = state.byId.get(id);
  if (!ev) return;
  state.selected = id;
  for (const b of $("event-list").querySelectorAll("button[data-id]")) {
    b.toggleAttribute("aria-current", b.dataset.id === id);
    if (b.dataset.id === id) b.setAttribute("aria-current", "true");
  }
  const m = state.markers.get(id);
  if (m) {
    halo.setLatLng(m.getLatLng()).addTo(map);
    if (!opts.fromMap) map.setView(m.getLatLng(), Math.max(map.getZoom(), 7), { animate: false });
  }
  const panel = $("detail");
  panel.hidden = false;
  renderDetail(ev, null);
  map.invalidateSize();
  panel.focus({ preventScroll: true });
  try {
    const full = await getJSON("/events/" + encodeURIComponent(id));
    if (state.selected === id) renderDetail(ev, full);
  } catch (e) { console.warn("event detail", e); }
}

function closeDetail() {
  $("detail").hidden = true;
  const id = state.selected;
  state.selected = null;
  halo.remove();
  map.invalidateSize();
  const b = id && $("event-list").querySelector(`button[data-id="${CSS.escape(id)}"]`);
  if (b) { b.removeAttribute("aria-current"); b.focus(); }
}

function actorLine(main, assoc) {
  if (!main) return "—";
  return assoc && assoc.length ? `${main} (with ${assoc.join(", ")})` : main;
}

function renderDetail(ev, full) {
  const d = full || ev;
  const loc = d.location;
  const facts = h("dl", { class: "facts" },
    h("dt", {}, "When"), h("dd", {}, fmtDate(d.date), d.date ? ` (${PRECISION[d.time_precision] || ""})` : ""),
    h("dt", {}, "Where"), h("dd", {}, loc ? [loc.name, loc.admin1 ? `, ${loc.admin1}` : "", loc.country ? ` (${loc.country})` : "",
      h("br"), h("small", {}, `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)} · ${GEO_PRECISION[loc.geo_precision] || ""}`)] : "unknown"),
    h("dt", {}, "Actor 1"), h("dd", {}, actorLine(d.actor1, d.assoc_actor_1),
      d.actor1_uncertain && d.actor1_candidates && d.actor1_candidates.length
        ? h("div", {}, h("small", {}, "uncertain: " + d.actor1_candidates.join(" or "))) : null),
    h("dt", {}, "Actor 2"), h("dd", {}, actorLine(d.actor2, d.assoc_actor_2)),
    h("dt", {}, "Fatalities"), h("dd", {}, String(d.fatalities || 0)),
  );
  const sources = h("ol", { class: "sources" }, ...(d.source_details || []).map((s) => h("li", {},
    h("strong", {}, s.outlet || "unknown outlet"), s.published ? ` · ${fmtDate(s.published)}` : "",
    s.title ? [h("br"), s.url ? h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title) : s.title] : "")));
  const claims = (d.claims || []);
  const claimBox = h("div", { class: "claims" }, ...claims.map((c) => {
    const conflict = c.stance === "contests" || c.stance === "denies";
    return h("div", { class: "claim" + (conflict ? " conflict" : ""), "data-stance": c.stance },
      h("div", { class: "stance" }, `${c.stance} · ${c.aspect}`),
      h("div", { class: "who" }, c.claimant || "unattributed"),
      h("blockquote", {}, c.quote && c.quote.text ? c.quote.text : c.proposition),
      c.article_id && (d.source_details || []).length > 1
        ? h("div", { class: "from" }, "in " + ((d.source_details.find((s) => s.article_id === c.article_id) || {}).outlet || c.article_id)) : null);
  }));
  const evidence = (d.evidence || []).map((s) => h("p", { class: "evidence" }, "“", s.text, "”"));
  const control = loc ? h("div", { class: "control", id: "control" },
    h("button", { type: "button", class: "secondary", onclick: () => loadControl(loc) }, `Control of ${loc.name} over time`)) : null;
  $("detail-body").replaceChildren(...[
    h("div", { class: "type" }, h("span", { class: "swatch", style: `background:${COLOURS[d.event_type]}` }), d.event_type),
    h("h2", { id: "detail-title" }, d.sub_event_type, " ", d.contested ? h("span", { class: "badge contested" }, "contested") : null),
    facts,
    d.notes ? h("p", { class: "notes" }, d.notes) : null,
    h("h3", {}, `Sources (${(d.source_details || []).length})`), sources,
    h("h3", {}, `Claims (${claims.length})`), claims.length ? claimBox : h("p", { class: "note" }, "No attributed claims."),
    evidence.length ? [h("h3", {}, "Read from"), ...evidence] : null,
    control ? [h("h3", {}, "Territorial control"), control] : null,
  ].flat().filter(Boolean));
  $("detail").setAttribute("aria-labelledby", "detail-title");
}

async function loadControl(loc) {
  const box = $("control");
  box.replaceChildren(h("p", { class: "note" }, "Loading…"));
  try {
    const data = await getJSON(`/places/${encodeURIComponent(loc.gazetteer_id)}/control`);
    const items = data.timeline || (Array.isArray(data.control) ? data.control : []);
    const verbs = { held: "held by", captured: "captured by", encircled: "encircled by", withdrawal: "withdrawal of" };
    box.replaceChildren(items.length ? h("ol", { class: "sources" }, ...items.map((e) => h("li", {},
      h("strong", {}, e.date_text || e.date || (e.as_of ? "as of the report" : "date unknown")), " · ",
      `${verbs[e.kind] || e.kind || ""} ${(e.actors || []).join("; ") || "?"}`,
      e.claimants && e.claimants.length ? h("small", {}, ` — per ${e.claimants.join(", ")}`) : null,
      (e.contested_by || []).length ? [" ", h("span", { class: "badge contested" }, "contested"),
        h("div", {}, h("small", {}, e.contested_by.map((c) => `${c.claimant}: ${c.statement}`).join("; ")))] : null)))
      : h("p", { class: "note" }, "No control facts recorded for this place."));
  } catch (e) {
    box.replaceChildren(h("p", { class: "note" }, e.status === 501 ? `Not available: ${e.message}` : `Could not load: ${e.message}`));
  }
}

// ------------------------------------------------------------------ keyboard

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !$("detail").hidden) { closeDetail(); e.preventDefault(); }
  else if (e.key === "/" && !/INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName)) {
    $("f-text").focus(); e.preventDefault();
  }
});
$("detail-close").addEventListener("click", closeDetail);
$("filters").addEventListener("submit", (e) => e.preventDefault());
window.addEventListener("resize", debounce(() => drawHistogram(state.events.filter((ev) => matches(ev, true))), 200));

// ------------------------------------------------------------------ start

(async function main() {
  await drawCountries();
  let loaded;
  try { loaded = await loadEvents(); }
  catch (e) { $("summary").textContent = "Could not load events: " + e.message; return; }
  state.events = loaded.events;
  for (const ev of state.events) {
    state.byId.set(ev.id, ev);
    if (ev.location) state.markers.set(ev.id, markerFor(ev));
  }
  setupFilters();
  setupTimeline();
  refresh();
  const located = state.events.filter((e) => e.location);
  if (located.length) map.fitBounds(L.latLngBounds(located.map((e) => [e.location.lat, e.location.lon])).pad(0.3), { maxZoom: 8 });
  if (loaded.total > state.events.length)
    $("summary").textContent += ` · showing the newest ${state.events.length} of ${loaded.total}`;
  window.warwire = { state, map, clusters };  // for scripted checks (tests) and the console
  document.body.dataset.ready = "true";
})();
