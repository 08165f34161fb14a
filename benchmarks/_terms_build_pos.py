"""Build toolkit/data/fr/words_pos.tsv: French headwords and their word classes, from the
Dicollecte French dictionary for Hunspell (MPL-2.0; Debian package hunspell-fr-comprehensive).

    apt-get install hunspell-fr-comprehensive
    python benchmarks/_terms_build_pos.py [/usr/share/hunspell/fr.dic]

Each line: ``word<TAB>classes`` with classes among N (noun), A (adjective), V (verb), D (adverb),
from the dictionary's ``po:`` fields (nom, adj, v…, adv). Proper nouns, grammatical words and
multi-word entries are left out (the tagger's closed-class tables cover function words).
The table is a derived work of the dictionary and keeps its licence (MPL-2.0): see the header.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "toolkit" / "data" / "fr" / "words_pos.tsv"
CLASS = {"nom": "N", "adj": "A", "adv": "D"}
HEADER = """# French headwords and their word classes (N noun, A adjective, V verb, D adverb).
# Derived from the Dicollecte French dictionary for Hunspell, version {version}
# (https://grammalecte.net), (c) Dicollecte contributors, licensed under the Mozilla Public
# License 2.0 (https://mozilla.org/MPL/2.0/); this file is under the same licence.
# Built by benchmarks/_terms_build_pos.py; used by toolkit/terms/tagger.py.
"""


def main(argv: list[str]) -> int:
    src = Path(argv[0] if argv else "/usr/share/hunspell/fr.dic")
    if not src.is_file():
        print(f"Error: {src} not found (apt-get install hunspell-fr-comprehensive)", file=sys.stderr)
        return 2
    classes: dict[str, set[str]] = {}
    lines = src.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        head, _, morph = line.partition(" ")
        word = head.split("/")[0]
        if not word or word != word.lower() or not word.isalpha() and "-" not in word:
            continue
        if not any(c.isalpha() for c in word):
            continue
        for f in morph.split():
            if not f.startswith("po:"):
                continue
            po = f[3:]
            c = "V" if po.startswith("v") and "_" in po else CLASS.get(po)
            if c:
                classes.setdefault(word, set()).add(c)
    version = "unknown"
    for p in (Path("/usr/share/doc/hunspell-fr-comprehensive/changelog.Debian.gz"),):
        if p.is_file():
            import gzip

            first = gzip.open(p, "rt", encoding="utf-8").readline()
            version = first.split("(")[1].split(")")[0] if "(" in first else version
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER.format(version=version))
        for w in sorted(classes):
            fh.write(f"{w}\t{''.join(sorted(classes[w]))}\n")
    print(f"{len(classes)} headwords -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
