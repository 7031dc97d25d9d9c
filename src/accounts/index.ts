// The public face of src/accounts/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { createUser } from './create-user.ts';
export { assertPasswordStrength } from './password.ts';
export { logIn } from './log-in.ts';
export { listApiTokens, revokeApiToken } from './api-tokens.ts';
export {
  createApiToken,
  endSession,
  resolveApiToken,
  resolveSession,
  SESSION_DAYS,
  sessionExpiresAt,
  startSession,
} from './sessions.ts';
export type { StaffIdentity } from './sessions.ts';
export { updateUser } from './update-user.ts';
export { requireUser } from './require-user.ts';
export { DEFAULT_PREFERENCES, readUserPreferences, saveUserPreferences } from './user-preferences.ts';
