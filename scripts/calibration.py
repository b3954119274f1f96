#!/usr/bin/env python3
"""Calibration of the link confidence on the corpus (docs/alignment.md).

usage: scripts/calibration.py [BINARY]   (default target/release/draftdiff)
       CASES=DIR scripts/calibration.py [BINARY]   (cases of another folder, held-out ones)
Diffs every tests/corpus case (or every case of CASES whose truth covers all articles), and for every article pair of every linked change
(a split counts each part) notes its confidence and whether the truth table has it.
Prints, per confidence band, how many pairs there were and the share that was right,
for all links and for those whose texts differ (similarity under 1).
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "tests", "corpus")
sys.path.insert(0, corpus)
corpus = os.environ.get("CASES", corpus)
from score import norm, pair_links  # noqa: E402

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/draftdiff"
bands = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]
counts = {b: [0, 0] for b in bands}
texts = {b: [0, 0] for b in bands}  # links whose texts differ (not settled by equal text)
for case in sorted(os.listdir(corpus)):
    d = os.path.join(corpus, case)
    if not os.path.isfile(os.path.join(d, "truth.tsv")) or os.path.exists(f"{d}/PARTIAL"):
        continue
    old = [f for f in os.listdir(d) if f.startswith("old.")][0]
    ext = old.split(".", 1)[1]
    r = subprocess.run([binary, "diff", f"{d}/old.{ext}", f"{d}/new.{ext}", "--format", "json"],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        continue
    truth = pair_links(os.path.join(d, "truth.tsv"))
    for c in json.loads(r.stdout)["changes"]:
        if c.get("confidence") is None or "Preamble" in c["base"]:
            continue
        for b in c["base"]:
            for h in c["head"]:
                right = (norm(b), norm(h)) in truth
                for band in bands:
                    if band[0] <= c["confidence"] < band[1]:
                        counts[band][0] += 1
                        counts[band][1] += right
                        if c["similarity"] < 1.0:
                            texts[band][0] += 1
                            texts[band][1] += right
def share(n, ok):
    return f"{100 * ok / n:.1f} %" if n else "–"


print("| confidence | pairs | right | pairs whose texts differ | right |")
print("| --- | --- | --- | --- | --- |")
for band in bands:
    (n, ok), (tn, tok) = counts[band], texts[band]
    lo, hi = band
    print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {n} | {share(n, ok)} | {tn} | {share(tn, tok)} |")
