-- The cached category tree is keyed by the catalog's version, read on every request for it; one part
-- of it is the latest product change, which this index answers without reading every product.
CREATE INDEX product_updated_at ON product (updated_at);
