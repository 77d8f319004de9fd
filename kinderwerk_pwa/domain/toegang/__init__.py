"""Who may do what: the acting user (`actor`), the one permission matrix (`permissions`), the
audit log written in the same transaction (`audit`), the beheer of staff and locations
(`staff_admin`, with password hashing and policy and ending sessions), and a worker's own
locations (`locations`).

May import: common, models, settings, texts."""
