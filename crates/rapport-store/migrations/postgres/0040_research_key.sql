-- The research export's pseudonym key (docs/letters-and-research.md, decision 44):
-- 32 random bytes made on the first export, sealed with the secrets key like
-- the other secrets at rest; it keys the pseudonyms and the per-person date
-- shifts and is never exported. Keep in step with ../sqlite/0040_research_key.sql.

CREATE TABLE research_key (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    sealed_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
