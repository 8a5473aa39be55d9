"""A lexicon for tests: terms as given, placeholder provenance."""

from __future__ import annotations

from newsdiff.lexicons import Lexicon


def make_lexicon(name: str, **terms: tuple[str, ...]) -> Lexicon:
    """A lexicon named ``name`` holding ``terms`` by category."""
    return Lexicon(
        name=name, description="d", source="s", license="MIT", changes="none", terms=terms
    )
