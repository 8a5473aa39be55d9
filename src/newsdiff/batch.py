"""Compare a corpus: many pairs, streamed through worker processes or a cluster.

A batch reads pairs lazily (from any iterable of :class:`Pair`, a JSONL file or a
directory), sends them in chunks to a :class:`concurrent.futures.Executor` and yields
one :class:`PairResult` per pair, in input order or as they complete. At most
``window`` chunks are in flight or waiting to be yielded, so memory stays bounded
however long the corpus is. A pair that cannot be compared becomes a failed result
that names the error; the batch goes on unless ``fail_fast`` is set.

Workers serialise each report to JSON themselves, so the main process only writes
lines: the bytes are the same whether a pair ran in this process, in a local process
pool or on a Dask cluster.

JSONL input (:func:`read_pairs_jsonl`): one JSON object per line. ``"id"`` is a string or an
integer (default: ``"line N"``). Each side is given either as text, ``"original"`` /
``"rewrite"``, or as a file, ``"original_path"`` / ``"rewrite_path"``; a relative path
is taken from the folder of the JSONL file. A string under ``"original"`` is always
text, never a path. Other keys are ignored; blank lines are not records. A line that
is not such a record becomes a failed result, not a stopped batch.

Directory input (:func:`read_pairs_dir`): ``DIR/<story>/original.txt`` and, beside it,
one or more rewrites ``DIR/<story>/<name>.txt``; each rewrite is a pair with the id
``"<story>/<name>"``. Stories and rewrites are taken in sorted order. A story folder
without ``original.txt`` or without a rewrite, and a stray file in ``DIR``, become
failed results; names starting with ``"."`` are ignored.

Files are read by the worker that compares them, so with a remote cluster every
path must be readable from the workers.
"""

from __future__ import annotations

import collections
import concurrent.futures
import csv
import json
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
import time
from collections.abc import Sized
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import attrs

from newsdiff._pipeline import AnalysisCache, compare, compare_files
from newsdiff._serialize import report_to_json
from newsdiff._text import DEFAULT_MAX_CHARS
from newsdiff.exceptions import InputError, NewsdiffError
from newsdiff.models import ChangeKind, Report, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    import pandas

    from newsdiff.detect import Detector

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "SUMMARY_COLUMNS",
    "BatchSummary",
    "Pair",
    "PairResult",
    "PairStats",
    "compare_many",
    "pairs_from_records",
    "read_pairs_dir",
    "read_pairs_jsonl",
    "read_results_jsonl",
    "summary_rows",
    "to_dataframe",
    "write_csv",
    "write_jsonl",
]

#: Pairs sent to a worker in one task: large enough that the cost of a task (pickling,
#: scheduling) is a few per cent of the work, small enough to balance the load.
DEFAULT_CHUNK_SIZE = 16
#: A chunk is also closed once its texts reach this many characters, so that a run of
#: very long articles does not make one huge task.
_CHUNK_CHARS = 2_000_000
_ORIGINAL_FILE = "original.txt"


@attrs.frozen(kw_only=True)
class Pair:
    """One comparison to make: an id, the original and the rewrite.

    A ``str`` (or ``bytes``) side is the article itself; a :class:`~pathlib.Path` side
    is a file the worker reads. ``problem``, when set, says why the record this pair
    came from cannot be compared (a reader found it malformed); the pair then becomes
    a failed result with an :class:`~newsdiff.InputError`.
    """

    id: str
    original: str | bytes | Path
    rewrite: str | bytes | Path
    problem: str | None = None


@attrs.frozen(kw_only=True)
class PairStats:
    """The numbers of one successful comparison that a summary table shows.

    ``kinds`` counts changes per :class:`~newsdiff.ChangeKind`, in that enumeration's
    order; ``severities`` per :class:`~newsdiff.Severity`, low to high.
    """

    reuse: float
    coverage: float
    original_sentences: int
    rewrite_sentences: int
    changes: int
    kinds: tuple[int, ...]
    severities: tuple[int, ...]


