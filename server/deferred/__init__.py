"""Work that follows a change but must not slow it down, kept in the database until done."""
