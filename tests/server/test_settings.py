"""The transport settings: PUBLIC_URL, the origins a browser may call from, trusted proxies and
the WebSocket message cap, and the uvicorn options `serve` gets from them."""

from __future__ import annotations

import pytest

from server.serving import uvicorn_options
from server.settings import load_settings

TRANSPORT = ("PUBLIC_URL", "ALLOWED_ORIGINS", "FORWARDED_ALLOW_IPS", "WS_MAX_MESSAGE_BYTES", "HOST", "PORT", "ELAN_PRODUCTION")


@pytest.fixture
def environment(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ELAN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    for name in TRANSPORT:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_development_defaults(environment):
    settings = load_settings()
    assert settings.public_url == "http://127.0.0.1:8000"
    assert "http://localhost:8000" in settings.allowed_origins
    assert "http://localhost:5173" in settings.allowed_origins  # Vite's dev server
    assert settings.forwarded_allow_ips == ()
    assert settings.ws_max_message_bytes == 64 * 1024
    assert settings.public_link("/verify/abc") == "http://127.0.0.1:8000/verify/abc"
    options = uvicorn_options(settings)
    assert options["proxy_headers"] is False and options["forwarded_allow_ips"] == []
    assert options["ws_max_size"] == 64 * 1024


def test_a_wildcard_listening_address_is_reached_as_localhost(environment):
    environment.setenv("HOST", "0.0.0.0")
    environment.setenv("PORT", "9000")
    assert load_settings().public_url == "http://localhost:9000"


def test_production_takes_its_origins_from_the_environment_only(environment):
    environment.setenv("ELAN_PRODUCTION", "1")
    environment.setenv("PUBLIC_URL", "https://Elan.Example/")
    environment.setenv("ALLOWED_ORIGINS", "https://app.elan.example")
    environment.setenv("FORWARDED_ALLOW_IPS", "172.30.0.0/24, 10.0.0.2")
    environment.setenv("WS_MAX_MESSAGE_BYTES", "32768")
    settings = load_settings()
    assert settings.public_url == "https://elan.example"
    assert settings.allowed_origins == ("https://elan.example", "https://app.elan.example")
    assert settings.forwarded_allow_ips == ("172.30.0.0/24", "10.0.0.2")
    options = uvicorn_options(settings)
    assert options["proxy_headers"] is True and options["forwarded_allow_ips"] == ["172.30.0.0/24", "10.0.0.2"]
    assert options["ws_max_size"] == 32768


@pytest.mark.parametrize(
    ("variables", "complaint"),
    [
        ({"ELAN_PRODUCTION": "1"}, "PUBLIC_URL must be set in production"),
        ({"PUBLIC_URL": "https://elan.example/app"}, "no path"),
        ({"PUBLIC_URL": "elan.example"}, "must be an http(s) origin"),
        ({"PUBLIC_URL": "https://user:pw@elan.example"}, "must be an http(s) origin"),
        ({"ALLOWED_ORIGINS": "ftp://elan.example"}, "must be an http(s) origin"),
    ],
)
def test_a_wrong_origin_stops_the_server_at_start(environment, variables, complaint):
    for name, value in variables.items():
        environment.setenv(name, value)
    with pytest.raises(ValueError, match=complaint.replace("(", r"\(").replace(")", r"\)")):
        load_settings()
