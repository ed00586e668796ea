// Donors and contributions: register a donor, pledge, sign an agreement with its schedule, record receipts, write off,
// refund, reverse, withdraw, amend; a contribution's figures and its history of events (who did what and when).
import { api, type Schemas } from "../api";
import { etagOf, type Page } from "../context";
import { append, chf, commandForm, facts, h, link, moneyOf, num, opt, optNum, table, today } from "../ui";
import { scheduleEditor, type ScheduleEditor } from "./schedule";

const DONOR_TYPES: Schemas["Domain.Donors.DonorType"][] = ["MemberState", "SectorMember", "Associate", "Academia", "Foundation", "ItuSecretariat", "Other"];
const SOURCES: Schemas["Domain.Contributions.FundingSource"][] = ["Partnership", "ItuAdditionalBudget", "DevelopedCountryVoluntary",
  "PrivateSectorVoluntary", "OtherVoluntary"];
const CATEGORIES: Schemas["Domain.Contributions.EarmarkCategory"][] = ["Unearmarked", "SoftlyEarmarked", "Earmarked", "TightlyEarmarked"];
export const USES: Schemas["Domain.Contributions.UseOfFunds"][] = ["AssistanceAndConsultation", "Training", "Fellowship", "ComplianceAndInteroperability",
  "Interpretation", "Translation", "WorkshopsAndEvents", "TestLaboratories", "RemoteParticipation"];
type Currency = Schemas["Api.Setup.MoneyInput"]["currency"];

const moneyInput = (amount: string | undefined, currency: string | undefined): Schemas["Api.Setup.MoneyInput"] =>
  ({ amount: num(amount), currency: (currency ?? "") as Currency });

export const donorsPage: Page = async (main, ctx) => {
  append(main, h("h1", {}, "Donors and contributions"));
  const { data, error } = await api.GET("/api/donors", { params: { query: { pageSize: 1000 } } });
  if (!data) throw new Error((error as { detail?: string } | undefined)?.detail ?? "The donors could not be read.");
  append(main, table("Donors", data.items, [
    { title: "Name", cell: (d) => link(`#/donors/${d.id}`, d.name) },
    { title: "Type", cell: (d) => d.type },
    { title: "Country", cell: (d) => d.countryCode ?? "—" },
    { title: "Registered", cell: (d) => d.registeredAt },
  ]));
  if (ctx.has("FinanceOfficer")) {
    append(main, commandForm({
      title: "Register a donor",
      submit: "Register the donor",
      fields: [
        { name: "name", label: "Name", required: true },
        { name: "type", label: "Type", type: "select", options: DONOR_TYPES, required: true, value: "MemberState" },
        { name: "countryCode", label: "Country (ISO 3166 alpha-2)", hint: "For example CH" },
      ],
      send: (v, key) => api.POST("/api/donors", {
        params: { header: { "Idempotency-Key": key } },
        body: { name: v.name ?? "", type: v.type as Schemas["Domain.Donors.DonorType"], countryCode: opt(v.countryCode) },
      }),
      done: (created) => ctx.go(`#/donors/${(created as { id: string }).id}`),
    }));
  }
};

export const donorPage: Page = async (main, ctx, [id = ""]) => {
  const donor = await api.GET("/api/donors/{id}", { params: { path: { id } } });
  if (!donor.data) throw new Error("There is no such donor.");
  append(main, h("h1", {}, donor.data.name), facts([["Type", donor.data.type], ["Country", donor.data.countryCode], ["Registered", donor.data.registeredAt]]));
  const contributions = await api.GET("/api/contributions", { params: { query: { donorId: id, pageSize: 1000 } } });
  append(main, table("Contributions", contributions.data?.items ?? [], [
    { title: "Contribution", cell: (c) => link(`#/contributions/${c.id}`, `${c.source}, pledged ${c.pledgedOn}`) },
    { title: "Status", cell: (c) => c.status },
    { title: "Pledged", cell: (c) => moneyOf(c.pledged), numeric: true },
    { title: "Received", cell: (c) => moneyOf(c.received), numeric: true },
    { title: "Balance", cell: (c) => chf(c.balanceChf), numeric: true },
  ]));
  if (ctx.has("FinanceOfficer")) {
    append(main, commandForm({
      title: "Record a pledge",
      submit: "Record the pledge",
      fields: [
        { name: "source", label: "Funding source", type: "select", options: SOURCES, required: true, value: "OtherVoluntary" },
        { name: "amount", label: "Amount", type: "number", required: true, errorKeys: ["amount.amount"] },
        { name: "currency", label: "Currency", required: true, value: "CHF", errorKeys: ["amount.currency"] },
        { name: "pledgedOn", label: "Pledged on", type: "date", required: true, value: today() },
        { name: "category", label: "Earmark", type: "select", options: CATEGORIES, errorKeys: ["earmark", "earmark.category"] },
        { name: "programme", label: "Earmarked programme (1 to 3)", type: "number", errorKeys: ["earmark.programme"] },
        { name: "use", label: "Earmarked use", type: "select", options: USES, errorKeys: ["earmark.use"] },
      ],
      send: (v, key) => api.POST("/api/contributions", {
        params: { header: { "Idempotency-Key": key } },
        body: {
          donorId: id, source: v.source as Schemas["Domain.Contributions.FundingSource"], amount: moneyInput(v.amount, v.currency),
          pledgedOn: v.pledgedOn ?? "",
          earmark: v.category ? { category: v.category as Schemas["Domain.Contributions.EarmarkCategory"], programme: optNum(v.programme),
            use: (opt(v.use) as Schemas["Domain.Contributions.UseOfFunds"] | null) } : null,
        },
      }),
      done: (created) => ctx.go(`#/contributions/${(created as { id: string }).id}`),
    }));
  }
};

