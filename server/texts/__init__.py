"""Texts Élan writes itself (notifications, push, automatic feed posts, duel titles, the
public verification page), stored as a kind and parameters and rendered here, in the
reader's language, when they are read or sent. French first, English second."""
