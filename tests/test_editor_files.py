"""The publish workflow's lean set-up fetches only Decap's package for /admin/, and only as package-lock.json pins it."""

from __future__ import annotations

import io
import json
import os
import tarfile
from pathlib import Path

import pytest

import editor_files
from conftest import ROOT


def _tarball(path: Path, script: bytes) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("package/dist/decap-cms.js")
        info.size = len(script)
        archive.addfile(info, io.BytesIO(script))
    return path


def _hub(tmp_path: Path, tarball: Path, pinned_hash: str, monkeypatch) -> Path:
    """A hub whose lock file pins decap-cms at `pinned_hash`, with an npm that hands out `tarball`."""
    root = tmp_path / "hub"
    root.mkdir()
    lock = {"packages": {"node_modules/decap-cms": {"version": "3.16.3", "integrity": pinned_hash}}}
    (root / "package-lock.json").write_text(json.dumps(lock))
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    npm = bin_folder / "npm"
    # npm pack ... --pack-destination FOLDER decap-cms@3.16.3: copy the tarball there, as npm would.
    npm.write_text(
        f'#!/bin/sh\nwhile [ "$1" != --pack-destination ]; do shift; done\ncp "{tarball}" "$2/decap-cms-3.16.3.tgz"\n'
    )
    npm.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    return root


def test_the_pinned_version_and_hash_come_from_package_lock():
    version, integrity = editor_files.pinned(ROOT / "package-lock.json")
    assert version == json.loads((ROOT / "package.json").read_text())["dependencies"]["decap-cms"]
    assert integrity.startswith("sha512-")


def test_the_package_is_unpacked_where_npm_ci_puts_it_when_its_hash_is_the_pinned_one(tmp_path, monkeypatch):
    tarball = _tarball(tmp_path / "decap.tgz", b"// Decap")
    root = _hub(tmp_path, tarball, editor_files.integrity(tarball), monkeypatch)
    installed = editor_files.install(root)
    assert installed == root / "node_modules" / "decap-cms"
    assert (installed / "dist" / "decap-cms.js").read_bytes() == b"// Decap"


def test_a_package_with_another_hash_is_refused_and_nothing_is_installed(tmp_path, monkeypatch):
    tarball = _tarball(tmp_path / "decap.tgz", b"// Not the pinned Decap")
    root = _hub(tmp_path, tarball, "sha512-" + "A" * 86 + "==", monkeypatch)
    with pytest.raises(SystemExit) as refused:
        editor_files.install(root)
    assert "is not the one package-lock.json pins" in str(refused.value) and "Nothing was installed" in str(
        refused.value
    )
    assert not (root / "node_modules").exists()
