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


@pytest.mark.parametrize(
    ("output_format", "start"), [("markdown", "# "), ("html", "<!DOCTYPE html>")]
)
def test_markdown_and_html_formats(
    capsys: pytest.CaptureFixture[str], output_format: str, start: str
) -> None:
    assert main(["compare", ORIGINAL, REWRITE, "--format", output_format]) == EXIT_OK
    assert capsys.readouterr().out.lstrip().startswith(start)


def test_several_rewrites_show_the_family(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL, REWRITE, OTHER]) == EXIT_OK
    out = capsys.readouterr().out
    assert Path(REWRITE).name in out
    assert Path(OTHER).name in out
    assert "independent" in out.lower()


def test_open_writes_the_page_and_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or False)
    target = tmp_path / "page.html"
    args = ["compare", ORIGINAL, REWRITE, "--format", "html", "--open", "-o", str(target)]
    assert main(args) == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert opened == [target.resolve().as_uri()]
    assert str(target) in capsys.readouterr().err  # no browser: the user is told where it is


def test_open_needs_html(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ORIGINAL, REWRITE, "--open"]) == EXIT_INPUT
    assert "--open needs --format html" in capsys.readouterr().err


def test_batch_command_is_wired(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.jsonl"
    records = [
        {"id": "a", "original": "Talks failed on Monday.", "rewrite": "Talks failed on Friday."},
        {"id": "b", "original": "", "rewrite": "Text."},
    ]
    pairs.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(pairs), "-o", str(out), "--workers", "1", "--no-progress"])
    assert code == 4  # one pair failed, and says why
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert [line["ok"] for line in lines] == [True, False]
    assert "1 failed" in capsys.readouterr().err