@attrs.frozen(kw_only=True)
class PairResult:
    """What became of one pair: its report (as JSON) or the error that stopped it.

    The report travels as the JSON text the serialiser made in the worker, so that
    results are cheap to pass between processes and written byte for byte; call
    :meth:`report` to rebuild the :class:`~newsdiff.Report`.
    """

    id: str
    ok: bool
    report_json: str | None = None
    stats: PairStats | None = None
    error_type: str | None = None
    error_message: str | None = None

    def report(self) -> Report:
        """Rebuild the report of a successful pair.

        Raises:
            NewsdiffError: the pair failed, so there is no report.
        """
        if self.report_json is None:
            msg = f"pair {self.id!r} failed ({self.error_type}: {self.error_message}); no report"
            raise NewsdiffError(msg)
        return Report.from_json(self.report_json)

    def to_json(self) -> str:
        """One JSONL line (no newline): id, ok, and the report or the error."""
        head = f'{{"id": {json.dumps(self.id, ensure_ascii=False)}, "ok": '
        if self.report_json is not None:
            return f'{head}true, "report": {self.report_json}}}'
        error = {"type": self.error_type, "message": self.error_message}
        return f'{head}false, "error": {json.dumps(error, ensure_ascii=False)}}}'


@attrs.frozen(kw_only=True)
class BatchSummary:
    """How a batch went: pairs compared, pairs failed, and the failures by error type."""

    total: int
    succeeded: int
    failed: int
    errors: tuple[tuple[str, int], ...] = ()
    seconds: float = 0.0


# --- readers -------------------------------------------------------------------------


def pairs_from_records(
    records: Iterable[Mapping[str, Any]], *, base_dir: str | os.PathLike[str] | None = None
) -> Iterator[Pair]:
    """Turn JSON-like records into pairs, as :func:`read_pairs_jsonl` reads its lines.

    Args:
        records: Mappings with ``id`` and, for each side, text or a ``*_path``.
        base_dir: The folder relative paths start from (the working folder if ``None``).

    Returns:
        One pair per record, malformed records included (with ``problem`` set).

    >>> [p.id for p in pairs_from_records([{"id": 7, "original": "A.", "rewrite": "B."}])]
    ['7']
    """
    base = Path(base_dir) if base_dir is not None else None
    for number, record in enumerate(records, start=1):
        yield _pair_of(record, f"record {number}", base)


def _pair_of(record: object, where: str, base: Path | None) -> Pair:
    """Make the pair of one record; ``where`` ("line 3") names it in ids and messages."""
    if not isinstance(record, dict):
        return _bad(where, f"{where} is not a JSON object")
    raw_id = record.get("id", where)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or raw_id == "":
        return _bad(where, f"{where}: id must be a non-empty string or integer")
    pair_id = str(raw_id)
    sides: list[str | Path] = []
    for side in ("original", "rewrite"):
        text, path = record.get(side), record.get(f"{side}_path")
        if (text is None) == (path is None):
            return _bad(pair_id, f"{where}: give exactly one of {side!r} and {side}_path")
        value = text if text is not None else path
        if not isinstance(value, str):
            key = side if text is not None else f"{side}_path"
            return _bad(pair_id, f"{where}: {key} must be a string")
        sides.append(value if text is not None else _resolve(value, base))
    return Pair(id=pair_id, original=sides[0], rewrite=sides[1])


def _resolve(value: str, base: Path | None) -> Path:
    path = Path(value)
    return path if path.is_absolute() or base is None else base / path


def _bad(pair_id: str, problem: str) -> Pair:
    return Pair(id=pair_id, original="", rewrite="", problem=problem)


def read_pairs_jsonl(source: str | os.PathLike[str] | IO[bytes]) -> Iterator[Pair]:
    """Read pairs lazily from a JSONL file (see the module's notes for the format).

    Args:
        source: A file path, or a binary stream (relative paths then start from the
            working folder).

    Returns:
        An iterator of pairs, one per non-blank line, read as it is consumed.

    Raises:
        InputError: the file cannot be opened or read (raised on first use).
    """
    if isinstance(source, str | os.PathLike):
        return _read_jsonl_file(Path(source))
    return _read_jsonl_lines(source, None, "input")


def _read_jsonl_file(path: Path) -> Iterator[Pair]:
    try:
        handle = path.open("rb")
    except OSError as err:
        msg = f"{path}: cannot read the pairs file ({err.strerror or err})"
        raise InputError(msg) from err
    with handle:
        yield from _read_jsonl_lines(handle, path.parent, str(path))


def _read_jsonl_lines(handle: IO[bytes], base: Path | None, name: str) -> Iterator[Pair]:
    number = 0
    while True:
        try:
            line = handle.readline()
        except OSError as err:
            msg = f"{name}: cannot read the pairs file ({err.strerror or err})"
            raise InputError(msg) from err
        if not line:
            return
        number += 1
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError) as err:
            # A bad line is one failed record, not a stopped batch.
            yield _bad(f"line {number}", f"line {number} is not valid JSON: {err}")
            continue
        yield _pair_of(record, f"line {number}", base)


