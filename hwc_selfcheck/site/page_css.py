"""Give each page one stylesheet of the theme's and extensions' rules it can use.

A page of the book links up to seven stylesheets (the theme's, sphinx-design's,
the notebook styles, code colours, ...), 170 KB in all, and the browser waits
for every one before it draws anything. On a slow phone that wait is most of
the time to first paint. So, once the build has written the pages, each page's
stylesheets from the theme and the extensions are merged into one file,
keeping only the rules whose class names, ids and element names all occur in
the page or in the scripts it loads (the way PurgeCSS decides, so elements a
script adds later keep their styles). Rules inside ``@media`` and
``@supports`` are sorted the same way; other at-rules are kept whole, and so
are custom properties that anything kept reads. Pages that need the same
rules share one file, named by its content.

The project's own ``hwc*.css`` files stay as they are, linked after the merged
file: they are small, written for these pages, shared by many pages (so a
browser keeps them between pages), and counted in each page's 35 KB budget.

Sphinx rewrites only changed pages on a rebuild, so which stylesheets each page
linked is kept beside the build's doctrees; an unchanged page is then merged
again from the current stylesheets.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import tinycss2
from tinycss2.serializer import serialize_string_value, serialize_url
from sphinx.application import Sphinx
from sphinx.util import logging

from hwc_selfcheck.core.files import atomic_write_text

logger = logging.getLogger(__name__)

# Sphinx's tag for a plain stylesheet (no media, no other attributes).
LINK = re.compile(r'<link rel="stylesheet" type="text/css" href="(?P<href>[^":]+?)(?:\?v=[0-9a-f]+)?" />\n?')
SCRIPT = re.compile(r'<script[^>]*\ssrc="(?P<src>[^":]+?)(?:\?v=[0-9a-f]+)?"')
WORD = re.compile(r"[A-Za-z0-9_-]+")
TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
CUSTOM_PROPERTY = re.compile(r"--[A-Za-z0-9_-]+")
ATTRIBUTE = re.compile(r'\s(?:class|id)="([^"]*)"')
KEEP_WHOLE = re.compile(r"(^|/)hwc[^/]*\.css$")
SORTED_AT_RULES = {"media", "supports", "layer", "container"}
BUNDLES = "_static/pages"
MANIFEST = "hwc-page-css.json"


@dataclass(frozen=True)
class Declaration:
    """One declaration as text, the custom property it sets (if it sets one) and those it reads with ``var()``."""

    text: str
    sets: Optional[str]
    reads: frozenset[str]


@dataclass
class Rule:
    """One style rule: its selectors, each with the names it needs, and its declarations."""

    selectors: list[tuple[str, frozenset[str]]]
    declarations: list[Declaration]


@dataclass
class Block:
    """An at-rule whose rules are sorted one by one (``@media``, ``@supports``)."""

    head: str
    children: list["Item"] = field(default_factory=list)


Item = Union[Rule, Block, str]  # a str is an at-rule kept as it is
Kept = Union[tuple[str, list[Declaration]], tuple[str, list["Kept"]], str]


def needed_names(selector: list) -> frozenset[str]:  # type: ignore[type-arg]
    """Classes, ids and element names a selector needs; what is inside ``:not()``, ``:is()`` etc. and attributes is not required."""
    names, previous = set(), None
    for token in selector:
        if previous == ":":
            pass  # a pseudo-class or pseudo-element name, or its function
        elif token.type == "ident":
            names.add(token.value if previous == "." else token.lower_value)
        elif token.type == "hash":
            names.add(token.value)
        previous = token.value if token.type == "literal" else token.type
    return frozenset(names)


def split_selectors(prelude: list) -> list[tuple[str, frozenset[str]]]:  # type: ignore[type-arg]
    parts: list[list] = [[]]  # type: ignore[type-arg]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [(tinycss2.serialize(p).strip(), needed_names(p)) for p in parts if p]


def var_reads(tokens: list) -> set[str]:  # type: ignore[type-arg]
    found = set()
    for token in tokens:
        if token.type == "function":
            if token.lower_name == "var":
                found.update(t.value for t in token.arguments[:1] if t.type == "ident")
            found |= var_reads(token.arguments)
        elif token.type in ("() block", "[] block", "{} block"):
            found |= var_reads(token.content)
    return found


def declarations(content: list) -> list[Declaration]:  # type: ignore[type-arg]
    parsed = tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
    if any(d.type != "declaration" for d in parsed):  # nested rules: keep the body whole
        return [Declaration(tinycss2.serialize(content).strip(), None, frozenset(var_reads(content)))]
    return [
        Declaration(f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}",
                    d.name if d.name.startswith("--") else None, frozenset(var_reads(d.value)))
        for d in parsed
    ]


def rebase_urls(tokens: list, source_dir: str, target_dir: str) -> None:  # type: ignore[type-arg]
    """Point relative ``url()`` references at the same files from the merged file's folder."""

    def rebased(url: str) -> str:
        if re.match(r"^([a-z]+:|/|#)", url):
            return url
        return posixpath.relpath(posixpath.normpath(posixpath.join(source_dir, url)), target_dir)

    for token in tokens:
        if token.type == "url":
            token.value = rebased(token.value)
            token.representation = f"url({serialize_url(token.value)})"
        elif token.type == "function" and token.lower_name == "url":
            for arg in token.arguments:
                if arg.type == "string":
                    arg.value = rebased(arg.value)
                    arg.representation = f'"{serialize_string_value(arg.value)}"'
        elif token.type == "function":
            rebase_urls(token.arguments, source_dir, target_dir)
        elif token.type in ("() block", "[] block", "{} block"):
            rebase_urls(token.content, source_dir, target_dir)


