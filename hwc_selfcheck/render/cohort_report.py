"""The team's training needs as tables, a chart and a printable HTML report.

Every figure comes from :attr:`Cohort.figures`, which holds back whatever
could give a group of 1 to 4 people away (see
:mod:`hwc_selfcheck.providers.cohort`); this module only lays the figures out
and says "held back" wherever a figure is. Of the true counts it shows only
the number of people when it is at least 5, and whether any files repeat or
share a pseudonym; it never sees a name. The page is written from the
template ``templates/cohort-report.html``, which is given nothing else.
"""

from __future__ import annotations

from typing import Optional

from hwc_selfcheck import __version__
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.providers.cohort import MIN_GROUP, Change, Cohort, Figures, group_changes, item_changes
from hwc_selfcheck.render.charts import COLOURS, HATCHES, Chart, pyplot, render_png
from hwc_selfcheck.render.page import frame
from hwc_selfcheck.render.templates import render

HELD_BACK = "held back"
FEWER = f"fewer than {MIN_GROUP}"
PRIVACY = (
    "Made on your own computer by hwc-selfcheck. Nothing was sent anywhere. "
    "This report shows no names or pseudonyms."
)


def _pct(value: Optional[float]) -> str:
    return HELD_BACK if value is None else f"{value:.0%}"


def _points(change: Change) -> str:
    if change.points is None:
        return HELD_BACK
    n = change.points
    return "no change" if n == 0 else f"{'up' if n > 0 else 'down'} {abs(n)} point{'' if abs(n) == 1 else 's'}"


def count_text(n: Optional[int]) -> str:
    """A number of people, or "held back"."""
    return HELD_BACK if n is None else str(n)


def people_text(n: int) -> str:
    """A number of people that is either shown or, when it is 1 to 4, only said to be small."""
    return FEWER if 0 < n < MIN_GROUP else str(n)


def _months(figures: Figures) -> str:
    if figures.first is None or figures.last is None:
        return "dates held back"
    first, last = figures.first.strftime("%B %Y"), figures.last.strftime("%B %Y")
    return first if first == last else f"{first} to {last}"


def tiers_table(cohort: Cohort) -> HtmlTable:
    figures = cohort.figures
    return HtmlTable(
        ["Tier", "People"],
        [[f"Tier {t}", count_text(n)] for t, n in figures.tiers.items()]
        + [["All tiers", count_text(figures.people)]],
    )


def groups_table(cohort: Cohort) -> HtmlTable:
    target = load_scales().rating.target
    return HtmlTable(
        ["Area", "Items", "Items counted", f"Below {target}"],
        [[a.title, a.items, a.counted, _pct(a.below)] for a in cohort.figures.areas],
    )


def need_table(fw: Framework, cohort: Cohort, limit: int = 10) -> HtmlTable:
    return HtmlTable(
        ["#", "Item", "People it is expected of", "Below target", "How the framework says it is gained"],
        [
            [n, f"{f.item.id} {f.item.title}", count_text(f.expected), _pct(f.below_share),
             "; ".join(fw.label("gained_through", t) for t in f.item.gained_through)]
            for n, f in enumerate(cohort.figures.most_in_need(limit), start=1)
        ],
    )


def items_table(cohort: Cohort) -> HtmlTable:
    scale = load_scales().rating
    return HtmlTable(
        ["Item", "People it is expected of", *(f"{lvl.level} {lvl.label}" for lvl in scale.levels), "Not rated",
         "Below target", "At target or above"],
        [
            [f"{f.item.id} {f.item.title}", count_text(f.expected), *(count_text(n) for n in f.levels),
             count_text(f.not_rated), _pct(f.below_share), _pct(f.at_or_above_share)]
            for f in cohort.figures.items
        ],
    )


def group_change_table(earlier: Cohort, later: Cohort) -> HtmlTable:
    target = load_scales().rating.target
    return HtmlTable(
        ["Area", f"Below {target} then", "Now", "Change"],
        [[c.label, _pct(c.before), _pct(c.after), _points(c)] for c in group_changes(earlier.figures, later.figures)],
    )


