"""The Moodle file, read the way Moodle's "Import competency framework" tool reads it.

``read_like_moodle`` follows tool_lpimportcsv step by step: csv_import_reader
(UTF-8, byte order mark and surrounding white space dropped, every row as wide
as the heading row), framework_importer (columns by position, the row whose
``Is framework`` cell PHP counts as true is the framework, other rows keyed by
ID number, the tree built from parent ID numbers, rows whose parent is missing
silently left out) and the checks core_competency makes when it saves the
framework (description format, scale configuration, taxonomy words). The tests
then hold the export to what Moodle would do with it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.moodle_export import HEADINGS, MOODLE_TAXONOMIES, framework_as_moodle_csv
from hwc_selfcheck.framework.scales import load_scales

# tool_lpimportcsv's language strings, in framework_importer::list_required_headers() order.
MOODLE_HEADINGS = [
    "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
]
MOODLE_FORMATS = {0, 1, 2, 4}  # FORMAT_MOODLE, FORMAT_HTML, FORMAT_PLAIN, FORMAT_MARKDOWN


class MoodleRefuses(Exception):
    pass


@dataclass
class Node:
    id_number: str
    short_name: str
    description: str
    description_format: int
    parent: str = ""
    scale_values: str = ""
    scale_configuration: str = ""
    rule_type: str = ""
    children: list["Node"] = field(default_factory=list)


@dataclass
class Imported:
    framework: Node
    taxonomies: list[str]
    flat: dict[str, Node]

    def walk(self, node: "Node | None" = None, depth: int = 0):  # type: ignore[no-untyped-def]
        for child in (node or self.framework).children:
            yield child, depth + 1
            yield from self.walk(child, depth + 1)


def php_true(cell: str) -> bool:
    return cell not in ("", "0")


def check_scale_configuration(values: str, configuration: str) -> None:
    """What competency_framework::validate_scaleconfiguration and the importer need of the JSON."""
    config = json.loads(configuration)
    if not isinstance(config, list) or not config or not isinstance(config[0], dict) or "scaleid" not in config[0]:
        raise MoodleRefuses("scale configuration: the first entry must hold the scale id")
    entries = config[1:]
    if not any(e.get("scaledefault") for e in entries) or not any(e.get("proficient") for e in entries):
        raise MoodleRefuses("scale configuration: needs a default value and at least one proficient value")
    count = len(values.split(","))
    if sorted(e["id"] for e in entries) != list(range(1, count + 1)):
        raise MoodleRefuses("scale configuration: one entry per scale value, numbered from 1")


def read_like_moodle(text: str) -> Imported:
    content = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\\" in content:  # PHP's fgetcsv reads a backslash as an escape character
        raise MoodleRefuses("backslash in the file")
    rows = list(csv.reader(io.StringIO(content)))
    if not rows:
        raise MoodleRefuses("empty file")
    if any(len(row) != len(rows[0]) for row in rows):
        raise MoodleRefuses("csvweirdcolumns: a row is not as wide as the headings")
    framework: "Node | None" = None
    taxonomies: list[str] = []
    flat: dict[str, Node] = {}
    for row in rows[1:]:
        cells = dict(zip(MOODLE_HEADINGS, row + [""] * (14 - len(row))))
        node = Node(cells["ID number"][:100], cells["Short name"][:100], cells["Description"],
                    int(cells["Description format"] or 0), cells["Parent ID number"],
                    cells["Scale values"], cells["Scale configuration"], cells["Rule type (optional)"])
        if php_true(cells["Is framework"]):
            framework, taxonomies = node, cells["Taxonomy"].split(",")
        else:
            flat[cells["ID number"]] = node
    if framework is None:
        raise MoodleRefuses("invalidimportfile: no framework row")

    def add_children(parent: Node, parent_id: str) -> None:
        for node in flat.values():
            if node.parent == parent_id:
                parent.children.append(node)
                add_children(node, node.id_number)

    add_children(framework, "")
    for node in [framework, *flat.values()]:
        if node.description_format not in MOODLE_FORMATS:
            raise MoodleRefuses(f"{node.id_number}: description format {node.description_format}")
    check_scale_configuration(framework.scale_values, framework.scale_configuration)
    unknown = [t for t in taxonomies if t and t not in MOODLE_TAXONOMIES]
    if unknown:
        raise MoodleRefuses(f"invalidtaxonomy: {unknown}")
    return Imported(framework, taxonomies, flat)


@pytest.fixture(scope="module")
def text(fw: Framework) -> str:
    return framework_as_moodle_csv(fw)


@pytest.fixture(scope="module")
def imported(text: str) -> Imported:
    return read_like_moodle(text)


def test_headings_are_the_importers_in_its_order(text: str) -> None:
    assert HEADINGS == MOODLE_HEADINGS
    assert next(csv.reader(io.StringIO(text))) == MOODLE_HEADINGS
    assert all(len(row) == 14 for row in csv.reader(io.StringIO(text)))


def test_exactly_one_framework_row(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Is framework"] for r in rows].count("1") == 1
    assert sum(php_true(r["Is framework"]) for r in rows) == 1 and rows[0]["Is framework"] == "1"


def test_every_area_and_item_is_imported_beneath_its_parent(imported: Imported, fw: Framework) -> None:
    reached = {node.id_number: depth for node, depth in imported.walk()}
    assert len(reached) == len(imported.flat) == len(fw.areas) + len(fw.items)  # none dropped, none doubled
    assert [n.id_number for n in imported.framework.children] == [a.code for a in fw.areas]
    for area in imported.framework.children:
        expected = [i.id for i in fw.items if fw.area(i.area).code == area.id_number]
        assert [n.id_number for n in area.children] == expected
    assert max(reached.values()) == len(imported.taxonomies) == 2  # one taxonomy word per level


def test_taxonomy_is_domain_then_competency(imported: Imported) -> None:
    assert imported.taxonomies == ["domain", "competency"]


def test_names_fit_and_statements_are_the_descriptions_in_html(imported: Imported, fw: Framework) -> None:
    for item in fw.items:
        node = imported.flat[item.id]
        assert node.short_name == item.title and len(item.title) <= 100
        assert node.description_format == 1 and node.rule_type == "" and node.scale_values == ""
        text = html_text(node.description)
        assert " ".join(item.statement.split()) in text
        assert f"Source: {item.source_section}." in text
        for term in item.evidenced_by:
            assert fw.label("evidenced_by", term) in text
        for term in item.gained_through:
            assert fw.label("gained_through", term) in text
        if item.standard:
            assert f"Minimum standard: {' '.join(item.standard.split())}" in text
    assert len(imported.framework.id_number) <= 100 and len(imported.framework.short_name) <= 100


def test_descriptions_are_well_formed_html_with_text_escaped(imported: Imported) -> None:
    for node in [imported.framework, *imported.flat.values()]:
        checker = TagBalance()
        checker.feed(node.description)
        checker.close()
        assert checker.stack == [] and checker.tags <= {"p", "strong", "em"}, node.id_number
    assert "&#39;" in imported.flat["PC-01"].description  # "client's", escaped rather than left as markup


def test_scale_is_the_rating_scale_with_confident_and_above_proficient(imported: Imported) -> None:
    rating = load_scales().rating
    assert imported.framework.scale_values.split(",") == [lvl.label for lvl in rating.levels]
    config = json.loads(imported.framework.scale_configuration)
    by_label = {lvl.label: entry for lvl, entry in zip(rating.levels, config[1:])}
    assert [label for label, e in by_label.items() if e["proficient"]] == ["Confident", "Can support others"]
    assert [label for label, e in by_label.items() if e["scaledefault"]] == ["Confident"]
    # The importer puts the id of the scale it finds or makes into the first entry; the rest is kept.
    config[0]["scaleid"] = 42
    check_scale_configuration(imported.framework.scale_values, json.dumps(config))


def test_the_reader_refuses_what_moodle_refuses(text: str) -> None:
    """The reader is strict where Moodle is, so the passing tests above mean something."""
    lines = text.split("\n")
    with pytest.raises(MoodleRefuses, match="csvweirdcolumns"):
        read_like_moodle("\n".join([lines[0], lines[1] + ",extra", *lines[2:]]))
    with pytest.raises(MoodleRefuses, match="no framework row"):
        read_like_moodle("\n".join([lines[0], *lines[2:]]))
    with pytest.raises(MoodleRefuses, match="invalidtaxonomy"):
        read_like_moodle(text.replace('"domain,competency"', '"area,competency"'))
    with pytest.raises(MoodleRefuses, match="default value"):
        read_like_moodle(text.replace('""scaledefault"":1', '""scaledefault"":0'))
    orphan = read_like_moodle(text.replace("\nPC,PC-01,", "\nXX,PC-01,"))
    assert "PC-01" not in {n.id_number for n, _ in orphan.walk()}


class TagBalance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        self.stack.append(tag)
        self.tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing"


def html_text(fragment: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, paragraphs apart."""
    out: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            out.append(data)

        def handle_endtag(self, tag: str) -> None:
            if tag == "p":
                out.append(" ")

    Text(convert_charrefs=True).feed(fragment)
    return " ".join("".join(out).split())
