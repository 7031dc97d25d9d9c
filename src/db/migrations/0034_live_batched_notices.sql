-- Hand-written: a statement that appends many events (a bulk close, an import, a send batch) sent one NOTIFY per
-- case and type, each queued for every instance and pushed to every browser. Now a statement's changes of one
-- workspace go in as few notices as fit under NOTIFY's 8,000-byte payload: {"w", "e": [[case|null, type], …]}
-- (a running byte count cuts them at ~7,000; an entry is at most ~150 bytes, a type at most 100 characters is
-- ours). A statement with one change still sends the single form {"w", "c", "k"}; the hub reads both.
CREATE OR REPLACE FUNCTION kept_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kept_changes', CASE WHEN count(*) = 1
      THEN json_build_object('w', b.w, 'c', (array_agg(b.c))[1], 'k', (array_agg(b.k))[1])::text
      ELSE json_build_object('w', b.w, 'e', json_agg(json_build_array(b.c, b.k) ORDER BY b.c, b.k))::text END)
  FROM (
    SELECT d.w, d.c, d.k,
      sum(coalesce(length(d.c::text), 4) + length(d.k) + 8) OVER (PARTITION BY d.w ORDER BY d.c, d.k) / 7000 AS part
    FROM (SELECT DISTINCT workspace_id AS w, case_id AS c, type AS k FROM new_events) AS d
  ) AS b
  GROUP BY b.w, b.part;
  RETURN NULL;
END
$$;
