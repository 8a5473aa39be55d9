from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsdiff.evaluate import __main__ as dispatcher
from newsdiff.evaluate.hedges import evaluate_file, main

if TYPE_CHECKING:
    from collections.abc import Sequence

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "szeged_wiki_hedges.jsonl"


def record(text: str, cues: Sequence[str] = ()) -> str:
    spans = [
        {"start": text.index(cue), "end": text.index(cue) + len(cue), "text": cue, "type": "x"}
        for cue in cues
    ]
    return json.dumps(
        {"doc_id": "d", "sent_id": "s", "text": text, "uncertain": bool(cues), "cues": spans}
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = [
        record("The river may flood the town.", ["may"]),  # hit, exact cue
        record("The dam is probably safe.", ["probably"]),  # hit, exact cue
        record("The tale sounds far-fetched.", ["far-fetched"]),  # missed: not a listed cue
        record("The bridge opened on May 5."),  # correct rejection
        record("If it rains, the match is off."),  # false alarm ("If")
        "",
    ]
    path = tmp_path / "hedges.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_scores(corpus: Path) -> None:
    scores = evaluate_file(corpus)
    assert scores.sentences == 5
    sentence = scores.sentence
    assert (sentence.true_positives, sentence.false_positives, sentence.false_negatives) == (
        2,
        1,
        1,
    )
    exact = scores.cue_exact
    assert (exact.true_positives, exact.false_positives, exact.false_negatives) == (2, 1, 1)
    assert scores.cue_overlap.true_positives == 2


def test_main_prints_scores(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "--show-errors", "1"]) == 0
    out = capsys.readouterr().out
    assert "sentence uncertain" in out
    assert "P=0.667 R=0.667 F1=0.667" in out
    assert "FN d/s" in out
    assert "FP d/s" in out


def test_skipped_categories_are_not_predicted(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(corpus), "--skip", "conditional"]) == 0
    out = capsys.readouterr().out
    assert "(skipping conditional)" in out
    assert "tp=2 fp=0 fn=1" in out


def test_dispatcher_runs_the_hedge_evaluation(corpus: Path) -> None:
    assert dispatcher.main(["hedges", str(corpus)]) == 0


def test_missing_file_and_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "absent.jsonl")]) == 1
    assert "absent.jsonl" in capsys.readouterr().err
    assert main([]) == 2


def test_malformed_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "no label"}\n', encoding="utf-8")
    assert main([str(path)]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err


@pytest.mark.skipif(not SHARED.is_file(), reason="the Szeged development set is not present")
def test_shared_development_set_meets_the_target() -> None:
    scores = evaluate_file(SHARED)
    assert scores.sentences > 20_000
    assert scores.sentence.f1 >= 0.80
