-- since 1.2.0
-- Row locks follow the write policy.  SELECT ... FOR UPDATE / FOR SHARE
-- takes only rows that pass the UPDATE policy's USING, so a steward who
-- may see every row can lock only the rows it may write, and cannot block
-- other provinces' writers.  The price: an UPDATE of another province's
-- row now matches nothing (UPDATE 0), as row-level security does
-- everywhere in PostgreSQL, instead of failing with 42501.  Moving a row to
-- another province still fails with 42501 (WITH CHECK), and so do inserts
-- and deletes of other provinces' rows (steward_guard).
ALTER POLICY steward_update ON @extschema@.allocation
	USING (@extschema@.is_steward_of(province_code));
-- (the diagnoses' policies: 992-access.sql)
