"""Take the README's screenshot of ``factlint serve``: docs/serve.png.

Starts ``factlint serve --port 0`` (the default KB), opens the page in
Debian's headless Chromium through Selenium and Debian's ChromeDriver,
types a draft of our own, opens the finding on its misspelling (with its
one-click fix) and saves the window. Needs ``apt-get install chromium
chromium-driver`` and the test extras (selenium)::

    python scripts/serve_screenshot.py [-o docs/serve.png]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1360,860")

DRAFT = """---
title: Seoul weighs a reply to the new pact
date: 2024-06-21
---

# Seoul weighs a reply to the new pact

Asked about the treaty, US President Joe Blinken said that
Washington would study it closely.

South Korean President Yoon Suk Yeol convened his security council
on Friday. Later, Kim Jong Un praised the deal; aides said Kim
Jong-un would visit Moscow before the end of the year.

Secretary of State Anthony Blinken is due in Seoul next week.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "serve.png")
    args = parser.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "factlint", "serve", "--port", "0"],
                              stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        line = server.stderr.readline()
        if "serving http://" not in line:
            raise SystemExit(f"factlint serve did not start: {line}{server.stderr.read()}")
        url = line.split("serving ", 1)[1].split()[0]
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in FLAGS:
            options.add_argument(flag)
        with tempfile.TemporaryDirectory() as profile:
            options.add_argument(f"--user-data-dir={profile}")
            driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
            try:
                wait = WebDriverWait(driver, 60)
                driver.get(url)
                driver.find_element(By.ID, "draft").send_keys(DRAFT)
                wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, 'mark[data-code~="FL103"]')))
                driver.find_element(By.CSS_SELECTOR, 'mark[data-code~="FL201"]').click()
                wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#card button.apply")))
                args.out.parent.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(args.out))
            finally:
                driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
