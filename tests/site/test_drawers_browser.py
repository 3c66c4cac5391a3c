"""Keyboard use of furo's drawers and the site's focus ring (static/hwc.css).

On a phone furo's menu and "On this page" are drawers slid off the screen while
closed. Their links must not take Tab then (a keyboard user would press it dozens
of times with nothing to see), and must once a drawer is opened, which a keyboard
does with the icon that opens it, made a button by hwc-theme.js. Every element that takes focus must be on
the screen, and look focused with the site's 3 px ring.
"""

from __future__ import annotations

import pytest

PHONE = {"width": 375, "height": 800}

# Where the focused element is, and whether it is inside the page's main content or a drawer.
FOCUSED = """() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return { tag: el.tagName, id: el.id, for: el.getAttribute("data-for"), expanded: el.getAttribute("aria-expanded"), text: (el.textContent || el.value || "").trim().slice(0, 40),
    main: Boolean(el.closest("article[role=main]")), menu: Boolean(el.closest(".sidebar-drawer")),
    toc: Boolean(el.closest(".toc-drawer")),
    inView: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight };
}"""


def box_class(box: str) -> str:
    return "sidebar-drawer" if box == "menu" else "toc-drawer"


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for the page's transitions to end (furo slides its skip link and drawers in)."""
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished)).then(() => true)")


def tab_until(page, want: str, presses: int) -> list[dict]:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element is in `want` (main, menu or toc); every stop on the way."""
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        settle(page)
        stops.append(page.evaluate(FOCUSED))
        if stops[-1][want]:
            return stops
    raise AssertionError(f"{presses} presses of Tab did not reach the {want}: {stops}")


@pytest.mark.parametrize("rel", ["book/portfolio/hours.html", "book/role/values.html", "intro.html"])
def test_closed_drawers_take_no_focus_on_a_phone(page, site_url: str, rel: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{rel}")
    stops = tab_until(page, "main", 8)
    assert all(s["inView"] for s in stops), stops
    assert not any(s["menu"] or s["toc"] for s in stops), stops


@pytest.mark.parametrize("drawer,box,key", [("__navigation", "menu", "Enter"), ("__toc", "toc", "Space")])
def test_an_opened_drawer_takes_focus(page, site_url: str, drawer: str, box: str, key: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/book/portfolio/hours.html")
    stops = []
    for _ in range(6):  # the header's buttons come before the page's content
        page.keyboard.press("Tab")
        settle(page)
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["for"] == drawer:
            break
    button = stops[-1]
    assert button["for"] == drawer and button["inView"] and button["expanded"] == "false", stops
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press(key)  # opens the drawer, which takes the focus
    assert page.is_checked(f"#{drawer}")
    settle(page)
    inside = [page.evaluate(FOCUSED)]
    page.keyboard.press("Tab")  # the page's "On this page" has two links
    settle(page)
    inside.append(page.evaluate(FOCUSED))
    assert all(s[box] and s["inView"] for s in inside), inside
    page.keyboard.press("Escape")  # closes it, and the focus goes back to its button
    settle(page)
    back = page.evaluate(FOCUSED)
    assert not page.is_checked(f"#{drawer}") and back["for"] == drawer and back["expanded"] == "false"
    assert page.evaluate(f"getComputedStyle(document.querySelector('.{box_class(box)}')).visibility") == "hidden"


def test_the_drawer_of_a_wide_screen_still_works(page, site_url: str) -> None:
    """At 1280 px the menu is always shown (its links take focus); "On this page" is a closed drawer."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/book/portfolio/hours.html")
    stops = tab_until(page, "menu", 8)
    assert stops[-1]["inView"]
    assert page.evaluate("getComputedStyle(document.querySelector('.toc-drawer')).visibility") == "hidden"


RING = "(el) => { const s = getComputedStyle(el, ARG); return [s.outlineStyle, s.outlineWidth]; }"


def test_search_box_and_start_cards_show_the_3px_ring(page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/intro.html")
    for selector, pseudo in [(".sidebar-search", "null"), (".sd-card .sd-stretched-link", '"::after"')]:
        page.focus(selector)  # then out and back with the keyboard, so the browser shows it as :focus-visible
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("(s) => document.activeElement.matches(s)", selector)
        style = page.eval_on_selector(selector, RING.replace("ARG", pseudo))
        assert style == ["solid", "3px"], (selector, style)
