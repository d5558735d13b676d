"""Beyond one device: one paper's smoke preset on two processes (`accelerate launch`, gloo on the CPU) trains, writes one
result from the main process only, and lands near the single-process numbers (docs/gpu.md shows the GPU commands)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent
PAPER = "mixup_collapse"  # the cheapest smoke preset that trains through replab.train.Learner (an MLP, no BatchNorm)


def test_only_the_main_process_writes(monkeypatch):
    from replab.experiment import is_main_process
    for rank, main in [(None, True), ("0", True), ("1", False)]:
        if rank is None: monkeypatch.delenv("RANK", raising=False)
        else: monkeypatch.setenv("RANK", rank)
        assert is_main_process() is main


def test_two_processes_match_one(tmp_path):
    from replab.experiment import run_paper
    one = run_paper(PAPER, "smoke", device="cpu", progress=False)  # the single-process reference, batch 64
    # Two processes with 32 each: the same global batch of 64, split by rank (replab.train._Batches), gradients averaged by DDP.
    # `--multi_gpu` picks accelerate's multi-process launcher; on a machine without CUDA the Learner's
    # Accelerator(cpu=True) then runs DistributedType.MULTI_CPU over gloo (`--cpu` alone starts one process unless MPI is set up).
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "CUDA_VISIBLE_DEVICES": ""}
    cmd = [str(BIN / "accelerate"), "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
           "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", "0",
           str(BIN / "replab"), "run", PAPER, "--scale", "smoke", "--device", "cpu", "--set", "batch_size=32", "--out", str(tmp_path)]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=240)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    assert r.stdout.count("replab run: 1 paper(s) at scale=smoke on cpu x 2 processes") == 1, r.stdout  # two processes; only the main one talks
    assert r.stdout.count("wrote ") == 1 and r.stdout.rstrip().endswith("1 paper(s): 1 ran, 0 failed, 0 had a result, 0 over budget"), r.stdout
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert [f for f in files if f.endswith(".json")] == [f"{PAPER}/smoke.json"] and not any(f.endswith(".tmp") for f in files), files
    two = json.loads((tmp_path / PAPER / "smoke.json").read_text())
    assert two["config"]["batch_size"] == 32 and two["seeds"] == [0]
    means = {c["id"]: c["mean"] for c in two["claims"]}
    for c in one.claims:
        for k, v in c.mean.items():
            w = means[c.id][k]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                # the ERM network sees the same batches in both runs: the same numbers up to float order;
                # the mixup variants pair images within each process's half batch: near, not equal
                tol = 1e-3 if k.endswith("erm_ce") else 0.05 + 0.05 * abs(v)
                assert abs(w - v) <= tol, (c.id, k, v, w)
