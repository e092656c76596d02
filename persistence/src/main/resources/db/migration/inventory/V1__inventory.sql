-- Inventory context: how many units of each SKU are on hand in which warehouse.
CREATE TABLE warehouse (
    code      VARCHAR(32)  PRIMARY KEY,
    name      VARCHAR(120) NOT NULL,
    priority  INT          NOT NULL DEFAULT 0
);

-- The CHECK is the last line of defence against overselling: whatever the code does, a row can never go
-- below zero, so a racing decrement fails instead of overselling.
CREATE TABLE stock_level (
    sku             VARCHAR(64) NOT NULL,
    warehouse_code  VARCHAR(32) NOT NULL REFERENCES warehouse (code),
    on_hand         INT         NOT NULL CHECK (on_hand >= 0),
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (sku, warehouse_code)
);

-- Every change of on_hand, so that stock can be reconciled: initial + receipts - sales = on hand.
CREATE TABLE stock_movement (
    id              BIGSERIAL PRIMARY KEY,
    sku             VARCHAR(64) NOT NULL,
    warehouse_code  VARCHAR(32) NOT NULL,
    quantity        INT         NOT NULL,
    reason          VARCHAR(16) NOT NULL CHECK (reason IN ('RECEIPT', 'SALE', 'ADJUSTMENT')),
    reference       VARCHAR(64),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_movement_sku ON stock_movement (sku);
CREATE INDEX stock_movement_reference ON stock_movement (reference);
