"""The HTML report in a real browser: Debian's chromium, driven headless by Playwright.

Skipped when /usr/bin/chromium or the playwright package is missing. Playwright's own
browser downloads are never used: the system browser is launched by path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from _render_sample import HOSTILE
from newsdiff import compare
from newsdiff.render import render_html, render_variants_html
from newsdiff.variants import compare_variants

if TYPE_CHECKING:
    from collections.abc import Iterator

CHROMIUM = Path("/usr/bin/chromium")
# The docs' screenshot is refreshed only on request, so a test run leaves the tree clean.
DOCS_SCREENSHOT = (
    Path(__file__).resolve().parent.parent / "docs" / "_static" / "report-screenshot.png"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, timeout=60_000
        )
        yield launched
        launched.close()


class _Page:
    """A page with every console error, page error and dialog recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 1000})
        self.page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible(self, selector: str) -> int:
        return int(
            self.page.evaluate(
                "s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null)"
                ".length",
                selector,
            )
        )


@pytest.fixture(scope="module")
def seed_page(browser: Any, seed_texts: dict[str, str], tmp_path_factory: Any) -> Iterator[_Page]:
    path = tmp_path_factory.mktemp("html") / "report.html"
    report = compare(
        seed_texts["000"], seed_texts["002"], original_name="000.txt", rewrite_name="002.txt"
    )
    path.write_text(render_html(report), encoding="utf-8")
    page = _Page(browser, path)
    yield page
    page.page.close()


def test_no_console_errors_and_a_screenshot(seed_page: _Page, tmp_path: Path) -> None:
    assert seed_page.page.title().startswith("newsdiff: 000.txt")
    assert seed_page.errors == []
    assert seed_page.visible("[data-listed]") > 5
    # The docs show the side-by-side view under the sticky filters, one explanation open.
    page = seed_page.page
    page.evaluate("document.getElementById('r-text').scrollIntoView()")
    page.locator("table.diff .badge").nth(1).focus()
    page.evaluate("window.scrollBy(0, -120)")
    screenshot = DOCS_SCREENSHOT if os.environ.get("NEWSDIFF_SCREENSHOT") else tmp_path / "s.png"
    page.screenshot(path=str(screenshot))
    page.keyboard.press("Escape")
    assert screenshot.stat().st_size > 10_000


def test_filters_hide_and_show_changes(seed_page: _Page) -> None:
    page = seed_page.page
    total = seed_page.visible("[data-listed]")
    kinds = page.eval_on_selector_all("input[data-filter-kind]", "els => els.map(e => e.value)")
    kind = kinds[0]
    of_kind = seed_page.visible(f'[data-listed][data-kind="{kind}"]')
    assert of_kind > 0
    page.uncheck(f'input[data-filter-kind][value="{kind}"]')
    assert seed_page.visible(f'[data-kind="{kind}"]') == 0  # list items and badges
    assert seed_page.visible("[data-listed]") == total - of_kind
    assert page.text_content("[data-filter-status]") == (
        f"Showing {total - of_kind} of {total} changes"
    )
    page.check(f'input[data-filter-kind][value="{kind}"]')
    assert seed_page.visible("[data-listed]") == total
    page.select_option("select[data-filter-severity]", "1")
    ranks = page.eval_on_selector_all(
        "[data-listed]", "els => els.filter(e => !e.hidden).map(e => e.dataset.rank)"
    )
    assert ranks
    assert set(ranks) <= {"1", "2"}
    assert seed_page.visible('[data-change][data-rank="0"]') == 0
    page.select_option("select[data-filter-severity]", "0")
    assert seed_page.visible("[data-listed]") == total
    assert seed_page.errors == []


def test_explanations_show_on_keyboard_focus_and_jump(seed_page: _Page) -> None:
    page = seed_page.page
    badge = page.locator(".badge").nth(1)
    tip = page.locator(f"#{badge.get_attribute('aria-describedby')}")
    page.locator("body").click(position={"x": 1, "y": 1})
    assert not tip.is_visible()
    badge.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    link = page.locator("a[data-jump]").nth(2)
    target = link.get_attribute("data-jump")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == target
    assert page.locator(f"#{target} + .tip").is_visible()
    assert seed_page.errors == []


def test_hostile_article_runs_nothing(browser: Any, tmp_path: Path) -> None:
    report = compare(
        "The fire was small and crews put it out quickly.",
        f"The fire was small and crews put it out quickly. {HOSTILE} It spread.",
        rewrite_name=HOSTILE,
    )
    path = tmp_path / "hostile.html"
    path.write_text(render_html(report), encoding="utf-8")
    hostile = _Page(browser, path)
    hostile.page.wait_for_timeout(300)
    assert hostile.dialogs == []
    assert hostile.errors == []
    assert hostile.page.locator("img").count() == 0
    assert hostile.page.locator("script").count() == 1
    body = hostile.page.inner_text("table.diff")
    assert "<script>alert(1)</script>" in body
    assert '"><img src=x onerror=alert(1)>' in body
    hostile.page.close()


def test_variants_overview_links_to_each_pair(
    browser: Any, seed_texts: dict[str, str], tmp_path: Path
) -> None:
    family = compare_variants(
        seed_texts["000"],
        {name: seed_texts[name] for name in ("001", "002", "003", "004")},
        original_name="000",
    )
    path = tmp_path / "family.html"
    path.write_text(render_variants_html(family), encoding="utf-8")
    overview = _Page(browser, path)
    page = overview.page
    assert overview.errors == []
    page.click('nav a[href="#v4"]')
    assert page.evaluate("location.hash") == "#v4"
    # Each pairwise section filters on its own.
    first = overview.visible("#v1 [data-listed]")
    page.select_option("#v4 select[data-filter-severity]", "2")
    assert overview.visible("#v1 [data-listed]") == first
    assert overview.errors == []
    page.close()
