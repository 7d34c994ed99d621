"""Channel of a person's notifications."""


def notifications_channel(user_id: int) -> str:
    return f"notifications:{user_id}"
