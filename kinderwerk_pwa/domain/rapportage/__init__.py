"""What the teamleider steers and reports with: the team overview (`overview`), the period report
(`period_report`), trends (`trend_series`), the small-cell rule (`small_cells`), the scope and
authorisation of a report (`report_scope`), exports (`exports`), and the reach of activities with
planned against realised (`activity_reach`); `reports` is the public surface of the period report.
Aggregates only: no child's name leaves this package.

May import: common, toegang, kinderen, huiskamer, instroom, signalering, activiteiten."""
