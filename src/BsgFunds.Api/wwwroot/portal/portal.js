// The donor portal: signs a donor in, shows their fund-use statement from the API, draws where the money went as
// SVG, downloads the same statement as CSV and each receipt's proof from the transparency log. Everything comes from
// the API with the donor's own token, so the API's authorization (a donor reads only its own statement and receipts)
// is what keeps other donors' figures out.
"use strict";

const tokenKey = "bsgfunds.portal.token";
const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const programmes = { 1: "1 Standards-making capabilities", 2: "2 Application of standards", 3: "3 Capacity building" };
const regions = { Africa: "Africa", Americas: "Americas", ArabStates: "Arab States", AsiaPacific: "Asia-Pacific", Cis: "CIS", Europe: "Europe" };
const $ = (id) => document.getElementById(id);

function claims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return null;
  }
}

function say(text, error = false) {
  $("status").textContent = text;
  $("status").className = error ? "error" : "";
}

// Proofs answer beside the receipts, where the donor clicked; the page's own status line is at the top.
function sayProof(text, error = false) {
  $("proof-status").textContent = text;
  $("proof-status").className = error ? "error" : "";
}

function signOut(message = "") {
  sessionStorage.removeItem(tokenKey);
  sayProof("");
  $("statement").hidden = true;
  $("sign-in").hidden = false;
  $("sign-out").hidden = true;
  say(message, message !== "");
}

async function signIn(token) {
  const who = claims(token);
  if (!who || !who.donor_id) {
    signOut("This token does not belong to a donor: the portal shows a donor's own statement.");
    return;
  }
  sessionStorage.setItem(tokenKey, token);
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
  await show();
}

// The CSV is asked for as of the instant of the statement on screen, so that the download is what the donor sees.
let shownAsOf = null;

function statementUrl(asOf = null) {
  const who = claims(sessionStorage.getItem(tokenKey));
  const query = new URLSearchParams();
  if ($("from").value) query.set("from", $("from").value);
  if ($("to").value) query.set("to", $("to").value);
  if (asOf) query.set("asOf", asOf);
  const q = query.toString();
  return `/api/reports/donors/${encodeURIComponent(who.donor_id)}/statement${q ? "?" + q : ""}`;
}

const get = (url, accept) => fetch(url, { headers: { Authorization: `Bearer ${sessionStorage.getItem(tokenKey)}`, Accept: accept } });

async function call(url, accept) {
  const response = await get(url, accept);
  if (response.status === 401) {
    signOut("Your sign-in has expired: please sign in again.");
    return null;
  }
  if (!response.ok) {
    let detail = "";
    try { detail = (await response.json()).detail || ""; } catch { /* not a problem document */ }
    say(response.status === 404 || response.status === 403
      ? "No statement is available for this sign-in."
      : `The statement could not be loaded (${response.status}). ${detail}`, true);
    $("statement").hidden = true;
    return null;
  }
  return response;
}

async function show() {
  say("Loading your statement…");
  const response = await call(statementUrl(), "application/json");
  if (!response) return;
  const s = await response.json();
  $("donor-name").textContent = s.donorName;
  $("period").textContent = `Period ${s.from} to ${s.to}`;
  $("from").value = s.from;
  $("to").value = s.to;
  for (const cell of document.querySelectorAll("#totals td[data-field]")) cell.textContent = money.format(s[cell.dataset.field]);
  const rows = $("contributions").querySelector("tbody");
  rows.replaceChildren(...s.contributions.map((c) => {
    const row = document.createElement("tr");
    row.dataset.contribution = c.contributionId;
    const cells = [c.pledgedOn, c.agreementReference ?? "", `${money.format(c.pledged.amount)} ${c.pledged.currency}`,
      money.format(c.receivedChf), money.format(c.pscChf), money.format(c.allocatedChf), money.format(c.disbursedChf), money.format(c.closingBalanceChf)];
    row.replaceChildren(...cells.map((text, i) => {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (i >= 2) cell.className = "number";
      return cell;
    }));
    return row;
  }));
  $("receipts").querySelector("tbody").replaceChildren(...s.contributions.flatMap((c) => c.receipts.map((r) => receiptRow(c, r))));
  sayProof("");
  const disbursed = s.contributions.flatMap((c) => c.disbursed);
  chart($("by-programme"), "by-programme-title", total(disbursed, (d) => programmes[d.programme] ?? `${d.programme}`));
  chart($("by-region"), "by-region-title", total(disbursed, (d) => regions[d.region] ?? d.region));
  shownAsOf = s.asOf;
  $("as-of").dataset.asOf = s.asOf;
  $("as-of").textContent = `As of ${s.asOf}, including ledger events up to number ${s.lastSequence}.`;
  $("statement").hidden = false;
  say("");
}

