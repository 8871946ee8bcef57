-- Programme outcomes (issue 16, decision 57): the running totals are laid
-- out in day order. A report reads every line's rows of part of one month;
-- with the rows in line order (how a rebuild used to insert them) each line's
-- rows lay on its own page, and the read cost a random page read per line.
-- The rebuild now inserts them by day; the next catch-up rebuilds them so.
-- Keep in step with ../sqlite/0049_outcome_totals_by_day_order.sql.

-- A late change to an old course rewrites its lines' later rows. With room
-- left on each page, PostgreSQL writes the new versions beside the old ones
-- (the sums are in no index), so the day order survives such changes; with
-- full pages they would move to the end of the table. (SQLite updates a row
-- where it is.)
ALTER TABLE outcome_totals SET (fillfactor = 90);

UPDATE outcome_model SET totals_built = 0 WHERE totals_built = 1;
