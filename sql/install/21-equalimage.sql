-- since 1.2.0
-- Equal funding values are bytewise equal, so btree deduplication is safe
-- (SPEC §1.4): btequalimage.  Indexes built before 1.2.0 keep deduplication
-- off until REINDEX.
ALTER OPERATOR FAMILY @extschema@.funding_ops USING btree
	ADD FUNCTION 4 (@extschema@.funding) pg_catalog.btequalimage(oid);
