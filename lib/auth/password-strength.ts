// Whether a new password is hard enough to guess: at least 12 characters and at most 128 (room
// for passphrases), and not guessable by zxcvbn-ts's estimate (score 3 of 4 or more, about 10^8
// guesses) using its common-password, name and English dictionaries plus this app's own words
// and the user's name and email. No composition rules: a long passphrase passes.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const ENOUGH = 3;

/** Words anyone guessing at this app's passwords would try first. */
const APP_WORDS = ["compact", "tracker", "cpc", "child", "protection", "philippines", "iacat", "tip", "ijm", "salvation", "army", "demo", "trafficking"];

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, app: APP_WORDS },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

/** What is wrong with a new password for this user, as a sentence; null when it will do. */
export function passwordProblem(password: string, user: { email: string; name: string }): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const own = [...user.email.split(/[@._+-]/), ...user.name.split(/\s+/)].map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
  const advice = "Use a passphrase of four or more unrelated words, or a password manager's.";
  // zxcvbn rates "cpc-demo-password" or "maria.santos@iacat" well: it does not see that every
  // part is a word an attacker of this app, or of this user, tries first.
  if (restBesides(password, [...APP_WORDS, ...own, "password"]).length < 8) {
    return `This password is too easy to guess (it is made of this app's words or your own name or email). ${advice}`;
  }
  const result = zxcvbn().check(password, own);
  if (result.score >= ENOUGH) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, "").toLowerCase()})` : "";
  return `This password is too easy to guess${hint}. ${advice}`;
}

/** The letters and digits of a password left once the given words, and digits at its ends, are taken out. */
function restBesides(password: string, words: string[]): string {
  let rest = password.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(word, "");
  return rest.replace(/^\d+|\d+$/g, "");
}
