-- Issue 19 item 6, the number of closeness rings is a setting (decision 53).
-- Keep in step with ../postgres/0048_closeness_rings.sql.

-- How many rings the inventory's closeness circle has (3 to 6). Every circle
-- drawn before this had the manuals' three; person and snapshot bodies keep
-- "inner", "middle" and "outer", which read as rings 1, 2 and 3.
ALTER TABLE organisation ADD COLUMN closeness_rings INTEGER NOT NULL DEFAULT 3;
