/**
 * Built-in classification for the columns of one table, in this thread or
 * in a worker-thread pool. The two give the same answer; the pool only
 * moves the CPU work off the thread that samples tables and writes labels.
 */
import { classifyColumn } from '../classification/engine';
import type { ColumnInput } from '../classification/column';
import type { ClassificationSuggestion, ClassifyOptions } from '../classification/types';

export interface ColumnToClassify {
  column: ColumnInput;
  values: readonly unknown[];
  /** Labels rejected on this column before: never suggested again. */
  suppressed: string[];
}

/** Options that cross a thread boundary: no custom registry (functions do not clone), suppression per column. */
export type PortableClassifyOptions = Omit<ClassifyOptions, 'registry' | 'suppressed'>;

export interface ClassifyRequest {
  id: number;
  columns: ColumnToClassify[];
  options: PortableClassifyOptions;
}

export type ClassifyResponse = { id: number; results: ClassificationSuggestion[][] } | { id: number; error: string };

/** Classifies a table's columns; each result lists that column's suggestions, most confident first. */
export type ColumnClassifier = (columns: ColumnToClassify[], options: PortableClassifyOptions) => Promise<ClassificationSuggestion[][]>;

export const classifyInThread: ColumnClassifier = async (columns, options) =>
  columns.map((c) => classifyColumn(c.column, { values: c.values }, { ...options, suppressed: c.suppressed }));
