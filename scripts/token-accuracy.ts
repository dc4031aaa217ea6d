// The accuracy of countTokens() against recorded traffic: every pair in the shared fixtures
// (`index.json` entries with a `request_file`) whose response reports `usage.prompt_tokens`.
// `npx tsx scripts/token-accuracy.ts` writes the table into docs/tokens.md; tests/tokens/accuracy.test.ts
// holds the bounds with the same rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countTokens } from '../src/tokens/index.js';

export interface AccuracyRow {
  readonly pair: string;
  /** The model that served the request (the response's `model`), which the count uses. */
  readonly model: string;
  readonly recorded: number;
  readonly counted: number;
  /** text, tools, response format, image */
  readonly kind: 'text' | 'tools' | 'response format' | 'image';
  /** The allowed difference for this kind: max(2, 2 %) for text, max(5, 5 %) otherwise. */
  readonly tolerance: number;
  /** Why a pair is shown but not held to the bounds, if it is not. */
  readonly excluded?: string;
  /** Whether the count is an upper bound (an image of unknown size). */
  readonly upperBound: boolean;
  /** For image pairs: the count without the image's size (the upper bound `countTokens` gives). */
  readonly unsized?: number;
}

interface IndexEntry {
  readonly file: string;
  readonly request_file: string | null;
  readonly provider: string;
}

/** The `usage.prompt_tokens` and `model` of a recorded response (JSON body or SSE stream). */
function recordedUsage(text: string): { prompt: number; model: string } | undefined {
  const bodies = text.trimStart().startsWith('{') && !text.includes('\ndata:') ? [text] : text.split('\n');
  let model: string | undefined;
  let prompt: number | undefined;
  for (const raw of bodies) {
    const line = raw.startsWith('data: ') ? raw.slice(6) : raw;
    if (!line.startsWith('{')) continue;
    try {
      const json = JSON.parse(line) as { model?: string; usage?: { prompt_tokens?: number } | null };
      model ??= json.model;
      if (typeof json.usage?.prompt_tokens === 'number') prompt = json.usage.prompt_tokens;
    } catch {
      // not a JSON line (an SSE comment or the [DONE] marker)
    }
  }
  return prompt === undefined || model === undefined ? undefined : { prompt, model };
}

function kindOf(request: Record<string, unknown>): AccuracyRow['kind'] {
  const text = JSON.stringify(request.messages ?? []);
  if (text.includes('"image_url"')) return 'image';
  if (request.tools !== undefined || request.functions !== undefined || text.includes('"tool_calls"')) {
    return 'tools';
  }
  if (request.response_format !== undefined) return 'response format';
  return 'text';
}

/**
 * Remote images whose size is known from their host, so the table can show the exact formula as well
 * as the upper bound used when the size is unknown. Wikimedia's file page gives 2560 x 1669 for this
 * rendition of "Gfp-wisconsin-madison-the-nature-boardwalk.jpg".
 */
const knownImageSizes: ReadonlyMap<string, { width: number; height: number }> = new Map([
  [
    'https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg',
    { width: 2560, height: 1669 },
  ],
]);

/** Pairs whose stored request is not the one the response answers. */
const mismatched: ReadonlyMap<string, string> = new Map([
  [
    'dd-trace-py/chat_completion_tool_call_streamed.sse',
    'the stored request (one question, no tools) is not the one answered (a tool call to extract_student_info)',
  ],
]);

/** Why a pair says nothing about OpenAI's counting, if it does not. */
function exclusion(entry: IndexEntry): string | undefined {
  const mismatch = mismatched.get(entry.file);
  if (mismatch !== undefined) return mismatch;
  if (entry.provider.startsWith('OpenRouter'))
    return 'another provider (OpenRouter) counts with its own template';
  if (entry.file.startsWith('spec-examples/')) return 'a documentation example, not a recording';
  return undefined;
}

/** Every recorded pair with its count, in index order. */
export function accuracyRows(sharedDir: string): AccuracyRow[] {
  const fixtures = join(sharedDir, 'fixtures');
  const index = JSON.parse(readFileSync(join(fixtures, 'index.json'), 'utf8')) as IndexEntry[];
  const rows: AccuracyRow[] = [];
  for (const entry of index) {
    if (entry.request_file === null) continue;
    const usage = recordedUsage(readFileSync(join(fixtures, entry.file), 'utf8'));
    if (usage === undefined) continue;
    const request = JSON.parse(readFileSync(join(fixtures, entry.request_file), 'utf8'));
    const unsized = countTokens(request, { model: usage.model });
    const count = countTokens(request, {
      model: usage.model,
      imageSize: (url) => knownImageSizes.get(url),
    });
    const kind = kindOf(request);
    const share = kind === 'text' ? 0.02 : 0.05;
    const floor = kind === 'text' ? 2 : 5;
    const excluded =
      exclusion(entry) ??
      (count.notCounted.length > 0
        ? `has parts not counted (${count.notCounted.map((part) => part.type).join(', ')})`
        : undefined);
    rows.push({
      pair: entry.file,
      model: usage.model,
      recorded: usage.prompt,
      counted: count.total,
      kind,
      tolerance: Math.max(floor, Math.floor(usage.prompt * share)),
      upperBound: count.upperBound,
      ...(kind === 'image' ? { unsized: unsized.total } : {}),
      ...(excluded === undefined ? {} : { excluded }),
    });
  }
  return rows;
}

/** The rows as the markdown table in docs/tokens.md. */
export function accuracyTable(rows: readonly AccuracyRow[]): string {
  const lines = [
    '| pair | served by | kind | recorded | counted | difference | within | image size unknown |',
    '|---|---|---|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    const difference = row.counted - row.recorded;
    const within = row.excluded
      ? `not held: ${row.excluded}`
      : row.upperBound
        ? `upper bound (image size unknown): ${row.counted >= row.recorded ? 'holds' : 'BROKEN'}`
        : Math.abs(difference) <= row.tolerance
          ? `yes (±${row.tolerance})`
          : `NO (±${row.tolerance})`;
    lines.push(
      `| \`${row.pair}\` | ${row.model} | ${row.kind} | ${row.recorded} | ${row.counted} | ${difference > 0 ? '+' : ''}${difference} | ${within} | ${row.unsized ?? ''} |`,
    );
  }
  return lines.join('\n');
}

const begin = '<!-- accuracy table: written by scripts/token-accuracy.ts -->';
const end = '<!-- end of accuracy table -->';

if (import.meta.url === `file://${process.argv[1]}`) {
  const shared = process.env.CHATWRIGHT_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
  const table = accuracyTable(accuracyRows(shared));
  const doc = 'docs/tokens.md';
  const text = readFileSync(doc, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${doc} has no accuracy-table markers`);
  writeFileSync(doc, `${text.slice(0, from + begin.length)}\n${table}\n${text.slice(to)}`);
  console.log(table);
}
