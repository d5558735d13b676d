"""The installed `replab` console script: listing, a smoke run, the report, bad arguments (exit 2, no traceback)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

REPLAB = str(Path(sys.executable).with_name("replab"))


def run(*args, **kw):
    return subprocess.run([REPLAB, *args], capture_output=True, text=True, cwd=ROOT, timeout=300, **kw)


def test_list():
    r = run("list")
    assert r.returncode == 0, r.stderr
    for pid in ("simvq", "mixup_collapse", "directpred"): assert pid in r.stdout


def test_list_imports_no_paper():
    "`replab list` reads the cards from the sources: no paper module, no torch, no pandas."
    code = "import sys; from replab.cli import main; main(['list']); print(sorted(m for m in ('torch', 'pandas', 'replab.generative.simvq') if m in sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0 and "simvq" in r.stdout, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]", r.stdout


def test_run_smoke(tmp_path):
    r = run("run", "simvq", "--scale", "smoke", "--seed", "3", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    res = json.loads((tmp_path / "simvq" / "smoke.json").read_text())
    assert res["config"]["seed"] == 3 and res["seeds"] == [3] and res["provenance"]["wall_time_s"] < 60
    table = r.stdout.split("\n\n")[-1]  # the run ends with the table of what it just did
    assert table.startswith(f"simvq (smoke, seeds 3, ") and str(tmp_path / "simvq" / "smoke.json") in table, table
    assert "not tested at this scale   utilization: usage_simvq" in table and "control untrained SimVQ autoencoder: fails" in table
    assert table.rstrip().endswith("1 paper(s): 1 ran, 0 failed, 0 had a result, 0 over budget"), table
    assert max(map(len, table.splitlines())) <= max(100, len(str(tmp_path)) + 20), table  # wrapped at 100, paths kept whole


def test_report():
    r = run("report")
    assert r.returncode == 0 and "simvq:" in r.stdout and "setting:" in r.stdout, r.stderr
    assert max(map(len, r.stdout.splitlines())) <= 100, "the terminal report wraps at 100 columns"
    assert max(map(len, run("report", "--width", "60").stdout.splitlines())) <= 60
    wide = run("report", "--wide").stdout.splitlines()
    assert max(map(len, wide)) > 100 and len(wide) < len(r.stdout.splitlines()), "--wide: one line per claim field"
    r = run("report", "--markdown")
    assert r.returncode == 0 and "| claim | CPU: measured, mean ± std over seeds | CPU | GPU |" in r.stdout and "**`simvq`**" in r.stdout


def test_data_list():
    r = run("data")
    assert r.returncode == 0 and "digits" in r.stdout and "mnist" in r.stdout


@pytest.mark.parametrize("args,msg", [
    (("run", "no_such_paper"), "unknown paper id 'no_such_paper'"),
    (("run", "simvq", "--scale", "huge"), "invalid choice: 'huge'"),
    (("run", "simvq", "--set", "nosuchfield=1", "--scale", "smoke"), "unknown field(s) ['nosuchfield']"),
    (("run", "simvq", "--set", "seed=minus", "--scale", "smoke"), "`seed`: expected an int"),
    (("run", "simvq", "--set", "oops"), "--set expects key=value"),
    (("run", "simvq", "--seed", "-1"), "argument --seed: expected an int in [0, 2**32), got -1"),
    (("run", "simvq", "--seed", "999"), "runs seeds 999..1001, mixing reported seeds (< 1000) and pilot seeds (>= 1000)"),
    (("run", "simvq", "--set", "seed=998", "--out", "/tmp"), "runs seeds 998..1000, mixing"),
    (("run", "simvq", "--budget-s", "-5"), "argument --budget-s: expected seconds > 0"),
    (("run", "simvq", "--scale", "smoke", "--out", "/proc/replab-results"), "--out '/proc/replab-results': not a writable folder"),
    (("report", "--results", "/no/such/results"), "--results '/no/such/results': no such folder"),
    (("report", "--wide", "--width", "3"), "argument --width: expected an int >= 40, got 3"),
    (("list", "--family", "vision"), "`family` must be one of"),
    (("fly",), "invalid choice: 'fly'"),
    ((), "the following arguments are required"),
])
def test_bad_arguments(args, msg):
    r = run(*args)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert msg in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_out_rejected_before_work(tmp_path):
    "An --out that cannot be a folder fails at once: nothing runs, nothing is lost (it used to fail after the whole run)."
    (tmp_path / "file").write_text("")
    r = run("run", "simvq", "--scale", "smoke", "--out", str(tmp_path / "file" / "results"))
    assert r.returncode == 2 and "not a writable folder (Not a directory)" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert "starting" not in r.stdout and r.stdout == "", r.stdout


def test_unknown_id_creates_no_out_folder(tmp_path):
    "A typo in a paper id fails before --out is created."
    r = run("run", "simvqq", "--scale", "smoke", "--out", str(tmp_path / "new"))
    assert r.returncode == 2 and "unknown paper id 'simvqq'" in r.stderr, r.stderr
    assert not (tmp_path / "new").exists()


def test_closed_pipe_is_quiet():
    "`replab data list | head -1`: when the reader has gone, writing stops quietly (no BrokenPipeError traceback)."
    code = ("import os, sys\n"
            "r, w = os.pipe(); os.close(r); os.dup2(w, 1); sys.stdout = os.fdopen(1, 'w', buffering=1)  # a pipe nobody reads\n"
            "from replab.cli import main\n"
            "sys.stderr.write(f'exit {main([\"data\", \"list\"])}\\n')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "exit 1" in r.stderr and "Traceback" not in r.stderr and "BrokenPipe" not in r.stderr, r.stderr


def test_report_out_missing_folder_prints_nothing(tmp_path):
    r = run("report", "--out", str(tmp_path / "none" / "claims.txt"))
    assert r.returncode == 2 and "does not exist" in r.stderr and r.stdout == "", (r.stdout[:200], r.stderr)
    r = run("report", "--out", str(tmp_path / "claims.txt"))
    assert r.returncode == 0 and (tmp_path / "claims.txt").read_text() == r.stdout


def test_gpu_check_without_cuda():
    import torch
    if torch.cuda.is_available(): pytest.skip("CUDA is available here: the missing-CUDA error cannot be shown")
    r = run("gpu-check")
    assert r.returncode == 2 and "CUDA is not available to torch" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_every_option_has_help_and_examples():
    from replab.cli import _parser
    ap = _parser()
    subs = next(a for a in ap._actions if a.choices and isinstance(a.choices, dict)).choices
    assert set(subs) == {"list", "run", "report", "gpu-check", "data"}
    for name, p in [("replab", ap), *subs.items()]:
        assert "examples:\n" in (p.epilog or ""), f"{name}: no examples in its help"
        for a in p._actions:
            assert a.help and a.help.strip(), f"{name} {a.option_strings or a.dest}: no help text"
    r = run("run", "--help")
    assert r.returncode == 0 and "examples:" in r.stdout and "--budget-s N" in r.stdout
