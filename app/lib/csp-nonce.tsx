import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the page. The server provides it (entry.server.tsx); in
 * the browser it is read back from a script that carries it (browsers hide the attribute but keep
 * the property), so hydration renders the same scripts as the server did.
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  const fromServer = useContext(NonceContext);
  if (fromServer !== undefined || typeof document === "undefined") return fromServer;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
