// Reports and statements: every report of the API as of a chosen instant, shown as tables and downloaded as CSV
// (the same request with Accept: text/csv, so the file is what the page shows).
import { api } from "../api";
import { YEAR, type Page } from "../context";
import { append, chf, facts, h, instantOf, money, save, table, uniqueId } from "../ui";

interface Query {
  year: number;
  asOf: string | undefined;
  donorId: string;
  from: string | undefined;
  to: string | undefined;
}

interface Report {
  title: string;
  file: string;
  json: (q: Query) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  csv: (q: Query) => Promise<{ data?: string; error?: unknown; response: Response }>;
  needsDonor?: boolean;
}

const csv = { parseAs: "text" as const, headers: { Accept: "text/csv" } };

const REPORTS: Report[] = [
  { title: "Line items", file: "line-items",
    json: (q) => api.GET("/api/reports/line-items", { params: { query: { year: q.year, asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/line-items", { params: { query: { year: q.year, asOf: q.asOf } }, ...csv }) },
  { title: "Funding sources", file: "funding-sources",
    json: (q) => api.GET("/api/reports/funding-sources", { params: { query: { year: q.year, asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/funding-sources", { params: { query: { year: q.year, asOf: q.asOf } }, ...csv }) },
  { title: "Participation", file: "participation",
    json: (q) => api.GET("/api/reports/participation", { params: { query: { year: q.year, asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/participation", { params: { query: { year: q.year, asOf: q.asOf } }, ...csv }) },
  { title: "Implementation", file: "implementation",
    json: (q) => api.GET("/api/reports/implementation", { params: { query: { year: q.year, asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/implementation", { params: { query: { year: q.year, asOf: q.asOf } }, ...csv }) },
  { title: "Receivables", file: "receivables",
    json: (q) => api.GET("/api/reports/receivables", { params: { query: { asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/receivables", { params: { query: { asOf: q.asOf } }, ...csv }) },
  { title: "Trial balance", file: "trial-balance",
    json: (q) => api.GET("/api/reports/trial-balance", { params: { query: { asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/trial-balance", { params: { query: { asOf: q.asOf } }, ...csv }) },
  { title: "Funding gap", file: "funding-gap",
    json: (q) => api.GET("/api/reports/funding-gap", { params: { query: { year: q.year, asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/funding-gap", { params: { query: { year: q.year, asOf: q.asOf } }, ...csv }) },
  { title: "Donor statement", file: "donor-statement", needsDonor: true,
    json: (q) => api.GET("/api/reports/donors/{donorId}/statement", { params: { path: { donorId: q.donorId }, query: { from: q.from, to: q.to, asOf: q.asOf } } }),
    csv: (q) => api.GET("/api/reports/donors/{donorId}/statement", {
      params: { path: { donorId: q.donorId }, query: { from: q.from, to: q.to, asOf: q.asOf } }, ...csv }) },
  ...STATEMENTS(),
];

/** The IPSAS statements (docs/statements.md) for the chosen period, the previous one beside it. */
function STATEMENTS(): Report[] {
  const kinds: [string, string][] = [["financial-position", "Statement of financial position"], ["financial-performance", "Statement of financial performance"],
    ["changes-in-net-assets", "Statement of changes in net assets"], ["cash-flow", "Cash flow statement"],
    ["budget-comparison", "Budget comparison"], ["notes", "Notes to the statements"]];
  return kinds.map(([kind, title]) => ({
    title, file: `statement-${kind}`,
    json: (q: Query) => api.GET("/api/statements/{kind}", { params: { path: { kind }, query: { from: q.from, to: q.to, asOf: q.asOf } } }),
    csv: (q: Query) => api.GET("/api/statements/{kind}", { params: { path: { kind }, query: { from: q.from, to: q.to, asOf: q.asOf } }, ...csv }),
  }));
}

const label = (key: string): string => key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase()).replace(/ Chf$/, " (CHF)");

function isMoney(value: unknown): value is { amount: number; currency: string } {
  return !!value && typeof value === "object" && "amount" in value && "currency" in value;
}

function cell(key: string, value: unknown, inChf = false): string {
  if (value === null || value === undefined) return "—";
  if (isMoney(value)) return money(value.amount, value.currency);
  if (typeof value === "number" && (inChf || /Chf$/.test(key))) return chf(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${cell(k, v)}`).join("; ");
  return String(value);
}

/** Any report's JSON as facts (its scalars) and tables (its lists of rows), money always with its currency. */
export function renderReport(title: string, value: unknown, inChf = false): HTMLElement {
  const section = h("section", { "aria-label": title });
  if (!value || typeof value !== "object") return section;
  const entries = Object.entries(value);
  const scalars = entries.filter(([, v]) => !Array.isArray(v) && (v === null || typeof v !== "object" || isMoney(v)));
  append(section, facts(scalars.map(([k, v]) => [label(k), cell(k, v, inChf)])));
  for (const [k, v] of entries) {
    if (Array.isArray(v)) {
      const rows = v as Record<string, unknown>[];
      const keys = [...new Set(rows.flatMap((r) => (r && typeof r === "object" ? Object.keys(r) : [])))];
      append(section, table(`${title}: ${label(k)}`, rows, keys.map((key) => ({
        title: label(key), cell: (r: Record<string, unknown>) => cell(key, r[key]), numeric: /Chf$/.test(key) || isMoney(rows[0]?.[key]),
      }))));
    } else if (v && typeof v === "object" && !isMoney(v)) {
      append(section, h("h3", {}, label(k)), renderReport(`${title}: ${label(k)}`, v, /Chf/.test(k)));
    }
  }
  return section;
}

export const reportsPage: Page = async (main) => {
  append(main, h("h1", {}, "Reports and statements"));
  const donors = await api.GET("/api/donors", { params: { query: { pageSize: 1000 } } });
  const ids = { year: uniqueId("year"), asOf: uniqueId("asof"), donor: uniqueId("donor"), from: uniqueId("from"), to: uniqueId("to") };
  const year = h("input", { id: ids.year, type: "number", value: YEAR, min: 2000, max: 2100 });
  const asOf = h("input", { id: ids.asOf, type: "datetime-local", "aria-describedby": `${ids.asOf}-hint` });
  const donor = h("select", { id: ids.donor }, ...(donors.data?.items ?? []).map((d) => h("option", { value: d.id }, d.name)));
  const from = h("input", { id: ids.from, type: "date" });
  const to = h("input", { id: ids.to, type: "date" });
  const field = (id: string, text: string, input: HTMLElement, hint?: string): HTMLElement => h("div", { class: "field" },
    h("label", { for: id }, text), hint ? h("span", { class: "hint", id: `${id}-hint` }, hint) : null, input);
  append(main, h("div", { class: "row", role: "group", "aria-label": "Report parameters" },
    field(ids.asOf, "As of", asOf, "Empty for now; the figures as the ledger stood at that instant"), field(ids.year, "Year", year),
    field(ids.donor, "Donor (statement)", donor), field(ids.from, "From (statements)", from), field(ids.to, "To (statements)", to)));
  const query = (): Query => ({ year: Number(year.value), asOf: instantOf(asOf.value), donorId: donor.value, from: from.value || undefined,
    to: to.value || undefined });
  const output = h("div", { id: "report-output", "aria-live": "polite" });
  const list = h("ul", { class: "cards" });
  for (const report of REPORTS) {
    const show = h("button", { type: "button" }, `Show ${report.title.toLowerCase()}`);
    const download = h("button", { type: "button", class: "secondary" }, `Download ${report.title.toLowerCase()} CSV`);
    show.addEventListener("click", async () => {
      const answer = await report.json(query());
      output.replaceChildren(h("h2", {}, report.title));
      if (answer.data) append(output, renderReport(report.title, answer.data));
      else append(output, h("p", { class: "problem", role: "alert" }, (answer.error as { detail?: string } | undefined)?.detail ?? `The API answered ${answer.response.status}.`));
    });
    download.addEventListener("click", async () => {
      const answer = await report.csv(query());
      if (typeof answer.data === "string") save(`${report.file}.csv`, answer.data, "text/csv");
      else output.replaceChildren(h("p", { class: "problem", role: "alert" }, `The CSV could not be read (${answer.response.status}).`));
    });
    append(list, h("li", { class: "card" }, h("h2", {}, report.title), h("div", { class: "row" }, show, download)));
  }
  append(main, list, output);
};
