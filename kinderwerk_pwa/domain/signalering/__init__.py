"""Signaleren: the catalogue of signal categories (`signal_catalog`), capturing and correcting
signals (`signals`), and the meldcode track with the afwegingskader (`meldcode`).

May import: common, toegang, kinderen."""
