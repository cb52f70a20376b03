import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';
import { addInspel, cellList, clickItem, exportVia, inspel, listTexts, openApp, waitSaved } from './helpers';

type Hook = { actions: { addItem: (t: string) => string | null } };

test('reload in the middle of a burst of 50 quick edits keeps every edit whose action returned', async ({ page }) => {
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  const returned = await page.evaluate(() => {
    const hook = (window as unknown as { __solfjadern: Hook }).__solfjadern;
    const done: string[] = [];
    for (let i = 0; i < 50; i++) if (hook.actions.addItem(`Snabbt inspel ${i + 1}`)) done.push(`Snabbt inspel ${i + 1}`);
    // Reload at once: no IndexedDB write of this burst has had a chance to finish.
    location.reload();
    return done;
  });
  expect(returned).toHaveLength(50);
  await expect(page.locator('svg.fan')).toBeVisible();
  await expect.poll(() => listTexts(inspel(page))).toEqual(returned);
});

type BurstHook = {
  actions: { addItem: (t: string) => string | null };
  editor: { getState: () => { doc: { plan: Record<string, unknown>; items: Record<string, { text: string }> } } };
  openNewDoc: (doc: unknown) => Promise<void>;
};

/** Open an empty plan (a copy of the open one's frame), add 200 items 1–5 ms apart, and return their texts. */
async function burst(page: Page, run: number): Promise<string[]> {
  return page.evaluate(async (run) => {
    const hook = (window as unknown as { __solfjadern: BurstHook }).__solfjadern;
    const plan = { ...hook.editor.getState().doc.plan, id: crypto.randomUUID(), name: `Skur ${run}` };
    await hook.openNewDoc({ plan, items: {} });
    const texts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const text = `Skur ${run}: punkt ${i + 1}`;
      if (hook.actions.addItem(text)) texts.push(text);
      await new Promise((r) => setTimeout(r, 1 + (i % 5)));
    }
    return texts;
  }, run);
}

const planTexts = (page: Page) =>
  page.evaluate(() => Object.values((window as unknown as { __solfjadern: BurstHook }).__solfjadern.editor.getState().doc.items).map((i) => i.text).sort());

