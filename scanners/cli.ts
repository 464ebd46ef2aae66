/**
 * `npm run cli -- <command>`: the scanners and admin tasks. Run `npm run cli -- help`.
 */
import { closeDatabase, getDatabase, type AppDatabase } from '../db/client';
import { ConfigError } from '../lib/config/schema';
import { parseArguments, UsageError, type ParsedArguments } from './cli-args';
import { addUserCommand, seedDemoUsers } from './commands/users';
import { userCommand } from './commands/user-admin';
import { scanCommand } from './commands/scan';
import { diffCommand } from './commands/diff';
import { exportCommand } from './commands/export';
import { workerCommand } from './commands/worker';
import { backupCommand, restoreCommand } from './commands/backup';
import { campaignCommand } from './commands/campaign';
import { auditCommand } from './commands/audit';
import { sealAuditChain } from '../db/queries/audit';
import { AuditKeyError } from '../db/audit-key';
import { revocationCommand } from './commands/revocation';
import { getConfig } from '../lib/config/load-config';
import { createEngineEvaluate } from '../lib/revocations/engine';

const HELP = `Bedrock Access Review CLI

  scan [--from DIR]                 scan the organisation live (configuration file), or import DIR offline
  diff [--from ID --to ID]          drift between two snapshots (default: the last two)
  export --format json              the latest snapshot's analysis
  worker                            run scheduled scans and queued "scan now" requests
  admin create --email E [--name N]  create (or promote) an admin: the first sign-in for SSO
  user add --email E --role R [--name N]  add a user (roles: admin, auditor, owner)
  user list | deactivate --email E | remove --email E  manage users (deactivating ends their sessions)
  demo-users                        create the demo personas
  audit verify [--checkpoint FILE]  check the audit log's keyed hash chain (and against exported checkpoints)
  audit checkpoint [--to FILE]      export a signed checkpoint of the chain's head (appends to FILE, or stdout)
  backup --to FILE                  consistent online backup of the database
  restore --from FILE               replace the database with a backup (stop the server first)
  campaign launch --name N [scope]  launch a certification campaign (see: campaign help)
  campaign export ID --format csv|json  a campaign's evidence
  revocation request|plan|approve|reject|execute|script|list --as EMAIL  revocations (see: revocation help)
  migrate                           apply database migrations

Environment: DATABASE_URL (default data/app.db), BAR_CONFIG (default bedrock-access-review.config.json),
BAR_AUDIT_KEY or BAR_AUDIT_KEY_FILE (the audit chain's key; see README).`;

/** The commands that need nothing but the database and the arguments; each answers the exit code. */
const DATABASE_COMMANDS = new Map<string, (database: AppDatabase, parsed: ParsedArguments) => number | Promise<number>>([
  ['scan', scanCommand],
  ['diff', diffCommand],
  ['export', exportCommand],
  ['worker', workerCommand],
  ['campaign', campaignCommand],
  ['backup', backupCommand],
  ['audit', auditCommand],
]);

async function main(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  const [command, subcommand] = parsed.positionals;
  if (!command || command === 'help' || parsed.flags.has('help')) {
    console.log(HELP);
    return 0;
  }
  if (command === 'restore') return restoreCommand(parsed);
  const database = getDatabase();
  // Start-up check: no audit key (and no explicit unkeyed mode) stops every command here.
  sealAuditChain(database);
  const databaseCommand = DATABASE_COMMANDS.get(command);
  if (databaseCommand) return databaseCommand(database, parsed);
  switch (command) {
    case 'migrate':
      console.log('Database is migrated.');
      return 0;
    case 'revocation':
      return revocationCommand(database, parsed, { requireFourEyes: getConfig().revocations.requireFourEyes, evaluate: createEngineEvaluate, now: () => new Date(), print: (line) => console.log(line) });
    case 'demo-users':
      console.log(`Created ${seedDemoUsers(database)} demo users.`);
      return 0;
    case 'admin':
      if (subcommand !== 'create') throw new UsageError('usage: admin create --email E');
      console.log(addUserCommand(database, parsed, 'admin'));
      return 0;
    case 'user':
      console.log(userCommand(database, parsed, subcommand));
      return 0;
    default:
      throw new UsageError(`unknown command "${command}". Run: npm run cli -- help`);
  }
}

main(process.argv.slice(2))
  .then((code) => {
    closeDatabase();
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    closeDatabase();
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof AuditKeyError) console.error(`Error: ${error.message}`);
    else console.error(`Error: ${(error as Error).message ?? String(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