// A reversal is a correction of an earlier receipt, not a receipt: its proof is the receipt's own, on the line it reverses.
function receiptRow(c, r) {
  const row = document.createElement("tr");
  row.dataset.contribution = c.contributionId;
  row.dataset.sequence = r.sequence;
  const amount = `${money.format(r.amount.amount)} ${r.amount.currency}`;
  const cells = [r.valueDate, c.agreementReference ?? "", r.bankReference ?? "", amount, money.format(r.amountChf), `${r.sequence}`];
  row.replaceChildren(...cells.map((text, i) => {
    const cell = document.createElement("td");
    cell.textContent = text;
    if (i >= 3) cell.className = "number";
    return cell;
  }));
  const proof = document.createElement("td");
  if (r.reverses == null) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Download proof";
    // The visible words start the accessible name, which then says which of the donor's receipts this is.
    button.setAttribute("aria-label", `Download proof of the receipt of ${amount} on ${r.valueDate} (ledger event ${r.sequence})`);
    button.addEventListener("click", () => downloadProof(c.contributionId, r.sequence));
    proof.append(button);
  } else {
    proof.textContent = `Correction of ledger event ${r.reverses}`;
  }
  row.append(proof);
  return row;
}

// The file is the API's answer byte for byte: parsing and writing it again could change how a number is written, and
// the leaf's hash is over the exact text.
async function downloadProof(contributionId, sequence) {
  const name = `receipt-${contributionId}-${sequence}.json`;
  sayProof("Fetching the proof…");
  try {
    const response = await get(`/api/contributions/${encodeURIComponent(contributionId)}/receipts/${encodeURIComponent(sequence)}/proof`,
      "application/json");
    if (response.status === 401) {
      signOut("Your sign-in has expired: please sign in again.");
    } else if (response.status === 409) {
      sayProof("The fund's log has not yet signed this receipt; try again in a few seconds.", true);
    } else if (!response.ok) {
      let detail = "";
      try { detail = (await response.json()).detail || ""; } catch { /* not a problem document */ }
      sayProof(detail || `The proof could not be loaded (${response.status}).`, true);
    } else {
      save(await response.blob(), name);
      sayProof(`Saved ${name}.`);
    }
  } catch {
    sayProof("The proof could not be loaded: the fund's server did not answer.", true);
  }
}

// A link to an object URL with a download attribute: no directive of the portal's CSP governs a download, so the policy stays strict.
function save(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

function total(items, key) {
  const sums = new Map();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + item.amountChf);
  return [...sums.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

// A horizontal bar chart: one labelled bar per entry, its amount written beside it; the figure's caption names it.
function chart(host, titleId, entries) {
  const ns = "http://www.w3.org/2000/svg";
  const el = (name, attributes, text) => {
    const node = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  if (entries.length === 0) {
    const p = document.createElement("p");
    p.textContent = "Nothing disbursed in this period.";
    host.replaceChildren(p);
    return;
  }
  const bar = 22, gap = 8, label = 190, width = 520, room = width - label - 110;
  const largest = Math.max(...entries.map(([, v]) => Math.abs(v)), 1);
  const svg = el("svg", { width, height: entries.length * (bar + gap), viewBox: `0 0 ${width} ${entries.length * (bar + gap)}`, role: "img", "aria-labelledby": titleId });
  entries.forEach(([name, value], i) => {
    const y = i * (bar + gap);
    const g = el("g", { "data-label": name, "data-amount": value });
    g.append(el("title", {}, `${name}: CHF ${money.format(value)}`));
    g.append(el("text", { x: 0, y: y + bar * 0.7 }, name));
    g.append(el("rect", { x: label, y, height: bar, width: Math.max(1, (Math.abs(value) / largest) * room) }));
    g.append(el("text", { x: label + (Math.abs(value) / largest) * room + 6, y: y + bar * 0.7, class: "amount" }, money.format(value)));
    svg.append(g);
  });
  host.replaceChildren(svg);
}

async function download() {
  const response = await call(statementUrl(shownAsOf), "text/csv");
  if (!response) return;
  save(await response.blob(), `statement-${$("from").value}-${$("to").value}.csv`);
}

document.addEventListener("DOMContentLoaded", () => {
  $("token-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("token").value.trim()); });
  $("dev-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const donorId = $("dev-donor").value.trim();
    const response = await fetch("/api/dev/token", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sub: `portal-${donorId}`, name: "Donor portal user", roles: ["Donor"], donorId }),
    });
    if (response.status === 404) { say("Development sign-in is not available here: use your organisation's sign-in.", true); return; }
    if (!response.ok) { say("That is not a donor id.", true); return; }
    await signIn((await response.json()).token);
  });
  $("period-form").addEventListener("submit", (e) => { e.preventDefault(); show(); });
  $("download").addEventListener("click", download);
  $("sign-out").addEventListener("click", () => signOut());
  const saved = sessionStorage.getItem(tokenKey);
  if (saved) signIn(saved);
});
