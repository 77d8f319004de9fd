"""The shape of the house, checked on the source: no import circle anywhere in kinderwerk_pwa/, the
domain imports nothing above it (auth, pages, state, api, reflex), its packages import each other in
one direction only, and the pages hold no SQL and stay small.

Every import statement counts, also one inside a function: a late import hides a circle, it does not
remove it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kinderwerk_pwa"
DOMAIN = "kinderwerk_pwa.domain"
# What the domain may never import: the layers above it, and the UI framework.
FORBIDDEN_FROM_DOMAIN = ("kinderwerk_pwa.auth", "kinderwerk_pwa.pages", "kinderwerk_pwa.state",
                         "kinderwerk_pwa.api", "kinderwerk_pwa.components", "reflex")
# The domain packages, lowest first; a package may import only those before it (and itself).
# Packages on one line of the README map (huiskamer, instroom, signalering) are independent.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"common"}),
    frozenset({"toegang"}),
    frozenset({"kinderen"}),
    frozenset({"huiskamer", "instroom", "signalering", "activiteiten"}),
    frozenset({"gesprekken"}),
    frozenset({"dossier", "rapportage", "offline", "vandaag"}),
    frozenset({"privacy"}),
    frozenset({"bewaren"}),
)
MAX_PAGE_LINES = 300


def module_name(path: Path, root: Path = ROOT) -> tuple[str, bool]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def imports_of(path: Path, known: set[str], root: Path = ROOT) -> set[str]:
    """The modules this file imports (absolute names), resolved to a known module where the import
    names one (`from . import audit` is the module `...audit`, not the package)."""
    name, is_package = module_name(path, root)
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                found.add(candidate if candidate in known else source)
    found.discard(name)
    return found


def import_graph(package_dir: Path, root: Path = ROOT) -> dict[str, set[str]]:
    files = sorted(package_dir.rglob("*.py"))
    known = {module_name(p, root)[0] for p in files}
    return {module_name(p, root)[0]: imports_of(p, known, root) for p in files}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle among the graph's own modules, as a path that ends where it started."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{module} -> {target}" for module, targets in graph.items() if module.startswith(DOMAIN)
                  for target in targets
                  if any(target == f or target.startswith(f + ".") for f in FORBIDDEN_FROM_DOMAIN))


def layer_of(package: str) -> int:
    for index, layer in enumerate(LAYERS):
        if package in layer:
            return index
    raise AssertionError(f"domeinpakket {package!r} staat niet in LAYERS (en niet in de README-kaart)")


def against_the_flow(graph: dict[str, set[str]]) -> list[str]:
    """Imports between domain packages that go to the right of (or sideways within) the order."""
    wrong = []
    for module, targets in graph.items():
        parts = module.split(".")
        if not module.startswith(DOMAIN + ".") or len(parts) < 4:
            continue  # the domain's own __init__
        own = parts[2]
        for target in targets:
            tparts = target.split(".")
            if not target.startswith(DOMAIN + ".") or len(tparts) < 3 or tparts[2] == own:
                continue
            if layer_of(tparts[2]) >= layer_of(own):
                wrong.append(f"{module} -> {target}")
    return sorted(wrong)


GRAPH = import_graph(PACKAGE)


def test_the_graph_sees_the_house() -> None:
    assert f"{DOMAIN}.signalering.signals" in GRAPH
    assert f"{DOMAIN}.toegang.audit" in GRAPH[f"{DOMAIN}.signalering.signals"]


def test_no_import_cycle_in_the_package() -> None:
    assert find_cycle(GRAPH) is None, f"importcirkel: {' -> '.join(find_cycle(GRAPH) or [])}"


def test_domain_imports_nothing_above_it() -> None:
    assert upward_imports(GRAPH) == []


def test_domain_packages_import_in_one_direction() -> None:
    packages = {p.name for p in (PACKAGE / "domain").iterdir() if (p / "__init__.py").is_file()}
    for package in packages:
        layer_of(package)
        doc = ast.get_docstring(ast.parse((PACKAGE / "domain" / package / "__init__.py").read_text()))
        assert doc and "May import" in doc, f"domain/{package}/__init__.py zegt niet wat het mag importeren"
    assert against_the_flow(GRAPH) == []


def test_domain_has_no_loose_modules() -> None:
    """Every domain module lives in the package of its part of the work."""
    loose = [p.name for p in (PACKAGE / "domain").glob("*.py") if p.name != "__init__.py"]
    assert loose == []


def test_pages_hold_no_sql_and_stay_small() -> None:
    for path in sorted((PACKAGE / "pages").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        assert "select(" not in text and "Session(" not in text and "session_scope" not in text, rel
        assert len(text.splitlines()) <= MAX_PAGE_LINES, f"{rel}: {len(text.splitlines())} regels"


# ---- the checks themselves must be able to fail ------------------------------------------------

def _tree(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    for rel, source in files.items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source)
    return import_graph(tmp_path / "kinderwerk_pwa", tmp_path)


def test_a_late_import_circle_is_found(tmp_path: Path) -> None:
    graph = _tree(tmp_path, {
        "kinderwerk_pwa/__init__.py": "",
        "kinderwerk_pwa/domain/__init__.py": "",
        "kinderwerk_pwa/domain/kinderen/__init__.py": "",
        "kinderwerk_pwa/domain/kinderen/a.py": "from . import b\n",
        "kinderwerk_pwa/domain/kinderen/b.py": "def f():\n    from .a import x\n",
    })
    assert find_cycle(graph) is not None


def test_an_upward_and_a_backward_import_are_found(tmp_path: Path) -> None:
    graph = _tree(tmp_path, {
        "kinderwerk_pwa/__init__.py": "",
        "kinderwerk_pwa/auth/__init__.py": "",
        "kinderwerk_pwa/auth/sessions.py": "",
        "kinderwerk_pwa/domain/__init__.py": "",
        "kinderwerk_pwa/domain/toegang/__init__.py": "",
        "kinderwerk_pwa/domain/toegang/admin.py": "from ...auth import sessions\nimport reflex as rx\n",
        "kinderwerk_pwa/domain/gesprekken/__init__.py": "",
        "kinderwerk_pwa/domain/gesprekken/notes.py": "",
        "kinderwerk_pwa/domain/kinderen/__init__.py": "",
        "kinderwerk_pwa/domain/kinderen/child.py": "from ..gesprekken.notes import x\n",
    })
    assert upward_imports(graph) == ["kinderwerk_pwa.domain.toegang.admin -> kinderwerk_pwa.auth.sessions",
                                     "kinderwerk_pwa.domain.toegang.admin -> reflex"]
    assert against_the_flow(graph) == ["kinderwerk_pwa.domain.kinderen.child -> kinderwerk_pwa.domain.gesprekken.notes"]
    assert find_cycle(graph) is None


@pytest.mark.parametrize("package", ["common", "toegang", "offline"])
def test_layers_know_the_packages(package: str) -> None:
    assert layer_of(package) >= 0
