// Budget and allocations: the year's original and revised budget lines; allocations requested, approved, signed off,
// rejected and closed, with the contributions that fund each approval.
import { api, type Schemas } from "../api";
import { etagOf, YEAR, type Page } from "../context";
import { append, chf, commandForm, facts, h, link, num, table } from "../ui";
import { USES } from "./donors";

const REGIONS: Schemas["Domain.ReferenceData.ItuRegion"][] = ["Africa", "Americas", "ArabStates", "AsiaPacific", "Cis", "Europe"];
const KINDS: Schemas["Domain.Spending.DisbursementKind"][] = ["Fellowship", "Vendor", "Expert", "Institution"];
const FELLOWSHIPS: Schemas["Domain.Spending.FellowshipType"][] = ["Full", "Ticket", "Allowance"];
const GENDERS: Schemas["Domain.Spending.Gender"][] = ["Female", "Male", "Other", "Undisclosed"];

function yearPicker(main: HTMLElement, year: number, onChange: (year: number) => void): void {
  const input = h("input", { id: "year", type: "number", min: 2000, max: 2100, value: year });
  const form = h("form", { class: "row", "aria-label": "Year" }, h("div", { class: "field" }, h("label", { for: "year" }, "Year"), input),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onChange(Number(input.value));
  });
  append(main, form);
}

let budgetYear = YEAR;

export const budgetPage: Page = async (main, ctx) => {
  append(main, h("h1", {}, "Budget and allocations"));
  yearPicker(main, budgetYear, (y) => {
    budgetYear = y;
    void ctx.reload();
  });
  const budget = await api.GET("/api/budget/{year}", { params: { path: { year: budgetYear } } });
  const lines = (caption: string, rows: Schemas["Domain.Spending.BudgetLine"][] | null | undefined): HTMLElement => table(caption, rows ?? [], [
    { title: "Programme", cell: (l) => l.programme },
    { title: "Use", cell: (l) => l.use },
    { title: "Amount", cell: (l) => chf(l.amountChf), numeric: true },
  ], "no budget recorded.");
  append(main, h("h2", {}, `Budget ${budgetYear}`));
  if (budget.data) {
    append(main, lines(`Original budget (total ${chf(budget.data.originalTotalChf)})`, budget.data.original),
      lines(`Revised budget${budget.data.revisedTotalChf === null ? "" : ` (total ${chf(budget.data.revisedTotalChf)})`}`, budget.data.revised));
  } else {
    append(main, h("p", { class: "hint" }, `No budget is recorded for ${budgetYear}.`));
  }
  if (ctx.has("FinanceOfficer")) {
    append(main, commandForm({
      title: `Record the ${budgetYear} budget`,
      submit: "Record the budget",
      fields: [
        { name: "version", label: "Version", type: "select", options: ["Original", "Revised"], required: true, value: budget.data ? "Revised" : "Original" },
        { name: "lines", label: "Lines, one a line: programme; use; amount in CHF", type: "textarea", required: true,
          hint: "For example: 3; Fellowship; 50000", value: (budget.data?.revised ?? budget.data?.original ?? [])
            .map((l) => `${l.programme}; ${l.use}; ${l.amountChf}`).join("\n") },
      ],
      send: (v, key) => api.PUT("/api/budget/{year}", {
        params: { path: { year: budgetYear }, header: { "Idempotency-Key": key, "If-Match": etagOf(budget.response) } },
        body: { version: v.version as Schemas["Domain.Spending.BudgetVersion"], lines: (v.lines ?? "").split("\n").filter((l) => l.trim()).map((l) => {
          const [programme, use, amount] = l.split(";").map((p) => p.trim());
          return { programme: num(programme), use: use as Schemas["Domain.Contributions.UseOfFunds"], amountChf: num(amount) };
        }) },
      }),
      done: () => ctx.reload(),
    }));
  }

  const allocations = await api.GET("/api/allocations", { params: { query: { year: budgetYear, pageSize: 1000 } } });
  append(main, h("h2", {}, `Allocations ${budgetYear}`), table("Allocations", allocations.data?.items ?? [], [
    { title: "Allocation", cell: (a) => link(`#/allocations/${a.id}`, a.title) },
    { title: "Programme", cell: (a) => a.programme },
    { title: "Use", cell: (a) => a.use },
    { title: "Status", cell: (a) => a.status },
    { title: "Amount", cell: (a) => chf(a.amountChf), numeric: true },
    { title: "Disbursed", cell: (a) => chf(a.disbursedChf), numeric: true },
    { title: "Remaining", cell: (a) => chf(a.remainingChf), numeric: true },
  ]));
  if (ctx.has("ProgrammeOfficer")) {
    append(main, commandForm({
      title: "Request an allocation",
      submit: "Request the allocation",
      fields: [
        { name: "year", label: "Year", type: "number", required: true, value: String(budgetYear) },
        { name: "programme", label: "Programme (1 to 3)", type: "number", required: true },
        { name: "use", label: "Use", type: "select", options: USES, required: true, value: "Fellowship" },
        { name: "title", label: "Title", required: true },
        { name: "amountChf", label: "Amount (CHF)", type: "number", required: true },
        { name: "regions", label: "ITU regions (comma separated)", hint: REGIONS.join(", ") },
        { name: "countries", label: "Countries (ISO codes, comma separated)" },
      ],
      send: (v, key) => api.POST("/api/allocations", {
        params: { header: { "Idempotency-Key": key } },
        body: { year: num(v.year), programme: num(v.programme), use: v.use as Schemas["Domain.Contributions.UseOfFunds"], title: v.title ?? "",
          amountChf: num(v.amountChf), regions: list(v.regions) as Schemas["Domain.ReferenceData.ItuRegion"][] | null, countries: list(v.countries) },
      }),
      done: (created) => ctx.go(`#/allocations/${(created as { id: string }).id}`),
    }));
  }
};

