import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const discord = { DISCORD_TOKEN: 'fake.discord.token', DISCORD_APPLICATION_ID: '1100000000000000001' };

describe('DISCORD_SHARDS', () => {
  it('runs every shard Discord recommends when unset or blank', () => {
    expect(loadConfig(discord).discord?.shards).toBeUndefined();
    expect(loadConfig({ ...discord, DISCORD_SHARDS: ' ' }).discord?.shards).toBeUndefined();
  });

  it.each([
    ['0,1/4', { ids: [0, 1], count: 4 }],
    ['1/2', { ids: [1], count: 2 }],
    ['4-7/8', { ids: [4, 5, 6, 7], count: 8 }],
    ['3, 0-1 ,1/4', { ids: [0, 1, 3], count: 4 }],
    ['0/1', { ids: [0], count: 1 }],
  ])('reads %j as shard ids out of the total', (value, shards) => {
    expect(loadConfig({ ...discord, DISCORD_SHARDS: value }).discord?.shards).toEqual(shards);
  });

  it.each([
    ['auto', /must be shard ids out of the total shard count, e\.g\. 0,1\/4/],
    ['0,1', /must be shard ids out of the total/],
    ['/4', /must be shard ids out of the total/],
    ['0;1/4', /must be shard ids out of the total/],
    ['-1/4', /must be shard ids out of the total/],
    ['0/0', /total shard count from 1/],
    ['4/4', /names shard 4, but shard ids run from 0 to 3 of 4/],
    ['0-9/8', /names shard 9/],
    ['3-1/4', /range 3-1 backwards/],
    ['0/200000', /total shard count from 1 to 100000/],
  ])('refuses %j at start, naming the variable', (value, message) => {
    const load = (): unknown => loadConfig({ ...discord, DISCORD_SHARDS: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^Invalid setting DISCORD_SHARDS: /);
    expect(load).toThrow(message);
  });

  it('is refused without the Discord bot it would shard', () => {
    expect(() => loadConfig({ DISCORD_SHARDS: '0/2' })).toThrow(/Invalid setting DISCORD_SHARDS: set only with DISCORD_TOKEN/);
  });
});
