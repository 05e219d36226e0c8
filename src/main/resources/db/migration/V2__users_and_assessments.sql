-- Covalue history store, version 2: the web app's users and API tokens, and two-sided
-- assessments with their respondent links. Portable SQL for H2 2.x and PostgreSQL, like V1.

-- People who sign in to the web app. role is ADMIN, LEAD or VIEWER; password_hash is a bcrypt hash.
CREATE TABLE app_user (
    name            VARCHAR(64)   NOT NULL PRIMARY KEY,
    role            VARCHAR(16)   NOT NULL,
    password_hash   VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API tokens for scripts, each acting as its user. Only a SHA-256 hash of the token is kept.
CREATE TABLE api_token (
    token_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_name       VARCHAR(64)   NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    label           VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A two-sided assessment of one relationship on one day: the objective facts the lead entered
-- (a snapshot without views, as JSON) until it is closed and stored as a snapshot.
CREATE TABLE assessment (
    id              VARCHAR(32)   NOT NULL PRIMARY KEY,
    relationship_id VARCHAR(64)   NOT NULL,
    assessed_on     DATE          NOT NULL,
    facts           TEXT          NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assessment_by_relationship ON assessment (relationship_id);

-- A respondent link: a capability for one side (CLIENT or SUPPLIER) of one assessment. Only a
-- SHA-256 hash of its token is kept. answers is that side's view as JSON, saved as a draft until
-- submitted_at is set.
CREATE TABLE respondent_link (
    token_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    assessment_id   VARCHAR(32)   NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    side            VARCHAR(16)   NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked         BOOLEAN       NOT NULL,
    answers         TEXT,
    saved_at        TIMESTAMP WITH TIME ZONE,
    submitted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX respondent_link_by_assessment ON respondent_link (assessment_id);
