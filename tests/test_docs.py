"""The docs site, tested the way a reader sees it: build it, crawl every built page for broken links and anchors and
for math left as raw LaTeX, then load every page in headless Chromium (served, and opened from files) while recording
its network requests: none may leave the site."""
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import ROOT
from replab.registry import list_papers

HTML = ROOT / "docs" / "_build" / "html"
CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900", "--hide-scrollbars"]
JARGON = re.compile(r"\b[Tt]he spec\b|\bspec's\b|\[mem\]|project note|\bP\d\d\b")
EMOJI = re.compile("[\u2705\u274c\u2796\U0001F300-\U0001FAFF\ufe0f]")


@pytest.fixture(scope="module")
def site():
    build = subprocess.run([sys.executable, str(ROOT / "docs" / "build.py"), "--force"], cwd=ROOT, timeout=900, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-3000:]
    assert (HTML / "index.html").exists()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(HTML))
    handler.log_message = lambda *a, **k: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/", build.stderr
    srv.shutdown()


def _pages(with_404: bool = True):
    return sorted(p for p in HTML.rglob("*.html") if "assets" not in p.relative_to(HTML).parts and (with_404 or p.name != "404.html"))


def test_docs_site(site):
    "One test, so that one worker builds the site (the build writes docs/_build and _proc)."
    url, stderr = site
    soups = _soups()
    check_links_and_anchors(soups)
    check_math(soups)
    check_reader_text(soups)
    check_api_page(soups)
    check_paper_pages(soups)
    if not (CHROMIUM and DRIVER):
        check_build_quiet(stderr)
        pytest.skip("chromium / chromedriver not installed (make browser): static checks passed, browser checks skipped")
    check_in_headless_chromium(url)
    check_from_files()
    check_build_quiet(stderr)


def check_build_quiet(stderr: str):
    "The build prints no warnings (nbdev's, e.g. a cell mixing imports with code, which the docs build then executes; ours; MkDocs')."
    warned = [l for l in stderr.splitlines() if re.search(r"warn", l, re.I)]
    assert not warned, "the docs build warned:\n" + stderr[-3000:]


def _soups() -> dict:
    from bs4 import BeautifulSoup
    return {p: BeautifulSoup(p.read_text(errors="ignore"), "html.parser") for p in _pages()}


def _article_text(soup) -> str:
    "The page's own text (navigation aside), without code: what a reader reads as prose."
    art = soup.find("article") or soup
    art = type(soup)(str(art), "html.parser")
    for t in art.find_all(["script", "style", "code", "pre"]): t.extract()
    return art.get_text(" ")


def check_links_and_anchors(soups):
    "Every href/src of every page, 404.html and API reference included, names a file of the site and, with `#x`, an id on it."
    ids = {p.resolve(): {t["id"] for t in s.find_all(id=True)} for p, s in soups.items()}
    broken = []
    for page, soup in soups.items():
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"), ("iframe", "src")):
            for t in soup.find_all(tag, **{attr: True}):
                u = urlparse(t[attr])
                if u.scheme in ("http", "https", "mailto", "data", "javascript"): continue
                target = (page.parent / unquote(u.path)).resolve() if u.path else page.resolve()
                if u.path.endswith("/") or target.is_dir(): target = target / "index.html"
                rel = page.relative_to(HTML)
                if not target.exists(): broken.append(f"{rel} -> {t[attr]} (no such file)")
                elif u.fragment and target.suffix == ".html" and unquote(u.fragment) not in ids.get(target, set()):
                    broken.append(f"{rel} -> {t[attr]} (no such anchor)")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:40])


def check_math(soups):
    "No LaTeX left for the reader: no `$...$` in the prose, no unknown `\\command` inside the MathML."
    raw, unknown = [], []
    for page, soup in soups.items():
        raw += [f"{page.relative_to(HTML)}: {m.group(0)[:80]!r}" for m in re.finditer(r"\$\$|\$[^$\s][^$]*?\$", _article_text(soup))]
        for m in soup.find_all("math"):
            unknown += [f"{page.relative_to(HTML)}: {t}" for t in m.find_all(string=re.compile(r"^(\\[A-Za-z]+|&)$"))]
    assert not raw, f"{len(raw)} raw math fragments:\n" + "\n".join(raw[:40])
    assert not unknown, "LaTeX commands latex2mathml did not know (add them to build._TEX_FIXES):\n" + "\n".join(unknown[:40])


def check_reader_text(soups):
    "Subtitles whole; no internal jargon; verdict marks that any font has (no emoji)."
    bad = []
    for page, soup in soups.items():
        text, rel = _article_text(soup), page.relative_to(HTML)
        bad += [f"{rel}: internal jargon {m.group(0)!r}: ...{text[max(0, m.start() - 60):m.end() + 40]!r}" for m in JARGON.finditer(text)]
        bad += [f"{rel}: an emoji {m.group(0)!r} (a box without an emoji font)" for m in EMOJI.finditer(text)]
        src = ROOT / "nbs" / rel.with_suffix(".ipynb")
        if src.exists():  # a notebook's page: its subtitle is the notebook's whole `> ...` description
            first = next(c for c in json.loads(src.read_text())["cells"] if c["cell_type"] == "markdown")
            last_word = [l for l in "".join(first["source"]).splitlines() if l.startswith(">")][-1].split()[-1]
            sub = soup.select_one("article h1 ~ blockquote")
            if sub is None or not sub.get_text(" ").strip().endswith(last_word): bad.append(f"{rel}: subtitle cut short (should end {last_word!r})")
    assert not bad, f"{len(bad)} problems in the text of the pages:\n" + "\n".join(bad[:40])


