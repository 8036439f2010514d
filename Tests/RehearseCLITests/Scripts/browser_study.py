#!/usr/bin/env python3
"""Drives the web app in a real headless Chromium, as a person would: wait for the card,
press Space, press 3, see the next card, press u to take the answer back and answer again;
type an answer and see the missed points; run a one-question mock interview to its report.
Saves screenshots of the study, mock interview and dashboard pages.

    browser_study.py URL SCREENSHOT_FOLDER
"""
import base64
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

# Every form control has a label (for=, wrapping label or aria-label), every button a name,
# and every visible piece of text a contrast of at least 4.5:1 against the colour behind it
# (WCAG 2 relative luminance). Returns the problems found.
ACCESSIBILITY_CHECK = """
const problems = [];
for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
  const labelled = control.labels && control.labels.length > 0 || control.getAttribute('aria-label');
  if (!labelled) problems.push('unlabelled ' + control.tagName + '#' + control.id);
}
for (const button of document.querySelectorAll('button')) {
  if (!(button.textContent.trim() || button.getAttribute('aria-label'))) problems.push('button without a name');
}
const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
const parse = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
function background(element) {
  for (let node = element; node; node = node.parentElement) {
    const [r, g, b, a] = parse(getComputedStyle(node).backgroundColor);
    if (a === undefined || a > 0.5) return [r, g, b];
  }
  return parse(getComputedStyle(document.body).backgroundColor);
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let text = walker.nextNode(); text; text = walker.nextNode()) {
  const element = text.parentElement;
  if (!text.textContent.trim() || !element || element.closest('svg, [hidden]') || !element.offsetParent) continue;
  const foreground = luminance(parse(getComputedStyle(element).color));
  const behind = luminance(background(element));
  const ratio = (Math.max(foreground, behind) + 0.05) / (Math.min(foreground, behind) + 0.05);
  if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + text.textContent.trim().slice(0, 30) + '"');
}
return problems.slice(0, 10);
"""
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.common.action_chains import ActionChains

# The page's controls a keyboard must reach, in document order: links, buttons, fields.
FOCUSABLE = """
const name = (e) => e.id || (e.tagName + ':' + (e.getAttribute('href') || e.textContent.trim().slice(0, 30)));
return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter((e) => e.offsetParent && !e.disabled && e.tabIndex >= 0).map(name);
"""
# The focused control, and whether its focus is drawn (an outline or a shadow).
FOCUSED = """
const e = document.activeElement;
if (!e || e === document.body) return ['BODY', false];
const name = (e) => e.id || (e.tagName + ':' + (e.getAttribute('href') || e.textContent.trim().slice(0, 30)));
const style = getComputedStyle(e);
return [name(e), style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none'];
"""


def full_page_screenshot(driver, path):
    """The whole page, not only what the window shows (DevTools' capture beyond the viewport)."""
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 8000), "scale": 1}})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))


def keyboard_reaches_every_control(driver, page, limit=60):
    """Tabs through the page from its start: every control (the first `limit`) is reached,
    in order, and shows that it has the focus."""
    wanted = driver.execute_script(FOCUSABLE)[:limit]
    # Start from the top of the page, whatever the page focused itself.
    driver.execute_script(
        "const start = document.createElement('span'); start.tabIndex = -1; document.body.prepend(start); start.focus();")
    reached = []
    # Scrollable blocks (code, tables) take the focus too, so that a keyboard can scroll them.
    for _ in range(2 * len(wanted) + 20):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused, drawn = driver.execute_script(FOCUSED)
        if focused == "BODY" or (reached and focused == reached[0]):
            break
        assert drawn, (page, "no visible focus on", focused)
        reached.append(focused)
        if all(control in reached for control in wanted):
            break
    missing = [control for control in wanted if control not in reached]
    assert not missing, (page, "not reached by Tab:", missing[:5])
    return len(reached)

