// What a screen reader is given: the browser's own accessibility tree, built in full as when an
// assistive technology is attached (other specs read the page through Playwright's roles).
import { expect, test, type Page } from '@playwright/test';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--force-renderer-accessibility'],
  },
});

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

/** The texts the browser's own accessibility tree (what a screen reader is given) holds in the list named `name`. */
async function textsInList(page: Page, name: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const list = nodes.find((n) => !n.ignored && n.role?.value === 'list' && n.name?.value === name);
  const texts: string[] = [];
  const walk = (node: AxNode | undefined) => {
    if (!node) return;
    if (!node.ignored && node.role?.value === 'StaticText') texts.push(node.name?.value ?? '');
    for (const id of node.childIds ?? []) walk(byId.get(id));
  };
  walk(list);
  return texts;
}

test("the items folded behind '+N till' — never laid out or painted — are read in their cell's list, numbered, also after a move renumbers them", async ({ page }) => {
  await page.goto('/?automation');
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'En sammanhållen hälso- och sjukvård: fäll ut' }).press('Enter');
  const name = 'Ledarskap och kompetensförsörjning, Viktiga milstolpar 2025';
  const list = page.getByRole('list', { name, exact: true });
  const folded = list.locator('.folded-item');
  await expect(folded).not.toHaveCount(0);
  const words = 'Koncerngemensam utveckling av kommunikativt ledarskap';
  const number = async () => Number(((await folded.filter({ hasText: words }).textContent()) ?? '').split('.')[0]);
  const before = await number();
  await expect.poll(async () => (await textsInList(page, name)).join('')).toContain(`${before}.\u00a0${words}`);

  // Another item moved to the top of the cell: the folded item is read with its new number.
  await page.evaluate(() => {
    const hook = (window as unknown as { __solfjadern: { editor: { getState(): { doc: { items: Record<string, { id: string; text: string; cell: { bladeId: string; ringId: string } | null }> } } }; actions: { moveItem(id: string, to: { bladeId: string; ringId: string }, index: number): void } } }).__solfjadern;
    const items = Object.values(hook.editor.getState().doc.items);
    const target = items.find((i) => i.text.startsWith('Koncerngemensam utveckling av kommunikativt ledarskap'))!.cell!;
    const other = items.find((i) => i.cell && i.cell.bladeId !== target.bladeId)!;
    hook.actions.moveItem(other.id, target, 0);
  });
  await expect.poll(number).toBe(before + 1);
  await expect.poll(async () => (await textsInList(page, name)).join('')).toContain(`${before + 1}.\u00a0${words}`);
});
