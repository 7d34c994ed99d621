"""Texts Élan writes itself, as GraphQL sees them: what their parameters name, looked up once
per request (server.texts)."""
