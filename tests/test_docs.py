"""The docs site, tested the way a reader sees it: build it, load every page in headless Chromium, check that
every internal link and image resolves and that every registered paper has a page with its figures."""
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse, unquote

import pytest

from conftest import ROOT
from replab.registry import list_papers

HTML = ROOT / "docs" / "_build" / "html"
CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def site():
    subprocess.run([sys.executable, str(ROOT / "docs" / "build.py")], check=True, cwd=ROOT, timeout=900)
    assert (HTML / "index.html").exists()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(HTML))
    handler.log_message = lambda *a, **k: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/"
    srv.shutdown()


def _pages():
    return sorted(p for p in HTML.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def test_docs_site(site):
    "One test, so that one worker builds the site (the build writes docs/_build and _proc)."
    check_static_links()
    check_paper_pages()
    if CHROMIUM and DRIVER: check_in_headless_chromium(site)
    else: pytest.skip("chromium / chromedriver not installed (make browser): static checks passed, browser check skipped")


def check_static_links():
    "Every href/src in every built page points at a file of the site (external links aside)."
    broken = []
    for page in _pages():
        html = page.read_text(errors="ignore")
        for ref in re.findall(r'(?:href|src)="([^"#?]+)[^"]*"', html):
            if re.match(r"^(https?:|mailto:|data:|javascript:)", ref): continue
            target = (page.parent / unquote(ref)).resolve()
            if ref.endswith("/"): target = target / "index.html"
            if not target.exists(): broken.append(f"{page.relative_to(HTML)} -> {ref}")
    assert not broken, "broken internal links:\n" + "\n".join(broken[:30])


def check_paper_pages():
    for p in list_papers():
        pages = list(HTML.glob(f"*_{p.family}/{p.id}.html"))
        assert pages, f"no docs page for {p.id}"
        html = pages[0].read_text()
        assert p.title.split(":")[0][:20] in html or p.id in html
        assert len(re.findall(r"<img [^>]*src=\"[^\"]+\.png\"", html)) >= 2, f"{p.id}: the page should show its figures"
    landing = (HTML / "index.html").read_text()
    for p in list_papers(): assert p.id in landing, f"claims table on the landing page lacks {p.id}"


def check_in_headless_chromium(site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS: opts.add_argument(f)
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    try:
        failures = []
        for page in _pages():
            url = urljoin(site, str(page.relative_to(HTML)))
            drv.get(url)
            if "replab" not in drv.title: failures.append(f"{url}: title {drv.title!r}")
            bad_imgs = drv.execute_script("return [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
            failures += [f"{url}: image not loaded {s}" for s in bad_imgs]
            links = drv.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
            for l in links:
                u = urlparse(l)
                if u.netloc != urlparse(site).netloc: continue
                path = HTML / unquote(u.path.lstrip("/"))
                if u.path.endswith("/"): path = path / "index.html"
                if not path.exists(): failures.append(f"{url}: link to missing {u.path}")
        drv.get(site)
        drv.save_screenshot(str(HTML.parent / "landing.png"))
        # search works offline: the index exists and the search box is on the page
        assert drv.find_elements("css selector", "input.md-search__input"), "no search box"
        assert (HTML / "search" / "search_index.js").exists() or (HTML / "search" / "search_index.json").exists()
    finally:
        drv.quit()
    assert not failures, "\n".join(sorted(set(failures))[:40])
