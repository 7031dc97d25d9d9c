import type { Role } from '../contract/api-types.ts';

/**
 * Every staff role, lowest first: the order is the organisation's hierarchy, which the
 * escalation ladder (src/escalations/escalation-ladder.ts) climbs.
 */
export const ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** The roles above `role`, nearest first. */
export function rolesAbove(role: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(role) + 1);
}
