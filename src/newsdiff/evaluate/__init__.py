"""Measure newsdiff's detectors against other people's labels.

Run ``python -m newsdiff.evaluate DATASET PATH``: ``polnear`` takes a PolNeAR folder
(``text/`` and ``attributions/``), ``hedges`` a Szeged-style hedge JSONL file. Each prints
precision, recall and F1. The data is never shipped with newsdiff; point it at your copy.
"""

from __future__ import annotations

import attrs

__all__ = ["Score"]


@attrs.frozen(kw_only=True)
class Score:
    """Precision, recall and F1 from true positive, false positive and false negative counts.

    >>> round(Score(true_positives=8, false_positives=2, false_negatives=2).f1, 4)
    0.8
    """

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of predictions that were right (1.0 when nothing was predicted)."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the labels that were found (1.0 when there were none)."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def line(self, label: str) -> str:
        """Format the score as one aligned line of a results table."""
        return (
            f"{label:<28} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.true_positives} fp={self.false_positives} fn={self.false_negatives})"
        )
