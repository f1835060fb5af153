/**
 * CSV for spreadsheets (RFC 4180 quoting). Separator ";" and a byte-order mark, because Dutch
 * Excel reads a comma file as one column and guesses the wrong encoding without the mark.
 */

// A cell that starts with one of these is run as a formula by spreadsheet programs (CSV
// injection); a leading apostrophe makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined, separator = ";"): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes(separator) || /["\r\n]/.test(text) || text.includes(",")) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[], separator = ";"): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, separator)).join(separator));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
