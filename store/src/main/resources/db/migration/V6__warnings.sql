-- Warnings (the warn stage): each warning, its recipients with the view each may see, their delivery and
-- acknowledgement, webhook subscriptions and the durable queue of webhook deliveries. Same conventions as
-- V1 and V2: instants are BIGINT microseconds since the epoch, flags SMALLINT 0/1, ${id_key} never reuses
-- a value. Server-Sent Events subscribers are connections, not rows: on connect they are replayed what
-- warning_recipients says is unacknowledged.

CREATE TABLE warnings (
    id        TEXT     PRIMARY KEY, -- the CAP identifier, also the tail of the STIX report id
    rule      TEXT     NOT NULL,    -- indicator-match, cross-border-cluster, escalation, …
    raised    BIGINT   NOT NULL,
    deadline  BIGINT,               -- acknowledge by then or the warning escalates; null: never escalates
    severity  TEXT     NOT NULL,    -- CAP severity: Extreme, Severe, Moderate, Minor or Unknown
    exercise  SMALLINT NOT NULL,    -- CAP status Exercise: never mixed with real warnings
    escalates TEXT REFERENCES warnings (id), -- the warning this one follows up, for escalations
    escalated BIGINT                -- when a follow-up was raised for this warning
);
CREATE INDEX warnings_deadline ON warnings (deadline);

-- One row per member a warning is addressed to. cap and report hold that member's view: the CAP XML and
-- the STIX report, which name and count only what the sharing policy lets this member see.
CREATE TABLE warning_recipients (
    warning_id      TEXT   NOT NULL REFERENCES warnings (id),
    member_id       TEXT   NOT NULL,
    cap             TEXT   NOT NULL,
    report          TEXT   NOT NULL,
    delivered       BIGINT,          -- first delivery to any subscriber of the member
    acknowledged    BIGINT,
    acknowledged_by TEXT,            -- the user who acknowledged
    PRIMARY KEY (warning_id, member_id)
);
CREATE INDEX warning_recipients_member ON warning_recipients (member_id, acknowledged);

-- Webhooks: where to POST a member's warnings, and the secret that signs them (HMAC-SHA256), kept in
-- clear because signing needs it.
CREATE TABLE warning_subscriptions (
    id        ${id_key},
    member_id TEXT   NOT NULL,
    url       TEXT   NOT NULL,
    secret    TEXT   NOT NULL,
    created   BIGINT NOT NULL
);
CREATE INDEX warning_subscriptions_member ON warning_subscriptions (member_id);

-- A warning to deliver to a webhook, retried with backoff until it answers 2xx; the row stays (with
-- delivered set) as the record of the delivery.
CREATE TABLE warning_deliveries (
    subscription_id BIGINT  NOT NULL REFERENCES warning_subscriptions (id),
    warning_id      TEXT    NOT NULL REFERENCES warnings (id),
    member_id       TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt    BIGINT,          -- null: due now
    delivered       BIGINT,
    last_error      TEXT,
    PRIMARY KEY (subscription_id, warning_id)
);
CREATE INDEX warning_deliveries_due ON warning_deliveries (delivered, next_attempt);
