"""The team's training needs as tables, a chart and a printable HTML report.

Every figure goes through :mod:`hwc_selfcheck.cohort`, which holds back any
group smaller than five people; this module only formats, so it shows
"fewer than 5" wherever the numbers are held back and never sees a name.
"""

from __future__ import annotations

import html
from typing import Optional

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import noun, plural
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.providers.cohort import HELD_BACK, MIN_GROUP, Change, Cohort, group_changes, item_changes
from hwc_selfcheck.render.charts import COLOURS, HATCHES, Chart, pyplot, render_png
from hwc_selfcheck.render.page import page, paragraph, table

PRIVACY = (
    "Made on your own computer by hwc-selfcheck. Nothing was sent anywhere. "
    "This report shows no names or pseudonyms."
)
ANONYMITY_RULE = (
    f"So that no one can be picked out, this report never shows a name or pseudonym, and holds back any figure "
    f"that fewer than {MIN_GROUP} people contribute to: it says \"{HELD_BACK}\" instead. That applies to every "
    "tier, area and item, and to the change since the earlier round. Inside a table, a level chosen by 1 to "
    f"{MIN_GROUP - 1} people is held back too (counted in people, even where the table shows a share of ratings), "
    "and so is one more cell of that row, so it cannot be worked out from the total. A share below the target "
    f"(or at it and above) is held back when 1 to {MIN_GROUP - 1} people are on either side."
)
COUNTING_RULE = (
    "Each file counts as one person, so keep one file per coach: their latest. An item counts for a coach only if "
    "their tier expects it, as in the coach's own development plan."
)
NEED_RULE = (
    "An item is most in need when the largest share of the people who rated it put themselves below the target "
    "level, {target} ({label}). Ties go to the item with the lower average rating, then to the framework's order. "
    "Items whose share is held back are not ranked."
)
CHANGE_RULE = (
    "The two rounds are compared as groups, not person by person: people may have joined or left in between. "
    "A change of 10 points means, for example, 40% then and 50% now."
)


def _pct(value: Optional[float]) -> str:
    return HELD_BACK if value is None else f"{value:.0%}"


def _points(change: Change) -> str:
    if change.points is None:
        return HELD_BACK
    n = change.points
    return "no change" if n == 0 else f"{'up' if n > 0 else 'down'} {abs(n)} point{'' if abs(n) == 1 else 's'}"


def count_text(n: Optional[int]) -> str:
    """A number of people, or "fewer than 5" when it is held back."""
    return HELD_BACK if n is None or n < MIN_GROUP else str(n)


def _months(cohort: Cohort) -> str:
    if not cohort.shown or cohort.first is None or cohort.last is None:
        return "dates held back"
    first, last = cohort.first.strftime("%B %Y"), cohort.last.strftime("%B %Y")
    return first if first == last else f"{first} to {last}"


def tiers_table(cohort: Cohort) -> HtmlTable:
    return HtmlTable(
        ["Tier", "People"],
        [[f"Tier {t}", count_text(n)] for t, n in cohort.tier_counts().items()]
        + [["All tiers", count_text(cohort.people)]],
    )


def groups_table(cohort: Cohort) -> HtmlTable:
    scale = load_scales().rating
    return HtmlTable(
        ["Area", "People", *(f"{lvl.level} {lvl.label}" for lvl in scale.levels), f"At {scale.target} or above"],
        [
            [g.title, count_text(g.people), *(_pct(g.level_share(lvl.level)) for lvl in scale.levels), _pct(g.at_target)]
            for g in cohort.groups
        ],
    )


def need_table(fw: Framework, cohort: Cohort, limit: int = 10) -> HtmlTable:
    return HtmlTable(
        ["#", "Item", "People who rated it", "Below target", "How the framework says it is gained"],
        [
            [n, f"{s.item.id} {s.item.title}", s.rated, _pct(s.below_target),
             "; ".join(fw.label("gained_through", t) for t in s.item.gained_through)]
            for n, s in enumerate(cohort.most_in_need(limit), start=1)
        ],
    )


def items_table(cohort: Cohort) -> HtmlTable:
    scale = load_scales().rating
    rows = []
    for s in cohort.items:
        levels = [HELD_BACK if c is None else str(c) for c in s.level_counts]
        rows.append([f"{s.item.id} {s.item.title}", count_text(cohort.expected_count(s.item.min_tier)),
                     count_text(s.rated), *levels, _pct(s.below_target)])
    return HtmlTable(
        ["Item", "People it is expected of", "People who rated it", *(f"{lvl.level} {lvl.label}" for lvl in scale.levels),
         "Below target"],
        rows,
    )


def group_change_table(earlier: Cohort, later: Cohort) -> HtmlTable:
    target = load_scales().rating.target
    return HtmlTable(
        ["Area", f"At {target} or above then", "Now", "Change"],
        [[c.label, _pct(c.before), _pct(c.after), _points(c)] for c in group_changes(earlier, later)],
    )


def item_change_table(earlier: Cohort, later: Cohort) -> HtmlTable:
    return HtmlTable(
        ["Item", "Below target then", "Now", "Change"],
        [[c.label, _pct(c.before), _pct(c.after), _points(c)] for c in item_changes(earlier, later)],
    )


