import { createContext } from "react-router";

/** The id of the current request, as logged and returned in X-Request-Id. */
export const requestIdContext = createContext<string>("");

/** The Content-Security-Policy nonce of this response: the only inline scripts that run carry it. */
export const cspNonceContext = createContext<string>("");

/** What went wrong while answering, for the HTTP layer to choose the status (a 503 for an outage). */
export interface RequestFailure {
  databaseUnavailable: boolean;
}
export const requestFailureContext = createContext<RequestFailure>({ databaseUnavailable: false });
