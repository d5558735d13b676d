"""The GPU batch (DESIGN 11) on the CPU: a batch cut off mid-way keeps every finished paper's result whole, and a second
try with --missing goes on where it stopped; --budget-s skips what does not fit; .ci/gpu fails clearly without CUDA.
The budget arithmetic and the atomic writes are tested with a fake clock in nbs/00_core/experiment.ipynb."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

REPLAB = str(Path(sys.executable).with_name("replab"))
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}


def run(*args):
    return subprocess.run([REPLAB, *args], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=300)


def test_cut_off_batch_resumes(tmp_path):
    from replab.experiment import Result
    first, second = "mixup_collapse", "directpred"  # two cheap smoke presets, in registry order
    done = tmp_path / first / "smoke.json"
    p = subprocess.Popen([REPLAB, "run", first, second, "--scale", "smoke", "--out", str(tmp_path)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV, start_new_session=True)
    t0 = time.monotonic()
    while not done.exists() and p.poll() is None and time.monotonic() - t0 < 240: time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)  # the lease ends: no clean-up code runs
    p.wait()
    assert done.exists(), "the first paper never finished"
    assert Result.load(done).paper == first  # complete, not half-written
    assert not (tmp_path / second / "smoke.json").exists(), "the second paper finished before the cut: nothing was cut off"
    assert not [f for f in tmp_path.rglob("*") if f.name.endswith(".tmp")], "temporary files left behind"
    # a budget too small for the cap of a smoke run (10 s): the second paper is skipped, nothing runs
    r = run("run", first, second, "--scale", "smoke", "--missing", "--budget-s", "1", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert f"{first}: skipped, has a current smoke result" in r.stdout and f"{second}: skipped, estimate 10 s" in r.stdout, r.stdout
    assert r.stdout.rstrip().endswith("2 paper(s): 0 ran, 0 failed, 1 had a result, 1 over budget"), r.stdout
    # the second try goes on where the first stopped
    r = run("run", first, second, "--scale", "smoke", "--missing", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert f"{first}: skipped, has a current smoke result" in r.stdout and f"[2/2] {second}: done in" in r.stdout, r.stdout
    assert Result.load(tmp_path / second / "smoke.json").paper == second


def test_ci_gpu_script_without_cuda(tmp_path):
    import torch
    if torch.cuda.is_available(): pytest.skip("CUDA is available here: the missing-CUDA path cannot be shown")
    env = {**ENV, "OUT": str(tmp_path), "PYTHON": sys.executable}
    r = subprocess.run([str(ROOT / ".ci" / "gpu"), "all"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    log = (tmp_path / "gpu.log").read_text()
    assert "CUDA is not available to torch" in log and "gpu-check: exit 2" in log and "replab run" not in log, log
    r = subprocess.run([str(ROOT / ".ci" / "gpu"), "fly"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert r.returncode == 2 and "usage: .ci/gpu [pack|check|all]" in r.stderr
