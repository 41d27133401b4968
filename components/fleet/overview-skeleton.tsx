import { Skeleton } from "@/components/ui/states";

/** Same outline as the cluster table, so nothing jumps when the data arrives. */
export function OverviewSkeleton() {
  return (
    <div className="panel" role="status" aria-busy="true" aria-label="Loading clusters">
      <table className="data">
        <tbody>
          {[0, 1, 2].map((row) => (
            <tr key={row}>
              <td style={{ width: "20%" }}>
                <Skeleton width="70%" />
              </td>
              <td style={{ width: "14%" }}>
                <Skeleton width="80%" />
              </td>
              <td style={{ width: "8%" }}>
                <Skeleton width="40%" />
              </td>
              <td style={{ width: "22%" }}>
                <Skeleton width="75%" />
              </td>
              <td>
                <Skeleton width="90%" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
