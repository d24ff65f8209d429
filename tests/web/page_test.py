#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The explorer's page in a real browser (headless Chromium) against a real
`pocsim serve`: it loads with the levers of a teaching scenario, runs it,
shows other numbers and another map when a lever moves (the numbers the API
gives for those settings), steps through the days, compares two settings on
one seed with their difference, rejects a bad value with the message
`pocsim run --set` prints for it, and fits a phone-sized window.
Screenshots go to OUT_DIR for a human to look at.

    tests/web/page_test.py --pocsim build/cli/pocsim --out build/tests/web
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_fixture import By, Server, browser, wait_for  # noqa: E402

SCENARIO = "teaching/flight_delay"
LEVER = "flights.delay_hours"
DEATHS = "civilian_deaths.total"


def lever_field(driver, key):
    return driver.find_element(By.CSS_SELECTOR, f'input[data-key="{key}"]')


def set_lever(driver, key, text):
    field = lever_field(driver, key)
    field.clear()
    field.send_keys(text)


def press(driver, button):
    driver.find_element(By.ID, button).click()
    return wait_for(lambda: driver.find_element(By.ID, "status").text.startswith(("done", "refused"))
                    and driver.find_element(By.ID, "status").text, f"the {button} to finish")


def headline(driver, figure, outcome):
    text = driver.find_element(By.CSS_SELECTOR, f'#{figure} dd[data-outcome="{outcome}"]').text
    return int(text.replace(",", ""))


def map_pixels(driver, figure="run-a"):
    return driver.execute_script(
        f"return document.querySelector('#{figure} canvas').toDataURL();")


def api_deaths(server, delay):
    status, run = server.request("POST", "/api/run", {
        "scenario": SCENARIO, "seed": 1, "set": {LEVER: delay}})
    assert status == 200, run
    return run["summary"]["civilian_deaths"]["total"]


def cli_message(pocsim, sets):
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [pocsim, "run", SCENARIO, "--out", out, "--quiet"] +
            [a for s in sets for a in ("--set", s)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result
    return result.stderr.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pocsim", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    driver = browser(1280, 800)
    try:
        with Server(args.pocsim) as server:
            driver.get(f"{server.url}?scenario={SCENARIO}")
            wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, f'input[data-key="{LEVER}"]'),
                     "the levers")
            assert lever_field(driver, LEVER).get_attribute("value") == "24.0"
            blank = map_pixels(driver)

            press(driver, "run")
            as_written = headline(driver, "run-a", DEATHS)
            assert as_written == api_deaths(server, 24), "the page shows the run's own numbers"
            after_run = map_pixels(driver)
            assert after_run != blank, "a run draws violence, peacekeepers and deaths on the map"
            driver.save_screenshot(str(out / "run.png"))

            set_lever(driver, LEVER, "0")
            press(driver, "run")
            no_delay = headline(driver, "run-a", DEATHS)
            assert no_delay == api_deaths(server, 0)
            assert no_delay != as_written, "moving the lever changes the outcome"
            assert map_pixels(driver) != after_run, "and the map"

            driver.find_element(By.ID, "day").send_keys("\ue011")  # Home: the first day
            assert "(day 1/60)" in driver.find_element(By.ID, "date").text
            first_day = map_pixels(driver)
            driver.find_element(By.ID, "step").click()
            assert "(day 2/60)" in driver.find_element(By.ID, "date").text
            assert map_pixels(driver) != first_day, "each day has its own frame"

            set_lever(driver, LEVER, "24")
            driver.find_element(By.ID, "keep").click()
            set_lever(driver, LEVER, "168")
            press(driver, "compare")
            assert driver.find_element(By.ID, "run-b").is_displayed()
            a, b = headline(driver, "run-a", DEATHS), headline(driver, "run-b", DEATHS)
            assert a == as_written and b == api_deaths(server, 168), (a, b)
            row = driver.find_element(By.CSS_SELECTOR, f'#difference tr[data-outcome="{DEATHS}"]')
            difference = int(row.find_element(By.CLASS_NAME, "diff").text.replace(",", ""))
            assert difference == b - a, (difference, a, b)
            driver.save_screenshot(str(out / "compare.png"))

            set_lever(driver, LEVER, "-5")
            assert press(driver, "run") == "refused"
            error = driver.find_element(By.ID, "error")
            assert error.is_displayed()
            assert error.text == cli_message(args.pocsim, [f"{LEVER}=-5"]), error.text
            driver.save_screenshot(str(out / "refused.png"))

            driver.set_window_size(390, 844)
            set_lever(driver, LEVER, "72")
            press(driver, "run")
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth;")
            assert overflow <= 1, f"the page is {overflow} px wider than a phone's window"
            driver.save_screenshot(str(out / "phone.png"))
            assert server.alive()
    finally:
        driver.quit()
    print(f"page_test: passed; screenshots in {out}")


if __name__ == "__main__":
    main()
