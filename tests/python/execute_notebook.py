# SPDX-License-Identifier: Apache-2.0
"""Executes a notebook headless from its own folder, as Jupyter would, and fails on the first
cell that raises (CTest's python.notebook_* tests). The kernel is this interpreter, Debian's
/usr/bin/python3 with the module on PYTHONPATH, whatever kernels the user has installed."""
import json
import os
import sys
import tempfile
from pathlib import Path

import nbclient
import nbformat


def main(path: str) -> int:
    notebook_path = Path(path).resolve()
    notebook = nbformat.read(notebook_path, as_version=4)
    # The kernel starts in the notebook's folder: relative module folders would be lost there.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)
    with tempfile.TemporaryDirectory(prefix="pocsim-kernel-") as kernels:
        spec = Path(kernels) / "kernels" / "pocsim-test"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "pocsim test", "language": "python"}))
        os.environ["JUPYTER_PATH"] = kernels  # searched before every other kernel folder
        client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="pocsim-test",
                                         resources={"metadata": {"path": str(notebook_path.parent)}})
        client.execute()
    print(f"{notebook_path.name}: {len(notebook.cells)} cells ran")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
