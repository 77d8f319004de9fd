"""The daily programme in a huiskamer: check-in, pick-up, afgemeld/afwezig, follow-ups and the
day's counts (`attendance`).

May import: common, toegang, kinderen."""
