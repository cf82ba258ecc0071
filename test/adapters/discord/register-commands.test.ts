/** Slash command registration: the function against the stand-in, and `npm run register:discord` as a process. */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../../src/adapters/discord/register-commands.js';
import { silentLogger } from '../../../src/logger.js';
import { startDiscordStandIn, type DiscordStandIn } from './discord-stand-in.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.fake-register-token.not-real-0123456789';
const applicationId = '1100000000000000003';
const guildId = '1000000000000000009';
let standIn: DiscordStandIn;

interface Option {
  name: string;
  description: string;
  type: number;
  required?: boolean;
  autocomplete?: boolean;
  max_length?: number;
  options?: Option[];
}
interface Command {
  name: string;
  description: string;
  contexts?: number[];
  options?: Option[];
}

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token, applicationId });
});

afterAll(async () => {
  await standIn?.close();
});

/** name:type, with `!` for required and `*` for autocomplete. */
const shape = (options: Option[] = []): string[] => options.map((o) => `${o.name}:${o.type}${o.required ? '!' : ''}${o.autocomplete ? '*' : ''}`);

describe('registerDiscordCommands', () => {
  it('bulk-overwrites the commands in the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await registerDiscordCommands({ token, applicationId, guildId, apiUrl: standIn.apiUrl }, silentLogger);
    expect(result).toEqual({ scope: 'guild', names: ['brief', 'ask', 'numbers', 'sources', 'help', 'digest', 'add'] });
    const [call] = standIn.callsTo('PUT', new RegExp(`^/applications/${applicationId}/guilds/${guildId}/commands$`));
    expect(call!.authorization).toBe(`Bot ${token}`);
    const commands = call!.body as Command[];
    const byName = Object.fromEntries(commands.map((c) => [c.name, c]));
    expect(shape(byName['brief']!.options)).toEqual(['topic:3*', 'public:5']);
    expect(shape(byName['ask']!.options)).toEqual(['question:3!', 'topic:3*', 'public:5']);
    expect(shape(byName['numbers']!.options)).toEqual(['topic:3*', 'public:5']);
    expect(shape(byName['sources']!.options)).toEqual(['topic:3*', 'public:5']);
    expect(byName['help']!.options ?? []).toEqual([]);
    expect(shape(byName['add']!.options)).toEqual(['url:3!', 'topic:3*']);
    const digest = byName['digest']!.options!;
    expect(shape(digest)).toEqual(['subscribe:1', 'unsubscribe:1', 'status:1', 'now:1']);
    expect(shape(digest[0]!.options)).toEqual(['time:3', 'timezone:3', 'topic:3*']);
    expect(shape(digest[1]!.options)).toEqual(['topic:3*']);
    expect(shape(digest[3]!.options)).toEqual(['topic:3*', 'public:5']);
    expect(byName['ask']!.options![0]!.max_length).toBe(2000);
    // Every command and option explains itself, within Discord's 100 characters; guild channels only.
    const describe = (o: Command | Option): void => {
      expect(o.description.length, o.name).toBeGreaterThan(0);
      expect(o.description.length, o.name).toBeLessThanOrEqual(100);
      for (const child of o.options ?? []) describe(child);
    };
    for (const c of commands) {
      describe(c);
      expect(c.contexts).toEqual([0]);
    }
  });

  it('registers globally without a guild, and throws when Discord refuses', async () => {
    await expect(registerDiscordCommands({ token, applicationId, apiUrl: standIn.apiUrl }, silentLogger)).resolves.toMatchObject({ scope: 'global' });
    expect(standIn.callsTo('PUT', new RegExp(`^/applications/${applicationId}/commands$`))).toHaveLength(1);
    await expect(registerDiscordCommands({ token, applicationId: '1100000000000000099', apiUrl: standIn.apiUrl }, silentLogger)).rejects.toThrow(/Missing Access/);
  });
});

describe('npm run register:discord', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const run = (env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      // In a scratch folder, so no .env is read; the environment is all it gets.
      execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/adapters/discord/register-cli.ts')], { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('registers the commands in the guild, and stops with one line when Discord is not configured', async () => {
    const [done, missing] = await Promise.all([
      run({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_GUILD_ID: '1000000000000000010', DISCORD_API_URL: standIn.apiUrl }),
      run({}),
    ]);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/^Registered \/brief, \/ask, \/numbers, \/sources, \/help, \/digest, \/add in server 1000000000000000010/);
    expect(done.stdout).toMatch(/for development: unset DISCORD_GUILD_ID to register them globally, for every server/);
    expect(standIn.callsTo('PUT', new RegExp(`^/applications/${applicationId}/guilds/1000000000000000010/commands$`))).toHaveLength(1);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });
});
