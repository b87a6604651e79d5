// Access requests, time-bound grants, attestations, and the restricted-access report.
export {};