def check_api_page(soups):
    api = soups[HTML / "api.html"]
    names = [c.get_text() for c in api.select("article td:first-child code")]
    assert len(names) > 50
    private = [n for n in names if any(part.startswith("_") for part in n.split("."))]
    assert not private, f"private names listed as public API: {private[:10]}"


def check_paper_pages(soups):
    for p in list_papers():
        pages = list(HTML.glob(f"*_{p.family}/{p.id}.html"))
        assert pages, f"no docs page for {p.id}"
        soup, html = soups[pages[0]], pages[0].read_text()
        assert p.title.split(":")[0][:20] in html or p.id in html
        assert len(re.findall(r"<img [^>]*src=\"[^\"]+\.png\"", html)) >= 2, f"{p.id}: the page should show its figures"
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        for f in (f"repro_nb/{p.family}/{p.id}.ipynb", f"replab/{p.family}/{p.id}.py", f"/{pages[0].parent.name}/{p.id}.ipynb"):
            assert any(h.endswith(f) for h in hrefs), f"{p.id}: the page does not link {f}"
        assert "colab.research.google.com" in html and "pip install" in html, f"{p.id}: the page should say how to run it in Colab / JupyterLab"
    landing = (HTML / "index.html").read_text()
    for p in list_papers(): assert p.id in landing, f"claims table on the landing page lacks {p.id}"


def _driver(perf_log: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS: opts.add_argument(f)
    if perf_log: opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def _requests(drv) -> list[str]:
    "The URLs the browser requested since the last call (Chrome's performance log: CDP Network events)."
    out = []
    for e in drv.get_log("performance"):
        m = json.loads(e["message"])["message"]
        if m["method"] == "Network.requestWillBeSent": out.append(m["params"]["request"]["url"])
    return out


def _leaves(url: str, base: str) -> bool:
    return not (url.startswith(base) or url.startswith(("data:", "blob:", "about:", "chrome")))


def check_in_headless_chromium(site):
    "Served over HTTP: every page loads its images, requests nothing outside the site, and no equation scrolls."
    drv = _driver()
    try:
        failures = []
        for page in _pages():
            url = urljoin(site, str(page.relative_to(HTML)))
            drv.get(url)
            if "replab" not in drv.title: failures.append(f"{url}: title {drv.title!r}")
            bad_imgs = drv.execute_script("return [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
            failures += [f"{url}: image not loaded {s}" for s in bad_imgs]
            scrolls = drv.execute_script("return [...document.querySelectorAll('.math-display')]"
                                         ".filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.slice(0, 40))")
            failures += [f"{url}: display equation with a vertical scrollbar {s!r}" for s in scrolls]
            failures += [f"{url}: request leaves the site: {u}" for u in _requests(drv) if _leaves(u, site)]
        drv.get(site)
        drv.save_screenshot(str(HTML.parent / "landing.png"))
        assert drv.find_elements("css selector", "input.md-search__input"), "no search box"
    finally:
        drv.quit()
    assert not failures, "\n".join(sorted(set(failures))[:40])


def check_from_files():
    "Opened from files (file://): no request leaves the site folder and search finds a paper."
    base = HTML.as_uri() + "/"
    drv = _driver()
    try:
        leaks = []
        for page in _pages():
            drv.get(base + str(page.relative_to(HTML)))
            leaks += [f"{page.relative_to(HTML)}: {u}" for u in _requests(drv) if _leaves(u, base)]
        assert not leaks, "requests outside the site folder:\n" + "\n".join(sorted(set(leaks))[:40])
        drv.get(base + "index.html")
        box = drv.find_element("css selector", "input.md-search__input")
        box.click()
        box.send_keys("codebook")
        for _ in range(50):
            hits = drv.find_elements("css selector", ".md-search-result__item")
            if hits: break
            time.sleep(0.2)
        assert hits, "search from file:// found nothing for 'codebook'"
    finally:
        drv.quit()


def test_contributing_paths():
    "CONTRIBUTING names only files and make targets that exist in the repository."
    text = (ROOT / "CONTRIBUTING.md").read_text()
    paths = set(re.findall(r"`((?:nbs|replab|repro_nb|tests|docs|results)/[\w./<>-]+|[\w-]+\.(?:md|ini|py|ipynb))`", text))
    missing = [p for p in paths if "<" not in p and not (ROOT / p).exists()]
    assert not missing, f"CONTRIBUTING.md names files that do not exist: {missing}"
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.M))
    assert not set(re.findall(r"make ([a-z-]+)", text)) - targets, "CONTRIBUTING.md names make targets the Makefile lacks"
