"""What the teamleider steers and reports with: the team overview (`overview`), the period report
(`period_report`), trends (`trend_series`), the small-cell rule (`small_cells`), the scope and
authorisation of a report (`report_scope`) and exports (`exports`); `reports` is their public surface.
Aggregates only: no child's name leaves this package.

May import: common, toegang, kinderen, huiskamer, instroom, signalering."""
