// The stop conditions a drill may tighten, with the cluster's own shown until one is typed.
export function StopConditionFields({
  errorPercent,
  onErrorPercent,
  lagMiB,
  onLagMiB,
  defaults,
}: {
  errorPercent: string;
  onErrorPercent: (value: string) => void;
  lagMiB: string;
  onLagMiB: (value: string) => void;
  defaults: { maxErrorRate: number; maxLagBytes: number } | undefined;
}) {
  return (
    <>
      <label>
        Stop at error rate (%)
        <input
          type="number"
          min={0.1}
          max={100}
          step={0.1}
          value={errorPercent}
          onChange={(e) => onErrorPercent(e.target.value)}
          placeholder={defaults ? String(defaults.maxErrorRate * 100) : "5"}
        />
      </label>
      <label>
        Stop at lag (MiB)
        <input
          type="number"
          min={1}
          step={1}
          value={lagMiB}
          onChange={(e) => onLagMiB(e.target.value)}
          placeholder={defaults ? String(Math.round(defaults.maxLagBytes / 1048576)) : ""}
        />
      </label>
    </>
  );
}