def read_pairs_dir(directory: str | os.PathLike[str]) -> Iterator[Pair]:
    """Read pairs lazily from ``DIR/<story>/original.txt`` and its sibling rewrites.

    Raises:
        InputError: ``directory`` is not a readable folder (raised on first use).
    """
    return _read_dir(Path(directory))


def _read_dir(root: Path) -> Iterator[Pair]:
    try:
        # Only names are listed up front: the order must not depend on the file system.
        stories = sorted(entry.name for entry in os.scandir(root) if not entry.name.startswith("."))
    except OSError as err:
        msg = f"{root}: cannot list the pairs folder ({err.strerror or err})"
        raise InputError(msg) from err
    for story in stories:
        folder = root / story
        if not folder.is_dir():
            yield _bad(story, f"{folder}: not a story folder (expected {story}/{_ORIGINAL_FILE})")
            continue
        original = folder / _ORIGINAL_FILE
        try:
            rewrites = sorted(
                entry.name
                for entry in os.scandir(folder)
                if entry.name.endswith(".txt")
                and entry.name != _ORIGINAL_FILE
                and not entry.name.startswith(".")
            )
        except OSError as err:
            yield _bad(story, f"{folder}: cannot list the folder ({err.strerror or err})")
            continue
        if not original.is_file():
            yield _bad(story, f"{folder}: no {_ORIGINAL_FILE}")
        elif not rewrites:
            yield _bad(story, f"{folder}: no rewrite beside {_ORIGINAL_FILE}")
        for name in rewrites if original.is_file() else ():
            yield Pair(
                id=f"{story}/{name[: -len('.txt')]}", original=original, rewrite=folder / name
            )


# --- work done in the workers --------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Options:
    """What every worker needs besides the pairs; pickled once per chunk."""

    max_chars: int
    detectors: tuple[Detector, ...] | None


def _analysis_cache() -> AnalysisCache:
    """A cache for one stream or chunk of pairs: a text seen again is not read again.

    Bounded to about 25 MB (some 100 bytes are kept per character of text).
    """
    return AnalysisCache(max_documents=64, max_chars=250_000)


def _compare_pair(pair: Pair, options: _Options, cache: AnalysisCache) -> PairResult:
    try:
        if pair.problem is not None:
            raise InputError(pair.problem)
        report = _compare_sides(pair, options, cache)
        return PairResult(
            id=pair.id,
            ok=True,
            report_json=report_to_json(report, indent=None),
            stats=_stats(report),
        )
    except Exception as err:  # noqa: BLE001 - every failure of one pair is recorded, not raised
        return PairResult(
            id=pair.id, ok=False, error_type=type(err).__name__, error_message=str(err)
        )


def _compare_sides(pair: Pair, options: _Options, cache: AnalysisCache) -> Report:
    original, rewrite = pair.original, pair.rewrite
    if isinstance(original, Path) and isinstance(rewrite, Path):
        return compare_files(
            original,
            rewrite,
            detectors=options.detectors,
            max_chars=options.max_chars,
            cache=cache,
        )
    names = {}
    sides: list[str | bytes] = []
    for side, value in (("original", original), ("rewrite", rewrite)):
        if isinstance(value, Path):
            names[f"{side}_name"] = value.name
            sides.append(_read_bytes(value, options.max_chars))
        else:
            sides.append(value)
    return compare(
        sides[0],
        sides[1],
        detectors=options.detectors,
        max_chars=options.max_chars,
        original_name=names.get("original_name"),
        rewrite_name=names.get("rewrite_name"),
        cache=cache,
    )


def _read_bytes(path: Path, max_chars: int) -> bytes:
    try:
        if path.stat().st_size > max_chars * 4:
            msg = f"{path}: {path.stat().st_size:,} bytes is over the limit; raise max_chars"
            raise InputError(msg)
        return path.read_bytes()
    except OSError as err:
        msg = f"{path}: cannot read the file ({err.strerror or err})"
        raise InputError(msg) from err


_KIND_INDEX = {kind: index for index, kind in enumerate(ChangeKind)}
_SEVERITY_INDEX = {severity: index for index, severity in enumerate(Severity)}


