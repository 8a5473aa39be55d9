"""Users extend the shipped lexicons and hand them to the detectors that read them."""

from __future__ import annotations

import pytest

import newsdiff
from newsdiff import ChangeKind, load_lexicon
from newsdiff.detect.speculation import SpeculationDetector
from newsdiff.detect.tone import LoadedLanguageDetector


def test_loaded_language_detector_takes_an_extended_lexicon() -> None:
    before = "The flood damaged the bridge."
    after = "The calamitous flood damaged the bridge."
    ours = load_lexicon("loaded_language").extended(emotive=["calamitous"])
    found = newsdiff.compare(before, after, detectors=[LoadedLanguageDetector(lexicon=ours)])
    assert [(c.kind, c.rewrite[0].text) for c in found.changes] == [
        (ChangeKind.LOADED_LANGUAGE, "calamitous")
    ]
    stock = newsdiff.compare(before, after, detectors=[LoadedLanguageDetector()])
    assert stock.changes == ()


def test_speculation_detector_takes_an_extended_lexicon() -> None:
    before = "The council will vote on the budget."
    after = "The council will vote on the budget, insiders wager."
    hedges = load_lexicon("hedges")
    category = next(name for name in hedges.terms if not name.startswith("rule_"))
    ours = hedges.extended(**{category: ["insiders wager"]})
    found = newsdiff.compare(before, after, detectors=[SpeculationDetector(lexicon=ours)])
    assert [c.kind for c in found.changes] == [ChangeKind.ADDED_SPECULATION]
    assert newsdiff.compare(before, after, detectors=[SpeculationDetector()]).changes == ()


@pytest.mark.parametrize("detector", [SpeculationDetector, LoadedLanguageDetector])
def test_a_lexicon_and_a_matcher_together_are_refused(detector: type) -> None:
    from newsdiff.detect._loaded import LoadedMatcher

    lexicon = load_lexicon("loaded_language")
    with pytest.raises(ValueError, match="not both"):
        detector(LoadedMatcher(lexicon), lexicon=lexicon)
