-- funding 1.3.0 to 2.0.0.  Made by make from sql/upgrade/funding--1.3.0.sql
-- and the C functions of sql/funding/*.sql: edit those.
--
-- The type's C functions, which regionpolicy 1.x made in its own library,
-- now name the funding library; funding_text(f, unit, digits),
-- funding(text, text, text) and plain_number(text, text) are C functions
-- with the same answers, so that no function body names a schema.  What
-- the type reads and the values it gives are those of 1.3.0 (NEWS.md,
-- "What funding reads").
\echo Use "ALTER EXTENSION funding UPDATE" to load this file. \quit

