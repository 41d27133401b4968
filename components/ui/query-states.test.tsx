import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueryStates } from "./query-states";
import { EmptyState } from "./states";

type Query<T> = { data: T | undefined; error: { message: string } | null };
const render = <T,>(query: Query<T>, props: { empty?: ReactNode; loading?: ReactNode } = {}) =>
  renderToStaticMarkup(
    <QueryStates query={{ ...query, refetch: () => {} }} what="orders-db" {...props}>
      {(data) => <p>{JSON.stringify(data)}</p>}
    </QueryStates>,
  );

describe("QueryStates", () => {
  it("shows a one-line busy panel named after what it loads, unless the view brings its own shape", () => {
    expect(render({ data: undefined, error: null })).toBe(
      '<div class="panel" role="status" aria-busy="true" aria-label="Loading orders-db" style="padding:var(--space-4)">' +
        '<span class="skeleton" style="width:60%" aria-hidden="true"></span></div>',
    );
    expect(render({ data: undefined, error: null }, { loading: <div aria-busy="true">own</div> })).toBe(
      '<div aria-busy="true">own</div>',
    );
  });

  it("shows the error with a retry when the first load fails", () => {
    const html = render({ data: undefined, error: { message: "Failed to fetch" } }, { loading: <div>own</div> });
    expect(html).toContain('role="alert"><h2>The console could not load orders-db</h2><pre>Failed to fetch</pre>');
    expect(html).toContain("Try again");
  });

  it("shows the empty state for a list with no entries, and any other answer as data", () => {
    const empty = <EmptyState title="No events yet" />;
    expect(render({ data: [], error: null }, { empty })).toContain("No events yet");
    expect(render({ data: [1], error: null }, { empty })).toBe("<p>[1]</p>");
    const cluster = render({ data: { name: "orders-db" }, error: null });
    expect(cluster).toBe("<p>{&quot;name&quot;:&quot;orders-db&quot;}</p>");
  });

  it("keeps the data when a refresh fails", () => {
    expect(render({ data: { name: "orders-db" }, error: { message: "Failed to fetch" } })).not.toContain("alert");
  });

  it("is the console's not-found page when the server says the thing is not there, data or not", () => {
    const notFound = { message: "No cluster named nope.", data: { code: "NOT_FOUND" } };
    expect(render({ data: undefined, error: notFound })).toContain('<h1 id="not-found-title">Page not found</h1>');
    expect(render({ data: { name: "nope" }, error: notFound })).toContain("Page not found");
  });
});
