#!/usr/bin/env python3
"""Execute a notebook in place, as a reader would (a paper notebook runs its `cpu` preset), store its outputs and
clean it with nbdev_clean: what `make execute NB=nbs/30_generative/simvq.ipynb` runs after `replab run` changed
the committed results. The final `nbdev_export()` cell is skipped."""
import os, sys, subprocess, time
from pathlib import Path
os.environ.pop("IN_TEST", None)
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
fn = Path(sys.argv[1]).resolve()
nb = read_nb(fn)
sh = CaptureShell(fn)
t = time.time()
cwd = os.getcwd(); os.chdir(fn.parent)
try:
    sh.run_all(nb, exc_stop=True, preproc=lambda c: c.cell_type != "code" or "nbdev_export(" in c.source)
finally: os.chdir(cwd)
for c in nb.cells:  # progress bars and warnings written to stderr are not part of the page
    if c.get("outputs"): c["outputs"] = [o for o in c["outputs"] if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
write_nb(nb, fn)
subprocess.run([str(Path(sys.executable).parent / "nbdev_clean"), "--fname", str(fn)], check=True)
print(f"executed {fn} in {time.time() - t:.0f} s")
