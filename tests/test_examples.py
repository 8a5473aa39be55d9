"""Every script in ``examples/`` runs and prints what its README entry promises."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import newsdiff

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "seeds"
ORIGINAL = SEEDS / "000_9a65cb702620a05a.txt"
REWRITE = SEEDS / "002_bc4f9244cbd46ca2.txt"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(name: str, capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert _load(name).main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


def test_every_example_is_tested_and_described() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    tests = Path(__file__).read_text(encoding="utf-8")
    for script in sorted(EXAMPLES.glob("*.py")):
        assert f"`{script.name}`" in readme, script.name
        assert f"def test_{script.stem}" in tests, script.name


def test_compare_two(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _run("compare_two", capsys)
    report = newsdiff.compare_files(ORIGINAL, REWRITE)
    assert lines[0].startswith(f"{ORIGINAL.name} -> {REWRITE.name}: {len(report.changes)} changes")
    shown = [line for line in lines if line.startswith("[")]
    assert len(shown) == len(report.changes)
    cut = "- She said that Trump again made the offer in a recent phone call, but she rejected it."
    assert cut in [line.strip() for line in lines]


def test_compare_two_takes_any_two_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before, after = tmp_path / "a.txt", tmp_path / "b.txt"
    before.write_text("The council approved the budget on Monday.", encoding="utf-8")
    after.write_text("The council approved the budget on Tuesday.", encoding="utf-8")
    lines = _run("compare_two", capsys, str(before), str(after))
    assert lines[0].startswith("a.txt -> b.txt: 1 changes")
    assert lines[1].startswith("[  high] changed_number:")
    assert lines[2:] == ["         - Monday", "         + Tuesday"]


def test_seed_family(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _run("seed_family", capsys)
    links = [re.fullmatch(r"  (\S+) <- (\S+): .*", line) for line in lines if " <- " in line]
    parents = {link.group(1): link.group(2) for link in links if link is not None}
    assert parents == {
        "000_9a65cb702620a05a.txt": "(root)",
        "001_1a55e680ea19b765.txt": ORIGINAL.name,
        "002_bc4f9244cbd46ca2.txt": ORIGINAL.name,
        "003_f66361aa4fe29ffa.txt": ORIGINAL.name,
        "004_4473c320cb30fdb5.txt": "(root)",
    }
    matrix = lines[lines.index(next(line for line in lines if line.startswith("Reuse"))) + 2 :][:5]
    for row, line in enumerate(matrix):
        assert line.split()[row + 1] == "100%"
    assert lines[-1].startswith("Content only one version carries: ")


def test_html_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    output = tmp_path / "page.html"
    lines = _run("html_report", capsys, str(output))
    page = output.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")
    assert "http://" not in page
    assert "https://" not in page
    changes = len(newsdiff.compare_files(ORIGINAL, REWRITE).changes)
    assert lines == [f"wrote {output} ({output.stat().st_size:,} bytes, {changes} changes)"]


def test_to_pandas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    output = tmp_path / "changes.csv"
    lines = _run("to_pandas", capsys, str(output))
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rewrites = sorted(SEEDS.glob("*.txt"))[1:]
    expected = sum(len(newsdiff.compare_files(ORIGINAL, path).changes) for path in rewrites)
    assert len(rows) == expected
    assert lines[-1] == f"wrote {expected} changes to {output}"
    assert {row["rewrite"] for row in rows} <= {path.name for path in rewrites}
    added = next(row for row in rows if row["kind"] == "added_content")
    assert not added["original_start"]
    report = newsdiff.compare_files(ORIGINAL, SEEDS / added["rewrite"])
    offsets = (int(added["rewrite_start"]), int(added["rewrite_end"]))
    assert offsets in {
        (c.rewrite[0].start, c.rewrite[-1].end)
        for c in report.changes
        if c.kind is newsdiff.ChangeKind.ADDED_CONTENT
    }


def test_custom_detector(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _run("custom_detector", capsys)
    rewrite = newsdiff.load_text(REWRITE.read_bytes())
    flagged = []
    for line in lines[1:]:
        start, end = map(int, line.split(":")[0].split("-"))
        flagged.append(rewrite[start:end].lower())
    assert flagged
    assert set(flagged) <= set(_load("custom_detector").HOUSE_STYLE)
    assert lines[0].endswith(f", {len(flagged)} from the house-style detector:")


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("The minister criticised the plan.", "The minister slammed the plan.", ["slammed"]),
        # Near miss: the original already had the word, so the rewrite adds nothing.
        ("The minister slammed the plan.", "The minister slammed the plan again.", []),
        # Near miss: "vowedly" is not the banned word "vowed".
        ("He spoke.", "He spoke, vowedly.", []),
    ],
)
def test_custom_detector_rule(before: str, after: str, expected: list[str]) -> None:
    detector = _load("custom_detector").HouseStyleDetector()
    report = newsdiff.compare(before, after, detectors=[detector])
    assert [span.text for change in report.changes for span in change.rewrite] == expected
