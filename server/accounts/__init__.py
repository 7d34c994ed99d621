"""People, their sessions and the invites that bring them in."""
