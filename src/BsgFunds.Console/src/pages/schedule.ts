// The instalment schedule editor of an agreement or an amendment: rows of due date and amount, added and removed by
// buttons, each input labelled by its row so that a screen reader says which instalment it is.
import type { Schemas } from "../api";
import { append, h, uniqueId } from "../ui";

type Currency = Schemas["Api.Setup.MoneyInput"]["currency"];

export interface ScheduleEditor {
  element: HTMLElement;
  read(currency: string): { dueOn: string; amount: { amount: number; currency: Currency } }[];
}

export function scheduleEditor(legend: string, errorSlot: (key: string) => HTMLElement, first?: { dueOn: string; amount: string }): ScheduleEditor {
  const rows = h("ol", { class: "instalments" });
  const add = (dueOn = "", amount = ""): void => {
    const n = rows.children.length + 1;
    const dateId = uniqueId("due");
    const amountId = uniqueId("instalment");
    const row = h("li", { class: "row" },
      h("div", { class: "field" }, h("label", { for: dateId }, `Instalment ${n} due on`), h("input", { id: dateId, type: "date", name: "dueOn", value: dueOn })),
      h("div", { class: "field" }, h("label", { for: amountId }, `Instalment ${n} amount`),
        h("input", { id: amountId, type: "number", step: "any", name: "instalmentAmount", value: amount })));
    const remove = h("button", { type: "button", class: "secondary", "aria-label": `Remove instalment ${n}` }, "Remove");
    remove.addEventListener("click", () => {
      row.remove();
      renumber();
    });
    append(row, remove);
    rows.appendChild(row);
  };
  const renumber = (): void => {
    [...rows.children].forEach((row, i) => {
      const labels = row.querySelectorAll("label");
      if (labels[0]) labels[0].textContent = `Instalment ${i + 1} due on`;
      if (labels[1]) labels[1].textContent = `Instalment ${i + 1} amount`;
      row.querySelector("button")?.setAttribute("aria-label", `Remove instalment ${i + 1}`);
    });
  };
  add(first?.dueOn, first?.amount);
  const addButton = h("button", { type: "button", class: "secondary" }, "Add an instalment");
  addButton.addEventListener("click", () => {
    add();
    (rows.lastElementChild?.querySelector("input") as HTMLInputElement | null)?.focus();
  });
  const element = h("fieldset", {}, h("legend", {}, legend), rows, errorSlot("instalments"), addButton);
  return {
    element,
    read: (currency) => [...rows.children].map((row) => {
      const inputs = row.querySelectorAll("input");
      return { dueOn: (inputs[0] as HTMLInputElement).value, amount: { amount: Number((inputs[1] as HTMLInputElement).value), currency: currency as Currency } };
    }),
  };
}
