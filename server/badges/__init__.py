"""Recognition: badges and labels, awarded by managers and by rules, verifiable outside Élan."""
