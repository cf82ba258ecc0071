/** Which topic a command reads: the one it names, else the channel's, else the default; an unknown name is refused with the list. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CommandContext } from '../../src/commands/command-request.js';
import { executeCommand } from '../../src/commands/execute-command.js';
import { buildBriefing } from '../../src/core/briefing.js';
import { silentLogger } from '../../src/logger.js';
import { renderText } from '../../src/render/render-text.js';
import { makeTopic, makeTopics } from '../digests/support/topic-fixture.js';

const briefing = (text: string) => buildBriefing([{ id: 'a', origin: 'a.txt', text }]);
const topics = makeTopics(
  makeTopic('floods', 'Alden floods', briefing('The river burst its banks in Alden on Sunday.')),
  makeTopic('strike', 'Brill port strike', briefing('Dock workers in Brill walked out on Monday.'), [{ slack: ['C-PORT'], discord: ['D-PORT'] }]),
);
const context = (over: Partial<CommandContext> = {}): CommandContext => ({ platform: 'slack', channelId: 'C-OTHER', userId: 'U1', canManageChannel: false, now: new Date('2031-03-03T09:00:00Z'), ...over });

async function type(line: string, over: Partial<CommandContext> = {}): Promise<string> {
  const request = parseCommandLine(line, topics.names());
  if ('error' in request) return request.error;
  return renderText((await executeCommand(request, context(over), { topics, logger: silentLogger })).message);
}

describe('topic routing', () => {
  it('reads the channel\'s topic (from topic.yml) when the command names none', async () => {
    expect(await type('/brief', { channelId: 'C-PORT' })).toContain('== Brill port strike ==');
    expect(await type('/brief', { platform: 'discord', channelId: 'D-PORT' })).toContain('== Brill port strike ==');
    expect(await type('/brief')).toContain('== Alden floods ==');
  });

  it('lets a named topic win over the channel\'s', async () => {
    expect(await type('/brief floods', { channelId: 'C-PORT' })).toContain('== Alden floods ==');
  });

  it('refuses an unknown topic word with the list of topics, never falling back', async () => {
    const reply = await type('/brief flods');
    expect(reply).toContain('Unknown topic "flods"');
    expect(reply).toContain('Known topics: floods, strike.');
    expect(await type('/numbers nosuch')).toContain('Unknown topic "nosuch"');
  });
});

describe('/add', () => {
  it('is refused to a member who cannot manage the channel, and fetches nothing', async () => {
    const fetched: string[] = [];
    const add = { handle: async (url: string) => (fetched.push(url), { title: 'Added', sections: [], tone: 'normal' as const }) };
    const run = async (canManageChannel: boolean) => {
      const request = parseCommandLine('/add https://news.example/a floods', topics.names());
      if ('error' in request) throw new Error(request.error);
      return renderText((await executeCommand(request, context({ canManageChannel }), { topics, logger: silentLogger, add })).message);
    };
    expect(await run(false)).toContain('Only channel managers can add articles');
    expect(fetched).toEqual([]);
    expect(await run(true)).toContain('Added');
    expect(fetched).toEqual(['https://news.example/a']);
  });
});
