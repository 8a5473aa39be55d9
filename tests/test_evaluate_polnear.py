from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from newsdiff.evaluate.__main__ import main as evaluate_main
from newsdiff.evaluate.polnear import main

TEXT = (
    "Harbour Plan Stalls.\n\n"
    "Rates will rise next year, the bank said on Monday.\n\n"
    '"We are ready for the storm season," said Ana Ruiz, the harbour master.\n\n'
    "The pier reportedly needs repairs.\n"
)


def _offsets(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    index = text.index(needle, start)
    return index, index + len(needle)


def _ann(text: str) -> str:
    source1 = _offsets(text, "the bank")
    cue1 = _offsets(text, "said on")
    cue1 = (cue1[0], cue1[0] + 4)
    content1 = _offsets(text, "Rates will rise next year")
    content2 = _offsets(text, '"We are ready for the storm season,"')
    cue2 = _offsets(text, "said Ana")
    cue2 = (cue2[0], cue2[0] + 4)
    source2 = _offsets(text, "Ana Ruiz")
    lines = [
        f"T1\tSource {source1[0]} {source1[1]}\tthe bank",
        f"T2\tCue {cue1[0]} {cue1[1]}\tsaid",
        f"T3\tContent {content1[0]} {content1[1]}\tRates will rise next year",
        f"T4\tAttribution {cue1[0]} {cue1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tContent {content2[0]} {content2[1]}\t...",
        f"T6\tCue {cue2[0]} {cue2[1]}\tsaid",
        f"T7\tSource {source2[0]} {source2[1]}\tAna Ruiz",
        # A discontinuous span, as BRAT writes them.
        f"T8\tContent {content1[0]} {content1[0] + 5};{content1[0] + 6} {content1[1]}\tRates",
        "#1\tAnnotatorNotes T1\tignored",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "harbour_2026.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "harbour_2026_ab12.ann").write_text(_ann(TEXT), encoding="utf-8")
    return tmp_path


def _score(output: str, label: str) -> tuple[float, float, float]:
    line = next(line for line in output.splitlines() if line.startswith(label))
    found = re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+)", line)
    assert found is not None
    return float(found.group(1)), float(found.group(2)), float(found.group(3))


def test_scores_a_tiny_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(folder)]) == 0
    output = capsys.readouterr().out
    assert "1 annotation files" in output
    # Predicted cues: "said", "said", "reportedly"; gold cues: the two "said".
    assert _score(output, "attribution cue") == (pytest.approx(0.667, abs=1e-3), 1.0, 0.8)
    assert _score(output, "source") == (1.0, 1.0, 1.0)
    assert _score(output, "direct-quote content") == (1.0, 1.0, 1.0)


def test_a_quote_with_half_its_characters_wrong_does_not_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '"Ready," said Ana Ruiz, "and we are not worried about the storms at all."\n'
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    start, end = _offsets(text, '"Ready,"')
    (tmp_path / "attributions" / "a_x.ann").write_text(
        f'T1\tContent {start} {end}\t"Ready,"\n', encoding="utf-8"
    )
    assert main([str(tmp_path)]) == 0
    output = capsys.readouterr().out
    # The prediction joins both pieces of the quotation; the gold holds only the first.
    assert _score(output, "direct-quote content") == (0.0, 0.0, 0.0)


def test_per_file_lines(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(folder), "--per-file"]) == 0
    assert "harbour_2026_ab12" in capsys.readouterr().out


def test_bad_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 2
    assert "holds no text" in capsys.readouterr().err


def test_dispatcher_reaches_polnear(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate_main(["polnear", str(folder)]) == 0
    assert "attribution cue" in capsys.readouterr().out


SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear_dev"


@pytest.mark.skipif(not SHARED.is_dir(), reason="the PolNeAR dev split is not beside the repo")
def test_dev_split_scores(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    assert main([str(SHARED)]) == 0
    assert time.perf_counter() - started < 10
    output = capsys.readouterr().out
    # Floors a little under the measured figures, so a regression fails loudly.
    assert _score(output, "attribution cue")[2] >= 0.74
    assert _score(output, "source")[2] >= 0.69
    assert _score(output, "direct-quote content")[2] >= 0.84
    assert _score(output, "any quotation (+ partial)")[2] >= 0.72
