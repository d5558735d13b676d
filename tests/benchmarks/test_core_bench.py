"""Speed of the core's metrics against reference implementations, in one process (make bench).

Ratios, not timed assertions: each test times replab's function (pytest-benchmark) and the reference in the same run,
and stores `speedup` = reference time / replab time (best of several rounds each) in `extra_info`, which the terminal
summary prints. The references are the ones a reader would write from the papers' formulas (per-class Python loops in
numpy, float64) and scikit-learn's brute-force kNN (fit + predict). Inputs are float32 features, as a network gives them.
Goal (issue 7): speedup >= 2 for both."""
import time

import numpy as np
import pytest
import torch
from sklearn.neighbors import KNeighborsClassifier

from replab.evaluate import knn_accuracy
from replab.metrics import nc1

N, D, C = 20_000, 128, 50
N_TRAIN, K = 15_000, 20


@pytest.fixture(scope="module")
def feats():
    g = torch.Generator().manual_seed(0)
    y = torch.randint(0, C, (N,), generator=g)
    H = torch.randn(C, D, generator=g)[y] + 0.5 * torch.randn(N, D, generator=g)  # (N, D) float32
    return H, y


def _best(fn, reps: int = 5):
    "Best wall time of `reps` calls, and the last result."
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter(); out = fn(); best = min(best, time.perf_counter() - t0)
    return best, out


def nc1_reference(H, y):
    "tr(Sigma_W Sigma_B^+) / C with per-class loops (Papyan et al. 2020, eq. in Sec. 3)."
    H, y = H.double().numpy(), y.numpy()
    mu_g = np.mean([H[y == c].mean(0) for c in range(C)], 0)
    Sw = np.zeros((D, D)); Sb = np.zeros((D, D))
    for c in range(C):
        Hc = H[y == c]; mu = Hc.mean(0)
        Sw += (Hc - mu).T @ (Hc - mu) / len(H)
        Sb += np.outer(mu - mu_g, mu - mu_g) / C
    return float(np.trace(Sw @ np.linalg.pinv(Sb, rcond=1e-10, hermitian=True)) / C)


def knn_sklearn_brute(H, y):
    clf = KNeighborsClassifier(K, algorithm="brute").fit(H[:N_TRAIN].numpy(), y[:N_TRAIN].numpy())
    return float((clf.predict(H[N_TRAIN:].numpy()) == y[N_TRAIN:].numpy()).mean())


def test_nc1_vs_reference(benchmark, feats):
    value = benchmark.pedantic(nc1, args=feats, rounds=5, iterations=1, warmup_rounds=1)
    t_ref, ref = _best(lambda: nc1_reference(*feats))
    t = benchmark.stats.stats.min
    benchmark.extra_info.update(replab_s=t, reference_s=t_ref, speedup=t_ref / t, relative_difference=abs(value - ref) / ref)
    assert abs(value - ref) / ref < 1e-6


def test_knn_vs_sklearn(benchmark, feats):
    H, y = feats
    run = lambda: knn_accuracy(H[:N_TRAIN], y[:N_TRAIN], H[N_TRAIN:], y[N_TRAIN:], k=K, metric="euclidean")
    acc = benchmark.pedantic(run, rounds=3, iterations=1, warmup_rounds=1)
    t_ref, ref = _best(lambda: knn_sklearn_brute(H, y), reps=3)
    t = benchmark.stats.stats.min
    benchmark.extra_info.update(replab_s=t, sklearn_s=t_ref, speedup=t_ref / t, accuracy=acc, sklearn_accuracy=ref)
    assert abs(acc - ref) < 0.01
