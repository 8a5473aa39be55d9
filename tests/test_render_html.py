from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs
import jinja2
import pytest

from _render_sample import HOSTILE, sample_report
from newsdiff import RenderError, compare
from newsdiff.render import html as html_module
from newsdiff.render import render_html, render_variants_html
from newsdiff.variants import compare_variants

MOVED_BEFORE = (
    "The council met on Monday to discuss the budget. Schools will receive more money next "
    "year. Roads will be repaired in the spring. The mayor praised the compromise reached by "
    "the members."
)
MOVED_AFTER = (
    "The mayor praised the compromise reached by the members. The council met on Monday to "
    "discuss the budget. Schools will receive more money next year. Roads will be repaired in "
    "the spring."
)


class _Elements(HTMLParser):
    """Collects every start tag with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_self_contained() -> None:
    page = render_html(sample_report())
    elements = parse(page)
    names = [tag for tag, _ in elements.tags]
    assert names.count("script") == 1
    assert names.count("style") == 1
    for forbidden in ("link", "img", "iframe", "object", "embed"):
        assert forbidden not in names
    for _, attributes in elements.tags:
        for key in ("src", "href"):
            value = attributes.get(key)
            assert value is None or value.startswith("#"), (key, value)
    assert "http://" not in page.replace("http-equiv", "")
    assert "https://" not in page
    assert "default-src 'none'" in page


def test_ids_are_unique() -> None:
    for page in (
        render_html(sample_report()),
        render_variants_html(
            compare_variants(MOVED_BEFORE, {"a": MOVED_AFTER, "b": MOVED_BEFORE + " Rain fell."})
        ),
    ):
        ids = [a["id"] for _, a in parse(page).tags if a.get("id")]
        assert len(ids) == len(set(ids))
        # Every in-page link and aria reference points at an element that exists.
        targets = {a.get("href", "")[1:] for _, a in parse(page).tags if a.get("href")}
        targets |= {a["aria-describedby"] for _, a in parse(page).tags if a.get("aria-describedby")}
        assert targets <= set(ids)


def test_badges_tooltips_and_list() -> None:
    elements = parse(render_html(sample_report()))
    badges = [a for tag, a in elements.tags if tag == "button" and "badge" in (a["class"] or "")]
    # The change tied to no sentence comes first, in its own block; then by row.
    assert [b["id"] for b in badges] == [f"r-change-{n}" for n in (5, 1, 2, 3, 4)]
    tips = {a["id"] for tag, a in elements.tags if a.get("role") == "tooltip"}
    assert {b["aria-describedby"] for b in badges} == tips
    jumps = [a["data-jump"] for tag, a in elements.tags if tag == "a" and a.get("data-jump")]
    assert jumps == [f"r-change-{n}" for n in (1, 2, 3, 4, 5)]
    listed = [a for _, a in elements.tags if "data-listed" in a]
    assert [(a["data-kind"], a["data-rank"]) for a in listed] == [
        ("changed_number", "2"),
        ("removed_content", "1"),
        ("added_speculation", "1"),
        ("altered_quote", "2"),
        ("loaded_language", "0"),
    ]
    kinds = [a["value"] for _, a in elements.tags if "data-filter-kind" in a]
    assert kinds == [
        "removed_content",
        "altered_quote",
        "added_speculation",
        "changed_number",
        "loaded_language",
    ]


def test_word_edits_and_relations_are_marked_in_text_too() -> None:
    page = render_html(sample_report())
    assert "Officials said <del>12</del> people" in page
    assert "Officials said <ins>15</ins> people" in page
    assert "<del>Firefighters arrived within minutes.</del>" in page
    assert "<ins>Police suspect the blaze was set on purpose.</ins>" in page
    # Non-colour cues: words for the relation, a shape and a word for the severity.
    assert '<span class="relation">+ Added</span>' in page
    assert '<span class="relation">\u2212 Removed</span>' in page
    assert "\u25b2</span> High \u00b7 Changed number" in page


def test_summary_panels() -> None:
    page = render_html(sample_report())
    text = re.sub(r"<[^>]+>", " ", page)
    text = " ".join(text.split())
    assert "Reuse (rewrite words from the original) 61.5%" in text
    assert "Flesch reading ease 78.2 80.1 +1.90" in text
    assert "Tone (per 1,000 words)" in text
    assert "Loaded terms 0.0 38.5 +38.46" in text
    assert "Altered &#34;We did everything we could,&#34; &#34;We did all we could,&#34;" in text
    assert "@media print" in page


def test_empty_quote_ledger_says_so() -> None:
    report = attrs.evolve(sample_report(), quotes=())
    assert "No quotations recorded." in render_html(report)


def test_moved_sentence_says_where_it_went() -> None:
    page = render_html(compare(MOVED_BEFORE, MOVED_AFTER))
    assert "Moved earlier: sentence 4 of the original is sentence 1 of the rewrite." in page


HOSTILE_PIECES = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda: render_html(sample_report(extra=f"Police said {HOSTILE} later.")),
                     id="identical sentence"),
        pytest.param(lambda: render_html(compare("The fire was small.",
                                                 f"The fire was small. {HOSTILE} It spread.")),
                     id="added sentence"),
        pytest.param(lambda: render_html(compare(
            "The fire was small.", "The fire was small.", original_name=HOSTILE,
            rewrite_name=HOSTILE)), id="names"),
        pytest.param(lambda: render_variants_html(compare_variants(
            "The fire was small and crews put it out quickly.",
            {HOSTILE: f"The fire was small and crews put it out quickly. {HOSTILE} Then."})),
            id="variant name and text"),
    ],
)  # fmt: skip
def test_hostile_text_is_escaped(page: object) -> None:
    rendered = page()  # type: ignore[operator]
    for piece in HOSTILE_PIECES:
        assert piece not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in rendered
    elements = parse(rendered)
    assert [tag for tag, _ in elements.tags].count("script") == 1
    assert not any(tag == "img" for tag, _ in elements.tags)
    assert not any(key.startswith("on") for _, a in elements.tags for key in a)
    assert "alert" not in "".join(elements.scripts)


def test_explanations_are_escaped_too() -> None:
    report = sample_report()
    change = attrs.evolve(report.changes[0], explanation=f"Changed {HOSTILE}")
    page = render_html(attrs.evolve(report, changes=(change, *report.changes[1:])))
    for piece in HOSTILE_PIECES:
        assert piece not in page


def test_variants_page_links_overview_to_each_pair() -> None:
    family = compare_variants(
        MOVED_BEFORE, {"moved": MOVED_AFTER, "longer": MOVED_BEFORE + " Rain fell on Monday."}
    )
    elements = parse(render_variants_html(family))
    sections = [a["id"] for tag, a in elements.tags if tag == "section" and "data-report" in a]
    assert sections == ["v1", "v2"]
    links = [a["href"] for tag, a in elements.tags if tag == "a"]
    assert links.count("#v1") >= 2  # the list of pairs and the lineage tree
    assert links.count("#v2") >= 2
    assert "#overview" in links
    tables = [a for tag, a in elements.tags if tag == "table" and a.get("class") == "matrix"]
    assert len(tables) == 2


def test_template_failure_is_a_render_error(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = jinja2.Environment(
        loader=jinja2.DictLoader({"report.html.j2": "{{ view.nothing_here }}"}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    monkeypatch.setattr(html_module, "_environment", lambda: broken)
    with pytest.raises(RenderError, match=r"report\.html\.j2"):
        render_html(sample_report())
