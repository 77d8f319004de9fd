"""Privacy (AVG) for the privacy officer (role `privacy`): the access request (inzage, art. 15) and
the access log (NEN 7513).

- `inzage`: the one export of everything held about a child and its family, as PDF and JSON, with
  who read or changed it; authorised by `inzage.maken`, audited as `inzage.gemaakt`.
- `inzage_collect` gathers the records, `records` turns a row into labelled entries, `third_parties`
  marks what names others (other children, other families, who reported) for review before release,
  `inzage_pdf` renders the readable PDF.
- `access_log`: searching the audit by child, staff member, period, action and outcome, paged;
  authorised by `audit.lezen`, and every search is itself audited (`audit.gelezen`).
- `child_search`: finding a child anywhere in the organisation (for these two tasks only).

It reads across every part of the work, so it sits at the right end of the one-way order.

May import: common, toegang, kinderen, huiskamer, instroom, signalering, activiteiten, gesprekken,
dossier, rapportage, offline."""
