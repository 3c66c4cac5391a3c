"""The rating scale and evidence states, read from ``data/scales.yml``.

Kept as data so that the notebooks, reports and the in-browser self-check
all describe each level in the same words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field

from hwc_selfcheck.framework.loader import DATA_DIR, read_yaml, validate_data
from hwc_selfcheck.framework.models import Strict

EvidenceState = Literal["none", "planned", "collected", "confirmed"]


class Level(Strict):
    level: int = Field(ge=0)
    label: str = Field(min_length=1)
    description: str = Field(min_length=1)


class RatingScale(Strict):
    target: int = Field(ge=1)
    levels: list[Level] = Field(min_length=2)

    @property
    def top(self) -> int:
        return self.levels[-1].level

    def label(self, level: int) -> str:
        return self.levels[level].label


class EvidenceOption(Strict):
    state: EvidenceState
    label: str = Field(min_length=1)


class Scales(Strict):
    rating: RatingScale
    evidence: list[EvidenceOption] = Field(min_length=4, max_length=4)

    def evidence_label(self, state: str) -> str:
        return next(o.label for o in self.evidence if o.state == state)


@lru_cache(maxsize=1)
def load_scales() -> Scales:
    path = DATA_DIR / "scales.yml"
    scales = validate_data(Scales, read_yaml(path), path, None)
    if [lvl.level for lvl in scales.rating.levels] != list(range(len(scales.rating.levels))):
        from hwc_selfcheck.core.errors import InputError

        raise InputError(path, "rating.levels", "levels must be numbered 0, 1, 2, ... in order")
    return scales
