-- Fees and charges (phí, lệ phí): each payment of a dossier (online through a gateway,
-- cash or bank transfer at the desk, or a waiver), the receipt numbers (biên lai) per unit
-- and year, the log of every gateway notice, and the sandbox gateway's own ledger.
CREATE TABLE payments (
    id            TEXT PRIMARY KEY,
    dossier_id    INTEGER NOT NULL REFERENCES dossiers(id),
    dossier_code  TEXT NOT NULL,
    unit_code     TEXT NOT NULL,
    amount_vnd    INTEGER NOT NULL,
    method        TEXT NOT NULL,
    provider      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    txn_ref       TEXT NOT NULL UNIQUE,
    provider_ref  TEXT NOT NULL DEFAULT '',
    receipt_year  INTEGER NOT NULL DEFAULT 0,
    receipt_no    INTEGER NOT NULL DEFAULT 0,
    reason        TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    paid_at       TIMESTAMP,
    refunded_at   TIMESTAMP,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX payments_dossier ON payments(dossier_id, status);
CREATE INDEX payments_paid ON payments(unit_code, paid_at);

CREATE TABLE receipt_sequences (
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    last       INTEGER NOT NULL,
    PRIMARY KEY (unit_code, year)
);

CREATE TABLE payment_notices (
    id        INTEGER PRIMARY KEY,
    at        TIMESTAMP NOT NULL,
    provider  TEXT NOT NULL,
    kind      TEXT NOT NULL,
    txn_ref   TEXT NOT NULL DEFAULT '',
    rsp_code  TEXT NOT NULL,
    ip        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_notices_at ON payment_notices(at);

CREATE TABLE sandbox_ledger (
    transaction_no  TEXT PRIMARY KEY,
    txn_ref         TEXT NOT NULL,
    amount_vnd      INTEGER NOT NULL,
    approved        INTEGER NOT NULL,
    ipn_code        TEXT NOT NULL DEFAULT '',
    at              TIMESTAMP NOT NULL
);
CREATE INDEX sandbox_ledger_at ON sandbox_ledger(at);
