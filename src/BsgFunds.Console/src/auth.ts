// Sign-in (docs/console.md): in Development the API's dev token for a chosen role; elsewhere OpenID Connect
// authorization code with PKCE against the issuer the API trusts, through oidc-client-ts. Tokens live in sessionStorage
// (gone with the tab); renewal is silent (refresh token); sign-out ends the session at the issuer too.
import { UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import { api } from "./api";

export interface ConsoleConfig {
  signIn: "development" | "oidc";
  authority: string | null;
  clientId: string | null;
  scope: string | null;
}

export interface Person {
  sub: string;
  name: string;
  roles: string[];
  donorId: string | null;
}

export const STAFF_ROLES = ["FinanceOfficer", "ProgrammeOfficer", "TsbDirector", "BdtDirector", "Auditor"] as const;
const DEV_TOKEN = "bsgfunds-console-dev-token";
const consoleUrl = `${location.origin}/console/`;

export async function loadConfig(): Promise<ConsoleConfig> {
  const answer = await fetch("config.json", { headers: { Accept: "application/json" } });
  if (!answer.ok) throw new Error(`The console's configuration could not be read (${answer.status}).`);
  return (await answer.json()) as ConsoleConfig;
}

/** The claims of a JWT, read (not verified: the API verifies every call) to know whom to greet and which pages to show. */
export function personOf(token: string): Person | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));
    const role = json.role ?? json.roles ?? [];
    const roles: string[] = Array.isArray(role) ? role.map(String) : [String(role)];
    return { sub: String(json.sub ?? ""), name: String(json.name ?? json.sub ?? ""), roles, donorId: json.donor_id ? String(json.donor_id) : null };
  } catch {
    return null;
  }
}

export interface SignIn {
  token(): string | null;
  signOut(): Promise<void>;
}

export class DevSignIn implements SignIn {
  token(): string | null {
    return sessionStorage.getItem(DEV_TOKEN);
  }

  async signInAs(sub: string, name: string, role: string): Promise<string | null> {
    const { data, error } = await api.POST("/api/dev/token", { body: { sub, name, roles: [role] } });
    if (!data) return (error as { detail?: string } | undefined)?.detail ?? "The development token was refused.";
    sessionStorage.setItem(DEV_TOKEN, data.token);
    return null;
  }

  async signOut(): Promise<void> {
    sessionStorage.removeItem(DEV_TOKEN);
    location.assign(consoleUrl);
  }
}

export class OidcSignIn implements SignIn {
  private user: User | null = null;
  readonly manager: UserManager;

  constructor(config: ConsoleConfig) {
    this.manager = new UserManager({
      authority: config.authority ?? "",
      client_id: config.clientId ?? "",
      scope: config.scope ?? "openid profile offline_access",
      redirect_uri: consoleUrl,
      post_logout_redirect_uri: consoleUrl,
      response_type: "code",
      userStore: new WebStorageStateStore({ store: sessionStorage }),
      stateStore: new WebStorageStateStore({ store: sessionStorage }),
      automaticSilentRenew: true,
      // The issuer's profile claims are not needed: the access token carries name and roles for the API.
      loadUserInfo: false,
    });
    this.manager.events.addUserLoaded((user) => {
      this.user = user;
    });
    this.manager.events.addUserSignedOut(() => {
      this.user = null;
    });
  }

  /** Finishes a sign-in when the issuer has just sent the browser back with a code, and restores a kept session. */
  async restore(): Promise<void> {
    const query = new URLSearchParams(location.search);
    if (query.has("code") && query.has("state")) {
      this.user = await this.manager.signinRedirectCallback();
      history.replaceState(null, "", `${consoleUrl}#/inbox`);
      return;
    }
    const kept = await this.manager.getUser();
    this.user = kept && !kept.expired ? kept : null;
  }

  token(): string | null {
    return this.user && !this.user.expired ? this.user.access_token : null;
  }

  signIn(): Promise<void> {
    return this.manager.signinRedirect();
  }

  async signOut(): Promise<void> {
    const idToken = this.user?.id_token;
    await this.manager.removeUser();
    await this.manager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
  }
}
