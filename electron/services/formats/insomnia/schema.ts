// The parts of an Insomnia v4 export (Insomnia → Export Data → Insomnia v4 JSON) an import reads.
import { z } from 'zod';
import { MethodName } from '../method.js';

const Pair = z.object({ name: z.string().default(''), value: z.string().default(''), disabled: z.boolean().optional(), fileName: z.string().optional(), type: z.string().optional() });

export const InsomniaAuth = z
  .object({
    type: z.string().optional(),
    disabled: z.boolean().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    token: z.string().optional(),
    prefix: z.string().optional(),
    key: z.string().optional(),
    value: z.string().optional(),
    addTo: z.string().optional(),
    grantType: z.string().optional(),
    accessTokenUrl: z.string().optional(),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    scope: z.string().optional(),
  })
  .default({});
export type InsomniaAuth = z.infer<typeof InsomniaAuth>;

const Base = { _id: z.string().min(1), parentId: z.string().nullable().optional(), name: z.string().default(''), description: z.string().default(''), metaSortKey: z.number().optional() };

export const Resource = z.discriminatedUnion('_type', [
  z.object({ ...Base, _type: z.literal('workspace'), scope: z.string().optional() }),
  z.object({ ...Base, _type: z.literal('request_group'), authentication: InsomniaAuth.optional() }),
  z.object({
    ...Base,
    _type: z.literal('request'),
    method: MethodName.default('GET'),
    url: z.string().max(1_000_000).default(''),
    headers: z.array(Pair).default([]),
    parameters: z.array(Pair).default([]),
    body: z.object({ mimeType: z.string().nullable().optional(), text: z.string().optional(), params: z.array(Pair).optional(), fileName: z.string().optional() }).default({}),
    authentication: InsomniaAuth,
    settingFollowRedirects: z.string().optional(),
  }),
  z.object({ ...Base, _type: z.literal('environment'), data: z.record(z.string(), z.unknown()).default({}) }),
]);
export type Resource = z.infer<typeof Resource>;

export const InsomniaExport = z.object({
  _type: z.literal('export'),
  __export_format: z.literal(4, { error: 'this importer reads Insomnia v4 exports (__export_format 4)' }),
  resources: z.array(z.object({ _type: z.string(), _id: z.string().optional() }).loose()),
});
