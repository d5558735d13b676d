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


def test_run_smoke(tmp_path):
    r = run("run", "simvq", "--scale", "smoke", "--seed", "3", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    res = json.loads((tmp_path / "simvq" / "smoke.json").read_text())
    assert res["config"]["seed"] == 3 and res["seeds"] == [3] and res["provenance"]["wall_time_s"] < 60
    assert "utilization" in r.stdout and "not tested at this scale" in r.stdout and "setting:" in r.stdout


def test_report():
    r = run("report")
    assert r.returncode == 0 and "simvq:" in r.stdout and "setting:" in r.stdout, r.stderr
    assert max(map(len, r.stdout.splitlines())) <= 100, "the terminal report wraps at 100 columns"
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
    (("list", "--family", "vision"), "`family` must be one of"),
    (("fly",), "invalid choice: 'fly'"),
    ((), "the following arguments are required"),
])
def test_bad_arguments(args, msg):
    r = run(*args)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert msg in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
