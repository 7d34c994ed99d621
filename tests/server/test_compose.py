"""docker-compose.yml describes the production stack the README promises."""

from __future__ import annotations

from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def load() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_the_stack_has_a_proxy_two_apps_a_worker_and_the_stores():
    services = load()["services"]
    assert {"proxy", "app1", "app2", "worker", "postgres", "redis", "migrate"} <= set(services)
    assert services["worker"]["command"] == ["python", "-m", "server", "worker"]
    assert "443:443" in services["proxy"]["ports"]


def test_apps_share_postgres_and_redis_and_wait_for_them():
    services = load()["services"]
    for name in ("app1", "app2", "worker"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"] == "redis://redis:6379/0"
        assert env["ELAN_DEMO"] == "0" and env["ELAN_MIGRATE_ON_START"] == "0"
        assert env["PUSH_WORKER_IN_SERVER"] == "0"  # push is the worker service's job
        depends = services[name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
        assert depends["migrate"]["condition"] == "service_completed_successfully"


def test_stores_have_health_checks_and_volumes():
    data = load()
    for name in ("postgres", "redis"):
        service = data["services"][name]
        assert service["healthcheck"]["test"]
        volume = service["volumes"][0].split(":")[0]
        assert volume in data["volumes"]


def test_the_proxy_forwards_to_both_apps_with_websocket_upgrade():
    caddyfile = (COMPOSE.parent / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy app1:8000 app2:8000" in caddyfile


def test_apps_trust_forwarded_headers_from_the_proxys_network_only():
    # given the network the proxy reaches the apps on
    data = load()
    services = data["services"]
    assert services["proxy"]["networks"] == ["edge"]
    subnet = data["networks"]["edge"]["ipam"]["config"][0]["subnet"]
    # then the apps trust that subnet and nothing else, and no one else sits on it
    for name in ("app1", "app2"):
        env = services[name]["environment"]
        assert env["FORWARDED_ALLOW_IPS"] == subnet
        assert env["PUBLIC_URL"] == "https://${ELAN_DOMAIN:-localhost}"
    on_edge = {name for name, service in services.items() if "edge" in service.get("networks", [])}
    assert on_edge == {"proxy", "app1", "app2"}


def test_the_proxy_sets_the_security_headers_with_hsts():
    caddyfile = (COMPOSE.parent / "deploy" / "Caddyfile").read_text()
    block = caddyfile.split("header {", 1)[1].split("}", 1)[0]
    assert 'Strict-Transport-Security "max-age=31536000"' in block
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
        # a default: the app's own value (each page's policy) wins
        assert f"?{header} " in block
    assert "frame-ancestors 'none'" in block and "defer" in block
