"""Committed migrations of the elan app (Tortoise built-in migrations)."""
