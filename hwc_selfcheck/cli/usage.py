"""How the command talks to people when they ask for help or type it wrongly.

typer's defaults are written for programmers: a usage error is a boxed panel
of several lines ("Invalid value for '--tier': Input should be less than or
equal to 4"), and help shows types such as ``<bool>`` and ``<int range>``.
This module gives every command the same plain conventions instead:

- a usage error (an unknown choice, a number out of range, a missing option
  or argument, an unknown option) is **one line** on standard error that names
  the option, says what was wrong and gives the allowed values, with exit
  status 2, the same as a bad input file;
- help lists each option with a word for its value (``--tier N``), flags
  alone (``--gaps-only``), allowed values and defaults in words, and, for a
  command that reads records, what goes in each column or field.

:class:`App` is a ``typer.Typer`` whose groups and commands use these
classes, so a new command gets them without doing anything.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Optional, Sequence

import typer

# typer keeps its own copy of click; its parser's exceptions and help formatter have no public name.
from typer._click import exceptions as click_errors
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from hwc_selfcheck.core.wording import join_words


@dataclass(frozen=True)
class HelpSection:
    """A part of a command's help after its options: a heading, a sentence, and (term, meaning) rows."""

    title: str
    text: str = ""
    rows: Sequence[tuple[str, str]] = field(default_factory=tuple)


def _choices(param: Any) -> list[str]:
    found = getattr(param.type_descriptor, "choices", None) or ()
    return [c.value if isinstance(c, Enum) else str(c) for c in found]


def _is_whole_number(param: Any) -> bool:
    return getattr(param.type_descriptor, "annotation", None) is int


def _name(param: Any) -> str:
    """How a person types the parameter: its longest option, or an argument's word."""
    if param.param_type_name == "argument":
        return param.metavar or param.name.upper()
    return max(param.opts, key=len)


def _value_word(param: Any) -> str:
    """The word shown after an option in help and messages: FILE, N, DATE, json|csv..."""
    if param.metavar:
        return param.metavar
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    if _is_whole_number(param):
        return "N"
    annotation = getattr(param.type_descriptor, "annotation", None)
    return "FILE" if getattr(annotation, "__name__", "") in ("Path", "PosixPath", "WindowsPath") else "TEXT"


def _allowed(param: Any) -> str:
    """The values a parameter allows, in words ('json, csv or case'; 'a whole number from 1 to 4'), or ''."""
    choices = _choices(param)
    if choices:
        return join_words(choices, "or")
    if _is_whole_number(param) and (param.min is not None or param.max is not None):
        if param.min is not None and param.max is not None:
            return f"a whole number from {param.min} to {param.max}"
        return f"a whole number of at least {param.min}" if param.min is not None else f"a whole number up to {param.max}"
    return ""


