"""Put the changes of every seed rewrite into one pandas DataFrame, then a CSV file.

Run ``python examples/to_pandas.py [OUTPUT.csv]`` (needs ``pip install "newsdiff[pandas]"``).
Each row is one change: which rewrite, its kind, severity, explanation and the character
offsets of its evidence, so the CSV can be joined back to the texts.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

import newsdiff

if TYPE_CHECKING:
    from collections.abc import Sequence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def changes_frame(original: Path, rewrites: Sequence[Path]) -> pd.DataFrame:
    """One row per change of each rewrite against ``original``."""
    rows = []
    for rewrite in rewrites:
        report = newsdiff.compare_files(original, rewrite)
        rows.extend(
            {
                "rewrite": rewrite.name,
                "kind": change.kind.value,
                "severity": change.severity.value,
                "explanation": change.explanation,
                "original_start": change.original[0].start if change.original else None,
                "original_end": change.original[-1].end if change.original else None,
                "rewrite_start": change.rewrite[0].start if change.rewrite else None,
                "rewrite_end": change.rewrite[-1].end if change.rewrite else None,
            }
            for change in report.changes
        )
    frame = pd.DataFrame(rows)
    # Nullable integers: a removed sentence has no rewrite offsets, an added one no original.
    offsets = ["original_start", "original_end", "rewrite_start", "rewrite_end"]
    return frame.astype(dict.fromkeys(offsets, "Int64"))


def main(argv: Sequence[str] | None = None) -> int:
    """Print changes per rewrite and kind, and write every change to a CSV file."""
    args = list(sys.argv[1:] if argv is None else argv)
    output = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="newsdiff-")) / "changes.csv"
    original, *rewrites = sorted(SEEDS.glob("*.txt"))
    frame = changes_frame(original, rewrites)
    print(frame.groupby(["rewrite", "severity"]).size().unstack(fill_value=0).to_string())
    frame.to_csv(output, index=False)
    print(f"wrote {len(frame)} changes to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
