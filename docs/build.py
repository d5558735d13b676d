"""Build the replab docs site offline (DESIGN 10).

Pipeline: nbdev's own processors (`proc_nbs`: hide/export directives, rendered `show_doc` API tables)
-> processed notebooks with their stored outputs -> Markdown (nbconvert; LaTeX rendered to MathML so
the site needs no JavaScript from a CDN) -> MkDocs Material -> docs/_build/html.
No training runs here: the claims table is read from the registry and results/.

    python docs/build.py            # build the site
    python docs/build.py --readme   # regenerate README.md from nbs/index.ipynb only
    python docs/build.py --force    # reprocess every notebook (what the docs test does: it reads the build's warnings)
"""
from __future__ import annotations
import argparse, ast, json, os, re, shutil, subprocess, sys, warnings
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
SRC = BUILD / "src"
HTML = BUILD / "html"
DOC_PREFIX = "https://replab.github.io/replab/"
_SETTINGS = __import__("configparser").ConfigParser(); _SETTINGS.read(ROOT / "settings.ini")
GIT_URL, BRANCH = _SETTINGS["DEFAULT"]["git_url"], _SETTINGS["DEFAULT"]["branch"]
FAMILY_NAMES = {
    "00_core": "Core", "10_neural_collapse": "Neural collapse", "20_ssl": "Self-supervised learning",
    "25_masked": "Masked modeling", "30_generative": "Generative models", "40_recsys": "Recommendation",
    "50_text": "Text embeddings", "60_graphs": "Graphs", "70_multimodal": "Multimodal", "80_clustering": "Clustering",
    "85_robust": "Robustness", "90_theory": "Theory",
}
CORE_ORDER = ["config", "registry", "experiment", "checks", "lazy", "data", "data_catalogue", "data_images", "data_synthetic", "data_text", "data_graphs", "data_recsys", "models", "train", "contrastive", "federated", "metrics", "ufm", "evaluate", "plots", "ctr", "masking", "walks", "cli"]
DIRECTIVE = re.compile(r"^\s*#\|\s*(.*)$")


# --------------------------------------------------------------------------- notebooks -> markdown
def _directives(src: str) -> tuple[dict, str]:
    "Split a code cell's `#| key: value` directives from its source."
    d, keep = {}, []
    for line in src.splitlines():
        m = DIRECTIVE.match(line)
        if m:
            k, _, v = m.group(1).partition(":")
            d[k.strip()] = v.strip() or True
        else: keep.append(line)
    return d, "\n".join(keep).strip("\n")


# Display math may span lines; inline math may too (a paragraph wrapped by the editor), but never a blank line.
_MATH = re.compile(r"(?<!\\)\$\$(.+?)\$\$"
                   r"|(?<![\\$\w])\$(?=[^\s$])((?:[^$\\\n]|\\.|\n(?![ \t]*\n))+?)\$(?![\d$])", re.S)
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
# LaTeX that latex2mathml does not know, rewritten to what it does (checked by tests/test_docs.py: no `\cmd` left in MathML)
_TEX_FIXES = [(re.compile(r"\\arg\s*\\?(min|max)(?![a-zA-Z])"), r"\\mathrm{arg\\,\1}"), (re.compile(r"\\(argmin|argmax)(?![a-zA-Z])"), lambda m: rf"\mathrm{{arg\,{m.group(1)[3:]}}}"),
              (re.compile(r"\\operatorname\*?\{([^{}]*)\}"), r"\\mathrm{\1}"), (re.compile(r"\\(?:big|Big|bigg|Bigg)([lr]?)(?=[\\(\[|.)\]])"), ""),
              (re.compile(r"\\(begin|end)\{aligned\}"), r"\\\1{split}")]  # latex2mathml knows split, not aligned


def tex_to_mathml(tex: str, display: bool) -> str:
    "One formula as MathML (raises on LaTeX that latex2mathml cannot parse)."
    from latex2mathml.converter import convert
    tex = " ".join(tex.split())
    for pat, rep in _TEX_FIXES: tex = pat.sub(rep, tex)
    if not display: return f'<span class="math">{convert(tex, display="inline")}</span>'
    # a display formula of several parts joined by \qquad: one part per line, so that it fits the content column
    out = "".join(convert(part.strip(), display="block") for part in _top_level_split(tex, r"\qquad") if part.strip())
    # a span (display: block in extra.css), so that display math inside a list item or a table cell stays inside it
    return f'<span class="math-display">{out}</span>'


