from __future__ import annotations

import pytest

from _render_sample import HOSTILE, check_golden, sample_report
from newsdiff import compare
from newsdiff.render import render_markdown, render_variants_markdown
from newsdiff.render.markdown import escape_markdown
from newsdiff.variants import compare_variants


def test_markdown_matches_golden() -> None:
    check_golden("sample.md", render_markdown(sample_report()))


def test_changes_are_grouped_by_severity_in_order() -> None:
    text = render_markdown(sample_report())
    high, medium, low = (text.index(f"## {title}") for title in ("\u25b2 High (2)",
                                                               "\u25c6 Medium (2)",
                                                               "\u25cf Low (1)"))  # fmt: skip
    assert high < text.index("#1 Changed number") < text.index("#4 Altered quote") < medium
    assert medium < text.index("#2 Removed content") < text.index("#3 Added speculation") < low
    assert low < text.index("#5 Loaded language")


def test_evidence_quotes_both_versions_with_the_words_in_bold() -> None:
    text = render_markdown(sample_report())
    assert "> **Original:** “Officials said **12** people were hurt" in text
    assert "> **Rewrite:** “Officials said **15** people were hurt" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("a | b", "a \\| b"),
        ("*not bold* and _not italic_", "\\*not bold\\* and \\_not italic\\_"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("# not a heading", "\\# not a heading"),
        ("AT&amp;T", "AT\\&amp;T"),
        ("two\n\nlines", "two lines"),
        # Near miss: ordinary punctuation stays as written.
        ("U.S. officials (two) said: yes!", "U.S. officials (two) said: yes!"),
    ],
)
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


def test_hostile_article_text_stays_text() -> None:
    text = render_markdown(sample_report(extra=f"Police said {HOSTILE} later."))
    assert "<script>" not in text
    assert "<img" not in text
    report = compare("The fire was small.", f"The fire was small. {HOSTILE} Then it spread.")
    assert "<script>" not in render_markdown(report)
    assert "\\<script\\>" in render_markdown(report)


def test_no_changes() -> None:
    text = render_markdown(compare("Talks failed.", "Talks failed."))
    assert text.splitlines()[0] == "# original → rewrite"
    assert text.endswith("No changes in meaning found.\n")


def test_variants_markdown() -> None:
    family = compare_variants(
        "Officials met on Monday. Talks failed after six hours of debate.",
        {
            "copy": "Officials met on Monday. Talks failed after six hours of debate. Rain fell.",
            "other|pipe": "A storm hit the coast overnight and cut power to many homes.",
        },
    )
    text = render_variants_markdown(family)
    assert text.startswith(
        "# original and 2 variants\n\n## Lineage\n\n- **original**: the original\n"
    )
    assert "  - **copy**: " in text
    assert "- **other\\|pipe**: only 0% of its words" in text
    assert "| original | — | 85% | 0% |" in text
    assert "## original → copy" in text
    assert "## original → other\\|pipe" in text
    assert "- other\\|pipe · claim: “A storm hit the coast" in text
