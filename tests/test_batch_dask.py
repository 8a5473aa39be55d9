"""A real Dask cluster of two worker processes gives the same bytes as one process."""

from __future__ import annotations

import argparse
import io
import json
from typing import TYPE_CHECKING

import pytest

from newsdiff import _batch_cli
from newsdiff.batch import Pair, compare_many, write_jsonl

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

ORIGINAL = (
    "The river authority closed two locks on Sunday after the water rose.\n\n"
    '"We cannot open them before Wednesday," the lock keeper said.\n\n'
    "Barges carrying 4,000 tonnes of grain are waiting downstream."
)
REWRITES = (
    "The river authority closed two locks on Sunday after the water rose.",
    (
        "The river authority shut three locks on Sunday as the water rose.\n\n"
        '"We cannot open them before Wednesday," the keeper said.'
    ),
    (
        "Barges carrying 40,000 tonnes of grain may wait for weeks, critics claim.\n\n"
        "The river authority closed two locks on Sunday after the water rose."
    ),
    "",  # a failure travels back from the cluster as a record too
)


def _pairs() -> list[Pair]:
    return [
        Pair(id=f"d{index}", original=ORIGINAL, rewrite=REWRITES[index % len(REWRITES)])
        for index in range(12)
    ]


def _jsonl(**options: object) -> str:
    stream = io.StringIO()
    write_jsonl(compare_many(_pairs(), **options), stream)  # type: ignore[arg-type]
    return stream.getvalue()


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_dask_results_are_byte_identical_to_one_process(client: object) -> None:
    expected = _jsonl(workers=1)
    executor = client.get_executor()  # type: ignore[attr-defined]
    assert _jsonl(executor=executor, chunk_size=2, window=4) == expected
    unordered = _jsonl(executor=executor, chunk_size=1, window=4, ordered=False)
    assert sorted(unordered.splitlines()) == sorted(expected.splitlines())
    assert [json.loads(line)["ok"] for line in expected.splitlines()] == [
        True,
        True,
        True,
        False,
    ] * 3


def test_cli_runs_on_a_scheduler_address(client: object, tmp_path: Path) -> None:
    records = [{"id": p.id, "original": p.original, "rewrite": p.rewrite} for p in _pairs()]
    source = tmp_path / "pairs.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    address = client.scheduler.address  # type: ignore[attr-defined]
    code = _batch_cli.run_batch(_parse(str(source), "--scheduler", address, "-o", str(out)))
    assert code == _batch_cli.EXIT_FAILED_PAIRS  # the empty rewrites failed
    assert out.read_text(encoding="utf-8") == _jsonl(workers=1)


def test_cli_reports_an_unreachable_scheduler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"id": "a", "original": "A.", "rewrite": "B."}\n', encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = _batch_cli.run_batch(_parse(str(source), "--scheduler", "tcp://127.0.0.1:9"))
    assert code == _batch_cli.EXIT_INPUT
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsdiff")
    _batch_cli.add_batch_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["batch", *argv])
