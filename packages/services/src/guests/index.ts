// External collaborators: invites, acceptance, expiry, revocation.
export {};
