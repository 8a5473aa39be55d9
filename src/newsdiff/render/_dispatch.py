"""One entry point for every output format, for the command line and batch jobs."""

from __future__ import annotations

import tempfile
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.exceptions import RenderError
from newsdiff.models import Report
from newsdiff.render.html import render_html, render_variants_html
from newsdiff.render.markdown import render_markdown, render_variants_markdown
from newsdiff.render.text import render_text, render_variants_text

if TYPE_CHECKING:
    import os

    from newsdiff.variants import VariantComparison

__all__ = ["FORMATS", "open_html", "render"]

#: The output formats :func:`render` knows.
FORMATS = ("text", "json", "markdown", "html")


def render(
    result: Report | VariantComparison, output_format: str = "text", *, color: bool = False
) -> str:
    """Render a report or a variant comparison in ``output_format``, ending in a newline.

    Args:
        result: What :func:`newsdiff.compare` or :func:`newsdiff.variants.compare_variants`
            returned.
        output_format: One of :data:`FORMATS`.
        color: ANSI colours, for ``text`` only (see :func:`newsdiff.render.text.use_color`).

    Returns:
        The rendered output.

    Raises:
        RenderError: an unknown format, or a template failure.

    >>> from newsdiff import compare
    >>> render(compare("Talks failed.", "Talks failed."), "markdown").splitlines()[0]
    '# original → rewrite'
    """
    if output_format not in FORMATS:
        msg = f"unknown output format {output_format!r}; use one of {', '.join(FORMATS)}"
        raise RenderError(msg)
    if output_format == "json":
        rendered = result.to_json()
    elif isinstance(result, Report):
        rendered = _render_report(result, output_format, color=color)
    elif output_format == "markdown":
        rendered = render_variants_markdown(result)
    elif output_format == "html":
        rendered = render_variants_html(result)
    else:
        rendered = render_variants_text(result, color=color)
    return rendered if rendered.endswith("\n") else rendered + "\n"


def _render_report(report: Report, output_format: str, *, color: bool) -> str:
    if output_format == "markdown":
        return render_markdown(report)
    if output_format == "html":
        return render_html(report)
    return render_text(report, color=color)


def open_html(page: str, *, path: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """Write ``page`` to ``path`` (a new temporary file when ``None``) and open it.

    Returns:
        The file written, and whether a browser was found to open it; without one the
        file stays for the user to open by hand.

    Raises:
        RenderError: the file cannot be written.
    """
    try:
        if path is None:
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", suffix=".html", prefix="newsdiff-", delete=False
            ) as handle:
                handle.write(page)
                target = Path(handle.name)
        else:
            target = Path(path)
            target.write_text(page, encoding="utf-8")
    except OSError as err:
        msg = f"cannot write the HTML page to {path or 'a temporary file'}: {err}"
        raise RenderError(msg) from err
    try:
        opened = webbrowser.open(target.resolve().as_uri())
    except webbrowser.Error:
        opened = False
    return target, opened
