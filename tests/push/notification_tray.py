"""The phone's notification tray, for the browser tests: a stand-in for the desktop's
notification daemon (`org.freedesktop.Notifications`) on a private D-Bus session bus.

Chromium on Linux hands the notifications a service worker shows to that daemon. Tapping
one here (the daemon's `ActionInvoked` signal with the "default" action) makes Chromium
fire a real `notificationclick` in the service worker, with the user activation that
`clients.openWindow()` and `WindowClient.focus()` require; an event dispatched by a
script has none, so only this path proves that a tap opens the app when it is closed.
"""

# no `from __future__ import annotations`: dbus-fast reads the D-Bus signatures from the
# annotations as written ("as", "u"…)

import asyncio
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method, signal

DBUS_DAEMON = "/usr/bin/dbus-daemon"
# a session bus with nothing to activate (no accessibility bus or portals started for Chromium)
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class TrayNotification:
    id: int
    title: str
    body: str
    actions: list[str]
    closed: bool = False


class _Daemon(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.shown: list[TrayNotification] = []
        self.changed = asyncio.Event()
        self._next_id = 1

    @method()
    def GetCapabilities(self) -> "as":  # noqa: F722, F821
        return ["actions", "body", "persistence"]

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: F722, F821
        return ["elan-test-tray", "Élan", "1.0", "1.2"]

    @method()
    def Notify(
        self,
        app_name: "s",  # noqa: F722, F821
        replaces_id: "u",  # noqa: F722, F821
        app_icon: "s",  # noqa: F722, F821
        summary: "s",  # noqa: F722, F821
        body: "s",  # noqa: F722, F821
        actions: "as",  # noqa: F722, F821
        hints: "a{sv}",  # noqa: F722, F821
        expire_timeout: "i",  # noqa: F722, F821
    ) -> "u":  # noqa: F722, F821
        notification_id = replaces_id or self._next_id
        self._next_id = max(self._next_id, notification_id) + 1
        self.shown = [n for n in self.shown if n.id != notification_id]
        self.shown.append(TrayNotification(notification_id, summary, body, list(actions)))
        self.changed.set()
        return notification_id

    @method()
    def CloseNotification(self, notification_id: "u") -> None:  # noqa: F722, F821
        for notification in self.shown:
            if notification.id == notification_id:
                notification.closed = True
        self.changed.set()

    @signal()
    def ActionInvoked(self, invoked: list) -> "us":  # noqa: F722, F821
        return invoked

    @signal()
    def NotificationClosed(self, closed: list) -> "uu":  # noqa: F722, F821
        return closed


class NotificationTray:
    """Start it, give Chromium its `address` as DBUS_SESSION_BUS_ADDRESS, then read what is
    shown and tap it."""

    def __init__(self) -> None:
        self.address = ""
        self._folder = ""
        self._process: asyncio.subprocess.Process | None = None
        self._bus: MessageBus | None = None
        self._daemon = _Daemon()

    async def start(self) -> str:
        assert Path(DBUS_DAEMON).exists(), "install Debian's dbus-daemon (make test does it as root)"
        self._folder = tempfile.mkdtemp(prefix="elan-tray-")
        config = Path(self._folder) / "bus.conf"
        config.write_text(BUS_CONFIG.format(folder=self._folder))
        self._process = await asyncio.create_subprocess_exec(
            DBUS_DAEMON, f"--config-file={config}", "--nofork", "--print-address",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
        )
        assert self._process.stdout is not None
        self.address = (await asyncio.wait_for(self._process.stdout.readline(), 10)).decode().strip()
        self._bus = await MessageBus(bus_address=self.address).connect()
        self._bus.export("/org/freedesktop/Notifications", self._daemon)
        await self._bus.request_name("org.freedesktop.Notifications")
        return self.address

    async def stop(self) -> None:
        if self._bus is not None:
            self._bus.disconnect()
            self._bus = None
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()
            await self._process.wait()
        shutil.rmtree(self._folder, ignore_errors=True)

    @property
    def shown(self) -> list[TrayNotification]:
        """What the tray shows now."""
        return [n for n in self._daemon.shown if not n.closed]

    def was_closed(self, notification: TrayNotification) -> bool:
        return notification.closed

    async def wait_for(self, count: int, timeout: float = 10.0) -> list[TrayNotification]:
        """The notifications shown, once there are `count` of them."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.shown) != count:
            self._daemon.changed.clear()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"expected {count} notification(s) in the tray, saw {self.shown}")
            try:
                await asyncio.wait_for(self._daemon.changed.wait(), remaining)
            except TimeoutError:
                pass
        return self.shown

    def tap(self, notification: TrayNotification) -> None:
        """The person taps the notification's body."""
        self._daemon.ActionInvoked([notification.id, "default"])