def item_change_table(earlier: Cohort, later: Cohort) -> HtmlTable:
    return HtmlTable(
        ["Item", "Below target then", "Now", "Change"],
        [[c.label, _pct(c.before), _pct(c.after), _points(c)] for c in item_changes(earlier.figures, later.figures)],
    )


def left_out_table(cohort: Cohort) -> HtmlTable:
    return HtmlTable(["File", "Why it was left out"], [[f.name, f.reason] for f in cohort.left_out])


def groups_chart(cohort: Cohort, earlier: Optional[Cohort] = None) -> Chart:
    """Bars: each area's share of people below the target, now (and in the earlier round)."""
    scale = load_scales().rating
    rounds = ([(f"Earlier ({_months(earlier.figures)})", earlier)] if earlier else []) + [
        (f"Now ({_months(cohort.figures)})", cohort)]
    titles = [a.title for a in cohort.figures.areas]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(titles) * len(rounds) + 1.4))
    height = 0.8 / len(rounds)
    described = []
    for r, (name, rnd) in enumerate(rounds):
        values = {a.title: a.below for a in rnd.figures.areas}
        ys = [len(titles) - 1 - n + (len(rounds) - 1 - r) * height - 0.4 + height / 2 for n in range(len(titles))]
        widths = [100 * (values.get(t) or 0) for t in titles]
        ax.barh(ys, widths, height=height * 0.9, color=COLOURS[r], hatch=HATCHES[r], edgecolor="black", label=name)
        for y, t in zip(ys, titles):
            ax.text(100 * (values.get(t) or 0) + 1, y, _pct(values.get(t)), va="center", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        described.append(f"{name}: " + "; ".join(f"{t} {_pct(values.get(t))}" for t in titles))
    ax.set_yticks(range(len(titles)), titles[::-1])
    ax.set_xlim(0, 115)
    ax.set_xlabel(f"Share of people below {scale.target} ({scale.label(scale.target)}), %")
    if earlier:
        ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    alt = (
        f"Bar chart of the share of people below the target level {scale.target} ({scale.label(scale.target)}), "
        "by area, over the items whose figure is shown. "
        + ". ".join(described) + "."
    )
    return Chart(render_png(fig), alt, "Share of people below the target, by area")


def render_html(fw: Framework, cohort: Cohort, earlier: Optional[Cohort] = None, chart: bool = True) -> str:
    scale = load_scales().rating
    figures = cohort.figures
    both = earlier is not None and earlier.shown and cohort.shown
    meta = f"{people_text(cohort.people)} people, self-assessments from {_months(figures)}"
    if earlier is not None:
        meta += f"; compared with {people_text(earlier.people)} people from {_months(earlier.figures)}"
    drawn = groups_chart(cohort, earlier if both else None) if chart and cohort.shown else None
    return render(
        "cohort-report.html",
        **frame("Team training needs", meta + ".", f"{PRIVACY} (hwc-selfcheck {__version__})"),
        min_group=MIN_GROUP, target=scale.target, target_label=scale.label(scale.target), held_back=HELD_BACK,
        shown=cohort.shown, repeats=bool(cohort.repeats), shared=bool(cohort.shared_pseudonyms),
        earlier_round=earlier is not None, both=both, figures=figures,
        left_out=plural(len(cohort.left_out), "file") if cohort.left_out else "",
        left_out_one=len(cohort.left_out) == 1,
        held_back_items=plural(figures.held_back_items(), "item"),
        held_back_items_one=figures.held_back_items() == 1,
        earlier_months=_months(earlier.figures) if earlier is not None else "",
        chart=drawn, chart_png=drawn.data_uri() if drawn else "",
        tiers=tiers_table(cohort), left_out_files=left_out_table(cohort), areas=groups_table(cohort),
        needs=need_table(fw, cohort), items=items_table(cohort),
        area_changes=group_change_table(earlier, cohort) if both else None,
        item_changes=item_change_table(earlier, cohort) if both else None,
        earlier_left_out=left_out_table(earlier) if earlier is not None and earlier.left_out else None,
    )
