"""termkit command line (being built)."""
import typer

app = typer.Typer(pretty_exceptions_enable=False, no_args_is_help=True)


@app.callback()
def _root() -> None:
    """termkit: French-English segmentation, alignment and terminology."""


def main() -> None:
    app()
