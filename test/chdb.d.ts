// chdb is installed by .ci/run with --no-save (see src/store/clickhouse/chdb-available.testing.ts); typed loosely so
// the project type-checks without it.
declare module 'chdb';
