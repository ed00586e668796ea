// The console's shell: sign-in, the navigation and a hash router over the pages. Every page reads and writes only
// through the API with the signed-in person's token.
import { useToken } from "./api";
import { DevSignIn, loadConfig, OidcSignIn, personOf, STAFF_ROLES, type SignIn } from "./auth";
import type { Ctx, Page } from "./context";
import { auditPage } from "./pages/audit";
import { bankStatementPage } from "./pages/bankstatements";
import { allocationPage, budgetPage } from "./pages/budget";
import { contributionPage, donorPage, donorsPage } from "./pages/donors";
import { disbursementPage } from "./pages/disbursements";
import { inboxPage } from "./pages/inbox";
import { reportsPage } from "./pages/reports";
import { append, h } from "./ui";

interface Route {
  pattern: RegExp;
  page: Page;
  nav?: string;
  title: string;
  roles?: readonly string[];
}

const routes: Route[] = [
  { pattern: /^#\/inbox$/, page: inboxPage, nav: "#/inbox", title: "What awaits me" },
  { pattern: /^#\/donors$/, page: donorsPage, nav: "#/donors", title: "Donors and contributions",
    roles: ["FinanceOfficer", "Auditor", "TsbDirector", "BdtDirector"] },
  { pattern: /^#\/donors\/([\w-]+)$/, page: donorPage, title: "Donor" },
  { pattern: /^#\/contributions\/([\w-]+)$/, page: contributionPage, title: "Contribution" },
  { pattern: /^#\/budget$/, page: budgetPage, nav: "#/budget", title: "Budget and allocations" },
  { pattern: /^#\/allocations\/([\w-]+)$/, page: allocationPage, title: "Allocation" },
  { pattern: /^#\/disbursements\/([\w-]+)$/, page: disbursementPage, title: "Disbursement" },
  { pattern: /^#\/bank-statements\/([\w-]+)$/, page: bankStatementPage, title: "Bank statement" },
  { pattern: /^#\/reports$/, page: reportsPage, nav: "#/reports", title: "Reports and statements" },
  { pattern: /^#\/audit$/, page: auditPage, nav: "#/audit", title: "Audit", roles: ["Auditor", "FinanceOfficer"] },
];

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const who = document.getElementById("who") as HTMLElement;

function focusMain(): void {
  main.focus();
}

async function start(): Promise<void> {
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    main.replaceChildren(h("h1", {}, "The console cannot start"), h("p", { role: "alert" }, String(e)));
    return;
  }
  const signIn: SignIn = config.signIn === "development" ? new DevSignIn() : new OidcSignIn(config);
  if (signIn instanceof OidcSignIn) {
    try {
      await signIn.restore();
    } catch (e) {
      main.replaceChildren(h("h1", {}, "Sign-in did not complete"), h("p", { role: "alert" }, e instanceof Error ? e.message : String(e)),
        h("button", { type: "button", onclick: () => void signIn.signIn() }, "Sign in again"));
      return;
    }
  }
  useToken(() => signIn.token());
  const token = signIn.token();
  const person = token ? personOf(token) : null;
  if (!token || !person) {
    signInPage(signIn);
    return;
  }
  if (person.roles.includes("Donor") || !person.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))) {
    document.title = "Not for donors · BsgFunds";
    main.replaceChildren(h("h1", {}, "This console is for the fund's staff"),
      h("p", { role: "alert" }, person.roles.includes("Donor")
        ? "You are signed in with a donor's account. Donors follow their contributions in the donor portal."
        : "Your account has none of the staff roles (finance officer, programme officer, TSB or BDT director, auditor)."),
      ...(person.roles.includes("Donor") ? [h("p", {}, h("a", { href: "/portal/" }, "Go to the donor portal"))] : []),
      h("button", { type: "button", onclick: () => void signIn.signOut() }, "Sign out"));
    focusMain();
    return;
  }

  who.replaceChildren(h("span", {}, `${person.name} (${person.roles.join(", ")})`),
    h("button", { type: "button", class: "secondary", onclick: () => void signIn.signOut() }, "Sign out"));
  const ctx: Ctx = {
    person,
    has: (...roles) => roles.some((r) => person.roles.includes(r)),
    reload: () => render(false),
    go: (hash) => {
      location.hash = hash;
    },
  };
  const visible = routes.filter((r) => r.nav && (!r.roles || ctx.has(...r.roles)));
  nav.replaceChildren(h("ul", {}, ...visible.map((r) => h("li", {}, h("a", { href: r.nav as string }, r.title)))));
  nav.hidden = false;

  let latest = 0;
  async function render(moveFocus: boolean): Promise<void> {
    // Pages render asynchronously: only the latest navigation's page may replace what is shown.
    const mine = ++latest;
    const hash = location.hash || "#/inbox";
    const route = routes.find((r) => r.pattern.test(hash));
    for (const a of nav.querySelectorAll("a")) {
      if (route?.nav && a.getAttribute("href") === route.nav) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    const target = h("div");
    if (!route) {
      append(target, h("h1", {}, "Not found"), h("p", {}, "There is no such page in the console."));
    } else {
      document.title = `${route.title} · BsgFunds staff console`;
      const params = (hash.match(route.pattern) ?? []).slice(1);
      try {
        await route.page(target, ctx, params);
      } catch (e) {
        append(target, h("p", { class: "problem", role: "alert" }, `This page could not be shown: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    if (mine !== latest) return;
    main.replaceChildren(...target.childNodes);
    main.setAttribute("data-page", route ? route.title : "Not found");
    main.setAttribute("data-hash", hash);
    if (moveFocus) focusMain();
  }

  window.addEventListener("hashchange", () => void render(true));
  await render(false);
  // The time from navigation to the first page drawn with the API's data (docs/console.md quotes it for the inbox).
  performance.mark("console-first-render");
  document.body.setAttribute("data-ready", "true");
}

function signInPage(signIn: SignIn): void {
  document.title = "Sign in · BsgFunds staff console";
  nav.hidden = true;
  who.replaceChildren();
  if (signIn instanceof OidcSignIn) {
    main.replaceChildren(h("h1", {}, "Sign in"),
      h("p", {}, "Sign in with your organisation's account. You will come back here once signed in."),
      h("button", { type: "button", onclick: () => void signIn.signIn() }, "Sign in"));
  } else if (signIn instanceof DevSignIn) {
    const problem = h("p", { class: "problem", role: "alert", hidden: true });
    const form = h("form", { "aria-labelledby": "dev-title" },
      h("h2", { id: "dev-title" }, "Sign in (development)"),
      h("p", { class: "hint" }, "The API runs in its Development environment: it signs a token for any person and role."),
      problem,
      h("div", { class: "field" }, h("label", { for: "dev-role" }, "Role"),
        h("select", { id: "dev-role", name: "role" }, ...STAFF_ROLES.map((r) => h("option", { value: r }, r)), h("option", { value: "Donor" }, "Donor"))),
      h("div", { class: "field" }, h("label", { for: "dev-sub" }, "Person (sub)"), h("input", { id: "dev-sub", name: "sub", value: "console-user" })),
      h("div", { class: "field" }, h("label", { for: "dev-name" }, "Name"), h("input", { id: "dev-name", name: "name", value: "Console user" })),
      h("button", { type: "submit" }, "Sign in (development)"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const role = String(data.get("role"));
      const refused = role === "Donor"
        ? null
        : await signIn.signInAs(String(data.get("sub")), String(data.get("name")), role);
      if (role === "Donor") {
        problem.textContent = "A donor's account cannot use the staff console.";
        problem.hidden = false;
        return;
      }
      if (refused) {
        problem.textContent = refused;
        problem.hidden = false;
        return;
      }
      location.reload();
    });
    main.replaceChildren(h("h1", {}, "BsgFunds staff console"), form);
  }
  document.body.setAttribute("data-ready", "true");
}

void start();
