"""Speed and memory of GRADCO-style orbit-adjacency counting (replab.graphs.graphlet_orbits), make bench.

Figures, not timed assertions: pytest-benchmark's table and each test's `extra_info` are the report.
- all 28 orbit-adjacency matrices of a seeded 20 000-node sparse graph with hubs (networkx powerlaw_cluster_graph,
  m = 3, p = 0.1: 59 991 edges, max degree 543): time, and peak traced memory (numpy/scipy buffers, tracemalloc);
- the ratio against brute-force enumeration of every 2-4-node subset, on a 40-node G(n, p) graph where that still
  finishes (the results are asserted equal)."""
import time
import tracemalloc

import networkx as nx
import numpy as np
import pytest

from replab.graphs.graphlet_orbits import ORBIT_ADJACENCIES, orbit_adjacencies, orbit_adjacency_bruteforce


@pytest.fixture(scope="module")
def big_graph():
    return nx.to_scipy_sparse_array(nx.powerlaw_cluster_graph(20_000, 3, 0.1, seed=0), format="csr")


@pytest.fixture(scope="module")
def small_graph():
    return nx.to_scipy_sparse_array(nx.gnp_random_graph(40, 0.15, seed=0), format="csr")


def test_orbit_adjacencies_20k(benchmark, big_graph):
    def run():
        tracemalloc.start()
        t0 = time.perf_counter()
        out = orbit_adjacencies(big_graph)
        wall = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return out, wall, peak
    out, wall, peak = benchmark.pedantic(run, rounds=1, iterations=1)
    assert len(out) == 28
    benchmark.extra_info.update(nodes=big_graph.shape[0], edges=int(big_graph.nnz // 2), wall_s=round(wall, 2),
                                peak_traced_mb=round(peak / 2**20, 1), total_nnz=int(sum(X.nnz for X in out.values())))


def test_orbit_adjacencies_small(benchmark, small_graph):
    benchmark(orbit_adjacencies, small_graph)


def test_bruteforce_small(benchmark, small_graph):
    ref = benchmark.pedantic(orbit_adjacency_bruteforce, args=(small_graph,), rounds=1, iterations=1)
    fast = orbit_adjacencies(small_graph)
    for key in ORBIT_ADJACENCIES:
        assert np.array_equal(fast[key].toarray(), ref[key]), key
    t0 = time.perf_counter(); orbit_adjacencies(small_graph); t_fast = time.perf_counter() - t0
    t0 = time.perf_counter(); orbit_adjacency_bruteforce(small_graph); t_ref = time.perf_counter() - t0
    benchmark.extra_info.update(nodes=small_graph.shape[0], edges=int(small_graph.nnz // 2),
                                bruteforce_s=round(t_ref, 3), vectorised_s=round(t_fast, 4), ratio=round(t_ref / t_fast, 1))
