-- Cultural adaptation (issue 15): which adaptation (a named set of
-- wording overrides, docs/i18n.md) the organisation and each site use.
-- `scope` is 'organisation' or a site's id; no row: the interface's own words.
-- Keep in step with the other database's 0030_adaptations.sql.

CREATE TABLE adaptation_choices (
    scope TEXT PRIMARY KEY,
    adaptation TEXT NOT NULL,
    chosen_by TEXT NOT NULL REFERENCES users(id),
    chosen_at TEXT NOT NULL
);
