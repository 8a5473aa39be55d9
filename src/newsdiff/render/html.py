"""A self-contained HTML page: side-by-side text, change badges, filters, summary panels.

The page is rendered by Jinja2 from templates shipped in the package, with autoescape
on, so every piece of article text reaches the page as text: an article holding
``<script>`` shows those characters and runs nothing. CSS and JavaScript are inline
and a Content-Security-Policy forbids fetching anything, so the file works offline
and can be mailed or archived as it is.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import jinja2

from newsdiff._version import __version__
from newsdiff.exceptions import RenderError
from newsdiff.render._family import family_view
from newsdiff.render._view import pair_view, percent

if TYPE_CHECKING:
    from newsdiff.models import Report
    from newsdiff.variants import VariantComparison

__all__ = ["render_html", "render_variants_html"]


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("newsdiff.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["percent"] = percent
    environment.globals["version"] = __version__
    return environment


def _render(template: str, **values: object) -> str:
    try:
        return _environment().get_template(template).render(**values)
    except jinja2.TemplateError as err:
        msg = f"cannot render the HTML page ({template}): {err}; please report this as a bug"
        raise RenderError(msg) from err


def render_html(report: Report) -> str:
    """Render ``report`` as one self-contained HTML page.

    Raises:
        RenderError: the page template failed.

    >>> from newsdiff import compare
    >>> page = render_html(compare("Talks failed.", "<b>Talks</b> failed."))
    >>> "&lt;b&gt;Talks&lt;/b&gt;" in page and "<b>Talks" not in page
    True
    """
    return _render("report.html.j2", view=pair_view(report))


def render_variants_html(comparison: VariantComparison) -> str:
    """Render a variant comparison: an overview (matrix, lineage) and each pairwise view.

    Raises:
        RenderError: the page template failed.
    """
    return _render("variants.html.j2", family=family_view(comparison))
