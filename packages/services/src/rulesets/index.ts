/**
 * Scan rule sets: what a scan looks at (include/exclude patterns, sample
 * size, minimum non-null values), which detectors run, and custom rules in
 * a small, safe expression language. Pure code, no I/O. See README.md.
 */
export * from './expression/index';
export * from './schemas';
export * from './scope';
export * from './custom-rules';
export * from './builtin';
export * from './preview';