def _given(exc: BaseException) -> Optional[str]:
    """The value the person typed, when typer's check refused it (kept on the exception's cause)."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        try:
            return str(errors()[0].get("input"))
        except (IndexError, TypeError, AttributeError):
            return None
    return None


def usage_error_line(exc: click_errors.UsageError) -> str:
    """One line saying what is wrong with how the command was typed, and what to type instead."""
    ctx = exc.ctx
    command = ctx.command_path if ctx is not None else "hwc-selfcheck"
    more = f" See '{command} --help'."
    param = getattr(exc, "param", None)
    if isinstance(exc, click_errors.MissingParameter) and param is not None:
        what = (param.help or "").rstrip(".")
        what = f" ({what[:1].lower() + what[1:]})" if what else ""
        if param.param_type_name == "argument":
            return f"{_name(param)} is missing{what}: give it after '{command}'.{more}"
        allowed = _allowed(param)
        choose = f"; choose {allowed}" if allowed else ""
        return f"{_name(param)} is missing{what}: add {_name(param)} {_value_word(param)}{choose}.{more}"
    if isinstance(exc, click_errors.BadParameter) and param is not None:
        given = _given(exc)
        shown = "that value" if given is None else given if given.lstrip("-").isdigit() else repr(given)
        allowed = _allowed(param)
        if _choices(param):
            return f"{_name(param)}: {shown} is not one of the choices; choose {allowed}.{more}"
        if allowed:
            return f"{_name(param)}: {shown} is not allowed; give {allowed}.{more}"
        return f"{_name(param)}: {shown} is not allowed ({exc.message}).{more}"
    if isinstance(exc, click_errors.NoSuchOption):
        near = sorted(exc.possibilities or ())
        hint = f"; did you mean {join_words(near, 'or')}?" if near else "."
        return f"there is no option {exc.option_name}{hint}{more}"
    if isinstance(exc, click_errors.BadOptionUsage):
        if "requires an argument" in exc.message:
            return f"{exc.option_name} needs a value after it, such as {exc.option_name} VALUE.{more}"
        if "does not take a value" in exc.message:
            return f"{exc.option_name} takes no value: write {exc.option_name} on its own.{more}"
    text = " ".join(exc.format_message().split())
    if text.startswith("Got unexpected extra argument"):
        extra = text.rpartition("(")[2].rstrip(")")
        return f"too many arguments: {extra} was not expected.{more}"
    return f"{text[:1].lower() + text[1:]}{more}"


def _row(param: Any) -> Optional[tuple[str, str]]:
    """One line of the help: the parameter as typed, then what it does, allows and defaults to."""
    if getattr(param, "hidden", False):
        return None
    is_flag = getattr(param, "is_flag", False)
    if param.param_type_name == "argument":
        term = _name(param)
    else:
        term = ", ".join(param.opts) + ("" if is_flag else f" {_value_word(param)}")
    text = (param.help or "").strip()
    allowed = _allowed(param)
    if allowed and not _choices(param) and allowed not in text:
        text += f" {allowed[:1].upper() + allowed[1:]}."
    elif allowed and _value_word(param) != "|".join(_choices(param)):
        text += f" Choose {allowed}."
    default = param.default
    if not is_flag and not param.required and default not in (None, "", ()) and not callable(default):
        shown = default.value if isinstance(default, Enum) else default
        text += f" Default: {shown}."
    if param.required and param.param_type_name != "argument":
        text += " Required."
    return term, text.strip()


class PlainHelp:
    """Help as people expect it: 'Usage: hwc-selfcheck report [OPTIONS] ASSESSMENT.json', then options in words."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[OPTIONS]"]
        for param in self.params:  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                pieces.append(_name(param) if param.required else f"[{_name(param)}]")
        if isinstance(self, TyperGroup):
            pieces.append("COMMAND [ARGS]...")
        return pieces

    def format_options(self, ctx: Any, formatter: HelpFormatter) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        arguments = [r for p in params if p.param_type_name == "argument" and (r := _row(p))]
        options = [r for p in params if p.param_type_name != "argument" and (r := _row(p))]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
        if isinstance(self, TyperGroup):
            self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: HelpFormatter) -> None:
        epilog = self.epilog  # type: ignore[attr-defined]
        if not epilog:
            return
        sections: Sequence[HelpSection] = epilog() if callable(epilog) else [HelpSection("", str(epilog))]
        for section in sections:
            formatter.write_paragraph()
            if section.title:
                formatter.write_text(section.title)
            with formatter.indentation():
                if section.text:
                    formatter.write_text(section.text)
                if section.rows:
                    formatter.write_dl(list(section.rows), col_max=24)


class PlainCommand(PlainHelp, TyperCommand):
    """A command with plain help."""


class PlainGroup(PlainHelp, TyperGroup):
    """A group of commands with plain help; at the top, it also turns usage errors into one line."""

    def main(self, args: Optional[Sequence[str]] = None, prog_name: Optional[str] = None,
             complete_var: Optional[str] = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as exc:
            exc.show()  # no command given: the help is the answer
            sys.exit(exc.exit_code)
        except click_errors.UsageError as exc:
            typer.echo(f"error: {usage_error_line(exc)}", err=True)
            sys.exit(2)
        except click_errors.ClickException as exc:
            typer.echo(f"error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("Stopped.", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


class App(typer.Typer):
    """A ``typer.Typer`` whose help is plain and whose usage errors are one line (see the module note)."""

    def __init__(self, **settings: Any) -> None:
        settings.setdefault("cls", PlainGroup)
        settings.setdefault("rich_markup_mode", None)
        settings.setdefault("add_completion", False)
        settings.setdefault("pretty_exceptions_enable", False)
        super().__init__(**settings)

    def command(self, *args: Any, **settings: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        settings.setdefault("cls", PlainCommand)
        return super().command(*args, **settings)
