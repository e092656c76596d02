-- Catalog context: what is sold, how it is grouped and what it costs.
CREATE TABLE category (
    id          BIGSERIAL PRIMARY KEY,
    slug        VARCHAR(80)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    parent_id   BIGINT REFERENCES category (id),
    position    INT          NOT NULL DEFAULT 0
);

CREATE TABLE product (
    id           BIGSERIAL PRIMARY KEY,
    slug         VARCHAR(160)  NOT NULL UNIQUE,
    name         VARCHAR(200)  NOT NULL,
    brand        VARCHAR(120)  NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    category_id  BIGINT        NOT NULL REFERENCES category (id),
    status       VARCHAR(16)   NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX product_category ON product (category_id, status);

-- A variant is what a shopper buys: one SKU with its own price and attributes (size, colour, ...).
CREATE TABLE variant (
    sku         VARCHAR(64)    PRIMARY KEY,
    product_id  BIGINT         NOT NULL REFERENCES product (id),
    label       VARCHAR(120)   NOT NULL,
    amount      NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency    CHAR(3)        NOT NULL,
    position    INT            NOT NULL DEFAULT 0
);
CREATE INDEX variant_product ON variant (product_id);

CREATE TABLE variant_attribute (
    sku    VARCHAR(64)  NOT NULL REFERENCES variant (sku) ON DELETE CASCADE,
    name   VARCHAR(60)  NOT NULL,
    value  VARCHAR(120) NOT NULL,
    PRIMARY KEY (sku, name)
);
