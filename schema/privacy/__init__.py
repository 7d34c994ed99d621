"""GraphQL layer of the privacy domain: data exports, erasure, retention, transparency."""
