"""Élan server: the Starlette application, domain services and Tortoise models."""
