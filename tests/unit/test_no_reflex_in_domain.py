"""The domain layer, the models and the demo data stay free of Reflex.

They are plain Python over a SQLModel Session, so they can be tested, scripted and reused without
the UI framework. Checked twice: statically (no import statement names reflex) and dynamically
(importing every module does not load reflex, not even through another kinderwerk_pwa module).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kinderwerk_pwa"
REFLEX_FREE = ("domain", "models", "demo")


def _is_reflex(module: str) -> bool:
    top = module.split(".", 1)[0]
    return top == "reflex" or top.startswith("reflex_")  # reflex_base, reflex_components_*, ...


def _python_files() -> list[Path]:
    return sorted(p for sub in REFLEX_FREE for p in (PACKAGE / sub).rglob("*.py"))


def _reflex_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {a.name}" for a in node.names if _is_reflex(a.name)]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and _is_reflex(node.module)
        ):
            found.append(f"{node.lineno}: from {node.module} import ...")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and _is_reflex(node.args[0].value)
        ):
            found.append(f"{node.lineno}: dynamic import of {node.args[0].value}")
    return found


def test_there_is_something_to_check() -> None:
    assert (PACKAGE / "domain" / "__init__.py").is_file()
    assert any(p.parts[-2] == "domain" for p in _python_files())


def test_no_reflex_import_statements() -> None:
    offenders = {
        str(path.relative_to(ROOT)): hits
        for path in _python_files()
        if (hits := _reflex_imports(path))
    }
    assert offenders == {}, f"reflex geïmporteerd buiten de UI-laag: {offenders}"


_IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
from pathlib import Path

root = Path(sys.argv[1])
imported, errors = [], {}
for sub in sys.argv[2:]:
    directory = root / "kinderwerk_pwa" / sub
    if not any(directory.rglob("*.py")):
        continue  # nothing (yet) in this package
    name = f"kinderwerk_pwa.{sub}"
    try:
        package = importlib.import_module(name)
    except Exception as exc:
        errors[name] = repr(exc)
        continue
    imported.append(name)
    def onerror(failed):
        errors[failed] = repr(sys.exc_info()[1])
    for info in pkgutil.walk_packages(package.__path__, prefix=name + ".", onerror=onerror):
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as exc:
            errors[info.name] = repr(exc)

reflex = sorted(m for m in sys.modules if m.split(".")[0] == "reflex" or m.split(".")[0].startswith("reflex_"))
print(json.dumps({"imported": imported, "errors": errors, "reflex": reflex}))
"""


def test_importing_every_module_does_not_load_reflex() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, str(ROOT), *REFLEX_FREE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["errors"] == {}, f"modules die niet importeren: {report['errors']}"
    assert "kinderwerk_pwa.domain" in report["imported"]
    assert report["reflex"] == [], (
        f"reflex geladen door het importeren van {report['imported']}: {report['reflex'][:10]}"
    )


@pytest.mark.parametrize(
    ("source", "hit"),
    [
        ("import reflex as rx", True),
        ("import reflex.state", True),
        ("from reflex import State", True),
        ("from reflex_base import x", True),
        ("import importlib\nimportlib.import_module('reflex')", True),
        ("def f():\n    import reflex", True),
        ("import reflexology", False),
        ("from .reflex import x", False),
        ("import sqlmodel", False),
    ],
)
def test_static_check_recognises_reflex_imports(tmp_path: Path, source: str, hit: bool) -> None:
    path = tmp_path / "m.py"
    path.write_text(source)
    assert bool(_reflex_imports(path)) is hit
