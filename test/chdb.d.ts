// chdb is installed by .ci/run with --no-save (see src/store/clickhouse/chdb-available.testing.ts); typed loosely so
// the project type-checks without it.
declare module 'chdb' {
  export class Session {
    constructor(path?: string, ...rest: unknown[]);
    query(sql: string, format?: string): string;
    cleanup(): void;
  }
  export function query(sql: string, format?: string): string;
}