def parse_items(nodes: list, source_dir: str) -> list[Item]:  # type: ignore[type-arg]
    items: list[Item] = []
    for node in nodes:
        if node.type == "qualified-rule":
            rebase_urls(node.content, source_dir, BUNDLES)
            items.append(Rule(split_selectors(node.prelude), declarations(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword in SORTED_AT_RULES and node.content is not None:
            children = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            head = f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}".strip()
            items.append(Block(head, parse_items(children, source_dir)))
        elif node.type == "at-rule":
            rebase_urls(node.content or [], source_dir, BUNDLES)
            items.append(node.serialize())
    return items


@lru_cache(maxsize=None)
def stylesheet(path: Path, source_dir: str) -> list[Item]:
    text = path.read_text(encoding="utf-8")
    return parse_items(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), source_dir)


@lru_cache(maxsize=None)
def script_words(path: Path) -> frozenset[str]:
    return frozenset(WORD.findall(path.read_text(encoding="utf-8"))) if path.is_file() else frozenset()


def select(items: list[Item], words: frozenset[str]) -> list[Kept]:
    """The rules (with only their matching selectors) and blocks this page can use."""
    kept: list[Kept] = []
    for item in items:
        if isinstance(item, str):
            kept.append(item)
        elif isinstance(item, Block):
            inner = select(item.children, words)
            if inner:
                kept.append((item.head, inner))
        else:
            selectors = [text for text, needs in item.selectors if needs <= words]
            if selectors:
                kept.append((",".join(selectors), item.declarations))
    return kept


def walk(kept: list[Kept]) -> list[Declaration]:
    found: list[Declaration] = []
    for entry in kept:
        if not isinstance(entry, str):
            found += walk(entry[1]) if entry[1] and not isinstance(entry[1][0], Declaration) else entry[1]  # type: ignore[arg-type, operator]
    return found


def properties_read(kept: list[Kept], read_elsewhere: set[str]) -> set[str]:
    """Custom properties that something reads, following properties that read others."""
    every = walk(kept)
    wanted = set(read_elsewhere)
    for d in every:
        if d.sets is None:
            wanted |= d.reads
    setters: dict[str, set[str]] = {}
    for d in every:
        if d.sets is not None:
            setters.setdefault(d.sets, set()).update(d.reads)
    todo = list(wanted)
    while todo:
        for name in setters.get(todo.pop(), ()):
            if name not in wanted:
                wanted.add(name)
                todo.append(name)
    return wanted


def render(kept: list[Kept], wanted: set[str]) -> str:
    out = []
    for entry in kept:
        if isinstance(entry, str):
            out.append(entry)
            continue
        head, inner = entry
        if inner and isinstance(inner[0], Declaration):
            body = ";".join(d.text for d in inner if d.sets is None or d.sets in wanted)  # type: ignore[union-attr]
        else:
            body = render(inner, wanted)  # type: ignore[arg-type]
        if body:
            out.append(f"{head}{{{body}}}")
    return "\n".join(out)


def page_words(html: str, page: Path) -> frozenset[str]:
    """Element names, classes and ids in the page, and every word of the scripts it loads."""
    words = {m.lower() for m in TAG.findall(html)}
    for value in ATTRIBUTE.findall(html):
        words.update(value.split())
    for match in SCRIPT.finditer(html):
        words |= script_words((page.parent / match["src"]).resolve())
    return frozenset(words)


def bundle(outdir: Path, sources: list[str], html: str, words: frozenset[str], own_css: str) -> str:
    """Write the merged stylesheet for these sources (site-relative paths); return its site-relative path."""
    kept = [k for s in sources for k in select(stylesheet(outdir / s, posixpath.dirname(s)), words)]
    # Custom properties read by our own styles, the page (inline styles) and its scripts are kept too.
    elsewhere = {w for w in words if w.startswith("--")} | set(CUSTOM_PROPERTY.findall(html + own_css))
    css = render(kept, properties_read(kept, elsewhere)).strip() + "\n"
    name = f"{BUNDLES}/{hashlib.sha256(css.encode()).hexdigest()[:16]}.css"
    target = outdir / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, css)
    return name


