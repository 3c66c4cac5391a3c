"""Load, validate and query the framework data in ``hwc_selfcheck/data``.

This is the single reader of the data: the CLI, the exports, the Sphinx
extension and the notebooks all go through :func:`load_framework`, so no other
code needs to know how the YAML is laid out.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import ValidationError

from hwc_selfcheck.core.errors import InputError, located_validation_error
from hwc_selfcheck.core.wording import noun
from hwc_selfcheck.framework.models import Area, Item, Rules, SourceSection, Vocabulary

_LOOSE_ID = re.compile(r"^([A-Za-z]{2})[\s_-]*(\d{1,2})$")
LOOKALIKE_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8"})
DATA_DIR = Path(str(resources.files("hwc_selfcheck") / "data"))
ITEM_HEADER_KEYS = {"area", "kind", "min_tier", "essential", "source_section"}


def normalise_id(text: str) -> str:
    """Upper-case an item ID and restore its hyphen and zero padding where a person left them out."""
    text = text.strip()
    match = _LOOSE_ID.match(text)
    return f"{match[1].upper()}-{int(match[2]):02d}" if match else text.upper()


def read_yaml(path: Path) -> Any:
    """One data file as Python objects; a broken file gives one line naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, None, f"cannot be read ({exc.strerror})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else None
        problem = getattr(exc, "problem", None) or "is not valid YAML"
        raise InputError(path, where, f"not valid YAML: {problem}") from None


def validate_data(model: type, data: Any, path: Path, where: Optional[str]) -> Any:
    """Data checked against its model, so every data file fails the same way: file, place, field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise located_validation_error(exc, path, where) from None


@dataclass(frozen=True)
class Framework:
    """The whole framework: items, areas, vocabulary, rules and source map."""

    items: tuple[Item, ...]
    areas: tuple[Area, ...]
    vocabulary: Vocabulary
    rules: Rules
    source_sections: tuple[SourceSection, ...]
    _by_id: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({item.id: item for item in self.items})

    def get(self, item_id: str) -> Optional[Item]:
        """Return the item with this ID, or None; ``pc1``, ``pc 01`` and ``PC-01`` are the same."""
        # An exact ID is by far the commonest case (every rating of every file read), so try it first.
        return self._by_id.get(item_id) or self._by_id.get(normalise_id(item_id))

    def suggest(self, item_id: str, limit: int = 3) -> list[str]:
        """Nearest known IDs to a mistyped one, best first."""
        wanted = normalise_id(item_id)
        # Letters typed for look-alike digits ("PC-O1", "GC-l2") are the likeliest slip: try that first.
        digits = wanted[:3] + wanted[3:].translate(LOOKALIKE_DIGITS)
        close = difflib.get_close_matches(wanted, self._by_id, n=limit, cutoff=0.5)
        if digits in self._by_id:
            close = [digits] + [i for i in close if i != digits][: limit - 1]
        if not close and len(wanted) >= 2:
            close = [i for i in self._by_id if i.startswith(wanted[:2])][:limit]
        return close

    def area(self, key: str) -> Area:
        for area in self.areas:
            if area.key == key:
                return area
        raise KeyError(key)

    def select(
        self,
        area: Optional[str] = None,
        kind: Optional[str] = None,
        tier: Optional[int] = None,
    ) -> list[Item]:
        """Items matching every filter given; ``tier`` keeps items expected by that tier."""
        return [
            item
            for item in self.items
            if (area is None or item.area == area)
            and (kind is None or item.kind == kind)
            and (tier is None or item.min_tier <= tier)
        ]

    def label(self, list_name: str, term: str) -> str:
        """Plain-English label of a vocabulary term (``gained_through`` or ``evidenced_by``)."""
        return getattr(self.vocabulary, list_name)[term].label


def _load_items(path: Path, vocabulary: Vocabulary, area_keys: set[str]) -> list[Item]:
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
        raise InputError(path, None, "must be a mapping with a list under 'items'")
    header = {k: raw[k] for k in ITEM_HEADER_KEYS if k in raw}
    defaults = raw.get("defaults") or {}
    unknown = set(raw) - ITEM_HEADER_KEYS - {"items", "defaults"}
    if unknown:
        raise InputError(path, None, f"unknown top-level {noun(len(unknown), 'key')}: {', '.join(sorted(unknown))}")
    items = []
    for position, entry in enumerate(raw["items"], start=1):
        if not isinstance(entry, dict):
            raise InputError(path, f"item {position}", "must be a mapping of fields")
        where = f"item {entry.get('id', f'number {position}')}"
        item = validate_data(Item, {**header, **defaults, **entry}, path, where)
        if item.area not in area_keys:
            raise InputError(path, f"{where}, field area", f"unknown area {item.area!r}")
        for list_name in ("gained_through", "evidenced_by"):
            known = getattr(vocabulary, list_name)
            for term in getattr(item, list_name):
                if term not in known:
                    raise InputError(
                        path,
                        f"{where}, field {list_name}",
                        f"unknown term {term!r}; add it to vocabulary.yml or use one of: "
                        + ", ".join(sorted(known)),
                    )
        items.append(item)
    return items


def load_framework_from(data_dir: Path) -> Framework:
    """Load and validate the framework from a data folder; raise InputError on any problem."""
    vocab_path = data_dir / "vocabulary.yml"
    vocabulary = validate_data(Vocabulary, read_yaml(vocab_path), vocab_path, None)

    areas_path = data_dir / "areas.yml"
    raw_areas = read_yaml(areas_path)
    if not isinstance(raw_areas, list):
        raise InputError(areas_path, None, "must be a list of areas")
    areas = [validate_data(Area, a, areas_path, f"area {i}") for i, a in enumerate(raw_areas, 1)]

    items: list[Item] = []
    seen: dict[str, Path] = {}
    item_files = sorted((data_dir / "items").glob("*.yml"))
    if not item_files:
        raise InputError(data_dir / "items", None, "holds no item files")
    for path in item_files:
        for item in _load_items(path, vocabulary, {a.key for a in areas}):
            if item.id in seen:
                raise InputError(path, f"item {item.id}", f"ID already used in {seen[item.id].name}")
            seen[item.id] = path
            items.append(item)

    rules_path = data_dir / "rules.yml"
    rules = validate_data(Rules, read_yaml(rules_path), rules_path, None)

    map_path = data_dir / "source-map.yml"
    raw_map = read_yaml(map_path)
    if not isinstance(raw_map, list):
        raise InputError(map_path, None, "must be a list of source sections")
    sections = [
        validate_data(SourceSection, s, map_path, f"section {i}") for i, s in enumerate(raw_map, 1)
    ]

    area_order = {a.key: a.number for a in areas}
    items.sort(key=lambda it: (area_order[it.area], it.kind != "competency", it.id))
    return Framework(tuple(items), tuple(areas), vocabulary, rules, tuple(sections))


@lru_cache(maxsize=1)
def load_framework() -> Framework:
    """The framework shipped with the package (cached: it never changes at run time)."""
    return load_framework_from(DATA_DIR)


