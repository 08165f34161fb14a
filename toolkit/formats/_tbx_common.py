"""Glossary ⇄ TBX tree, shared by TBX v2 (``tbx.py``) and TBX v3 (``tbx3.py``).

Both dialects have the same shape with renamed elements (FORMATS.md §1-2):
v2 martif/martifHeader/termEntry/langSet/tig, v3 tbx/tbxHeader/conceptEntry/langSec/termSec.
The field mapping is documented in ``tbx.py``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import ParseError
from ..types import Glossary, TermPair
from ._cells import fmt_float
from ._xml import XML_LANG, local, text_of, xml_text

STATUS_TO_ADMIN = {
    "approved": "preferredTerm-admn-sts",
    "rejected": "deprecatedTerm-admn-sts",
    "new": "admittedTerm-admn-sts",
}
ADMIN_TO_STATUS = {
    "preferredTerm-admn-sts": "approved",
    "admittedTerm-admn-sts": "new",
    "deprecatedTerm-admn-sts": "rejected",
    "supersededTerm-admn-sts": "rejected",
}
# Tagger tags → TBX partOfSpeech picklist (TBX-Basic XCS). v3 drops properNoun.
POS_MAP = {
    "noun": "noun", "n": "noun", "nom": "noun", "propn": "properNoun", "propernoun": "properNoun",
    "verb": "verb", "v": "verb", "verbe": "verb", "adj": "adjective", "adjective": "adjective",
    "adjectif": "adjective", "adv": "adverb", "adverb": "adverb", "adverbe": "adverb",
    "other": "other",
}
PREFIX = "termkit:"
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_TOKEN = re.compile(r"^\w+$")


@dataclass(frozen=True)
class Dialect:
    root: str
    header: str
    entry: str
    lang: str
    term: str  # tig / termSec
    ns: str | None
    pos_values: frozenset

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name


def _sub(parent, d: Dialect, name: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, d.q(name), {k.replace("_", ""): v for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _entry_id(raw: str, used: set[str], n: int) -> str:
    if raw and _NCNAME.match(raw) and raw not in used:
        return raw
    base = "tk-" + (hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10] if raw else str(n))
    cand, k = base, 1
    while cand in used:
        k += 1
        cand = f"{base}-{k}"
    return cand


def build(glossary: Glossary, d: Dialect, root_attrs: dict):
    root = etree.Element(d.q(d.root), root_attrs, nsmap={None: d.ns} if d.ns else None)
    root.set(XML_LANG, "en")
    header = _sub(root, d, d.header)
    fd = _sub(header, d, "fileDesc")
    # v2: titleStmt?, publicationStmt?, sourceDesc+; v3: publicationStmt?, titleStmt?, sourceDesc
    ts = _sub(fd, d, "titleStmt")
    _sub(ts, d, "title", glossary.title)
    _sub(_sub(fd, d, "sourceDesc"), d, "p", "termkit export")
    if not d.ns:
        _sub(_sub(header, d, "encodingDesc"), d, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, d, "text"), d, "body")
    used: set[str] = set()
    for n, e in enumerate(glossary.entries, 1):
        _entry(body, d, e, used, n, glossary.src_lang, glossary.tgt_lang)
    return root


def _entry(body, d: Dialect, e: TermPair, used: set[str], n: int, src: str, tgt: str) -> None:
    eid = _entry_id(e.id, used, n)
    used.add(eid)
    ent = _sub(body, d, d.entry, id=eid)
    # Entry level (auxInfo before langSet): the user's note, then termkit's own fields.
    if e.note and not e.note.startswith(PREFIX):
        _sub(ent, d, "note", e.note)
    tbx_pos = POS_MAP.get(e.pos.lower().replace(" ", ""), "") if e.pos else ""
    if tbx_pos not in d.pos_values:
        tbx_pos = ""
    # Defaults (score 0, freq 0, kind term/acronym-from-termType, not stale) are not written.
    compact = []
    if e.score:
        compact.append(f"score={fmt_float(e.score)}")
    if e.freq:
        compact.append(f"freq={int(e.freq)}")
    separate = []
    if e.kind not in ("term", "acronym"):
        (compact if _TOKEN.match(e.kind) else separate).append(f"kind={e.kind}")
    if e.stale:
        compact.append("stale=true")
    if compact:
        _sub(ent, d, "note", f"{PREFIX} " + "; ".join(compact))
    if eid != e.id:
        separate.append(f"id={e.id}")
    if e.pos and tbx_pos != e.pos:
        separate.append(f"pos={e.pos}")
    if e.note.startswith(PREFIX):
        separate.append(f"note={e.note}")
    for kv in separate:
        _sub(ent, d, "note", PREFIX + kv)
    for lang, term, variants, example in ((src, e.fr, e.fr_variants, e.example_fr),
                                          (tgt, e.en, e.en_variants, e.example_en)):
        ls = _sub(ent, d, d.lang)
        ls.set(XML_LANG, lang)
        tig = _sub(ls, d, d.term)
        _sub(tig, d, "term", term)
        # tig: term, termNote*, then descrip/descripGrp/admin/note (TBX-Basic DTD).
        if tbx_pos:
            _sub(tig, d, "termNote", tbx_pos, type="partOfSpeech")
        if e.kind == "acronym":
            _sub(tig, d, "termNote", "acronym", type="termType")
        _sub(tig, d, "termNote", STATUS_TO_ADMIN.get(e.status, STATUS_TO_ADMIN["new"]),
             type="administrativeStatus")
        if example:
            grp = _sub(tig, d, "descripGrp")
            _sub(grp, d, "descrip", example, type="context")
            for doc in e.docs:
                _sub(grp, d, "admin", doc, type="source")
        else:
            for doc in e.docs:
                _sub(tig, d, "admin", doc, type="source")
        for v in variants:
            vt = _sub(ls, d, d.term)
            _sub(vt, d, "term", v)
            _sub(vt, d, "termNote", "admittedTerm-admn-sts", type="administrativeStatus")


# ---------------------------------------------------------------- reading


def _lang_of(el) -> str:
    return (el.get(XML_LANG) or el.get("lang") or "").replace("_", "-").split("-")[0].lower()


def _kids(el, name):
    return [c for c in el if local(c.tag) == name]


def parse_tree(tree, path: Path, d: Dialect, src: str = "fr", tgt: str = "en") -> Glossary:
    root = tree.getroot()
    name = path.name
    if local(root.tag) != d.root:
        raise ParseError(f"{name}: line {root.sourceline}: root element is <{local(root.tag)}>, expected <{d.root}>")
    title = next((t.text or "" for t in root.iter() if local(t.tag) == "title"), "termkit glossary")
    body = next((b for b in root.iter() if local(b.tag) == "body"), None)
    if body is None:
        raise ParseError(f"{name}: line {root.sourceline}: <{d.root}> has no <text><body>")
    g = Glossary(entries=[], src_lang=src, tgt_lang=tgt, title=title)
    for ent in body:
        if local(ent.tag) != d.entry:
            continue
        e = _read_entry(ent, d, name, src, tgt)
        if e is not None:  # None: a concept with neither language (e.g. de/es only)
            g.entries.append(e)
    return g


def _read_entry(ent, d: Dialect, name: str, src: str, tgt: str) -> TermPair | None:
    where = f"{name}: line {ent.sourceline}"
    machine: dict[str, str] = {}
    plain_notes: list[str] = []

    def notes_of(el):
        for nt in _kids(el, "note"):
            t = text_of(nt)
            if t.startswith(PREFIX + " "):  # "termkit: score=0.87; freq=12; stale=true"
                for kv in t[len(PREFIX) + 1:].split("; "):
                    k, _, v = kv.partition("=")
                    machine.setdefault(k.strip(), v)
            elif t.startswith(PREFIX) and "=" in t:
                k, v = t[len(PREFIX):].split("=", 1)
                machine.setdefault(k, v)
            else:
                plain_notes.append(t)

    notes_of(ent)
    sides: dict[str, dict] = {}
    for ls in _kids(ent, d.lang):
        lang = _lang_of(ls)
        if lang not in (src, tgt) or lang in sides:
            continue
        notes_of(ls)
        tigs = [t for t in ls if local(t.tag) in (d.term, "ntig")]
        if not tigs:
            raise ParseError(f"{where}: <{d.lang} xml:lang=\"{lang}\"> has no <{d.term}>")
        info = {"term": "", "variants": [], "status": None, "pos": "", "ttype": "",
                "example": "", "docs": []}
        for i, tig in enumerate(tigs):
            term_el = next((c for c in tig.iter() if local(c.tag) == "term"), None)
            if term_el is None:
                raise ParseError(f"{name}: line {tig.sourceline}: <{local(tig.tag)}> has no <term>")
            if i:
                info["variants"].append(text_of(term_el))
                continue
            info["term"] = text_of(term_el)
            notes_of(tig)
            for c in tig.iter():
                tag, typ = local(c.tag), c.get("type")
                if tag == "termNote" and typ == "administrativeStatus":
                    info["status"] = ADMIN_TO_STATUS.get((c.text or "").strip())
                elif tag == "termNote" and typ == "partOfSpeech":
                    info["pos"] = (c.text or "").strip()
                elif tag == "termNote" and typ == "termType":
                    info["ttype"] = (c.text or "").strip()
                elif tag == "descrip" and typ == "context" and not info["example"]:
                    info["example"] = text_of(c)
                elif tag == "admin" and typ == "source":
                    info["docs"].append(text_of(c))
        sides[lang] = info
    if src not in sides and tgt not in sides:
        return None
    empty = {"term": "", "variants": [], "status": None, "pos": "", "ttype": "", "example": "", "docs": []}
    fr, en = sides.get(src, empty), sides.get(tgt, empty)
    status = fr["status"] or en["status"] or "new"
    kind = machine.get("kind") or ("acronym" if "acronym" in (fr["ttype"], en["ttype"]) else "term")
    try:
        score = float(machine.get("score", "0") or 0)
        freq = int(machine.get("freq", "0") or 0)
    except ValueError:
        raise ParseError(f"{where}: termkit:score/freq note is not a number") from None
    note = machine["note"] if "note" in machine else "\n".join(plain_notes)
    return TermPair(
        fr=fr["term"], en=en["term"],
        id=machine["id"] if "id" in machine else (ent.get("id") or ""),
        score=score, freq=freq, kind=kind,
        pos=machine["pos"] if "pos" in machine else (fr["pos"] or en["pos"]),
        fr_variants=tuple(fr["variants"]), en_variants=tuple(en["variants"]),
        example_fr=fr["example"], example_en=en["example"],
        docs=tuple(fr["docs"] or en["docs"]),
        status=status, note=note, stale=machine.get("stale", "false") == "true",
    )
