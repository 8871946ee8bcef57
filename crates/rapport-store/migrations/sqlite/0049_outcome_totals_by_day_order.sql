-- Programme outcomes (issue 16, decision 57): the running totals are laid
-- out in day order. A report reads every line's rows of part of one month;
-- with the rows in line order (how a rebuild used to insert them) each line's
-- rows lay on its own page, and the read cost a random page read per line.
-- The rebuild now inserts them by day; the next catch-up rebuilds them so.
-- Keep in step with ../postgres/0049_outcome_totals_by_day_order.sql.

UPDATE outcome_model SET totals_built = 0 WHERE totals_built = 1;
