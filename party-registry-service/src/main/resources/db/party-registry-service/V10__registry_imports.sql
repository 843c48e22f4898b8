-- The registry's bulk import (importing package): jobs, their uploaded files, rejections and the ledger of what
-- each natural key was imported as. An upload is stored here before its job runs, so any instance can resume it.

CREATE TABLE registry_import_job (
    job_id          uuid PRIMARY KEY,
    kind            varchar(40)  NOT NULL,
    status          varchar(16)  NOT NULL,          -- QUEUED, RUNNING, SUCCEEDED, FAILED
    uploaded_by     varchar(200),
    uploaded_bytes  bigint       NOT NULL,
    upload_parts    integer      NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    rows_read       bigint       NOT NULL DEFAULT 0, -- committed progress: a resumed job skips these rows
    accepted        bigint       NOT NULL DEFAULT 0,
    unchanged       bigint       NOT NULL DEFAULT 0,
    rejected        bigint       NOT NULL DEFAULT 0,
    run_millis      bigint       NOT NULL DEFAULT 0, -- time spent in chunks, summed over resumptions (rows/s)
    lease_owner     varchar(200),
    lease_until     timestamptz,
    failure         text
);

CREATE INDEX registry_import_job_unfinished ON registry_import_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- The uploaded file in parts of at most 1 MB, read back as one stream by the worker; dropped when the job is done.
CREATE TABLE registry_import_upload (
    job_id  uuid    NOT NULL REFERENCES registry_import_job (job_id) ON DELETE CASCADE,
    part    integer NOT NULL,
    data    bytea   NOT NULL,
    PRIMARY KEY (job_id, part)
);

-- Why a row was not imported: row number (1 = the first row after the header), field, reason (never a personal value).
CREATE TABLE registry_import_rejection (
    job_id      uuid         NOT NULL REFERENCES registry_import_job (job_id) ON DELETE CASCADE,
    row_number  bigint       NOT NULL,
    field       varchar(64)  NOT NULL,
    reason      text         NOT NULL,
    PRIMARY KEY (job_id, row_number, field)
);

-- One line per natural key ever imported: the aggregate it became, a keyed hash of the row (the same row again is
-- unchanged, another row under the key is rejected) and the place later files resolve it to. The key of a person is
-- the keyed pseudonym of the identity number, never the number.
CREATE TABLE registry_import_ledger (
    kind          varchar(40)  NOT NULL,
    natural_key   varchar(160) NOT NULL,
    aggregate_id  varchar(64)  NOT NULL,
    content_hash  varchar(64)  NOT NULL,
    street_code   varchar(9),
    area_code     varchar(12),
    job_id        uuid         NOT NULL,
    row_number    bigint       NOT NULL,
    PRIMARY KEY (kind, natural_key)
);
