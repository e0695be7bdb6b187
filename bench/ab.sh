#!/usr/bin/env bash
# Before and after: bench/run.sh's data steps (start-up, the import, the catalogue's and songs' read steps: steps 1-6)
# against the services of each commit given, one commit after the other on this machine, with this checkout's
# harness for all of them, then a table of the medians, each beside the first commit's.
#
#   bench/ab.sh 15bdf96 HEAD          # any number of commits; the first is the baseline
#
# Each commit is checked out as a detached worktree in bench/out-ab/<sha> (kept, so a second run reuses its jars);
# its bench/ is replaced by this one. Results: bench/out-ab/<sha>.properties (reused by a later run unless
# AB_RERUN=1) and bench/out-ab/table.txt.
# Run it on an otherwise idle machine, like bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/ab.sh BASELINE [COMMIT...]" >&2; exit 2; }
AB=bench/out-ab
mkdir -p "$AB"
SHAS=()
for rev in "$@"; do
  sha=$(git rev-parse --short "$rev^{commit}")
  SHAS+=("$sha")
  dir="$AB/$sha"
  # A commit measured before is not measured again (AB_RERUN=1 measures it anew).
  if [ -f "$AB/$sha.properties" ] && [ "${AB_RERUN:-0}" != 1 ]; then
    echo "[ab] $sha: measured before ($AB/$sha.properties)"
    continue
  fi
  [ -d "$dir" ] || git worktree add --detach "$dir" "$sha" > /dev/null
  rsync -a --delete --exclude out/ --exclude out-ab/ --exclude target/ bench/ "$dir/bench/"
  echo "[ab] $sha: $(git log -1 --format=%s "$sha" | cut -c1-100)"
  # A commit from before the catalogue's streaming links (V6) takes `streaming` as plain names.
  names=0
  [ -f "$dir/catalog-service/src/main/resources/db/migration/V6__streaming_links_and_franchise.sql" ] || names=1
  (cd "$dir" && BENCH_STREAMING_AS_NAMES=$names BENCH_UNTIL=scale BENCH_START_MODES=cold BENCH_WHATIF=0 BENCH_FILTERS_WHATIF=0 BENCH_ISSUE14=0 \
    bench/run.sh) > "$AB/$sha.log" 2>&1 || { tail -20 "$AB/$sha.log" >&2; exit 1; }
  cp "$dir/bench/out/results.properties" "$AB/$sha.properties"
  # Every line must be in, or the read steps would run over a different catalogue.
  grep -h ' IMPORT ' "$AB/$sha.log" | grep -v ' rejected=0 ' && { echo "[ab] $sha refused import lines" >&2; exit 1; }
done

# The median of a key's runs (key.r1, key.r2, ...), or the key itself when it was measured once.
median() { # file key
  grep -E "^$2(\.r[0-9]+)?=" "$1" | cut -d= -f2 | sort -g |
    awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
ROWS=(
  "import titles, lines/s|import.titles.lines_per_s"
  "import songs, lines/s|import.songs.lines_per_s"
  "search, saturation req/s|wrk.scale-search.rps"
  "search, p50 ms at half saturation|open.scale.search.p50_ms"
  "search, p95 ms at half saturation|open.scale.search.p95_ms"
  "songs batch of 20, saturation req/s|wrk.songs-batch20.rps"
  "songs batch of 20, p50 ms|open.songs.batch20.p50_ms"
  "songs batch of 20, p95 ms|open.songs.batch20.p95_ms"
  "title by slug, saturation req/s|wrk.scale-title.rps"
  "title by slug, p50 ms|open.scale.title.p50_ms"
  "similar, saturation req/s|wrk.scale-similar.rps"
  "similar, p50 ms|open.scale.similar.p50_ms"
)
{
  printf '%-38s' "median of the runs"
  for sha in "${SHAS[@]}"; do printf ' | %16s' "$sha"; done
  echo
  for row in "${ROWS[@]}"; do
    printf '%-38s' "${row%%|*}"
    base=""
    for sha in "${SHAS[@]}"; do
      value=$(median "$AB/$sha.properties" "${row#*|}")
      if [ -z "$base" ]; then base=$value; printf ' | %16s' "$value"
      else printf ' | %16s' "$value ($(awk -v a="$value" -v b="$base" 'BEGIN {if (b + 0 == 0 || a == "-") print "-"; else printf "%+.0f%%", (a / b - 1) * 100}'))"; fi
    done
    echo
  done
} | tee "$AB/table.txt"
