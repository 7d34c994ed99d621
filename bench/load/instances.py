"""The instances a capacity run measures, each optionally held to a CPU quota.

- one instance, direct (the default): `python -m server serve` with the bench's environment, as
  bench/load/capacity.py has always started it;
- deployed (`--instances N` with N > 1, or `--proxy`): N app instances and the push and mail
  worker with exactly the command and environment docker-compose.yml gives them, and Debian's
  caddy with deploy/Caddyfile in front (HTTPS, its internal CA). The compose file is read and
  translated to this machine by tests/deploy/topology.py, the code the topology test starts the
  same stack with; the one difference is the stores: the bench's PostgreSQL database and Redis db
  (shared by every instance: the Redis bus carries events between them) rather than a cluster of
  its own. LOG_LEVEL stays at warning, as in the single-instance figures (no access line per
  request).

`--cpu-quota Q` puts each app instance in a cgroup of its own (cgroup v1 cpu controller,
/sys/fs/cgroup/cpu, root) limited to Q cores: on a 2-core machine that also runs the clients,
PostgreSQL and Redis, two instances of 0.5 core against one of 0.5 core is the fair scaled-down
form of « two instances hold twice the phones ». Caddy and the worker are not limited.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.fanout import _free_port

ROOT = Path(__file__).resolve().parents[2]
CGROUP_CPU = Path("/sys/fs/cgroup/cpu")
PERIOD_US = 100_000
CADDY_FILES = 65_536


class QuotaRefused(Exception):
    """The cgroup that would hold an instance to its quota cannot be made."""


class CpuQuota:
    """A cgroup v1 cpu group limiting the processes put in it to `cores` cores."""

    def __init__(self, name: str, cores: float) -> None:
        self.cores = cores
        self.path = CGROUP_CPU / name
        try:
            self.path.mkdir()
            (self.path / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (self.path / "cpu.cfs_quota_us").write_text(str(int(cores * PERIOD_US)))
        except OSError as error:
            self.remove()
            raise QuotaRefused(f"cannot hold an instance to {cores} core(s): {self.path}: {error} (needs root and the "
                               f"cgroup v1 cpu controller mounted at {CGROUP_CPU})") from error

    def add(self, pid: int) -> None:
        (self.path / "cgroup.procs").write_text(str(pid))

    def holds(self, pid: int) -> bool:
        """The quota as the kernel reads it back, and the process inside the group."""
        quota = int((self.path / "cpu.cfs_quota_us").read_text())
        period = int((self.path / "cpu.cfs_period_us").read_text())
        inside = str(pid) in (self.path / "cgroup.procs").read_text().split()
        return inside and abs(quota / period - self.cores) < 1e-3

    def throttling(self) -> tuple[float, int, int]:
        """Seconds the group's processes waited for their quota, the 100-ms periods they ran in
        and those in which they hit the quota (cpu.stat). The quota is enforced per period: an
        instance at 30 % on average still waits whenever a burst uses its 50 ms of a period."""
        stat = dict(line.split(" ", 1) for line in (self.path / "cpu.stat").read_text().splitlines())
        return int(stat["throttled_time"]) / 1e9, int(stat["nr_periods"]), int(stat["nr_throttled"])

    def remove(self) -> None:
        for _ in range(50):  # the group empties as its processes exit
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.1)


def _ready(url: str, seconds: float, process: subprocess.Popen[bytes] | None = None, context: Any = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited ({process.returncode}) before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer 200 within {seconds:.0f} s")


class Instance:
    def __init__(self, name: str, popen: subprocess.Popen[bytes], port: int, metrics_port: int,
                 quota: CpuQuota | None) -> None:
        self.name, self.popen, self.port, self.metrics_port, self.quota = name, popen, port, metrics_port, quota

    @property
    def pid(self) -> int:
        return self.popen.pid

    def sockets(self) -> int:
        """The WebSockets it holds, by its own count (elan_websockets_live on its metrics port)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=10) as reply:
            for line in reply.read().decode().splitlines():
                if line.startswith("elan_websockets_live "):
                    return int(float(line.split()[1]))
        return 0


