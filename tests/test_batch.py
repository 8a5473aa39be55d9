from __future__ import annotations

import argparse
import concurrent.futures
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import newsdiff
from newsdiff import _batch_cli, _cli
from newsdiff.batch import (
    SUMMARY_COLUMNS,
    BatchSummary,
    Pair,
    PairResult,
    compare_many,
    pairs_from_records,
    read_pairs_dir,
    read_pairs_jsonl,
    read_results_jsonl,
    summary_rows,
    to_dataframe,
    write_csv,
    write_jsonl,
)
from newsdiff.exceptions import InputError, NewsdiffError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsdiff.detect import Context
    from newsdiff.models import Change

ORIGINAL = (
    "The harbour board approved the new ferry timetable on Tuesday.\n\n"
    "Crossings will run every forty minutes from March, the board said."
)
REWRITES = (
    "The harbour board approved the new ferry timetable on Tuesday.",
    (
        "The harbour board rejected the new ferry timetable on Tuesday.\n\n"
        "Crossings will run every forty minutes from March, the board said."
    ),
    ORIGINAL,
    "The port authority met on Tuesday.\n\nIt may change the ferries, critics claim.",
)


def _pairs(count: int) -> list[Pair]:
    return [
        Pair(id=f"p{index}", original=ORIGINAL, rewrite=REWRITES[index % len(REWRITES)])
        for index in range(count)
    ]


def _lines(results: Iterator[PairResult] | list[PairResult]) -> list[str]:
    return [result.to_json() for result in results]


# --- results and their bytes ---------------------------------------------------------


def test_a_result_line_carries_the_report_made_by_the_serialiser() -> None:
    (result,) = compare_many(_pairs(2)[1:], workers=1)
    expected = newsdiff.compare(ORIGINAL, REWRITES[1]).to_json(indent=None)
    assert result.ok
    assert result.report_json == expected
    assert result.to_json() == f'{{"id": "p1", "ok": true, "report": {expected}}}'
    assert result.report() == newsdiff.compare(ORIGINAL, REWRITES[1])


def test_a_repeated_original_gives_the_reports_of_separate_comparisons() -> None:
    # The batch reads a text it has seen once; the results must not show it.
    expected = [
        newsdiff.compare(ORIGINAL, REWRITES[index % len(REWRITES)]).to_json(indent=None)
        for index in range(8)
    ]
    single = [result.report_json for result in compare_many(_pairs(8), workers=1)]
    pooled = [result.report_json for result in compare_many(_pairs(8), workers=2, chunk_size=4)]
    assert single == expected
    assert pooled == expected


def test_process_pool_results_equal_single_process_results_byte_for_byte() -> None:
    single = _lines(compare_many(_pairs(12), workers=1))
    pooled = _lines(compare_many(_pairs(12), workers=2, chunk_size=3))
    assert pooled == single
    assert [json.loads(line)["id"] for line in pooled] == [f"p{i}" for i in range(12)]


def test_as_completed_gives_every_result_once() -> None:
    results = list(compare_many(_pairs(10), workers=2, chunk_size=1, ordered=False))
    assert sorted(_lines(results)) == sorted(_lines(compare_many(_pairs(10), workers=1)))


def test_any_executor_fits_and_is_left_running() -> None:
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        results = _lines(compare_many(_pairs(6), executor=executor, chunk_size=2))
        assert executor.submit(sum, (1, 2)).result() == 3
    assert results == _lines(compare_many(_pairs(6), workers=1))


