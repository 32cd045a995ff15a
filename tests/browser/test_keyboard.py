"""The site with a keyboard alone: the skip link, the main navigation, visible focus."""

from playwright.sync_api import expect

MAIN_NAV = [
    ("Home", "/en/"),
    ("Pillars", "/en/pillars/"),
    ("Vision", "/en/pillars/vision/"),
    ("Projects", "/en/projects/"),
    ("Partners", "/en/partners/"),
    ("Funding", "/en/funding/"),
    ("Municipalities", "/en/municipalities/"),
    ("Search", "/en/search/"),
]

# What the focused element is, and whether it shows that it has focus: an outline or a shadow
# drawn only because it matches :focus-visible.
FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: element.textContent.trim(),
        href: element.getAttribute("href"),
        inMainNav: element.closest("nav.main-nav") !== null,
        inMain: element.closest("main") !== null,
        focusVisible: element.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        box: {x: box.x, y: box.y, width: box.width, height: box.height},
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def shows_focus(element):
    """Focused from the keyboard, and drawn so: an outline or a shadow."""
    return element["focusVisible"] and (element["outline"] or element["shadow"])


def test_skip_link_comes_first_and_moves_focus_to_main(page, site):
    page.goto(f"{site}/en/projects/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to content"
    assert skip["href"] == "#main"
    assert shows_focus(skip), skip
    # Wholly on screen while focused (it waits above the page otherwise), and of a readable size.
    expect(page.locator(".skip-link")).to_be_in_viewport(ratio=1)
    assert skip["box"]["width"] > 20
    assert skip["box"]["height"] > 10

    page.keyboard.press("Enter")
    assert page.url.endswith("/en/projects/#main")
    assert focused(page)["id"] == "main"
    page.keyboard.press("Tab")
    after_main = focused(page)
    assert after_main["inMain"], after_main
    assert after_main["text"] == "Home"  # the first breadcrumb
    assert shows_focus(after_main), after_main


def test_main_navigation_by_keyboard(page, site):
    page.goto(f"{site}/en/")
    reached = []
    for _ in range(30):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["inMainNav"]:
            assert shows_focus(element), element
            reached.append((element["text"], element["href"]))
        elif reached:
            break
    assert reached == MAIN_NAV

    # Focus is now just past the navigation: back to "Projects", then follow it with Enter.
    for _ in range(len(MAIN_NAV) - MAIN_NAV.index(("Projects", "/en/projects/"))):
        page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "Projects"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/en/projects/")
    expect(page.locator("h1")).to_have_text("Projects")
    main_nav = page.get_by_role("navigation", name="Main navigation")
    expect(main_nav.locator("[aria-current=page]")).to_have_text("Projects")
