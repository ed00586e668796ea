// A real OpenID Connect provider for the console's sign-in test (tests/BsgFunds.ConsoleTests): the certified
// `oidc-provider` package on loopback, with the console registered as a public client (authorization code + PKCE,
// refresh tokens for silent renewal) and access tokens issued as JWTs for the API's audience, carrying the claims the
// API reads (sub, name, role). Any login is accepted on its development sign-in page; the login name says the role:
// "tsb-director" signs in as TsbDirector, "finance-officer" as FinanceOfficer, "donor" as a Donor.
// Usage: node oidc-provider.mjs <port> <console redirect uri>
import Provider from "oidc-provider";

const [port, redirect] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const audience = "bsgfunds";
const roleOf = (login) => login.split("-").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");

const provider = new Provider(issuer, {
  clients: [{
    client_id: "bsgfunds-console",
    token_endpoint_auth_method: "none",
    redirect_uris: [redirect],
    post_logout_redirect_uris: [redirect],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  }],
  pkce: { required: () => true },
  scopes: ["openid", "profile", "offline_access"],
  claims: { openid: ["sub"], profile: ["name"] },
  async findAccount(_ctx, sub) {
    return { accountId: sub, claims: async () => ({ sub, name: `Test ${sub}` }) };
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => "urn:bsgfunds:api",
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({
        scope: "openid profile offline_access",
        audience,
        accessTokenFormat: "jwt",
        accessTokenTTL: 300,
        jwt: { sign: { alg: "RS256" } },
      }),
    },
  },
  async extraTokenClaims(_ctx, token) {
    if (!token.accountId) return undefined;
    const role = roleOf(token.accountId);
    return { name: `Test ${token.accountId}`, role: [role], ...(role === "Donor" ? { donor_id: "00000000-0000-0000-0000-000000000001" } : {}) };
  },
  ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, RefreshToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
});
provider.proxy = false;
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider listening on ${issuer}`));
