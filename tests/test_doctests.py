"""Every example in a docstring of the package runs and prints what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsdiff

_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(newsdiff.__path__, prefix="newsdiff.")
    if info.name != "newsdiff.__main__"
)


@pytest.mark.parametrize("name", _MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_package_has_docstring_examples() -> None:
    attempted = sum(doctest.testmod(importlib.import_module(n)).attempted for n in _MODULES)
    assert attempted >= 40
