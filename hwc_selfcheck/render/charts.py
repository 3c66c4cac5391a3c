"""Charts for a self-assessment, each with alt text that carries its data.

Colour is never the only signal: bars carry their value as text and a hatch
pattern, lines use different markers and dash styles and are labelled. The
PNG (and the SVG, when a chart is saved as one) is made without timestamps so
the same data always gives the same bytes. The self-assessment charts are drawn
as SVG too, with their text kept as text, and a page holds whichever of the two
is smaller once compressed (for these charts the SVG, by a factor of about
four), so a notebook page stays light on a phone.
"""

from __future__ import annotations

import base64
import gzip
import html
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Optional, Sequence, Union
from urllib.parse import quote

from hwc_selfcheck.assessment.analysis import summarise
from hwc_selfcheck.assessment.record import Assessment
from hwc_selfcheck.core.dates import long_date
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Tier
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.practice.tiers import HoursEntry, counts_words, hours_text

HATCHES = ["//", "..", "xx", "\\\\", "oo", "++"]
MARKERS = ["o", "s", "^", "D", "v", "P"]
DASHES = ["-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 2))]
# Okabe-Ito colours: distinguishable with common colour-vision differences.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
CHART_SUFFIXES = (".png", ".svg")  # what a chart can be saved as: a picture, or a drawing that scales


@dataclass(frozen=True)
class Chart:
    """A rendered chart: PNG bytes (and SVG, if asked for), alt text for screen readers, and a caption."""

    png: bytes
    alt: str
    caption: str
    svg: Optional[bytes] = None

    def save(self, path: Union[str, Path]) -> Path:
        """Save as PNG or SVG, by the file's ending; anything else is refused, never written with the wrong data."""
        from hwc_selfcheck.core.files import atomic_write_bytes

        suffix = Path(path).suffix.lower()
        if suffix == ".svg" and self.svg is not None:
            return atomic_write_bytes(path, self.svg)
        if suffix == ".png":
            return atomic_write_bytes(path, self.png)
        raise ValueError(f"{path}: a chart is saved as .png (or .svg, when drawn with image='.svg'), not {suffix!r}")

    def data_uri(self) -> str:
        """The chart as a data: address, so a page holds its chart and loads nothing: the PNG, or the
        SVG when there is one and it is smaller once gzip-compressed, as a web server sends a page."""
        png = "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")
        if self.svg is None:
            return png
        # The XML prologue and the metadata only name standards; an image in a page needs neither.
        drawing = re.sub(r"\A<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*|<metadata>.*?</metadata>\s*", "",
                         self.svg.decode("utf-8"), flags=re.S)
        svg = "data:image/svg+xml," + quote(drawing, safe="/:;,=.-_()'!*~")
        return min((svg, png), key=lambda url: len(gzip.compress(url.encode("ascii"), 6)))

    def html(self) -> str:
        return (
            '<figure class="hwc-chart">'
            f'<img src="{self.data_uri()}" alt="{html.escape(self.alt)}">'
            f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
        )

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:  # what a notebook shows as plain text: the data itself
        return f"{self.caption}\n{self.alt}"


def _figure_bytes(fig, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    """The figure in one format, with no timestamp or software name, so the same data gives the same bytes."""
    buffer = io.BytesIO()
    if fmt == "svg":
        import matplotlib.pyplot as plt

        with plt.rc_context({"svg.fonttype": "none"}):  # text as text: smaller, sharp at any zoom, selectable
            fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Creator": None, "Date": None})
    else:
        fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def render_png(fig) -> bytes:  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt

    png = _figure_bytes(fig, "png")
    plt.close(fig)
    return png


def render_png_and_svg(fig) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt

    both = _figure_bytes(fig, "png"), _figure_bytes(fig, "svg")
    plt.close(fig)
    return both


def pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 11, "svg.hashsalt": "hwc", "hatch.linewidth": 0.8})
    return plt


