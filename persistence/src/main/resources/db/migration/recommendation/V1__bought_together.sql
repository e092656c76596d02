-- Recommendation context: how often two products were bought in the same order, both ways round so
-- that "bought with P" is one index range. Filled from the OrderPlaced events; each order is counted
-- once (counted_order), whatever the broker redelivers.
CREATE TABLE bought_together (
    product_slug     VARCHAR(160) NOT NULL,
    other_slug       VARCHAR(160) NOT NULL,
    orders           INT          NOT NULL CHECK (orders > 0),
    last_bought_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_slug, other_slug),
    CHECK (product_slug <> other_slug)
);

CREATE INDEX bought_together_ranking ON bought_together (product_slug, orders DESC, last_bought_at DESC);

CREATE TABLE counted_order (
    order_number  VARCHAR(20) PRIMARY KEY,
    counted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
