// Audit: the chain's digest and its verification, signed tree heads and proofs of the transparency log, the journal.
import { api } from "../api";
import { YEAR, type Page } from "../context";
import { append, commandForm, facts, h, num, save, table } from "../ui";

export const auditPage: Page = async (main, ctx) => {
  append(main, h("h1", {}, "Audit"));
  const digest = await api.GET("/api/audit/digest");
  append(main, h("h2", {}, "Digest of the event chain"), digest.data
    ? facts([["Sequence", digest.data.sequence], ["Hash", h("code", {}, digest.data.hash)], ["Taken at", digest.data.takenAt]])
    : h("p", { class: "hint" }, "Not available to your role."));
  const result = h("div", { "aria-live": "polite" });
  if (ctx.has("Auditor")) {
    append(main, commandForm({
      title: "Verify an earlier digest",
      submit: "Verify",
      fields: [
        { name: "sequence", label: "Sequence", type: "number", required: true, value: digest.data ? String(digest.data.sequence) : "" },
        { name: "hash", label: "Hash", required: true, value: digest.data?.hash ?? "" },
      ],
      send: (v, key) => api.POST("/api/audit/verify", { params: { header: { "Idempotency-Key": key } }, body: { sequence: num(v.sequence), hash: v.hash ?? "" } }),
      done: (data) => {
        const v = data as { intact: boolean; detail: string; firstBrokenSequence: number | null };
        result.replaceChildren(h("p", { class: v.intact ? "done" : "problem", role: "status" },
          v.intact ? `Intact. ${v.detail}` : `Broken at sequence ${v.firstBrokenSequence}. ${v.detail}`));
      },
      doneText: "Verified.",
    }), result);
  }

  const latest = await api.GET("/api/audit/tree-heads/latest");
  append(main, h("h2", {}, "Signed tree heads"), latest.data
    ? facts([["Tree size", latest.data.treeSize], ["Root hash", h("code", {}, latest.data.rootHash)], ["Signed at", latest.data.timestamp],
      ["Key", h("code", {}, latest.data.keyId)]])
    : h("p", { class: "hint" }, "No tree head is signed yet."));
  const heads = await api.GET("/api/audit/tree-heads", { params: { query: { limit: 20 } } });
  append(main, table("Earliest signed tree heads", heads.data?.heads ?? [], [
    { title: "Tree size", cell: (t) => t.treeSize, numeric: true },
    { title: "Root hash", cell: (t) => h("code", {}, t.rootHash) },
    { title: "Signed at", cell: (t) => t.timestamp },
  ]));

  const proof = h("div", { "aria-live": "polite" });
  const showProof = (data: unknown): void => {
    proof.replaceChildren(h("pre", { class: "mono", tabindex: "0", "aria-label": "Proof" }, JSON.stringify(data, null, 2)));
  };
  if (ctx.has("Auditor")) {
    append(main, h("h2", {}, "Proofs"), queryForm("Inclusion proof", "Get the inclusion proof", [["sequence", "Event sequence"], ["treeSize", "Tree size"]],
      async (v) => api.GET("/api/audit/proofs/inclusion", { params: { query: { sequence: num(v.sequence), treeSize: num(v.treeSize) } } }), showProof,
      latest.data ? String(latest.data.treeSize) : ""));
  }
  append(main, queryForm("Consistency proof", "Get the consistency proof", [["from", "From tree size"], ["to", "To tree size"]],
    async (v) => api.GET("/api/audit/proofs/consistency", { params: { query: { from: num(v.from), to: num(v.to) } } }), showProof,
    latest.data ? String(latest.data.treeSize) : ""), proof);

  if (ctx.has("Auditor")) {
    append(main, h("h2", {}, "Journal"));
    const year = h("input", { id: "journal-year", type: "number", value: YEAR, min: 2000, max: 2100 });
    const problem = h("p", { class: "problem", role: "alert", hidden: true });
    const download = h("button", { type: "button" }, "Download the journal");
    download.addEventListener("click", async () => {
      const answer = await api.GET("/api/audit/journal", { params: { query: { year: Number(year.value) } }, parseAs: "text" });
      if (typeof answer.data === "string") save(`bsgfunds-${year.value}.journal`, answer.data, "text/plain");
      else {
        problem.textContent = `The journal could not be read (${answer.response.status}).`;
        problem.hidden = false;
      }
    });
    append(main, h("div", { class: "row" }, h("div", { class: "field" }, h("label", { for: "journal-year" }, "Year"), year), download), problem);
  }
  if (ctx.has("FinanceOfficer", "TsbDirector")) {
    append(main, h("h2", {}, "Close a year"), commandForm({
      title: "Close a year",
      submit: ctx.has("TsbDirector") ? "Approve the closing" : "Ask to close the year",
      fields: [{ name: "year", label: "Year", type: "number", required: true, value: String(YEAR - 1) }],
      send: (v, key) => api.POST("/api/periods/{year}/close", { params: { path: { year: num(v.year) }, header: { "Idempotency-Key": key } } }),
      done: () => undefined,
    }));
  }
};

function queryForm(title: string, submit: string, fields: [string, string][], get: (v: Record<string, string>) => Promise<{ data?: unknown; error?: unknown;
  response: Response }>, show: (data: unknown) => void, last: string): HTMLFormElement {
  const inputs = fields.map(([name, text]) => {
    const id = `${title.replace(/\W/g, "-")}-${name}`.toLowerCase();
    const input = h("input", { id, name, type: "number", value: name === "treeSize" || name === "to" ? last : "" });
    return { name, input, element: h("div", { class: "field" }, h("label", { for: id }, text), input) };
  });
  const problem = h("p", { class: "problem", role: "alert", hidden: true });
  const titleId = `${title.replace(/\W/g, "-").toLowerCase()}-title`;
  const form = h("form", { "aria-labelledby": titleId }, h("h3", { id: titleId }, title), problem, ...inputs.map((i) => i.element),
    h("button", { type: "submit" }, submit));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    problem.hidden = true;
    const answer = await get(Object.fromEntries(inputs.map((i) => [i.name, i.input.value])));
    if (answer.response.ok) show(answer.data);
    else {
      problem.textContent = (answer.error as { detail?: string } | undefined)?.detail ?? `The API answered ${answer.response.status}.`;
      problem.hidden = false;
    }
  });
  return form;
}
