-- A late-day policy that spends days only when the student says so
-- (late_spec.h "days[:N],ask"): a late submission that would take days
-- from the bank is refused, saying how many and what is left, unless the
-- student ticks "spend late days" (verdict submit --spend-late-days).
ALTER TABLE assignments ADD COLUMN late_ask INTEGER NOT NULL DEFAULT 0 CHECK (late_ask IN (0, 1));
