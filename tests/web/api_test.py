#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The explorer's JSON API against a real `pocsim serve`: a run gives the
summary `pocsim run` writes for the same scenario, seed and overrides (here
with one thread against the server's several); a bad value or an unknown key
is refused (HTTP 400) with the message `pocsim run --set` prints; a run longer
than --max-days is refused; a run while the queue is full gets HTTP 503,
and the server runs again once it has room.

    tests/web/api_test.py --pocsim build/cli/pocsim
"""

import argparse
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_fixture import Server  # noqa: E402

SCENARIO = "teaching/flight_delay"


def cli_run(pocsim, seed, sets):
    """(exit status, summary.json or None, stderr) of `pocsim run`."""
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [pocsim, "run", SCENARIO, "--out", out, "--quiet", "--threads", "1",
             "--seed", str(seed)] + [a for k, v in sets.items() for a in ("--set", f"{k}={v}")],
            capture_output=True, text=True, timeout=120)
        summary = Path(out, "summary.json")
        return (result.returncode,
                json.loads(summary.read_text()) if summary.exists() else None,
                result.stderr.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pocsim", required=True)
    args = parser.parse_args()

    with Server(args.pocsim, "--max-days", "60", "--queue", "0") as server:
        sets = {"flights.delay_hours": 72, "flights.refusal_probability": 0.2}
        status, run = server.request("POST", "/api/run",
                                     {"scenario": SCENARIO, "seed": 3, "set": sets})
        assert status == 200, run
        code, summary, _ = cli_run(args.pocsim, 3, sets)
        assert code == 0 and run["summary"] == summary, "the server's run is pocsim run's"
        assert len(run["responder_positions"]) == run["days"] == 60
        assert sum(map(sum, run["regions"]["civilian_deaths"])) == \
            summary["civilian_deaths"]["total"], "the daily frames add up to the summary"

        for bad in ({"flights.delay_hours": -5}, {"flights.dleay_hours": 5},
                    {"factions.JNIM.units": "many"}):
            status, answer = server.request("POST", "/api/run", {"scenario": SCENARIO, "set": bad})
            code, _, message = cli_run(args.pocsim, 1, bad)
            assert status == 400 and code == 2, (status, code)
            assert answer["error"] == message, (answer["error"], message)

        status, answer = server.request("POST", "/api/run", {
            "scenario": SCENARIO, "set": {"scenario.duration_days": 61}})
        assert status == 400 and "scenario.duration_days" in answer["error"], answer

        # --queue 0: while one run goes on, no other may wait. Four runs asked
        # for at once: one runs, and those that come while it runs are refused.
        answers = []
        start = threading.Barrier(4)

        def ask():
            start.wait()
            answers.append(server.request("POST", "/api/run", {
                "scenario": "mali_2022/baseline", "set": {"scenario.duration_days": 60}}))

        workers = [threading.Thread(target=ask) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        statuses = sorted(status for status, _ in answers)
        assert 200 in statuses and 503 in statuses and set(statuses) <= {200, 503}, statuses
        assert all("busy" in a["error"] for status, a in answers if status == 503)
        status, _ = server.request("POST", "/api/run", {"scenario": SCENARIO})
        assert status == 200 and server.alive()
    print("api_test: passed")


if __name__ == "__main__":
    main()
