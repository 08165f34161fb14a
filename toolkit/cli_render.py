"""How the CLI shows things on a terminal (rich): build progress and summary, check issues."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Callable, Iterator

__all__ = ["build_progress", "summary", "issues_table"]


@contextlib.contextmanager
def build_progress(quiet: bool, echo: Callable[[str], None]) -> Iterator[Callable | None]:
    """A ``progress(message, done, total)`` callback: a bar on a terminal, lines otherwise."""
    from rich.console import Console

    console = Console(stderr=True)
    if quiet:
        yield None
    elif not console.is_terminal:
        yield lambda m, d, t: echo(f"[{d}/{t}] {m}")
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True) as bar:
            task = bar.add_task("building", total=None)
            yield lambda m, d, t: bar.update(task, description=m, completed=d, total=t)


def summary(report, out: Path) -> None:
    """The build's summary table and one line of totals, on stdout."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from .fileio import display

    t = Table(title="termkit build", title_justify="left")
    for col in ("document", "FR seg", "EN seg", "beads", f"to review (<{report.review_threshold:.2f})", "cache"):
        t.add_column(col, justify="left" if col in ("document", "cache") else "right")
    for d in report.docs:
        t.add_row(escape(d.doc), str(d.fr_segments), str(d.en_segments), str(d.beads), str(d.low_confidence),
                  "cached" if d.cached else "")
    t.add_row("total", str(sum(d.fr_segments for d in report.docs)),
              str(sum(d.en_segments for d in report.docs)), str(sum(d.beads for d in report.docs)),
              str(sum(d.low_confidence for d in report.docs)), "", style="bold")
    console = Console()
    console.print(t)
    console.print(f"terms: {report.terms} ({report.new_terms} new)   skipped: {len(report.skipped)}   "
                  f"time: {report.seconds:.1f}s   outputs: {display(out / 'aligned')}, "
                  f"{display(out / 'glossaries')}, {display(out / 'termkit.db')}")
    low_list(report, console)


LOW_SHOWN = 12  # beads listed on the terminal; --json lists them all


def low_list(report, console) -> None:
    """The beads to review, lowest score first (the first ``LOW_SHOWN``)."""
    from rich.markup import escape

    low = sorted((b for d in report.docs for b in d.low_beads), key=lambda b: (b["score"], b["doc"], b["bead"]))
    if not low:
        return
    left = " (left out of the TMX)" if report.min_score is not None else ""
    console.print(f"\n[bold]{len(low)} bead(s) scored under {report.review_threshold:.2f}{left}[/bold], lowest first:")
    for b in low[:LOW_SHOWN]:
        console.print(f"  {escape(b['doc'])} #{b['bead']}  {b['kind']}  {b['score']:.2f}  "
                      f"FR «{escape(_short(b['fr']))}»  EN «{escape(_short(b['en']))}»", soft_wrap=True)
        if b.get("reasons"):
            console.print(f"      why: {escape('; '.join(b['reasons']))}", soft_wrap=True)
    more = f"{len(low) - LOW_SHOWN} more; " if len(low) > LOW_SHOWN else ""
    console.print(f"  {more}review them with `termkit serve` (`--json` lists them all)")


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def issues_table(issues) -> None:
    """``termkit check`` issues as a table (or "No issues found.")."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    real = sum(1 for i in issues if i.severity == "issue")
    if not issues:
        console.print("No issues found.")
        return
    t = Table(title=f"{real} issue(s), {len(issues) - real} note(s)", title_justify="left", show_lines=True)
    for c in ("kind", "FR", "EN", "message"):
        t.add_column(c)
    for i in sorted(issues, key=lambda i: i.severity != "issue"):
        t.add_row(i.kind if i.severity == "issue" else f"{i.kind} (note)", escape(f"[{','.join(map(str, i.fr_ids))}] {i.fr}"),
                  escape(f"[{','.join(map(str, i.en_ids))}] {i.en}"), escape(i.message))
    console.print(t)
