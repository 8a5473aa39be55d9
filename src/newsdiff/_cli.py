"""The ``newsdiff`` command line: ``compare`` for one story, ``batch`` for a corpus.

Exit codes (see :mod:`newsdiff._exitcodes`): 0 success; 1 an unexpected internal error;
2 bad usage or unusable input; 3 the output could not be written; 4 a batch in which
some pairs failed. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from newsdiff._batch_cli import add_batch_command, run_batch
from newsdiff._exitcodes import EXIT_ERROR, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT
from newsdiff._pipeline import compare_files
from newsdiff._text import DEFAULT_MAX_CHARS, load_text
from newsdiff._version import __version__
from newsdiff.exceptions import InputError, NewsdiffError, RenderError
from newsdiff.models import ChangeKind, Report, Severity
from newsdiff.render import FORMATS, open_html, render
from newsdiff.render.text import use_color
from newsdiff.variants import VariantComparison, compare_variants

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EXIT_ERROR", "EXIT_INPUT", "EXIT_OK", "EXIT_OUTPUT", "main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so main() owns exit codes."""

    def error(self, message: str) -> None:  # type: ignore[override]  # raises, never returns
        raise InputError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdiff",
        description="Compare a news article with its rewrites and report what changed.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 bad usage or input, 3 output not "
        "written, 4 a batch in which some pairs failed.",
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    compare = commands.add_parser(
        "compare",
        help="compare an original article with one or more rewrites",
        description="Compare ORIGINAL with each REWRITE and report what changed in meaning. "
        "With several rewrites, also compare the rewrites with each other and show the "
        "reuse matrix and lineage.",
    )
    compare.add_argument("original", metavar="ORIGINAL", help="the original article (a text file)")
    compare.add_argument("rewrites", metavar="REWRITE", nargs="+", help="a rewritten version")
    compare.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default text)"
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    compare.add_argument(
        "--open",
        action="store_true",
        help="with --format html, open the page in a browser (written to a temporary file "
        "unless -o is given)",
    )
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
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse inputs over N characters (default {DEFAULT_MAX_CHARS:,})",
    )
    # The batch command takes any ArgumentParser subclass; the action type is invariant.
    add_batch_command(cast("argparse._SubParsersAction[argparse.ArgumentParser]", commands))
    return parser


def _compare(args: argparse.Namespace) -> Report | VariantComparison:
    if len(args.rewrites) == 1:
        report = compare_files(args.original, args.rewrites[0], max_chars=args.max_chars)
        return report.filter(kinds=args.kind, min_severity=args.min_severity)
    variants = {
        Path(path).name: load_text(Path(path), max_chars=args.max_chars) for path in args.rewrites
    }
    if len(variants) != len(args.rewrites):
        msg = "two rewrites have the same file name; rename one so the reports can tell them apart"
        raise InputError(msg)
    family = compare_variants(
        load_text(Path(args.original), max_chars=args.max_chars),
        variants,
        original_name=Path(args.original).name,
    )
    return family.filter(kinds=args.kind, min_severity=args.min_severity)


def _run_compare(args: argparse.Namespace) -> int:
    if args.open and args.format != "html":
        msg = "--open needs --format html"
        raise InputError(msg)
    result = _compare(args)
    color = args.output is None and not args.open and use_color(sys.stdout, os.environ)
    rendered = render(result, args.format, color=color)
    if args.open:
        path, opened = open_html(rendered, path=args.output)
        if not opened:
            print(f"newsdiff: no browser found; the report is at {path}", file=sys.stderr)
        return EXIT_OK
    return _write(rendered, args.output)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:  # --help and --version print, then exit through here
        return int(done.code or 0)
    except InputError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    if args.command == "batch":
        return run_batch(args)
    try:
        return _run_compare(args)
    except InputError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except RenderError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_OUTPUT
    except NewsdiffError as err:
        print(f"newsdiff: error: {err}", file=sys.stderr)
        return EXIT_ERROR


def _write(rendered: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(rendered)
        return EXIT_OK
    try:
        Path(output).write_text(rendered, encoding="utf-8")
    except OSError as err:
        print(f"newsdiff: error: cannot write {output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_OUTPUT
    return EXIT_OK
