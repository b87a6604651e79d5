// Access requests, time-bound grants, attestations, and the restricted-access report.
export * from './schemas';
export { requestScopes, createAccessRequest, cancelAccessRequest, listAccessRequests, getAccessRequest } from './requests';
export { approveAccessRequest, rejectAccessRequest } from './decide';
export { expireAccessGrants, accessExpiryTask } from './expiry';
export { approversAt } from './approvers';
export { accessReport, type AccessReportEntry, type AccessRoute } from './report';
export * from './attestation-schemas';
export { createPolicy, updatePolicy, publishPolicy, archivePolicy, listPolicies, policyStatus } from './attestation-policies';
export { myAttestations, attest } from './attest';
export { standingOf, type Standing } from './attestation-standing';
export { invalidateAttestationBlocking } from './attestation-blocking';
