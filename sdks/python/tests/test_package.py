"""The package: its in-tree build backend, an offline ``pip install`` into a new venv, Python 3.9 syntax."""

from __future__ import annotations

import ast
import base64
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path

import entryrate
from support import ROOT, needs_stack

VERSION = entryrate.__version__
INFO = f"entryrate-{VERSION}.dist-info"


def load_backend():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("entryrate_build", os.path.join(ROOT, "_build", "entryrate_build.py"))
    backend = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(backend)  # type: ignore[union-attr]
    return backend


class BackendTest(unittest.TestCase):
    def setUp(self) -> None:
        self.backend = load_backend()
        self.out = tempfile.mkdtemp(prefix="entryrate-build-")
        self.addCleanup(shutil.rmtree, self.out)

    def test_needs_nothing_to_build(self) -> None:
        self.assertEqual(self.backend.get_requires_for_build_wheel(), [])
        self.assertEqual(self.backend.get_requires_for_build_sdist(), [])
        self.assertEqual(self.backend.get_requires_for_build_editable(), [])

    def test_the_wheel_holds_the_package_and_a_correct_record(self) -> None:
        name = self.backend.build_wheel(self.out)
        self.assertEqual(name, f"entryrate-{VERSION}-py3-none-any.whl")
        with zipfile.ZipFile(os.path.join(self.out, name)) as wheel:
            names = set(wheel.namelist())
            for expected in ("entryrate/__init__.py", "entryrate/py.typed", "entryrate/types.py",
                             "entryrate/resources/events.py", f"{INFO}/METADATA", f"{INFO}/WHEEL", f"{INFO}/RECORD"):
                self.assertIn(expected, names)
            self.assertFalse([n for n in names if "__pycache__" in n or n.endswith(".pyc")])
            metadata = wheel.read(f"{INFO}/METADATA").decode()
            self.assertIn("Name: entryrate\n", metadata)
            self.assertIn(f"Version: {VERSION}\n", metadata)
            self.assertIn("Requires-Python: >=3.9\n", metadata)
            self.assertIn("Root-Is-Purelib: true", wheel.read(f"{INFO}/WHEEL").decode())
            rows = [line.split(",") for line in wheel.read(f"{INFO}/RECORD").decode().splitlines()]
            self.assertEqual({row[0] for row in rows}, names)
            for path, digest, size in rows:
                if path == f"{INFO}/RECORD":
                    self.assertEqual((digest, size), ("", ""))
                    continue
                data = wheel.read(path)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                self.assertEqual(digest, f"sha256={expected}", path)
                self.assertEqual(int(size), len(data), path)

    def test_builds_are_reproducible(self) -> None:
        first = Path(self.out, self.backend.build_wheel(self.out)).read_bytes()
        again = tempfile.mkdtemp(prefix="entryrate-build-")
        self.addCleanup(shutil.rmtree, again)
        self.assertEqual(Path(again, self.backend.build_wheel(again)).read_bytes(), first)

    def test_the_sdist_can_build_again(self) -> None:
        name = self.backend.build_sdist(self.out)
        self.assertEqual(name, f"entryrate-{VERSION}.tar.gz")
        with tarfile.open(os.path.join(self.out, name)) as sdist:
            names = set(sdist.getnames())
        base = f"entryrate-{VERSION}"
        for expected in ("pyproject.toml", "PKG-INFO", "_build/entryrate_build.py", "entryrate/__init__.py"):
            self.assertIn(f"{base}/{expected}", names)

    def test_the_editable_wheel_points_at_the_source(self) -> None:
        name = self.backend.build_editable(self.out)
        with zipfile.ZipFile(os.path.join(self.out, name)) as wheel:
            self.assertEqual(wheel.read("_entryrate_editable.pth").decode().strip(), ROOT)
            self.assertIn(f"{INFO}/RECORD", wheel.namelist())


class PipInstallTest(unittest.TestCase):
    """``pip install --no-index sdks/python`` into a new venv, and the package used from there."""

    venv: str

    @classmethod
    def setUpClass(cls) -> None:
        cls.venv = tempfile.mkdtemp(prefix="entryrate-venv-")
        subprocess.run([sys.executable, "-m", "venv", cls.venv], check=True, capture_output=True)
        env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
        install = subprocess.run(
            [cls.python("pip"), "install", "--no-index", ROOT], capture_output=True, text=True, env=env
        )
        if install.returncode != 0:
            shutil.rmtree(cls.venv)
            raise AssertionError(f"pip install failed:\n{install.stdout}\n{install.stderr}")

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.venv, ignore_errors=True)

    @classmethod
    def python(cls, name: str = "python") -> str:
        return os.path.join(cls.venv, "bin", name)

    def run_in_venv(self, script: str) -> dict:
        # Outside the source tree and without PYTHONPATH, so that only the installed copy can be imported.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        done = subprocess.run([self.python(), "-c", script], capture_output=True, text=True, env=env, cwd=self.venv)
        self.assertEqual(done.returncode, 0, done.stderr)
        return json.loads(done.stdout)

    def test_the_installed_package_is_imported_from_the_venv(self) -> None:
        found = self.run_in_venv(
            "import json, entryrate, entryrate.webhooks, entryrate.types\n"
            "print(json.dumps({'file': entryrate.__file__, 'version': entryrate.__version__}))"
        )
        self.assertTrue(found["file"].startswith(self.venv), found)
        self.assertEqual(found["version"], VERSION)

    @needs_stack
    def test_the_installed_package_calls_the_api(self) -> None:
        found = self.run_in_venv(
            "import json, os, entryrate\n"
            "page = entryrate.EntryRate(os.environ['ER_KEY']).venues.list(limit=1)\n"
            "print(json.dumps({'status': page.last_response.status, 'pagination': page.pagination}))"
        )
        self.assertEqual(found["status"], 200)
        self.assertEqual(found["pagination"]["limit"], 1)


class CompatibilityTest(unittest.TestCase):
    def test_every_module_parses_as_python_3_9(self) -> None:
        sources = sorted(Path(ROOT, "entryrate").rglob("*.py")) + [Path(ROOT, "_build", "entryrate_build.py")]
        for source in sources:
            tree = ast.parse(source.read_text(encoding="utf-8"), str(source), feature_version=(3, 9))
            future = any(
                isinstance(node, ast.ImportFrom) and node.module == "__future__" for node in tree.body
            )
            annotated = any(
                isinstance(node, ast.AnnAssign) or (isinstance(node, ast.FunctionDef) and node.returns is not None)
                for node in ast.walk(tree)
            )
            # Annotations stay unevaluated strings: 3.9 never evaluates a newer typing spelling.
            self.assertTrue(future or not annotated, f"{source}: from __future__ import annotations")


if __name__ == "__main__":
    unittest.main()
