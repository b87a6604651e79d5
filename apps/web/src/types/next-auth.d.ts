import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    /** sessionId: the UserSession row this browser signed in with (null for cookies from before session rows). */
    user: { id: string; sessionId: string | null } & DefaultSession['user'];
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The UserSession row's id, set at sign-in. */
    sid?: string;
  }
}
