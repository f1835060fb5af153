import { createContext } from "react-router";

/** The id of the current request, as logged and returned in X-Request-Id. */
export const requestIdContext = createContext<string>("");
