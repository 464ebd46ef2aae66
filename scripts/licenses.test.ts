import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Licenses we accept for runtime dependencies of an Apache-2.0 project. */
const PERMISSIVE = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'MIT-0', 'BlueOak-1.0.0', 'CC0-1.0', 'Unlicense', 'CC-BY-4.0', 'Python-2.0']);

/**
 * Reviewed exceptions. sharp's libvips binary is LGPL-3.0 (dynamically linked, replaceable): it is
 * an optional dependency of Next.js used only by next/image optimisation, which this app turns off
 * (`images.unoptimized` in next.config.ts) and never loads.
 */
const REVIEWED_EXCEPTIONS = new Map([['@img/sharp-libvips-linux-x64', 'LGPL-3.0-or-later'], ['@img/sharp-libvips-linuxmusl-x64', 'LGPL-3.0-or-later']]);

function licenseOf(packageJson: { license?: unknown; licenses?: Array<{ type?: string }> }): string {
  if (typeof packageJson.license === 'string') return packageJson.license;
  if (packageJson.license && typeof packageJson.license === 'object' && 'type' in packageJson.license) return String((packageJson.license as { type: unknown }).type);
  return packageJson.licenses?.map((entry) => entry.type).join(' OR ') ?? 'UNKNOWN';
}

/** An SPDX expression passes when every alternative of an OR has at least one permissive choice. */
function isPermissive(expression: string): boolean {
  const cleaned = expression.replace(/[()]/g, '');
  return cleaned.split(/\s+OR\s+/).some((alternative) => alternative.split(/\s+AND\s+/).every((license) => PERMISSIVE.has(license.trim())));
}

describe('runtime dependency licenses', () => {
  it('are all permissive (the AGPL iam-simulate family is a devDependency only)', () => {
    const output = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const offenders: string[] = [];
    const paths = output.split('\n').filter((line) => line.includes('node_modules'));
    for (const packagePath of paths) {
      const manifest = path.join(packagePath, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const packageJson = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; version: string; license?: unknown };
      const license = licenseOf(packageJson);
      if (!isPermissive(license) && REVIEWED_EXCEPTIONS.get(packageJson.name) !== license) offenders.push(`${packageJson.name}@${packageJson.version}: ${license}`);
    }
    expect(paths.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('keeps the AGPL oracle out of runtime dependencies', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).filter((name) => /iam-(simulate|expand|lens)/.test(name))).toEqual([]);
  });
});
