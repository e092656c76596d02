-- Jobs that run once per cluster. Every member keeps its own timer; when it fires, the member runs the
-- job only if it can claim the current period in scheduled_job (see OncePerCluster). job_run keeps one
-- row per run, so an operator can see which member ran what, when, and how much it did.
CREATE TABLE scheduled_job (
    name        VARCHAR(64)  PRIMARY KEY,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    member      VARCHAR(64)  NOT NULL
);

CREATE TABLE job_run (
    id           BIGSERIAL    PRIMARY KEY,
    job          VARCHAR(64)  NOT NULL,
    member       VARCHAR(64)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    items        BIGINT,
    failure      TEXT
);

CREATE INDEX job_run_latest ON job_run (job, started_at DESC);
