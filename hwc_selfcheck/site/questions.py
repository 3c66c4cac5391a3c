"""``{hwc-questions}``: a chapter's knowledge checks as accessible HTML forms.

Each question becomes a ``<form>`` that works in two ways. With JavaScript,
the book's script reads the right answers and the feedback from the markup
(no other request is needed) and fills the empty live region after **Check
answer**. Without JavaScript, a ``<details>`` block under the form already
holds every option, whether it is right, why, and a link to the section that
teaches it. Links go through Sphinx (a pending cross-reference for items, the
builder's relative URI for sections), so the book's link checks cover them.

The markup contract the script relies on is described in :func:`visit_question`
and, for ``{hwc-questions-summary}`` (every chapter in one table, for the
printable summary a coach shows their line manager), in :func:`visit_summary`.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.util import logging

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import join_words
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.quiz.bank import QuestionBank, load_questions
from hwc_selfcheck.quiz.models import HINTS, Question
from hwc_selfcheck.quiz.tries import SHOW_ANSWER, TRIES_BEFORE_ANSWER, key_sentence

from .directives import DataDirective
from .statements import PRIVACY_DOC, doc_link

logger = logging.getLogger(__name__)
CHECK_LABEL = "Check answer"
SHOW_LABEL = SHOW_ANSWER
VERDICTS = {True: "Right.", False: "Not right."}
NO_SCRIPT = (
    f"The {CHECK_LABEL} button needs JavaScript, which is turned off in this browser. "
    f"Open {SHOW_LABEL} below to see if you were right."
)
PRIVACY = "Your answers and scores are kept only in this web browser, on this device. Nothing is sent anywhere."


class quiz_set(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """All the questions of one chapter, with their intro and score region."""


class quiz_question(nodes.General, nodes.Element):  # noqa: N801
    """One question; its children are the links shown in the answer block."""


class quiz_summary(nodes.General, nodes.Element):  # noqa: N801
    """The table of every chapter's questions, for the printable induction summary."""


def set_anchor(chapter: str) -> str:
    """The HTML id of a chapter's question set, e.g. ``hwc-quiz-book-role-boundaries``."""
    return "hwc-quiz-" + chapter.replace("/", "-")


class _QuestionDirective(DataDirective):
    def load(self) -> tuple[Framework, QuestionBank]:
        """The framework and the questions; reading ``framework`` records the data files as dependencies."""
        fw = self.framework
        try:
            return fw, load_questions()
        except InputError as exc:
            raise self.error(f"the question data is broken: {exc}") from None


