"""The window sizes the browser tests open pages in."""

DESKTOP = {"width": 1280, "height": 900}
PHONE_WIDTH = 375
