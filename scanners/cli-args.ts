/** Minimal argument parsing for the CLI: `--flag value`, `--flag=value`, `--switch`, positionals. */
export interface ParsedArguments {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArguments(argv: string[]): ParsedArguments {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }
    const [name, inlineValue] = argument.slice(2).split(/=(.*)/s, 2);
    if (inlineValue !== undefined) flags.set(name, inlineValue);
    else if (index + 1 < argv.length && !argv[index + 1].startsWith('--')) flags.set(name, argv[++index]);
    else flags.set(name, true);
  }
  return { positionals, flags };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringFlag(parsed: ParsedArguments, name: string): string | undefined {
  const value = parsed.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function requireStringFlag(parsed: ParsedArguments, name: string): string {
  const value = stringFlag(parsed, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

export function integerFlag(parsed: ParsedArguments, name: string): number | undefined {
  const value = stringFlag(parsed, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new UsageError(`--${name} must be an integer, got "${value}"`);
  return number;
}
