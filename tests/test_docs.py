"""Every code snippet in the documentation runs, and the reference pages cover everything.

The MyST pages under ``docs/`` are parsed with Sybil: ``python`` blocks run (as doctests
when they start with ``>>>``), ``console`` blocks run in bash and their shown output is
checked, and ``toml`` blocks holding a lexicon are parsed and saved under their name so the
next snippet can load them. Each page runs in its own temporary directory, where
``seeds/`` points at the repository's seed articles.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sybil import Sybil
from sybil.parsers.myst import (
    ClearNamespaceParser,
    CodeBlockParser,
    PythonCodeBlockParser,
    SkipParser,
)

import newsdiff
from newsdiff import _exitcodes
from newsdiff._cli import _parser
from newsdiff.lexicons import available_lexicons
from newsdiff.schema import report_schema

if TYPE_CHECKING:
    from sybil import Example

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# Languages whose blocks run; the others only show output or data and never hold commands.
_RUN = frozenset({"python", "console", "toml"})
_SHOWN = frozenset({"text", "json", ""})
_FENCE = re.compile(r"(`{3,}|~{3,})\s*(.*)")


def _run_console(example: Example) -> str | None:
    """Run each ``$ command`` of a console block in bash and compare the output shown."""
    cwd = example.namespace["__cwd__"]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("NO_COLOR", None)
    commands: list[tuple[str, list[str]]] = []
    for line in str(example.parsed).splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands and line.startswith("> ") and not commands[-1][1]:
            # A continuation prompt: after a trailing backslash the line goes on, else
            # the shell reads a new line of the same command (a loop body, say).
            command = commands[-1][0]
            joined = command[:-1] + line[2:] if command.endswith("\\") else f"{command}\n{line[2:]}"
            commands[-1] = (joined, commands[-1][1])
        elif commands:
            commands[-1][1].append(line)
    checker = doctest.OutputChecker()
    for command, expected_lines in commands:
        done = subprocess.run(  # noqa: S603 - the commands are the docs' own, run in a temp dir
            ["bash", "-o", "pipefail", "-c", command],  # noqa: S607 - bash from PATH, as a reader's
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
            check=False,
        )
        got = done.stdout
        if done.returncode != 0:
            return f"`{command}` exited {done.returncode}:\n{got}"
        want = "\n".join(expected_lines).strip()
        if want and not checker.check_output(want + "\n", got, _FLAGS):
            return f"`{command}` printed:\n{got}\nbut the docs show:\n{want}"
    return None


def _save_toml(example: Example) -> str | None:
    """Parse a TOML block; save a lexicon under ``<meta.name>.toml`` for the next snippet."""
    data = tomllib.loads(str(example.parsed))
    name = data.get("meta", {}).get("name")
    if name:
        Path(example.namespace["__cwd__"], f"{name}.toml").write_text(
            str(example.parsed), encoding="utf-8"
        )
    return None


SYBIL = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=_FLAGS),
        CodeBlockParser(language="console", evaluator=_run_console),
        CodeBlockParser(language="toml", evaluator=_save_toml),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    path=str(DOCS),
    patterns=["*.md"],
)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_snippets_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    document = SYBIL.parse(page)
    document.namespace["__cwd__"] = tmp_path
    for example in document.examples():
        example.evaluate()


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_no_snippet_is_left_unchecked(page: Path) -> None:
    fence = None
    for line in page.read_text(encoding="utf-8").splitlines():
        match = _FENCE.fullmatch(line.strip())
        if match is None:
            continue
        if fence is None:
            fence, info = match.group(1), match.group(2)
            # {directive} fences (toctree, eval-rst, ...) are markup, not snippets.
            if not info.startswith("{"):
                assert info in _RUN | _SHOWN, f"{page.name}: a ```{info} block never runs"
        elif match.group(1).startswith(fence) and not match.group(2):
            fence = None


def test_there_are_snippets_to_run() -> None:
    examples = [e for page in PAGES for e in SYBIL.parse(page).examples()]
    assert len(examples) >= 20


def _page(name: str) -> str:
    return (DOCS / "reference" / f"{name}.md").read_text(encoding="utf-8")


def test_cli_reference_names_every_option_and_exit_code() -> None:
    page = _page("cli")
    parser = _parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name, sub in [("newsdiff", parser), *sorted(commands.choices.items())]:  # type: ignore[union-attr]
        assert f"`{name}" in page, name
        for action in sub._actions:
            for option in action.option_strings:
                assert f"`{option}" in page, f"{name} {option}"
    for name in _exitcodes.__all__:
        assert f"| {getattr(_exitcodes, name)} |" in page, name


def test_taxonomy_covers_every_change_kind() -> None:
    page = _page("taxonomy")
    for kind in newsdiff.ChangeKind:
        assert f"## `{kind.value}`" in page, kind


def test_api_reference_covers_the_public_names() -> None:
    page = _page("api")
    for name in newsdiff.__all__:
        if name == "__version__":
            continue
        assert re.search(rf"(newsdiff\.(\w+\.)*|:: |`){re.escape(name)}\b", page), name


def test_schema_reference_explains_every_field() -> None:
    page = _page("json-schema")
    assert f'`"{newsdiff.SCHEMA_VERSION}"` for this release' in page
    definitions = report_schema()["$defs"]
    for name, definition in definitions.items():
        heading = f"### `{name}`"
        assert heading in page, name
        section = page.split(heading, 1)[1].split("\n### ", 1)[0]
        for field, spec in definition.get("properties", {}).items():
            assert f"| `{field}` |" in section, f"{name}.{field}"
            for inner in spec.get("properties", {}):
                assert f"`{inner}`" in section, f"{name}.{field}.{inner}"


def test_lexicon_reference_is_generated_from_the_shipped_files() -> None:
    assert "{lexicon-table}" in _page("lexicons")
    assert available_lexicons()


def test_alignment_page_quotes_the_current_thresholds() -> None:
    from newsdiff import _align, _pipeline

    page = (DOCS / "explanation" / "alignment.md").read_text(encoding="utf-8")
    assert f"{_align.MATCH_THRESHOLD} (`MATCH_THRESHOLD`)" in page
    assert f"{_align.WEAK_MATCH_THRESHOLD} (`WEAK_MATCH_THRESHOLD`)" in page
    assert f"at least {_pipeline.EDITED_THRESHOLD:.0%} of all its words".replace("%", " %") in page
    assert f"exceeds {_align._EXHAUSTIVE_PAIRS:,} pairs" in page
    assert _align.CONTAINMENT_THRESHOLD == 0.5
    assert "at least half of its content words" in page


_SCORE_LINE = re.compile(r"(\S.*?)\s+P=(\d\.\d{3}) R=(\d\.\d{3}) F1=(\d\.\d{3})")
_EVAL_DIR = os.environ.get("NEWSDIFF_EVAL_DIR")


@pytest.mark.slow
@pytest.mark.skipif(not _EVAL_DIR, reason="set NEWSDIFF_EVAL_DIR to the labelled data to run")
@pytest.mark.parametrize(
    "argv",
    [
        ("polnear", "polnear_dev"),
        ("hedges", "szeged_wiki_hedges.jsonl"),
    ],
)
def test_evaluation_page_shows_the_current_scores(
    argv: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from newsdiff.evaluate.__main__ import main

    assert main([argv[0], str(Path(str(_EVAL_DIR), argv[1]))]) == 0
    page = (DOCS / "explanation" / "evaluation.md").read_text(encoding="utf-8")
    scores = [m.groups() for m in map(_SCORE_LINE.match, capsys.readouterr().out.splitlines()) if m]
    assert scores
    for label, precision, recall, f1 in scores:
        assert f"| {label} | {precision} | {recall} | {f1} |" in page, label
