import NextAuth from 'next-auth';
import { getAuthOptions } from '@/server/auth/auth-options';

const handler = (request: Request, context: unknown) => NextAuth(getAuthOptions())(request, context);

export { handler as GET, handler as POST };