def left_out_table(cohort: Cohort) -> HtmlTable:
    return HtmlTable(["File", "Why it was left out"], [[f.name, f.reason] for f in cohort.left_out])


def groups_chart(cohort: Cohort, earlier: Optional[Cohort] = None) -> Chart:
    """Bars: each area's share of ratings at the target or above, now (and in the earlier round)."""
    scale = load_scales().rating
    rounds = ([(f"Earlier ({_months(earlier)})", earlier)] if earlier else []) + [(f"Now ({_months(cohort)})", cohort)]
    titles = [g.title for g in cohort.groups]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(titles) * len(rounds) + 1.4))
    height = 0.8 / len(rounds)
    described = []
    for r, (name, rnd) in enumerate(rounds):
        values = {g.title: g.at_target for g in rnd.groups}
        ys = [len(titles) - 1 - n + (len(rounds) - 1 - r) * height - 0.4 + height / 2 for n in range(len(titles))]
        widths = [100 * (values.get(t) or 0) for t in titles]
        ax.barh(ys, widths, height=height * 0.9, color=COLOURS[r], hatch=HATCHES[r], edgecolor="black", label=name)
        for y, t in zip(ys, titles):
            text = _pct(values.get(t))
            ax.text(100 * (values.get(t) or 0) + 1, y, text, va="center", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        described.append(f"{name}: " + "; ".join(f"{t} {_pct(values.get(t))}" for t in titles))
    ax.set_yticks(range(len(titles)), titles[::-1])
    ax.set_xlim(0, 115)
    ax.set_xlabel(f"Share of ratings at {scale.target} ({scale.label(scale.target)}) or above, %")
    if earlier:
        ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    alt = (
        f"Bar chart of the share of the team's ratings at the target level {scale.target} "
        f"({scale.label(scale.target)}) or above, by area. A share that fewer than {MIN_GROUP} people contribute to "
        "is held back. "
        + ". ".join(described) + "."
    )
    return Chart(render_png(fig), alt, "Share of ratings at the target or above, by area")


def render_html(fw: Framework, cohort: Cohort, earlier: Optional[Cohort] = None, chart: bool = True) -> str:
    scale = load_scales().rating
    body = ["<h2>Who is counted</h2>", paragraph(ANONYMITY_RULE, "note"), paragraph(COUNTING_RULE),
            table(tiers_table(cohort))]
    if cohort.repeats:
        body.append(paragraph(
            f"{count_text(cohort.repeats).capitalize()} {noun(cohort.repeats, 'file has', 'files have')} the same "
            "pseudonym and the same ratings as another file: the same person counted twice, most likely a copy. "
            f"{noun(cohort.repeats, 'It was', 'Each was')} counted once."))
    if cohort.shared_pseudonyms:
        body.append(paragraph(
            f"{count_text(cohort.shared_pseudonyms).capitalize()} counted files share a pseudonym with another file. "
            "If any are the same person, keep only their latest file and run this again."))
    if cohort.left_out:
        failed = len(cohort.left_out)
        them = noun(failed, "it", "them")
        body += ["<h3>Files left out</h3>",
                 paragraph(f"{plural(failed, 'file')} failed the checks and {noun(failed, 'was', 'were')} not counted. "
                           f"Fix {them} and run this again to include {them}."),
                 table(left_out_table(cohort))]
    if not cohort.shown:
        body.append(paragraph(f"Fewer than {MIN_GROUP} valid self-assessments, so nothing more can be shown.", "note"))
    else:
        body += ["<h2>Areas</h2>",
                 paragraph("How the team's ratings in each area spread across the scale, as a share of all ratings "
                           "in that area."),
                 table(groups_table(cohort))]
        if chart:
            body.append(groups_chart(cohort, earlier if earlier and earlier.shown else None).html())
        body += ["<h2>Items most in need</h2>",
                 paragraph(NEED_RULE.format(target=scale.target, label=scale.label(scale.target))),
                 table(need_table(fw, cohort)),
                 "<h2>Every item</h2>",
                 paragraph(f"People at each level of the scale. {plural(cohort.held_back_items(), 'item')} "
                           f"{noun(cohort.held_back_items(), 'is', 'are')} held back because fewer than {MIN_GROUP} "
                           "people rated them."),
                 table(items_table(cohort))]
    if earlier is not None:
        body += [f"<h2>Change since {html.escape(_months(earlier))}</h2>", paragraph(CHANGE_RULE)]
        if earlier.shown and cohort.shown:
            body += [table(group_change_table(earlier, cohort)),
                     paragraph("Items rated by at least five people in both rounds: the share below target then and "
                               "now. A fall is good news."),
                     table(item_change_table(earlier, cohort))]
        else:
            body.append(paragraph(f"One of the rounds has fewer than {MIN_GROUP} valid self-assessments, so no "
                                  "change can be shown.", "note"))
        if earlier.left_out:
            body += ["<h3>Files left out of the earlier round</h3>", table(left_out_table(earlier))]
    meta = f"{count_text(cohort.people)} people, self-assessments from {_months(cohort)}"
    if earlier is not None:
        meta += f"; compared with {count_text(earlier.people)} people from {_months(earlier)}"
    return page("Team training needs", meta + ".", body, PRIVACY)