def area_profile(fw: Framework, record: Assessment) -> Chart:
    """Horizontal bars: the average rating in each area the coach's tier expects."""
    scale = load_scales().rating
    rows = [s for s in summarise(fw, record) if s.expected]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 0.7 * len(rows) + 1.4))
    labels = [s.title for s in rows][::-1]
    values = [s.mean_level or 0 for s in rows][::-1]
    bars = ax.barh(labels, values, color=COLOURS[: len(rows)][::-1], edgecolor="black")
    for bar, hatch, summary in zip(bars, HATCHES, rows[::-1]):
        bar.set_hatch(hatch)
        text = "not rated" if summary.mean_level is None else f"{summary.mean_level:.1f}"
        ax.text(bar.get_width() + 0.05, bar.get_y() + bar.get_height() / 2, text, va="center",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.axvline(scale.target, color="black", linestyle="--", linewidth=1)
    ax.text(scale.target, len(rows) - 0.4, f" Target: {scale.label(scale.target)}", va="bottom")
    ax.set_xlim(0, scale.top + 0.6)
    ax.set_xticks(range(scale.top + 1), [f"{lvl.level}\n{lvl.label}" for lvl in scale.levels], fontsize=8)
    ax.set_xlabel("Average self-rating")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    parts = [
        f"{s.title} {'not rated' if s.mean_level is None else f'{s.mean_level:.1f}'}"
        f" ({s.rated} of {plural(s.expected, 'item')} rated)"
        for s in rows
    ]
    alt = (
        f"Bar chart of average self-rating by area for {record.pseudonym} on {record.date.isoformat()}, "
        f"Tier {record.tier}, on a scale from 0 ({scale.label(0)}) to {scale.top} ({scale.label(scale.top)}); "
        f"target {scale.target}. " + "; ".join(parts) + "."
    )
    png, svg = render_png_and_svg(fig)
    return Chart(png, alt, f"Average self-rating by area, {record.date.isoformat()}", svg)


def progress(fw: Framework, records: Sequence[Assessment]) -> Chart:
    """Lines over time: each area's average rating at each assessment date."""
    scale = load_scales().rating
    ordered = sorted(records, key=lambda r: r.date)
    series = {}
    for record in ordered:
        for s in summarise(fw, record):
            if s.mean_level is not None:
                series.setdefault(s.title, []).append((record.date, s.mean_level))
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for n, (title, points) in enumerate(series.items()):
        dates, values = zip(*points)
        ax.plot(dates, values, marker=MARKERS[n % 6], linestyle=DASHES[n % 6], color=COLOURS[n % 6], label=title)
    ax.axhline(scale.target, color="black", linestyle="--", linewidth=1)
    ax.set_ylim(0, scale.top + 0.3)
    ax.set_yticks(range(scale.top + 1), [f"{lvl.level} {lvl.label}" for lvl in scale.levels], fontsize=8)
    dates_all = [r.date for r in ordered]
    ax.set_xticks(dates_all, [d.isoformat() for d in dates_all], fontsize=8)
    ax.set_ylabel("Average self-rating")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    described = "; ".join(
        f"{title}: " + ", ".join(f"{d.isoformat()} {v:.1f}" for d, v in points) for title, points in series.items()
    )
    who = ordered[-1].pseudonym if ordered else "the coach"
    alt = (
        f"Line chart of average self-rating by area over {plural(len(ordered), 'assessment')} for {who}, "
        f"scale 0 to {scale.top}, target {scale.target}. {described}."
    )
    png, svg = render_png_and_svg(fig)
    return Chart(png, alt, "Average self-rating by area over time", svg)


def hours_chart(fw: Framework, entries: Sequence[HoursEntry], as_of: date, who: str = "the coach",
                image: str = ".png") -> Chart:
    """Cumulative NHS coaching hours (all, and supervised) against the tier thresholds reached or next.

    ``image='.svg'`` also draws it as SVG, so :meth:`Chart.save` can write a ``.svg`` file.
    """
    entries = sorted((e for e in entries if e.nhs and e.date <= as_of), key=lambda e: (e.date, e.row))
    days = sorted({e.date for e in entries})
    total, supervised, running_all, running_sup = [], [], Decimal(0), Decimal(0)
    for day in days:
        running_all += sum((e.hours for e in entries if e.date == day), Decimal(0))
        running_sup += sum((e.hours for e in entries if e.date == day and e.supervised), Decimal(0))
        total.append(running_all)
        supervised.append(running_sup)
    final_all = total[-1] if total else Decimal(0)
    shown = []
    for t in fw.rules.tiers:
        shown.append(t)
        if t.nhs_coaching_hours > final_all:
            break
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.2))
    if days:
        ax.step(days, [float(v) for v in total], where="post", color=COLOURS[0], linestyle=DASHES[0],
                marker=MARKERS[0], markersize=3, label="All NHS coaching hours")
        ax.step(days, [float(v) for v in supervised], where="post", color=COLOURS[1], linestyle=DASHES[1],
                marker=MARKERS[1], markersize=3, label="Supervised NHS coaching hours")
    for n, t in enumerate(shown):
        ax.axhline(t.nhs_coaching_hours, color="black", linestyle=DASHES[2 + n % 4], linewidth=1)
        label = f"Tier {t.tier}: {t.nhs_coaching_hours} {counts_words(t).replace(' coaching', '')}"
        ax.text(days[0] if days else as_of, t.nhs_coaching_hours, f" {label}", va="bottom", fontsize=9)
    ax.set_ylim(0, max(t.nhs_coaching_hours for t in shown) * 1.12)
    ax.set_ylabel("Cumulative hours")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    alt = _chart_alt(days, total, supervised, shown, as_of, who)
    caption = f"Cumulative NHS coaching hours to {long_date(as_of)}"
    if image == ".svg":
        png, svg = render_png_and_svg(fig)
        return Chart(png, alt, caption, svg)
    return Chart(render_png(fig), alt, caption)


def _chart_alt(days: list[date], total: list[Decimal], supervised: list[Decimal], shown: list[Tier],
               as_of: date, who: str) -> str:
    if not days:
        return f"Line chart of cumulative NHS coaching hours for {who}: no NHS coaching logged by {long_date(as_of)}."
    reached = []
    for t in shown:
        series = supervised if t.hours_must_be_supervised else total
        when = next((d for d, v in zip(days, series) if v >= t.nhs_coaching_hours), None)
        state = f"reached on {long_date(when)}" if when else f"{hours_text(series[-1])} so far"
        reached.append(f"Tier {t.tier} needs {t.nhs_coaching_hours} {counts_words(t)}: {state}")
    months: dict[str, tuple[Decimal, Decimal]] = {}
    for d, a, s in zip(days, total, supervised):
        months[f"{d:%Y-%m}"] = (a, s)
    monthly = ", ".join(f"{m} {hours_text(a)}/{hours_text(s)}" for m, (a, s) in months.items())
    return (
        f"Line chart of cumulative NHS coaching hours for {who} from {long_date(days[0])} to {long_date(days[-1])}: "
        f"all NHS hours reach {hours_text(total[-1])}, supervised NHS hours reach {hours_text(supervised[-1])}. "
        + "; ".join(reached)
        + f". At the end of each month (all/supervised): {monthly}."
    )
