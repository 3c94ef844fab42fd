// What route modules receive.
import type { BillingContext } from '../services/context.js';
import type { LoginLimit } from '../services/login.js';

export interface RouteDeps {
  readonly ctx: BillingContext;
  readonly loginLimit: LoginLimit;
}
