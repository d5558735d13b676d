"""Import cost: the metrics and every paper module load no plotting, pandas or scikit-learn until used (issue 7).

Each import runs in a fresh interpreter, which then reports which of the heavy packages ended up in `sys.modules`."""
import os, subprocess, sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("matplotlib", "seaborn", "pandas", "sklearn")
PAPERS = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts) for p in (ROOT / "replab").glob("*/*.py")
                if p.name != "__init__.py")
MODULES = ["replab.metrics", "replab.ufm", "replab.contrastive", "replab.evaluate", "replab.checks", "replab.data", "replab.plots", "replab.ctr"] + PAPERS


@pytest.mark.parametrize("module", MODULES)
def test_import_loads_no_heavy_packages(module):
    code = f"import sys, {module}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"`import {module}` loaded {out.stdout.strip()}"


def test_papers_found():
    assert len(PAPERS) >= 8, PAPERS
