// The quarter's CSV: what a spreadsheet round trip gives back, and what a bad file is told.
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, quarterCsv, readQuarterCsv } from "../../lib/quarter/csv";

const HEADER = "organization,indicator_code,cell,value,note,evidence_url";

describe("the quarter CSV", () => {
  it("writes the columns, 'total' for the total, and escapes formulas; reading gives the same back", () => {
    const rows = [
      { organization: "IACAT", indicator: "O2.1", cell: "", value: "4", note: '=HYPERLINK("x")', evidence: "https://example.org/a" },
      { organization: "IJM", indicator: "O1.1", cell: "SEX=F", value: "3", note: "", evidence: "" },
    ];
    const text = quarterCsv(rows);
    expect(text).toBe(`${HEADER}\r\nIACAT,O2.1,total,4,"'=HYPERLINK(""x"")",https://example.org/a\r\nIJM,O1.1,SEX=F,3,,\r\n`);
    expect(readQuarterCsv(text)).toEqual({
      rows: [
        {
          line: 2,
          organization: "IACAT",
          indicator: "O2.1",
          cellText: "total",
          cell: "",
          value: "4",
          note: '=HYPERLINK("x")',
          evidence: "https://example.org/a",
        },
        { line: 3, organization: "IJM", indicator: "O1.1", cellText: "SEX=F", cell: "SEX=F", value: "3", note: "", evidence: "" },
      ],
    });
  });

  it("reads a spreadsheet's variations: a byte-order mark, headers in capitals with spaces, blank lines, padded cells", () => {
    const { rows } = readQuarterCsv(`\uFEFF Organization , INDICATOR_CODE,cell,value,note,evidence_url\n\n IACAT , O2.1 ,total, 5 ,, \n,,,,,\n`);
    expect(rows).toEqual([{ line: 2, organization: "IACAT", indicator: "O2.1", cellText: "total", cell: "", value: "5", note: "", evidence: "" }]);
    expect(readQuarterCsv(`${HEADER}\nIACAT,O2.1,,5,,\n`).rows![0]!.cell).toBe("");
    expect(readQuarterCsv(`${HEADER}\nIACAT,O2.1,total,'-3,'+note,\n`).rows![0]).toMatchObject({ value: "-3", note: "+note" });
    expect(readQuarterCsv(`${HEADER}\nIACAT,O2.1,total,5,'plain,\n`).rows![0]!.note).toBe("'plain");
    expect(readQuarterCsv(`${HEADER}\nIACAT,O2.1,total,5,x'=y mid-text,\n`).rows![0]!.note).toBe("x'=y mid-text");
  });

  it("takes files of up to 5 MB (the import route refuses larger ones before reading them)", () => {
    expect(MAX_IMPORT_BYTES).toBe(5_242_880);
  });

  it("says what is wrong with a whole file", () => {
    expect(readQuarterCsv(" \n ")).toEqual({ fileError: "The file is empty: export a quarter to see the columns it needs." });
    expect(readQuarterCsv("a\u0000b")).toEqual({ fileError: "This is not a CSV text file. Save it from your spreadsheet as CSV (UTF-8) and try again." });
    expect(readQuarterCsv("caf\uFFFD")).toEqual({ fileError: "This is not a CSV text file. Save it from your spreadsheet as CSV (UTF-8) and try again." });
    expect(readQuarterCsv("organization,indicator_code,cell,value,note,evidence_url,extra\n")).toEqual({
      fileError: "The columns are not the export format (organization, indicator_code, cell, value, note, evidence_url). Not expected: extra.",
    });
    expect(readQuarterCsv("organization,indicator_code,cell,value\n")).toEqual({
      fileError: "The columns are not the export format (organization, indicator_code, cell, value, note, evidence_url). Missing: note, evidence_url.",
    });
    const many = (n: number) => [HEADER, ...Array.from({ length: n }, () => "IACAT,O2.1,total,1,,")].join("\n");
    expect(readQuarterCsv(many(20_001))).toEqual({ fileError: "The file has 20001 rows; import at most 20000 at a time." });
    expect(readQuarterCsv(many(20_000)).rows).toHaveLength(20_000);
  });
});
