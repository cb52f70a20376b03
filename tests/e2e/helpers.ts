import { expect, type Download, type Locator, type Page } from '@playwright/test';

export const cellList = (page: Page, blade: string, ring: string) =>
  page.getByRole('list', { name: `${blade}, ${ring}`, exact: true });

export const inspel = (page: Page) => page.getByRole('list', { name: 'Inspel', exact: true });

/** Item texts of a list, in order, as read out (the name carries "N. text"). */
export async function listTexts(list: Locator): Promise<string[]> {
  const labels = await list.getByRole('button').evaluateAll((els) =>
    els.map((e) => {
      const clone = e.cloneNode(true) as Element;
      clone.querySelectorAll('[aria-hidden="true"], defs, title').forEach((n) => n.remove());
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
  return labels.map((l) => l.replace(/^\d+\.\s*/, '').replace(/ \(stryks\)$/, '').replace(/ \(extra\)$/, ''));
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  // Drawn, and laid out again once the Swedish dictionary is in (items move then: click after).
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
}

export async function addInspel(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Nytt inspel' }).click();
  await page.getByLabel('Text för nytt inspel').fill(text);
  await page.getByRole('button', { name: 'Lägg till' }).click();
  await page.getByRole('button', { name: 'Stäng', exact: true }).click();
  await expect(inspel(page).getByRole('button', { name: new RegExp(text) })).toBeVisible();
}

export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no bounding box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A pointer drag the way a person does it: press, move in steps, release (`over`: checks made over the target before the release). */
export async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, over?: () => Promise<void>): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.move(to.x + 1, to.y, { steps: 2 });
  await over?.();
  await page.mouse.up();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByText(/^Sparad \d/)).toBeVisible();
}

/**
 * A point inside an item's clickable area in the fan. Items on arcs have bounding boxes
 * whose centre lies outside the item, so sample the hit shape itself.
 */
export async function itemPoint(item: Locator): Promise<{ x: number; y: number }> {
  return item.evaluate((el) => {
    const hit = el.querySelector<SVGPathElement>('path.item-hit');
    if (!hit) {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    const box = hit.getBBox();
    const ctm = hit.getScreenCTM()!;
    const svg = hit.ownerSVGElement!;
    const inside: Array<{ x: number; y: number }> = [];
    for (let i = 1; i < 24; i++)
      for (let j = 1; j < 24; j++) {
        const p = svg.createSVGPoint();
        p.x = box.x + (box.width * i) / 24;
        p.y = box.y + (box.height * j) / 24;
        if (hit.isPointInFill(p)) inside.push({ x: p.x, y: p.y });
      }
    if (inside.length === 0) throw new Error('item has no clickable area');
    // The sample nearest the middle of all inside samples.
    const mx = inside.reduce((s, p) => s + p.x, 0) / inside.length;
    const my = inside.reduce((s, p) => s + p.y, 0) / inside.length;
    inside.sort((a, b) => Math.hypot(a.x - mx, a.y - my) - Math.hypot(b.x - mx, b.y - my));
    const best = inside[0]!;
    const p = svg.createSVGPoint();
    p.x = best.x;
    p.y = best.y;
    const q = p.matrixTransform(ctm);
    return { x: q.x, y: q.y };
  });
}

export async function clickItem(page: Page, item: Locator): Promise<void> {
  const p = await itemPoint(item);
  await page.mouse.click(p.x, p.y);
}

/** Press Tab until `target` has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Choose an entry of the "Exportera" menu and wait for its download. */
export async function exportVia(page: Page, entry: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menu', { name: 'Exportera' }).getByRole('menuitem', { name: entry, exact: true }).click();
  return download;
}

/**
 * Lift the focused item with Space, as a keyboard user does: dnd-kit's keyboard sensor starts
 * listening for arrow keys on the task after the lift, so wait for the announcement and then
 * for that task (not a fixed time).
 */
export async function liftWithKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Space');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText('Lyfte');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** The "Versioner" dialog, from the toolbar. */
export async function versionsDialog(page: Page) {
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Versioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Versioner' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Save the plan as a version named `name`, then change the first item of "Nära invånaren, Önskad målbild 2027" to `edit`. */
export async function saveVersionThenEdit(page: Page, name: string, edit: string): Promise<void> {
  const dialog = await versionsDialog(page);
  await dialog.getByLabel('Namn på versionen').fill(name);
  await dialog.getByRole('button', { name: 'Spara version' }).click();
  await expect(dialog.getByRole('list', { name: 'Sparade versioner' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await clickItem(page, cellList(page, 'Nära invånaren', 'Önskad målbild 2027').getByRole('button').first());
  const item = page.getByRole('dialog', { name: 'Aktivitet' });
  await item.getByLabel('Text').fill(edit);
  await item.getByRole('button', { name: 'Spara' }).click();
  await expect(item).toBeHidden();
}

/** "Fokusområden och ringar", from the toolbar's "Plan" menu. */
export async function openPlanSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Fokusområden och ringar' }).click();
}