class Instances:
    """N app instances on the bench's PostgreSQL and Redis, reached directly (one) or through Caddy."""

    def __init__(self, count: int, cpu_quota: float | None, proxy: bool, env: dict[str, str], root: Path) -> None:
        self.count, self.cpu_quota, self.deployed = count, cpu_quota, proxy or count > 1
        self.env, self.root = env, root
        self.instances: list[Instance] = []
        self.quotas: list[CpuQuota] = []
        self.helpers: dict[str, subprocess.Popen[bytes]] = {}  # caddy, worker: measured, not limited
        self.caddy: Any = None
        self.caddy_files = 0
        self.https_port = _free_port()
        self.variables: dict[str, str] = {}
        # the groups first: a machine that cannot hold an instance to its quota says so before seeding
        try:
            for n in range(1, count + 1 if cpu_quota is not None else 1):
                self.quotas.append(CpuQuota(f"elan-bench-{os.getpid()}-app{n}", cpu_quota or 0.0))
        except QuotaRefused:
            self.stop()
            raise
        if self.deployed:
            # the secrets written once, as the operator does before `docker compose up`
            from server.env_file import read_env_file
            from tests.deploy.topology import base_environment

            subprocess.run([sys.executable, "-m", "server", "init-env", "--env-file", str(root / ".env"),
                            "--domain", f"localhost:{self.https_port}"],
                           cwd=ROOT, check=True, capture_output=True, env=base_environment(root))
            self.variables = read_env_file(root / ".env")

    def seed_environment(self) -> dict[str, str]:
        """The seeder's environment: the instances' secret, so the sessions it opens are theirs."""
        if not self.deployed:
            return self.env
        return {**self.env, "SECRET_KEY": self.variables["SECRET_KEY"]}

    @property
    def http(self) -> str:
        return self._base("http") + "/graphql"

    @property
    def ws(self) -> str:
        return self._base("ws") + "/graphql"

    def _base(self, scheme: str) -> str:
        if self.deployed:
            return f"{scheme}s://localhost:{self.https_port}"
        return f"{scheme}://127.0.0.1:{self.instances[0].port}"

    def _limited(self, name: str, popen: subprocess.Popen[bytes]) -> CpuQuota | None:
        if self.cpu_quota is None:
            return None
        quota = self.quotas[len(self.instances) - 1]
        quota.add(popen.pid)
        if not quota.holds(popen.pid):
            raise QuotaRefused(f"{name} (pid {popen.pid}) is not held to {self.cpu_quota} core(s) by {quota.path}")
        return quota

    def start(self) -> None:
        if self.deployed:
            self._start_deployed()
        else:
            port, metrics_port = _free_port(), _free_port()
            env = {**self.env, "PORT": str(port), "HOST": "127.0.0.1", "METRICS_ADDRESS": f"127.0.0.1:{metrics_port}"}
            popen = subprocess.Popen([sys.executable, "-m", "server", "serve"], cwd=ROOT, env=env,
                                     stdout=subprocess.DEVNULL)
            self.instances.append(Instance("app1", popen, port, metrics_port, None))
            self.instances[0].quota = self._limited("app1", popen)
        for instance in self.instances:
            _ready(f"http://127.0.0.1:{instance.port}/readyz", 60, instance.popen)
        if self.deployed:
            _ready(f"https://localhost:{self.https_port}/readyz", 60, self.helpers["caddy"], self.caddy.tls())

    def _start_deployed(self) -> None:
        from tests.deploy.topology import (
            Caddy,
            Places,
            Service,
            base_environment,
            compose_stack,
            on_this_machine,
        )

        services, compose = compose_stack(self.variables)
        places = Places(postgres_port=0, redis_port=0, root=self.root, push_origin="",
                        edge_subnet=compose["networks"]["edge"]["ipam"]["config"][0]["subnet"])
        logs = self.root / "logs"
        logs.mkdir(exist_ok=True)
        # the bench's stores rather than compose's, shared by every instance and the worker
        stores = {"DATABASE_URL": self.env["DATABASE_URL"], "REDIS_URL": self.env["REDIS_URL"], "LOG_LEVEL": "warning"}

        def started(name: str, service: Service) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
            env = {**base_environment(self.root), **on_this_machine(service, places), **stores}
            env.pop("PUSH_ALLOWED_ORIGINS")  # the topology test's own push service: none here
            command = [sys.executable, *service.command[1:]]
            with (logs / f"{name}.log").open("ab") as log:
                return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT), env

        app = services["app1"]  # compose's app1 and app2 are one anchor (x-app): app3… are the same
        for n in range(1, self.count + 1):
            name = f"app{n}"
            popen, env = started(name, Service(name, app.command, app.environment))
            self.instances.append(Instance(name, popen, int(env["PORT"]), int(env["METRICS_ADDRESS"].rsplit(":", 1)[1]),
                                           None))
            self.instances[-1].quota = self._limited(name, popen)
        self.helpers["worker"], _ = started("worker", services["worker"])
        upstreams = [f"127.0.0.1:{instance.port}" for instance in self.instances]
        self.caddy = Caddy(self.root, services["proxy"].environment, self.https_port, upstreams, logs)
        self.caddy.start()
        self.helpers["caddy"] = self.caddy.process.popen
        # Caddy holds two descriptors per phone (the phone's socket and its own to an instance):
        # 10,000 phones and more need more than this machine's usual 20,000, raised where allowed
        with contextlib.suppress(OSError, ValueError):
            resource.prlimit(self.helpers["caddy"].pid, resource.RLIMIT_NOFILE, (CADDY_FILES, CADDY_FILES))
        self.caddy_files = resource.prlimit(self.helpers["caddy"].pid, resource.RLIMIT_NOFILE)[0]
        deadline = time.monotonic() + 30
        while not self.caddy.root_certificate.exists():
            if time.monotonic() > deadline or self.helpers["caddy"].poll() is not None:
                raise RuntimeError(f"Caddy made no certificate:\n{self.caddy.process.output()[-2000:]}")
            time.sleep(0.1)
        # every client of the run (this process, the socket holders and the request driver it
        # forks) trusts Caddy's internal CA, as a phone that installed it would
        os.environ["SSL_CERT_FILE"] = str(self.caddy.root_certificate)

    def quota_line(self) -> str:
        files = (f"; Caddy may open {self.caddy_files:,} files: ≈ {self.caddy_files // 2 - 100:,} phones at most"
                 if self.deployed else "")
        if not self.quotas:
            return "no CPU quota: each instance may use a whole core" + files
        return "CPU quota applied: " + ", ".join(
            f"{instance.name} (pid {instance.pid}) held to {self.cpu_quota} core in {instance.quota.path}"
            for instance in self.instances if instance.quota is not None) + files

    def stop(self) -> None:
        for popen in [*self.helpers.values(), *(instance.popen for instance in self.instances)]:
            if popen is not None and popen.poll() is None:
                popen.terminate()
        for popen in [*self.helpers.values(), *(instance.popen for instance in self.instances)]:
            if popen is None:
                continue
            try:
                popen.wait(15)
            except subprocess.TimeoutExpired:
                popen.kill()
                popen.wait(5)
        for quota in self.quotas:
            quota.remove()
