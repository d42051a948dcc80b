// hoptrace user add NAME --role admin|analyst|partner [--org ORG] --case DIR — prints the token once.
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { createUser, listUsers, UserInputError } from '../../api/users.ts';
import { openCase } from '../case.ts';

export function register(program: Command): void {
  const user = program.command('user').description('manage API / web UI users of a case');
  user.command('add <name>')
    .description('create a user and print its token (shown once; only its hash is stored)')
    .requiredOption('--role <role>', 'admin | analyst | partner')
    .option('--org <org>', 'organisation of a partner (it sees TLP:CLEAR/GREEN plus what is addressed to this org)')
    .requiredOption('--case <dir>', 'case directory')
    .action(async (name: string, o: { role: string; org?: string; case: string }) => {
      const kase = await openCase(o.case).catch(lockHint);
      try {
        const { user: u, token } = await createUser(kase.store, { name, role: o.role, org: o.org });
        kase.audit.record('cli', 'user.create', u.id, { name: u.name, role: u.role, org: u.org });
        process.stderr.write(`created ${u.role} '${u.name}'${u.org ? ` of ${u.org}` : ''}; the token below is shown only once:\n`);
        process.stdout.write(`${token}\n`);
      } catch (e) {
        if (e instanceof UserInputError) throw new InputError(e.message);
        throw e;
      } finally {
        await kase.close();
      }
    });
  user.command('list')
    .description('list users (never tokens)')
    .requiredOption('--case <dir>', 'case directory')
    .action(async (o: { case: string }) => {
      const kase = await openCase(o.case).catch(lockHint);
      try {
        for (const u of await listUsers(kase.store)) process.stdout.write(`${u.name}\t${u.role}\t${u.org ?? ''}\n`);
      } finally {
        await kase.close();
      }
    });
}

function lockHint(e: unknown): never {
  const msg = (e as Error).message ?? '';
  if (/lock/i.test(msg)) throw new InputError(`the case is open in another process (a running 'hoptrace serve'?): stop it, or create users through POST /api/users as an admin (${msg.split('\n')[0]})`);
  throw e;
}
