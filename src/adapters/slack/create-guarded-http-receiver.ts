import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, defaultBodyLimit, isRawBodyError, isValidSlackRequest, type App, type HTTPReceiverOptions, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { SlackRequestGuard } from './create-slack-request-guard.js';

export interface GuardedHttpReceiverOptions {
  readonly signingSecret: string;
  readonly guard: SlackRequestGuard;
  /** Sitrep's logger, for refused requests. */
  readonly logger: Logger;
  /** Bolt's view of the same logger, for the wrapped receiver. */
  readonly boltLogger: BoltLogger;
  /** What `GET /readyz` reports; without it only `GET /healthz` (process up) is answered. */
  readonly health?: () => { readonly ready: boolean; readonly parts: Readonly<Record<string, boolean>> };
  /**
   * Bolt's OAuth flow: `GET /slack/install` and `GET /slack/oauth_redirect` are served by Bolt's
   * receiver behind the same guard and server, and the app authorizes each request from it.
   */
  readonly oauth?: Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'installationStore' | 'scopes' | 'installerOptions'>;
}

export interface GuardedHttpReceiver extends Receiver {
  /** With `oauth`: the wrapped receiver's InstallProvider, where Bolt's App finds its authorize. */
  readonly installer: HTTPReceiver['installer'];
  /** Listens on `port` (0: a free one) at `host` (undefined: every interface). */
  start(port: number, host?: string): Promise<Server>;
  stop(): Promise<void>;
}

/**
 * Bolt's HTTPReceiver behind a guard. Each request that carries a Slack signature is read once
 * and, when the signature verifies, screened for a future timestamp or a replay (refused with 401,
 * as Bolt refuses a stale one); everything else, and every accepted request, goes to Bolt as it
 * came, already buffered, so Bolt verifies and handles it exactly as it would unguarded.
 */
export function createGuardedHttpReceiver(options: GuardedHttpReceiverOptions): GuardedHttpReceiver {
  const { signingSecret, guard, logger, boltLogger } = options;
  const inner = new HTTPReceiver({ signingSecret, logger: boltLogger, ...options.oauth });
  let server: Server | undefined;

  const dispatch = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      inner.requestListener(req, res);
    } catch (error) {
      // An unknown path, as Bolt's own server answers it (404).
      HTTPModuleFunctions.defaultDispatchErrorHandler({ error: error as Error, logger: boltLogger, request: req, response: res });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET' && answerHealth(req, res, options.health)) return;
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') return dispatch(req, res);
    let buffered: IncomingMessage & { rawBody: Buffer };
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
    } catch (error) {
      const tooLarge = isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
      HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      return;
    }
    const timestampSec = Number(timestamp);
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSec };
    if (isValidSlackRequest({ signingSecret, body: buffered.rawBody.toString(), headers })) {
      const verdict = await guard.screen(timestampSec, signature);
      if (verdict !== 'fresh') {
        logger.warn('slack request refused', { reason: verdict, path: req.url });
        HTTPModuleFunctions.buildNoBodyResponse(res, 401);
        return;
      }
    }
    dispatch(buffered, res);
  };

  return {
    installer: inner.installer,
    init(app: App) {
      inner.init(app);
    },
    start(port, host) {
      if (server) return Promise.reject(new Error('the Slack receiver is already started'));
      const created = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          logger.error('slack request could not be screened', { error });
          if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
        });
      });
      server = created;
      return new Promise((resolve, reject) => {
        created.once('error', (error) => {
          server = undefined;
          created.close();
          reject(error);
        });
        created.listen({ port, ...(host ? { host } : {}) }, () => resolve(created));
      });
    },
    stop() {
      const current = server;
      server = undefined;
      if (!current) return Promise.resolve();
      return new Promise((resolve, reject) => {
        current.close((error) => (error ? reject(error) : resolve()));
        current.closeIdleConnections();
      });
    },
  };
}

/**
 * `GET /healthz`: 200 while the process serves. `GET /readyz`: 200 when every part is up (topics,
 * store, platforms), else 503, with the parts as JSON. Returns false for any other path.
 */
function answerHealth(req: IncomingMessage, res: ServerResponse, health: GuardedHttpReceiverOptions['health']): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return true;
  }
  if (path === '/readyz' && health) {
    const report = health();
    res.writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    return true;
  }
  return false;
}
