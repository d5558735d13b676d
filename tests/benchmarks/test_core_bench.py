"""Speed of the core's vectorised metrics against reference implementations, in one process (make bench).

Ratios, not timed assertions: pytest-benchmark's table is the report. The reference implementations are the
ones a reader would write from the papers' formulas (per-class Python loops in numpy) and scikit-learn's
brute-force kNN."""
import numpy as np
import pytest
import torch
from sklearn.neighbors import KNeighborsClassifier

from replab.evaluate import knn_accuracy
from replab.metrics import nc1

N, D, C = 20_000, 128, 50


@pytest.fixture(scope="module")
def feats():
    g = torch.Generator().manual_seed(0)
    y = torch.randint(0, C, (N,), generator=g)
    H = torch.randn(C, D, generator=g)[y] + 0.5 * torch.randn(N, D, generator=g)
    return H, y


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


def test_nc1_replab(benchmark, feats):
    benchmark(nc1, *feats)


def test_nc1_reference(benchmark, feats):
    ref = benchmark(nc1_reference, *feats)
    assert abs(ref - nc1(*feats)) / ref < 1e-3


def test_knn_replab(benchmark, feats):
    H, y = feats
    benchmark(knn_accuracy, H[:15_000], y[:15_000], H[15_000:], y[15_000:], k=20, metric="euclidean")


def test_knn_sklearn_brute(benchmark, feats):
    H, y = feats
    def ref():
        clf = KNeighborsClassifier(20, algorithm="brute").fit(H[:15_000].numpy(), y[:15_000].numpy())
        return (clf.predict(H[15_000:].numpy()) == y[15_000:].numpy()).mean()
    acc = benchmark(ref)
    assert abs(acc - knn_accuracy(H[:15_000], y[:15_000], H[15_000:], y[15_000:], k=20, metric="euclidean")) < 0.01
