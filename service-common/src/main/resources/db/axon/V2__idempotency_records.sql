-- The first answer to each client's Idempotency-Key (common/idempotency), in the service's own
-- database. One row per (client, key): the insert that wins decides who runs the request.
CREATE TABLE idempotency_record (
    client_id        VARCHAR(255) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    -- SHA-256 (hex) of the request's method, path, query, content type and body
    fingerprint      CHAR(64)     NOT NULL,
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    -- the claim of the request running it: only its owner completes or releases it
    owner            VARCHAR(64)  NOT NULL,
    response_status  INTEGER,
    -- [[name, value], ...]: the headers replayed (Location, ETag, Content-Type, ...)
    response_headers JSONB,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (client_id, idempotency_key),
    CHECK (state = 'IN_FLIGHT' OR (response_status IS NOT NULL AND response_headers IS NOT NULL AND response_body IS NOT NULL))
);

-- The purge deletes by age.
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
