// Bounds the settings share with the domain model, read from its schemas so they never drift.
import { RequestSettings, Settings } from '../../../shared/model';

/** The longest timeout a request may have (RequestSettings.timeoutMs). */
export const MAX_REQUEST_TIMEOUT_MS = RequestSettings.shape.timeoutMs.unwrap().maxValue ?? 3_600_000;

/** The smallest response body limit the host accepts (Settings.responseBodyLimitBytes). */
export const MIN_BODY_LIMIT_BYTES = Settings.shape.responseBodyLimitBytes.unwrap().minValue ?? 1024;
