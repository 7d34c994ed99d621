"""The compose stack as processes on this machine (Docker is not available here).

Everything each service runs is read from docker-compose.yml (and the image's Dockerfile for
what compose does not override: the apps' command, ELAN_DATA_DIR…), interpolated with the
`.env` that `python -m server init-env` writes, exactly as compose would. Only what Docker's
networking gives each container differently is translated, in one place (`on_this_machine`):
service names become loopback addresses, each process gets a port of its own, the edge
network is loopback, and each container's /data is a directory (the `media` volume shared).
The one addition is PUSH_ALLOWED_ORIGINS: the test's push service listens on loopback, which
real push services never do.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.conftest import ROOT, free_port

COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
CADDYFILE = ROOT / "deploy" / "Caddyfile"
_VARIABLE = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


class ComposeRefused(Exception):
    """What `docker compose up` would refuse with (a required variable missing)."""


def interpolate(text: str, variables: dict[str, str]) -> str:
    """Compose's interpolation: ${X}, $X, ${X:-default}, ${X-default}, ${X:?error}, ${X?error}, $$."""

    def one(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1) or match.group(4)
        operator, argument = match.group(2), match.group(3) or ""
        value = variables.get(name)
        empty = value is None or (value == "" and operator is not None and operator.startswith(":"))
        if operator in (":-", "-") and empty:
            return interpolate(argument, variables)
        if operator in (":?", "?") and empty:
            raise ComposeRefused(f"required variable {name} is missing a value: {argument}")
        return value or ""

    return _VARIABLE.sub(one, text)


