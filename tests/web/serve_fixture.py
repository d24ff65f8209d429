# SPDX-License-Identifier: Apache-2.0
"""What the tests of `pocsim serve` share: a real server on a free loopback
port (it is asked for port 0 and says which it took), torn down afterwards,
a JSON client, and headless Chromium driven by Selenium.

A browser that cannot start skips the test (exit 77, CTest's
SKIP_RETURN_CODE) unless POCSIM_REQUIRE_BROWSER=1 (CI), where it fails."""

import http.client
import json
import os
import re
import select
import subprocess
import sys
import time

try:
    from selenium.webdriver.common.by import By
except ImportError:  # browser() says so and skips, or fails under POCSIM_REQUIRE_BROWSER=1
    By = None

SKIP = 77
START_SECONDS = 15


class Server:
    """`pocsim serve --port 0 ARGS...`, stopped when the `with` block ends."""

    def __init__(self, pocsim, *args):
        self.process = subprocess.Popen(
            [pocsim, "serve", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], START_SECONDS)
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not found:
            self.close()
            raise RuntimeError(f"pocsim serve did not start: {line!r} "
                               f"{self.process.stderr.read()!r}")
        self.port = int(found.group(1))
        self.url = f"http://127.0.0.1:{self.port}/"

    def alive(self):
        return self.process.poll() is None

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def request(self, method, path, body=None, timeout=60):
        """(status, parsed JSON body) of one request."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
            connection.request(method, path, body=data,
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, json.loads(response.read() or b"null")
        finally:
            connection.close()


def browser(width=1280, height=800):
    """Headless Chromium through chromedriver, or exit 77 when it cannot start here."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(30)
        return driver
    except Exception as error:  # no selenium, no chromedriver, no Chromium
        if os.environ.get("POCSIM_REQUIRE_BROWSER") == "1":
            raise
        print(f"SKIP: headless Chromium cannot start here: {error}", file=sys.stderr)
        sys.exit(SKIP)


def wait_for(condition, what, seconds=30):
    """condition()'s first true value, polled; a failure naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
