"""Activities of the open work (playgrounds, schoolyards, the Droomspeelbus, brede scholen): the
catalogue of kinds and themes shipped as data (`catalog`), who may plan, register and see an
activity (`access`), planning a single activity or a weekly series with its materialised occurrences
(`planning`), the colleagues and partners the plan form offers (`choices`), the week per location,
the month, and the sheet of one occurrence with its children for tap tiles (`programme`), and the
one idempotent entry of a field registration (`registration`, `register_activity`: the online form,
the offline queue and the tests all use it).

Reach and planned-against-realised figures live in rapportage (`rapportage.activity_reach`).

Independent of huiskamer, instroom and signalering (the same line of the one-way order): a
signal captured during an activity goes through signalering's own entry, called by the page.

May import: common, toegang, kinderen."""
