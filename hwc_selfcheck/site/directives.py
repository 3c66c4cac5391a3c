"""Directives that turn framework data into page content.

Each directive writes MyST Markdown (the language of the book's pages) for
MyST, sphinx-design and docutils to parse, rather than building HTML by hand, so the output looks and behaves like
hand-written cards and tables (theme styles, print styles, link checking).
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from hwc_selfcheck.framework.loader import DATA_DIR, Framework, load_framework
from hwc_selfcheck.framework.models import KINDS, Item
from hwc_selfcheck.framework.scales import load_scales

from .statements import privacy_note

_MD_SPECIAL = re.compile(r"([\\`*_|\[\]<>#{}$~])")
KIND_LABELS = {
    "competency": "Competency",
    "general_capability": "General capability",
    "additional_model": "Additional model (desirable)",
    "supervisor_standard": "Supervisor standard",
}


def md_escape(text: str) -> str:
    """Escape inline markup characters so data text is shown exactly as written."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def tier_badge(min_tier: int) -> str:
    """Tier as words inside the badge, so the badge's colour is never the only signal."""
    text = "Tier 1 and above" if min_tier == 1 else f"Tier {min_tier} and above"
    return f"{{bdg-info-line}}`{text}`"


class DataDirective(SphinxDirective):
    def parse_md(self, lines: list[str], container: nodes.Element) -> nodes.Element:
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, container)
        return container

    @property
    def framework(self) -> Framework:
        # Record the data files so Sphinx re-reads this page when the data changes.
        for path in sorted(DATA_DIR.rglob("*.yml")):
            self.env.note_dependency(str(path))
        return load_framework()


