"""Shows every benchmark's figures (pytest-benchmark's `extra_info`: ratios, recalls, memory) in the terminal summary
of `make bench`, where a reader sees them, instead of leaving them in the JSON report only."""
import pytest

_KEY = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[_KEY] = []


@pytest.fixture(autouse=True)
def _collect_extra_info(request):
    yield
    bench = request.node.funcargs.get("benchmark")
    if bench is not None and bench.extra_info:
        request.config.stash[_KEY].append((request.node.nodeid, dict(bench.extra_info)))


def _fmt(v):
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def pytest_terminal_summary(terminalreporter, config):
    rows = config.stash.get(_KEY, [])
    if not rows: return
    terminalreporter.section("benchmark figures (extra_info)")
    for nodeid, info in rows:
        terminalreporter.write_line(nodeid.split("::")[-1])
        for k, v in info.items(): terminalreporter.write_line(f"    {k:<34} {_fmt(v)}")
