# SPDX-License-Identifier: Apache-2.0
"""Epstein's civil-violence model against Mesa: the ratio of agent-steps per
second that bench/compare_mesa/compare.py measures side by side, with Mesa's
model defaults. Only with --mesa DIR, a Mesa 3.3.1 checkout
(docs/performance.md, "Validation against Mesa 3.3.1"): Mesa is never
copied into the repository, so the ratio is recorded where a checkout is at
hand and is missing from the other results."""
import re
import subprocess
import tempfile
from pathlib import Path

_RATIO = re.compile(r"^(\w+) set: pocsim .*= (\d+) agent-steps/s; Mesa [\d.]+ (\d+) agent-steps/s; "
                    r"ratio pocsim / Mesa: (\d+)x", re.MULTILINE)


def measure_ratio(source, pocsim, mesa_dir, seeds=5, log=print):
    """{"model": {"ratio", "pocsim", "mesa" (agent-steps per second), "seeds"}}
    or None where the commit has no compare script or it fails."""
    script = Path(source) / "bench" / "compare_mesa" / "compare.py"
    if not script.exists():
        log("bench-track: no bench/compare_mesa/compare.py at this commit; no Mesa ratio")
        return None
    with tempfile.TemporaryDirectory(prefix="bench-track-") as references:
        # --reference-dir: the script also writes Mesa's statistics, which
        # must not land in the source tree measured
        done = subprocess.run(["/usr/bin/python3", str(script), "--pocsim", str(pocsim),
                               "--seeds", str(seeds), "--sets", "model",
                               "--reference-dir", references],
                              env={"MESA_SRC": str(mesa_dir), "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True)
    found = {m.group(1): {"ratio": int(m.group(4)), "pocsim": int(m.group(2)),
                          "mesa": int(m.group(3)), "seeds": seeds}
             for m in _RATIO.finditer(done.stdout)}
    if done.returncode != 0 or not found:
        log("bench-track: the Mesa comparison failed: "
            + " ".join((done.stderr or done.stdout).strip().splitlines()[-2:]))
        return None
    log(f"bench-track: Epstein vs Mesa: {found['model']['ratio']}x")
    return found