class QuestionsDirective(_QuestionDirective):
    """``{hwc-questions}``: the questions of this page, or of the chapter named as the argument."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        fw, bank = self.load()
        name = self.arguments[0] if self.arguments else self.env.docname
        qset = bank.chapter(name)
        if qset is None:
            near = bank.suggest(name)
            raise self.error(f"no questions for chapter {name!r}" + (f"; did you mean {join_words(near, 'or')}?" if near else ""))
        shown = self.env.temp_data.setdefault("hwc_quiz_chapters", set())
        if qset.chapter in shown:
            raise self.error(f"the questions of {qset.chapter} are already on this page")
        shown.add(qset.chapter)

        here = qset.chapter == self.env.docname
        count = len(qset.questions)
        box = quiz_set(ids=[set_anchor(qset.chapter)], chapter=qset.chapter, title=qset.title,
                       questions=[q.id for q in qset.questions])
        where = "on this page" if here else f"in \"{qset.title}\""
        box += nodes.paragraph("", (
            f"Check what you have learned {where} with {count} question{'s' if count != 1 else ''}. "
            f"Choose an answer, then select {CHECK_LABEL}. If it is not right, you can try again, or select "
            f"{SHOW_LABEL} to see the right answer and why. {PRIVACY} See the "
        ), doc_link(self.env.docname, PRIVACY_DOC, "privacy notice"), nodes.Text("."), classes=["hwc-quiz-intro"])
        box += nodes.raw("", f'<p class="hwc-quiz-score" id="{set_anchor(qset.chapter)}-score" role="status" '
                             f'aria-live="polite" data-chapter="{html.escape(qset.chapter)}"></p>', format="html")
        for number, question in enumerate(qset.questions, start=1):
            box += self.question_node(question, number, count, fw)
        for node in box.findall(lambda n: isinstance(n, (quiz_set, quiz_question))):
            self.state.document.set_id(node)  # a question shown twice on a page is a build error
        return [box]

    def question_node(self, question: Question, number: int, total: int, fw: Framework) -> quiz_question:
        node = quiz_question(ids=[question.anchor], question=question.model_dump(mode="json"),
                             number=number, total=total)
        link = nodes.reference("", question.teaches, internal=True, refuri="#",
                               hwc_quiz_doc=question.teaches_doc, hwc_quiz_anchor=question.teaches_anchor,
                               hwc_quiz_question=question.id)
        node += nodes.paragraph("", "Read more: ", link, classes=["hwc-quiz-read-more"])
        if question.item_ids:
            items = nodes.paragraph("", "Framework items: ", classes=["hwc-quiz-items"])
            for n, item_id in enumerate(question.item_ids):
                if n:
                    items += nodes.Text(", ")
                title = f"{item_id} {fw.get(item_id).title}"
                items += pending_xref("", nodes.inline("", title, classes=["xref", "hwc", "hwc-ref"]),
                                      refdomain="hwc", reftype="ref", reftarget=item_id, refexplicit=True,
                                      refwarn=True, refdoc=self.env.docname)
            node += items
        return node


class SummaryDirective(_QuestionDirective):
    """``{hwc-questions-summary}``: every chapter with questions, with empty score cells for the script."""

    def run(self) -> list[nodes.Node]:
        _fw, bank = self.load()
        chapters = [{"chapter": s.chapter, "title": s.title, "questions": [q.id for q in s.questions]} for s in bank.sets]
        return [quiz_summary(chapters=chapters)]


def visit_summary(self: Any, node: quiz_summary) -> None:
    """A table the script fills in: one row per chapter, ``td.hwc-quiz-right`` and ``td.hwc-quiz-checked`` empty.

    Each row is ``tr[data-chapter][data-questions]``; its first cell links to the
    chapter's questions. Without the script it still lists every chapter to work through.
    """
    here = self.builder.current_docname
    rows = []
    for c in node["chapters"]:
        href = self.builder.get_relative_uri(here, c["chapter"]) + "#check-your-understanding"
        rows.append(
            f'<tr data-chapter="{_attr(c["chapter"])}" data-questions="{_attr(" ".join(c["questions"]))}">'
            f'<th scope="row"><a href="{_attr(href)}">{html.escape(c["title"])}</a></th>'
            f'<td>{len(c["questions"])}</td><td class="hwc-quiz-right"></td><td class="hwc-quiz-checked"></td></tr>'
        )
    # In a box of its own that scrolls: on a narrow phone the table scrolls, not the page. The box
    # takes the keyboard focus (and is named), so it can be scrolled without a mouse too.
    self.body.append(
        '<div class="hwc-table-box" role="region" aria-label="Table: Knowledge checks by chapter" tabindex="0">'
        '<table class="hwc-quiz-summary"><caption>Induction knowledge checks, chapter by chapter</caption>'
        '<thead><tr><th scope="col">Chapter</th><th scope="col">Questions</th><th scope="col">Right first time</th>'
        '<th scope="col">Checked</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>\n"
    )
    raise nodes.SkipNode


def check_summary_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Warn (failing a -W build) if the summary names a chapter that is not in the book."""
    for node in doctree.findall(quiz_summary):
        for c in node["chapters"]:
            if c["chapter"] not in app.env.all_docs:
                logger.warning("knowledge checks summary: chapter %r is not in the book", c["chapter"], location=docname)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def visit_set(self: Any, node: quiz_set) -> None:
    self.body.append(
        f'<div class="hwc-quiz-set" id="{_attr(node["ids"][0])}" data-chapter="{_attr(node["chapter"])}" '
        f'data-title="{_attr(node["title"])}" data-questions="{_attr(" ".join(node["questions"]))}">\n'
    )


def depart_set(self: Any, node: quiz_set) -> None:
    self.body.append("</div>\n")


