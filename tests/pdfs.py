"""Reading the portal's PDFs in tests, as a reader's PDF viewer would."""

import io

from pypdf import PdfReader


def pdf_text(content):
    """The text of every page, with runs of white space (lines wrapped in a table cell, too)
    as one space."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fonts_of(content):
    """Each font in the pages' resources: {base font name: the font file keys it has}."""
    fonts = {}
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # a composite font describes itself in its descendant
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            fonts[str(font["/BaseFont"])] = {
                key for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor
            }
    return fonts
