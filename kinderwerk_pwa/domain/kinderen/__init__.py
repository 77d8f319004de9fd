"""The child and what belongs to it everywhere in the work: reading children (`children`,
with `load_child`/`child_target` that every other part uses to check access to a child), the child
record with guardians, pick-up persons and consents (`child_record`), the parents' consents and
their withdrawal (`consents`), the derived child status
(`child_status`), leerdoelen (`goals`) and the timeline item type (`timeline_item`).

May import: common, toegang."""
