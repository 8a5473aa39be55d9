"""Users extend the shipped lexicons and hand them to the detectors that read them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

import newsdiff
from newsdiff import ChangeKind, load_lexicon
from newsdiff.detect.attribution import AttributionDetector
from newsdiff.detect.entities import EntityDetector
from newsdiff.detect.speculation import SpeculationDetector
from newsdiff.detect.tone import LoadedLanguageDetector

if TYPE_CHECKING:
    from collections.abc import Callable


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


# -- attribution -------------------------------------------------------------------------

_HOUSE_VERBS = load_lexicon("reporting_verbs").extended(speech=["opined"])
_HOUSE_VAGUE = load_lexicon("vague_sources").extended(heads=["tipsters"], adverbs=["reputedly"])


def _spans(report: newsdiff.Report) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [
        (
            change.kind.value,
            tuple(span.text for span in change.original),
            tuple(span.text for span in change.rewrite),
        )
        for change in report.changes
    ]


@pytest.mark.parametrize(
    ("before", "after", "stock", "ours"),
    [
        pytest.param(
            "Rates will rise soon, the central bank opined on Monday.",
            "Rates will rise soon.",
            [],
            [("dropped_attribution", ("the central bank", "opined"), ())],
            id="house verb: source dropped",
        ),
        pytest.param(
            "Rates will rise soon, the central bank opined on Monday.",
            "Rates will rise soon, the central bank opined.",
            [],
            [],
            id="house verb: source kept (near miss)",
        ),
        pytest.param(
            "Rates will rise soon, Ana Ruiz opined on Monday.",
            "Rates will rise soon, Tom Hale opined on Monday.",
            [],
            [("changed_attribution", ("Ana Ruiz",), ("Tom Hale",))],
            id="house verb: source changed",
        ),
        pytest.param(
            "The mayor said the pier will close in May.",
            "The pier will close in May, tipsters said.",
            [],
            [("dropped_attribution", ("The mayor", "said"), ("said",))],
            id="vague head: named source made vague",
        ),
        pytest.param(
            "The mayor said the pier will close in May.",
            "The pier will close in May, Tipsters Ltd said.",
            [],
            [],
            id="vague head in a name (near miss)",
        ),
        pytest.param(
            "The mayor said the pier will close in May.",
            "The pier will reputedly close in May.",
            [("dropped_attribution", ("The mayor", "said"), ())],
            [("dropped_attribution", ("The mayor", "said"), ("reputedly",))],
            id="vague adverb: named in the change",
        ),
    ],
)
def test_attribution_detector_takes_extended_lexicons(
    before: str, after: str, stock: list[object], ours: list[object]
) -> None:
    house = AttributionDetector(reporting_verbs=_HOUSE_VERBS, vague_sources=_HOUSE_VAGUE)
    assert _spans(newsdiff.compare(before, after, detectors=[house])) == ours
    assert _spans(newsdiff.compare(before, after, detectors=[AttributionDetector()])) == stock


# -- entities ----------------------------------------------------------------------------

_HOUSE_NAMES = {
    "organisations": load_lexicon("organisations").extended(
        **{"ferrovia rail": ["Ferrovia"], "portline holdings": ["Portline", "PLH"]}
    ),
    "demonyms": load_lexicon("demonyms").extended(**{"new zealand": ["Kiwi"]}),
    "places": load_lexicon("places").extended(towns=["Kelby", "Arden"]),
}


@pytest.mark.parametrize(
    ("before", "after", "ours"),
    [
        pytest.param(
            "Ferrovia approved the plan on Monday.",
            "Portline approved the plan on Monday.",
            [("changed_entity", ("Ferrovia",), ("Portline",))],
            id="organisation swapped",
        ),
        pytest.param(
            "Portline approved the plan on Monday.",
            "PLH approved the plan on Monday.",
            [],
            id="organisation alias (near miss)",
        ),
        pytest.param(
            "Kiwi officials welcomed the deal.",
            "Australian officials welcomed the deal.",
            [("changed_entity", ("Kiwi",), ("Australian",))],
            id="nationality swapped",
        ),
        pytest.param(
            "Kiwi officials welcomed the deal.",
            "New Zealand officials welcomed the deal.",
            [],
            id="nationality alias (near miss)",
        ),
        pytest.param(
            "Kelby flooded overnight, police said.",
            "Arden flooded overnight, police said.",
            [("changed_entity", ("Kelby",), ("Arden",))],
            id="place swapped",
        ),
        pytest.param(
            "Kelby flooded overnight, police said.",
            "Kelby flooded on Sunday night, police said.",
            [],
            id="place kept (near miss)",
        ),
    ],
)
def test_entity_detector_takes_extended_gazetteers(
    before: str, after: str, ours: list[object]
) -> None:
    house = EntityDetector(**_HOUSE_NAMES)
    assert _spans(newsdiff.compare(before, after, detectors=[house])) == ours
    # Sentence-initial words seen nowhere else are no names to the shipped lists.
    assert newsdiff.compare(before, after, detectors=[EntityDetector()]).changes == ()


# -- shared notes ------------------------------------------------------------------------


@pytest.mark.parametrize("house_first", [True, False])
def test_custom_and_stock_detectors_share_a_comparison_without_mixing(
    house_first: bool,
) -> None:
    before = "Ferrovia approved the plan, the central bank opined on Monday."
    after = "Portline approved the plan."
    house = [
        EntityDetector(**_HOUSE_NAMES),
        AttributionDetector(reporting_verbs=_HOUSE_VERBS),
    ]
    stock = [EntityDetector(), AttributionDetector()]
    detectors = [*house, *stock] if house_first else [*stock, *house]
    found = {
        (change.detector, change.kind.value): change.original[0].text
        for change in newsdiff.compare(before, after, detectors=detectors).changes
    }
    # The stock detectors share the names "entities" and "attribution" with ours: only
    # one change of each kind, and from the house lists only.
    assert found == {
        ("entities", "changed_entity"): "Ferrovia",
        ("attribution", "dropped_attribution"): "the central bank",
    }
    alone = newsdiff.compare(before, after, detectors=stock)
    assert alone.changes == ()


def test_own_lists_are_read_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdiff.detect import attribution, entities

    calls = {"entities": 0, "attributions": 0}

    def counting(name: str, finder: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return finder(*args, **kwargs)

        return counted

    monkeypatch.setattr(entities, "find_entities", counting("entities", entities.find_entities))
    monkeypatch.setattr(
        attribution,
        "find_attributions",
        counting("attributions", attribution.find_attributions),
    )
    before = "Ferrovia approved the plan on Monday.\n\nKelby flooded, Ana Ruiz opined."
    after = "Portline approved the plan on Monday.\n\nArden flooded, Tom Hale opined."
    house = [EntityDetector(**_HOUSE_NAMES), AttributionDetector(reporting_verbs=_HOUSE_VERBS)]
    once = newsdiff.compare(before, after, detectors=house)
    assert calls["entities"] == 2  # once per document
    per_run = calls["attributions"]
    assert 0 < per_run <= 4  # at most once per sentence
    calls.update(entities=0, attributions=0)
    twice = newsdiff.compare(before, after, detectors=[*house, *house])
    # The second run of each detector finds its results kept in the comparison's notes.
    assert calls == {"entities": 2, "attributions": per_run}
    assert twice.changes == once.changes
    assert [change.rewrite[0].text for change in once.changes] == [
        "Portline",
        "Arden",
        "Tom Hale",
        "Tom Hale",
    ]


def test_detectors_with_lexicons_compare_hash_and_show_by_name() -> None:
    ours = AttributionDetector(reporting_verbs=_HOUSE_VERBS)
    assert ours == AttributionDetector(reporting_verbs=_HOUSE_VERBS)
    assert ours != AttributionDetector()
    assert hash(ours) == hash(AttributionDetector(reporting_verbs=_HOUSE_VERBS))
    assert "reporting_verbs=<lexicon 'reporting_verbs'>" in repr(ours)
    names = EntityDetector(**_HOUSE_NAMES)
    assert names != EntityDetector()
    assert len({names, EntityDetector(**_HOUSE_NAMES)}) == 1
    assert "places=<lexicon 'places'>" in repr(names)
