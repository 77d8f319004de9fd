"""Our own HTTP routes (login, logout, health, later: offline sync), mounted into Reflex's server."""
