/**
 * Input schemas shared by the people-administration operations and the admin API routes.
 */
import { z } from 'zod';
import { ZEmail, ZPersonName } from '@/lib/teams/team-schemas';

export const ZUserId = z.string().trim().min(1, 'is required').max(64);
export const ZGlobalRoleInput = z.enum(['APPROVER', 'FINANCE', 'ADMIN']);
export const ZGlobalRoles = z
  .array(ZGlobalRoleInput)
  .max(3)
  // Stored as a set: order and duplicates carry no meaning.
  .transform((roles) => [...new Set(roles)].sort());

export { ZEmail, ZPersonName };

/** The `{ userId }` every single-user operation takes. */
export const ZUserRef = z.object({ userId: ZUserId });
export type TUserRef = z.input<typeof ZUserRef>;
