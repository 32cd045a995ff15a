"""Headers every response carries: the browser features the portal never uses are off, and no
other site may embed what the portal serves."""

import pytest
from django.templatetags.static import static

POWERFUL_FEATURES_OFF = ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/sl/", 200),
        ("/en/projects/", 200),
        ("/admin/login/", 200),
        ("/health/", 200),
        ("/api/v1/projects/", 200),
        ("/robots.txt", 200),
        ("/sl/no/such/page/", 404),
        ("/no/such/address/", 404),
    ],
)
def test_every_response_turns_off_powerful_features_and_embedding(client, db, path, status):
    response = client.get(path)

    assert response.status_code == status
    for feature in POWERFUL_FEATURES_OFF:
        assert feature in response["Permissions-Policy"].split(", ")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_static_files_carry_the_headers_too(client):
    response = client.get(static("css/portal.css"))

    assert response.status_code == 200
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response
