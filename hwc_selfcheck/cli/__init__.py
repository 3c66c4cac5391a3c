"""The ``hwc-selfcheck`` command: a typer application, one module per group of commands.

:mod:`.app` holds the application and what every command shares (one-line
errors, safe writes). Each command module adds its commands to it when
imported, and this package imports every one of them, in one place, so that
``hwc_selfcheck.cli:app`` (the console script) has them all. A new command
goes in the module of its group, or in a new module listed here.
"""

# In the order `--help` lists them: the framework and reports, knowledge checks,
# a coach's and employer's tools, then providers' commands.
from hwc_selfcheck.cli import (
    framework_commands,  # noqa: E402
    providers,  # noqa: E402
    questions,  # noqa: E402
    tools,  # noqa: E402
)
from hwc_selfcheck.cli.app import app

__all__ = ["app", "framework_commands", "providers", "questions", "tools"]
