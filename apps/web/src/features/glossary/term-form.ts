import type { z } from 'zod';
import { createTermInput } from '@racine/services/glossary/schemas';

/** The server's own schema drives the term form (create and edit share the fields). */
export const termFormSchema = createTermInput;
export type TermFormInput = z.input<typeof termFormSchema>;
export type TermFormOutput = z.output<typeof termFormSchema>;
