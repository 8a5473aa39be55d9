"""Renderers: turn a report, or a family of variants, into what people read.

Text for terminals, Markdown for issue trackers and notes, and one self-contained HTML
page; JSON comes from :meth:`newsdiff.Report.to_json` and
:meth:`newsdiff.variants.VariantComparison.to_json`.
"""

from __future__ import annotations

from newsdiff.render._dispatch import FORMATS, open_html, render
from newsdiff.render.html import render_html, render_variants_html
from newsdiff.render.markdown import render_markdown, render_variants_markdown
from newsdiff.render.text import render_text, render_variants_text

__all__ = [
    "FORMATS",
    "open_html",
    "render",
    "render_html",
    "render_markdown",
    "render_text",
    "render_variants_html",
    "render_variants_markdown",
    "render_variants_text",
]
