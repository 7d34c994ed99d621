"""In-app notifications: the one service every domain calls to tell a person something."""
