// What awaits me: the items waiting for the signed-in person's roles, each linking to where it is acted on.
import { api, type Schemas } from "../api";
import { YEAR, type Page } from "../context";
import { append, chf, h, link, moneyOf, table } from "../ui";
import { isToDo } from "./bankstatements";

type Allocation = Schemas["Api.Allocations.AllocationView"];
type Summary = Schemas["Api.Allocations.DisbursementSummary"];

export const inboxPage: Page = async (main, ctx) => {
  append(main, h("h1", {}, "What awaits me"));
  const years = [YEAR - 1, YEAR];
  const allocations: Allocation[] = [];
  for (const year of years) {
    const { data } = await api.GET("/api/allocations", { params: { query: { year, pageSize: 1000 } } });
    if (data) allocations.push(...data.items);
  }
  const disbursements = allocations.flatMap((a) => a.disbursements.map((d) => ({ allocation: a, d })));
  const sections: HTMLElement[] = [];
  const allocationTable = (caption: string, rows: Allocation[]): HTMLElement => table(caption, rows, [
    { title: "Allocation", cell: (a) => link(`#/allocations/${a.id}`, a.title) },
    { title: "Year", cell: (a) => a.year },
    { title: "Programme", cell: (a) => a.programme },
    { title: "Use", cell: (a) => a.use },
    { title: "Amount", cell: (a) => chf(a.amountChf), numeric: true },
    { title: "Requested by", cell: (a) => a.requestedBy },
  ], "none waiting.");
  const disbursementTable = (caption: string, rows: { allocation: Allocation; d: Summary }[]): HTMLElement => table(caption, rows, [
    { title: "Disbursement", cell: (r) => link(`#/disbursements/${r.d.id}`, `${r.d.kind}: ${r.d.payee}`) },
    { title: "Allocation", cell: (r) => link(`#/allocations/${r.allocation.id}`, r.allocation.title) },
    { title: "Amount", cell: (r) => chf(r.d.amountChf), numeric: true },
    { title: "Status", cell: (r) => r.d.status },
  ], "none waiting.");

  if (ctx.has("TsbDirector")) {
    sections.push(allocationTable("Allocations awaiting TSB approval", allocations.filter((a) => a.status === "Requested"
      && !a.signOffs.some((s) => s.role !== "BdtDirector"))));
    sections.push(disbursementTable("Disbursements to approve", disbursements.filter((r) => r.d.status === "Certified")));
  }
  if (ctx.has("BdtDirector")) {
    sections.push(allocationTable("Allocations awaiting BDT sign-off", allocations.filter((a) => a.needsBdtSignOff
      && a.status === "Requested" && !a.signOffs.some((s) => s.role === "BdtDirector"))));
  }
  if (ctx.has("ProgrammeOfficer")) {
    sections.push(disbursementTable("Disbursements to certify", disbursements.filter((r) => r.d.status === "Requested")));
  }
  if (ctx.has("FinanceOfficer")) {
    sections.push(disbursementTable("Disbursements to pay", disbursements.filter((r) => r.d.status === "Approved")));
  }
  if (ctx.has("FinanceOfficer", "TsbDirector")) {
    const waiting: Schemas["Api.Audit.PeriodView"][] = [];
    for (const year of [YEAR - 2, YEAR - 1]) {
      const { data } = await api.GET("/api/periods/{year}", { params: { path: { year } } });
      if (data && data.status === "CloseRequested") waiting.push(data);
    }
    sections.push(table("Years awaiting the closing approval", waiting, [
      { title: "Year", cell: (p) => p.year },
      { title: "Asked by", cell: (p) => p.requestedBy },
      { title: "Where", cell: () => link("#/audit", "Audit: close a year") },
    ], "none waiting."));
  }
  if (ctx.has("FinanceOfficer")) {
    const lines: { statement: Schemas["Api.BankStatements.BankStatementView"]; line: Schemas["Api.BankStatements.BankStatementLineView"] }[] = [];
    const { data: statements } = await api.GET("/api/bank-statements", { params: { query: { pageSize: 100 } } });
    for (const summary of (statements?.items ?? []).filter((st) => st.progress.leftToDo > 0)) {
      const { data: statement } = await api.GET("/api/bank-statements/{id}", { params: { path: { id: summary.id } } });
      if (statement) lines.push(...statement.lines.filter(isToDo).map((line) => ({ statement, line })));
    }
    sections.push(table("Bank-statement lines to confirm", lines, [
      { title: "Line", cell: (r) => link(`#/bank-statements/${r.statement.id}`, `${r.statement.statementReference}, line ${r.line.number}`) },
      { title: "Amount", cell: (r) => moneyOf(r.line.amount), numeric: true },
      { title: "Debtor", cell: (r) => r.line.debtorName ?? "—" },
      { title: "Status", cell: (r) => r.line.status },
    ], "none waiting."));
  }
  if (sections.length === 0) sections.push(h("p", {}, "Nothing here waits for your roles; the other pages are open to you."));
  append(main, h("p", { class: "hint" }, `Allocations of ${years.join(" and ")}.`), ...sections.map((s) => h("section", {}, s)));
};
