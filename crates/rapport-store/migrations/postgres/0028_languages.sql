-- Languages (issue 15): the language each staff account is shown the
-- interface in (NULL: negotiated from the browser, then the organisation),
-- and the organisation's default (clients.preferred_language is in 0001). Keep in step with ../sqlite/0028_languages.sql.

ALTER TABLE users ADD COLUMN language TEXT;
ALTER TABLE organisation ADD COLUMN default_language TEXT NOT NULL DEFAULT 'en';
