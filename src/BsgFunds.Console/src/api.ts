// The one HTTP client of the console: openapi-fetch over the types openapi-typescript generates from openapi.json (the
// document the API serves; an integration test keeps the two equal). Every call carries the signed-in person's token.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Problem = Schemas["Microsoft.AspNetCore.Http.HttpValidationProblemDetails"];
export type Paths = paths;

let currentToken: () => string | null = () => null;

export function useToken(token: () => string | null): void {
  currentToken = token;
}

export const api = createClient<paths>({ baseUrl: location.origin });

api.use({
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
});

/** The answer of any openapi-fetch call, as the forms and pages read it. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export function asProblem(error: unknown): Problem | null {
  if (error && typeof error === "object" && "title" in error) return error as Problem;
  return null;
}

/** A fresh Idempotency-Key: one per form instance, kept until the API has accepted it. */
export function newKey(): string {
  return crypto.randomUUID();
}