def _stats(report: Report) -> PairStats:
    kinds = [0] * len(_KIND_INDEX)
    severities = [0] * len(_SEVERITY_INDEX)
    for change in report.changes:
        kinds[_KIND_INDEX[change.kind]] += 1
        severities[_SEVERITY_INDEX[change.severity]] += 1
    return PairStats(
        reuse=report.metrics.reuse,
        coverage=report.metrics.coverage,
        original_sentences=len(report.original.sentences),
        rewrite_sentences=len(report.rewrite.sentences),
        changes=len(report.changes),
        kinds=tuple(kinds),
        severities=tuple(severities),
    )


def _run_chunk(chunk: Sequence[Pair], options: _Options) -> tuple[PairResult, ...]:
    """Compare a chunk of pairs; this is the one task a worker ever runs."""
    cache = _analysis_cache()
    return tuple(_compare_pair(pair, options, cache) for pair in chunk)


# --- scheduling ----------------------------------------------------------------------


def compare_many(
    pairs: Iterable[Pair],
    *,
    workers: int | None = None,
    executor: concurrent.futures.Executor | None = None,
    ordered: bool = True,
    fail_fast: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    window: int | None = None,
    detectors: Iterable[Detector] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: bool | None = False,
) -> Iterator[PairResult]:
    """Compare every pair and yield one result per pair, streaming.

    Args:
        pairs: The pairs, read lazily; never held in memory all at once.
        workers: Local worker processes (default: the CPUs available). ``1`` runs in
            this process, with no pool. Ignored when ``executor`` is given.
        executor: Any :class:`concurrent.futures.Executor` to run on instead, such as
            ``distributed.Client(address).get_executor()``; the caller shuts it down.
        ordered: Yield in input order (``True``) or as results complete.
        fail_fast: Stop after the first failed pair: its result is the last one
            yielded, and the work still in flight is cancelled.
        chunk_size: Pairs per task sent to a worker.
        window: Chunks in flight or waiting at once (default twice the workers); with
            ``ordered`` this bounds the results held back behind a slow chunk.
        detectors: Detectors to run (the defaults when ``None``); they must pickle.
        max_chars: Longest article accepted; a longer one is a failed result.
        progress: Show a tqdm progress bar on stderr: ``None`` when stderr is a
            terminal and tqdm is installed, ``True`` always (needs the ``progress``
            extra), ``False`` never.

    Returns:
        An iterator of :class:`PairResult`; the work starts when it is first advanced.

    Raises:
        InputError: An option is out of range, or ``progress=True`` without tqdm.

    >>> results = compare_many([Pair(id="a", original="Talks failed.", rewrite="")], workers=1)
    >>> [(r.id, r.ok, r.error_type) for r in results]
    [('a', False, 'InputError')]
    """
    count = _cpu_count() if workers is None else workers
    if count < 1 or chunk_size < 1 or (window is not None and window < 1):
        msg = (
            "workers, chunk_size and window must be 1 or more "
            f"(got {count}, {chunk_size}, {window})"
        )
        raise InputError(msg)
    options = _Options(
        max_chars=max_chars, detectors=None if detectors is None else tuple(detectors)
    )
    make_bar = _progress_bar(progress, len(pairs) if isinstance(pairs, Sized) else None)
    results = _schedule(pairs, options, executor, count, ordered, chunk_size, window or 2 * count)
    return _finish(results, make_bar, fail_fast=fail_fast)


class _Bar(Protocol):
    """The part of a tqdm progress bar a batch uses."""

    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _finish(
    results: Iterator[PairResult], make_bar: Callable[[], _Bar] | None, *, fail_fast: bool
) -> Iterator[PairResult]:
    bar = None if make_bar is None else make_bar()
    try:
        for result in results:
            if bar is not None:
                bar.update(1)
            yield result
            if fail_fast and not result.ok:
                return
    finally:
        # Closing the scheduler cancels work in flight and shuts down a pool it owns.
        close = getattr(results, "close", None)
        if close is not None:
            close()
        if bar is not None:
            bar.close()


def _progress_bar(progress: bool | None, total: int | None) -> Callable[[], _Bar] | None:
    if progress is False:
        return None
    try:
        from tqdm import tqdm  # noqa: PLC0415 - optional extra, imported only when asked for
    except ImportError as err:
        if progress is None:
            return None
        msg = "progress=True needs tqdm: pip install 'newsdiff[progress]'"
        raise InputError(msg) from err
    if progress is None and not sys.stderr.isatty():
        return None

    class _QuietTqdm(tqdm):  # type: ignore[misc]  # tqdm is untyped here
        # No monitor thread: a pool forks its workers only while this process has one.
        monitor_interval = 0

    def make() -> _Bar:
        bar: _Bar = _QuietTqdm(total=total, unit=" pairs", file=sys.stderr, dynamic_ncols=True)
        return bar

    return make


