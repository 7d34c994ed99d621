/**
 * Pure logic of the audit log screen: which words say what was done and which field changed,
 * and how a recorded value reads (a role, a level, yes or no), whatever the server adds later.
 */

export const ACTIONS = [
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'person.sessions_revoked',
  'person.erased',
  'person.data_exported',
  'privacy.policy_updated',
  'invite.created',
  'invite.resent',
  'invite.revoked',
  'invite.accepted',
  'unit.created',
  'unit.updated',
  'unit.moved',
  'unit.closed',
  'network.imported',
  'challenge.created',
  'challenge.description_updated',
  'challenge.rules_updated',
  'challenge.published',
  'challenge.closed',
  'challenge.deleted',
  'challenge.duplicated',
  'target.set',
  'token.created',
  'token.revoked',
  'improvement.indicator_changed',
] as const;

export const FIELDS = [
  'role',
  'unit',
  'name',
  'active',
  'open',
  'parent',
  'kind',
  'city',
  'externalCode',
  'email',
  'status',
  'value',
  'person',
  'metric',
  'period_start',
  'sendCount',
  'expiresAt',
  'sessionsEnded',
  'unitsClosed',
  'file',
  'units_created',
  'units_updated',
  'units_moved',
  'units_unchanged',
  'people_invited',
  'people_updated',
  'people_unchanged',
  'lines_refused',
  'credentials',
  'removed',
  'rewritten',
  'results_days',
  'notifications_days',
  'audit_days',
  'sessions_days',
  'outbox_days',
  'deleted_media_days',
  'boards_anonymous_outside_team',
] as const;

export type KnownAction = (typeof ACTIONS)[number];
export type KnownField = (typeof FIELDS)[number];

/** The catalogue key of an action: its own, or the generic one for an action this app doesn't know yet. */
export function actionKey(action: string): `audit.action.${KnownAction}` | 'audit.action.other' {
  return (ACTIONS as readonly string[]).includes(action) ? `audit.action.${action as KnownAction}` : 'audit.action.other';
}

/** The catalogue key of a field's label, or null: the field is then shown by its own name. */
export function fieldKey(field: string): `audit.field.${KnownField}` | null {
  return (FIELDS as readonly string[]).includes(field) ? `audit.field.${field as KnownField}` : null;
}

export type ValueWords =
  | { key: 'role' | 'kind' | 'yesNo'; value: string }
  | { key: null; value: string };

/** How a recorded value reads: roles and levels by their label, booleans as yes or no, the rest as written. */
export function valueWords(field: string, value: string): ValueWords {
  if (field === 'role' && ['ADMIN', 'MANAGER', 'MEMBER'].includes(value)) return { key: 'role', value };
  if (field === 'kind' && ['ORGANIZATION', 'REGION', 'DISTRIBUTOR', 'POINT_OF_SALE', 'TEAM'].includes(value)) return { key: 'kind', value };
  if (value === 'true' || value === 'false') return { key: 'yesNo', value };
  return { key: null, value };
}

/** The start of a day typed in a date field, in the viewer's time zone, as an instant; null when empty. */
export function dayStart(day: string, plusDays = 0): string | null {
  const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!found) return null;
  return new Date(Number(found[1]), Number(found[2]) - 1, Number(found[3]) + plusDays).toISOString();
}
