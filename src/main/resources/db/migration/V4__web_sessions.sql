-- Covalue history store, version 4: the web app's browser sessions, kept here so that a restart of
-- the service does not sign everyone out. Portable SQL for H2 2.x and PostgreSQL, like V1.

-- One signed-in browser. Only a SHA-256 hash of the session id (the cookie's value) is kept, so the
-- table cannot be used to sign in. csrf is the token the session's forms must repeat. A removed
-- user's sessions go with them.
CREATE TABLE web_session (
    id_hash         VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_name       VARCHAR(64)   NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    csrf            VARCHAR(64)   NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_by_expiry ON web_session (expires_at);