def _chunks(pairs: Iterable[Pair], size: int) -> Iterator[tuple[Pair, ...]]:
    chunk: list[Pair] = []
    chars = 0
    for pair in pairs:
        chunk.append(pair)
        chars += _size(pair.original) + _size(pair.rewrite)
        if len(chunk) >= size or chars >= _CHUNK_CHARS:
            yield tuple(chunk)
            chunk, chars = [], 0
    if chunk:
        yield tuple(chunk)


def _size(side: str | bytes | Path) -> int:
    return 0 if isinstance(side, Path) else len(side)


def _schedule(
    pairs: Iterable[Pair],
    options: _Options,
    executor: concurrent.futures.Executor | None,
    workers: int,
    ordered: bool,
    chunk_size: int,
    window: int,
) -> Iterator[PairResult]:
    if executor is None and workers == 1:
        cache = _analysis_cache()
        return (_compare_pair(pair, options, cache) for pair in pairs)
    return _run_on_executor(_chunks(pairs, chunk_size), options, executor, workers, ordered, window)


def _run_on_executor(
    chunks: Iterator[tuple[Pair, ...]],
    options: _Options,
    executor: concurrent.futures.Executor | None,
    workers: int,
    ordered: bool,
    window: int,
) -> Iterator[PairResult]:
    owned = executor is None
    pool = (
        concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context())
        if owned
        else executor
    )
    assert pool is not None  # noqa: S101 - narrows the type for mypy; true by construction
    in_flight: dict[concurrent.futures.Future[tuple[PairResult, ...]], tuple[Pair, ...]] = {}
    order: collections.deque[concurrent.futures.Future[tuple[PairResult, ...]]]
    order = collections.deque()
    try:
        for chunk in chunks:
            future = pool.submit(_run_chunk, chunk, options)
            in_flight[future] = chunk
            order.append(future)
            if len(in_flight) >= window:
                yield from _collect(in_flight, order, ordered)
        while in_flight:
            yield from _collect(in_flight, order, ordered)
    finally:
        for future in in_flight:
            future.cancel()
        if owned:
            pool.shutdown(wait=True, cancel_futures=True)


