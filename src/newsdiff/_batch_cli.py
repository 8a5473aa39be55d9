"""The ``newsdiff batch`` command: compare a corpus of pairs and stream the results.

``newsdiff batch PAIRS -o results.jsonl`` reads PAIRS (a JSONL file, a folder laid out
as :mod:`newsdiff.batch` describes, or ``-`` for JSONL on stdin) and writes one JSON
line per pair, or the per-pair summary table with ``--format csv``. A one-line
summary goes to stderr.

Exit codes, as for ``newsdiff compare``: 0 every pair compared; 1 an unexpected
internal error; 2 bad usage or unusable PAIRS (or scheduler address); 3 the output
could not be written; and 4 the batch ran but at least one pair failed: each failed
pair has an error record in the output (with ``--fail-fast``, the batch stopped at
the first).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdiff._exitcodes import EXIT_ERROR, EXIT_FAILED_PAIRS, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT
from newsdiff.batch import (
    DEFAULT_CHUNK_SIZE,
    BatchSummary,
    Pair,
    PairResult,
    compare_many,
    read_pairs_dir,
    read_pairs_jsonl,
    write_csv,
    write_jsonl,
)
from newsdiff.exceptions import InputError, NewsdiffError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["EXIT_FAILED_PAIRS", "add_batch_command", "run_batch"]


class _OutputError(Exception):
    """Writing the output failed; carries the OSError's text."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a whole number of 1 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def add_batch_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``batch`` command to the ``newsdiff`` parser's subparsers.

    Args:
        subparsers: What ``ArgumentParser.add_subparsers()`` returned.

    Returns:
        The ``batch`` parser; :func:`run_batch` runs the parsed arguments.
    """
    batch = subparsers.add_parser(
        "batch",
        help="compare many pairs from a JSONL file or a folder",
        description=(
            "Compare every pair in PAIRS: a JSONL file of {id, original|original_path, "
            "rewrite|rewrite_path} records, a folder of <story>/original.txt with rewrites "
            "beside it, or - for JSONL on stdin. Exit 4 when some pairs failed."
        ),
    )
    batch.add_argument("pairs", metavar="PAIRS", help="JSONL file, folder, or - for stdin")
    batch.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    batch.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        default="jsonl",
        help="one JSON report per line, or the per-pair summary table (default jsonl)",
    )
    where = batch.add_mutually_exclusive_group()
    where.add_argument(
        "--workers", type=_positive, metavar="N", help="local worker processes (default: CPUs)"
    )
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://host:8786"
    )
    order = batch.add_mutually_exclusive_group()
    order.add_argument(
        "--ordered",
        dest="ordered",
        action="store_true",
        default=True,
        help="write results in input order (default)",
    )
    order.add_argument(
        "--as-completed",
        dest="ordered",
        action="store_false",
        help="write results as they complete",
    )
    batch.add_argument("--fail-fast", action="store_true", help="stop at the first pair that fails")
    batch.add_argument(
        "--chunk-size",
        type=_positive,
        default=DEFAULT_CHUNK_SIZE,
        metavar="N",
        help=f"pairs per task (default {DEFAULT_CHUNK_SIZE})",
    )
    batch.add_argument(
        "--max-chars", type=_positive, default=None, metavar="N", help="fail articles over N chars"
    )
    batch.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    return batch


def run_batch(args: argparse.Namespace) -> int:
    """Run a parsed ``batch`` command; return the exit code (see the module's notes)."""
    try:
        pairs = _pairs(args.pairs)
        with _executor(args.scheduler) as (executor, window):
            options: dict[str, Any] = (
                {} if args.max_chars is None else {"max_chars": args.max_chars}
            )
            results = compare_many(
                pairs,
                workers=args.workers,
                executor=executor,
                window=window,
                ordered=args.ordered,
                fail_fast=args.fail_fast,
                chunk_size=args.chunk_size,
                progress=False if args.no_progress else None,
                **options,
            )
            summary = _write(results, args.output, args.format)
    except InputError as err:
        _say(f"error: {err}")
        return EXIT_INPUT
    except _OutputError as err:
        _say(f"error: {err}")
        return EXIT_OUTPUT
    except (NewsdiffError, concurrent.futures.BrokenExecutor) as err:
        _say(f"error: {err}")
        return EXIT_ERROR
    _say(_describe(summary))
    return EXIT_OK if summary.failed == 0 else EXIT_FAILED_PAIRS


def _say(text: str) -> None:
    sys.stderr.write(f"newsdiff: {text}\n")


def _pairs(source: str) -> Iterator[Pair]:
    if source == "-":
        return read_pairs_jsonl(sys.stdin.buffer)
    path = Path(source)
    if path.is_dir():
        return read_pairs_dir(path)
    if not path.exists():
        msg = f"{source}: no such file or folder"
        raise InputError(msg)
    return read_pairs_jsonl(path)


@contextlib.contextmanager
def _executor(address: str | None) -> Iterator[tuple[Any, int | None]]:
    """Yield a Dask executor and its window for ``address``, or ``(None, None)``."""
    if address is None:
        yield None, None
        return
    try:
        # Typed as Any: distributed's API is only partly annotated.
        distributed: Any = importlib.import_module("distributed")
    except ImportError as err:
        msg = "--scheduler needs Dask: pip install 'newsdiff[dask]'"
        raise InputError(msg) from err
    try:
        client = distributed.Client(address)
    except (OSError, TimeoutError, ValueError) as err:
        msg = f"cannot reach the Dask scheduler at {address}: {err}"
        raise InputError(msg) from err
    try:
        threads = sum(client.nthreads().values()) or 1
        # Two chunks per worker thread keep every worker busy while results come back.
        yield client.get_executor(), 2 * threads
    finally:
        client.close()


def _write(results: Iterable[PairResult], output: str | None, output_format: str) -> BatchSummary:
    writer = write_csv if output_format == "csv" else write_jsonl
    # Readers turn their OSErrors into InputError and workers record theirs, so an
    # OSError here can only come from the output.
    try:
        if output is None:
            summary = writer(results, sys.stdout)
            sys.stdout.flush()
            return summary
        with Path(output).open("w", encoding="utf-8", newline="") as handle:
            return writer(results, handle)
    except OSError as err:
        msg = f"cannot write {output or 'stdout'}: {err.strerror or err}"
        raise _OutputError(msg) from err


def _describe(summary: BatchSummary) -> str:
    text = f"{summary.succeeded} of {summary.total} pairs compared in {summary.seconds:.1f} s"
    if summary.failed:
        kinds = ", ".join(f"{name} {count}" for name, count in summary.errors)
        text += f"; {summary.failed} failed ({kinds})"
    return text
