import { Type, type Static } from '@sinclair/typebox';
import type { Dossier } from '../db/schema.js';
import type { Role, SessionUser } from '../core/roles.js';
import { errors } from '../core/errors.js';
import { DossierStatus } from './statuses.js';

/** What a user may do to a dossier from its page, each with a route of its own. */
export const DossierAction = Type.Union(
  [
    Type.Literal('reprint_receipt'),
    Type.Literal('reissue_lookup_secret'),
    Type.Literal('request_supplement'),
    Type.Literal('receive_supplement'),
    Type.Literal('extend'),
  ],
  { description: 'an action the dossier page offers; its route answers 403 or 409 for any other' },
);
export type DossierAction = Static<typeof DossierAction>;

/**
 * Who may take each action: the `access` of the action's route, so the 403 of the route gate
 * and the actions a dossier lists cannot disagree.
 */
export const ACTION_ROLES = {
  reprint_receipt: ['receptionist'],
  reissue_lookup_secret: ['receptionist'],
  request_supplement: ['receptionist', 'officer', 'leader'],
  receive_supplement: ['receptionist'],
  extend: ['receptionist', 'leader'],
} as const satisfies Record<DossierAction, readonly Role[]>;

/** What of a dossier the rule reads. */
export type ActionState = Pick<Dossier, 'status' | 'finishedAt' | 'pausedAt'>;

/**
 * In which states each action makes sense. The receipt and its lookup secret serve until the
 * process ends (a resolved dossier's result is collected with the receipt). A supplement request
 * and an apology only while the dossier is being worked on: not once its result is ready (9), nor
 * after it ended (refused, returned). A supplement is received only while a request stopped the
 * clock (a diagram's own supplement step, status 5 too, is worked in the inbox instead).
 */
const WHEN: Record<DossierAction, (d: ActionState) => boolean> = {
  reprint_receipt: (d) => !d.finishedAt,
  reissue_lookup_secret: (d) => !d.finishedAt,
  request_supplement: (d) => inProgress(d) && !d.pausedAt,
  receive_supplement: (d) => !d.finishedAt && Boolean(d.pausedAt),
  extend: inProgress,
};

const ACTIONS = Object.keys(WHEN) as DossierAction[];

/**
 * The one rule for the actions a user may take on a dossier in their access scope, from its
 * state and their roles: the dossier detail lists them, and every action's route refuses what
 * the rule leaves out (`assertActionAllowed`).
 */
export function allowedActions(dossier: ActionState, user: Pick<SessionUser, 'roles'>): DossierAction[] {
  return ACTIONS.filter((action) => mayTake(user, action) && WHEN[action](dossier));
}

/** Throws what the route answers for an action the rule does not allow: 403 by role, 409 by state. */
export function assertActionAllowed(
  dossier: ActionState & Pick<Dossier, 'code'>,
  user: Pick<SessionUser, 'roles'>,
  action: DossierAction,
): void {
  if (!mayTake(user, action)) throw errors.forbidden();
  if (!WHEN[action](dossier)) throw errors.actionNotAllowed(dossier.code, action, dossier.status);
}

function mayTake(user: Pick<SessionUser, 'roles'>, action: DossierAction): boolean {
  const roles: readonly Role[] = ACTION_ROLES[action];
  return user.roles.some((role) => roles.includes(role));
}

function inProgress(d: ActionState): boolean {
  return !d.finishedAt && d.status !== DossierStatus.RESOLVED;
}
