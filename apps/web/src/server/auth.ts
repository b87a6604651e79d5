import type { NextAuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { authenticateWithPassword, findActiveUserByEmail, getServiceDeps } from '@racine/services';

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

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  async authorize(input) {
    const email = input?.email?.trim();
    const password = input?.password;
    if (!email || !password) return null;
    return authenticateWithPassword(getServiceDeps(), email, password);
  },
});

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 60 * 60 * 12 },
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
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      return session;
    },
  },
};

/** The signed-in user's session in a server component or route handler, or null. */
export function getSession() {
  return getServerSession(authOptions);
}
