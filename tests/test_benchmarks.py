"""The benchmark scripts run: a smoke test at the smallest sizes, so they cannot rot.

Their numbers are not checked here (timed tests flake on shared machines); the scripts
print them for a person to read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench_batch
import bench_pipeline


def test_pipeline_benchmark_prints_every_stage_and_the_exponent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench_pipeline.main(["--sizes", "1,2", "--repeat", "1"])
    out = capsys.readouterr().out
    for stage in ("segment", "tokenize", "encode", "align", "word diff", "whole compare()"):
        assert out.count(f"  {stage} ") == 2
    assert "growth exponent 1x->2x:" in out


def test_batch_benchmark_measures_throughput(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_batch.main(["--pairs", "6", "--skip-dask", "--skip-robustness"]) == 0
    assert "pairs/s" in capsys.readouterr().out
