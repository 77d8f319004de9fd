"""Login: local accounts (argon2id, TOTP), OIDC (Authlib) and server-side sessions."""
