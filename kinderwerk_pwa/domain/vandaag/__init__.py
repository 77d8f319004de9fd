"""The Vandaag page's working day: in which order a role meets the parts of its day (`workday`).
The parts themselves come from the packages that own them (locations, activities, agreements,
signals, meldcode); this package decides their order and splits what is due today from what is
overdue.

May import: common, toegang, kinderen, huiskamer, instroom, signalering, activiteiten, gesprekken."""