def _top_level_split(tex: str, sep: str) -> list[str]:
    "Split `tex` at `sep` outside braces and environments."
    parts, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        if tex.startswith(sep, i) and depth == 0 and not tex[i + len(sep):i + len(sep) + 1].isalpha():
            parts.append(tex[start:i]); i += len(sep); start = i; continue
        if tex[i] == "\\" and tex.startswith(("\\begin", "\\left"), i): depth += 1
        elif tex[i] == "\\" and tex.startswith(("\\end", "\\right"), i): depth -= 1
        elif tex[i] == "{" and (i == 0 or tex[i - 1] != "\\"): depth += 1
        elif tex[i] == "}" and (i == 0 or tex[i - 1] != "\\"): depth -= 1
        i += 2 if tex[i] == "\\" else 1
    return parts + [tex[start:]]


def latex_to_mathml(md: str) -> str:
    "Render $...$ and $$...$$ to MathML, leaving code spans and fences alone."
    def conv(m):
        tex, display = (m.group(1), True) if m.group(1) is not None else (m.group(2), False)
        try: return tex_to_mathml(tex, display)
        except Exception as e:
            warnings.warn(f"docs build: could not render {m.group(0)[:80]!r} ({type(e).__name__}: {e})")
            return m.group(0)

    parts = _CODE.split(md)
    return "".join(p if i % 2 else _MATH.sub(conv, p) for i, p in enumerate(parts))


_latex_to_mathml = latex_to_mathml


def _frontmatter(cell) -> dict:
    src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    m = re.match(r"\s*---\n(.*?)\n---", src, re.S)
    return yaml.safe_load(m.group(1)) or {} if m else {}


def _relink(md: str, page_rel: str) -> str:
    "nbdev writes doc links to the published host; make them relative so the offline site resolves them."
    depth = page_rel.count("/")
    up = "../" * depth

    def fix(m):
        path, anchor = m.group(1), m.group(2) or ""
        return f"{up}{path}.html{anchor.lower()}"
    return re.sub(re.escape(DOC_PREFIX) + r"([\w/.-]+?)\.html(#[\w.-]+)?", fix, md)


_NB_LINK = re.compile(r"\[([^\]]+)\]\(([\w./-]+?)\.ipynb(#[\w.-]*)?\)")


def link_notebooks(md: str, src_dir: Path) -> str:
    "Links to notebooks become links to their pages; links to notebooks not written yet (planned papers) become plain text."
    def fix(m):
        text, target, anchor = m.group(1), m.group(2), m.group(3) or ""
        return f"[{text}]({target}.md{anchor})" if (src_dir / f"{target}.ipynb").exists() else text
    return _NB_LINK.sub(fix, md)


def subtitle(nb_src: Path) -> str:
    "The notebook's `> description`, every line of it (nbdev's frontmatter keeps only the first)."
    import nbformat
    nb = nbformat.read(nb_src, as_version=4)
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    return " ".join(l[1:].strip() for l in first.splitlines() if l.startswith(">"))


_SHOWDOC_HEAD = re.compile(r"^(#{2,4}) ([\w.]+)[ \t]*$", re.M)


def _show_doc_md(md: str, ids: set) -> str:
    "A rendered show_doc: its heading gets the anchor nbdev's doc links use (`#learner.fit`), its docstring's math MathML."
    def head(m):
        ids.add(m.group(2).lower())
        return f"{m.group(1)} {m.group(2)} {{#{m.group(2).lower()}}}"
    md = re.sub(r"```.*?```", lambda m: re.sub(r"\[`?([^\]`]+)`?\]\([^)\s]+\)", r"\1", m.group(0)), md, flags=re.S)
    return latex_to_mathml(_SHOWDOC_HEAD.sub(head, md))


_FOLD = re.compile(r"_(check|validate)\w*$")