url, folder = sys.argv[1], sys.argv[2]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=900,800"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    wait = WebDriverWait(driver, 15)
    driver.get(url + "/")
    prompt = wait.until(lambda d: d.find_element(By.ID, "prompt").text != "Loading…" and d.find_element(By.ID, "prompt").text)
    assert not driver.find_element(By.ID, "answer").is_displayed(), "the answer shows before Space"
    assert not driver.find_element(By.ID, "ratings").is_displayed(), "the rating buttons show before Space"
    # Code on a card: monospaced, its indentation kept, a long line scrolls inside its block
    # rather than widening a phone's page.
    driver.set_window_size(390, 844)
    code = driver.execute_script("""
        const box = document.createElement('div');
        box.className = 'prompt';
        document.body.append(box);
        renderText(box, 'What does this print?\\n\\nfor i in range(2):\\n    print(i, "' + 'x'.repeat(300) + '")', {code: true});
        const pre = box.querySelector('pre');
        const found = [pre.textContent.split('\\n')[1], getComputedStyle(pre).fontFamily, document.documentElement.scrollWidth, window.innerWidth,
                       [...pre.querySelectorAll('.tok-kw')].map(e => e.textContent).join(' '), pre.querySelector('.tok-str').textContent];
        box.remove();
        return found;""")
    assert code[0] == '    print(i, "' + "x" * 300 + '")', code[0]
    assert "mono" in code[1].lower(), code[1]
    assert code[2] <= code[3], code
    assert code[4] == "for in", code[4]
    assert code[5] == '"' + "x" * 300 + '"', code[5]
    print("code block: indentation kept, monospaced, keywords and strings coloured, page width", code[2])
    driver.set_window_size(900, 800)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.SPACE)
    wait.until(EC.visibility_of_element_located((By.ID, "answer")))
    assert driver.find_element(By.ID, "ratings").is_displayed()
    driver.save_screenshot(os.path.join(folder, "study-revealed.png"))
    driver.switch_to.active_element.send_keys("3")
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Saved"))
    wait.until(lambda d: d.find_element(By.ID, "prompt").text != prompt)
    print("first card:", prompt)
    print("next card:", driver.find_element(By.ID, "prompt").text)
    driver.save_screenshot(os.path.join(folder, "study.png"))
    # u takes the answer back: the first card comes again, and is answered again.
    driver.find_element(By.TAG_NAME, "body").send_keys("u")
    wait.until(lambda d: d.find_element(By.ID, "status").text == "Undone.")
    wait.until(lambda d: d.find_element(By.ID, "prompt").text == prompt)
    print("after undo:", prompt)
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.SPACE)
    wait.until(EC.visibility_of_element_located((By.ID, "answer")))
    driver.switch_to.active_element.send_keys("3")
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Saved"))
    wait.until(lambda d: d.find_element(By.ID, "prompt").text != prompt)
    # A key pressed twice in a row answers once.
    second = driver.find_element(By.ID, "prompt").text
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.SPACE)
    wait.until(EC.visibility_of_element_located((By.ID, "answer")))
    driver.switch_to.active_element.send_keys("33")
    wait.until(lambda d: d.find_element(By.ID, "prompt").text != second)
    print("double press answered:", second)
    # "uu" takes back the last two answers, one after the other.
    driver.find_element(By.TAG_NAME, "body").send_keys("uu")
    wait.until(lambda d: d.find_element(By.ID, "status").text == "Undone.")
    wait.until(lambda d: d.find_element(By.ID, "prompt").text == prompt)
    print("after uu:", driver.find_element(By.ID, "prompt").text)
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.SPACE)
    wait.until(EC.visibility_of_element_located((By.ID, "answer")))
    driver.switch_to.active_element.send_keys("3")
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Saved"))
    wait.until(lambda d: d.find_element(By.ID, "prompt").text != prompt)
    # Typed mode: the grader's feedback before rating, the matched words highlighted.
    driver.find_element(By.ID, "typed").click()
    wait.until(EC.visibility_of_element_located((By.ID, "typed-answer")))
    question = driver.find_element(By.ID, "prompt").text
    box = driver.find_element(By.ID, "typed-answer")
    box.send_keys("I am not sure, something about a lock")
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    wait.until(EC.visibility_of_element_located((By.ID, "feedback")))
    missed = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#feedback .missed")]
    print("typed card:", question)
    print("missed:", missed)
    assert missed, "no missed key point shown"
    driver.save_screenshot(os.path.join(folder, "study-typed.png"))
    # Tell the grader the first missed point was said: it is ticked as taught.
    driver.find_element(By.CSS_SELECTOR, "#feedback li.missed button.teach").click()
    wait.until(lambda d: d.find_element(By.ID, "status").text == "Learnt for this card.")
    print("taught:", [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#feedback .covered")])
    print("suggestion:", driver.find_element(By.CSS_SELECTOR, "#feedback .suggested").text)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Saved"))
    # The choice to type answers survives a reload.
    driver.refresh()
    wait.until(EC.visibility_of_element_located((By.ID, "typed-answer")))
    print("typed mode after reload:", driver.find_element(By.ID, "typed").is_selected())
    # A one-question mock interview, to its report.
    driver.get(url + "/mock")
    minutes = wait.until(EC.visibility_of_element_located((By.ID, "minutes")))
    minutes.clear()
    minutes.send_keys("3")
    driver.find_element(By.ID, "questions").send_keys("1")
    driver.find_element(By.CSS_SELECTOR, "#setup button[type=submit]").click()
    wait.until(EC.visibility_of_element_located((By.ID, "question")))
    print("mock question:", driver.find_element(By.ID, "question").text)
    assert "left" in driver.find_element(By.ID, "total-clock").text
    # A reload mid-interview picks it up where it was.
    asked = driver.find_element(By.ID, "question").text
    driver.refresh()
    wait.until(lambda d: d.find_element(By.ID, "status").text == "Interview resumed.")
    print("mock resumed:", driver.find_element(By.ID, "question").text == asked)
    answer = driver.find_element(By.ID, "mock-answer")
    answer.send_keys("It is a lock that lets one thread run Python bytecode at a time")
    driver.save_screenshot(os.path.join(folder, "mock.png"))
    answer.send_keys(Keys.CONTROL, Keys.ENTER)
    wait.until(EC.visibility_of_element_located((By.ID, "report")))
    print("mock report:", driver.find_element(By.CSS_SELECTOR, "#report h2").text)
    report_text = driver.find_element(By.ID, "report").text
    print("mock report shows the answer:", "You said: It is a lock that lets one thread run" in report_text and "rating " not in report_text)
    driver.save_screenshot(os.path.join(folder, "mock-report.png"))
    # Upload a guide on the guides page, then open its page.
    guide = os.path.join(folder, "07-upload.md")
    with open(guide, "w") as handle:
        handle.write("# 07 — Uploaded\n\n## Basics\n\n**Q:** What does len([1, 2]) return?\n**A:** 2\n\n```python\nprint(len([1, 2]))\n```\n")
    driver.get(url + "/guides")
    driver.find_element(By.ID, "guide-file").send_keys(guide)
    driver.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    wait.until(lambda d: "added" in d.find_element(By.ID, "upload-result").text)
    print("upload:", driver.find_element(By.ID, "upload-result").text.splitlines()[0])
    driver.find_element(By.CSS_SELECTOR, "#upload-result a").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Uploaded")
    print("guide page code lab:", driver.find_element(By.CSS_SELECTOR, "tr.runs td:nth-child(2)").text)
    driver.save_screenshot(os.path.join(folder, "guide.png"))
    driver.get(url + "/dashboard")
    wait.until(EC.presence_of_element_located((By.TAG_NAME, "svg")))
    driver.save_screenshot(os.path.join(folder, "dashboard.png"))
    # Settings: new cards per day, saved from the page.
    driver.get(url + "/settings")
    count = wait.until(EC.visibility_of_element_located((By.ID, "new-cards")))
    count.clear()
    count.send_keys("15")
    driver.find_element(By.CSS_SELECTOR, "#settings button[type=submit]").click()
    wait.until(lambda d: d.find_element(By.ID, "settings-status").text == "Saved.")
    print("settings:", driver.find_element(By.ID, "plan").text)
    # The card browser: open a card, suspend it from its own page, see the mark.
    driver.get(url + "/cards?search=gil")
    link = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "table.stack a")))
    card_path = link.get_attribute("href").replace(url, "")
    link.click()
    wait.until(EC.presence_of_element_located((By.ID, "edit-card")))
    driver.find_element(By.CSS_SELECTOR, ".card-action[data-action=suspend]").click()
    # The page reloads itself after the change: the old table may go stale while it is read.
    def table_text(d):
        try:
            return d.find_element(By.CSS_SELECTOR, "table.stack").text
        except (StaleElementReferenceException, NoSuchElementException):
            return ""
    wait.until(lambda d: "suspended" in table_text(d))
    print("card page: suspended from its page")
    # Every page fits a phone, in light and dark: no sideways scrolling at 390 px.
    pages = ["/", "/mock", "/dashboard", "/guides", "/guides/03-python-deep-dive", "/guides/07-upload", "/settings", "/cards?search=gil", card_path]
    driver.set_window_size(390, 844)
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for page in pages:
            driver.get(url + page)
            wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
            if page == "/":
                wait.until(lambda d: d.find_element(By.ID, "prompt").text != "Loading…")
            widths = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], (page, scheme, widths)
            problems = driver.execute_script(ACCESSIBILITY_CHECK)
            assert not problems, (page, scheme, problems)
            name = page.strip("/").split("?")[0].replace("/", "-") or "study"
            full_page_screenshot(driver, os.path.join(folder, f"phone-{scheme}-{name}.png"))
    print(f"phone layout: no sideways scroll on {len(pages)} pages in light and dark")
    # Every control reachable by Tab, in order, with its focus drawn (desktop size, light).
    driver.set_window_size(1366, 900)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    tabbed = 0
    for page in pages:
        driver.get(url + page)
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        if page == "/":
            wait.until(lambda d: d.find_element(By.ID, "prompt").text != "Loading…")
        tabbed += keyboard_reaches_every_control(driver, page)
    print(f"keyboard: every control reached by Tab with a visible focus on {len(pages)} pages ({tabbed} controls)")
    print(f"accessibility: every control labelled, text contrast at least 4.5:1 on {len(pages)} pages in light and dark")
    print("1 passed, 0 failed")
finally:
    driver.quit()
