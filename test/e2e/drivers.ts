/**
 * Two ways to drive the same flow: with the pointer (Playwright's role/label locators) and with the
 * keyboard alone (Tab until the field or button has focus, then type, arrow keys, Space or Enter).
 * The keyboard driver reads the DOM only to know where focus is, never to click.
 */
import type { Page } from 'playwright-core';

export interface Driver {
  fill(label: string | RegExp, text: string): Promise<void>;
  select(label: string | RegExp, option: string | RegExp): Promise<void>;
  check(label: string | RegExp): Promise<void>;
  press(button: string | RegExp): Promise<void>;
  follow(link: string | RegExp): Promise<void>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Field labels: exact, allowing Fluent's required marker (" *"). */
export const fieldName = (label: string | RegExp) => (typeof label === 'string' ? new RegExp(`^${escape(label)}( ?\\*)?$`) : label);
const exactName = (name: string | RegExp) => (typeof name === 'string' ? new RegExp(`^${escape(name)}$`) : name);

export function pointerDriver(page: Page): Driver {
  return {
    fill: (label, text) => page.getByLabel(fieldName(label)).first().fill(text),
    async select(label, option) {
      const select = page.getByLabel(fieldName(label)).first();
      await page.waitForFunction(
        ({ source, flags, el }) => {
          const re = new RegExp(source, flags);
          return Array.from((el as HTMLSelectElement).options).some((o) => re.test(o.text));
        },
        { ...toRe(option), el: await select.elementHandle() },
      );
      const value = await select.evaluate((el, { source, flags }) => {
        const re = new RegExp(source, flags);
        return Array.from((el as HTMLSelectElement).options).find((o) => re.test(o.text))!.value;
      }, toRe(option));
      await select.selectOption(value);
    },
    check: (label) => page.getByRole('checkbox', { name: label }).check(),
    press: (button) => page.getByRole('button', { name: exactName(button) }).first().click(),
    follow: (link) => page.getByRole('link', { name: exactName(link) }).first().click(),
  };
}

function toRe(x: string | RegExp): { source: string; flags: string } {
  return typeof x === 'string' ? { source: `^${escape(x)}$`, flags: '' } : { source: x.source, flags: x.flags };
}

/** What the focused element is called, roughly as assistive technology would say it. */
async function focusedName(page: Page): Promise<{ role: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { role: '', name: '' };
    const tag = el.tagName.toLowerCase();
    const input = el as HTMLInputElement;
    const role = el.getAttribute('role') ?? (tag === 'a' ? 'link' : tag === 'button' ? 'button' : tag === 'select' ? 'select' : input.type === 'checkbox' ? 'checkbox' : tag);
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
      (input.labels && input.labels.length ? Array.from(input.labels).map((l) => l.textContent ?? '').join(' ') : null) ??
      el.textContent ??
      '';
    return { role, name: name.replace(/\s+/g, ' ').trim() };
  });
}

export function keyboardDriver(page: Page): Driver {
  async function tabTo(roles: string[], name: RegExp): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const f = await focusedName(page);
      if (roles.includes(f.role) && name.test(f.name)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Could not reach ${roles.join('/')} "${name}" with the Tab key`);
  }
  return {
    async fill(label, text) {
      await page.getByLabel(fieldName(label)).first().waitFor();
      await tabTo(['input', 'textarea', 'textbox'], fieldName(label));
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    },
    async select(label, option) {
      await page.getByLabel(fieldName(label)).first().waitFor();
      await tabTo(['select', 'combobox'], fieldName(label));
      const { source, flags } = toRe(option);
      const re = new RegExp(source, flags);
      await page.keyboard.press('Home');
      for (let i = 0; i < 200; i++) {
        const text = await page.evaluate(() => {
          const s = document.activeElement as HTMLSelectElement;
          return s.options[s.selectedIndex]?.text ?? '';
        });
        if (re.test(text)) return;
        await page.keyboard.press('ArrowDown');
        // Options load asynchronously (e.g. search results): give them a moment at the end of the list.
        if (i % 20 === 19) await page.waitForTimeout(100);
      }
      throw new Error(`No option ${option} in ${label}`);
    },
    async check(label) {
      await page.getByRole('checkbox', { name: label }).waitFor();
      await tabTo(['checkbox'], typeof label === 'string' ? new RegExp(escape(label)) : label);
      await page.keyboard.press('Space');
    },
    async press(button) {
      await page.getByRole('button', { name: exactName(button) }).first().waitFor();
      await tabTo(['button'], exactName(button));
      await page.keyboard.press('Enter');
    },
    async follow(link) {
      await page.getByRole('link', { name: exactName(link) }).first().waitFor();
      await tabTo(['link'], exactName(link));
      await page.keyboard.press('Enter');
    },
  };
}