def _interpolated(node: Any, variables: dict[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, variables)
    if isinstance(node, list):
        return [_interpolated(item, variables) for item in node]
    if isinstance(node, dict):
        return {key: _interpolated(value, variables) for key, value in node.items()}
    return node


def image_defaults() -> tuple[dict[str, str], list[str]]:
    """The final stage's ENV and CMD of the Dockerfile (what a container starts with)."""
    stages = DOCKERFILE.read_text().split("\nFROM ")
    final = stages[-1].replace("\\\n", " ")
    env: dict[str, str] = {}
    command: list[str] = []
    for line in final.splitlines():
        line = line.strip()
        if line.startswith("ENV "):
            env.update(dict(pair.split("=", 1) for pair in line[4:].split()))
        elif line.startswith("CMD "):
            command = yaml.safe_load(line[4:])
    return env, command


@dataclass
class Service:
    name: str
    command: list[str]
    environment: dict[str, str]


def compose_stack(variables: dict[str, str]) -> tuple[dict[str, Service], dict[str, Any]]:
    """Each service's command and environment as compose would start it, and the whole file."""
    data = _interpolated(yaml.safe_load(COMPOSE.read_text()), variables)
    image_env, image_command = image_defaults()
    services: dict[str, Service] = {}
    for name, spec in data["services"].items():
        environment = {key: str(value) for key, value in (spec.get("environment") or {}).items()}
        if spec.get("build") or spec.get("image", "").startswith("elan"):
            environment = {**image_env, **environment}
            command = list(spec.get("command") or image_command)
        else:
            command = list(spec.get("command") or [])
        services[name] = Service(name, command, environment)
    return services, data


@dataclass
class Places:
    """Where each compose name lives on this machine."""

    postgres_port: int
    redis_port: int
    root: Path
    push_origin: str
    edge_subnet: str
    ports: dict[str, int] = field(default_factory=dict)
    metrics_ports: dict[str, int] = field(default_factory=dict)

    def data_dir(self, service: str) -> Path:
        """The container's /data: its own, with the shared `media` volume mounted in it."""
        path = self.root / "containers" / service
        path.mkdir(parents=True, exist_ok=True)
        media = self.root / "volumes" / "media"
        media.mkdir(parents=True, exist_ok=True)
        if not (path / "media").exists():
            (path / "media").symlink_to(media)
        return path


def on_this_machine(service: Service, places: Places) -> dict[str, str]:
    """The service's environment with Docker's networking translated (see the module docstring)."""
    env = dict(service.environment)
    translated: dict[str, str] = {}
    for key, value in env.items():
        value = value.replace("@postgres:5432/", f"@127.0.0.1:{places.postgres_port}/")
        value = value.replace("redis://redis:6379/", f"redis://127.0.0.1:{places.redis_port}/")
        translated[key] = value
    env = translated
    if env.get("HOST") == "0.0.0.0":
        env["HOST"] = "127.0.0.1"
    if "PORT" in env:
        places.ports.setdefault(service.name, free_port())
        env["PORT"] = str(places.ports[service.name])
    if env.get("FORWARDED_ALLOW_IPS") == places.edge_subnet:
        env["FORWARDED_ALLOW_IPS"] = "127.0.0.1"  # Caddy reaches the apps from loopback
    if env.get("METRICS_ADDRESS", "").startswith("0.0.0.0:"):
        places.metrics_ports.setdefault(service.name, free_port())
        env["METRICS_ADDRESS"] = f"127.0.0.1:{places.metrics_ports[service.name]}"
    if env.get("ELAN_DATA_DIR") == "/data":
        env["ELAN_DATA_DIR"] = str(places.data_dir(service.name))
    if env.get("ELAN_STATIC_DIR") == "/app/pwa/dist":
        env["ELAN_STATIC_DIR"] = str(ROOT / "pwa" / "dist")
    env["PUSH_ALLOWED_ORIGINS"] = places.push_origin
    leftovers = [k for k, v in env.items() if re.search(r"@postgres:|//redis:|^/data|^/app/|0\.0\.0\.0", v)]
    assert not leftovers, f"untranslated compose networking in {service.name}: {leftovers}"
    return env


def base_environment(home: Path) -> dict[str, str]:
    """A container's bare environment: nothing of the test runner's leaks into a service."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}


def _command(command: list[str]) -> list[str]:
    return [sys.executable, *command[1:]] if command and command[0] == "python" else command


class Process:
    """One service's process, its output kept in a file."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], logs: Path, cwd: Path = ROOT) -> None:
        self.name, self.command, self.env, self.cwd = name, command, env, cwd
        self.log_path = logs / f"{name}.log"
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> Process:
        log = self.log_path.open("ab")
        self.popen = subprocess.Popen(
            _command(self.command), cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        return self

    def kill(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.send_signal(signal.SIGKILL)
            self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def exited(self) -> int | None:
        return None if self.popen is None else self.popen.poll()


async def wait_for(what: str, check: Any, timeout: float = 60.0, process: Process | None = None) -> Any:
    """Polls `check` (async, returning a truthy value when done) until it holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    last: Any = None
    while asyncio.get_running_loop().time() < deadline:
        if process is not None and process.exited() is not None:
            raise AssertionError(f"{process.name} exited ({process.exited()}) before {what}:\n{process.output()[-3000:]}")
        try:
            result = await check()
            if result:
                return result
        except (httpx.HTTPError, OSError, ValueError) as error:
            # a connection refused, reset or cut mid-body (an instance killed under the proxy
            # answers with a truncated or non-JSON body) is a try that failed, not the verdict
            last = error
        await asyncio.sleep(0.1)
    detail = f"\n{process.output()[-3000:]}" if process is not None else ""
    raise AssertionError(f"timed out waiting for {what} ({last}){detail}")


class PostgresCluster:
    """A PostgreSQL instance of the test's own (the machine's cluster is shared), started the
    way the postgres image starts: its superuser, password and database from the service's
    POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB."""

    def __init__(self, root: Path, port: int, environment: dict[str, str]) -> None:
        self.dir = root / "postgres"
        self.port = port
        self.user = environment["POSTGRES_USER"]
        self.password = environment["POSTGRES_PASSWORD"]
        self.database = environment["POSTGRES_DB"]
        # Debian's server binaries (the package the CI lane's PostgreSQL comes from), else PATH's
        debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
        found = debian[-1] if debian else Path(shutil.which("initdb") or "initdb")
        self.bin = found.resolve().parent

    def _run(self, *command: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_postgres, *command], check=True, capture_output=True, cwd="/")

    def create(self) -> None:
        self.dir.mkdir(mode=0o700)
        password_file = self.dir.parent / "pgpass"
        password_file.write_text(self.password)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            shutil.chown(password_file, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.dir / "data"), "-U", self.user, f"--pwfile={password_file}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync",
        )
        self.start()
        self._run(str(self.bin / "createdb"), "-h", str(self.dir), "-p", str(self.port), "-U", self.user, self.database)

    def _ctl(self, action: str) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-o", options, "-l",
                  str(self.dir / "server.log"), "-w", "-m", "fast", action)

    def start(self) -> None:
        self._ctl("start")

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        if (self.dir / "data" / "postmaster.pid").exists():
            self._ctl("stop")


class RedisServer:
    """A redis-server of the test's own, started with the compose service's command."""

    def __init__(self, root: Path, port: int, command: list[str], logs: Path) -> None:
        self.dir = root / "redis"
        self.dir.mkdir()
        arguments = [*command, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(self.dir), "--save", ""]
        self.process = Process("redis", arguments, {"PATH": os.environ.get("PATH", "")}, logs, cwd=self.dir)
        self.port = port

    async def start(self) -> None:
        self.process.start()

        async def answers() -> bool:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            writer.write(b"PING\r\n")
            await writer.drain()
            line = await reader.readline()
            writer.close()
            return line.startswith(b"+PONG")

        await wait_for("redis", answers, 20, self.process)

    async def restart(self) -> None:
        self.process.stop()  # SIGTERM: Redis writes its append-only file and exits
        await self.start()

    def stop(self) -> None:
        self.process.stop()


class Caddy:
    """Debian's caddy with deploy/Caddyfile, its placeholders set as compose's `proxy` service
    sets them, plus the ports and upstreams of this machine."""

    def __init__(self, root: Path, environment: dict[str, str], https_port: int, upstreams: list[str], logs: Path) -> None:
        home = root / "caddy"
        home.mkdir()
        self.admin = f"127.0.0.1:{free_port()}"
        self.env = {
            **base_environment(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            **environment,
            "ELAN_HTTPS_PORT": str(https_port),
            "ELAN_HTTP_PORT": str(free_port()),
            "CADDY_ADMIN": self.admin,
            "ELAN_UPSTREAMS": " ".join(upstreams),
        }
        self.root_certificate = home / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        self.process = Process("caddy", ["caddy", "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"], self.env, logs)

    def start(self) -> None:
        self.process.start()

    def tls(self) -> ssl.SSLContext:
        """Trusting Caddy's internal CA, as a browser that installed it would."""
        return ssl.create_default_context(cafile=str(self.root_certificate))

    def reload(self) -> None:
        command = ["caddy", "reload", "--config", str(CADDYFILE), "--adapter", "caddyfile", "--address", self.admin, "--force"]
        subprocess.run(command, env=self.env, check=True, capture_output=True, timeout=30)

    def stop(self) -> None:
        self.process.stop()


async def metrics_of(port: int) -> str:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"http://127.0.0.1:{port}/metrics")
        response.raise_for_status()
        return response.text


def metric_value(text: str, name: str, **labels: str) -> float:
    """The sum of the samples of `name` whose labels include `labels` (0 when none)."""
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        series, _, value = line.rpartition(" ")
        if all(f'{key}="{wanted}"' in series for key, wanted in labels.items()):
            total += float(value)
    return total


def temporary_root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="elan-topology-"))
    root.chmod(0o755)  # the postgres user walks into its directory below
    return root
