"""Shared test setup: one intra-op thread per xdist worker (two workers on two cores), paths, markers."""
import os
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

import torch  # noqa: E402

torch.set_num_threads(1)

ROOT = Path(__file__).resolve().parents[1]


def paper_notebooks():
    "Every notebook nbdev would test: nbs/**/*.ipynb without _-prefixed files or folders."
    return sorted(p for p in (ROOT / "nbs").rglob("*.ipynb")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(ROOT / "nbs").parts))


def repro_notebooks():
    return sorted(p for p in (ROOT / "repro_nb").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
