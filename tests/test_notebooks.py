"""One pytest item per notebook in nbs/ (nbdev's test_nb: every code cell is a test; `slow`/`gpu` cells skipped)."""
import nbdev
from replab import registry
import pytest
from nbdev.test import test_nb as _test_nb  # alias: pytest must not collect nbdev's function itself

from conftest import ROOT, paper_notebooks


@pytest.mark.parametrize("nb", paper_notebooks(), ids=lambda p: str(p.relative_to(ROOT / "nbs")))
def test_notebook(nb, tmp_path, monkeypatch):
    # a paper notebook runs its cpu claim check: write those results to a scratch folder, not the checkout's results/
    monkeypatch.setenv("REPLAB_RESULTS", str(tmp_path / "results"))
    # each notebook ends with `nbdev.nbdev_export()`: under test it must not rewrite the library that the other
    # xdist worker is importing (the sync check has already exported it)
    monkeypatch.setattr(nbdev, "nbdev_export", lambda *a, **k: None)
    # a paper notebook re-registers its paper with classes defined in the notebook's namespace: keep that out of
    # the registry the other tests of this worker use
    registry.discover()
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    ok, secs = _test_nb(nb, skip_flags=["slow", "gpu"], basepath=ROOT, do_print=False, showerr=True)
    assert ok, f"{nb.relative_to(ROOT)} failed (see the traceback above)"
