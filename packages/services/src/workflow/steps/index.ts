/**
 * The step registry. A new step type is one file in this folder and one line
 * in `all` below.
 */
import type { StepType } from '../step-type';
import { conditionStep } from './condition';
import { delayStep } from './delay';
import { forEachStep } from './for-each';
import { approvalStep } from './approval';
import { catalogSetOwnerStep } from './catalog-set-owner';
import { catalogTagStep } from './catalog-tag';
import { classificationAutoAcceptStep } from './classification-auto-accept';
import { complianceEvaluateStep } from './compliance-evaluate';
import { notifyStep } from './notify';
import { scanRunStep } from './scan-run';
import { workspaceDataSourcesStep } from './workspace-data-sources';

/* eslint-disable @typescript-eslint/no-explicit-any -- each step type has its own config type; the registry holds them all */

// One entry per step type, sorted by type.
const all: StepType<any>[] = [
  approvalStep,
  catalogSetOwnerStep,
  catalogTagStep,
  classificationAutoAcceptStep,
  complianceEvaluateStep,
  conditionStep,
  delayStep,
  forEachStep,
  notifyStep,
  scanRunStep,
  workspaceDataSourcesStep,
];

export const stepTypes: Readonly<Record<string, StepType<any>>> = Object.fromEntries(all.map((t) => [t.type, t]));

export function stepType(type: string): StepType<any> | undefined {
  return stepTypes[type];
}
