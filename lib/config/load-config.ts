import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, parseAppConfig, type AppConfig } from './schema';

export const DEFAULT_CONFIG_FILE = 'bedrock-access-review.config.json';

/** Reads and validates the configuration file; a missing file means all defaults. */
export function loadConfig(configPath = process.env.BAR_CONFIG ?? path.join(process.cwd(), DEFAULT_CONFIG_FILE)): AppConfig {
  if (!fs.existsSync(configPath)) {
    if (process.env.BAR_CONFIG) throw new ConfigError(`Configuration file ${configPath} (from BAR_CONFIG) does not exist`);
    return parseAppConfig({});
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Configuration file ${configPath} is not valid JSON: ${(error as Error).message}`);
  }
  return parseAppConfig(parsed, `configuration file ${configPath}`);
}

let cachedConfig: AppConfig | undefined;

/** The process-wide configuration, read once. */
export function getConfig(): AppConfig {
  cachedConfig ??= loadConfig();
  return cachedConfig;
}
