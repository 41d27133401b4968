-- CreateTable
CREATE TABLE "sample_rollup_hour" (
    "nodeId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "samples" INTEGER NOT NULL,
    "healthySamples" INTEGER NOT NULL,
    "pollLatencyAvgMs" REAL,
    "lagBytesMax" BIGINT,
    "lagSecondsMax" REAL,
    "requestsPerSec" REAL,
    "worstState" "NodeState" NOT NULL,

    CONSTRAINT "sample_rollup_hour_pkey" PRIMARY KEY ("nodeId","hour")
);

-- CreateTable
CREATE TABLE "cluster_uptime_hour" (
    "clusterId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "observedMinutes" INTEGER NOT NULL,
    "upMinutes" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "cluster_uptime_hour_pkey" PRIMARY KEY ("clusterId","hour")
);

-- CreateIndex
CREATE INDEX "sample_rollup_hour_hour_idx" ON "sample_rollup_hour"("hour");

-- CreateIndex
CREATE INDEX "cluster_uptime_hour_hour_idx" ON "cluster_uptime_hour"("hour");

-- AddForeignKey
ALTER TABLE "sample_rollup_hour" ADD CONSTRAINT "sample_rollup_hour_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_uptime_hour" ADD CONSTRAINT "cluster_uptime_hour_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A console upgraded with history keeps it: the hours of the minute rollups it already has.
INSERT INTO sample_rollup_hour ("nodeId", hour, samples, "healthySamples", "pollLatencyAvgMs", "lagBytesMax", "lagSecondsMax", "requestsPerSec", "worstState")
SELECT "nodeId", date_trunc('hour', minute), sum(samples), sum("healthySamples"), avg("pollLatencyAvgMs"), max("lagBytesMax"),
  max("lagSecondsMax"), avg("requestsPerSec"),
  (array_agg("worstState" ORDER BY CASE "worstState" WHEN 'DOWN' THEN 0 WHEN 'SUSPECT' THEN 1 WHEN 'UNKNOWN' THEN 2 ELSE 3 END))[1]
FROM sample_rollup GROUP BY 1, 2;

INSERT INTO cluster_uptime_hour ("clusterId", hour, "observedMinutes", "upMinutes")
SELECT "clusterId", date_trunc('hour', minute), count(*), sum(up)
FROM (SELECT n."clusterId", r.minute, max(r."servingSamples"::float8 / GREATEST(r.samples, 1)) AS up
      FROM sample_rollup r JOIN node n ON n.id = r."nodeId" GROUP BY 1, 2) per_minute
GROUP BY 1, 2;
