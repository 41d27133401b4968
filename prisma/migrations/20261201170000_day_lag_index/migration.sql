-- The day's worst lag per cluster (readiness, on the overview) reads only standbys' hours: this
-- partial index covers those rows and the columns read, so the read never visits the table.
-- Raw SQL: the schema cannot say INCLUDE or WHERE.
CREATE INDEX "sample_rollup_hour_lag_idx" ON "sample_rollup_hour" ("hour") INCLUDE ("nodeId", "lagBytesMax", "lagSecondsMax")
  WHERE "lagBytesMax" IS NOT NULL OR "lagSecondsMax" IS NOT NULL;
