"""Registry-wide checks: every paper has claims (with a setting and a rule), presets, a notebook, a reproduction
notebook, committed cpu results of the reported seeds 0, 1, 2 that match the current module and claims (DESIGN 4.7),
with a verdict per claim; its smoke run is finite and deterministic under a seed."""
import json
import math

import pytest

from conftest import ROOT
from replab.config import PRESETS
from replab.experiment import Result, VERDICTS, claims_table, run_paper, stale
from replab.registry import FAMILIES, list_papers

PAPERS = list_papers()
CATALOGUE = json.loads((ROOT / "docs" / "papers.json").read_text())
FAMILY_DIR = {f: d.name for d in (ROOT / "nbs").iterdir() if d.is_dir() for f in FAMILIES if d.name.endswith(f)}


def test_some_papers_registered():
    assert len(PAPERS) >= 3, [p.id for p in PAPERS]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.id)
def test_paper_is_complete(paper):
    entry = [v for v in CATALOGUE.values() if v["module"] == paper.id]
    assert entry, f"{paper.id} is not in the catalogue of 69 papers (docs/papers.json)"
    assert entry[0]["family"] == paper.family
    assert paper.module == f"replab.{paper.family}.{paper.id}"
    assert 1 <= len(paper.claims) <= 12
    for c in paper.claims: assert c.setting.strip() and callable(c.rule), c.id
    for p in PRESETS: paper.config.preset(p)
    nb = ROOT / "nbs" / FAMILY_DIR[paper.family] / f"{paper.id}.ipynb"
    assert nb.exists(), f"missing paper notebook {nb}"
    assert (ROOT / "repro_nb" / paper.family / f"{paper.id}.ipynb").exists(), "missing reproduction notebook"
    assert (ROOT / "nbs" / FAMILY_DIR[paper.family] / "index.md").exists(), "missing family overview index.md"


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.id)
def test_cpu_results_committed(paper):
    path = ROOT / "results" / paper.id / "cpu.json"
    assert path.exists(), f"run `replab run {paper.id} --scale cpu` and commit {path.relative_to(ROOT)}"
    res = Result.load(path)
    assert res.seeds == [0, 1, 2], f"{path.relative_to(ROOT)} reports seeds {res.seeds}: the reported run is seeds 0, 1, 2"
    assert sorted(c.id for c in res.claims) == sorted(c.id for c in paper.claims)
    assert all(c.verdict in VERDICTS for c in res.claims)
    assert res.provenance.get("git_sha") and res.provenance.get("claims_sha256")
    for name, fig in res.figures.items(): assert (path.parent / fig).exists(), f"missing figure {fig}"


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.id)
def test_results_match_code(paper):
    "A committed result was produced by the current paper module and claims (DESIGN 4.7)."
    for path in sorted((ROOT / "results" / paper.id).glob("*.json")):
        why = stale(Result.load(path), paper)
        assert why is None, f"{path.relative_to(ROOT)}: {why}; re-run `replab run {paper.id} --scale {path.stem}` and commit it"


def _finite(x):
    if isinstance(x, float): return math.isfinite(x)
    if isinstance(x, dict): return all(_finite(v) for v in x.values())
    if isinstance(x, list): return all(_finite(v) for v in x)
    return True


def _same(x, y):
    "Equal, with NaN equal to NaN (a claim whose graph or variant did not run measures NaN)."
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y): return True
    if isinstance(x, dict) and isinstance(y, dict): return x.keys() == y.keys() and all(_same(x[k], y[k]) for k in x)
    if isinstance(x, list) and isinstance(y, list): return len(x) == len(y) and all(_same(a, b) for a, b in zip(x, y))
    return x == y


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.id)
def test_smoke_finite_and_deterministic(paper):
    a = run_paper(paper.id, "smoke", seed=1, device="cpu", out=None, progress=False)
    b = run_paper(paper.id, "smoke", seed=1, device="cpu", out=None, progress=False)
    assert _finite(a.metrics), a.metrics
    # convention: metrics named *_s are wall-clock seconds, the only values allowed to differ between runs
    same = lambda m: {k: v for k, v in m.items() if not k.endswith("_s")}
    assert _same(same(a.metrics), same(b.metrics)), "same seed, same numbers"
    assert all(c.verdict == "not tested at this scale" for c in a.claims)
    assert _same([c.measured for c in a.claims], [c.measured for c in b.claims]), "same seed, same measured values"


def test_readme_claims_table_is_current():
    "The landing page (and so the README) shows the claims table of the committed results."
    nb = json.loads((ROOT / "nbs" / "index.ipynb").read_text())
    outs = ["".join(o.get("data", {}).get("text/markdown", "")) for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert claims_table(compact=True) in outs, "re-execute nbs/index.ipynb (and regenerate README.md) after changing results"
    assert claims_table(compact=True) in (ROOT / "README.md").read_text(), "regenerate README.md: python docs/build.py --readme"
