"""The ``newsdiff`` command line.

Exit codes: 0 success; 1 an unexpected internal error; 2 bad usage or unusable input;
3 the output could not be written. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from newsdiff._pipeline import compare_files
from newsdiff._serialize import unstructure_report
from newsdiff._version import __version__
from newsdiff.exceptions import InputError, NewsdiffError, RenderError
from newsdiff.models import ChangeKind, Report, Severity
from newsdiff.render.text import render_text

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EXIT_ERROR", "EXIT_INPUT", "EXIT_OK", "EXIT_OUTPUT", "main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INPUT = 2
EXIT_OUTPUT = 3


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so main() owns exit codes."""

    def error(self, message: str) -> None:  # type: ignore[override]  # raises, never returns
        raise InputError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsdiff", description="Compare a news article with its rewrites.")
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    compare = commands.add_parser(
        "compare",
        help="compare an original article with one or more rewrites",
        description="Compare ORIGINAL with each REWRITE and report what changed in meaning.",
    )
    compare.add_argument("original", metavar="ORIGINAL", help="the original article (a text file)")
    compare.add_argument("rewrites", metavar="REWRITE", nargs="+", help="a rewritten version")
    compare.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    compare.add_argument(
        "--kind",
        action="append",
        choices=[kind.value for kind in ChangeKind],
        metavar="KIND",
        help="only report changes of this kind (repeatable)",
    )
    compare.add_argument(
        "--min-severity",
        choices=[severity.value for severity in Severity],
        default="low",
        help="only report changes at this severity or above (default low)",
    )
    compare.add_argument(
        "--max-chars", type=int, default=None, metavar="N", help="refuse inputs over N characters"
    )
    return parser


def _render(reports: Sequence[Report], output_format: str, color: bool) -> str:
    if output_format == "json":
        if len(reports) == 1:
            return reports[0].to_json() + "\n"
        data = {"comparisons": [unstructure_report(report) for report in reports]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return "\n\n".join(render_text(report, color=color) for report in reports) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:  # --help and --version print, then exit through here
        return int(done.code or 0)
    except InputError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    try:
        options = {} if args.max_chars is None else {"max_chars": args.max_chars}
        reports = [
            compare_files(args.original, rewrite, **options).filter(
                kinds=args.kind, min_severity=args.min_severity
            )
            for rewrite in args.rewrites
        ]
        color = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in _environ()
        rendered = _render(reports, args.format, color)
    except InputError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except RenderError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_OUTPUT
    except NewsdiffError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    return _write(rendered, args.output)


def _environ() -> dict[str, str]:
    import os  # noqa: PLC0415 - kept local so tests can patch the environment freely

    return dict(os.environ)


def _write(rendered: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(rendered)
        return EXIT_OK
    try:
        with open(output, "w", encoding="utf-8") as handle:  # noqa: PTH123 - plain file path
            handle.write(rendered)
    except OSError as err:
        print(f"newsdiff: error: cannot write {output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_OUTPUT
    return EXIT_OK
