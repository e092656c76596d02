-- "Has this shopper bought the product?" (the verified-purchase flag of a review) looks orders up by
-- e-mail address.
CREATE INDEX customer_order_email ON customer_order (email);
