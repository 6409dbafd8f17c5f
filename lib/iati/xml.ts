// A small XML writer: elements as nested arrays of text, attributes escaped, no external
// entities, no pretty-printing surprises (two-space indentation, one element a line).

export type Attributes = Record<string, string | number | boolean | null | undefined>;
export interface XmlNode {
  name: string;
  attributes: Attributes;
  children: (XmlNode | string)[];
}

export const el = (
  name: string,
  attributes: Attributes = {},
  ...children: (XmlNode | string | null | undefined | false | (XmlNode | null | undefined | false)[])[]
): XmlNode => ({
  name,
  attributes,
  children: children.flat().filter((c): c is XmlNode | string => c !== null && c !== undefined && c !== false),
});

export const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

function attributesText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === "boolean" ? (v ? "1" : "0") : String(v))}"`)
    .join("");
}

export function render(node: XmlNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  const open = `${pad}<${node.name}${attributesText(node.attributes)}`;
  if (node.children.length === 0) return `${open}/>`;
  if (node.children.every((c) => typeof c === "string")) return `${open}>${escapeXml(node.children.join(""))}</${node.name}>`;
  const inner = node.children.map((c) => (typeof c === "string" ? `${"  ".repeat(depth + 1)}${escapeXml(c)}` : render(c, depth + 1))).join("\n");
  return `${open}>\n${inner}\n${pad}</${node.name}>`;
}

export const xmlDocument = (root: XmlNode) => `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;
