"""The social feed: wins, best practices, announcements and their reactions."""
