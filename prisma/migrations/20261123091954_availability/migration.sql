-- AlterTable
ALTER TABLE "sample_rollup" ADD COLUMN     "servingSamples" INTEGER NOT NULL DEFAULT 0;


-- Rollups made before this column: from the raw samples where they are still kept, else the
-- healthy samples (the best guess left; it counts a healthy standby as serving).
UPDATE "sample_rollup" SET "servingSamples" = "healthySamples";
UPDATE "sample_rollup" r SET "servingSamples" = s.serving
FROM (
  SELECT "nodeId", date_trunc('minute', at) AS minute,
         count(*) FILTER (WHERE healthy AND role IN ('PRIMARY', 'ACTIVE'))::int AS serving
  FROM "sample" GROUP BY 1, 2
) s
WHERE r."nodeId" = s."nodeId" AND r.minute = s.minute;