def test_inputs_are_read_lazily_within_the_window() -> None:
    consumed: list[int] = []

    def pairs() -> Iterator[Pair]:
        for index, pair in enumerate(_pairs(40)):
            consumed.append(index)
            yield pair

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        results = compare_many(pairs(), executor=executor, chunk_size=2, window=3)
        next(results)
        # At most window chunks in flight, plus the chunk being filled.
        assert len(consumed) <= 2 * 3 + 2
        results.close()
    assert len(consumed) < 40


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unexpected_error_is_recorded_and_the_batch_goes_on(workers: int) -> None:
    results = list(
        compare_many(_pairs(3), workers=workers, detectors=[_FailingDetector()], chunk_size=1)
    )
    assert [(r.id, r.ok, r.error_type, r.error_message) for r in results] == [
        ("p0", False, "RuntimeError", "detector broke on 'harbour'"),
        ("p1", False, "RuntimeError", "detector broke on 'harbour'"),
        ("p2", True, None, None),  # identical texts: the detector does not fail
    ]


class _FailingDetector:
    name = "failing"

    def detect(self, context: Context) -> list[Change]:
        if context.original.text != context.rewrite.text:
            msg = "detector broke on 'harbour'"
            raise RuntimeError(msg)
        return []


def test_a_task_that_fails_as_a_whole_records_every_pair_of_it() -> None:
    unpicklable = _UnpicklableDetector()
    results = list(compare_many(_pairs(3), workers=2, detectors=[unpicklable], chunk_size=2))
    assert [r.id for r in results] == ["p0", "p1", "p2"]
    assert not any(r.ok for r in results)
    assert all(r.error_type for r in results)


class _UnpicklableDetector:
    name = "unpicklable"

    def __init__(self) -> None:
        self.hook = lambda: None

    def detect(self, context: Context) -> list[Change]:
        return []


# --- per-pair errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pair", "error_type", "message"),
    [
        (Pair(id="e", original="", rewrite="A ferry sailed."), "InputError", "original: the text"),
        (Pair(id="w", original="A ferry.", rewrite=" \n "), "InputError", "rewrite: the text"),
        (Pair(id="b", original=b"\x00\x01\x02", rewrite="x."), "InputError", "looks binary"),
        (Pair(id="m", original="A ferry.", rewrite="B" * 60), "InputError", "over the limit"),
        (Pair(id="p", original="", rewrite="", problem="no id here"), "InputError", "no id here"),
    ],
)
def test_a_bad_pair_becomes_an_error_record(pair: Pair, error_type: str, message: str) -> None:
    (result,) = compare_many([pair], workers=1, max_chars=50)
    assert (result.id, result.ok, result.error_type) == (pair.id, False, error_type)
    assert message in (result.error_message or "")
    line = json.loads(result.to_json())
    assert line == {"id": pair.id, "ok": False, "error": {"type": error_type, "message": ANY}}
    with pytest.raises(NewsdiffError, match="no report"):
        result.report()


class _Any:
    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and bool(other)

    __hash__ = None  # type: ignore[assignment]  # an equality helper, never a key


ANY = _Any()


