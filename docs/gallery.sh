#!/usr/bin/env bash
# Regenerate docs/gallery/: the source graph (SVG, drawn by Graphviz) and the HTML report
# (with a screenshot taken by headless Chromium) of the seed and two samples.
# Needs Graphviz and Chromium: apt-get install graphviz chromium
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/srcgraph
out=docs/gallery
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
profile=$(mktemp -d)
for s in seed monitor-caspian weekly-ingushetia; do
  "$bin" render "samples/$s.txt" -o "$out/$s-graph.svg"
  "$bin" report "samples/$s.txt" -o "$out/$s-report.html"
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1100,1300 --hide-scrollbars \
    --screenshot="$PWD/$out/$s-report.png" "file://$PWD/$out/$s-report.html" 2>/dev/null
done
rm -rf "$profile"
echo "gallery written to $out/"
