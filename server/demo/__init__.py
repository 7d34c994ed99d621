"""The French demo network that `make run` shows alive."""
