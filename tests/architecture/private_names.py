"""An import-linter contract type: no module imports a private name from another module.

A name that starts with one underscore is a module's own business. Importing
it from elsewhere ties two modules together behind their public surface, which
the layer contracts cannot see (they look at modules, not names). Dunder names
such as ``__version__`` are public.
"""

from __future__ import annotations

import ast
import importlib.util
from typing import Optional

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> Optional[str]:
    """The module a ``from ... import`` names, made absolute."""
    if not node.level:
        return node.module
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


class NoPrivateNamesContract(Contract):
    """Modules under ``packages`` never import ``_name`` from a different module of those packages."""

    type_name = "no_private_names"
    packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        roots = tuple(self.packages)  # type: ignore[arg-type]
        found = []
        for module in sorted(graph.modules):
            if not module.startswith(roots):
                continue
            spec = importlib.util.find_spec(module)
            if spec is None or not spec.origin or not spec.origin.endswith(".py"):
                continue
            with open(spec.origin, encoding="utf-8") as handle:
                tree = ast.parse(handle.read(), spec.origin)
            is_package = spec.origin.endswith("__init__.py")
            for node in ast.walk(tree):
                if not isinstance(node, ast.ImportFrom):
                    continue
                source = _absolute(module, is_package, node)
                if not source or not source.startswith(roots) or source == module:
                    continue
                for alias in node.names:
                    if _is_private(alias.name):
                        found.append(f"{module} (line {node.lineno}) imports {alias.name} from {source}")
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["found"]:
            output.print_error(line, bold=False)
            output.new_line()
