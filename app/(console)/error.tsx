"use client";

import { ErrorState } from "@/components/ui/states";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const detail = error.digest ? `Reference ${error.digest} in the console's log.` : error.message;
  return <ErrorState title="This page failed to load" detail={detail} onRetry={reset} />;
}
