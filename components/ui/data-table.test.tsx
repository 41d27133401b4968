import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "./data-table";
import { QueryTable } from "./query-table";
import { EmptyState } from "./states";

interface Token {
  id: string;
  name: string;
  uses: number;
}

const rows: Token[] = [
  { id: "t1", name: "grafana", uses: 12 },
  { id: "t2", name: "backup", uses: 0 },
];
const columns: Column<Token>[] = [
  { header: "Name", rowHeader: true, cell: (row) => row.name },
  { header: "Uses", className: "num", cell: (row) => row.uses },
  { header: "Actions", hideHeader: true, cell: (row) => <button type="button">{`Revoke ${row.name}`}</button> },
];
const table = (extra: { caption?: string; scroll?: boolean } = {}) =>
  renderToStaticMarkup(<DataTable rows={rows} columns={columns} rowKey={(row) => row.id} {...extra} />);

describe("DataTable", () => {
  it("draws one header per column, the hidden ones for screen readers only", () => {
    expect(table()).toContain(
      '<thead><tr><th scope="col">Name</th><th scope="col">Uses</th>' +
        '<th scope="col"><span class="skip-link">Actions</span></th></tr></thead>',
    );
  });

  it("draws one row per item, named by its row-header cell, with each column's cell class", () => {
    expect(table()).toContain(
      '<tr><th scope="row">grafana</th><td class="num">12</td>' +
        '<td><button type="button">Revoke grafana</button></td></tr>',
    );
    expect(table().match(/<tr>/g)).toHaveLength(3);
  });

  it("sits in a panel that scrolls sideways only when asked, with a caption only when given", () => {
    expect(table()).toMatch(/^<div class="panel"><table class="data"><thead>/);
    expect(table({ scroll: true, caption: "API tokens" })).toMatch(
      /^<div class="panel scroll-x"><table class="data"><caption class="skip-link">API tokens<\/caption><thead>/,
    );
  });
});

describe("QueryTable", () => {
  const render = (query: { data: Token[] | undefined; error: { message: string } | null }) =>
    renderToStaticMarkup(
      <QueryTable
        query={{ ...query, refetch: () => {} }}
        what="API tokens"
        empty={<EmptyState title="No API tokens yet" />}
        columns={columns}
        rowKey={(row) => row.id}
      />,
    );

  it("shows the shared loading, failed and empty states before any row", () => {
    expect(render({ data: undefined, error: null })).toContain(
      'role="status" aria-busy="true" aria-label="Loading API tokens"',
    );
    const failed = render({ data: undefined, error: { message: "Failed to fetch" } });
    expect(failed).toContain('role="alert"><h2>The console could not load API tokens</h2><pre>Failed to fetch</pre>');
    expect(failed).toContain("Try again");
    expect(render({ data: [], error: null })).toContain("No API tokens yet");
    expect(render({ data: [], error: null })).not.toContain("<table");
  });

  it("keeps the rows when a refresh fails", () => {
    const html = render({ data: rows, error: { message: "Failed to fetch" } });
    expect(html).toContain('<th scope="row">backup</th>');
    expect(html).not.toContain('role="alert"');
  });
});
