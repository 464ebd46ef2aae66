/**
 * What the sign-in page says for each `?error=` code: next-auth's own codes (v4) and the refusal
 * reasons of planSsoSignIn. The server log has the detail; these say what the person can do.
 */
const MESSAGES: Record<string, { title: string; detail: string }> = {
  EmailMissing: { title: 'Your identity provider did not share your email address.', detail: 'The app identifies people by email. Ask your administrator to release the email claim (scope "email") to this application.' },
  EmailUnverified: { title: 'Your email address is not verified at your identity provider.', detail: 'Verify your email address with your identity provider, then sign in again. Your administrator can see the refusal in the audit log.' },
  NotProvisioned: { title: 'You do not have access to Bedrock Access Review.', detail: 'Your sign-in worked, but no account here matches your email. Ask an administrator to add you, or to assign you a group that grants a role.' },
  Deactivated: { title: 'Your account is deactivated.', detail: 'An administrator deactivated your account. Ask them to reactivate it if you still need access.' },
  NoDirectoryRole: { title: 'Your directory groups no longer grant a role here.', detail: 'Your access came from a group you are no longer in. Ask your administrator for the group that grants the role you need.' },
  AccessDenied: { title: 'Access was denied.', detail: 'Your identity provider or this app refused the sign-in. If you cancelled the consent screen, sign in again and accept it.' },
  OAuthSignin: { title: 'The identity provider cannot be reached.', detail: 'Sign-in could not start: the identity provider did not answer or is misconfigured. Try again in a few minutes; if it keeps failing, tell your administrator.' },
  OAuthCallback: { title: 'The identity provider refused or the sign-in was cancelled.', detail: 'The answer from the identity provider could not be accepted (cancelled consent, wrong client credentials, or an issuer mismatch). Try again; if it keeps failing, tell your administrator.' },
  Callback: { title: 'Sign-in was cancelled or could not be completed.', detail: 'You cancelled at the identity provider, or its answer could not be used. Sign in again; if it keeps failing, tell your administrator (the server log has the reason).' },
  OAuthCreateAccount: { title: 'Your account could not be created.', detail: 'Ask an administrator to add you.' },
  OAuthAccountNotLinked: { title: 'This email is linked to another sign-in method.', detail: 'Sign in the way you did before, or ask an administrator.' },
  CredentialsSignin: { title: 'Sign-in failed.', detail: 'Check the email and password.' },
  SessionRequired: { title: 'Please sign in to see this page.', detail: 'Your session ended or you have not signed in yet.' },
  Configuration: { title: 'Sign-in is not configured correctly.', detail: 'The server is missing part of its sign-in configuration. Tell your administrator; the server log names what is missing.' },
  Verification: { title: 'The sign-in link is no longer valid.', detail: 'Start the sign-in again.' },
  SessionEnded: { title: 'Your session has ended.', detail: 'You signed out, or an administrator changed your access. Sign in again.' },
};

const FALLBACK = { title: 'Sign-in failed.', detail: 'Try again; if it keeps failing, tell your administrator.' };

/** The message for an error code; unknown codes get a generic message (never the raw text). */
export function describeSignInError(code: unknown): { code: string; title: string; detail: string } | null {
  if (typeof code !== 'string' || code === '') return null;
  const known = Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : null;
  return { code: known ? code : 'Default', ...(known ?? FALLBACK) };
}
