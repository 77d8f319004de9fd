"""The offline queue's way in: the context a phone keeps for working without a connection and
storing queued items through the same idempotent functions as the online forms (`sync`).

May import: common, toegang, kinderen, huiskamer, signalering, activiteiten, gesprekken."""
