/**
 * The step registry. A new step type is one file in this folder and one line
 * in `all` below.
 */
import type { StepType } from '../step-type';

// One entry per step type, sorted by type.
const all: StepType<any>[] = [];

export const stepTypes: Readonly<Record<string, StepType<any>>> = Object.fromEntries(all.map((t) => [t.type, t]));

export function stepType(type: string): StepType<any> | undefined {
  return stepTypes[type];
}
