"""One pytest item per notebook in nbs/: every code cell runs as a test (as nbdev's `test_nb`: `slow`/`gpu` cells
skipped, paper experiments at the `smoke` scale), and every cell that renders committed results (it calls
`load_result`, `claims_table` or `claims_detail`) must still show what the notebook has stored: the paper page,
the README and `results/` cannot drift apart (DESIGN 4.6)."""
import json
import os

import nbdev
import pytest
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.processors import NBProcessor, FrontmatterProc

from replab import registry
from conftest import ROOT, paper_notebooks

RENDERS_RESULTS = ("load_result(", "claims_table(", "claims_detail(")
SKIP_FLAGS = {"slow", "gpu"}


def _markdown(outputs) -> list[str]:
    "The text/markdown parts of a cell's outputs, as strings."
    out = []
    for o in outputs or []:
        md = (o.get("data") or {}).get("text/markdown")
        if md is not None: out.append("".join(md) if isinstance(md, list) else md)
    return out


def _skip(cell) -> bool:
    "nbdev's rule: markdown, the export call, `#| eval: false` and flagged cells are not run."
    if cell.cell_type != "code" or "nbdev_export(" in cell.source: return True
    d = getattr(cell, "directives_", {}) or {}
    return d.get("eval:", [""])[0].lower() == "false" or bool(SKIP_FLAGS & d.keys())


def run_notebook(nb_path):
    "Execute a notebook as nbdev_test does; returns the processed cells (with their new outputs)."
    os.environ["IN_TEST"] = "1"
    nb = NBProcessor(nb_path, procs=FrontmatterProc, process=True).nb
    shell = CaptureShell(nb_path)
    with working_directory(nb_path.parent):
        try: shell.run_all(nb, exc_stop=True, preproc=_skip)
        except Exception:
            raise AssertionError(f"{nb_path.relative_to(ROOT)} failed:\n{shell.prettytb(fname=nb_path)}") from None
    return nb.cells


@pytest.mark.parametrize("nb", paper_notebooks(), ids=lambda p: str(p.relative_to(ROOT / "nbs")))
def test_notebook(nb, tmp_path, monkeypatch):
    # under test a paper notebook runs its smoke preset and writes nothing (`run_paper` saves only when given `out`);
    # its Results cells read the committed results/
    # each notebook ends with `nbdev.nbdev_export()`: under test it must not rewrite the library that the other
    # xdist worker is importing (the sync check has already exported it)
    monkeypatch.setattr(nbdev, "nbdev_export", lambda *a, **k: None)
    # a paper notebook re-registers its paper with classes defined in the notebook's namespace: keep that out of
    # the registry the other tests of this worker use
    registry.discover()
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    cells = run_notebook(nb)
    if nb.parent.name == "00_core": return
    stored = {c.get("id"): c.get("outputs", []) for c in json.loads(nb.read_text())["cells"]}
    stale = []
    for c in cells:
        if c.cell_type != "code" or not any(k in c.source for k in RENDERS_RESULTS) or _skip(c): continue
        now, then = _markdown(c.get("outputs")), _markdown(stored.get(c.get("id")))
        if now != then: stale.append(f"cell {c.get('id')}: {c.source.splitlines()[-1][:80]!r}")
    assert not stale, (f"{nb.relative_to(ROOT)} shows results that differ from results/ (re-execute the notebook after "
                       f"`replab run`, e.g. make execute NB={nb.relative_to(ROOT)}):\n" + "\n".join(stale))
