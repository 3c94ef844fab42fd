// HTTP Basic (RFC 7617): `Authorization: Basic base64(username:password)`, UTF-8. A header the user
// wrote by hand wins.
import type { AuthScheme } from './types.js';

export const basicAuth: AuthScheme<'basic'> = {
  type: 'basic',
  apply(auth, target) {
    const credentials = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
    target.headers.setDefault('Authorization', `Basic ${credentials}`);
  },
};