class ItemsDirective(DataDirective):
    """``{hwc-items}``: cards for every item matching :area:, :kind: and :tier:."""

    option_spec = {
        "area": directives.unchanged_required,
        "kind": lambda arg: directives.choice(arg, KINDS),
        "tier": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        fw = self.framework
        area = self.options.get("area")
        if area is not None and area not in {a.key for a in fw.areas}:
            raise self.error(f"unknown area {area!r}; known: {', '.join(a.key for a in fw.areas)}")
        items = fw.select(area=area, kind=self.options.get("kind"), tier=self.options.get("tier"))
        if not items:
            raise self.error("no items match these options")
        domain = self.env.get_domain("hwc")
        # The cards are where the browser saves ratings (hwc.js): say how, once, above them.
        out: list[nodes.Node] = [privacy_note(self.env.docname, "Ratings and notes you give on these cards")]
        for item in items:
            box = nodes.container(ids=[item.anchor], classes=["hwc-item"])
            self.parse_md(self.card_lines(item), box)
            self.add_self_assess_link(item, box)
            domain.note_item(item.id, self.env.docname, item.anchor)  # type: ignore[attr-defined]
            out.append(box)
        return out

    def add_self_assess_link(self, item: Item, box: nodes.Element) -> None:
        """A link to where the item is rated; its URL is filled in at write time (see links.py)."""
        target = self.config.hwc_self_assess_pages.get(item.id[:2])
        if not target:
            return
        body = next(iter(box.findall(lambda n: "sd-card-body" in n.get("classes", []))))
        link = nodes.reference("", f"Self-assess {item.id}", internal=True, refuri="#",
                               classes=["hwc-self-assess"], hwc_doc=target, hwc_anchor=f"rate-{item.anchor}")
        body += nodes.paragraph("", "", link, classes=["sd-card-text"])

    def card_lines(self, item: Item) -> list[str]:
        fw = self.framework
        body = [
            f"{tier_badge(item.min_tier)} {{bdg-secondary-line}}`{KIND_LABELS[item.kind]}`",
            "",
            md_escape(item.statement),
            "",
        ]
        if item.standard:
            body += [f"**Minimum standard:** {md_escape(item.standard)}", ""]
            if item.standard_note:
                body += [f"*{md_escape(item.standard_note)}*", ""]
        if item.gained_through:
            gained = "; ".join(fw.label("gained_through", t) for t in item.gained_through)
            body += [f"**How it is gained:** {md_escape(gained)}."]
            if item.gained_note:
                body += [f"*{md_escape(item.gained_note)}*"]
            body += [""]
        elif item.gained_note:
            body += [f"**How it is gained:** *{md_escape(item.gained_note)}*", ""]
        evidenced = "; ".join(fw.label("evidenced_by", t) for t in item.evidenced_by)
        body += [f"**How it is evidenced:** {md_escape(evidenced)}."]
        if item.evidence_note:
            body += [f"*{md_escape(item.evidence_note)}*"]
        body += ["", f"*Source: {md_escape(item.source_section)}.*"]
        title = f"{item.id} {md_escape(item.title)}"
        return [f"```{{card}} {title}", ":class-card: hwc-card", "", *body, "```"]


def _list_table(header: list[str], rows: list[list[str]], widths: str) -> list[str]:
    lines = ["```{list-table}", ":header-rows: 1", f":widths: {widths}", ""]
    for row in [header, *rows]:
        lines.append(f"* - {row[0]}")
        lines += [f"  - {cell}" for cell in row[1:]]
    return lines + ["```"]


class TiersDirective(DataDirective):
    """``{hwc-tiers}``: the four tiers with their hours and entry requirements."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for t in self.framework.rules.tiers:
            hours = str(t.nhs_coaching_hours) + (" (supervised)" if t.hours_must_be_supervised else "")
            needs = [x for x in (t.training, t.evidence_of_competency, t.progression_approval) if x]
            rows.append(
                [f"Tier {t.tier}", hours, md_escape(" ".join(needs)) or "—", md_escape(t.descriptor)]
            )
        header = ["Tier", "NHS coaching hours", "Also needed", "What the tier asks of a coach"]
        return [self.parse_md(_list_table(header, rows, "10 15 35 40"), nodes.container())]


class SupervisionDirective(DataDirective):
    """``{hwc-supervision}``: the three kinds of supervision, how often, and who gives them."""

    def run(self) -> list[nodes.Node]:
        rows = [
            [md_escape(k.title), md_escape(k.frequency), md_escape(k.provider)]
            for k in self.framework.rules.supervision
        ]
        header = ["Kind of supervision", "Recommended frequency", "Who provides it"]
        return [self.parse_md(_list_table(header, rows, "30 40 30"), nodes.container())]


class SourceMapDirective(DataDirective):
    """``{hwc-source-map}``: every source heading and the pages that cover it."""

    def run(self) -> list[nodes.Node]:
        rows = [
            [
                md_escape(s.number),
                md_escape(s.title),
                ", ".join(f"{{doc}}`/{page}`" for page in s.pages),
            ]
            for s in self.framework.source_sections
        ]
        header = ["Section", "Title in the source", "Covered on"]
        return [self.parse_md(_list_table(header, rows, "15 45 40"), nodes.container())]


def _scale_levels(_rules: object) -> tuple[list[str], bool]:
    levels = load_scales().rating.levels
    return [f"{lvl.level} {lvl.label}: {lvl.description}" for lvl in levels], False


def _evidence_states(_rules: object) -> tuple[list[str], bool]:
    return [o.label for o in load_scales().evidence], False


RULE_LISTS = {
    "rating_levels": _scale_levels,
    "evidence_states": _evidence_states,
    "i_statements": lambda r: (r.i_statements.statements, True),
    "nhs_values": lambda r: (r.nhs_values.values, False),
    "caseload_factors": lambda r: (r.sessions.caseload_factors, False),
    "daily_limit_reasons": lambda r: (r.sessions.reasons_for_daily_limit, False),
}


class RuleListDirective(DataDirective):
    """``{hwc-list} i_statements``: a list kept in the rule or scale data, shown as a list."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in RULE_LISTS:
            raise self.error(f"unknown list {name!r}; known: {', '.join(RULE_LISTS)}")
        entries, numbered = RULE_LISTS[name](self.framework.rules)
        lines = [f"{n}. {md_escape(e)}" if numbered else f"- {md_escape(e)}" for n, e in enumerate(entries, 1)]
        return [self.parse_md(lines, nodes.container(classes=["hwc-list"]))]


class ChecklistDirective(DataDirective):
    """``{hwc-checklist} induction``: a checklist from the rule data, as tables to print and tick."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from hwc_selfcheck.core.findings import cite
        from hwc_selfcheck.practice.checklists import item_text

        fw = self.framework
        keys = [c.key for c in fw.rules.checklists]
        if self.arguments[0] not in keys:
            raise self.error(f"unknown checklist {self.arguments[0]!r}; known: {', '.join(keys)}")
        checklist = fw.rules.checklist(self.arguments[0])
        lines = [f"*For: {md_escape(checklist.audience)}* {md_escape(checklist.purpose)}", ""]
        number = 0
        for group in checklist.groups:
            lines += [f"**{md_escape(group.title)}**" + (" (optional)" if group.optional else ""), ""]
            if group.note:
                lines += [md_escape(group.note), ""]
            rows = []
            for item in group.items:
                number += 1
                source = cite(item.source_section)
                rows.append([str(number), md_escape(item_text(fw, item)), md_escape(source[:1].upper() + source[1:]), "☐"])
            lines += _list_table([md_escape("#"), "Check", "Source", "Done?"], rows, "5 65 20 10") + [""]
        return [self.parse_md(lines, nodes.container(classes=["hwc-checklist"]))]
