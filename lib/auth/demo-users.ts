import type { UserRole } from './roles';

/** The personas of demo mode; every one signs in with the password `demo`. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: UserRole; persona: string }> = [
  { email: 'admin@example.com', name: 'Alex Admin', role: 'admin', persona: 'Platform / IAM admin' },
  // Four-eyes approval is on by default: a revocation Alex requests is approved by a second admin.
  { email: 'jordan@example.com', name: 'Jordan Lee', role: 'admin', persona: 'Second admin: approves revocations (four-eyes)' },
  { email: 'ciso@example.com', name: 'Casey CISO', role: 'auditor', persona: 'CISO / auditor (read-only)' },
  { email: 'maya@example.com', name: 'Maya Chen', role: 'owner', persona: 'Owner: ML platform' },
  { email: 'liam@example.com', name: 'Liam Walsh', role: 'owner', persona: 'Owner: data science' },
  { email: 'sofia@example.com', name: 'Sofia Rossi', role: 'owner', persona: 'Owner: applications' },
  { email: 'noah@example.com', name: 'Noah Kim', role: 'owner', persona: 'Owner: CI / platform engineering' },
  { email: 'priya@example.com', name: 'Priya Nair', role: 'owner', persona: 'Owner: analytics' },
  { email: 'ethan@example.com', name: 'Ethan Brooks', role: 'owner', persona: 'Owner: security engineering' },
];

export const DEMO_PASSWORD = 'demo';

/** Demo sign-in exists only when the server was started with DEMO_MODE=true. */
export function isDemoMode(): boolean {
  return process.env.DEMO_MODE === 'true';
}
