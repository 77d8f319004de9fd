"""The child's whole picture across the parts of the work: the timeline of signals, meldcode steps
and conversations (`timeline`), each shown only to whom may see it.

May import: common, toegang, kinderen, signalering, gesprekken."""
