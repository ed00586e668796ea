// Disbursements and fellowships: one disbursement's request, certification, approval, payment or cancellation.
import { api } from "../api";
import { etagOf, type Page } from "../context";
import { append, chf, commandForm, facts, h, link, today } from "../ui";

export const disbursementPage: Page = async (main, ctx, [id = ""]) => {
  const read = await api.GET("/api/disbursements/{id}", { params: { path: { id } } });
  const d = read.data;
  if (!d) throw new Error("There is no such disbursement.");
  const etag = etagOf(read.response);
  append(main, h("h1", {}, `Disbursement: ${d.kind} to ${d.payee.name}`), h("p", {}, link(`#/allocations/${d.allocationId}`, "Its allocation")),
    facts([
      ["Status", d.status], ["Amount", chf(d.amountChf)], ["Purpose", d.purpose],
      ["Payee", `${d.payee.name}, ${d.payee.countryCode}${d.payee.personId ? `, person ${d.payee.personId}` : ""}`],
      ["Meeting", d.meeting ? `${d.meeting.code} from ${d.meeting.startsOn}` : null], ["Fellowship", d.fellowship],
      ["Requested", `by ${d.requestedBy} at ${d.requestedAt}`],
      ["Certified", d.certified ? `by ${d.certified.by} at ${d.certified.at}` : null],
      ["Approved", d.approved ? `by ${d.approved.by} (${d.approved.role}) at ${d.approved.at}` : null],
      ["Paid", d.paid ? `${d.paid.paidOn}, reference ${d.paid.paymentReference}, by ${d.paid.by}` : null],
      ["Cancelled", d.cancelled ? `${d.cancelled.reason} (${d.cancelled.by})` : null],
    ]));
  const path = { id };
  const header = (key: string) => ({ "Idempotency-Key": key, "If-Match": etag });
  const reload = () => ctx.reload();
  if (d.status === "Requested" && ctx.has("ProgrammeOfficer")) {
    append(main, commandForm({ title: "Certify delivery", submit: "Certify the delivery", fields: [],
      send: (_v, key) => api.POST("/api/disbursements/{id}/certify", { params: { path, header: header(key) } }), done: reload, doneText: "Certified." }));
  }
  if (d.status === "Certified" && ctx.has("TsbDirector")) {
    append(main, commandForm({ title: "Approve", submit: "Approve the disbursement", fields: [],
      send: (_v, key) => api.POST("/api/disbursements/{id}/approve", { params: { path, header: header(key) } }), done: reload, doneText: "Approved." }));
  }
  if (d.status === "Approved" && ctx.has("FinanceOfficer")) {
    append(main, commandForm({
      title: "Pay",
      submit: "Record the payment",
      fields: [
        { name: "paidOn", label: "Paid on", type: "date", required: true, value: today() },
        { name: "paymentReference", label: "Payment reference", required: true },
      ],
      send: (v, key) => api.POST("/api/disbursements/{id}/pay", {
        params: { path, header: header(key) }, body: { paidOn: v.paidOn ?? "", paymentReference: v.paymentReference ?? "" },
      }),
      done: reload,
      doneText: "Paid.",
    }));
  }
  if ((d.status === "Requested" || d.status === "Certified" || d.status === "Approved") && ctx.has("ProgrammeOfficer", "TsbDirector")) {
    append(main, commandForm({ title: "Cancel", submit: "Cancel the disbursement",
      fields: [{ name: "reason", label: "Reason", type: "textarea", required: true }],
      send: (v, key) => api.POST("/api/disbursements/{id}/cancel", { params: { path, header: header(key) }, body: { reason: v.reason ?? "" } }),
      done: reload }));
  }
};
