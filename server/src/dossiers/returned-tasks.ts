import { sql } from 'drizzle-orm';
import type { Tx } from '../core/db.js';

/**
 * For steps about to open again on a dossier: who last completed each, if they still may work
 * it (active, in one of its departments, with its role). A step in the answer was done before,
 * so its new task is a return; with a handler it is claimed for them, else it waits in the pool.
 */
export async function previousHandlers(
  tx: Tx,
  dossierId: string,
  elementIds: string[],
): Promise<Map<string, string | null>> {
  const { rows } = await tx.execute<{ element_id: string; handler: string | null }>(sql`
    select distinct on (t.element_id) t.element_id,
      case when u.active and (t.role is null or t.role = any(u.roles))
        and exists (select 1 from user_departments ud
                    where ud.user_id = u.id and ud.department_code = any(t.department_codes))
      then u.id end as handler
    from tasks t left join users u on u.id = t.completed_by
    where t.dossier_id = ${dossierId} and t.status = 'completed'
      and t.element_id = any(${sql.param(elementIds)}::text[])
    order by t.element_id, t.completed_at desc`);
  return new Map(rows.map((r) => [r.element_id, r.handler]));
}
