from __future__ import annotations

import pytest

from _render_sample import check_golden, sample_report
from newsdiff import compare
from newsdiff.render import render_text, render_variants_text
from newsdiff.variants import compare_variants


def test_plain_text_matches_golden() -> None:
    check_golden("sample.txt", render_text(sample_report()) + "\n")


def test_plain_text_has_no_escape_sequences() -> None:
    assert "\x1b" not in render_text(sample_report())


def test_colour_wraps_severity_and_evidence() -> None:
    coloured = render_text(sample_report(), color=True)
    assert "\x1b[1;31m\u25b2 HIGH\x1b[0m" in coloured
    assert "\x1b[31m- 12\x1b[0m" in coloured
    assert "\x1b[32m+ 15\x1b[0m" in coloured
    # Stripping the sequences gives the plain text back: colour adds nothing else.
    plain = coloured
    for code in ("\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[31m", "\x1b[32m", "\x1b[1m",
                 "\x1b[2m", "\x1b[0m"):  # fmt: skip
        plain = plain.replace(code, "")
    assert plain == render_text(sample_report())


@pytest.mark.parametrize(
    ("before", "after", "first_line"),
    [
        (
            "Talks failed.",
            "Talks failed.",
            "original -> rewrite: reuse 100.0%, coverage 100.0%, 0 changes",
        ),
        (
            "Talks failed on Monday after a long night.",
            "Talks failed on Monday after a long night. Rain fell.",
            "original -> rewrite: reuse 80.0%, coverage 100.0%, 1 change (0 high, 1 medium, 0 low)",
        ),
    ],
)  # fmt: skip
def test_summary_line(before: str, after: str, first_line: str) -> None:
    assert render_text(compare(before, after)).splitlines()[0] == first_line


def test_long_evidence_is_clipped_to_one_line() -> None:
    long = "word " * 80
    report = compare("Talks failed.", f"Talks failed. The {long}ended.")
    lines = [line for line in render_text(report).splitlines() if line.lstrip().startswith("+ ")]
    assert lines
    assert all(len(line) < 130 and line.endswith("\u2026") for line in lines)


def test_variants_text_overview_and_details() -> None:
    family = compare_variants(
        "Officials met on Monday. Talks failed after six hours of debate.",
        {
            "copy": "Officials met on Monday. Talks failed after six hours of debate. Rain fell.",
            "other": "A storm hit the coast overnight and cut power to many homes.",
        },
    )
    short = render_variants_text(family, details=False)
    lines = short.splitlines()
    assert lines[0] == "original and 2 variants"
    assert "  original  the original" in lines
    assert any(line.startswith("    \u2514\u2500 copy  ") for line in lines)
    assert any(line.startswith("  other  ") and "independent" in line for line in lines)
    assert lines[-2].startswith("original -> copy: reuse 84.6%")
    full = render_variants_text(family)
    assert "\u25c6 MEDIUM" in full
    assert full.startswith(short.split("\n\noriginal -> copy")[0])
    assert "\x1b" not in full
    assert "\x1b[1m" in render_variants_text(family, color=True)


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "environ", "expected"),
    [
        (True, {}, True),
        (False, {}, False),  # piped
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # near miss: empty NO_COLOR does not count
        (False, {"NO_COLOR": "1"}, False),
    ],
)
def test_use_color(tty: bool, environ: dict[str, str], expected: bool) -> None:
    from newsdiff.render.text import use_color

    assert use_color(_Stream(tty), environ) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("output_format", "start"),
    [
        ("text", "before.txt -> after.txt: reuse 61.5%"),
        ("markdown", "# before.txt → after.txt\n"),
        ("html", "<!DOCTYPE html>"),
        ("json", '{\n  "schema_version": '),
    ],
)
def test_render_dispatches_on_format(output_format: str, start: str) -> None:
    from newsdiff.render import render

    rendered = render(sample_report(), output_format)
    assert rendered.startswith(start)
    assert rendered.endswith("\n")
    assert not rendered.endswith("\n\n")


@pytest.mark.parametrize("output_format", ["text", "markdown", "html", "json"])
def test_render_dispatches_variants(output_format: str) -> None:
    from newsdiff.render import render

    family = compare_variants("Talks failed on Monday night.", {"a": "Talks failed on Monday."})
    rendered = render(family, output_format)
    assert ("original and 1 variant" in rendered) or ('"lineage"' in rendered)
    assert "1 variants" not in rendered


def test_render_refuses_an_unknown_format() -> None:
    from newsdiff import RenderError
    from newsdiff.render import render

    with pytest.raises(RenderError, match="unknown output format 'pdf'; use one of text"):
        render(sample_report(), "pdf")


def test_open_html_writes_and_opens(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    from newsdiff.render import open_html

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda uri: opened.append(uri) or True)
    path, ok = open_html("<p>x</p>", path=tmp_path / "page.html")
    assert ok
    assert path.read_text(encoding="utf-8") == "<p>x</p>"
    assert opened == [path.resolve().as_uri()]
    monkeypatch.setattr(webbrowser, "open", lambda uri: False)
    temporary, ok = open_html("<p>y</p>")
    try:
        assert not ok
        assert temporary.suffix == ".html"
        assert temporary.read_text(encoding="utf-8") == "<p>y</p>"
    finally:
        temporary.unlink()


def test_open_html_unwritable_path_is_a_render_error(tmp_path) -> None:
    from newsdiff import RenderError
    from newsdiff.render import open_html

    with pytest.raises(RenderError, match="cannot write the HTML page"):
        open_html("<p>x</p>", path=tmp_path / "missing" / "page.html")
