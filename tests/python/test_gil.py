# SPDX-License-Identifier: Apache-2.0
"""The engine runs without the GIL: other Python threads go on while a run or a sweep is under
way. No Python code runs in the calling thread meanwhile (no progress callable), so a module
that kept the GIL would stop every other thread until it returned."""
import threading
import time

import pocsim
from conftest import source


class Napper:
    """Another thread, counting its 1 ms naps."""

    def __init__(self):
        self.naps, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._nap)

    def _nap(self):
        while not self._stop.is_set():
            time.sleep(0.001)
            self.naps += 1

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def test_another_thread_goes_on_during_a_run():
    scenario = pocsim.load(source("scenarios/mali_2022/baseline.yaml"))
    with Napper() as napper:
        before = napper.naps
        pocsim.run(scenario, seed=1, threads=1)
        during = napper.naps - before
    # Free, the napper naps hundreds of times during a year's run; were the run to keep
    # the GIL, it could nap once or twice at most, as the run starts and returns.
    assert during >= 10, during


def test_another_thread_sees_a_sweep_between_its_first_and_last_run(tmp_path):
    spec = {"sweep": {"name": "gil", "scenario": str(source("scenarios/teaching/flight_delay.yaml")),
                      "replications": 8},
            "axes": [{"name": "delay", "variants": [{"name": "d0", "set": {"flights.delay_hours": 0}},
                                                    {"name": "d72", "set": {"flights.delay_hours": 72}}]}]}
    journal = tmp_path / "runs.journal"
    counts, done = set(), threading.Event()

    def watch():
        while not done.is_set():
            if journal.exists():
                counts.add(len(journal.read_text().splitlines()))
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        pocsim.sweep(spec, out=tmp_path, jobs=1, progress=False)
    finally:
        done.set()
        watcher.join()
    # Holding the GIL, the sweep would let the watcher look only before its first run and
    # after its last (16 runs, one line each in the journal).
    assert counts & set(range(1, 16)), f"the watcher saw only {sorted(counts)}"
