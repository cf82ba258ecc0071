import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Article metadata a file may declare in YAML front matter (`---` … `---`). */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    source: z.string().trim().min(1).max(200).optional(),
    url: z.url().optional(),
    published: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString() : v.trim()))
      .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a date')
      .optional(),
  })
  .passthrough();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult =
  | { readonly ok: true; readonly meta: FrontMatter; readonly body: string }
  | { readonly ok: false; readonly reason: string };

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits optional front matter from the body and validates it. Bare text is fine. */
export function splitFrontMatter(raw: string): FrontMatterResult {
  const match = fence.exec(raw);
  if (!match) {
    if (/^---[ \t]*\r?\n/.test(raw)) return { ok: false, reason: 'front matter is not closed with ---' };
    return { ok: true, meta: {}, body: raw };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML (${firstLine(error)})` };
  }
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'front matter must be a YAML mapping' };
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `front matter field "${issue?.path.join('.')}" ${issue?.message ?? 'is invalid'}` };
  }
  return { ok: true, meta: parsed.data, body: raw.slice(match[0].length) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