export const contributionPage: Page = async (main, ctx, [id = ""]) => {
  const read = await api.GET("/api/contributions/{id}", { params: { path: { id } } });
  const c = read.data;
  if (!c) throw new Error("There is no such contribution.");
  const etag = etagOf(read.response);
  const donor = await api.GET("/api/donors/{id}", { params: { path: { id: c.donorId } } });
  append(main, h("h1", {}, `Contribution of ${donor.data?.name ?? "a donor"}`),
    h("p", {}, link(`#/donors/${c.donorId}`, "Back to the donor")),
    facts([
      ["Status", c.status], ["Source", c.source], ["Pledged", `${moneyOf(c.pledged)} on ${c.pledgedOn}`],
      ["Agreed", moneyOf(c.agreed)], ["Received", `${moneyOf(c.received)} (${chf(c.receivedChf)})`],
      ["Receivable", `${moneyOf(c.receivable)} (${chf(c.receivableChf)})`], ["Written off", moneyOf(c.writtenOff)],
      ["Refunded", chf(c.refundedChf)], ["PSC", chf(c.pscChf)], ["Committed", chf(c.committedChf)],
      ["Available", chf(c.availableChf)], ["Balance", chf(c.balanceChf)], ["Earmark", c.earmark.category],
    ]));
  if (c.agreement) {
    append(main, h("h2", {}, "Agreement"), facts([["Reference", c.agreement.reference], ["Signed on", c.agreement.signedOn],
      ["Amount", moneyOf(c.agreement.amount)]]),
    table("Instalments", c.agreement.instalments, [
      { title: "Due on", cell: (i) => i.dueOn },
      { title: "Amount", cell: (i) => moneyOf(i.amount), numeric: true },
    ]));
  }
  append(main, h("h2", {}, "Money events"), table("Money events", c.moneyEvents ?? [], [
    { title: "Ledger event", cell: (e) => e.sequence, numeric: true },
    { title: "What", cell: (e) => e.type },
    { title: "On", cell: (e) => e.on },
    { title: "Amount", cell: (e) => moneyOf(e.amount), numeric: true },
    { title: "CHF", cell: (e) => chf(e.amountChf), numeric: true },
    { title: "Bank reference", cell: (e) => e.bankReference ?? "" },
    { title: "Reversed by", cell: (e) => e.reversedBy ?? "" },
  ]));

  const history = await api.GET("/api/contributions/{id}/history", { params: { path: { id } } });
  append(main, h("h2", {}, "History"), table("Who did what and when", history.data?.items ?? [], [
    { title: "#", cell: (e) => e.version, numeric: true },
    { title: "What", cell: (e) => e.type },
    { title: "When", cell: (e) => e.recordedAt },
    { title: "Who", cell: (e) => (e.name && e.name !== e.by ? `${e.name} (${e.by})` : e.by ?? "—") },
    { title: "As", cell: (e) => e.role ?? "" },
  ]));

  if (!ctx.has("FinanceOfficer")) return;
  const header = (key: string) => ({ "Idempotency-Key": key, "If-Match": etag });
  const path = { id };
  const reload = () => ctx.reload();
  append(main, h("h2", {}, "Record"));
  if (c.status === "Pledged") {
    let schedule: ScheduleEditor | null = null;
    append(main, commandForm({
      title: "Sign the agreement",
      submit: "Record the agreement",
      fields: [
        { name: "signedOn", label: "Signed on", type: "date", required: true, value: today() },
        { name: "reference", label: "Agreement reference", required: true },
        { name: "amount", label: "Agreed amount", type: "number", required: true, value: String(c.pledged.amount), errorKeys: ["amount.amount"] },
        { name: "currency", label: "Currency", required: true, value: c.pledged.currency, errorKeys: ["amount.currency"] },
        { name: "pscRatePercent", label: "PSC rate (percent)", type: "number", hint: "Empty for the standard rate" },
      ],
      extra: (_form, errors) => {
        schedule = scheduleEditor("Instalment schedule", errors, { dueOn: today(), amount: String(c.pledged.amount) });
        return schedule.element;
      },
      send: (v, key) => api.POST("/api/contributions/{id}/agreement", {
        params: { path, header: header(key) },
        body: { signedOn: v.signedOn ?? "", reference: v.reference ?? "", amount: moneyInput(v.amount, v.currency), pscRatePercent: optNum(v.pscRatePercent),
          instalments: (schedule?.read(v.currency ?? "") ?? []), conditions: [] },
      }),
      done: reload,
    }));
    append(main, commandForm({
      title: "Withdraw the pledge",
      submit: "Withdraw the pledge",
      fields: [
        { name: "on", label: "Withdrawn on", type: "date", required: true, value: today() },
        { name: "reason", label: "Reason", type: "textarea", required: true },
      ],
      send: (v, key) => api.POST("/api/contributions/{id}/withdrawal", { params: { path, header: header(key) }, body: { on: v.on ?? "", reason: v.reason ?? "" } }),
      done: reload,
    }));
  }
  if (c.status === "Agreed" || c.status === "Received") {
    const currency = c.agreed?.currency ?? c.pledged.currency;
    append(main, commandForm({
      title: "Record a receipt",
      submit: "Record the receipt",
      fields: [
        { name: "amount", label: "Amount received", type: "number", required: true, errorKeys: ["amount.amount"] },
        { name: "currency", label: "Currency", required: true, value: currency, errorKeys: ["amount.currency"] },
        { name: "valueDate", label: "Value date", type: "date", required: true, value: today() },
        { name: "bankReference", label: "Bank reference", required: true },
        { name: "rateToChf", label: "Rate to CHF", type: "number", hint: "Only to depart from the month's UN operational rate" },
        { name: "rateReason", label: "Why this rate" },
      ],
      send: (v, key) => api.POST("/api/contributions/{id}/receipts", {
        params: { path, header: header(key) },
        body: { amount: moneyInput(v.amount, v.currency), valueDate: v.valueDate ?? "", bankReference: v.bankReference ?? "",
          rateToChf: optNum(v.rateToChf), rateReason: opt(v.rateReason) },
      }),
      done: reload,
      doneText: "The receipt is recorded.",
    }));
    append(main, commandForm({
      title: "Write off",
      submit: "Record the write-off",
      fields: [
        { name: "amount", label: "Amount written off", type: "number", required: true, errorKeys: ["amount.amount"] },
        { name: "currency", label: "Currency", required: true, value: currency, errorKeys: ["amount.currency"] },
        { name: "reason", label: "Reason", type: "textarea", required: true },
      ],
      send: (v, key) => api.POST("/api/contributions/{id}/write-offs", {
        params: { path, header: header(key) }, body: { amount: moneyInput(v.amount, v.currency), reason: v.reason ?? "" },
      }),
      done: reload,
    }));
    append(main, commandForm({
      title: "Refund",
      submit: "Record the refund",
      fields: [
        { name: "amountChf", label: "Amount refunded (CHF)", type: "number", required: true },
        { name: "reason", label: "Reason", type: "textarea", required: true },
        { name: "donorConsentReference", label: "Donor's consent reference", required: true },
      ],
      send: (v, key) => api.POST("/api/contributions/{id}/refunds", {
        params: { path, header: header(key) },
        body: { amountChf: num(v.amountChf), reason: v.reason ?? "", donorConsentReference: v.donorConsentReference ?? "" },
      }),
      done: reload,
    }));
    const reversible = (c.moneyEvents ?? []).filter((e) => e.reverses === null && e.reversedBy === null);
    append(main, commandForm({
      title: "Reverse a money event",
      submit: "Record the reversal",
      fields: [
        { name: "eventSequence", label: "Money event", type: "select", required: true,
          options: reversible.map((e) => String(e.sequence)), hint: reversible.map((e) => `${e.sequence}: ${e.type} ${moneyOf(e.amount)}`).join("; ") },
        { name: "reason", label: "Reason", type: "textarea", required: true },
      ],
      send: (v, key) => api.POST("/api/contributions/{id}/reversals", {
        params: { path, header: header(key) }, body: { eventSequence: num(v.eventSequence), reason: v.reason ?? "" },
      }),
      done: reload,
    }));
    let amendment: ScheduleEditor | null = null;
    append(main, commandForm({
      title: "Amend the agreement",
      submit: "Record the amendment",
      fields: [
        { name: "signedOn", label: "Amendment signed on", type: "date", required: true, value: today() },
        { name: "reference", label: "Amendment reference", required: true },
        { name: "reason", label: "Reason", type: "textarea", required: true },
        { name: "amount", label: "New agreed total", type: "number", required: true, errorKeys: ["amount.amount"] },
        { name: "currency", label: "Currency", required: true, value: currency, errorKeys: ["amount.currency"] },
      ],
      extra: (_form, errors) => {
        amendment = scheduleEditor("The whole new schedule", errors);
        return amendment.element;
      },
      send: (v, key) => api.POST("/api/contributions/{id}/amendments", {
        params: { path, header: header(key) },
        body: { signedOn: v.signedOn ?? "", reference: v.reference ?? "", reason: v.reason ?? "", amount: moneyInput(v.amount, v.currency),
          instalments: amendment?.read(v.currency ?? "") ?? [] },
      }),
      done: reload,
    }));
  }
};
