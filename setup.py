"""Package metadata read from settings.ini (nbdev 2); no pkg_resources (absent from current setuptools)."""
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read("settings.ini", encoding="utf-8")
cfg = cfg["DEFAULT"]


def reqs(key):
    return cfg.get(key, "").split()


licenses = {"apache2": ("Apache Software License 2.0", "OSI Approved :: Apache Software License")}
lic = licenses[cfg["license"]]
setuptools.setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    long_description=open("README.md", encoding="utf-8").read() if __import__("os").path.exists("README.md") else "",
    long_description_content_type="text/markdown",
    author=cfg["author"],
    author_email=cfg["author_email"],
    url=cfg["git_url"],
    license=lic[0],
    keywords=cfg["keywords"].split(),
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Intended Audience :: Science/Research",
        "Programming Language :: Python :: 3",
        "License :: " + lic[1],
    ],
    packages=setuptools.find_packages(include=["replab", "replab.*"]),
    include_package_data=True,
    python_requires=">=" + cfg["min_python"],
    install_requires=reqs("requirements"),
    extras_require={"dev": reqs("dev_requirements"), "data": reqs("data_requirements")},
    entry_points={
        "console_scripts": cfg["console_scripts"].split(),
        "nbdev": [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"],
    },
    zip_safe=False,
)
