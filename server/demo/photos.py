"""Profile photos for part of the demo network, so `make run` shows faces as well as initials:
simple portrait-like pictures (a background, shoulders, a face, hair) drawn deterministically
from each person's name, then stored the way a real upload is (server.media.services)."""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from server.accounts.models import Role, User
from server.media.services import set_profile_photo

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

EDGE = 512
SKIN = [(241, 204, 176), (224, 172, 138), (198, 134, 96), (141, 85, 56), (255, 219, 188), (172, 112, 76)]
HAIR = [(44, 30, 22), (92, 58, 33), (170, 120, 60), (30, 30, 34), (120, 80, 50), (200, 170, 110), (90, 90, 96)]
CLOTHES = [(35, 64, 168), (27, 122, 67), (150, 40, 60), (60, 60, 72), (200, 120, 30), (90, 50, 140)]
BACKGROUND = [(222, 232, 250), (250, 236, 214), (220, 242, 230), (244, 222, 230), (232, 226, 246), (226, 240, 244)]


def portrait(name: str) -> bytes:
    """A 512 px PNG portrait; the same name always gives the same picture."""
    seed = hashlib.sha256(name.encode()).digest()
    pick = lambda palette, byte: palette[seed[byte] % len(palette)]  # noqa: E731
    image = Image.new("RGB", (EDGE, EDGE), pick(BACKGROUND, 0))
    draw = ImageDraw.Draw(image)
    skin, hair, clothes = pick(SKIN, 1), pick(HAIR, 2), pick(CLOTHES, 3)
    long_hair = seed[4] % 2 == 0
    centre = EDGE // 2 + (seed[5] % 41) - 20
    if long_hair:
        draw.rounded_rectangle((centre - 130, 120, centre + 130, 400), radius=110, fill=hair)
    draw.ellipse((centre - 210, 360, centre + 210, 700), fill=clothes)  # shoulders
    draw.rectangle((centre - 45, 300, centre + 45, 390), fill=skin)  # neck
    draw.ellipse((centre - 105, 110, centre + 105, 350), fill=skin)  # face
    draw.chord((centre - 112, 92, centre + 112, 300), 180, 360, fill=hair)  # hair on top
    eye_y = 225
    for dx in (-42, 42):
        draw.ellipse((centre + dx - 9, eye_y - 9, centre + dx + 9, eye_y + 9), fill=(40, 32, 30))
    draw.arc((centre - 40, 250, centre + 40, 305), 20, 160, fill=(150, 60, 60), width=6)  # smile
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def photographed(demo: DemoNetwork) -> list[User]:
    """Who has a photo in the demo: head office, the demo seller and about a third of the
    network; the demo manager and the others keep their initials, so both show side by side."""
    return [demo.accounts["admin"], demo.accounts["seller"]] + [
        person for index, person in enumerate(demo.people[3:]) if index % 3 == 0 and person.role != Role.ADMIN
    ]


async def seed_photos(demo: DemoNetwork) -> None:
    people = photographed(demo)
    for person in people:
        await set_profile_photo(person, portrait(person.display_name))
    demo.counts["photos"] = len(people)
