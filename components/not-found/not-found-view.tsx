"use client";

// The console's one not-found page: a mistyped address, or a cluster, action, drill or webhook
// endpoint that is not (or no longer) there, whether the server said so first or a refresh did.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { missingThing } from "./missing-thing";

export function NotFoundView() {
  // Outside a router (a unit render) there is no path.
  const pathname: string | null = usePathname();
  const thing = missingThing(pathname ?? "/");
  return (
    <section className="panel empty not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no {thing}. It may have been removed, or the link is mistyped.</p>
      <p>
        <Link href="/">Back to the clusters</Link>
      </p>
    </section>
  );
}
