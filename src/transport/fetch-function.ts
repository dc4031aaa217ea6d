/** The `fetch` a client sends through: the global one, or any function with its signature. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
