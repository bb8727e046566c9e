import type { OverseenAgency } from '@server/reports/reports.schema.js';

export interface AgencyOption {
  code: string;
  name: string;
  depth: number;
}

/**
 * The agencies a user oversees in tree order, parents before children, each with its depth
 * below the top of what the user sees (an agency whose parent the user does not oversee is a top).
 */
export function treeOrder(agencies: OverseenAgency[]): AgencyOption[] {
  const codes = new Set(agencies.map((a) => a.code));
  const childrenOf = (parent: string | null) =>
    agencies.filter((a) =>
      parent === null ? !a.parentCode || !codes.has(a.parentCode) : a.parentCode === parent,
    );
  const out: AgencyOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const a of childrenOf(parent)) {
      out.push({ code: a.code, name: a.name, depth });
      walk(a.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
