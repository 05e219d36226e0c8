-- Covalue history store, version 1. Portable SQL: the same file runs on H2 2.x (embedded, the
-- default) and on PostgreSQL. TEXT is a large character type on both.

-- One row per relationship, kept in step with its latest snapshot (by assessedOn) in the same
-- transaction as every write, so listings need no scan of the history.
CREATE TABLE relationship (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    display_name    VARCHAR(1000),
    client_name     VARCHAR(1000),
    supplier_name   VARCHAR(1000),
    snapshot_count  INTEGER       NOT NULL,
    first_on        DATE,
    latest_on       DATE,
    overall_health  INTEGER,
    verdict         VARCHAR(32),
    renewal_date    DATE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX relationship_by_renewal ON relationship (renewal_date);

-- Every snapshot as it was received (validated JSON), one per relationship and assessment day.
CREATE TABLE snapshot (
    relationship_id VARCHAR(64)   NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    assessed_on     DATE          NOT NULL,
    display_name    VARCHAR(1000),
    client_name     VARCHAR(1000),
    supplier_name   VARCHAR(1000),
    body            TEXT          NOT NULL,
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (relationship_id, assessed_on)
);

-- The advice given for a snapshot when it was stored, with the rule revision that gave it and
-- the previous snapshot it was compared with. Written in the same transaction as its snapshot.
CREATE TABLE advice (
    relationship_id VARCHAR(64)   NOT NULL,
    assessed_on     DATE          NOT NULL,
    rules_revision  VARCHAR(64)   NOT NULL,
    previous_on     DATE,
    overall_health  INTEGER,
    verdict         VARCHAR(32),
    renewal_date    DATE,
    body            TEXT          NOT NULL,
    given_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (relationship_id, assessed_on),
    FOREIGN KEY (relationship_id, assessed_on) REFERENCES snapshot (relationship_id, assessed_on) ON DELETE CASCADE
);
