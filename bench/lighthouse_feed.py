"""Lighthouse, mobile with simulated slow 4G (its defaults), on the signed-in feed of the demo
network, served the way `make run` serves it (built PWA, compression, one process, SQLite).

    python -m bench.lighthouse_feed

Needs the PWA built (`make pwa`) and Lighthouse 12 (Node 20): `LIGHTHOUSE=/path/to/cli.js`,
else `npx lighthouse`; Chromium from CHROME_PATH (default /usr/bin/chromium). Prints the
performance and accessibility scores with total blocking time, layout shift and LCP; a run
without Lighthouse says so and exits 0. Budget (issue 15): performance ≥ 90, accessibility 100.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
LOGIN = """mutation ($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) { __typename ... on AuthSuccess { token } }
}"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def lighthouse_command() -> list[str] | None:
    given = os.environ.get("LIGHTHOUSE")
    if given:
        return ["node", given] if given.endswith(".js") else [given]
    return ["npx", "--no-install", "lighthouse"] if shutil.which("npx") else None


def start_server(data_dir: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ELAN_DATA_DIR": data_dir, "ELAN_DEMO": "1", "HOST": "127.0.0.1", "PORT": str(port),
           "LOG_LEVEL": "warning"}
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    return subprocess.Popen([sys.executable, "-m", "server", "serve"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(1500):
        if process.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the demo server did not start")


def main() -> int:
    command = lighthouse_command()
    if command is None:
        print("Lighthouse not available (set LIGHTHOUSE): skipped")
        return 0
    if not (ROOT / "pwa" / "dist" / "index.html").exists():
        raise SystemExit("build the PWA first (make pwa)")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="elan-lighthouse-") as data_dir:
        server = start_server(data_dir, port)
        try:
            wait_until_up(url, server)
            login = httpx.post(f"{url}/graphql", json={"query": LOGIN, "variables": {
                "email": "seller@elan.example", "password": "elan-demo"}}, headers={"Origin": url}, timeout=30)
            token = login.json()["data"]["login"]["token"]
            # one warm-up visit so the server's caches are as a phone would find them
            httpx.get(f"{url}/", cookies={"elan_session": token}, timeout=30)
            report = Path(data_dir) / "feed.json"
            run = subprocess.run([
                *command, f"{url}/", "--output=json", f"--output-path={report}", "--quiet",
                "--only-categories=performance,accessibility",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--extra-headers", json.dumps({"Cookie": f"elan_session={token}"}),
            ], env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}, check=False)
            if run.returncode != 0 or not report.exists():
                print(f"Lighthouse failed (exit {run.returncode})")
                return 1
            result = json.loads(report.read_text())
        finally:
            server.terminate()
            server.wait(timeout=30)
    audits, categories = result["audits"], result["categories"]
    print(f"final URL {result['finalDisplayedUrl']} ({result['configSettings']['formFactor']}, "
          f"{result['configSettings']['throttlingMethod']}, rtt {result['configSettings']['throttling']['rttMs']} ms)")
    print(f"performance {round(categories['performance']['score'] * 100)}  "
          f"accessibility {round(categories['accessibility']['score'] * 100)}")
    for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                 "cumulative-layout-shift", "speed-index"):
        print(f"  {name}: {audits[name]['displayValue']}")
    for shift in audits.get("layout-shifts", {}).get("details", {}).get("items", [])[:5]:
        node = shift.get("node", {})
        print(f"  layout shift {shift.get('score', 0):.3f}: {node.get('selector', '?')} {node.get('snippet', '')[:80]}")
    failing = [key for key, audit in audits.items()
               if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"]
    if failing:
        print("  failing audits:", ", ".join(sorted(failing)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