def site_path(rel: str, href: str) -> str:
    """A page's link as a path from the site's root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))


def merge_page_css(app: Sphinx, exception: Optional[Exception]) -> None:
    """Replace each page's theme and extension stylesheets with one merged file of the rules it uses."""
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    manifest_path = Path(app.doctreedir) / MANIFEST
    try:
        manifest: dict[str, list[str]] = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    stylesheet.cache_clear()
    script_words.cache_clear()
    written = set()
    for page in sorted(outdir.rglob("*.html")):
        rel = page.relative_to(outdir).as_posix()
        if rel.startswith("_static/"):
            continue
        html = page.read_text(encoding="utf-8")
        head_end = html.find("</head>")
        links = list(LINK.finditer(html, 0, head_end))
        merged = [m for m in links if "/" + BUNDLES + "/" in "/" + m["href"]]
        own = [m for m in links if KEEP_WHOLE.search(m["href"])]
        plain = [m for m in links if m not in merged and m not in own]
        if plain:
            sources = [site_path(rel, m["href"]) for m in plain]
        elif merged and rel in manifest:
            sources = manifest[rel]
        else:
            continue  # a page with no stylesheet of the theme's (the root redirect)
        missing = [s for s in sources if not (outdir / s).is_file()]
        if missing:
            logger.warning("page styles: %s links missing stylesheets %s", rel, missing, location=rel)
            continue
        manifest[rel] = sources
        own_css = "".join((outdir / site_path(rel, m["href"])).read_text(encoding="utf-8") for m in own
                          if (outdir / site_path(rel, m["href"])).is_file())
        name = bundle(outdir, sources, html, page_words(html, page), own_css)
        written.add(name)
        tag = f'<link rel="stylesheet" type="text/css" href="{posixpath.relpath(name, posixpath.dirname(rel) or ".")}" />\n'
        drop = plain + merged  # the merged file takes the place of the first of them
        first = min(drop, key=lambda m: m.start())
        pieces, last = [], 0
        for match in sorted(drop, key=lambda m: m.start()):
            pieces.append(html[last:match.start()])
            if match is first:
                pieces.append(tag)
            last = match.end()
        pieces.append(html[last:])
        atomic_write_text(page, "".join(pieces))
    for old in (outdir / BUNDLES).glob("*.css"):
        if f"{BUNDLES}/{old.name}" not in written:
            old.unlink()
    atomic_write_text(manifest_path, json.dumps(manifest, indent=0, sort_keys=True))


def setup_page_css(app: Sphinx) -> None:
    """Called from the extension's setup; runs after the pages and static files are written (and
    after security.py has added the code colours to pygments.css, and assets.py has minified)."""
    app.connect("build-finished", merge_page_css, priority=800)
