import { EmptyState } from "@/components/ui/states";

export default function NotFound() {
  return (
    <EmptyState title="Page not found">
      <a href="/">Back to the clusters</a>
    </EmptyState>
  );
}
