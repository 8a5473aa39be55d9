from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdiff import __version__
from newsdiff._cli import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ORIGINAL = str(next(SEEDS.glob("000_*.txt")))
REWRITE = str(next(SEEDS.glob("002_*.txt")))
OTHER = str(next(SEEDS.glob("004_*.txt")))


def test_json_output_is_one_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL, REWRITE, "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"]
    assert data["original"]["name"] == Path(ORIGINAL).name


def test_several_rewrites_give_comparisons(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL, REWRITE, OTHER, "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [c["rewrite"]["name"] for c in data["comparisons"]] == [
        Path(REWRITE).name,
        Path(OTHER).name,
    ]


def test_text_output_and_file_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL, REWRITE]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"{Path(ORIGINAL).name} -> {Path(REWRITE).name}: reuse ")
    assert "\x1b[" not in out  # not a terminal: no colour
    target = tmp_path / "report.json"
    assert main(["compare", ORIGINAL, REWRITE, "--format", "json", "-o", str(target)]) == EXIT_OK
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["changes"]


def test_filters(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["compare", ORIGINAL, REWRITE, "--format", "json", "--kind", "added_content"]
    assert main(args) == EXIT_OK
    kinds = {c["kind"] for c in json.loads(capsys.readouterr().out)["changes"]}
    assert kinds == {"added_content"}
    assert main(["compare", ORIGINAL, REWRITE, "--format", "json", "--min-severity", "high"]) == 0
    severities = {c["severity"] for c in json.loads(capsys.readouterr().out)["changes"]}
    assert severities <= {"high"}


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == f"newsdiff {__version__}"
    assert main(["compare", "--help"]) == EXIT_OK
    assert "--format" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: d / "missing.txt", "cannot read"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "bin.dat", b"\x00\x01\x02\x03"), "binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, fragment: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert main(["compare", ORIGINAL, str(path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.startswith("newsdiff: error: ")
    assert fragment in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL]) == EXIT_INPUT
    assert main(["compare", ORIGINAL, REWRITE, "--format", "pdf"]) == EXIT_INPUT
    assert "invalid choice" in capsys.readouterr().err


def test_unwritable_output_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    assert main(["compare", ORIGINAL, REWRITE, "-o", str(target)]) == EXIT_OUTPUT
    assert "cannot write" in capsys.readouterr().err


def test_size_limit_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL, REWRITE, "--max-chars", "100"]) == EXIT_INPUT
    assert "over the limit" in capsys.readouterr().err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
