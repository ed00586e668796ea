// Small DOM helpers: elements, money, tables, and the form every command goes through (Idempotency-Key per form
// instance, If-Match when the page read an ETag, the ProblemDetails shown where it applies).
import { asProblem, newKey, type Answer } from "./api";

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Money in its currency, in the reader's locale; CHF always with two decimals. */
export function money(amount: number, currency: string): string {
  const digits = currency === "CHF" ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : {};
  return new Intl.NumberFormat(undefined, { style: "currency", currency, currencyDisplay: "code", ...digits }).format(amount);
}

export const chf = (amount: number | null | undefined): string => (amount === null || amount === undefined ? "—" : money(amount, "CHF"));

export function moneyOf(m: { amount: number; currency: string } | null | undefined): string {
  return m ? money(m.amount, m.currency) : "—";
}

let ids = 0;
export const uniqueId = (prefix: string): string => `${prefix}-${++ids}`;

export function facts(pairs: [string, Child][]): HTMLDListElement {
  const list = h("dl", { class: "facts" });
  for (const [term, value] of pairs) append(list, h("dt", {}, term), h("dd", {}, value ?? "—"));
  return list;
}

export interface Column<T> {
  title: string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

export function table<T>(caption: string, rows: readonly T[], columns: Column<T>[], empty = "Nothing to show."): HTMLElement {
  if (rows.length === 0) return h("p", { class: "hint" }, `${caption}: ${empty}`);
  const head = h("tr", {}, ...columns.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : undefined }, c.title)));
  const body = rows.map((row) => h("tr", {}, ...columns.map((c) => h("td", { class: c.numeric ? "num" : undefined }, c.cell(row)))));
  return h("table", {}, h("caption", {}, caption), h("thead", {}, head), h("tbody", {}, ...body));
}

export function link(href: string, text: string): HTMLAnchorElement {
  return h("a", { href }, text);
}

export function announce(text: string): void {
  const live = document.getElementById("announce");
  if (live) live.textContent = text;
}

/** Saves text as a file through a Blob and a link's download attribute (no blob: needed in the policy). */
export function save(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "number" | "date" | "select" | "textarea" | "datetime-local";
  options?: readonly string[];
  required?: boolean;
  value?: string;
  hint?: string;
  step?: string;
  /** Keys of the API's `errors` (or refusal codes) that belong beside this field, besides its name. */
  errorKeys?: readonly string[];
}

export type Values = Record<string, string>;

export interface FormSpec {
  title: string;
  submit: string;
  fields: FieldSpec[];
  /** More inputs (an instalment schedule), read by send through the form element. */
  extra?: (form: HTMLFormElement, fieldErrors: (key: string) => HTMLElement) => Node;
  send: (values: Values, key: string, form: HTMLFormElement) => Promise<Answer<unknown>>;
  done: (data: unknown) => void | Promise<void>;
  doneText?: string;
}

interface FieldSlot {
  spec: FieldSpec;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  error: HTMLElement;
}

const normalise = (key: string): string => key.replace(/^\$\.?/, "").replace(/\[\d+\]/g, "").toLowerCase();

/**
 * A command form. The Idempotency-Key is made when the form is, and renewed only after the API accepted the command:
 * a double click, a retry after a lost answer, or the same form sent twice all carry the same key and record once.
 */
