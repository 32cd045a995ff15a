"""Uploaded images: checked by their content, stored only as re-encoded renditions.

An upload is accepted when Pillow reads it whole as a JPEG, PNG or WebP image of at most
MAX_IMAGE_BYTES; its file name and extension say nothing. What is stored is never the upload
itself: each rendition is decoded pixels, turned upright as the camera's EXIF orientation says,
scaled to one of the widths the pages use and encoded anew, so that no EXIF (GPS position,
camera, owner) or other metadata of the upload reaches the storage. Renditions are written
through Django's storage API under new, random names: a changed image never overwrites the file
that an earlier version in the history still names.
"""

import threading
import uuid
import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps

MAX_IMAGE_BYTES = 10 * 1024 * 1024

# Pillow's format name: (the stored file's extension, how it is encoded anew).
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85, "method": 6}),
}


_strict_loading = threading.Lock()


def _load_strictly(image):
    """Decode every pixel of the image, failing (OSError) on a truncated file.

    WeasyPrint, imported for the PDFs, sets Pillow's process-wide LOAD_TRUNCATED_IMAGES, which
    makes a truncated upload load with its missing part grey instead of failing. It is off while
    an upload is decoded: a PDF built meanwhile in another thread reads only the portal's own
    files, none truncated.
    """
    with _strict_loading:
        lenient = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            image.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _open_whole(file):
    """The image in the file, decoded to its last pixel; ValidationError if it is none of the
    accepted formats or is damaged."""
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; it may be at most %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    not_an_image = ValidationError(
        _("The file is not a JPEG, PNG or WebP image (whatever its name says)."),
        code="image_type",
    )
    damaged = ValidationError(
        _("The image is damaged or incomplete and cannot be read."), code="image_damaged"
    )
    file.seek(0)
    data = file.read()
    try:
        with warnings.catch_warnings():
            # A decompression bomb (a small file of enormous dimensions) is refused, not opened.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise not_an_image
                # verify() checks the structure (chunks, checksums); load() decodes every pixel,
                # which is what finds a truncated JPEG that verify() lets through.
                probe.verify()
            image = Image.open(BytesIO(data))
            _load_strictly(image)
    except ValidationError:
        raise
    except Image.UnidentifiedImageError:
        raise not_an_image from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning):
        raise damaged from None
    finally:
        file.seek(0)
    return image


def validate_image(file):
    """A model field's validator: the file must be a whole JPEG, PNG or WebP image of at most
    MAX_IMAGE_BYTES, by its content."""
    _open_whole(file)


def _rendition(image, width, image_format):
    """The image scaled down to `width` (never up) and encoded anew, without its metadata."""
    if image.width > width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    else:
        image = image.copy()
    if image_format == "JPEG" and image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    # Nothing of the upload's info (exif, xmp, comments, text chunks) is handed on to the
    # encoder; only the colour profile, which changes how the pixels look.
    icc_profile = image.info.get("icc_profile")
    image.info = {}
    extension, options = FORMATS[image_format]
    output = BytesIO()
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    image.save(output, image_format, **options)
    name = f"{uuid.uuid4().hex}-{width}.{extension}"
    return ContentFile(output.getvalue(), name=name), image.size


def renditions(file, widths):
    """The renditions of the uploaded image, one per width in `widths` (narrowest first), each as
    (ContentFile, (width, height)); ValidationError if the file is not an accepted image."""
    image = _open_whole(file)
    image_format = image.format
    upright = ImageOps.exif_transpose(image)
    return [_rendition(upright, width, image_format) for width in widths]


def _upload_to(instance, filename):
    return f"{instance.UPLOAD_FOLDER}/{filename}"


class PortalImage(models.Model):
    """An image shown on the public pages, stored as three renditions of WIDTHS (small, medium,
    large: the largest no wider than the upload); alt text in both languages (the concrete
    models register `alt`, `caption` for translation), caption and credit optional.

    The admin's ImageForm turns an upload into the renditions (take_upload); the records keep
    the names of their files, and no file is ever deleted when a record changes or goes, so that
    a version restored from the history finds its files.
    """

    WIDTHS = (480, 960, 1600)
    UPLOAD_FOLDER = "images"
    # The `sizes` attribute of the <img>: how wide the page shows the image.
    SIZES = "(min-width: 60rem) 60rem, 100vw"

    image = models.FileField(
        _("image"),
        upload_to=_upload_to,
        max_length=200,
        validators=[validate_image],
        help_text=_("JPEG, PNG or WebP, at most 10 MB."),
    )
    image_medium = models.FileField(upload_to=_upload_to, max_length=200, editable=False)
    image_small = models.FileField(upload_to=_upload_to, max_length=200, editable=False)
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.alt

    def take_upload(self, upload):
        """Put the uploaded image's renditions in place of the record's files (written when the
        record is saved); ValidationError if the upload is not an accepted image."""
        (small, _small_size), (medium, _medium_size), (large, large_size) = renditions(
            upload, self.WIDTHS
        )
        self.image_small, self.image_medium, self.image = small, medium, large
        self.width, self.height = large_size

    def _files_with_widths(self):
        """(file, width) of each rendition, narrowest first, a width once (an upload narrower
        than the larger widths gives renditions of the same width)."""
        seen = {}
        for file, width in (
            (self.image_small, self._width_for(self.WIDTHS[0])),
            (self.image_medium, self._width_for(self.WIDTHS[1])),
            (self.image, self.width),
        ):
            if file:
                seen[width] = file  # the largest file of a width: the one `src` names
        return [(file, width) for width, file in seen.items()]

    def _width_for(self, width):
        return min(width, self.width)

    @property
    def url(self):
        """The largest rendition's address."""
        return self.image.url

    @property
    def srcset(self):
        return ", ".join(f"{file.url} {width}w" for file, width in self._files_with_widths())

    @property
    def small(self):
        """The narrowest rendition (the PDF summary's and a list's)."""
        return self._files_with_widths()[0][0]

    def height_at(self, width):
        """The height of the image shown `width` pixels wide."""
        return round(self.height * min(width, self.width) / self.width) if self.width else 0

    def files(self):
        """The names of the record's stored files."""
        return [file.name for file in (self.image, self.image_medium, self.image_small) if file]
