import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/lib/csv";

describe("CSV export", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell("gewoon")).toBe("gewoon");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('zei "hoi"')).toBe('"zei ""hoi"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });

  it("makes cells that a spreadsheet would run as a formula plain text", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+31612345678")).toBe("'+31612345678");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
    // Numbers the export writes itself are data, not text typed by someone.
    expect(csvCell(-2)).toBe("-2");
  });

  it("writes a header, CRLF line ends and a byte-order mark for Excel", () => {
    expect(toCsv(["Naam", "Plaats"], [["Sam", 1], ["=X", null]])).toBe("\uFEFFNaam;Plaats\r\nSam;1\r\n'=X;\r\n");
  });
});