def fold_checks(src: str) -> tuple[str, str]:
    "Split a code cell into the method's code and its argument-checking helpers (`_check*`, `_validate*` functions)."
    try: tree = ast.parse(src)
    except SyntaxError: return src, ""
    lines = src.splitlines()
    checks = [n for n in tree.body if isinstance(n, ast.FunctionDef) and _FOLD.match(n.name)]
    if not checks or len(checks) == len(tree.body): return (src, "") if not checks else ("", src)
    starts = {n: min([n.lineno] + [d.lineno for d in getattr(n, "decorator_list", [])]) for n in checks}
    drop = set()
    for n in checks:
        lo = starts[n] - 1
        while lo > 0 and lines[lo - 1].lstrip().startswith("#"): lo -= 1  # the comment above the helper goes with it
        drop.update(range(lo, n.end_lineno))
    keep = "\n".join(l for i, l in enumerate(lines) if i not in drop).strip("\n")
    fold = "\n".join(l for i, l in enumerate(lines) if i in drop).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", keep), fold


def tests_private(src: str) -> bool:
    "A cell of `test_*` calls (and assignments) that reads private names: it checks helpers, not the method."
    try: tree = ast.parse(src)
    except SyntaxError: return False
    calls = all(isinstance(n, ast.Assign) or isinstance(n, ast.Expr) and isinstance(n.value, ast.Call) and
                isinstance(n.value.func, ast.Name) and n.value.func.id.startswith("test_") for n in tree.body)
    private = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id.startswith("_") and not n.id.startswith("__")}
    return bool(tree.body) and calls and bool(private)


def _folded(code: str, names: list[str], what: str = "Argument checks") -> str:
    "A collapsed block (pymdownx.details) holding code a reader can open."
    title = what + (": " + ", ".join(f"`{n}`" for n in names) if names else "")
    return f'??? note "{title}"\n\n    ```python\n' + "\n".join("    " + l if l else "" for l in code.splitlines()) + "\n    ```\n"


def paper_links(page_rel: str) -> str:
    "Where a paper page's notebook, reproduction notebook and module live, and how to run the notebook."
    sys.path.insert(0, str(ROOT))
    from replab.registry import list_papers
    stem = Path(page_rel).stem
    paper = next((p for p in list_papers() if p.id == stem), None)
    if paper is None: return ""
    nb, repro, module = f"nbs/{Path(page_rel).with_suffix('.ipynb')}", f"repro_nb/{paper.family}/{stem}.ipynb", f"replab/{paper.family}/{stem}.py"
    for f in (nb, repro, module):
        if not (ROOT / f).exists(): raise FileNotFoundError(f"docs build: {page_rel} should link {f}, which does not exist")
    gh = f"{GIT_URL}/blob/{BRANCH}"
    colab = f"https://colab.research.google.com/github/{GIT_URL.split('github.com/')[1]}/blob/{BRANCH}"
    return (f'!!! tip "Run this paper"\n\n'
            f"    This page is the notebook [`{nb}`]({gh}/{nb}) ([open in Colab]({colab}/{nb})); its code is the module "
            f"[`{module}`]({gh}/{module}), and [`{repro}`]({gh}/{repro}) runs it at full scale on a GPU. In JupyterLab "
            f"or Colab the notebook's first cell installs replab when it is missing (`%pip install \"replab[data] @ git+{GIT_URL}\"`); "
            f"from a clone, `make lab`. "
            f"On the command line: `replab run {stem} --scale cpu`.\n")


def notebook_to_markdown(nb_path: Path, page_rel: str, out_dir: Path, anchors: dict | None = None, mathml: bool = True) -> dict:
    """Convert one processed notebook to Markdown in out_dir/page_rel (+ its figures); returns title/description.
    `anchors`: filled with the page's show_doc anchors; `mathml=False` keeps LaTeX (GitHub renders it in the README)."""
    global latex_to_mathml
    render, latex_to_mathml = latex_to_mathml, (_latex_to_mathml if mathml else (lambda md: md))
    try: return _notebook_to_markdown(nb_path, page_rel, out_dir, anchors)
    finally: latex_to_mathml = render


