import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { errorText } from '../shared/error-text.js';

/** `null` (valid YAML for "no value") and blank strings mean the field is absent. */
const absentIfEmpty = (v: unknown): unknown => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** Article metadata a file may declare in YAML front matter (`---` … `---`). */
export const frontMatterSchema = z
  .object({
    title: z.preprocess(absentIfEmpty, z.string().trim().min(1).max(500).optional()),
    source: z.preprocess(absentIfEmpty, z.string().trim().min(1).max(200).optional()),
    url: z.preprocess(absentIfEmpty, z.url().optional()),
    published: z.preprocess(
      absentIfEmpty,
      z
        .union([z.string(), z.date()])
        .transform((v) => (v instanceof Date ? v.toISOString() : v.trim()))
        .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a date')
        .optional(),
    ),
  })
  .passthrough();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult =
  | {
      readonly ok: true;
      readonly meta: FrontMatter;
      readonly body: string;
      /** Optional fields that held something unusable and were left out ("published: is not a date"). */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const knownFields = ['title', 'source', 'url', 'published'] as const;

/**
 * Splits optional front matter from the body and validates it. Bare text is fine. Every known field
 * is optional, so one that is null, blank or malformed is left out with a warning: the article is
 * kept. Only front matter that cannot be read at all (unclosed, not YAML, not a mapping) is an error.
 */
export function splitFrontMatter(raw: string): FrontMatterResult {
  const match = fence.exec(raw);
  if (!match) {
    if (/^---[ \t]*\r?\n/.test(raw)) return { ok: false, reason: 'front matter is not closed with ---' };
    return { ok: true, meta: {}, body: raw, warnings: [] };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML (${firstLine(error)})` };
  }
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'front matter must be a YAML mapping' };
  const fields: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const warnings: string[] = [];
  for (;;) {
    const parsed = frontMatterSchema.safeParse(fields);
    if (parsed.success) return { ok: true, meta: parsed.data, body: raw.slice(match[0].length), warnings };
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    if (typeof field !== 'string' || !(knownFields as readonly string[]).includes(field) || !(field in fields)) {
      return { ok: false, reason: `front matter field "${issue?.path.join('.')}" ${issue?.message ?? 'is invalid'}` };
    }
    warnings.push(`front matter field "${field}" ${issue?.message ?? 'is invalid'}; left out`);
    delete fields[field];
  }
}

function firstLine(error: unknown): string {
  return errorText(error).split('\n')[0] ?? '';
}
