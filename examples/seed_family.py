"""Compare the seed original with all its variants and print the lineage and reuse matrix.

Run ``python examples/seed_family.py [ORIGINAL VARIANT ...]``; without arguments it takes
every file in ``seeds/``, the first (``000…``) as the original.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff import compare_variants, load_text

if TYPE_CHECKING:
    from collections.abc import Sequence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: Sequence[str] | None = None) -> int:
    """Print who derives from whom, then the share of each version's words from each other."""
    args = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    paths = args or sorted(SEEDS.glob("*.txt"))
    original, *variants = paths
    family = compare_variants(
        load_text(original.read_bytes()),
        {path.name: load_text(path.read_bytes()) for path in variants},
        original_name=original.name,
    )
    print("Lineage:")
    for link in family.lineage:
        parent = link.parent or "(root)"
        print(f"  {link.name} <- {parent}: {link.reason}")
    print("Reuse (row = source, column = version; share of the column's words):")
    short = [name[:3] for name in family.names]
    print("        " + " ".join(f"{name:>5}" for name in short))
    for name, row in zip(short, family.reuse, strict=True):
        print(f"  {name:>5} " + " ".join(f"{value:>5.0%}" for value in row))
    print(f"Content only one version carries: {len(family.unique)} quotations or claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
