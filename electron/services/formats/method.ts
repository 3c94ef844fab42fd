// An HTTP method as files give it, checked as a Courier request needs it (letters only).
import { z } from 'zod';

export const MethodName = z.string().refine((m) => /^[A-Za-z]{1,32}$/.test(m), { error: (issue) => `"${String(issue.input).slice(0, 40)}" is not a method` });
