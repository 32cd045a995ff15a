"""Where the uploaded files are kept: local files under MEDIA_ROOT by default, S3-compatible
object storage when DJANGO_S3_BUCKET names a bucket; chosen without asking the network."""

import json

from regionportal.environment import media_storage


def test_local_files_without_a_bucket():
    assert media_storage({}) == ({"BACKEND": "django.core.files.storage.FileSystemStorage"}, None)
    assert media_storage({"DJANGO_S3_BUCKET": "  "})[0]["BACKEND"].endswith("FileSystemStorage")


def test_a_bucket_puts_the_files_in_object_storage_with_the_other_variables():
    storage, origin = media_storage(
        {
            "DJANGO_S3_BUCKET": "rasr-media",
            "DJANGO_S3_ENDPOINT_URL": "https://s3.eu-central-1.example.net/",
            "DJANGO_S3_ACCESS_KEY_ID": "key-id",
            "DJANGO_S3_SECRET_ACCESS_KEY": "secret",
            "DJANGO_S3_REGION": "eu-central-1",
        }
    )

    assert storage == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "rasr-media",
            "endpoint_url": "https://s3.eu-central-1.example.net/",
            "access_key": "key-id",
            "secret_key": "secret",
            "region_name": "eu-central-1",
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
    assert origin == "https://s3.eu-central-1.example.net"


def test_the_images_origin_is_the_public_domain_or_amazons():
    assert (
        media_storage({"DJANGO_S3_BUCKET": "rasr", "DJANGO_S3_CUSTOM_DOMAIN": "media.rasr.si"})[1]
        == "https://media.rasr.si"
    )
    assert media_storage({"DJANGO_S3_BUCKET": "rasr"})[1] == "https://rasr.s3.amazonaws.com"


SHOW_STORAGE = """
import json
from django.conf import settings
from django.core.files.storage import storages
storage = storages["default"]
print(json.dumps({
    "class": type(storage).__name__,
    "url": storage.url("projects/images/a-480.jpg"),
    "img_src": settings.SECURE_CSP["img-src"],
}))
"""


def run_show_storage(run_manage, **env):
    finished = run_manage("shell", "-c", SHOW_STORAGE, DJANGO_DEBUG="true", **env)
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_the_settings_choose_the_storage_from_the_environment(run_manage):
    local = run_show_storage(run_manage)
    assert local["class"] == "FileSystemStorage"
    assert local["url"] == "/media/projects/images/a-480.jpg"
    assert local["img_src"] == ["'self'", "data:"]

    # No request goes out: making the storage and an address needs no network.
    in_bucket = run_show_storage(
        run_manage,
        DJANGO_S3_BUCKET="rasr-media",
        DJANGO_S3_CUSTOM_DOMAIN="media.rasr.si",
        DJANGO_S3_ACCESS_KEY_ID="key-id",
        DJANGO_S3_SECRET_ACCESS_KEY="secret",
        AWS_EC2_METADATA_DISABLED="true",
    )
    assert in_bucket["class"] == "S3Storage"
    assert in_bucket["url"] == "https://media.rasr.si/projects/images/a-480.jpg"
    assert in_bucket["img_src"] == ["'self'", "data:", "https://media.rasr.si"]
