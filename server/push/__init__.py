"""Web Push: subscriptions, preferences, the outbox and the worker that delivers it."""
