"""Bewaartermijnen (retention) and the requests for rectification and erasure (AVG art. 16, 17).

- `terms`: the retention term per kind of record, from the settings (README, "Bewaartermijnen").
- `due`: what is past its term today (a child's record, signals without a meldcode track, tracks
  and signals about unknown children, notes of activities), and what stands in the way of erasing
  a child now (an open meldcode track, a track within its term, a running placement).
- `erase`: removing the personal data and free text of one item while keeping what the figures
  need, so the rapportage of a past period stays the same (no commit, no audit: the caller's).
- `retention`: the privacy officer's list and run (`bewaartermijn.uitvoeren`), and the operator's
  command (`python -m kinderwerk_pwa.manage retention`): one transaction per item, audited.
- `requests`: recording a request, deciding it with a reason; an accepted erasure uses `erase`
  at once (`verzoek.behandelen`).

It removes data from every part of the work, so it sits at the right end of the one-way order.

May import: common, toegang, kinderen, huiskamer, instroom, signalering, activiteiten, gesprekken,
dossier, rapportage, offline, privacy."""
