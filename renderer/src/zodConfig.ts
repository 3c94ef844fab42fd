// Must be imported first: zod's JIT uses `new Function`, which the strict CSP forbids. With
// `jitless` zod neither uses it nor probes for it (the probe alone would log a CSP violation).
import { z } from 'zod';

z.config({ jitless: true });