def _notebook_to_markdown(nb_path: Path, page_rel: str, out_dir: Path, anchors: dict | None) -> dict:
    import nbformat
    from nbconvert import MarkdownExporter
    nb = nbformat.read(nb_path, as_version=4)
    src_dir = ROOT / "nbs" / Path(page_rel).parent
    meta, cells, ids, folded_prev = {}, [], set(), False
    for c in nb.cells:
        if c.cell_type == "raw":
            fm = _frontmatter(c)
            if fm: meta = fm; continue
        if c.cell_type == "markdown":
            if "AUTOGENERATED" in c.source and len(c.source) < 80: continue
            c.source = latex_to_mathml(link_notebooks(re.sub(r"\{target=\"_blank\"\}", "", c.source), src_dir))
        if c.cell_type == "code":
            d, src = _directives(c.source)
            if d.get("hide") or d.get("include") == "false" or d.get("docs") == "false": continue
            for o in c.get("outputs", []):
                if "text/markdown" in o.get("data", {}):
                    o["data"]["text/markdown"] = _show_doc_md(o["data"]["text/markdown"], ids)
            c.source = "" if d.get("echo") == "false" else src
            if not c.source and not c.get("outputs"): continue
            if not c.source: c.metadata.setdefault("tags", []).append("remove_input")
            keep, fold = fold_checks(c.source) if c.source else ("", "")
            if d.get("exporti") and c.source:  # a cell of private helpers (input conversion, shape checks): folded whole
                names = [n.name for n in ast.parse(c.source).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
                cells.append(nbformat.v4.new_markdown_cell(_folded(c.source, names, "Private helpers"))); folded_prev = True
                continue
            if (folded_prev or tests_private(c.source)) and not d and not c.get("outputs"):  # tests of private helpers: folded too
                cells.append(nbformat.v4.new_markdown_cell(_folded(c.source, [], "Tests of the private helpers"))); folded_prev = False
                continue
            folded_prev = False
            if fold:
                names = [n.name for n in ast.parse(fold).body if isinstance(n, ast.FunctionDef)]
                if keep:
                    c.source = keep
                    cells += [c, nbformat.v4.new_markdown_cell(_folded(fold, names))]
                    continue
                cells.append(nbformat.v4.new_markdown_cell(_folded(fold, names)))
                if c.get("outputs"): c.source = ""; c.metadata.setdefault("tags", []).append("remove_input")
                else: continue
        cells.append(c)
    title = meta.get("title") or nb_path.stem
    src_nb = src_dir / Path(page_rel).with_suffix(".ipynb").name
    if page_rel == "README.md" or page_rel == "index.md": src_nb = ROOT / "nbs" / "index.ipynb"
    desc = subtitle(src_nb) if src_nb.exists() else meta.get("description", "")
    links = paper_links(page_rel)
    head = f"# {title}\n\n" + (f"> {latex_to_mathml(desc)}\n" if desc else "") + (f"\n{links}" if links else "")
    nb.cells = [nbformat.v4.new_markdown_cell(head)] + cells
    nb.metadata["language_info"] = {"name": "python"}
    from traitlets.config import Config as TConfig
    tc = TConfig()
    tc.TagRemovePreprocessor.enabled = True
    tc.TagRemovePreprocessor.remove_input_tags = {"remove_input"}
    exp = MarkdownExporter(config=tc)
    page = out_dir / page_rel
    page.parent.mkdir(parents=True, exist_ok=True)
    files_dir = page.stem + "_files"
    body, res = exp.from_notebook_node(nb, resources={"output_files_dir": files_dir})
    for name, data in res.get("outputs", {}).items():
        p = page.parent / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    body = _relink(body, page_rel)
    page.write_text(body)
    if anchors is not None: anchors[str(Path(page_rel).with_suffix(".html"))] = ids
    return dict(title=title, description=desc, figures=len(res.get("outputs", {})))


_API_LINK = re.compile(r"\[(`?)([^\]`]+)\1\]\(((?:\.\./)*)([\w/.-]+\.html)#([\w.-]+)\)")


def resolve_api_links(md: str, page_rel: str, anchors: dict) -> str:
    """Doc links nbdev made to names: kept when the name has its own section; a method without one links to its class's
    section; a private name, or a name no page documents, becomes plain code (never a link to a missing anchor)."""
    here = Path(page_rel).parent
    def fix(m):
        tick, text, up, target, anchor = m.groups()
        page = os.path.normpath(here / up / target)
        ids = anchors.get(page)
        if ids is None: return m.group(0)  # not a notebook page: the crawl test checks it
        if anchor in ids: return m.group(0)
        owner = anchor.rsplit(".", 1)[0]
        if "." in anchor and owner in ids and not anchor.rsplit(".", 1)[1].startswith("_"): return f"[{tick}{text}{tick}]({up}{target}#{owner})"
        return f"{tick}{text}{tick}"
    return _API_LINK.sub(fix, md)


# --------------------------------------------------------------------------- generated pages
def claims_page() -> str:
    sys.path.insert(0, str(ROOT))
    from replab.experiment import claims_table, results_dir
    from replab.registry import list_papers
    papers = list_papers()
    fam_dir = {v: k for k, v in {"10_neural_collapse": "neural_collapse", "20_ssl": "ssl", "25_masked": "masked",
               "30_generative": "generative", "40_recsys": "recsys", "50_text": "text", "60_graphs": "graphs",
               "70_multimodal": "multimodal", "80_clustering": "clustering", "85_robust": "robust", "90_theory": "theory"}.items()}
    link = lambda pid: f"{fam_dir[next(p.family for p in papers if p.id == pid)]}/{pid}.md"
    return claims_table(results_dir(), papers, link=link)


def api_page() -> str:
    "Every public name (no part of its dotted name private) with the page section that documents it."
    sys.path.insert(0, str(ROOT))
    from replab._modidx import d
    lines = ["# API reference", "", "Every public name of the library, with the page that documents it (each section there links its source).", ""]
    for mod, syms in sorted(d["syms"].items()):
        pub = {k: v for k, v in syms.items() if not any(part.startswith("_") for part in k.split("."))}
        if not pub: continue
        lines += [f"## `{mod}`", "", "| name | documented in |", "|---|---|"]
        for name, (doc, _src) in sorted(pub.items()):
            path, _, anchor = doc.replace(DOC_PREFIX, "").partition("#")
            lines.append(f"| `{name}` | [{path.rsplit('/', 1)[-1].replace('.html', '')}]({path}#{anchor.lower()}) |")
        lines.append("")
    return "\n".join(lines)


def _family_index_md(folder: Path, dest: Path):
    md = (folder / "index.md").read_text() if (folder / "index.md").exists() else f"# {FAMILY_NAMES.get(folder.name, folder.name)}\n"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(latex_to_mathml(link_notebooks(md, folder)))


# --------------------------------------------------------------------------- driver
def process_notebooks(force: bool = False) -> Path:
    "nbdev's processing (`force`: every notebook, not only those changed since the last build)."
    from nbdev.serve import proc_nbs
    os.chdir(ROOT)  # replab/_modidx.py is kept current by nbdev_export (the sync check); the build never writes the library
    return Path(proc_nbs(ROOT / "nbs", n_workers=0, force=force))


def make_readme(proc: Path):
    "README.md = the processed landing notebook as Markdown (nbdev's readme without Quarto)."
    tmp = BUILD / "readme"
    info = notebook_to_markdown(proc / "index.ipynb", "README.md", tmp, mathml=False)
    text = (tmp / "README.md").read_text()
    (ROOT / "README.md").write_text("<!-- generated from nbs/index.ipynb by `python docs/build.py --readme`: do not edit -->\n\n" + text)
    return info


def build(readme_only: bool = False, force: bool = False) -> Path:
    proc = process_notebooks(force)
    make_readme(proc)
    if readme_only: return ROOT / "README.md"
    if SRC.exists(): shutil.rmtree(SRC)
    SRC.mkdir(parents=True)
    nav = [{"Home": "index.md"}, {"Claims": "claims.md"}]
    anchors = {}  # page.html -> the anchors of its show_doc sections
    notebooks = sorted(p for p in proc.rglob("*.ipynb") if not p.name.startswith("_"))
    folders = {}
    for nb in notebooks:
        rel = nb.relative_to(proc)
        if rel.name == "index.ipynb" and len(rel.parts) == 1:
            notebook_to_markdown(nb, "index.md", SRC, anchors)
            continue
        info = notebook_to_markdown(nb, str(rel.with_suffix(".md")), SRC, anchors)
        folders.setdefault(rel.parts[0], []).append((info["title"], str(rel.with_suffix(".md"))))
    for folder in sorted({*folders, *[p.name for p in (ROOT / "nbs").iterdir() if p.is_dir() and p.name in FAMILY_NAMES]}):
        items = folders.get(folder, [])
        if folder == "00_core":
            items.sort(key=lambda t: CORE_ORDER.index(Path(t[1]).stem) if Path(t[1]).stem in CORE_ORDER else 99)
            nav.append({"Core": [{t: p} for t, p in items]})
            continue
        _family_index_md(ROOT / "nbs" / folder, SRC / folder / "index.md")
        nav.append({FAMILY_NAMES.get(folder, folder): [{"Overview": f"{folder}/index.md"}] + [{t: p} for t, p in sorted(items)]})
    (SRC / "claims.md").write_text("# Claims\n\nEvery registered claim: where it is checked (the setting), what the CPU run measured "
                                   "(mean ± std over seeds 0, 1, 2), the null control measured beside it, and the verdict at each "
                                   "scale. Each paper's page gives the criterion, the reason for the verdict and every seed's values. "
                                   "All of it comes from `results/<paper>/<scale>.json`; `make repro` regenerates them.\n\n" + claims_page() + "\n")
    (SRC / "api.md").write_text(api_page())
    for md in SRC.rglob("*.md"): md.write_text(resolve_api_links(md.read_text(), str(md.relative_to(SRC)), anchors))
    shutil.copy(DOCS / "gpu.md", SRC / "gpu.md")
    shutil.copytree(DOCS / "assets", SRC / "assets", dirs_exist_ok=True)
    nav += [{"Reproduce on a GPU": "gpu.md"}, {"API reference": "api.md"}]
    cfg = {
        "site_name": "replab", "site_description": "Literate, tested, runnable reproductions of representation-learning papers",
        "docs_dir": str(SRC), "site_dir": str(HTML), "use_directory_urls": False, "strict": False,
        # offline: no web fonts (the system's), the file:// search shim from assets/ instead of unpkg.com
        "theme": {"name": "material", "font": False, "features": ["navigation.sections", "navigation.indexes", "toc.follow", "search.highlight", "content.code.copy"],
                  "palette": {"primary": "indigo"}},
        "plugins": ["search", "offline"],
        "extra": {"polyfills": ["assets/iframe-worker-shim.js"]},
        "extra_css": ["assets/extra.css"],
        "markdown_extensions": ["tables", "admonition", "attr_list", "md_in_html", "toc", "pymdownx.details",
                                {"pymdownx.highlight": {"use_pygments": True}}, "pymdownx.superfences"],
        "nav": nav,
        "validation": {"links": {"not_found": "warn", "anchors": "ignore", "unrecognized_links": "ignore"}},
    }
    (BUILD / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    if HTML.exists(): shutil.rmtree(HTML)
    mk = Path(sys.executable).with_name("mkdocs")
    subprocess.run([str(mk), "build", "-q", "-f", str(BUILD / "mkdocs.yml")], check=True, cwd=ROOT,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    relative_404()
    return HTML


def relative_404():
    "MkDocs writes 404.html with root-absolute links (`/assets/...`): relative ones work from files and under any prefix."
    page = HTML / "404.html"
    html = page.read_text().replace('href="/"', 'href="index.html"').replace('"base": "/"', '"base": "."')
    html = re.sub(r'((?:href|src)="|"search": ")/(?!/)', r"\1", html)
    page.write_text(html)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readme", action="store_true", help="only regenerate README.md")
    ap.add_argument("--force", action="store_true", help="process every notebook, not only those changed since the last build")
    a = ap.parse_args()
    out = build(readme_only=a.readme, force=a.force)
    print(f"built {out}")
