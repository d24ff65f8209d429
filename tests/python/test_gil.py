# SPDX-License-Identifier: Apache-2.0
"""The engine runs without the GIL: another Python thread keeps going during a run and a sweep."""
import threading
import time

import pocsim
from conftest import source


class Ticker:
    """Counts the 10 ms naps another thread manages to take."""

    def __init__(self):
        self.ticks, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._tick)

    def _tick(self):
        while not self._stop.is_set():
            time.sleep(0.01)
            self.ticks += 1

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def test_another_thread_runs_during_a_run():
    scenario = pocsim.load(source("scenarios/mali_2022/baseline.yaml"),
                           set={"scenario.duration_days": 120})
    with Ticker() as ticker:
        started = time.monotonic()
        pocsim.run(scenario, seed=1, threads=1)
        seconds = time.monotonic() - started
        ticks = ticker.ticks
    # Holding the GIL, the run would let the ticker nap once at most; free, it
    # naps through most of the run.
    assert seconds > 0.2, "the run is too short to tell"
    assert ticks >= 0.5 * seconds / 0.01


def test_another_thread_runs_during_a_sweep(tmp_path):
    spec = {"sweep": {"name": "gil", "scenario": str(source("scenarios/teaching/flight_delay.yaml")),
                      "replications": 8},
            "axes": [{"name": "delay", "variants": [{"name": "d0", "set": {"flights.delay_hours": 0}},
                                                    {"name": "d72", "set": {"flights.delay_hours": 72}}]}]}
    with Ticker() as ticker:
        started = time.monotonic()
        pocsim.sweep(spec, jobs=1, progress=False)
        seconds = time.monotonic() - started
        ticks = ticker.ticks
    assert seconds > 0.2, "the sweep is too short to tell"
    assert ticks >= 0.5 * seconds / 0.01
