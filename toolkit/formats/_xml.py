"""The only place termkit parses XML (STYLE.md "For termkit" §6).

lxml with DTD loading, network access and entity expansion off. A document that declares
entities (billion laughs, XXE ``file:///etc/passwd``) is rejected with a ParseError; an
external DTD URL in a DOCTYPE is neither fetched nor used. Writers share ``xml_text`` to
drop the C0 control characters XML 1.0 cannot carry.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ..errors import InputError, ParseError
from ..fileio import atomic_path

__all__ = ["parse", "root_name", "xml_text", "write_tree", "tree_bytes", "write_bytes", "XML_NS", "local", "text_of"]

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"

# XML 1.0 §2.2 Char: no C0 controls except tab, LF, CR; no U+FFFE/U+FFFF; no lone surrogates.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,  # no entity expansion (billion laughs, XXE)
        no_network=True,  # never fetch a DTD or entity over the network
        load_dtd=False,  # ignore <!DOCTYPE … SYSTEM "…">
        dtd_validation=False,
        huge_tree=False,  # keep libxml2's depth/size limits
        remove_blank_text=False,
    )


def parse(path: str | os.PathLike) -> etree._ElementTree:
    """Parse ``path`` safely; raise ParseError ("file: line N: …") on anything wrong."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from e
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as e:
        line = getattr(e, "lineno", None) or 0
        msg = str(e.msg if hasattr(e, "msg") else e).split(", line")[0]
        raise ParseError(f"{p.name}: line {line}: not well-formed XML ({msg})") from e
    dtd = tree.getroot().getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseError(f"{p.name}: line 1: entity declarations are not allowed (possible XXE/billion laughs); remove the <!DOCTYPE> internal subset")
    if _has_entity_decl(data):
        raise ParseError(f"{p.name}: line 1: entity declarations are not allowed (possible XXE/billion laughs); remove the <!DOCTYPE> internal subset")
    for node in tree.iter():
        if isinstance(node, etree._Entity):
            raise ParseError(f"{p.name}: line {node.sourceline}: undeclared or external entity &{node.name}; is not allowed")
    return tree


def root_name(path: str | os.PathLike) -> str:
    """Local name of the root element, reading only the start of the file (for sniffing)."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            for _event, el in etree.iterparse(fh, events=("start",), resolve_entities=False,
                                               no_network=True, load_dtd=False, huge_tree=False):
                return local(el.tag)
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from e
    except etree.XMLSyntaxError as e:
        raise ParseError(f"{p.name}: line {getattr(e, 'lineno', 0) or 0}: not well-formed XML") from e
    return ""


def _has_entity_decl(data: bytes) -> bool:
    head = data[:65536]
    m = re.search(rb"<!DOCTYPE", head)
    return bool(m and re.search(rb"<!ENTITY", head[m.start():]))


def local(tag) -> str:
    """Tag name without namespace ("" for comments and PIs)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(el, skip=("bpt", "ept", "ph", "it", "ut")) -> str:
    """Text content of ``el``; inline native-code elements (TMX bpt/ept/ph…) are skipped."""
    parts = [el.text or ""]
    for child in el:
        if local(child.tag) and local(child.tag) not in skip:
            parts.append(text_of(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def xml_text(s: str) -> str:
    """``s`` without the characters XML 1.0 cannot carry (C0 controls, U+FFFE/FFFF)."""
    return _INVALID.sub("", s)


def tree_bytes(root, *, doctype: str | None = None, pis: tuple = ()) -> bytes:
    """``root`` serialised: UTF-8, XML declaration, PIs and DOCTYPE, indented."""
    etree.indent(root, space=" ")
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    for pi in pis:
        head += pi.encode("utf-8") + b"\n"
    if doctype:
        head += doctype.encode("utf-8") + b"\n"
    return head + body + b"\n"


def write_bytes(target, data: bytes) -> None:
    """``data`` to a path (atomically) or to an open stream (text streams get its UTF-8 text)."""
    if hasattr(target, "write"):
        buf = getattr(target, "buffer", None)
        if buf is not None:
            target.flush()
            buf.write(data)
            buf.flush()
        else:
            target.write(data.decode("utf-8"))
        return
    with atomic_path(target) as tmp:
        Path(tmp).write_bytes(data)


def write_tree(root, target, *, doctype: str | None = None, pis: tuple = ()) -> None:
    """Serialise ``root`` (UTF-8, XML declaration, indented) to a path, atomically, or a stream."""
    write_bytes(target, tree_bytes(root, doctype=doctype, pis=pis))
