// The console's data table: columns declared once, one row per item, inside a panel.
import type { ReactNode } from "react";

export interface Column<Row> {
  /** The column's header; unique within a table. */
  header: string;
  /** Header read by screen readers only: a column of buttons needs no visible title. */
  hideHeader?: boolean;
  /** This column names its row (`<th scope="row">`), which is how `getByRole("row", { name })` finds it. */
  rowHeader?: boolean;
  /** Class of the body cells, e.g. "num" for figures and buttons aligned right. */
  className?: string;
  cell: (row: Row) => ReactNode;
}

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  /** Names the table for screen readers; not shown. */
  caption?: string;
  /** Wide tables scroll sideways inside their panel instead of widening the page. */
  scroll?: boolean;
}

export function DataTable<Row>({ rows, columns, rowKey, caption, scroll }: DataTableProps<Row> & { rows: Row[] }) {
  return (
    <div className={scroll ? "panel scroll-x" : "panel"}>
      <table className="data">
        {caption ? <caption className="skip-link">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.hideHeader ? <span className="skip-link">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.header} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={column.className}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
