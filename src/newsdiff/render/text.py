"""Plain terminal text: a summary, then each change with its evidence."""

from __future__ import annotations

from newsdiff.models import Report, Severity

__all__ = ["render_text"]

_COLOURS = {Severity.HIGH: "\x1b[31m", Severity.MEDIUM: "\x1b[33m", Severity.LOW: "\x1b[36m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"


def _quote(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def render_text(report: Report, *, color: bool = False) -> str:
    """Render ``report`` as terminal text; ``color`` adds ANSI colours by severity.

    >>> from newsdiff import compare
    >>> print(render_text(compare("Talks failed.", "Talks failed.")))
    original -> rewrite: reuse 100.0%, coverage 100.0%, 0 changes
    """
    bold, reset = (_BOLD, _RESET) if color else ("", "")
    names = f"{report.original.name or 'original'} -> {report.rewrite.name or 'rewrite'}"
    metrics = report.metrics
    count = len(report.changes)
    summary = (
        f"{bold}{names}{reset}: reuse {metrics.reuse:.1%}, coverage {metrics.coverage:.1%}, "
        f"{count} change{'' if count == 1 else 's'}"
    )
    lines = [summary]
    for change in report.changes:
        colour = _COLOURS[change.severity] if color else ""
        lines.append("")
        lines.append(
            f"{colour}[{change.severity.value.upper()}]{reset} {bold}{change.kind.value}{reset}: "
            f"{change.explanation}"
        )
        lines.extend(f"    - {_quote(span.text)}" for span in change.original)
        lines.extend(f"    + {_quote(span.text)}" for span in change.rewrite)
    return "\n".join(lines)
