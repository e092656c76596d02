-- The review context's figures per product: how many published reviews gave each number of stars.
-- rating_count and rating_average stay, derived from these, because search sorts and facets on them.
ALTER TABLE product ADD COLUMN rating_1_star  INT NOT NULL DEFAULT 0 CHECK (rating_1_star >= 0);
ALTER TABLE product ADD COLUMN rating_2_stars INT NOT NULL DEFAULT 0 CHECK (rating_2_stars >= 0);
ALTER TABLE product ADD COLUMN rating_3_stars INT NOT NULL DEFAULT 0 CHECK (rating_3_stars >= 0);
ALTER TABLE product ADD COLUMN rating_4_stars INT NOT NULL DEFAULT 0 CHECK (rating_4_stars >= 0);
ALTER TABLE product ADD COLUMN rating_5_stars INT NOT NULL DEFAULT 0 CHECK (rating_5_stars >= 0);
ALTER TABLE product ADD CONSTRAINT product_rating_count_matches CHECK (
    rating_count = rating_1_star + rating_2_stars + rating_3_stars + rating_4_stars + rating_5_stars);
