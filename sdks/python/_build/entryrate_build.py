"""A PEP 517 / PEP 660 build backend with no requirements, so that ``pip install`` works offline.

pip's build isolation would fetch setuptools from an index; this backend is the standard library
alone. It builds the pure-Python wheel (``entryrate/`` and its ``.dist-info``), the sdist, and an
editable wheel that points a ``.pth`` file at this folder.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "entryrate"
TAG = "py3-none-any"
SDIST_FILES = ("pyproject.toml", "README.md", "_build/entryrate_build.py")
# Archive entries need a date: SOURCE_DATE_EPOCH, as packagers expect, else 1980-01-01 (the
# earliest a zip holds), so that the same source always builds the same bytes.
_EPOCH = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), 315532800)
_ZIP_TIME = time.gmtime(_EPOCH)[:6]


def _project() -> Dict[str, str]:
    """The flat string fields of pyproject's ``[project]`` table (no tomllib before Python 3.11)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    table = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    fields = dict(re.findall(r'^([\w-]+)\s*=\s*"([^"]*)"\s*$', table.group(1) if table else "", re.M))
    version = re.search(r'^__version__ = "([^"]+)"', (ROOT / PACKAGE / "_version.py").read_text(), re.M)
    if not version:
        raise RuntimeError("entryrate/_version.py names no __version__")
    fields["version"] = version.group(1)
    return fields


def _metadata(project: Dict[str, str]) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8") if (ROOT / "README.md").exists() else ""
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '>=3.9')}",
        f"License: {project.get('license', 'MIT')}",
        "Classifier: Programming Language :: Python :: 3",
        "Classifier: Typing :: Typed",
        "Description-Content-Type: text/markdown",
    ]
    return "\n".join(lines) + "\n\n" + readme


def _dist_info(project: Dict[str, str]) -> str:
    return f"{project['name']}-{project['version']}.dist-info"


def _package_files() -> List[Tuple[str, bytes]]:
    found = []
    for path in sorted((ROOT / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            found.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    return found


def _write_wheel(directory: str, files: List[Tuple[str, bytes]]) -> str:
    """Writes ``files`` and the dist-info (METADATA, WHEEL, RECORD with sha256 of each) into a wheel."""
    project = _project()
    info = _dist_info(project)
    wheel = f"Wheel-Version: 1.0\nGenerator: entryrate_build\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    entries = files + [
        (f"{info}/METADATA", _metadata(project).encode("utf-8")),
        (f"{info}/WHEEL", wheel.encode("utf-8")),
    ]
    record = io.StringIO()
    for name, data in entries:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.write(f"{name},sha256={digest},{len(data)}\n")
    record.write(f"{info}/RECORD,,\n")
    entries.append((f"{info}/RECORD", record.getvalue().encode("utf-8")))

    filename = f"{project['name']}-{project['version']}-{TAG}.whl"
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return filename


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[dict] = None) -> List[str]:
    return []


def build_wheel(
    wheel_directory: str, config_settings: Optional[dict] = None, metadata_directory: Optional[str] = None
) -> str:
    return _write_wheel(wheel_directory, _package_files())


def build_editable(
    wheel_directory: str, config_settings: Optional[dict] = None, metadata_directory: Optional[str] = None
) -> str:
    """A wheel whose only file is a ``.pth`` putting this folder on ``sys.path``: edits apply at once."""
    return _write_wheel(wheel_directory, [(f"_{PACKAGE}_editable.pth", f"{ROOT}\n".encode("utf-8"))])


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    project = _project()
    base = f"{project['name']}-{project['version']}"
    members = [(name, (ROOT / name).read_bytes()) for name in SDIST_FILES if (ROOT / name).exists()]
    members += _package_files() + [("PKG-INFO", _metadata(project).encode("utf-8"))]
    filename = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members:
            entry = tarfile.TarInfo(f"{base}/{name}")
            entry.size, entry.mtime, entry.mode = len(data), _EPOCH, 0o644
            archive.addfile(entry, io.BytesIO(data))
    return filename
