-- The organisation's country (asked at first-run setup, so crisis lines fit
-- where clients are). Crisis lines no longer default to UK numbers: an
-- organisation that never set its own keeps the lines its clients have been
-- shown until now, so nothing changes for them without an administrator.
ALTER TABLE organisation ADD COLUMN country TEXT;
UPDATE organisation SET crisis_resources = 'Emergency services: 999 (or go to A&E)
Samaritans: 116 123 (free, 24 hours)
NHS 111: urgent mental health help (choose the mental health option)
Shout: text SHOUT to 85258 (free, 24 hours)' WHERE crisis_resources IS NULL;
