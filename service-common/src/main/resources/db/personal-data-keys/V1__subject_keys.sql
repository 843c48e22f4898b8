-- The personal-data key store (common/personaldata): one row per data subject, in a database of its own
-- (<service db>_keys), never the event store's, so a backup of the events holds no key.
CREATE TABLE subject_key (
    subject     VARCHAR(300) PRIMARY KEY,
    -- the subject's AES-256 data key wrapped by the master key (AES-GCM, AAD = subject): version | nonce | ct+tag.
    -- NULL once erased: the row stays as a tombstone, so the subject is never sealed for again.
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ  NOT NULL,
    erased_at   TIMESTAMPTZ,
    -- the order rows were written in: lets an instance learn the subjects written since it last looked
    seq         BIGSERIAL    NOT NULL UNIQUE,
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
