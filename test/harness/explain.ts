import type pg from 'pg';

export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a query plan, flattened. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** The plan Postgres chooses for `sql`, as the list of its nodes ("Index Scan on articles_listing", "Seq Scan on articles"…). */
export async function planOf(db: pg.Client, sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const plan = (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan;
  return nodesOf(plan).map((n) =>
    [n['Node Type'], n['Index Name'] ? `using ${n['Index Name']}` : '', n['Relation Name'] ? `on ${n['Relation Name']}` : ''].filter(Boolean).join(' '),
  );
}