const list = (text: string | undefined): string[] | null => (text ? text.split(",").map((p) => p.trim()).filter(Boolean) : null);

export const allocationPage: Page = async (main, ctx, [id = ""]) => {
  const read = await api.GET("/api/allocations/{id}", { params: { path: { id } } });
  const a = read.data;
  if (!a) throw new Error("There is no such allocation.");
  const etag = etagOf(read.response);
  append(main, h("h1", {}, `Allocation: ${a.title}`), facts([
    ["Status", a.status], ["Year", a.year], ["Programme", a.programme], ["Use", a.use], ["Amount", chf(a.amountChf)],
    ["Requested by", `${a.requestedBy} at ${a.requestedAt}`], ["Needs BDT sign-off", a.needsBdtSignOff ? "yes" : "no"],
    ["Committed", chf(a.committedChf)], ["Pending", chf(a.pendingChf)], ["Disbursed", chf(a.disbursedChf)],
    ["Released", chf(a.releasedChf)], ["Remaining", chf(a.remainingChf)],
    ["Rejected", a.rejection ? `${a.rejection.reason} (${a.rejection.by})` : null],
  ]));
  append(main, table("Sign-offs", a.signOffs, [
    { title: "Role", cell: (s) => s.role }, { title: "By", cell: (s) => s.by }, { title: "At", cell: (s) => s.at },
  ], "none yet."));
  append(main, table("Funding contributions of the approval", a.funding, [
    { title: "Contribution", cell: (f) => link(`#/contributions/${f.contributionId}`, f.contributionId) },
    { title: "Earmark", cell: (f) => f.category },
    { title: "Committed", cell: (f) => chf(f.committedChf), numeric: true },
    { title: "Disbursed", cell: (f) => chf(f.disbursedChf), numeric: true },
    { title: "Released", cell: (f) => chf(f.releasedChf), numeric: true },
  ], "none until the allocation is approved."));
  append(main, table("Disbursements", a.disbursements, [
    { title: "Disbursement", cell: (d) => link(`#/disbursements/${d.id}`, `${d.kind}: ${d.payee}`) },
    { title: "Status", cell: (d) => d.status },
    { title: "Amount", cell: (d) => chf(d.amountChf), numeric: true },
  ], "none yet."));

  const path = { id };
  const header = (key: string) => ({ "Idempotency-Key": key, "If-Match": etag });
  const reload = () => ctx.reload();
  if (a.status === "Requested" && ctx.has("TsbDirector") && !a.signOffs.some((s) => s.role !== "BdtDirector")) {
    append(main, commandForm({ title: "TSB approval", submit: "Approve the allocation", fields: [],
      send: (_v, key) => api.POST("/api/allocations/{id}/approve", { params: { path, header: header(key) } }), done: reload, doneText: "Approved." }));
  }
  if (a.status === "Requested" && a.needsBdtSignOff && ctx.has("BdtDirector") && !a.signOffs.some((s) => s.role === "BdtDirector")) {
    append(main, commandForm({ title: "BDT sign-off", submit: "Sign off the allocation", fields: [],
      send: (_v, key) => api.POST("/api/allocations/{id}/bdt-signoff", { params: { path, header: header(key) } }), done: reload, doneText: "Signed off." }));
  }
  if (a.status === "Requested" && ctx.has("TsbDirector", "BdtDirector")) {
    append(main, commandForm({ title: "Reject", submit: "Reject the allocation",
      fields: [{ name: "reason", label: "Reason", type: "textarea", required: true }],
      send: (v, key) => api.POST("/api/allocations/{id}/reject", { params: { path, header: header(key) }, body: { reason: v.reason ?? "" } }),
      done: reload }));
  }
  if (a.status === "Approved" && ctx.has("ProgrammeOfficer", "TsbDirector")) {
    append(main, commandForm({ title: "Close", submit: "Close the allocation", fields: [],
      send: (_v, key) => api.POST("/api/allocations/{id}/close", { params: { path, header: header(key) } }), done: reload }));
  }
  if (a.status === "Approved" && ctx.has("ProgrammeOfficer")) {
    append(main, commandForm({
      title: "Request a disbursement",
      submit: "Request the disbursement",
      fields: [
        { name: "amountChf", label: "Amount (CHF)", type: "number", required: true, errorKeys: ["disbursement-exceeds-remaining"],
          hint: `${chf(a.remainingChf)} remains` },
        { name: "kind", label: "Kind", type: "select", options: KINDS, required: true, value: "Fellowship" },
        { name: "purpose", label: "Purpose", required: true },
        { name: "payee.name", label: "Payee", required: true },
        { name: "payee.personId", label: "Payee's person id", hint: "Fellows only", errorKeys: ["person-fellowship-limit"] },
        { name: "payee.countryCode", label: "Payee's country (ISO code)", required: true, errorKeys: ["payee-not-eligible-for-fellowship", "country-unknown"] },
        { name: "payee.gender", label: "Payee's gender", type: "select", options: GENDERS },
        { name: "meeting.code", label: "Meeting code", hint: "Fellowships: the meeting attended", errorKeys: ["meeting", "meeting-country-fellowship-limit"] },
        { name: "meeting.startsOn", label: "Meeting starts on", type: "date" },
        { name: "fellowship", label: "Fellowship", type: "select", options: FELLOWSHIPS, errorKeys: [] },
      ],
      send: (v, key) => api.POST("/api/allocations/{id}/disbursements", {
        params: { path, header: header(key) },
        body: {
          amountChf: num(v.amountChf), kind: v.kind as Schemas["Domain.Spending.DisbursementKind"], purpose: v.purpose ?? "",
          payee: { name: v["payee.name"] ?? "", personId: v["payee.personId"] || null, countryCode: v["payee.countryCode"] ?? "",
            gender: (v["payee.gender"] || null) as Schemas["Domain.Spending.Gender"] | null },
          meeting: v["meeting.code"] ? { code: v["meeting.code"], startsOn: v["meeting.startsOn"] ?? "" } : null,
          fellowship: (v.fellowship || null) as Schemas["Domain.Spending.FellowshipType"] | null,
        },
      }),
      done: (created) => ctx.go(`#/disbursements/${(created as { id: string }).id}`),
    }));
  }
};
