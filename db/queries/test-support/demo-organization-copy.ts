/**
 * Tests only: a temporary copy of demo/org to import offline, whose `identity-center.json` a test
 * edits the way the next export would show a change (scanners/offline/FORMAT.md).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RawIdentityCenter, RawIdentityCenterFile } from '../../../scanners/raw-identity-center';

const DEMO = path.join(process.cwd(), 'demo', 'org');

export interface DemoOrganizationCopy {
  directory: string;
  identityCenterFile: string;
  /** Reads the copy's identity-center.json, lets `edit` change it in place, and writes it back. */
  editIdentityCenter(edit: (identityCenter: RawIdentityCenter) => void): void;
  remove(): void;
}

/** Copies demo/org into a new folder under the system's temporary folder, named from `prefix`. */
export function copyDemoOrganization(prefix: string): DemoOrganizationCopy {
  const directory = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(DEMO, directory, { recursive: true });
  const identityCenterFile = path.join(directory, 'identity-center.json');
  return {
    directory,
    identityCenterFile,
    editIdentityCenter(edit) {
      const file = JSON.parse(readFileSync(identityCenterFile, 'utf8')) as RawIdentityCenterFile;
      edit(file.IdentityCenter);
      writeFileSync(identityCenterFile, JSON.stringify(file, null, 2));
    },
    remove() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
