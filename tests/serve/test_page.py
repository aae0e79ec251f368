"""The page of ``factlint serve`` in a real headless browser.

``factlint serve --port 0`` runs as a subprocess (the real command, the
default KB loaded once); Debian's Chromium, driven by Selenium through
Debian's ChromeDriver, loads the page, gets the seed draft typed in, and
an editor's steps are checked: the FL103 span is marked as an error and
its message shown on click (with no fix: an editor's call), the date
field holds the draft's own date, "Apply fix" on the misspelling (a safe
fix) changes the draft; then a pasted draft with an emoji before the
findings and a name wrapped over two lines is marked and fixed in the
right place, and Ctrl-Z takes the fix back.
Skipped, saying why, only where Chromium or ChromeDriver is not installed
(``.ci/run`` installs both).
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 60  # seconds an awaited state may take at most: a bound so nothing hangs, not a timing test
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900")

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path, prefix='chromium-')}")
    # The driver is named, so Selenium Manager never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_an_editor_checks_a_draft_and_applies_a_fix(serve_process: Callable[..., Any], browser: object,
                                                     seed: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    server = serve_process()  # the default KB, as an editor runs it
    driver: WebDriver = browser  # type: ignore[assignment]
    wait = WebDriverWait(driver, WAIT)
    driver.get(server.url)
    assert driver.title == "factlint: check a draft"
    draft = driver.find_element(By.ID, "draft")
    draft.send_keys(seed)

    # The slip is marked in place, as an error, and its message shows on click.
    mark = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, 'mark[data-code~="FL103"]')))
    assert mark.text == "Joe Blinken"
    assert "error" in mark.get_attribute("class").split()
    assert "mixes Joe Biden and Antony Blinken" in mark.get_attribute("title")
    mark.click()
    card = wait.until(ec.visibility_of_element_located((By.ID, "card")))
    assert "FL103" in card.text and '"Joe Blinken" mixes Joe Biden and Antony Blinken' in card.text
    assert "Suggestion: Joe Biden" in card.text
    assert card.find_elements(By.CSS_SELECTOR, "button.apply") == []  # an editor's call, never a fix
    assert "editor's call" in card.text
    driver.save_screenshot(str(tmp_path / "finding.png"))  # kept by pytest's tmp_path, to look at
    card.find_element(By.CSS_SELECTOR, "button.close").click()
    wait.until(ec.invisibility_of_element_located((By.ID, "card")))

    # The date field holds the draft's own date (its front matter).
    assert driver.find_element(By.ID, "date").get_attribute("value") == "2024-06-21"
    assert driver.find_element(By.ID, "date-note").text == "the draft's own date"

    # A safe fix, in one click: the misspelling is corrected in the draft.
    driver.find_element(By.CSS_SELECTOR, 'mark[data-code~="FL201"]').click()
    apply = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#card button.apply")))
    assert apply.text == "Apply fix: Antony Blinken"
    apply.click()
    wait.until(lambda d: "Secretary of State Antony Blinken is due" in draft.get_attribute("value"))
    assert "Anthony" not in draft.get_attribute("value")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'mark[data-code~="FL201"]') == [])
    assert driver.find_element(By.CSS_SELECTOR, 'mark[data-code~="FL103"]').text == "Joe Blinken"

    # Columns count code points (an emoji is two UTF-16 units in the page), and
    # a name wrapped over two lines is fixed word by word; Ctrl-Z takes it back.
    # (ChromeDriver types only the Basic Multilingual Plane: this text is pasted.)
    pasted = "\U0001f389 Before the talks, Anthony\nBlinken met US President Joe Blinken on 2 May 2024.\n"
    driver.execute_script("arguments[0].select(); document.execCommand('insertText', false, arguments[1]);",
                          draft, pasted)
    wait.until(lambda d: [m.text for m in d.find_elements(By.CSS_SELECTOR, "mark")] == ["Anthony\nBlinken", "Joe Blinken"])
    assert driver.find_element(By.ID, "date-note").text == "today: the draft gives no date"
    driver.find_element(By.CSS_SELECTOR, 'mark[data-code~="FL201"]').click()
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#card button.apply"))).click()
    wait.until(lambda d: draft.get_attribute("value") == pasted.replace("Anthony", "Antony"))
    draft.send_keys(Keys.CONTROL, "z")
    wait.until(lambda d: draft.get_attribute("value") == pasted)
    assert server.proc.poll() is None and list(server.workdir.iterdir()) == []  # still serving; it wrote nothing
