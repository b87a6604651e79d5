import type { RouterInputs, RouterOutputs } from '@racine/api';

export type { RouterInputs, RouterOutputs };
