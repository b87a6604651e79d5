// A user's own account: profile, preferences, password, MFA, sessions, effective permissions, own activity.
export {};
