// npm run demo:code: the code the demo administrator's and reviewer's two-step key gives now, for
// signing in on the embedded demo database without an authenticator app. The key is public.
import { DEMO_TWO_STEP_KEY } from "../prisma/seed/demo-users";
import { stepAt, totpCode } from "./lib/totp-code";

const secondsLeft = 30 - Math.floor((Date.now() / 1000) % 30);
console.log(`${totpCode(DEMO_TWO_STEP_KEY, stepAt())}  (the demo key's code for the next ${secondsLeft} s; key ${DEMO_TWO_STEP_KEY})`);
