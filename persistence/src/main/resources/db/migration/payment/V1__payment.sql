-- Payment context: one payment per order, recorded in the checkout transaction after the provider
-- authorized it. The authorization id is unique: one authorization can never pay for two orders.
CREATE TABLE payment (
    id                BIGSERIAL PRIMARY KEY,
    order_number      VARCHAR(20)    NOT NULL UNIQUE,
    authorization_id  VARCHAR(64)    NOT NULL UNIQUE,
    amount            NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency          CHAR(3)        NOT NULL,
    status            VARCHAR(16)    NOT NULL CHECK (status IN ('AUTHORIZED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0
);
