"""Common ground for every part of the domain: the errors the app shows in Dutch (`errors`),
the clock and Amsterdam time (`clock`), and the one place where input is cleaned and parsed
(`cleaning`: free text, phone numbers, dates, client UUIDs, weekdays), and finding people by name
(`search`: the normalised search key and the SQL condition that matches it; the models use it too).

May import: models, settings, texts. Nothing else in the domain."""
