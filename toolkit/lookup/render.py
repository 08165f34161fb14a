"""Terminal rendering of a LookupResult with rich: a table of glossary hits, then the
concordance, the term highlighted in both languages, with the source document."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .result import LookupResult

__all__ = ["render", "highlight", "loose_note"]

_STATUS_STYLE = {"approved": "bold green", "new": "yellow", "rejected": "red strike"}
_MATCH_STYLE = {"exact": "bold", "lemma": "", "fuzzy": "dim"}
HIGHLIGHT = "bold black on yellow"


def highlight(text: str, spans, style: str = HIGHLIGHT) -> Text:
    """``text`` with the (start, end) ``spans`` styled."""
    t = Text(text)
    for s, e in spans:
        t.stylize(style, s, e)
    return t


def render(result: LookupResult, console: Console) -> None:
    """Print the glossary hits and concordance lines of ``result`` to ``console``."""
    if not result.glossary:
        console.print(f"No glossary entry for [bold]{_esc(result.query)}[/bold].")
    else:
        t = Table(title=f"Glossary: {_esc(result.query)}", title_justify="left", show_edge=False, pad_edge=False)
        t.add_column("FR")
        t.add_column("EN")
        t.add_column("status")
        t.add_column("match")
        t.add_column("score", justify="right")
        t.add_column("note / variants", overflow="fold")
        for h in result.glossary:
            e = h.entry
            fr = Text(e.fr, style="bold" if h.direction == "fr" else "")
            en = Text(e.en, style="bold" if h.direction == "en" else "")
            extra = "; ".join(x for x in (e.note, " | ".join(e.fr_variants + e.en_variants)) if x)
            t.add_row(fr, en, Text(e.status + (" (stale)" if e.stale else ""), style=_STATUS_STYLE.get(e.status, "")),
                      Text(f"{h.match} {h.direction}\u2192{'en' if h.direction == 'fr' else 'fr'}",
                           style=_MATCH_STYLE.get(h.match, "")),
                      f"{h.score:.0f}", Text(extra))
        console.print(t)
    if not result.concordance:
        if result.context:
            console.print("[dim]No example sentence in the aligned corpus.[/dim]")
        return
    console.print()
    console.print(f"[bold]Examples[/bold] ({len(result.concordance)})")
    note = loose_note(result)
    if note:
        console.print(f"[dim]{_esc(note)}[/dim]")
    for c in result.concordance:
        line = Text()
        line.append(f"{c.doc}", style="cyan")
        line.append(f"  {c.score:.2f}", style="dim")
        console.print(line)
        fr = Text("  FR  ", style="dim")
        fr.append_text(highlight(c.fr, c.fr_spans))
        en = Text("  EN  ", style="dim")
        en.append_text(highlight(c.en, c.en_spans))
        console.print(fr)
        console.print(en)


def loose_note(result: LookupResult) -> str:
    """Why these examples, when they are not the exact phrase as typed."""
    how = {"near": "all its words in order, close together", "words": "all its words, anywhere in the sentence"}
    parts = []
    if result.corrected:
        parts.append(f"spelling corrected to «{result.corrected}»")
    if result.examples in how:
        parts.append(f"no example of the exact phrase; showing sentences with {how[result.examples]}")
    return "; ".join(parts)


def _esc(s: str) -> str:
    from rich.markup import escape

    return escape(s)
