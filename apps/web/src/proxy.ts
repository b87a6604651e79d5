import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';

/**
 * A cheap first gate: page requests without a valid session cookie go to
 * /sign-in with a way back. The (app) layout checks the session again and the
 * API checks every call; this only saves a render.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== '/') url.searchParams.set('callbackUrl', back);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except the sign-in page, a guest's invite link (public), API routes (they answer 401 themselves) and static files.
  matcher: ['/((?!sign-in|invite/|api/|_next/|favicon\\.ico|.*\\.(?:svg|png|jpg|ico|webp|txt)$).*)'],
};
