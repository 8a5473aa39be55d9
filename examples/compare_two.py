"""Compare the seed original with one rewrite and print every change with its evidence.

Run ``python examples/compare_two.py [ORIGINAL REWRITE]``; without arguments it compares
``seeds/000…`` with ``seeds/002…``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import newsdiff

if TYPE_CHECKING:
    from collections.abc import Sequence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: Sequence[str] | None = None) -> int:
    """Print a one-line summary, then each change: severity, kind, explanation, evidence."""
    args = list(sys.argv[1:] if argv is None else argv)
    original, rewrite = args or (
        SEEDS / "000_9a65cb702620a05a.txt",
        SEEDS / "002_bc4f9244cbd46ca2.txt",
    )
    report = newsdiff.compare_files(original, rewrite)
    print(
        f"{report.original.name} -> {report.rewrite.name}: {len(report.changes)} changes, "
        f"{report.metrics.reuse:.0%} of the rewrite's words reused"
    )
    for change in report.changes:
        print(f"[{change.severity.value:>6}] {change.kind.value}: {change.explanation}")
        for span in change.original:
            print(f"         - {span.text}")
        for span in change.rewrite:
            print(f"         + {span.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
