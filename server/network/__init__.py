"""The network: organisations (tenants) and their tree of units."""
