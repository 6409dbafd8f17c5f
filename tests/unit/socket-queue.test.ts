import { describe, expect, it } from "vitest";
import { namespaceMessage } from "../../scripts/db/socket-queue";

const cstr = (s: string) => [...new TextEncoder().encode(s), 0];
function message(type: string, body: number[]): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}
const text = (m: Uint8Array) => new TextDecoder().decode(m.subarray(5)).split("\0");
const lengthOf = (m: Uint8Array) => new DataView(m.buffer, m.byteOffset).getInt32(1);

describe("protocol message namespacing", () => {
  it("prefixes a named Parse and keeps its length right", () => {
    const parse = message("P", [...cstr("stmt"), ...cstr("SELECT $1"), 0, 0]);
    const prepared = new Set<string>();
    const out = namespaceMessage(parse, "c7:", prepared);
    expect(text(out).slice(0, 2)).toEqual(["c7:stmt", "SELECT $1"]);
    expect(lengthOf(out)).toBe(out.length - 1);
    expect([...prepared]).toEqual(["c7:stmt"]);
  });

  it("prefixes the portal and statement of a Bind, leaving unnamed ones unnamed", () => {
    const bind = message("B", [...cstr(""), ...cstr("stmt"), 0, 0, 0, 0, 0, 0]);
    expect(text(namespaceMessage(bind, "c7:")).slice(0, 2)).toEqual(["", "c7:stmt"]);
  });

  it("prefixes Describe and Close of a statement, and forgets a closed one", () => {
    const prepared = new Set(["c7:stmt"]);
    const close = message("C", [0x53, ...cstr("stmt")]);
    const out = namespaceMessage(close, "c7:", prepared);
    expect(String.fromCharCode(out[5]!)).toBe("S");
    expect(new TextDecoder().decode(out.subarray(6, out.length - 1))).toBe("c7:stmt");
    expect(prepared.size).toBe(0);
  });

  it("leaves messages without names alone", () => {
    const query = message("Q", cstr("SELECT 1"));
    expect(namespaceMessage(query, "c7:")).toBe(query);
  });
});
