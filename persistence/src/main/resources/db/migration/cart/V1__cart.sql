-- Cart context: what a shopper intends to buy. Prices are not stored: they are read from the catalog.
CREATE TABLE cart (
    id          UUID        PRIMARY KEY,
    status      VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'CHECKED_OUT')),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE cart_line (
    cart_id   UUID        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku       VARCHAR(64) NOT NULL,
    quantity  INT         NOT NULL CHECK (quantity > 0),
    position  INT         NOT NULL,
    PRIMARY KEY (cart_id, sku)
);
