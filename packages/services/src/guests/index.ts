// External collaborators: invites, acceptance, expiry, revocation.
export * from './schemas';
export { inviteStatus, unusableReason } from './status';
export { inviteGuest } from './invite';
export { previewGuestInvite, acceptGuestInvite } from './accept';
export { revokeGuestInvite } from './revoke';
export { expireGuestAccess, guestExpiryTask } from './expiry';
export { listGuestInvites, guestWorkspaces } from './list';
export { guestAccessOf } from './my-access';
export type { GuestInviteView } from './present';