test('a burst of 200 edits 1–5 ms apart, then an instant reload or a closed tab: every item on screen is kept (20 runs)', async ({ context }) => {
  test.setTimeout(240_000);
  let page = await context.newPage();
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  for (let run = 1; run <= 20; run++) {
    const texts = await burst(page, run);
    expect(texts).toHaveLength(200);
    if (run % 2 === 0) {
      // The tab closes the moment the burst ends; a new one opens the plan.
      await page.close({ runBeforeUnload: false });
      page = await context.newPage();
      await page.goto('/?automation');
    } else {
      await page.evaluate(() => location.reload());
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Skur ${run}`);
    await expect.poll(() => planTexts(page), { message: `run ${run}` }).toEqual([...texts].sort());
  }
});

test('two tabs: a blade removed in one while the other moves an item into it — the item is back in Inspel in both, and stored', async ({ context }) => {
  type RaceHook = {
    actions: { removeBlade: (id: string) => void; moveItem: (id: string, to: { bladeId: string; ringId: string }, index: number) => void };
    editor: { getState: () => { doc: { plan: { blades: Array<{ id: string }> }; items: Record<string, { id: string; text: string; cell: { bladeId: string } | null }> } } };
  };
  const open = async () => {
    const page = await context.newPage();
    await page.goto('/?automation');
    await expect(page.locator('svg.fan')).toBeVisible();
    return page;
  };
  const a = await open();
  const b = await open();
  const moving = await b.evaluate(() => {
    const doc = (window as unknown as { __solfjadern: RaceHook }).__solfjadern.editor.getState().doc;
    return Object.values(doc.items).find((i) => i.cell?.bladeId === 'nara-invanaren')!;
  });
  await Promise.all([
    a.evaluate(() => (window as unknown as { __solfjadern: RaceHook }).__solfjadern.actions.removeBlade('ledarskap')),
    b.evaluate((id) => (window as unknown as { __solfjadern: RaceHook }).__solfjadern.actions.moveItem(id, { bladeId: 'ledarskap', ringId: 'r2026' }, 0), moving.id),
  ]);
  const placedWell = (page: Page) =>
    page.evaluate(() => {
      const doc = (window as unknown as { __solfjadern: RaceHook }).__solfjadern.editor.getState().doc;
      const blades = new Set(doc.plan.blades.map((x) => x.id));
      const items = Object.values(doc.items);
      return { count: items.length, misplaced: items.filter((i) => i.cell && !blades.has(i.cell.bladeId)).length, ledarskap: blades.has('ledarskap') };
    });
  for (const page of [a, b]) {
    await expect.poll(() => placedWell(page)).toEqual({ count: EXAMPLE_ITEM_COUNT, misplaced: 0, ledarskap: false });
    await expect(inspel(page).getByText(moving.text, { exact: true })).toBeVisible();
  }
  await waitSaved(a);
  await waitSaved(b);
  await a.reload();
  await expect(a.locator('svg.fan')).toBeVisible();
  await expect.poll(() => placedWell(a)).toEqual({ count: EXAMPLE_ITEM_COUNT, misplaced: 0, ledarskap: false });
  await expect(inspel(a).getByText(moving.text, { exact: true })).toBeVisible();
});

test('two tabs typing into the same item ~20 times a second each: afterwards both tabs and storage show the same, latest text', async ({ context }) => {
  test.setTimeout(90_000);
  type TypeHook = {
    actions: { updateItem: (id: string, patch: { text: string }) => void };
    editor: { getState: () => { doc: { items: Record<string, { id: string; text: string; cell: unknown }> } } };
  };
  const open = async () => {
    const page = await context.newPage();
    await page.goto('/?automation');
    await expect(page.locator('svg.fan')).toBeVisible();
    return page;
  };
  const [a, b] = [await open(), await open()];
  const id = await a.evaluate(() => Object.values((window as unknown as { __solfjadern: TypeHook }).__solfjadern.editor.getState().doc.items).find((i) => i.cell)!.id);
  const type = (page: Page, who: string) =>
    page.evaluate(
      async ({ id, who }) => {
        const hook = (window as unknown as { __solfjadern: TypeHook }).__solfjadern;
        for (let i = 0; i < 160; i++) {
          hook.actions.updateItem(id, { text: `${who} skriver ${i}` });
          await new Promise((r) => setTimeout(r, 40 + Math.random() * 20));
        }
      },
      { id, who },
    );
  await Promise.all([type(a, 'A'), type(b, 'B')]);
  const textIn = (page: Page) => page.evaluate((id) => (window as unknown as { __solfjadern: TypeHook }).__solfjadern.editor.getState().doc.items[id]!.text, id);
  await waitSaved(a);
  await waitSaved(b);
  // What storage holds: a third tab reads it.
  const c = await open();
  const stored = await textIn(c);
  expect(stored).toMatch(/^[AB] skriver \d+$/);
  await expect.poll(() => textIn(a)).toBe(stored);
  await expect.poll(() => textIn(b)).toBe(stored);
});

test('a burst typed by a scribe survives an immediate reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Nytt inspel' }).click();
  const field = page.getByLabel('Text för nytt inspel');
  const texts = Array.from({ length: 50 }, (_, i) => `Förslag ${i + 1}`);
  for (const t of texts) {
    await field.fill(t);
    await field.press('Enter');
  }
  await page.reload();
  await expect.poll(() => listTexts(inspel(page))).toEqual(texts);
});

async function editText(page: Page, from: string, to: string) {
  await clickItem(page, page.getByRole('button', { name: new RegExp(from) }).first());
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByLabel('Text').fill(to);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
}

test('two tabs: edits show up in the other tab; different items both survive; the later edit of one item wins, and the user is told', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await openApp(b);

  // An edit in A shows up in B.
  await editText(a, 'Implementering av nytt ledningssystem', 'Nytt ledningssystem infört');
  await expect(b.getByRole('button', { name: /Nytt ledningssystem infört/ })).toBeVisible();

  // Different items at the same time: both survive.
  await Promise.all([
    editText(a, 'Ökat erfarenhetsutbyte mellan ledare', 'Erfarenhetsutbyte mellan ledare i hela regionen'),
    editText(b, 'Växeltjänster mellan förvaltningar', 'Växeltjänstgöring mellan förvaltningar'),
  ]);
  for (const page of [a, b]) {
    await expect(page.getByRole('button', { name: /Erfarenhetsutbyte mellan ledare i hela regionen/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Växeltjänstgöring mellan förvaltningar/ })).toBeVisible();
  }

  // The same item: A edits, then B edits later. B's edit wins everywhere and A is told.
  await editText(a, 'FoUUI-plan för hela VGR beslutad', 'FoUUI-plan beslutad (A)');
  await expect(b.getByRole('button', { name: /FoUUI-plan beslutad \(A\)/ })).toBeVisible();
  await editText(b, 'FoUUI-plan beslutad \\(A\\)', 'FoUUI-plan beslutad (B)');
  await expect(a.getByRole('button', { name: /FoUUI-plan beslutad \(B\)/ })).toBeVisible();
  await expect(a.getByRole('status').filter({ hasText: 'Din ändring av texten (”FoUUI-plan beslutad (A)”) ersattes av en ändring i en annan flik: ”FoUUI-plan beslutad (B)” gäller nu.' })).toBeVisible();

  await a.reload();
  await expect(a.getByRole('button', { name: /FoUUI-plan beslutad \(B\)/ })).toBeVisible();
  await expect(a.getByRole('button', { name: /Växeltjänstgöring mellan förvaltningar/ })).toBeVisible();
});

test('storage full: said in Swedish, work kept in memory, JSON export offered, saved when space returns', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const w = window as unknown as { __realPut?: unknown };
    w.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Lagringen är full', 'QuotaExceededError');
    };
  });
  await addInspel(page, 'Får inte försvinna');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Lagringsutrymmet i webbläsaren är fullt');
  await expect(inspel(page).getByRole('button', { name: /Får inte försvinna/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Exportera JSON' }).click();
  const file = await (await download).path();
  const json = JSON.parse(readFileSync(file!, 'utf8'));
  expect(json.format).toBe('solfjadern-plan');
  expect(json.items.map((i: { text: string }) => i.text)).toContain('Får inte försvinna');

  // Space is back: the kept change is written on the next try.
  await page.evaluate(() => {
    const w = window as unknown as { __realPut: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__realPut;
  });
  await waitSaved(page);
  await page.reload();
  await expect(inspel(page).getByRole('button', { name: /Får inte försvinna/ })).toBeVisible();
});

test('no IndexedDB (private mode): the app says so, works in memory and offers JSON export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Webbläsaren låter inte Solfjädern spara');
  await expect(page.getByText('Sparas inte – exportera JSON')).toBeVisible();
  expect(await listTexts(cellList(page, 'Nära invånaren', 'Önskad målbild 2027'))).toEqual([
    'Nära vård är invånarens självklara ingång till vården',
  ]);
  await page.getByRole('alert').getByRole('button', { name: 'Stäng meddelandet' }).click();
  await addInspel(page, 'Bara i minnet');
  const download = await exportVia(page, 'JSON');
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(json.items.map((i: { text: string }) => i.text)).toContain('Bara i minnet');
});

test('when the page cannot be drawn, it says so and offers "Exportera JSON" and a reload — never a blank page', async ({ page }) => {
  page.on('pageerror', () => {});
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  // A plan the screen cannot draw (no blades at all).
  await page.evaluate(() => (window as unknown as { __solfjadern: { editor: { setState: (s: unknown) => void } } }).__solfjadern.editor.setState({ doc: { plan: { id: 'x', name: 'Trasig' }, items: {} } }));
  await expect(page.getByRole('heading', { name: 'Solfjädern kunde inte visa planen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exportera JSON' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ladda om sidan' })).toBeVisible();
});
