-- Optional second factor: time-based one-time passwords (RFC 6238).
ALTER TABLE app_user ADD COLUMN totp_secret TEXT;
ALTER TABLE app_user ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- A login that passed the password and waits for its code (5 minutes, 5 tries).
CREATE TABLE login_pending (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);
