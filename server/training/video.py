"""Videos in a module: a link to an allowed host, shown embedded in its player.

Only a few hosts are allowed, so that a section never frames an arbitrary page: the link an
author pastes (a watch page, a short link or an embed address) is read into the host's video
id and stored in one canonical form; the reader gets the host's embed address, which the
PWA's Content-Security-Policy allows in a frame (`FRAME_ORIGINS`, server.static). Anything
else is refused with `training_video_host_invalid`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from server.errors import ValidationFailed

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
DAILYMOTION_ID = re.compile(r"^[A-Za-z0-9]{5,12}$")

# the players' origins, allowed as frame sources by the app's Content-Security-Policy
FRAME_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://www.dailymotion.com")
# the hosts an author may link to, for the error message and the README
ALLOWED_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "dailymotion.com", "dai.ly")


@dataclass(frozen=True, slots=True)
class Video:
    host: str  # youtube | vimeo | dailymotion
    id: str

    @property
    def url(self) -> str:
        """The canonical watch address, as stored."""
        if self.host == "youtube":
            return f"https://www.youtube.com/watch?v={self.id}"
        if self.host == "vimeo":
            return f"https://vimeo.com/{self.id}"
        return f"https://www.dailymotion.com/video/{self.id}"

    @property
    def embed_url(self) -> str:
        """The player's address (YouTube without its tracking cookies)."""
        if self.host == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.id}"
        if self.host == "vimeo":
            return f"https://player.vimeo.com/video/{self.id}"
        return f"https://www.dailymotion.com/embed/video/{self.id}"


def _segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


def read_video(link: str) -> Video | None:
    """The video a link names, when it is one of an allowed host; None otherwise."""
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or parts.username or parts.password or parts.port:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = _segments(parts.path)
    candidate: Video | None = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path == ["watch"]:
            found = parse_qs(parts.query).get("v", [""])
            candidate = Video("youtube", found[0])
        elif len(path) == 2 and path[0] in ("embed", "shorts", "live"):
            candidate = Video("youtube", path[1])
    elif host == "youtu.be" and len(path) == 1:
        candidate = Video("youtube", path[0])
    elif host == "vimeo.com" and len(path) == 1:
        candidate = Video("vimeo", path[0])
    elif host == "player.vimeo.com" and len(path) == 2 and path[0] == "video":
        candidate = Video("vimeo", path[1])
    elif host == "dailymotion.com" and len(path) >= 2 and path[-2] == "video":
        candidate = Video("dailymotion", path[-1])
    elif host == "dai.ly" and len(path) == 1:
        candidate = Video("dailymotion", path[0])
    if candidate is None:
        return None
    pattern = {"youtube": YOUTUBE_ID, "vimeo": VIMEO_ID, "dailymotion": DAILYMOTION_ID}[candidate.host]
    return candidate if pattern.match(candidate.id) else None


def checked_video_url(link: str | None, field: str = "sections") -> str | None:
    """The canonical address of an allowed video, None for no video; refuses anything else."""
    if link is None or not link.strip():
        return None
    if len(link) > 300:
        raise ValidationFailed("training_video_host_invalid", field, hosts=", ".join(ALLOWED_HOSTS))
    video = read_video(link)
    if video is None:
        raise ValidationFailed("training_video_host_invalid", field, hosts=", ".join(ALLOWED_HOSTS))
    return video.url


def embed_url(stored: str | None) -> str | None:
    """The player of a stored video address (None when there is none or it is not allowed)."""
    video = read_video(stored) if stored else None
    return video.embed_url if video is not None else None
