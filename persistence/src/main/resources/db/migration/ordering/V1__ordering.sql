-- Ordering context: placed orders. The idempotency key is unique so that a replayed or racing checkout
-- can never create a second order.
CREATE TABLE customer_order (
    id                   BIGSERIAL PRIMARY KEY,
    number               VARCHAR(20)  NOT NULL UNIQUE,
    idempotency_key      VARCHAR(100) NOT NULL UNIQUE,
    request_fingerprint  VARCHAR(64)  NOT NULL,
    email                VARCHAR(254) NOT NULL,
    ship_name            VARCHAR(120) NOT NULL,
    ship_line1           VARCHAR(200) NOT NULL,
    ship_line2           VARCHAR(200),
    ship_city            VARCHAR(120) NOT NULL,
    ship_postal_code     VARCHAR(20)  NOT NULL,
    ship_country         CHAR(2)      NOT NULL,
    amount               NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency             CHAR(3)      NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    payment_reference    VARCHAR(64)  NOT NULL,
    placed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE order_line (
    order_id      BIGINT         NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_number   INT            NOT NULL,
    sku           VARCHAR(64)    NOT NULL,
    product_name  VARCHAR(200)   NOT NULL,
    quantity      INT            NOT NULL CHECK (quantity > 0),
    unit_amount   NUMERIC(19, 2) NOT NULL,
    line_amount   NUMERIC(19, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    PRIMARY KEY (order_id, line_number)
);
