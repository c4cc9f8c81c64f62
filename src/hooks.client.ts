// Client hooks: zod without its eval-based fast path. The CSP forbids eval, and zod's probe for it (a caught
// `new Function`) would otherwise be reported as a violation on every page that parses with zod in the browser.
import { config } from 'zod/v4/core';

config({ jitless: true });
