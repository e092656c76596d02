-- Catalog context, second step: brands become their own table, products get rich attributes,
-- images and the review context's rating figures, and variants keep the inventory's in-stock answer
-- so that search can filter and facet on availability.
CREATE TABLE brand (
    id    BIGSERIAL PRIMARY KEY,
    slug  VARCHAR(80)  NOT NULL UNIQUE,
    name  VARCHAR(120) NOT NULL
);

INSERT INTO brand (slug, name)
SELECT DISTINCT ON (slug) slug, brand
FROM (SELECT trim(BOTH '-' FROM regexp_replace(lower(brand), '[^a-z0-9]+', '-', 'g')) AS slug, brand
      FROM product) named
ORDER BY slug, brand;

ALTER TABLE product ADD COLUMN brand_id BIGINT REFERENCES brand (id);
UPDATE product p SET brand_id = b.id
FROM brand b
WHERE b.slug = trim(BOTH '-' FROM regexp_replace(lower(p.brand), '[^a-z0-9]+', '-', 'g'));
ALTER TABLE product ALTER COLUMN brand_id SET NOT NULL;
ALTER TABLE product DROP COLUMN brand;
CREATE INDEX product_brand ON product (brand_id);

ALTER TABLE product ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE product SET updated_at = created_at;
ALTER TABLE product ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE product ADD COLUMN rating_average NUMERIC(3, 2)
    CHECK (rating_average IS NULL OR rating_average BETWEEN 1 AND 5);
ALTER TABLE product ADD COLUMN rating_count INT NOT NULL DEFAULT 0 CHECK (rating_count >= 0);

CREATE TABLE product_attribute (
    product_id  BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    name        VARCHAR(60)  NOT NULL,
    value       VARCHAR(120) NOT NULL,
    PRIMARY KEY (product_id, name)
);

CREATE TABLE product_image (
    product_id  BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    url         VARCHAR(500) NOT NULL,
    alt_text    VARCHAR(200) NOT NULL,
    PRIMARY KEY (product_id, position)
);

ALTER TABLE variant ADD COLUMN in_stock BOOLEAN NOT NULL DEFAULT FALSE;

-- Existing stock: the inventory schema lives in the same database. On a fresh database it may not
-- exist yet (the contexts migrate independently); then there is no stock to copy either.
DO $$
BEGIN
    IF to_regclass('inventory.stock_level') IS NOT NULL THEN
        UPDATE variant v SET in_stock = TRUE
        WHERE EXISTS (SELECT 1 FROM inventory.stock_level s WHERE s.sku = v.sku AND s.on_hand > 0);
    END IF;
END $$;
