import { useId, type ReactNode } from "react";

/**
 * A table of records with a header row. On a narrow screen it scrolls sideways on its own instead
 * of widening the page, inside a region named by the caption that keyboard users can focus and
 * scroll with the arrow keys (WCAG 2.1.1); the caption is hidden, because the heading above it
 * already says the same on screen. With `actions`, the last column holds each row's buttons and
 * stays in view on a phone while the other columns scroll beneath it.
 */
export function DataTable({
  caption,
  columns,
  actions = false,
  children,
}: {
  caption: string;
  columns: readonly string[];
  actions?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={actions ? "data-table data-table--actions" : "data-table"}>
        <caption className="visually-hidden" id={captionId}>
          {caption}
        </caption>
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
