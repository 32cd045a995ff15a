"""Files to upload in tests: images (with EXIF GPS data, damaged, too large) and documents."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def image_bytes(image_format="JPEG", *, size=(2000, 1000), gps=False, colour=(40, 120, 80)):
    """An image of the format and size; a JPEG or WebP with gps has an EXIF block with a GPS
    position, a camera and an owner."""
    image = Image.new("RGB", size, colour)
    options = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Camera maker"  # Make
        exif[0x013B] = "Janez Novak"  # Artist
        exif[GPS_IFD] = {1: "N", 2: (46.0, 14.0, 30.0), 3: "E", 4: (15.0, 16.0, 10.0)}
        options["exif"] = exif.tobytes()
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def zip_bytes(members):
    """A ZIP file of (name, content) members in the order given."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members:
            archive.writestr(name, content)
    return output.getvalue()


def docx_bytes():
    return zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])


def xlsx_bytes():
    return zip_bytes([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])


def odt_bytes():
    return zip_bytes(
        [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>")]
    )


PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
