/**
 * Which token links of a message the mail viewer shows. A message lists the URLs in it that carry
 * a token when it is written (queueEmail's `secretLinks`); the viewer shows them only to the
 * person the message is addressed to, so a coordinator cannot open someone else's password reset.
 * A demo installation also shows them for addresses on reserved example domains: nobody can
 * receive mail there, so the viewer is the only way the demo's invitations and links are used.
 */

/** RFC 2606 and RFC 6761: domains that never deliver mail to anyone. */
const RESERVED_TOP_LEVEL = ["example", "test", "invalid", "localhost"];
const RESERVED_DOMAINS = ["example.com", "example.net", "example.org"];

export function isReservedMailDomain(address: string): boolean {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  const topLevel = domain.slice(domain.lastIndexOf(".") + 1);
  return RESERVED_TOP_LEVEL.includes(topLevel) || RESERVED_DOMAINS.some((reserved) => domain === reserved || domain.endsWith(`.${reserved}`));
}

export function mayOpenSecretLinks(viewer: { email: string; isDemo: boolean }, recipient: string): boolean {
  if (viewer.email.toLowerCase() === recipient.toLowerCase()) return true;
  return viewer.isDemo && isReservedMailDomain(recipient);
}

/** The text with every listed link replaced by the placeholder (longest first, so no link is left half-hidden). */
export function hideSecretLinks(text: string, links: readonly string[], placeholder: string): string {
  return [...links]
    .filter((link) => link.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((hidden, link) => hidden.split(link).join(placeholder), text);
}
