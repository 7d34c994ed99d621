"""Which video links a section takes, and the player each is shown in (server.training.video)."""

from __future__ import annotations

import pytest

from server.errors import ValidationFailed
from server.static import CSP
from server.training.video import FRAME_ORIGINS, checked_video_url, embed_url

ALLOWED = {
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://m.youtube.com/watch?v=dQw4w9WgXcQ": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://www.youtube.com/shorts/dQw4w9WgXcQ": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://vimeo.com/76979871": "https://player.vimeo.com/video/76979871",
    "https://player.vimeo.com/video/76979871": "https://player.vimeo.com/video/76979871",
    "https://www.dailymotion.com/video/x8abcde": "https://www.dailymotion.com/embed/video/x8abcde",
    "https://dai.ly/x8abcde": "https://www.dailymotion.com/embed/video/x8abcde",
}
REFUSED = [
    "https://video.example.com/watch?v=dQw4w9WgXcQ",  # another host
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",  # a look-alike
    "https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ",  # credentials
    "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",  # another port
    "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=short",  # not a video id
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>",
    "https://vimeo.com/channels/staffpicks",
    "ftp://vimeo.com/76979871",
]


@pytest.mark.parametrize(("link", "player"), ALLOWED.items())
def test_a_link_of_an_allowed_host_is_stored_canonical_and_shown_in_its_player(link: str, player: str) -> None:
    stored = checked_video_url(link)
    assert stored is not None and stored.startswith("https://")
    assert embed_url(stored) == player
    assert player.startswith(FRAME_ORIGINS)


@pytest.mark.parametrize("link", REFUSED)
def test_any_other_link_is_refused(link: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        checked_video_url(link)
    assert refused.value.code == "training_video_host_invalid"


def test_no_link_is_no_video_and_the_app_frames_only_the_players() -> None:
    assert checked_video_url(None) is None and checked_video_url("  ") is None
    frame_src = next(d for d in CSP.split(";") if d.strip().startswith("frame-src"))
    assert frame_src.split()[1:] == list(FRAME_ORIGINS)
