import type { NextAuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import {
  AppError,
  authenticateWithPassword,
  endUserSession,
  findActiveUserByEmail,
  getServiceDeps,
  isSessionLive,
  SESSION_MAX_AGE_SECONDS,
  startUserSession,
} from '@racine/services';

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

export const OIDC_PROVIDER_ID = 'oidc';

/** The OIDC provider, when all three environment variables are set. */
export function oidcConfig() {
  const issuer = process.env.RACINE_OIDC_ISSUER;
  const clientId = process.env.RACINE_OIDC_CLIENT_ID;
  const clientSecret = process.env.RACINE_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    name: process.env.RACINE_OIDC_NAME ?? 'Single sign-on',
  };
}

function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const config = oidcConfig();
  if (!config) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: 'oauth',
    wellKnown: `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.preferred_username ?? profile.email ?? null,
    }),
  };
}

/** A request header from next-auth's `req` (a plain object of lower-case names, or Headers). */
function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** What the sign-in request says about the browser, kept on the session row so a user can tell sessions apart. */
interface SignInClient {
  userAgent?: string | null;
  ip?: string | null;
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
    otp: { label: 'Authentication code', type: 'text' },
  },
  async authorize(input, req) {
    const email = input?.email?.trim();
    const password = input?.password;
    if (!email || !password) return null;
    try {
      const user = await authenticateWithPassword(getServiceDeps(), email, password, input?.otp);
      if (!user) return null;
      const forwarded = headerOf(req?.headers, 'x-forwarded-for')?.split(',')[0]?.trim();
      const client: SignInClient = {
        userAgent: headerOf(req?.headers, 'user-agent'),
        ip: forwarded || headerOf(req?.headers, 'x-real-ip'),
      };
      return { ...user, ...client };
    } catch (error) {
      // MFA_REQUIRED / MFA_INVALID: next-auth hands an error's message to the sign-in form.
      if (error instanceof AppError) throw new Error(error.message);
      throw error;
    }
  },
});

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [credentials, ...[oidcProvider()].filter((p) => p !== null)],
  callbacks: {
    async signIn({ account, user, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const email = (profile as OidcProfile | undefined)?.email ?? user.email;
      if (!email) return false;
      // Only existing, active users; an unknown email is refused (shown as AccessDenied).
      return (await findActiveUserByEmail(getServiceDeps(), email)) !== null;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === OIDC_PROVIDER_ID && user?.email) {
        // The IdP's subject is not our user id: map to the Racine user by email.
        const racineUser = await findActiveUserByEmail(getServiceDeps(), user.email);
        if (!racineUser) throw new Error('AccessDenied');
        token.sub = racineUser.id;
        token.name = racineUser.name;
        token.email = racineUser.email;
      } else if (user) {
        token.sub = user.id;
      }
      // A sign-in (user is set only then) starts a session row, which the API and the app check on every request.
      if (user && token.sub) {
        const client = user as SignInClient;
        const started = await startUserSession(getServiceDeps(), {
          userId: token.sub,
          userAgent: client.userAgent,
          ip: client.ip,
          method: account?.provider ?? 'credentials',
        });
        token.sid = started.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub, sessionId: typeof token.sid === 'string' ? token.sid : null };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub && typeof token.sid === 'string') await endUserSession(getServiceDeps(), token.sub, token.sid).catch(() => {});
    },
  },
};

/** The signed-in user's session in a server component or route handler, or null. */
export function getSession() {
  return getServerSession(authOptions);
}

/**
 * The session, only while its session row is live: null when it was signed
 * out elsewhere, expired, or predates session rows. Pages use this; the API
 * checks the same through createTRPCContext.
 */
export async function getLiveSession() {
  const session = await getSession();
  if (!session?.user?.id || !session.user.sessionId) return null;
  return (await isSessionLive(getServiceDeps(), session.user.id, session.user.sessionId)) ? session : null;
}
