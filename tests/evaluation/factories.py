"""Skills grids for tests."""

from __future__ import annotations

from server.accounts.models import Role, User
from server.evaluation.grids import SkillInput, create_grid
from server.network.scope import scope_of_user

SKILLS = ["Accueil client", "Découverte des besoins", "Argumentation produit", "Financement", "Suivi client"]


async def make_grid(admin: User, label_badge_id: int | None = None) -> int:
    grid = await create_grid(
        await scope_of_user(admin),
        "Vendeur",
        Role.MEMBER,
        [SkillInput(name, [f"{name} : niveau {n}" for n in range(1, 5)]) for name in SKILLS],
        label_badge_id=label_badge_id,
    )
    return grid.id
