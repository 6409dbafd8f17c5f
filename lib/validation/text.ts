// Rules for text from outside that hold everywhere, whatever the field.

/** PostgreSQL text cannot hold a NUL character (U+0000); a value with one is refused up front. */
export const hasNul = (value: string) => value.includes("\u0000");

/** A partnership's address segment: lowercase words joined by hyphens, as the seed writes them. */
export const isSlug = (value: string) => value.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
