"""Metrics run on the tensors' device without a host round-trip (issue 7): on the CPU, with `Tensor.cpu`, `.numpy`
and `.tolist` made to fail, every tensor metric still computes; with CUDA present, the same on a CUDA tensor."""
import pytest
import torch

from replab import evaluate as ev, metrics as mt

DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


def _calls(dev):
    g = torch.Generator().manual_seed(0)
    y = torch.arange(60) % 4
    H = (torch.randn(4, 8, generator=g)[y] + 0.3 * torch.randn(60, 8, generator=g)).to(dev)
    y = y.to(dev); W = torch.randn(4, 8, generator=g).to(dev); M = mt.class_means(H, y)[1]
    S = torch.randn(5, 11, generator=g).to(dev); R = (torch.rand(5, 11, generator=g) > 0.6).double().to(dev); R[:, 0] = 1
    P = torch.softmax(2 * torch.randn(60, 4, generator=g), 1).to(dev)  # (60, 4) probabilities
    b = (y % 2).to(dev); s = (H[:, 0] * 2).round()  # binary labels, scores with ties
    k = (torch.arange(60) % 5).to(dev)  # cluster ids
    return {
        "nc1": lambda: mt.nc1(H, y), "cdnv": lambda: mt.cdnv(H, y), "nc2": lambda: mt.nc2(M), "nc3": lambda: mt.nc3(W, M),
        "nc4": lambda: mt.nc4(H, y, W), "neural_collapse": lambda: mt.neural_collapse(H, y, W),
        "singular_values": lambda: mt.singular_values(H), "effective_rank": lambda: mt.effective_rank(H),
        "rankme": lambda: mt.rankme(H), "alignment": lambda: mt.alignment(H, H + 0.1), "uniformity": lambda: mt.uniformity(H),
        "mean_pairwise_cosine": lambda: mt.mean_pairwise_cosine(H), "perplexity": lambda: mt.perplexity(H.abs()[0]),
        "codebook_usage": lambda: mt.codebook_usage(y, 4), "kl_per_dim": lambda: mt.kl_per_dim(H, H),
        "active_units": lambda: mt.active_units(H), "mode_coverage": lambda: mt.mode_coverage(H, W, 3.0),
        "linear_cka": lambda: mt.linear_cka(H, H[:, :3]),
        "knn_accuracy": lambda: ev.knn_accuracy(H[:40], y[:40], H[40:], y[40:], k=5),
        "knn_accuracy_euclidean": lambda: ev.knn_accuracy(H[:40], y[:40], H[40:], y[40:], k=5, temperature=0.1, metric="euclidean"),
        "recall_at_k": lambda: ev.recall_at_k(S, R, 3), "ndcg_at_k": lambda: ev.ndcg_at_k(S, R, 3), "mrr": lambda: ev.mrr(S, R),
        "auc": lambda: ev.auc(b, s), "auc_ovr": lambda: ev.auc(y, P), "log_loss": lambda: ev.log_loss(y, P),
        "log_loss_binary": lambda: ev.log_loss(b, P[:, 0]), "expected_calibration_error": lambda: ev.expected_calibration_error(P, y),
        "over_under_confidence": lambda: ev.over_under_confidence(P, y), "nmi": lambda: ev.nmi(y, k), "ari": lambda: ev.ari(y, k),
    }


@pytest.fixture
def no_host_copies(monkeypatch):
    def refuse(self, *a, **k): raise AssertionError("a metric copied a tensor to the host")
    for name in ("cpu", "numpy", "tolist"): monkeypatch.setattr(torch.Tensor, name, refuse)


@pytest.mark.parametrize("name", sorted(_calls("cpu")))
def test_metric_without_host_copies(name, no_host_copies):
    _calls("cpu")[name]()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
@pytest.mark.parametrize("name", sorted(_calls("cpu")))
def test_metric_on_cuda_matches_cpu(name):
    a, b = _calls("cpu")[name](), _calls("cuda")[name]()
    flat = lambda r: [v for v in (r.values() if isinstance(r, dict) else [r])]
    for u, v in zip(flat(a), flat(b)):
        u, v = (torch.as_tensor(t).detach().double().cpu() for t in (u, v))
        assert torch.allclose(u, v, rtol=1e-4, atol=1e-6, equal_nan=True), (name, u, v)
