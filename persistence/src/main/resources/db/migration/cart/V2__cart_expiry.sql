-- Expired carts are found by their last change, oldest first.
CREATE INDEX cart_last_change ON cart (updated_at);
