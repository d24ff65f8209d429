#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""`pocsim serve` under load and bad input: 200 requests from 8 clients at
once on the loopback address, a mix of valid runs and pages, malformed
JSON, huge overrides, path tricks, raw garbage and slow clients. The server
must keep answering and never crash, and every malformed request must get a
4xx with a message (a JSON body with a non-empty "error"); a valid run may
only be answered 200 or, when the queue is full, 503 with a message.

    tests/web/load_test.py --pocsim build/cli/pocsim
"""

import argparse
import json
import random
import socket
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_fixture import Server  # noqa: E402

CLIENTS = 8
REQUESTS = 200
SHORT_RUN = {"scenario": "teaching/flight_delay", "set": {"scenario.duration_days": 10}}


def raw(port, data, pause=0.0):
    """Sends `data` over a socket (in two halves `pause` seconds apart: a slow
    client), and returns (status, body) of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        half = len(data) // 2
        s.sendall(data[:half])
        time.sleep(pause)
        s.sendall(data[half:])
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def post(path, body):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n").encode() + data


def get(path):
    return f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()


# (name, request bytes, what may come back: "ok" 200, "run" 200 or 503, "bad" 4xx)
CASES = [
    ("run", post("/api/run", SHORT_RUN), "run"),
    ("run with a seed", post("/api/run", dict(SHORT_RUN, seed=7)), "run"),
    ("scenarios", get("/api/scenarios"), "ok"),
    ("page", get("/"), "page"),
    ("malformed JSON", post("/api/run", b'{"scenario": "teaching/flight_delay", '), "bad"),
    ("not an object", post("/api/run", b'["teaching/flight_delay"]'), "bad"),
    ("not JSON at all", post("/api/run", b"\xff\xfe garbage \x00"), "bad"),
    ("no scenario", post("/api/run", {"set": {}}), "bad"),
    ("unknown field", post("/api/run", dict(SHORT_RUN, file="/etc/passwd")), "bad"),
    ("seed not a number", post("/api/run", dict(SHORT_RUN, seed="x")), "bad"),
    ("negative seed", post("/api/run", dict(SHORT_RUN, seed=-1)), "bad"),
    ("bad value", post("/api/run", {"scenario": "teaching/flight_delay",
                                    "set": {"flights.delay_hours": "soon"}}), "bad"),
    ("unknown key", post("/api/run", {"scenario": "teaching/flight_delay",
                                      "set": {"flights.nope": 1}}), "bad"),
    ("nested value", post("/api/run", {"scenario": "teaching/flight_delay",
                                       "set": {"flights.delay_hours": {"a": [1]}}}), "bad"),
    ("many overrides", post("/api/run", {"scenario": "teaching/flight_delay",
                                         "set": {f"k{i}": i for i in range(500)}}), "bad"),
    ("huge overrides", post("/api/run", {"scenario": "teaching/flight_delay",
                                         "set": {f"key{i}": "v" * 50 for i in range(5000)}}),
     "bad"),
    ("huge value", post("/api/run", {"scenario": "teaching/flight_delay",
                                     "set": {"scenario.name": "x" * 20000}}), "bad"),
    ("too many agents", post("/api/run", {"scenario": "teaching/flight_delay",
                                          "set": {"civilians.people_per_agent": 1}}), "bad"),
    ("too long", post("/api/run", {"scenario": "teaching/flight_delay",
                                   "set": {"scenario.duration_days": 3000}}), "bad"),
    ("path as scenario", post("/api/run", {"scenario": "../../etc/passwd"}), "bad"),
    ("absolute path", post("/api/run", {"scenario": "/etc/passwd"}), "bad"),
    ("path inside a name", post("/api/run", {"scenario": "teaching/../../../etc/passwd"}), "bad"),
    ("data file as scenario", post("/api/run", {"scenario": "data/mali_places"}), "bad"),
    ("path in a data key", post("/api/run", {"scenario": "teaching/flight_delay",
                                             "set": {"world.places": "/etc/passwd"}}), "bad"),
    ("path in a section", post("/api/run", {"scenario": "teaching/flight_delay",
                                            "set": {"world": "{outline: /etc/passwd}"}}), "bad"),
    ("path in the scenario query", get("/api/scenario?name=../../etc/passwd"), "bad"),
    ("path in the URL", get("/../../etc/passwd"), "bad"),
    ("encoded path in the URL", get("/%2e%2e/%2e%2e/etc/passwd"), "bad"),
    ("no such page", get("/api/nothing"), "bad"),
    ("garbage request line", b"\x16\x03\x01\x02\x00 nonsense\r\n\r\n", "bad"),
    ("wrong method", b"DELETE /api/run HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "bad"),
]


def check(name, kind, status, body):
    if kind == "page":
        return status == 200 and b"<html" in body
    try:
        answer = json.loads(body)
    except ValueError:
        return False
    if kind == "ok":
        return status == 200
    if kind == "run":
        return status == 200 and "summary" in answer or \
            status == 503 and bool(answer.get("error"))
    return 400 <= status < 500 and isinstance(answer, dict) and bool(answer.get("error"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pocsim", required=True)
    args = parser.parse_args()
    failures, counts = [], {}
    lock = threading.Lock()
    rng = random.Random(14)
    plan = [rng.choice(CASES) for _ in range(REQUESTS)]
    slow = set(rng.sample(range(REQUESTS), 16))  # these arrive in two halves, 0.3 s apart

    with Server(args.pocsim) as server:
        def client(k):
            for i in range(k, REQUESTS, CLIENTS):
                name, data, kind = plan[i]
                try:
                    status, body = raw(server.port, data, 0.3 if i in slow else 0.0)
                    ok = check(name, kind, status, body)
                except OSError as error:
                    status, body, ok = None, str(error).encode(), False
                with lock:
                    counts[status] = counts.get(status, 0) + 1
                    if not ok:
                        failures.append(f"{name}: {status} {body[:200]!r}")

        # A client that sends half a request and stalls must not hold up the others.
        stalled = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        stalled.sendall(b"POST /api/run HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")
        threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        stalled.close()
        assert not any(t.is_alive() for t in threads), "a client still waits after 120 s"
        assert server.alive(), "the server died"
        status, answer = server.request("GET", "/api/scenarios")
        assert status == 200 and answer["scenarios"], "the server still answers"
    print(f"load_test: {REQUESTS} requests, statuses {dict(sorted(counts.items(), key=str))}")
    for failure in failures:
        print("FAILED:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