def visit_question(self: Any, node: quiz_question) -> None:
    """Write the form, the empty feedback region and the opening of the answer block.

    The contract with the book's script (ids all start with the question's
    anchor ``a``, e.g. ``kc-bnd-01``):

    - ``form.hwc-quiz#a``: ``data-question`` (ID), ``data-chapter`` (document
      name), ``data-type`` (``single`` or ``multiple``), ``data-correct``
      (the right option letters, space-separated) and ``data-tries`` (the tries
      before the answer is shown, ``quiz.tries.TRIES_BEFORE_ANSWER``);
    - inputs ``#a-x`` (``x`` the letter, ``value`` the letter, ``name`` ``a``),
      each with a ``label[for]``;
    - ``button.hwc-quiz-check`` (submit), and ``div.hwc-quiz-feedback#a-feedback``,
      an empty polite live region for the script to fill;
    - ``details.hwc-quiz-answer#a-answer``: ``li#a-x-why[data-option][data-correct]``
      per option, holding its verdict and feedback, then ``p.hwc-quiz-read-more``
      and ``p.hwc-quiz-items`` with links. The answer without the script: the
      script hides it and shows the answer on request or after the last try.
    """
    q = node["question"]
    a = _attr(node["ids"][0])
    correct = [o["id"] for o in q["options"] if o["correct"]]
    kind = "checkbox" if q["type"] == "multiple" else "radio"
    out = [
        f'<form class="hwc-quiz" id="{a}" action="#{a}" data-question="{_attr(q["id"])}" '
        f'data-chapter="{_attr(q["chapter"])}" data-type="{_attr(q["type"])}" data-correct="{" ".join(correct)}" '
        f'data-tries="{TRIES_BEFORE_ANSWER}">',
        f'<fieldset aria-describedby="{a}-hint">',
        f'<legend id="{a}-prompt"><span class="hwc-quiz-number">Question {node["number"]} of {node["total"]}:</span> '
        f'{html.escape(q["prompt"])}</legend>',
        f'<p class="hwc-quiz-hint" id="{a}-hint">{HINTS[q["type"]]}</p>',
    ]
    for o in q["options"]:
        x = _attr(o["id"])
        out.append(
            f'<div class="hwc-quiz-option"><input type="{kind}" id="{a}-{x}" name="{a}" value="{x}"> '
            f'<label for="{a}-{x}"><span class="hwc-quiz-letter">{x}.</span> {html.escape(o["text"])}</label></div>'
        )
    out += [
        "</fieldset>",
        f'<button type="submit" class="hwc-quiz-check">{CHECK_LABEL}</button>',
        f'<div class="hwc-quiz-feedback" id="{a}-feedback" role="status" aria-live="polite"></div>',
        f'<noscript><p class="hwc-quiz-nojs">{html.escape(NO_SCRIPT)}</p></noscript>',
        f'<details class="hwc-quiz-answer" id="{a}-answer"><summary>{SHOW_LABEL}</summary>',
        f'<p class="hwc-quiz-key">{key_sentence(correct)}</p>',
        '<ul class="hwc-quiz-why">',
    ]
    for o in q["options"]:
        x = _attr(o["id"])
        out.append(
            f'<li id="{a}-{x}-why" data-option="{x}" data-correct="{str(o["correct"]).lower()}">'
            f'<strong>{x}. {html.escape(o["text"])}</strong> '
            f'<span class="hwc-quiz-verdict">{VERDICTS[o["correct"]]}</span> '
            f'<span class="hwc-quiz-feedback-text">{html.escape(o["feedback"])}</span></li>'
        )
    out.append("</ul>\n")
    self.body.append("\n".join(out))


def depart_question(self: Any, node: quiz_question) -> None:
    self.body.append("</details>\n</form>\n")


def skip(self: Any, node: nodes.Element) -> None:
    """Other output formats (text, LaTeX) leave the interactive questions out."""
    raise nodes.SkipNode


def _link_text(app: Sphinx, target_node: nodes.Element, target: str, docname: str) -> str:
    """The words of a "Read more" link: the section's heading, and its page if it is another page."""
    if isinstance(target_node, nodes.section) and isinstance(target_node[0], nodes.title):
        heading = target_node[0].astext()
    else:
        item = load_framework().get(target_node["ids"][0]) if target_node.get("ids") else None
        heading = f"{item.id} {item.title}" if item else ""
    page = app.env.titles[target].astext()
    if target == docname and heading:
        return heading
    return f"{heading} ({page})" if heading and heading != page else page


def _item_card(app: Sphinx, doctree: nodes.document, target: str, anchor: str) -> nodes.Element | None:
    """An item's card, which the hwc domain knows by its anchor (cards are not headings)."""
    if app.env.get_domain("hwc").items.get(anchor.upper()) != (target, anchor):  # type: ignore[attr-defined]
        return None
    return next(iter(doctree.findall(lambda n: isinstance(n, nodes.Element) and anchor in n.get("ids", ()))), None)


def resolve_read_more_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point each "Read more" link at its heading, and warn (failing a -W build) if the heading is gone."""
    doctrees: dict[str, nodes.document] = {}
    for ref in doctree.findall(nodes.reference):
        target = ref.get("hwc_quiz_doc")
        if not target:
            continue
        anchor, question = ref["hwc_quiz_anchor"], ref["hwc_quiz_question"]
        if target not in app.env.all_docs:
            logger.warning("question %s teaches page %r, which is not in the book", question, target, location=docname)
            continue
        if target not in doctrees:
            doctrees[target] = app.env.get_doctree(target)
        found = doctrees[target].ids.get(anchor) or _item_card(app, doctrees[target], target, anchor)
        if found is None:
            logger.warning("question %s teaches %s#%s, but that page has no heading with id %r",
                           question, target, anchor, anchor, location=docname)
            continue
        ref["refuri"] = app.builder.get_relative_uri(docname, target) + "#" + anchor
        ref.clear()
        ref += nodes.Text(_link_text(app, found, target, docname))


def setup(app: Sphinx) -> dict[str, Any]:
    others = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(quiz_set, html=(visit_set, depart_set), **others)
    app.add_node(quiz_question, html=(visit_question, depart_question), **others)
    app.add_node(quiz_summary, html=(visit_summary, None), **others)
    app.add_directive("hwc-questions", QuestionsDirective)
    app.add_directive("hwc-questions-summary", SummaryDirective)
    app.connect("doctree-resolved", resolve_read_more_links)
    app.connect("doctree-resolved", check_summary_links)
    # Interactivity for the forms above (static/hwc-quiz.js, on top of hwc.js's helpers).
    app.add_js_file("hwc-quiz.js", loading_method="defer")
    app.add_css_file("hwc-quiz.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
