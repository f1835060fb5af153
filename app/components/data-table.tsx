import type { ReactNode } from "react";

/**
 * A table of records with a header row. On a narrow screen it scrolls sideways on its own instead
 * of widening the page; the caption names the table for screen readers (hidden, because the
 * heading above it already says the same on screen).
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              // The header row never changes order, so its position is a stable key.
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
