// No auth: the request goes out as written.
import type { AuthScheme } from './types.js';

export const noneAuth: AuthScheme<'none'> = { type: 'none', apply: () => undefined };
