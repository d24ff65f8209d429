#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""No lever list is kept in the page or the server: a scenario that writes
one more key gets one more control. The test serves a copy of a teaching
scenario with a key added (`--scenarios` points the server at the copy) and
finds that key's control on the page, type and value as written, where the
shipped scenario has none; a key named only by a `# try:` line becomes a
lever too; and a run with the new lever moved is the run of that setting.

    tests/web/levers_test.py --pocsim build/cli/pocsim --out build/tests/web
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_fixture import By, Server, browser, wait_for  # noqa: E402

SOURCE = Path(__file__).resolve().parents[2]
SCENARIO = "teaching/flight_delay"
ADDED = "ied.per_km"  # in a section the file does not write
SUGGESTED = "investigations.share"  # named only by a try: line added to the copy


def controls(driver, url):
    driver.get(f"{url}?scenario={SCENARIO}")
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "input[data-key]"), "the levers")
    return {e.get_attribute("data-key"): e for e in
            driver.find_elements(By.CSS_SELECTOR, "input[data-key]")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pocsim", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    original = (SOURCE / "scenarios" / f"{SCENARIO}.yaml").read_text(encoding="utf-8")
    assert f"\n{ADDED.split('.')[0]}:" not in original and SUGGESTED not in original

    driver = browser(1280, 800)
    try:
        with Server(args.pocsim) as server:
            shipped = controls(driver, server.url)
        assert ADDED not in shipped and SUGGESTED not in shipped, sorted(shipped)

        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "data").symlink_to(SOURCE / "scenarios" / "data")
            (root / "teaching").mkdir()
            (root / f"{SCENARIO}.yaml").write_text(
                original.replace("scenario:\n", f"# try: --set {SUGGESTED}=2  expect: x up\n"
                                 "scenario:\n", 1) + "\nied:\n  per_km: 0.002\n",
                encoding="utf-8")
            with Server(args.pocsim, "--scenarios", str(root)) as server:
                found = controls(driver, server.url)
                assert set(found) == set(shipped) | {ADDED, SUGGESTED}, sorted(found)
                assert found[ADDED].get_attribute("type") == "number"
                assert float(found[ADDED].get_attribute("value")) == 0.002
                driver.save_screenshot(str(out / "added_lever.png"))

                status, levers = server.request("GET", f"/api/scenario?name={SCENARIO}")
                added = next(l for l in levers["levers"] if l["key"] == ADDED)
                assert added["type"] == "number" and added["doc"], added
                assert next(l for l in levers["levers"] if l["key"] == SUGGESTED)["suggested"]
                # The copy's runs are runs of the copy: its IEDs strike, and none without them.
                status, run = server.request("POST", "/api/run", {"scenario": SCENARIO})
                assert status == 200, run
                status, none = server.request("POST", "/api/run",
                                              {"scenario": SCENARIO, "set": {ADDED: 0}})
                assert status == 200
                explosions = [e for e in run["events"] if e[1] == "explosion"]
                assert explosions and not [e for e in none["events"] if e[1] == "explosion"]
                # Only the copy is served: the shipped scenarios are not reachable through it.
                status, other = server.request("POST", "/api/run", {"scenario": "mali_2022/baseline"})
                assert status == 400 and "no shipped scenario" in other["error"], other
    finally:
        driver.quit()
    print("levers_test: passed")


if __name__ == "__main__":
    main()
