/** Tests only: runs a rendered revocation script under bash with a stub `aws` that records its calls. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each call is written as its argument count then its arguments, NUL-separated: arguments can
// hold any byte but NUL, so the record is exact. `sts get-caller-identity` answers the account.
const STUB_AWS = `#!/usr/bin/env bash
printf '%s\\0' "$#" "$@" >> "$STUB_AWS_CALLS"
if [ "$1" = sts ] && [ "$2" = get-caller-identity ]; then printf '%s\\n' "$STUB_AWS_ACCOUNT"; fi
exit 0
`;

export interface StubRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The argv of every `aws` invocation, in order (without the leading `aws`). */
  calls: string[][];
  /** Files the script left in its working directory (it should leave none). */
  filesCreated: string[];
}

function parseCalls(bytes: string): string[][] {
  const fields = bytes.split('\0');
  const calls: string[][] = [];
  let index = 0;
  while (index < fields.length - 1) {
    const count = Number(fields[index]);
    calls.push(fields.slice(index + 1, index + 1 + count));
    index += 1 + count;
  }
  return calls;
}

/** Runs `script` with `bash` in an empty directory; the stub `aws` comes first on PATH. */
export function runScriptWithStubAws(script: string, accountId: string): StubRun {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'revocation-script-'));
  const bin = path.join(directory, 'bin');
  const work = path.join(directory, 'work');
  fs.mkdirSync(bin);
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(bin, 'aws'), STUB_AWS, { mode: 0o755 });
  fs.writeFileSync(path.join(directory, 'script.sh'), script);
  const callsFile = path.join(directory, 'calls');
  fs.writeFileSync(callsFile, '');
  try {
    const result = spawnSync('bash', [path.join(directory, 'script.sh')], {
      cwd: work,
      env: { NODE_ENV: 'test', PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, STUB_AWS_CALLS: callsFile, STUB_AWS_ACCOUNT: accountId, HOME: work, LANG: 'C.UTF-8' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    return {
      exitCode: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      calls: parseCalls(fs.readFileSync(callsFile, 'utf8')),
      filesCreated: fs.readdirSync(work),
    };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