def test_missing_and_undecodable_files_are_error_records(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ORIGINAL, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    pairs = [
        Pair(id="missing", original=good, rewrite=tmp_path / "gone.txt"),
        Pair(id="binary", original=binary, rewrite=good),
        Pair(id="mixed", original=good, rewrite=REWRITES[0]),
        Pair(id="near-miss", original=good, rewrite=good),
    ]
    results = list(compare_many(pairs, workers=1))
    assert [(r.id, r.ok, r.error_type) for r in results] == [
        ("missing", False, "InputError"),
        ("binary", False, "InputError"),
        ("mixed", True, None),
        ("near-miss", True, None),
    ]
    assert "gone.txt: cannot read the file" in (results[0].error_message or "")
    assert "binary" in (results[1].error_message or "")
    assert results[2].report().original.name == "good.txt"
    assert results[3].stats is not None
    assert results[3].stats.changes == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_fail_fast_stops_at_the_first_failure(workers: int) -> None:
    pairs = [*_pairs(4), Pair(id="bad", original="", rewrite="x."), *_pairs(30)]
    results = list(compare_many(pairs, workers=workers, fail_fast=True, chunk_size=2))
    assert [r.id for r in results] == ["p0", "p1", "p2", "p3", "bad"]
    assert not results[-1].ok
    kept = list(compare_many(pairs, workers=workers, chunk_size=2))
    assert len(kept) == 35
    assert [r.id for r in kept if not r.ok] == ["bad"]


def test_bad_options_are_refused() -> None:
    with pytest.raises(InputError, match="1 or more"):
        compare_many(_pairs(1), workers=0)
    with pytest.raises(InputError, match="1 or more"):
        compare_many(_pairs(1), chunk_size=0)


# --- readers -------------------------------------------------------------------------


def test_jsonl_reader_takes_texts_and_paths_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    elsewhere = tmp_path / "b.txt"
    elsewhere.write_text(REWRITES[1], encoding="utf-8")
    records = [
        {"id": "t", "original": ORIGINAL, "rewrite": REWRITES[0], "outlet": "ignored"},
        {"id": 5, "original_path": "texts/a.txt", "rewrite_path": str(elsewhere)},
        {"original": "texts/a.txt", "rewrite": "A ferry."},
        {"id": "both", "original": "x", "original_path": "y", "rewrite": "z"},
        {"id": "neither", "rewrite": "z"},
        {"id": True, "original": "x", "rewrite": "y"},
        {"id": "num", "original": 3, "rewrite": "y"},
        ["not", "an", "object"],
    ]
    lines = [json.dumps(record) for record in records]
    lines.insert(2, "   ")
    lines.append('{"id": "cut", "original": ')
    source = tmp_path / "pairs.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = list(read_pairs_jsonl(source))
    assert [(p.id, p.problem is None) for p in pairs] == [
        ("t", True),
        ("5", True),
        ("line 4", True),
        ("both", False),
        ("neither", False),
        ("line 7", False),
        ("num", False),
        ("line 9", False),
        ("line 10", False),
    ]
    assert pairs[1].original == tmp_path / "texts" / "a.txt"
    assert pairs[1].rewrite == elsewhere
    assert pairs[2].original == "texts/a.txt"  # a string under "original" is text
    assert pairs[3].problem == "line 5: give exactly one of 'original' and original_path"
    assert pairs[8].problem is not None
    assert pairs[8].problem.startswith("line 10 is not valid JSON")
    results = list(compare_many(pairs, workers=1))
    assert [r.ok for r in results] == [True, True, True] + [False] * 6


def test_jsonl_reader_reads_a_stream_and_refuses_a_missing_file(tmp_path: Path) -> None:
    stream = io.BytesIO(b'{"id": "s", "original": "A.", "rewrite": "B."}\n')
    assert [p.id for p in read_pairs_jsonl(stream)] == ["s"]
    with pytest.raises(InputError, match="cannot read the pairs file"):
        list(read_pairs_jsonl(tmp_path / "none.jsonl"))


def test_records_reader_resolves_against_base_dir(tmp_path: Path) -> None:
    (pair,) = pairs_from_records(
        [{"id": "r", "original_path": "o.txt", "rewrite": "R."}], base_dir=tmp_path
    )
    assert pair.original == tmp_path / "o.txt"
    assert pair.rewrite == "R."


def _story(root: Path, name: str, files: dict[str, str]) -> None:
    (root / name).mkdir()
    for file, text in files.items():
        (root / name / file).write_text(text, encoding="utf-8")


def test_directory_reader_pairs_each_rewrite_with_its_original(tmp_path: Path) -> None:
    _story(tmp_path, "b-story", {"original.txt": ORIGINAL, "wire.txt": REWRITES[1]})
    _story(
        tmp_path,
        "a-story",
        {"original.txt": ORIGINAL, "z.txt": REWRITES[0], "m.txt": REWRITES[3], "n.json": "{}"},
    )
    _story(tmp_path, "c-lonely", {"original.txt": ORIGINAL})
    _story(tmp_path, "d-orphan", {"rewrite.txt": REWRITES[0]})
    _story(tmp_path, ".hidden", {"original.txt": ORIGINAL, "r.txt": ORIGINAL})
    (tmp_path / "README").write_text("notes", encoding="utf-8")
    pairs = list(read_pairs_dir(tmp_path))
    assert [(p.id, p.problem is None) for p in pairs] == [
        ("README", False),
        ("a-story/m", True),
        ("a-story/z", True),
        ("b-story/wire", True),
        ("c-lonely", False),
        ("d-orphan", False),
    ]
    assert pairs[1].original == tmp_path / "a-story" / "original.txt"
    assert pairs[1].rewrite == tmp_path / "a-story" / "m.txt"
    assert "no rewrite" in (pairs[4].problem or "")
    assert "no original.txt" in (pairs[5].problem or "")
    with pytest.raises(InputError, match="cannot list"):
        list(read_pairs_dir(tmp_path / "absent"))


# --- tables and summaries ------------------------------------------------------------


def _mixed_results() -> list[PairResult]:
    pairs = [*_pairs(2), Pair(id="empty", original="", rewrite="A ferry.")]
    return list(compare_many(pairs, workers=1))


def test_jsonl_writer_counts_successes_and_failures() -> None:
    stream = io.StringIO()
    summary = write_jsonl(_mixed_results(), stream)
    assert (summary.total, summary.succeeded, summary.failed) == (3, 2, 1)
    assert summary.errors == (("InputError", 1),)
    assert [json.loads(line)["ok"] for line in stream.getvalue().splitlines()] == [
        True,
        True,
        False,
    ]


def test_csv_table_has_one_row_per_pair_with_counts() -> None:
    stream = io.StringIO()
    summary = write_csv(_mixed_results(), stream)
    assert isinstance(summary, BatchSummary)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert tuple(rows[0]) == SUMMARY_COLUMNS
    report = newsdiff.compare(ORIGINAL, REWRITES[1])
    assert rows[1]["id"] == "p1"
    assert rows[1]["ok"] == "True"
    assert float(rows[1]["reuse"]) == report.metrics.reuse
    assert int(rows[1]["changes"]) == len(report.changes)
    kinds = [c.kind.value for c in report.changes]
    assert all(int(rows[1][kind]) == kinds.count(kind) for kind in set(kinds))
    assert sum(int(rows[1][s]) for s in ("low", "medium", "high")) == len(report.changes)
    assert rows[2]["error_type"] == "InputError"
    assert rows[2]["changes"] == ""
    assert rows[2]["reuse"] == ""


def test_summary_rows_of_a_failure_hold_no_numbers() -> None:
    (row,) = summary_rows([PairResult(id="x", ok=False, error_type="E", error_message="m")])
    assert row["error_message"] == "m"
    assert all(row[column] is None for column in SUMMARY_COLUMNS[4:])


def test_dataframe_has_typed_columns() -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe(_mixed_results())
    assert list(frame.columns) == list(SUMMARY_COLUMNS)
    assert list(frame["id"]) == ["p0", "p1", "empty"]
    assert str(frame["changes"].dtype) == "Int64"
    assert frame["changes"].isna().tolist() == [False, False, True]
    assert frame["ok"].tolist() == [True, True, False]


def test_results_read_back_give_the_same_table(tmp_path: Path) -> None:
    results = _mixed_results()
    path = tmp_path / "results.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl(results, handle)
    again = list(read_results_jsonl(path))
    assert list(summary_rows(again)) == list(summary_rows(results))
    assert _lines(again) == _lines(results)
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a newsdiff batch result"):
        list(read_results_jsonl(path))


def test_progress_bar_is_drawn_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    list(compare_many(_pairs(2), workers=1, progress=None))
    assert capsys.readouterr().err == ""
    list(compare_many(_pairs(2), workers=1, progress=True))
    assert "| 2/2 [" in capsys.readouterr().err  # a list has a length: the bar shows a total
    list(compare_many(iter(_pairs(3)), workers=1, progress=True))
    assert "3 pairs [" in capsys.readouterr().err


# --- command line --------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdiff")
    _batch_cli.add_batch_command(parser.add_subparsers(dest="command", required=True))
    return parser


def _run(*argv: str) -> int:
    return _batch_cli.run_batch(_parser().parse_args(["batch", *argv]))


def _write_pairs(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_exit_codes_match_the_compare_command() -> None:
    assert (_batch_cli.EXIT_OK, _batch_cli.EXIT_ERROR) == (_cli.EXIT_OK, _cli.EXIT_ERROR)
    assert (_batch_cli.EXIT_INPUT, _batch_cli.EXIT_OUTPUT) == (_cli.EXIT_INPUT, _cli.EXIT_OUTPUT)
    assert _batch_cli.EXIT_FAILED_PAIRS not in {0, 1, 2, 3}


def test_cli_writes_jsonl_equal_to_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"id": p.id, "original": p.original, "rewrite": p.rewrite} for p in _pairs(5)]
    source = _write_pairs(tmp_path / "pairs.jsonl", records)
    out = tmp_path / "results.jsonl"
    assert _run(str(source), "-o", str(out), "--workers", "2", "--chunk-size", "2") == 0
    expected = "".join(line + "\n" for line in _lines(compare_many(_pairs(5), workers=1)))
    assert out.read_text(encoding="utf-8") == expected
    assert "5 of 5 pairs compared" in capsys.readouterr().err


