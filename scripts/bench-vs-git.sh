#!/usr/bin/env bash
# Times the whole `draftdiff diff … --format json` process against
# `git diff --no-index --word-diff` on the same texts, at 10,000 and 20,000 articles,
# the MIMC 1.0 → 3.0 diff, and the growth of the time as the corpus doubles (5,000 to
# 40,000 articles), and a real-size pair of documents from the vendored corpus. Peak memory
# from GNU time. Figures go to docs/performance.md. In-process stage timings (minimum of N
# runs): `cargo run --release --example stages -- BASE HEAD [RUNS]`.
#
#   scripts/bench-vs-git.sh            (installs hyperfine with apt-get if it is missing)
#
# Honours CARGO_TARGET_DIR; corpora go to $BENCH_DIR (default target/bench).
# VS_GIT and DOUBLING override the article counts of the two parts; REAL_CASE names the
# corpus directory of the real-size case (default ../shared/corpus/de-aufenthg-2012-2021).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release --quiet --examples --bins
release=${CARGO_TARGET_DIR:-target}/release
bin=$release/draftdiff
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

corpus() { # articles → directory, generated once per size
  local dir="$work/c$1"
  [ -f "$dir/head.txt" ] || "$release/examples/gen_corpus" "$dir" "$1" 0.05 7 2>/dev/null
  echo "$dir"
}

echo "## MIMC 1.0 → 3.0 (built-in drafts, whole process)"
hyperfine --warmup 5 --runs 50 -N "$bin diff 1.0 3.0 --format json --drafts drafts" 2>/dev/null | sed -n '1,4p'

# A real-size case besides the generated corpus: the largest text of the vendored corpus
# (the German Residence Act, 2012 and 2021, Markdown), diffed as documents.
real=${REAL_CASE:-../shared/corpus/de-aufenthg-2012-2021}
[ -d "$real" ] || real=/work/shared/corpus/de-aufenthg-2012-2021
if [ -d "$real" ]; then
  echo
  echo "## Real-size documents: $(basename "$real") ($(wc -w <"$real/old.md") → $(wc -w <"$real/new.md") words)"
  hyperfine --warmup 2 --runs 20 -N -i \
    "$bin diff $real/old.md $real/new.md --format json" \
    "git diff --no-index --word-diff $real/old.md $real/new.md" 2>/dev/null | grep -E 'Benchmark|Time|±|faster|slower' || true
  /usr/bin/time -f "draftdiff peak RSS: %M KiB, wall %e s" "$bin" diff "$real/old.md" "$real/new.md" --format json >/dev/null 2>&1 || true
fi

for n in ${VS_GIT:-10000 20000}; do
  dir=$(corpus "$n")
  echo
  echo "## $n articles, 5 % changed"
  hyperfine --warmup 1 --runs 10 -N -i \
    "$bin diff $dir/base $dir/head --format json" \
    "git diff --no-index --word-diff $dir/base.txt $dir/head.txt" 2>/dev/null | grep -E 'Benchmark|Time|±|faster|slower' || true
  /usr/bin/time -f "draftdiff peak RSS: %M KiB, wall %e s" "$bin" diff "$dir/base" "$dir/head" --format json >/dev/null
  /usr/bin/time -q -f "git word-diff peak RSS: %M KiB, wall %e s" git diff --no-index --word-diff "$dir/base.txt" "$dir/head.txt" >/dev/null || true
done

echo
echo "## Growth on doubling (whole process, mean of 5 runs)"
echo "| articles | words (base) | mean | peak RSS |"
echo "| ---: | ---: | ---: | ---: |"
for n in ${DOUBLING:-5000 10000 20000 40000}; do
  dir=$(corpus "$n")
  json="$work/doubling-$n.json"
  hyperfine --warmup 1 --runs 5 -N --export-json "$json" "$bin diff $dir/base $dir/head --format json" >/dev/null 2>&1
  mean=$(grep -m1 '"mean"' "$json" | tr -dc '0-9.')
  rss=$( { /usr/bin/time -f "%M" "$bin" diff "$dir/base" "$dir/head" --format json >/dev/null; } 2>&1 | tail -1)
  words=$(wc -w <"$dir/base.txt")
  printf '| %s | %s | %.3f s | %s MiB |\n' "$n" "$words" "$mean" "$((rss / 1024))"
done
