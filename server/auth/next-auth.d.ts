import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    /** The user's session version when this session was issued (see db/queries/session-version.ts). */
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sessionVersion?: number;
    /** The provider's ID token, kept server-side in the encrypted cookie for RP-initiated logout. */
    idToken?: string;
  }
}
