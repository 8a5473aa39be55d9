"""Word lists the detectors use, shipped as TOML data files with their provenance.

Each file holds a ``[meta]`` table (name, description, source, license, changes)
and a ``[terms]`` table of named lists. Users extend a lexicon with
:meth:`Lexicon.extended` or pass a path to their own file to :func:`load_lexicon`.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from newsdiff.exceptions import LexiconError

__all__ = ["Lexicon", "available_lexicons", "load_lexicon"]

_META_FIELDS = ("name", "description", "source", "license", "changes")


def _sorted_terms(terms: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return dict(sorted(terms.items()))


@attrs.frozen(kw_only=True)
class Lexicon:
    """A named set of term lists with where they came from and under which licence."""

    name: str
    description: str
    source: str
    license: str
    changes: str
    terms: Mapping[str, tuple[str, ...]] = attrs.field(converter=_sorted_terms)

    def __getitem__(self, category: str) -> tuple[str, ...]:
        try:
            return self.terms[category]
        except KeyError:
            msg = f"lexicon {self.name!r} has no list {category!r}; it has {sorted(self.terms)}"
            raise LexiconError(msg) from None

    def get(self, category: str) -> tuple[str, ...]:
        """Return the list ``category``, or an empty tuple when the lexicon lacks it."""
        return self.terms.get(category, ())

    def extended(self, **extra: Iterable[str]) -> Lexicon:
        """Return a copy with more terms added to the named lists (new lists are created).

        >>> base = Lexicon(name="house", description="d", source="s", license="MIT",
        ...                changes="none", terms={"banned": ("slammed",)})
        >>> base.extended(banned=["blasted"])["banned"]
        ('slammed', 'blasted')
        """
        merged = dict(self.terms)
        for category, words in extra.items():
            merged[category] = tuple(dict.fromkeys((*merged.get(category, ()), *words)))
        return attrs.evolve(self, terms=merged)


def repr_by_name(lexicon: Lexicon | None) -> str:
    """Show a lexicon by its name, in the repr of a detector that holds one.

    Its lists would drown the detector's repr.

    >>> repr_by_name(load_lexicon("hedges"))
    "<lexicon 'hedges'>"
    """
    return "None" if lexicon is None else f"<lexicon {lexicon.name!r}>"


def available_lexicons() -> tuple[str, ...]:
    """Name the lexicons shipped with newsdiff."""
    package = importlib.resources.files(__name__)
    return tuple(
        sorted(entry.name[:-5] for entry in package.iterdir() if entry.name.endswith(".toml"))
    )


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load a shipped lexicon by name, or a lexicon file of your own by path.

    Raises:
        LexiconError: no such lexicon, unreadable TOML, or a missing ``[meta]`` field.
    """
    if isinstance(name_or_path, Path) or name_or_path.endswith(".toml"):
        path = Path(name_or_path)
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as err:
            msg = f"cannot read lexicon file {path}: {err.strerror or err}"
            raise LexiconError(msg) from err
        where = str(path)
    else:
        resource = importlib.resources.files(__name__) / f"{name_or_path}.toml"
        if not resource.is_file():
            msg = f"no lexicon named {name_or_path!r}; shipped ones: {available_lexicons()}"
            raise LexiconError(msg)
        raw = resource.read_text(encoding="utf-8")
        where = f"lexicon {name_or_path!r}"
    return _parse(raw, where)


def _parse(raw: str, where: str) -> Lexicon:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        msg = f"{where} is not valid TOML: {err}"
        raise LexiconError(msg) from err
    meta = data.get("meta")
    terms = data.get("terms")
    if not isinstance(meta, dict) or not isinstance(terms, dict):
        msg = f"{where} needs a [meta] table and a [terms] table"
        raise LexiconError(msg)
    missing = [field for field in _META_FIELDS if not isinstance(meta.get(field), str)]
    if missing:
        msg = f"{where}: [meta] lacks {', '.join(missing)} (provenance is required)"
        raise LexiconError(msg)
    lists: dict[str, tuple[str, ...]] = {}
    for category, words in terms.items():
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            msg = f"{where}: terms.{category} must be a list of strings"
            raise LexiconError(msg)
        lists[category] = tuple(dict.fromkeys(word.strip() for word in words if word.strip()))
    return Lexicon(
        name=meta["name"],
        description=meta["description"],
        source=meta["source"],
        license=meta["license"],
        changes=meta["changes"],
        terms=lists,
    )
