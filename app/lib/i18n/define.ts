/**
 * Message catalogues are written per area as a Dutch and an English object. The English object
 * must have exactly the Dutch keys: TypeScript rejects a missing or extra key, and a test compares
 * the merged catalogues as well.
 */
export function defineMessages<const Dutch extends Record<string, string>>(
  nl: Dutch,
  en: { [Key in keyof Dutch]: string },
): { nl: Dutch; en: { [Key in keyof Dutch]: string } } {
  return { nl, en };
}