def test_cli_returns_4_when_some_pairs_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records: list[dict[str, object]] = [
        {"id": "ok", "original": ORIGINAL, "rewrite": REWRITES[1]},
        {"id": "empty", "original": " ", "rewrite": REWRITES[1]},
        {"id": "after", "original": ORIGINAL, "rewrite": REWRITES[0]},
    ]
    source = _write_pairs(tmp_path / "pairs.jsonl", records)
    out = tmp_path / "out.csv"
    code = _run(str(source), "-o", str(out), "--workers", "1", "--format", "csv")
    assert code == _batch_cli.EXIT_FAILED_PAIRS
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["id"], r["ok"]) for r in rows] == [
        ("ok", "True"),
        ("empty", "False"),
        ("after", "True"),
    ]
    assert "1 failed (InputError 1)" in capsys.readouterr().err
    code = _run(str(source), "-o", str(out), "--workers", "1", "--fail-fast")
    assert code == _batch_cli.EXIT_FAILED_PAIRS
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "ok",
        "empty",
    ]


def test_cli_reads_a_folder_and_writes_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(tmp_path, "s", {"original.txt": ORIGINAL, "r.txt": REWRITES[1]})
    assert _run(str(tmp_path), "--workers", "1", "--as-completed") == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["id"] == "s/r"


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (("{missing}", "--workers", "1"), 2, "no such file or folder"),
        (("{pairs}", "--workers", "1", "-o", "{tmp}"), 3, "cannot write"),
        (("{pairs}", "--workers", "1", "-o", "{pairs}.out"), 0, "1 of 1 pairs compared"),
    ],
)
def test_cli_maps_failures_to_exit_codes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    pairs = _write_pairs(tmp_path / "p.jsonl", [{"id": "a", "original": "A.", "rewrite": "B."}])
    names = {"missing": str(tmp_path / "none.jsonl"), "pairs": str(pairs), "tmp": str(tmp_path)}
    assert _run(*(arg.format(**names) for arg in argv)) == code
    assert message in capsys.readouterr().err


def test_cli_refuses_a_bad_worker_count() -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["batch", "p.jsonl", "--workers", "0"])
    with pytest.raises(SystemExit):
        _parser().parse_args(["batch", "p.jsonl", "--workers", "2", "--scheduler", "tcp://x:1"])
