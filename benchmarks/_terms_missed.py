"""Where each missed reference pair was lost (benchmarks/terms.py --missed).

Every reference pair the output lacks is put in one class, following the stages of
``toolkit.terms.extract.run``:

- ``fr absent`` / ``en absent``: the form does not occur in the segmented text (normalised
  lemma keys), so no extractor could find it here (segmentation, or a reference form the
  text does not use);
- ``no candidate``: the French occurs, but no candidate span has that extent; split into
  ``no candidate: inside`` (only longer candidates contain it: boundary) and ``no
  candidate: tags`` (none contains it: tagger or pattern);
- ``filtered: <why>``: a candidate that the select stage left out (min_freq, a select rule,
  not standing alone);
- ``no links``: kept, but no occurrence found an English span linked to it;
- ``dropped: <rule>``: a pairing rule dropped the pair; ``below min_score``: the pair's
  confidence was under the threshold;
- ``English cut`` / ``English padded`` / ``English other``: an entry exists for the French,
  its English is a part of the reference English, contains it, or differs;
  ``English: other sense`` when the reference English was among the evidence but not chosen;
- ``near match``: an entry matches under a looser normalisation (hyphens, possessives,
  spelling): the evaluation's normalisation is the issue, not the extractor.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from _terms_gold import norm

_LOOSE = re.compile(r"[-'/().,]")


def loose(key: str) -> str:
    """A looser key than ``norm``: hyphens and punctuation as spaces, -ise/-ize and -our/-or alike."""
    k = " ".join(_LOOSE.sub(" ", key).split())
    k = re.sub(r"is(e|ation|ing)\b", r"iz\1", k)
    return k.replace("our ", "or ")


def _texts(beads, side: str) -> list[str]:
    return [" " + norm(getattr(b, side), side) + " " for b in beads]


def classify(ds, r, min_freq: int) -> list[tuple[str, str, str, str]]:
    """(class, fr, en, detail) for every reference pair missing from ``r.entries``."""
    from toolkit.terms import rules as R
    from toolkit.terms import termhood as T

    got = {(norm(e.fr, "fr"), norm(e.en, "en")) for e in r.entries}
    ref = sorted({(norm(f, "fr"), norm(e, "en")) for f, e, _d in ds.ref})
    missed = [p for p in ref if p not in got]
    if not missed:
        return []
    by_fr_entry = defaultdict(list)
    for e in r.entries:
        by_fr_entry[norm(e.fr, "fr")].append(norm(e.en, "en"))
    loose_got = {(loose(f), loose(e)) for f, e in got}
    keys_by_norm = defaultdict(set)
    for k, st in r.red.stats.items():
        for form in st.forms:
            keys_by_norm[norm(form, "fr")].add(k)
    fr_txt = _texts(r.red.beads, "fr")
    en_txt = _texts(r.red.beads, "en")
    choices = {}
    for ch in r.choices:
        choices.setdefault(ch.cand.key, []).append(ch)
    dropped = {}
    for ch in r.dropped:
        dropped.setdefault(ch.cand.key, []).append(ch)
    T._CORPUS_TOKENS[0] = r.red.ntok
    out = []
    for f, e in missed:
        cls, detail = _one(f, e, r, by_fr_entry, loose_got, keys_by_norm, fr_txt, en_txt, choices, dropped,
                           min_freq, R, T)
        out.append((cls, f, e, detail))
    return out


def _one(f, e, r, by_fr_entry, loose_got, keys_by_norm, fr_txt, en_txt, choices, dropped, min_freq, R, T):
    if (loose(f), loose(e)) in loose_got:
        return "near match", ""
    if f in by_fr_entry:
        ens = by_fr_entry[f]
        keys = keys_by_norm.get(f, ())
        ev = {norm(en, "en") for k in keys for pe in r.ev.get(k, {}).values() for en in pe.forms}
        if e in ev:
            return "English: other sense", " | ".join(ens)
        pad = f" {e} "
        if any(f" {x} " in pad for x in ens):
            return "English cut", " | ".join(ens)
        if any(pad in f" {x} " for x in ens):
            return "English padded", " | ".join(ens)
        return "English other", " | ".join(ens)
    if not any(f" {f} " in t for t in fr_txt):
        return "fr absent", ""
    if not any(f" {e} " in t for t in en_txt):
        return "en absent", ""
    keys = keys_by_norm.get(f)
    if not keys:
        rule = _span_rule(f, r, R)
        if rule:
            return f"span rule: {rule}", _tags_of(f, r)
        inside = [k for k, st in r.red.stats.items() if f" {f} " in " " + " ".join(
            norm(x, "fr") for x in list(st.forms)[:1]) + " "]
        return ("no candidate: inside" if inside else "no candidate: tags"), _tags_of(f, r)
    best = None
    for k in keys:
        stage = _stage(k, f, e, r, choices, dropped, min_freq, R, T)
        if best is None or stage[0] > best[0]:
            best = stage
    return best[1], best[2]


def _stage(k, f, e, r, choices, dropped, min_freq, R, T):
    """(progress, class, detail) of candidate key ``k``: the further it got, the higher."""
    st = r.red.stats[k]
    if k not in r.keep:
        return 1, "filtered: " + _why_not_kept(k, st, r, min_freq, R, T), f"freq {st.freq} free {st.free}"
    evs = r.ev.get(k)
    if not evs:
        return 2, "no links", f"freq {st.freq}"
    if k in dropped and k not in choices:
        names = [x.name for x in R.REGISTRY if x.stage == "pairing" and any(R.fires(x.name, c) for c in dropped[k])]
        return 3, "dropped: " + ",".join(names), " | ".join(c.en for c in dropped[k])
    chs = choices.get(k, [])
    if chs:
        best = max(chs, key=lambda c: c.confidence)
        return 4, "below min_score", f"{best.en} conf {best.confidence:.2f}"
    return 2, "no links", ""


def _why_not_kept(k, st, r, min_freq, R, T) -> str:
    n = len(st.content)
    if st.freq < min_freq:
        return "min_freq"
    if R.fires("thin_evidence", st):
        return "thin_evidence"
    nested_ok = (st.kind == "term" and n >= 2 and r.cv[k] >= math.log2(n + 1) and st.freq >= 2
                 and st.indep >= 1 and st.cut < st.freq)
    if not (st.free > 0 or nested_ok):
        return "never alone"
    if not nested_ok and R.fires("mostly_fragment", st):
        return "mostly_fragment"
    if R.fires("common_single_word", st):
        return "common_single_word"
    for rule in R.REGISTRY:
        if rule.stage == "select" and rule.name != "defined_term" and R.fires(rule.name, st):
            return rule.name
    return "other"


def _span_rule(f: str, r, R) -> str:
    """The span-stage rule that dropped a candidate of extent ``f``, if one did."""
    from toolkit.terms import candidates as C

    for b in r.red.beads:
        if f" {f} " not in " " + norm(b.fr, "fr") + " ":
            continue
        _t, found = C.spans(b.fr, "fr", b.fr_toks)
        for s in found:
            if norm(s.surface, "fr") == f:
                for name in [x.name for x in R.REGISTRY if x.stage in ("span", "part")] + ["activity_of_term_once"]:
                    try:
                        if R.fires(name, s, "fr"):
                            return name
                    except Exception:
                        continue
                return "other"
    return ""


def _tags_of(f: str, r) -> str:
    """The tags of the first French segment where ``f`` occurs (for the tagger/pattern class)."""
    for b in r.red.beads:
        toks = b.fr_toks
        n = [norm(t.text, "fr") for t in toks]
        words = f.split()
        for i in range(len(n)):
            j, got = i, []
            while j < len(n) and len(got) < len(words):
                if n[j]:
                    got.append(n[j])
                j += 1
            if got == words:
                return " ".join(f"{t.text}/{t.tag}" for t in toks[max(0, i - 1):j + 1])
    return ""


def table(name: str, rows: list) -> list[str]:
    """The count per class, most frequent first."""
    c = Counter(cls for cls, *_ in rows)
    return [f"   {name}: {n:4d}  {cls}" for cls, n in c.most_common()]
