// Bearer token (RFC 6750): `Authorization: Bearer <token>`. A header the user wrote by hand wins.
import type { AuthScheme } from './types.js';

export const bearerAuth: AuthScheme<'bearer'> = {
  type: 'bearer',
  apply(auth, target) {
    target.headers.setDefault('Authorization', `Bearer ${auth.token.trim()}`);
  },
};
