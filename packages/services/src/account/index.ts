// A user's own account: profile, preferences, password, MFA, sessions, effective permissions, own activity.
export * from './schemas';
export * from './totp';
export * from './mfa-policy';
export * from './profile';
export * from './change-password';
export * from './mfa';
export * from './sessions';
export * from './effective-permissions';
export * from './own-activity';
export * from './role-mfa';
