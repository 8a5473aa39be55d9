"""Write the self-contained HTML report of the seed original against one rewrite.

Run ``python examples/html_report.py [OUTPUT.html]``; without an argument the page goes
to a temporary directory. The page needs no network: open it in any browser.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import newsdiff
from newsdiff.render.html import render_html

if TYPE_CHECKING:
    from collections.abc import Sequence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: Sequence[str] | None = None) -> int:
    """Compare seeds 000 and 002, write the HTML page and print where it went."""
    args = list(sys.argv[1:] if argv is None else argv)
    output = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="newsdiff-")) / "report.html"
    report = newsdiff.compare_files(
        SEEDS / "000_9a65cb702620a05a.txt", SEEDS / "002_bc4f9244cbd46ca2.txt"
    )
    output.write_text(render_html(report), encoding="utf-8")
    print(f"wrote {output} ({output.stat().st_size:,} bytes, {len(report.changes)} changes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
