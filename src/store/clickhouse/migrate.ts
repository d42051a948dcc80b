// Creating the schema on every shard (no ON CLUSTER without ZooKeeper): the database, the *_local
// MergeTree tables, the Distributed tables over them and the findings view; the version lives on shard 1.
import { SCHEMA_VERSION, TABLES, tableDef } from '../schema.ts';
import type { Cluster } from './cluster.ts';
import { distributedTablesSql, findingsRunsSql, findingsViewSql, localTableSql, q, schemaMetaSql } from './ddl.ts';
import { numberLiteral, stringLiteral } from './literals.ts';

export async function readSchemaVersion(cluster: Cluster, db: string): Promise<number> {
  const exists = await cluster.select<{ n: string }>(cluster.entry,
    `SELECT count() AS n FROM system.tables WHERE database = ${stringLiteral(db)} AND name = 'schema_meta'`);
  if (Number(exists[0].n) === 0) return 0;
  const r = await cluster.select<{ v: string | number }>(cluster.entry, `SELECT max(version) AS v FROM ${q(db)}.schema_meta`);
  return Number(r[0]?.v ?? 0);
}

export async function migrateCluster(cluster: Cluster, db: string): Promise<void> {
  const current = await readSchemaVersion(cluster, db);
  if (current > SCHEMA_VERSION) throw new Error(`case schema v${current} is newer than this hoptrace (v${SCHEMA_VERSION})`);
  if (current === SCHEMA_VERSION) return;
  await cluster.onEveryShard(async (s) => {
    await cluster.command(s, `CREATE DATABASE IF NOT EXISTS ${q(db)}`, true);
    for (const t of TABLES) await cluster.command(s, localTableSql(db, t), true);
    for (const t of TABLES) for (const sql of distributedTablesSql(db, cluster.name, t)) await cluster.command(s, sql, true);
    for (const sql of findingsRunsSql(db, cluster.name)) await cluster.command(s, sql, true);
    await cluster.command(s, findingsViewSql(db, tableDef('findings')), true);
  });
  // Written last: a migration interrupted before this line simply runs again (every CREATE is IF NOT EXISTS).
  await cluster.command(cluster.entry, schemaMetaSql(db), true);
  await cluster.command(cluster.entry,
    `INSERT INTO ${q(db)}.schema_meta VALUES (${SCHEMA_VERSION}, ${numberLiteral(Date.now() / 1000)})`, true);
}
