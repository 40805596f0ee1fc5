#!/usr/bin/env bash
# Vendor the web page's third-party assets from their npm packages into
# src/warwire/web/vendor/ (committed, so neither CI nor users need npm or a CDN).
#
#   scripts/vendor_web.sh            # needs npm and tar; run from anywhere
#
# What is copied (pinned versions below; bump them here and re-run):
#   leaflet                 map library                      -> vendor/leaflet/
#   leaflet.markercluster   marker clustering                -> vendor/markercluster/
#   topojson-client         TopoJSON -> GeoJSON in the page  -> vendor/topojson-client.min.js
#   world-atlas             Natural Earth 1:50m countries    -> vendor/countries-50m.json
#   swagger-ui-dist         the /docs page's assets          -> vendor/swagger-ui/
# Each package's licence goes to vendor/LICENSES/<package>.txt and the versions to
# vendor/VERSIONS.txt.
set -euo pipefail

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2
SWAGGER_UI=5.35.0

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/warwire/web/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

unpack() {  # unpack NAME VERSION -> $WORK/NAME/
  local name=$1 version=$2
  (cd "$WORK" && npm pack --silent "$name@$version" >/dev/null)
  local tgz
  tgz=$(ls "$WORK"/*.tgz)
  mkdir -p "$WORK/$name"
  tar -xzf "$tgz" -C "$WORK/$name" --strip-components=1
  rm -f "$tgz"
}

licence() {  # licence NAME -> vendor/LICENSES/NAME.txt
  local name=$1 f
  for f in LICENSE LICENSE.md LICENSE.txt MIT-LICENCE.txt license; do
    if [ -f "$WORK/$name/$f" ]; then cp "$WORK/$name/$f" "$DEST/LICENSES/$name.txt"; return; fi
  done
  echo "vendor_web: no licence file in $name" >&2
  exit 1
}

rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images" "$DEST/markercluster" "$DEST/swagger-ui" "$DEST/LICENSES"

unpack leaflet "$LEAFLET"
cp "$WORK/leaflet/dist/leaflet.js" "$WORK/leaflet/dist/leaflet.css" "$DEST/leaflet/"
cp "$WORK/leaflet/dist/images/"*.png "$DEST/leaflet/images/"
licence leaflet

unpack leaflet.markercluster "$MARKERCLUSTER"
cp "$WORK/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$WORK/leaflet.markercluster/dist/MarkerCluster.css" \
   "$WORK/leaflet.markercluster/dist/MarkerCluster.Default.css" "$DEST/markercluster/"
licence leaflet.markercluster

unpack topojson-client "$TOPOJSON_CLIENT"
cp "$WORK/topojson-client/dist/topojson-client.min.js" "$DEST/"
licence topojson-client

unpack world-atlas "$WORLD_ATLAS"
cp "$WORK/world-atlas/countries-50m.json" "$DEST/"
licence world-atlas

unpack swagger-ui-dist "$SWAGGER_UI"
cp "$WORK/swagger-ui-dist/swagger-ui-bundle.js" "$WORK/swagger-ui-dist/swagger-ui.css" \
   "$WORK/swagger-ui-dist/favicon-32x32.png" "$DEST/swagger-ui/"
licence swagger-ui-dist

cat > "$DEST/VERSIONS.txt" <<VERSIONS
# Written by scripts/vendor_web.sh; do not edit by hand.
leaflet $LEAFLET
leaflet.markercluster $MARKERCLUSTER
topojson-client $TOPOJSON_CLIENT
world-atlas $WORLD_ATLAS (Natural Earth 1:50m admin-0 countries, public domain)
swagger-ui-dist $SWAGGER_UI
VERSIONS
echo "vendored into $DEST:"
(cd "$DEST" && find . -type f | sort | xargs du -h)
