"""Take the staff guide's screenshots of the real editor, in Debian's Chromium, on a copy of the hub.

    bash scripts/hub editor-screenshots            writes content/assets/editor/*.png

Run it after changing the editor, so the guide shows what staff will see.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import accessibility as a11y
from editor_session import ROOT, add_outcome, editor_session, expand, fill_new_engagement, save, sign_in

FOLDER = ROOT / "content" / "assets" / "editor"
SIZE = {"width": 1280, "height": 800}


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, editor_session(Path(folder)) as session, sync_playwright() as p:
        browser = a11y.launch(p)
        page = browser.new_page(viewport=SIZE)
        page.on("dialog", lambda dialog: dialog.accept())
        page.goto(session.base + "admin/")
        page.get_by_role("button", name="Login").wait_for()
        shot(page, "1-login")
        sign_in(page, session)
        page.get_by_text("Care after a stroke").first.wait_for()
        shot(page, "2-engagements")
        fill_new_engagement(page, session)
        page.get_by_label("Title", exact=True).first.scroll_into_view_if_needed()
        shot(page, "3-new-engagement")
        places = page.get_by_label("Places", exact=True)
        places.scroll_into_view_if_needed()
        places.click()
        page.get_by_role("option").first.wait_for()
        shot(page, "4-choose-from-the-list")
        page.keyboard.press("Escape")
        expand(page, "paper")
        page.get_by_text("Needed when you fill in this part.").first.scroll_into_view_if_needed()
        shot(page, "5-a-part-that-does-not-apply")
        save(page)
        shot(page, "6-saved-for-review")
        page.goto(session.base + "admin/#/workflow")
        page.get_by_text("Walking groups for older people").first.wait_for()
        shot(page, "7-workflow")
        add_outcome(page, session, "dental-care-access")
        page.get_by_label("Published (optional)", exact=True).scroll_into_view_if_needed()
        shot(page, "8-outcome")
        browser.close()
    print(f"Wrote the screenshots in {FOLDER.relative_to(ROOT)}.")
    return 0


def shot(page, name: str) -> None:
    page.wait_for_timeout(400)  # let the preview and the messages settle
    page.screenshot(path=str(FOLDER / f"{name}.png"))


if __name__ == "__main__":
    sys.exit(main())
