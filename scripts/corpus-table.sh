#!/usr/bin/env bash
# The per-case table of docs/alignment.md: link F1 of the engine and of the TF-IDF
# baseline (examples/tfidf_baseline.rs) on every case of tests/corpus.
#   scripts/corpus-table.sh            (builds both in release mode first)
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin draftdiff --example tfidf_baseline
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/draftdiff base=$target/release/examples/tfidf_baseline
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
f1() { python3 tests/corpus/score.py --pairs "$1" "$2" | tail -1 | sed 's/.*F1=//'; }
echo "| case | engine | baseline |"
echo "| --- | --- | --- |"
se=0 sb=0 n=0
for d in tests/corpus/*/; do
  [[ -f $d/truth.tsv ]] || continue
  old=$(ls "$d"/old.* | head -1); ext=${old##*.}
  e=0 b=0
  if "$bin" diff "$d/old.$ext" "$d/new.$ext" --format json >"$t/e.json" 2>/dev/null || [[ $? == 1 ]]; then e=$(f1 "$d/truth.tsv" "$t/e.json"); fi
  if "$base" "$d/old.$ext" "$d/new.$ext" >"$t/b.json" 2>/dev/null; then b=$(f1 "$d/truth.tsv" "$t/b.json"); fi
  printf '| %s | %.3f | %.3f |\n' "$(basename "$d")" "$e" "$b"
  se=$(python3 -c "print($se+$e)") sb=$(python3 -c "print($sb+$b)") n=$((n+1))
done
python3 -c "print(f'| mean | {$se/$n:.3f} | {$sb/$n:.3f} |')"
