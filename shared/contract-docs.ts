// The documentation part of the IPC contract: saved example responses per request, and a
// collection as the Docs view reads it. contract.ts spreads these into the one table.
import { z } from 'zod';
import { Example, Id, ItemKind, RequestSpec } from './model.js';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Ok = z.object({ ok: z.literal(true) });

/** What "Save as example" sends: a response as the user sees it. */
export const NewExample = Example.pick({ name: true, status: true, statusText: true, headers: true, body: true }).extend({
  name: z.string().trim().min(1, 'A name is required').max(500),
});

/** One item of a collection as the Docs view shows it (requests carry a ready cURL line). */
export interface DocsNode {
  id: string;
  kind: z.infer<typeof ItemKind>;
  name: string;
  description: string;
  request?: z.output<typeof RequestSpec>;
  curl?: string;
  /** Requests with a body: it as text to show (form fields one per line, files by name). */
  body?: { language: string; text: string };
  examples: z.infer<typeof NewExample>[];
  children: DocsNode[];
}
export const DocsNode: z.ZodType<DocsNode> = z.lazy(() =>
  z.object({
    id: Id,
    kind: ItemKind,
    name: z.string(),
    description: z.string(),
    request: RequestSpec.optional(),
    curl: z.string().optional(),
    body: z.object({ language: z.string(), text: z.string() }).optional(),
    examples: z.array(NewExample),
    children: z.array(DocsNode),
  }),
);

export const docsChannels = {
  'examples.list': channel(z.object({ requestId: Id }), z.object({ examples: z.array(Example) })),
  'examples.create': channel(NewExample.extend({ requestId: Id }), Example),
  'examples.rename': channel(z.object({ id: Id, name: z.string().trim().min(1, 'A name is required').max(500) }), Example),
  'examples.delete': channel(z.object({ id: Id }), Ok),
  /** A collection with its folders, requests (with a cURL line), descriptions and examples. */
  'docs.collection': channel(z.object({ collectionId: Id }), DocsNode),
} as const;
