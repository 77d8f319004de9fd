"""One module per page, with its page-local state."""
