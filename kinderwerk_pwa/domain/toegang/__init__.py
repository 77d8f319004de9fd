"""Who may do what: the acting user (`actor`), the one permission matrix (`permissions`), the
audit log written in the same transaction (`audit`), the beheer of staff and locations
(`staff_admin`, with password hashing and policy and ending sessions), a worker's own
locations (`locations`), and the account setting up its second factor (`second_factor`).

May import: common, models, settings, texts."""
