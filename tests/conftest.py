from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str) -> str:
    """The decoded text of the seed whose name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {prefix: seed(prefix) for prefix in ("000", "001", "002", "003", "004")}
