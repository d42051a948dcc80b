// chdb (current ClickHouse in-process) is not a package.json dependency: its optional platform packages are
// not all on the registry this project installs from, which breaks `npm ci`. .ci/run installs it with
// --no-save; without it the chdb checks are skipped with a loud message.
import { createRequire } from 'node:module';

export const CHDB_AVAILABLE = (() => {
  try {
    createRequire(import.meta.url).resolve('chdb');
    return true;
  } catch {
    console.warn('\n!!! chdb is not installed (npm install --no-save chdb@3.4.0): the checks against current ClickHouse are skipped\n');
    return false;
  }
})();
