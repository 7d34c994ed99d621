"""The organisation's audit trail: who changed what, when, before and after."""
