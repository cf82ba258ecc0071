#!/usr/bin/env node
// The image's HEALTHCHECK. Sitrep opens an HTTP port only in Slack's HTTP mode (a bot token and a
// signing secret, no app token): then this asks that port for GET /healthz and exits 0 on a 200,
// 1 on anything else or no answer within 3 s. In every other mode (Socket Mode, Discord, the
// console) nothing listens, so there is nothing to ask and the container is as healthy as its
// process: it exits 0. The mode is read with Sitrep's own config module, so it is decided exactly
// as at start-up.
/* global fetch, AbortSignal */
import 'dotenv/config';
import { loadConfig } from '../dist/config.js';

const slack = loadConfig(process.env, { checkBriefingsDir: false }).slack;
if (!slack || slack.appToken) process.exit(0);

// Unset, 0.0.0.0 or ::, the receiver listens on every interface, loopback included.
const anyAddress = !slack.host || slack.host === '0.0.0.0' || slack.host === '::';
const host = anyAddress ? '127.0.0.1' : slack.host.includes(':') ? `[${slack.host}]` : slack.host;
try {
  const response = await fetch(`http://${host}:${slack.port}/healthz`, { signal: AbortSignal.timeout(3000) });
  process.exit(response.status === 200 ? 0 : 1);
} catch (error) {
  console.error(`healthcheck: no answer from http://${host}:${slack.port}/healthz: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
