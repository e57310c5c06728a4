"""The shape of the package: no import cycle, small modules, each outside library in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "cleaner"
MAX_MODULE_LINES = 400
# Only these parts of the package may import the façade (`cleaner.api`) or the package root.
ABOVE_THE_FACADE = ("cleaner", "cleaner.cli", "cleaner.integrations")
# Libraries that one folder owns: nothing outside it imports them.
OWNERS = {
    "trafilatura": "cleaner.html",
    "htmldate": "cleaner.html",
    "dateparser": "cleaner.metadata.months",
    "charset_normalizer": "cleaner.inputs",
    "pycld2": "cleaner.text.language",
    "datatrove": "cleaner.integrations",
    "pyspark": "cleaner.integrations",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """Every module ``name`` imports anywhere in its source (functions and TYPE_CHECKING
    blocks included), by absolute name; ``from X import y`` counts y when it is a module."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            submodules = {f"{target}.{alias.name}" for alias in node.names} & MODULES.keys()
            found.update(submodules)
            if node.module or len(submodules) < len(node.names):
                found.add(target)  # `from . import module` alone does not import `.`
    return found


GRAPH = {name: {m for m in imports(name) if m in MODULES and m != name} for name in MODULES}


def test_the_package_has_no_import_cycle() -> None:
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> None:
        if name in path:
            cycle = [*path[path.index(name) :], name]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        path.append(name)
        for target in sorted(GRAPH[name]):
            visit(target)
        path.pop()
        done.add(name)

    for name in sorted(GRAPH):
        visit(name)


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        name: lines
        for name, path in MODULES.items()
        if (lines := len(path.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long


def test_nothing_below_the_facade_imports_it() -> None:
    def above(name: str) -> bool:
        return name == "cleaner" or name.startswith(tuple(f"{p}." for p in ABOVE_THE_FACADE[1:]))

    offenders = {
        name: sorted(GRAPH[name] & {"cleaner", "cleaner.api"})
        for name in MODULES
        if not above(name) and name != "cleaner.api" and GRAPH[name] & {"cleaner", "cleaner.api"}
    }
    assert not offenders


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_each_outside_library_is_imported_by_one_folder_only(library: str) -> None:
    owner = OWNERS[library]
    users = {
        name
        for name in MODULES
        if any(m == library or m.startswith(f"{library}.") for m in imports(name))
    }
    assert users, f"nothing imports {library}: drop it from OWNERS"
    assert all(name == owner or name.startswith(f"{owner}.") for name in users), users


def test_the_metric_module_is_not_imported_by_the_library() -> None:
    users = {
        name for name in MODULES if any(m.startswith("cleaner.evaluation") for m in GRAPH[name])
    }
    assert users <= {name for name in MODULES if name.startswith("cleaner.evaluation")}


def test_the_report_pages_are_made_only_for_the_command_line() -> None:
    users = {name for name in MODULES if any(m.startswith("cleaner.audit") for m in GRAPH[name])}
    assert users <= {name for name in MODULES if name.startswith(("cleaner.audit", "cleaner.cli"))}
    assert users & {"cleaner.cli.audit"}


def test_the_pipeline_lists_its_stages_in_one_place() -> None:
    from cleaner.pipeline import STAGES

    names = [stage.__name__ for stage in STAGES]
    assert names[0] == "split_lines" and names[-1] == "build_metadata"
    assert len(set(names)) == len(names)
