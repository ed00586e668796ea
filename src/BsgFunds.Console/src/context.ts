import type { Person } from "./auth";

export interface Ctx {
  person: Person;
  has(...roles: string[]): boolean;
  /** Renders the current page again (after a command changed what it shows). */
  reload(): Promise<void>;
  go(hash: string): void;
}

export type Page = (main: HTMLElement, ctx: Ctx, params: string[]) => Promise<void>;

export const YEAR = new Date().getFullYear();

export function etagOf(response: Response): string | undefined {
  return response.headers.get("ETag") ?? undefined;
}
