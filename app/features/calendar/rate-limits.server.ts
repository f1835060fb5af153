import { clientAddress, consumeRateLimit } from "~/lib/rate-limit.server";

/** Sign-ups per client address per minute, on the page and the API together. */
export const REGISTRATIONS_PER_ADDRESS_PER_MINUTE = 10;
/** Sign-ups for one activity with one email address per hour (each may send a mail). */
export const REGISTRATIONS_PER_EMAIL_PER_HOUR = 5;

/**
 * Counts a sign-up attempt against both limits and says whether it may go ahead. The email limit
 * stops a script from flooding one inbox with confirmation mails from many addresses.
 */
export async function mayAttemptRegistration(request: Request, activityId: string, email: string): Promise<boolean> {
  const address = clientAddress(request);
  if (!(await consumeRateLimit(`registration:address:${address}`, REGISTRATIONS_PER_ADDRESS_PER_MINUTE, 60))) return false;
  return consumeRateLimit(`registration:email:${activityId}:${email.trim().toLowerCase()}`, REGISTRATIONS_PER_EMAIL_PER_HOUR, 3600);
}