export function commandForm(spec: FormSpec): HTMLFormElement {
  const titleId = uniqueId("form-title");
  const form = h("form", { "aria-labelledby": titleId, novalidate: true });
  let key = newKey();
  const summary = h("div", { class: "problem", role: "alert", hidden: true, tabindex: "-1" });
  const success = h("div", { class: "done", role: "status", hidden: true });
  append(form, h("h3", { id: titleId }, spec.title), summary, success);
  const slots: FieldSlot[] = [];
  for (const field of spec.fields) {
    const id = uniqueId(field.name.replace(/\W/g, "-"));
    const errorId = `${id}-error`;
    const hintId = field.hint ? `${id}-hint` : undefined;
    let input: FieldSlot["input"];
    if (field.type === "select") {
      input = h("select", { id, name: field.name }, ...(field.required ? [] : [h("option", { value: "" }, "—")]),
        ...(field.options ?? []).map((o) => h("option", { value: o, selected: o === field.value }, o)));
    } else if (field.type === "textarea") {
      input = h("textarea", { id, name: field.name, rows: 3 });
      input.value = field.value ?? "";
    } else {
      input = h("input", { id, name: field.name, type: field.type ?? "text", step: field.step ?? (field.type === "number" ? "any" : undefined), value: field.value });
    }
    if (field.required) input.setAttribute("aria-required", "true");
    input.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
    const error = h("p", { class: "field-error", id: errorId, role: "alert", hidden: true });
    append(form, h("div", { class: "field" }, h("label", { for: id }, field.label + (field.required ? " (required)" : "")),
      field.hint ? h("span", { class: "hint", id: hintId }, field.hint) : null, input, error));
    slots.push({ spec: field, input, error });
  }
  const extraErrors = new Map<string, HTMLElement>();
  if (spec.extra) {
    append(form, spec.extra(form, (errorKey) => {
      const element = h("p", { class: "field-error", id: uniqueId("extra-error"), role: "alert", hidden: true });
      extraErrors.set(errorKey.toLowerCase(), element);
      return element;
    }));
  }
  const button = h("button", { type: "submit" }, spec.submit);
  append(form, h("div", { class: "row" }, button));

  const clear = (): void => {
    summary.hidden = true;
    summary.replaceChildren();
    success.hidden = true;
    for (const slot of slots) {
      slot.error.hidden = true;
      slot.error.textContent = "";
      slot.input.removeAttribute("aria-invalid");
    }
    for (const element of extraErrors.values()) {
      element.hidden = true;
      element.textContent = "";
    }
  };

  const show = (response: Response, error: unknown): void => {
    const problem = asProblem(error);
    if (response.status === 412) {
      append(summary, h("p", {}, "Someone else changed this record since you opened it. Nothing was recorded. "
        + "Reload the page to see their change, then try again."));
      summary.hidden = false;
      summary.focus();
      return;
    }
    const unplaced: string[] = [];
    const place = (errorKey: string, message: string): boolean => {
      const wanted = normalise(errorKey);
      const slot = slots.find((s) => normalise(s.spec.name) === wanted || (s.spec.errorKeys ?? []).some((k) => normalise(k) === wanted));
      if (slot) {
        slot.error.textContent = slot.error.textContent ? `${slot.error.textContent} ${message}` : message;
        slot.error.hidden = false;
        slot.input.setAttribute("aria-invalid", "true");
        return true;
      }
      const extra = extraErrors.get(wanted) ?? [...extraErrors.entries()].find(([k]) => wanted.startsWith(k))?.[1];
      if (extra) {
        extra.textContent = extra.textContent ? `${extra.textContent} ${message}` : message;
        extra.hidden = false;
        return true;
      }
      return false;
    };
    for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
      for (const message of messages) if (!place(field, message)) unplaced.push(`${field}: ${message}`);
    }
    // A business refusal names no field in `errors`; its code says which field it is about.
    if (!problem?.errors && problem?.code && problem.detail) place(problem.code, problem.detail);
    const detail = problem?.detail ?? problem?.title ?? `The API answered ${response.status}.`;
    append(summary, h("p", {}, detail), ...(unplaced.length ? [h("ul", {}, ...unplaced.map((u) => h("li", {}, u)))] : []));
    if (problem?.correlationId) append(summary, h("p", { class: "hint" }, `Reference: ${problem.correlationId}`));
    summary.hidden = false;
    summary.focus();
  };

  let pending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (pending) return;
    pending = true;
    button.disabled = true;
    clear();
    const values: Values = {};
    for (const slot of slots) values[slot.spec.name] = slot.input.value.trim();
    try {
      const answer = await spec.send(values, key, form);
      if (answer.response.ok) {
        key = newKey();
        success.textContent = spec.doneText ?? "Recorded.";
        success.hidden = false;
        announce(success.textContent);
        await spec.done(answer.data);
      } else {
        show(answer.response, answer.error);
      }
    } catch (e) {
      append(summary, h("p", {}, `The request did not complete: ${e instanceof Error ? e.message : String(e)}. Nothing is lost: `
        + "sending again is safe, it carries the same Idempotency-Key."));
      summary.hidden = false;
    } finally {
      pending = false;
      button.disabled = false;
    }
  });
  return form;
}

export const num = (text: string | undefined): number => (text === undefined || text === "" ? Number.NaN : Number(text));
export const opt = (text: string | undefined): string | null => (text ? text : null);
export const optNum = (text: string | undefined): number | null => (text ? Number(text) : null);
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Instants the API accepts for asOf: the picker's local time, as UTC. */
export function instantOf(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}
