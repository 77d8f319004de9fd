"""Parent conversations and what follows from them: who may read a conversation
(`conversation_access`), input cleaning (`conversation_input`), recording notes (`conversation_notes`),
agreements (`agreements`), the family page (`families`), referrals out (`referrals_out`),
ketenpartners (`partners`) and the lists behind the team overview's overdue figures (`location_lists`); `conversations` is the public surface of the notes and agreements.

May import: common, toegang, kinderen, signalering (a conversation can record meldcode step 3)."""
