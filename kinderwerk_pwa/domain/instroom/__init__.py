"""How a child comes in and goes out of the dagarrangement: aanmelding and wachtlijst
(`referrals_in`), intake, plaatsing and uitstroom (`placements`); `intake` is the short public
surface of both.

May import: common, toegang, kinderen."""
