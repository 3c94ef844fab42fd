// The parts of a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/) an import reads.
import { z } from 'zod';
import { MethodName } from '../method.js';

const NameValue = z.object({ name: z.string(), value: z.string().default('') });

export const HarRequest = z.object({
  method: MethodName,
  url: z.string().min(1).max(1_000_000),
  headers: z.array(NameValue).default([]),
  postData: z
    .object({
      mimeType: z.string().default(''),
      text: z.string().optional(),
      params: z.array(z.object({ name: z.string(), value: z.string().optional(), fileName: z.string().optional(), contentType: z.string().optional() })).optional(),
    })
    .optional(),
});

export const HarResponse = z.object({
  status: z.number().int().min(0).max(999),
  statusText: z.string().max(500).default(''),
  headers: z.array(NameValue).default([]),
  content: z.object({ text: z.string().max(50 * 1024 * 1024).optional(), encoding: z.string().optional() }).default({}),
});

export const HarFile = z.object({
  log: z.object({
    version: z.string().optional(),
    creator: z.object({ name: z.string().optional() }).optional(),
    pages: z.array(z.object({ id: z.string(), title: z.string().default('') })).optional(),
    entries: z.array(z.object({ pageref: z.string().optional(), startedDateTime: z.string().optional(), request: HarRequest, response: HarResponse.optional() })),
  }),
});
export type HarFile = z.infer<typeof HarFile>;
