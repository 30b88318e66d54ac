#!/usr/bin/env bash
# Size report of a static build: gzip -9 bytes of every file under the folder (default dist/),
# the first-load total and the on-demand total, failing when the first load exceeds the budget
# in size-budget.txt (bytes, gzipped).
# First load: every asset (scripts, styles, wasm) and the largest of the pages (*.html at the
# top: a visit opens one of them; scripts/pages.mjs), not the oEmbed documents (oembed/, read
# by blog software, never by the page). An embed's poster (load=lazy) costs embed.html and the
# scripts and styles only, reported beside it.
# Loaded on demand: the YAML parser module, podscope-yaml*.js / *.wasm (src/ui/yaml.rs).
#
#   scripts/size-report.sh [DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-$ROOT/dist}"
BUDGET_FILE="$ROOT/size-budget.txt"

if [ ! -d "$DIR" ]; then
  echo "size-report: no folder $DIR (run 'make dist' first)" >&2
  exit 1
fi
budget="$(tr -d '[:space:]' <"$BUDGET_FILE")"
case "$budget" in
  ''|*[!0-9]*) echo "size-report: $BUDGET_FILE must hold a byte count, found '$budget'" >&2; exit 1 ;;
esac

total_raw=0
total_gz=0
lazy_gz=0
poster_gz=0
page_raw=0
page_gz=0
page_name=''
embed_gz=0
printf '%10s %10s  %s\n' raw gzip-9 file
while IFS= read -r -d '' file; do
  raw="$(wc -c <"$file")"
  gz="$(gzip -9 -c "$file" | wc -c)"
  name="${file#"$DIR"/}"
  case "$name" in
    podscope-yaml*) lazy_gz=$((lazy_gz + gz)); name="$name (on demand)" ;;
    oembed/*) name="$name (for blog software)" ;;
    */*) total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)) ;;
    *.html)
      [ "$name" = embed.html ] && embed_gz=$gz
      if [ "$gz" -gt "$page_gz" ]; then page_gz=$gz; page_raw=$raw; page_name=$name; fi
      name="$name (a page)" ;;
    *.wasm) total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)) ;;
    *) total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); poster_gz=$((poster_gz + gz)) ;;
  esac
  printf '%10d %10d  %s\n' "$raw" "$gz" "$name"
done < <(find "$DIR" -type f -print0 | sort -z)
total_raw=$((total_raw + page_raw))
total_gz=$((total_gz + page_gz))
printf '%10d %10d  %s\n' "$total_raw" "$total_gz" "FIRST LOAD (the assets and $page_name, the largest page)"
if [ "$embed_gz" -gt 0 ]; then
  printf '%10s %10d  %s\n' "" $((embed_gz + poster_gz)) "AN EMBED'S POSTER (embed.html, scripts and styles; the wasm waits)"
fi
printf '%10s %10d  %s\n' "" "$lazy_gz" "ON DEMAND (YAML parser module)"
printf 'size-report: first load %d bytes gzipped (%d KiB) of a %d-byte budget (%d KiB, %s)\n' \
  "$total_gz" $(((total_gz + 1023) / 1024)) "$budget" $((budget / 1024)) "${BUDGET_FILE#"$ROOT"/}"

if [ "$total_gz" -gt "$budget" ]; then
  echo "size-report: OVER BUDGET by $((total_gz - budget)) bytes" >&2
  exit 1
fi
