// Shown over data that is still on screen after the API stopped answering.
import { ClockTime } from "./clock-time";

export function StaleBanner({ error, updatedAt }: { error: string; updatedAt: number }) {
  return (
    <div className="notice" role="status">
      <strong>Stale data.</strong>
      <span>
        The console API is not answering ({error}). Showing what it said at <ClockTime at={updatedAt} />; retrying on
        its own.
      </span>
    </div>
  );
}
