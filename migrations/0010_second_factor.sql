-- Second factor (TOTP, RFC 6238) for the roles that see claim and patient data (controller, medical
-- adviser; the list is SECOND_FACTOR_ROLES in src/domain/auth/second-factor.ts).
--
-- users.totp_secret (0001) holds the base32 secret. It is confirmed when totp_enrolled_at is set
-- (by `zorginkoop users add`, or by the user confirming a first code after enrolling in the app);
-- a secret without totp_enrolled_at is an enrolment in progress. totp_last_step is the time step of
-- the last accepted code: a code is accepted only for a later step, so no code works twice.
-- sessions.second_factor_at is when the session's code was accepted: NULL is a pending session
-- (password only), which the API refuses on claim and patient data; second_factor_failures counts
-- wrong codes, and the session ends after too many.

ALTER TABLE users ADD COLUMN totp_last_step bigint NULL CHECK (totp_last_step >= 0);
ALTER TABLE users ADD COLUMN totp_enrolled_at timestamptz NULL;
ALTER TABLE users ADD CONSTRAINT users_totp_secret_base32 CHECK (totp_secret IS NULL OR totp_secret ~ '^[A-Z2-7]{26,128}$');
ALTER TABLE users ADD CONSTRAINT users_totp_enrolled_has_secret CHECK (totp_enrolled_at IS NULL OR totp_secret IS NOT NULL);

ALTER TABLE sessions ADD COLUMN second_factor_at timestamptz NULL;
ALTER TABLE sessions ADD COLUMN second_factor_failures smallint NOT NULL DEFAULT 0 CHECK (second_factor_failures >= 0);
