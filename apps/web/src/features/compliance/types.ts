import type { RouterInputs, RouterOutputs } from '~/trpc/types';

export type FrameworkSummary = RouterOutputs['compliance']['frameworks'][number];
export type FrameworkDetail = RouterOutputs['compliance']['framework'];
export type Rule = FrameworkDetail['rules'][number];
export type Posture = RouterOutputs['compliance']['posture'];
export type FindingList = RouterOutputs['compliance']['findings'];
export type Finding = FindingList['items'][number];
export type RuleTestResult = RouterOutputs['compliance']['testRule'];
export type FindingsInput = RouterInputs['compliance']['findings'];

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type FindingStatus = 'open' | 'acknowledged' | 'resolved' | 'waived';
export type RuleTarget = 'column' | 'table' | 'source';
