// Bank statements (issue 15, docs/bank-statements.md): one imported camt.053 statement, its lines with the matches the
// API proposes, and for each line still to do the finance officer's decision: confirm it (a receipt on the contribution)
// or set it aside with a reason.
import { api, type Schemas } from "../api";
import { etagOf, type Page } from "../context";
import { append, commandForm, facts, h, link, moneyOf, table } from "../ui";

type Line = Schemas["Api.BankStatements.BankStatementLineView"];

/** Lines a person still has to decide on: the API proposed a contribution, or found none. */
export const isToDo = (line: Line): boolean => line.status === "Proposed" || line.status === "Unmatched";

export const bankStatementPage: Page = async (main, ctx, [id = ""]) => {
  const read = await api.GET("/api/bank-statements/{id}", { params: { path: { id } } });
  const s = read.data;
  if (!s) throw new Error("There is no such bank statement.");
  const etag = etagOf(read.response);
  append(main, h("h1", {}, `Bank statement ${s.statementReference}`), facts([
    ["Account", s.accountIban], ["Electronic sequence", s.electronicSequence], ["Message", `${s.messageId} (${s.messageVersion})`],
    ["Imported", `by ${s.importedBy} at ${s.importedAt}`],
    ["Lines", `${s.progress.lines}: ${s.progress.leftToDo} to do (${s.progress.proposed} proposed, ${s.progress.unmatched} unmatched), `
      + `${s.progress.confirmed} confirmed, ${s.progress.setAside} set aside, ${s.progress.notApplicable} not applicable`],
  ]));
  append(main, table("Lines", s.lines, [
    { title: "Line", cell: (l) => l.number },
    { title: "Status", cell: (l) => l.status },
    { title: "Amount", cell: (l) => `${l.creditDebit === "DBIT" ? "− " : ""}${moneyOf(l.amount)}`, numeric: true },
    { title: "Value date", cell: (l) => l.valueDate ?? l.bookingDate ?? "—" },
    { title: "Debtor", cell: (l) => l.debtorName ?? "—" },
    { title: "Reference", cell: (l) => [l.creditorReference, ...l.remittanceUnstructured].filter(Boolean).join("; ") || "—" },
    { title: "Contribution", cell: (l) => {
      const c = l.contributionId ?? l.proposal?.contributionId;
      return c ? link(`#/contributions/${c}`, c) : "—";
    } },
  ]));
  const path = (n: number) => ({ id, n });
  const header = (key: string) => ({ "Idempotency-Key": key, "If-Match": etag });
  for (const line of s.lines) {
    const section = h("section", { "aria-label": `Line ${line.number}` }, h("h2", {}, `Line ${line.number}: ${moneyOf(line.amount)}, ${line.status}`));
    append(section, facts([
      ["Bank reference", line.bankReference], ["Debtor", [line.debtorName, line.debtorIban].filter(Boolean).join(", ") || null],
      ["Not applicable", line.notApplicableReason], ["Set aside", line.setAsideReason],
      ["Decided", line.decidedBy ? `by ${line.decidedBy} at ${line.decidedAt ?? ""}` : null],
      ["Proposal", line.proposal ? `${line.proposal.contributionId ?? "no contribution"}${line.proposal.confidence ? ` (${line.proposal.confidence})` : ""}: `
        + line.proposal.reason : null],
    ]));
    const candidates = line.proposal?.candidates ?? [];
    if (candidates.length > 0) {
      append(section, table(`Line ${line.number}: candidates`, candidates, [
        { title: "Contribution", cell: (c) => link(`#/contributions/${c.contributionId}`, c.contributionId) },
        { title: "Confidence", cell: (c) => c.confidence },
        { title: "Reason", cell: (c) => c.reason },
      ]));
    }
    if (isToDo(line) && ctx.has("FinanceOfficer")) {
      const proposed = line.proposal?.contributionId ?? undefined;
      const options = [...new Set([proposed, ...candidates.map((c) => c.contributionId)].filter((c): c is string => !!c))];
      append(section, commandForm({
        title: `Confirm line ${line.number}`,
        submit: `Confirm line ${line.number}`,
        fields: [options.length > 0
          // Several candidates and no proposal: nothing is chosen for the officer (docs/bank-statements.md, matching rule 3).
          ? { name: "contributionId", label: "Contribution", type: "select", options, value: proposed, required: !!proposed,
            errorKeys: ["statement-line-needs-contribution"],
            hint: "The receipt is recorded on the contribution you confirm; the proposed one, if any, is chosen." }
          : { name: "contributionId", label: "Contribution id", required: true, errorKeys: ["statement-line-needs-contribution"],
            hint: "No contribution was proposed: give its id." }],
        send: (v, key) => api.POST("/api/bank-statements/{id}/lines/{n}/confirm", {
          params: { path: path(line.number), header: header(key) }, body: { contributionId: v.contributionId || null },
        }),
        done: () => ctx.reload(),
        doneText: "Confirmed: the receipt is recorded.",
      }), commandForm({
        title: `Set line ${line.number} aside`,
        submit: `Set line ${line.number} aside`,
        fields: [{ name: "reason", label: "Reason", type: "textarea", required: true }],
        send: (v, key) => api.POST("/api/bank-statements/{id}/lines/{n}/set-aside", {
          params: { path: path(line.number), header: header(key) }, body: { reason: v.reason ?? "" },
        }),
        done: () => ctx.reload(),
        doneText: "Set aside.",
      }));
    }
    append(main, section);
  }
};
