// The narrative a reporting organization writes with its quarter, per objective: progress,
// challenges, next steps. Pure: the entry form's field names in, checked values out.

export const NARRATIVE_PARTS = { progress: "Progress", challenges: "Challenges", nextSteps: "Next steps" } as const;
export type NarrativePart = keyof typeof NARRATIVE_PARTS;
export type Narrative = Record<NarrativePart, string | null>;
export const NARRATIVE_MAX = 2000;

export const narrativeField = (objective: string, part: NarrativePart) => `narrative:${objective}:${part}`;

/** The narratives a submitted form carries, by objective code; undefined when it carries none (a CSV import). */
export function narrativesFromForm(form: Record<string, unknown>): Record<string, Partial<Narrative>> | undefined {
  let found = false;
  const narratives: Record<string, Partial<Narrative>> = {};
  for (const [name, value] of Object.entries(form)) {
    const match = /^narrative:([^:]+):(progress|challenges|nextSteps)$/.exec(name);
    if (!match || typeof value !== "string") continue;
    found = true;
    (narratives[match[1]!] ??= {})[match[2] as NarrativePart] = value;
  }
  return found ? narratives : undefined;
}

/** Trims each part (empty is null) and says which are too long, as field errors. */
export function checkNarratives(input: Record<string, Partial<Narrative>>): { narratives: Record<string, Narrative>; errors: Record<string, string[]> } {
  const narratives: Record<string, Narrative> = {};
  const errors: Record<string, string[]> = {};
  for (const [objective, given] of Object.entries(input)) {
    const narrative = { progress: null, challenges: null, nextSteps: null } as Narrative;
    for (const part of Object.keys(NARRATIVE_PARTS) as NarrativePart[]) {
      const text = (given[part] ?? "").trim();
      if (text.length > NARRATIVE_MAX) errors[narrativeField(objective, part)] = [`Use at most ${NARRATIVE_MAX.toLocaleString("en-US")} characters.`];
      narrative[part] = text === "" ? null : text;
    }
    narratives[objective] = narrative;
  }
  return { narratives, errors };
}
