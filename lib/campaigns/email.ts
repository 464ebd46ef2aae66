import nodemailer from 'nodemailer';
import type { AppConfig } from '../config/schema';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends notification emails through SMTP when configured (password from SMTP_PASSWORD); otherwise
 * logs "would email ..." so demo and development installs show what would have gone out.
 * Called after the database transaction commits: a mail server outage never rolls back a decision.
 * Failures are logged per message and counted, not thrown.
 */
export async function sendEmails(smtp: AppConfig['smtp'], messages: readonly OutgoingEmail[]): Promise<{ sent: number; failed: number }> {
  if (messages.length === 0) return { sent: 0, failed: 0 };
  if (!smtp) {
    for (const message of messages) console.log(`would email ${message.to}: ${message.subject}`);
    return { sent: 0, failed: 0 };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
  });
  let sent = 0;
  let failed = 0;
  for (const message of messages) {
    try {
      await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
      sent += 1;
    } catch (error) {
      failed += 1;
      console.error(`[email] sending to ${message.to} failed: ${(error as Error).message}`);
    }
  }
  transport.close();
  return { sent, failed };
}