def _mp_context() -> multiprocessing.context.BaseContext:
    """Fork while this process has one thread: workers then start with its imports.

    Forking a process that runs other threads (a Dask client, a progress monitor) can
    deadlock the child, so then workers start from a fork server, or are spawned.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _collect(
    in_flight: dict[concurrent.futures.Future[tuple[PairResult, ...]], tuple[Pair, ...]],
    order: collections.deque[concurrent.futures.Future[tuple[PairResult, ...]]],
    ordered: bool,
) -> Iterator[PairResult]:
    """Yield the results of the oldest chunk, or of every chunk done when unordered."""
    if ordered:
        done = [order.popleft()]
        concurrent.futures.wait(done)
    else:
        finished, _ = concurrent.futures.wait(
            in_flight, return_when=concurrent.futures.FIRST_COMPLETED
        )
        done = [future for future in order if future in finished]
        for future in done:
            order.remove(future)
    for future in done:
        chunk = in_flight.pop(future)
        yield from _chunk_results(future, chunk)


def _chunk_results(
    future: concurrent.futures.Future[tuple[PairResult, ...]], chunk: tuple[Pair, ...]
) -> tuple[PairResult, ...]:
    error = future.exception()
    if error is None:
        return future.result()
    # The task itself failed (a worker died, a result would not pickle): every pair of
    # the chunk is recorded with that error rather than lost.
    return tuple(
        PairResult(id=pair.id, ok=False, error_type=type(error).__name__, error_message=str(error))
        for pair in chunk
    )


# --- results out ---------------------------------------------------------------------


class _Tally:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.succeeded = 0
        self.errors: collections.Counter[str] = collections.Counter()

    def add(self, result: PairResult) -> None:
        if result.ok:
            self.succeeded += 1
        else:
            self.errors[result.error_type or "Error"] += 1

    def summary(self) -> BatchSummary:
        failed = sum(self.errors.values())
        return BatchSummary(
            total=self.succeeded + failed,
            succeeded=self.succeeded,
            failed=failed,
            errors=tuple(sorted(self.errors.items())),
            seconds=round(time.perf_counter() - self.started, 3),
        )


def write_jsonl(results: Iterable[PairResult], stream: IO[str]) -> BatchSummary:
    """Write one JSON line per result as it arrives, and count successes and failures.

    Returns:
        The summary of what was written.
    """
    tally = _Tally()
    for result in results:
        stream.write(result.to_json() + "\n")
        tally.add(result)
    return tally.summary()


_KIND_COLUMNS = tuple(kind.value for kind in ChangeKind)
_SEVERITY_COLUMNS = tuple(severity.value for severity in Severity)
#: The columns of the per-pair summary table, in order.
SUMMARY_COLUMNS = (
    "id",
    "ok",
    "error_type",
    "error_message",
    "reuse",
    "coverage",
    "original_sentences",
    "rewrite_sentences",
    "changes",
    *_KIND_COLUMNS,
    *_SEVERITY_COLUMNS,
)


def summary_rows(results: Iterable[PairResult]) -> Iterator[dict[str, Any]]:
    """One row per result, keyed by :data:`SUMMARY_COLUMNS`; numbers are ``None`` on failure.

    >>> row = next(summary_rows([PairResult(id="a", ok=False, error_type="InputError")]))
    >>> row["id"], row["ok"], row["changes"]
    ('a', False, None)
    """
    empty = dict.fromkeys(SUMMARY_COLUMNS[4:])
    for result in results:
        row: dict[str, Any] = {
            "id": result.id,
            "ok": result.ok,
            "error_type": result.error_type,
            "error_message": result.error_message,
        }
        stats = result.stats
        if stats is None:
            row.update(empty)
        else:
            row.update(
                reuse=stats.reuse,
                coverage=stats.coverage,
                original_sentences=stats.original_sentences,
                rewrite_sentences=stats.rewrite_sentences,
                changes=stats.changes,
            )
            row.update(zip(_KIND_COLUMNS, stats.kinds, strict=True))
            row.update(zip(_SEVERITY_COLUMNS, stats.severities, strict=True))
        yield row


def write_csv(results: Iterable[PairResult], stream: IO[str]) -> BatchSummary:
    """Write the summary table as CSV, a row per result as it arrives.

    Open ``stream`` with ``newline=""`` as the :mod:`csv` module asks.

    Returns:
        The summary of what was written.
    """
    tally = _Tally()
    writer = csv.DictWriter(stream, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        tally.add(result)
        writer.writerows(summary_rows((result,)))
    return tally.summary()


def to_dataframe(results: Iterable[PairResult]) -> pandas.DataFrame:
    """The summary table as a pandas DataFrame, one row per result.

    Counts are nullable integers and failed pairs hold ``<NA>`` in the number columns.

    Raises:
        NewsdiffError: pandas is not installed (``pip install 'newsdiff[pandas]'``).
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra, imported only when asked for
    except ImportError as err:
        msg = "to_dataframe() needs pandas: pip install 'newsdiff[pandas]'"
        raise NewsdiffError(msg) from err
    frame: pandas.DataFrame = pd.DataFrame.from_records(
        list(summary_rows(results)), columns=list(SUMMARY_COLUMNS)
    )
    dtypes = {"id": "string", "ok": "bool", "error_type": "string", "error_message": "string"}
    dtypes |= {"reuse": "Float64", "coverage": "Float64"}
    dtypes |= dict.fromkeys(SUMMARY_COLUMNS[6:], "Int64")
    return frame.astype(dtypes)


def read_results_jsonl(source: str | os.PathLike[str]) -> Iterator[PairResult]:
    """Read back results written by :func:`write_jsonl`, for a table without recomputing.

    Raises:
        InputError: the file cannot be read, or a line is not a result.
    """
    path = Path(source)
    try:
        handle = path.open("rb")
    except OSError as err:
        msg = f"{path}: cannot read the results file ({err.strerror or err})"
        raise InputError(msg) from err
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _result_of(line, f"{path}:{number}")


def _result_of(line: bytes, where: str) -> PairResult:
    try:
        data = json.loads(line)
        pair_id, ok = data["id"], data["ok"]
        if not ok:
            error = data["error"]
            return PairResult(
                id=pair_id, ok=False, error_type=error["type"], error_message=error["message"]
            )
        report_json = json.dumps(data["report"], ensure_ascii=False)
        report = Report.from_json(report_json)
    except (ValueError, KeyError, TypeError) as err:
        msg = f"{where}: not a newsdiff batch result ({err})"
        raise InputError(msg) from err
    return PairResult(id=pair_id, ok=True, report_json=report_json, stats=_stats(report))
