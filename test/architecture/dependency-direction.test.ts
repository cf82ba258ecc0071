import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * The one-way layout of src/ (docs/architecture.md): main/cli/app → adapters, digests, feeds →
 * commands → topics, store (and llm) → chat port → render, ingest → core, with `shared` helpers
 * below all but the core. Each module may import
 * the modules listed for it, and only those; `config` and `logger` are the shared leaves every
 * module from topics up may use (chat and ingest may log). Top-level files are modules of their own, named without `.ts`
 * (`cli.ts` goes with `cli/`).
 */
const leaves = ['config', 'logger'] as const;
const belowChat = ['render', 'ingest', 'core', 'shared'] as const;
const belowCommands = ['topics', 'store', 'llm', 'chat', ...belowChat, ...leaves] as const;
const belowEdge = ['commands', ...belowCommands] as const;
const belowTop = ['adapters', 'digests', 'feeds', ...belowEdge] as const;
const allowed: Readonly<Record<string, readonly string[]>> = {
  main: ['app'],
  cli: belowTop,
  app: belowTop,
  adapters: belowEdge,
  digests: belowEdge,
  feeds: belowEdge,
  commands: belowCommands,
  topics: ['chat', ...belowChat, ...leaves],
  store: ['chat', ...belowChat, ...leaves],
  llm: ['chat', ...belowChat, ...leaves],
  // The posters' shared machinery (postParts) logs what it skips and retries.
  chat: [...belowChat, 'logger'],
  render: ['core', 'shared'],
  ingest: ['core', 'shared', 'logger'],
  core: [],
  // Small helpers that know nothing of Sitrep (backoff arithmetic): every module but the core may use them.
  shared: [],
  config: ['briefings-dir-problem'],
  'briefings-dir-problem': ['ingest'],
  logger: ['format-pretty-line'],
  'format-pretty-line': [],
  types: [],
};

/**
 * Imports that break the rule, file by file, each with the step that removes it (none today: the
 * last ones went with issue 14). The list only shrinks: a new violation fails, and so does an
 * entry whose import is gone (delete it then).
 */
const exceptions: readonly { readonly until: string; readonly edges: readonly string[] }[] = [];

const src = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(src, path).split('\\').join('/')] : [];
  });
}

/** `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')`, relative only. */
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The src-relative files a file imports, `.js` specifiers read as the `.ts` files they compile from. */
function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(importPattern)].map((m) => posix.normalize(posix.join(posix.dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
}

/** The module a src-relative path belongs to: its top folder, or a top-level file's name. */
function moduleOf(path: string): string {
  const [first, ...rest] = path.split('/');
  return rest.length > 0 ? first! : first!.replace(/\.(d\.)?ts$/, '');
}

/** Every import that crosses from one module to another, as `from -> to` file pairs. */
function crossings(): string[] {
  return sourceFiles(src).flatMap((file) =>
    importsOf(file, readFileSync(join(src, file), 'utf8'))
      .filter((target) => moduleOf(target) !== moduleOf(file))
      .map((target) => `${file} -> ${target}`),
  );
}

/** The modules of `graph` in a cycle, or none. */
function cycleIn(graph: Readonly<Record<string, readonly string[]>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] => {
    if (state.get(node) === 'done') return [];
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph[node] ?? []) {
      const cycle = visit(next);
      if (cycle.length > 0) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return [];
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle.length > 0) return cycle;
  }
  return [];
}

/** The crossings the table does not allow and no exception lists. */
function violations(edges: readonly string[]): string[] {
  const excused = new Set(exceptions.flatMap((e) => e.edges));
  return edges.filter((edge) => {
    const [from, to] = edge.split(' -> ') as [string, string];
    return !allowed[moduleOf(from)]?.includes(moduleOf(to)) && !excused.has(edge);
  });
}

test('every module of src/ has a place in the table', () => {
  const modules = new Set(sourceFiles(src).map(moduleOf));
  expect([...modules].filter((m) => !(m in allowed))).toEqual([]);
});

test('the allowed direction has no cycle between modules', () => {
  expect(cycleIn(allowed)).toEqual([]);
});

test('no module imports upward or sideways, beyond the listed exceptions', () => {
  expect(violations(crossings())).toEqual([]);
});

test('every listed exception is still an import of today (remove those that are fixed)', () => {
  const edges = new Set(crossings());
  expect(exceptions.flatMap((e) => e.edges).filter((edge) => !edges.has(edge))).toEqual([]);
});

test('catches a static, a type-only, a re-export and a dynamic import that runs upward', () => {
  const file = 'core/figures.ts';
  const text = [
    "import { x } from '../store/digest-store.js';",
    "import type { Y } from '../adapters/slack/slack-blocks.js';",
    "export { z } from '../digests/due-slots.js';",
    "const m = await import('../feeds/parse-feed.js');",
    "import { ok } from './text.js';",
    "import { z as zod } from 'zod';",
  ].join('\n');
  const edges = importsOf(file, text)
    .filter((target) => moduleOf(target) !== moduleOf(file))
    .map((target) => `${file} -> ${target}`);
  expect(violations(edges)).toEqual([
    'core/figures.ts -> store/digest-store.ts',
    'core/figures.ts -> adapters/slack/slack-blocks.ts',
    'core/figures.ts -> digests/due-slots.ts',
    'core/figures.ts -> feeds/parse-feed.ts',
  ]);
  expect(cycleIn({ ...allowed, core: ['render'] })).toEqual(['render', 'core', 'render']);
});
