#!/usr/bin/env bash
# Times the whole `draftdiff diff … --format json` process against
# `git diff --no-index --word-diff` on the same texts, at 10,000 and 20,000 articles,
# and the MIMC 1.0 → 3.0 diff. Peak memory from GNU time. Figures go to docs/performance.md.
#
#   scripts/bench-vs-git.sh            (installs hyperfine with apt-get if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release --quiet --examples --bins
bin=target/release/draftdiff
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

echo "## MIMC 1.0 → 3.0 (built-in drafts, whole process)"
hyperfine --warmup 5 --runs 50 -N "$bin diff 1.0 3.0 --format json --drafts drafts" 2>/dev/null | sed -n '1,4p'

for n in 10000 20000; do
  dir="$work/c$n"
  target/release/examples/gen_corpus "$dir" "$n" 0.05 7
  echo
  echo "## $n articles, 5 % changed"
  hyperfine --warmup 1 --runs 10 -N -i \
    "$bin diff $dir/base $dir/head --format json" \
    "git diff --no-index --word-diff $dir/base.txt $dir/head.txt" 2>/dev/null | grep -E 'Benchmark|Time|±|faster|slower' || true
  /usr/bin/time -f "draftdiff peak RSS: %M KiB, wall %e s" "$bin" diff "$dir/base" "$dir/head" --format json >/dev/null
  /usr/bin/time -f "git word-diff peak RSS: %M KiB, wall %e s" git diff --no-index --word-diff "$dir/base.txt" "$dir/head.txt" >/dev/null || true
done
