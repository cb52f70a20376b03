import { expect, test } from '@playwright/test';
import { addInspel, cellList, center, dragTo, inspel, itemPoint, listTexts, openApp } from './helpers';

test.use({ hasTouch: true });

test('a finger drags an item from Inspel into a cell', async ({ page }) => {
  await openApp(page);
  const text = 'Mobila team i nära vård';
  await addInspel(page, text);
  const target = cellList(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026');
  const from = await center(inspel(page).getByRole('button', { name: new RegExp(text) }));
  const anchor = await itemPoint(target.getByRole('button').first());
  // Past the cell's only item towards the hub, still inside the cell (its rings are as thick as what they hold).
  const to = await page.evaluate(
    ({ anchor, key }) => {
      // The hub's half disc stands on the fan's centre.
      const hub = document.querySelector('svg.fan .hub')!.getBoundingClientRect();
      const centre = { x: hub.x + hub.width / 2, y: hub.bottom };
      const len = Math.hypot(centre.x - anchor.x, centre.y - anchor.y);
      for (let d = 20; d < 200; d += 4) {
        const p = { x: anchor.x + ((centre.x - anchor.x) / len) * d, y: anchor.y + ((centre.y - anchor.y) / len) * d };
        const hit = document.elementFromPoint(p.x, p.y);
        if (hit?.closest(`[data-cell="${key}"]`) && !hit.closest('.fan-item')) return p;
      }
      throw new Error('no room past the item in its cell');
    },
    { anchor, key: 'halsoframjande|r2026' },
  );

  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', from.x, from.y);
  for (let i = 1; i <= 20; i++) await touch('touchMove', from.x + ((to.x - from.x) * i) / 20, from.y + ((to.y - from.y) * i) / 20);
  await touch('touchEnd', to.x, to.y);

  await expect.poll(() => listTexts(target)).toEqual(['Hälsofrämjande insatser är tydligt prioriterade i budget och verksamhetsplan', text]);
  await expect(inspel(page).getByRole('button')).toHaveCount(0);
});

test('an item dragged from a cell back to Inspel, and to another cell', async ({ page }) => {
  await openApp(page);
  const source = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  const item = source.getByRole('button', { name: /Plan för resursomfördelning/ });
  const dropArea = page.locator('.inspel-drop');
  await dragTo(page, await itemPoint(item), await center(dropArea));
  await expect.poll(() => listTexts(inspel(page))).toEqual(['Plan för resursomfördelning och förstärkning till nära vård klar']);
  expect(await listTexts(source)).toHaveLength(2);

  const other = cellList(page, 'Ledarskap och kompetensförsörjning', 'Önskad målbild 2027');
  const first = await itemPoint(other.getByRole('button').first());
  const second = await itemPoint(other.getByRole('button').nth(1));
  await dragTo(page, await center(inspel(page).getByRole('button').first()), {
    x: (first.x + second.x) / 2,
    y: (first.y + second.y) / 2,
  });
  await expect.poll(() => listTexts(other)).toEqual([
    'Tydligt invånarfokus hos medarbetare och chefer',
    'Plan för resursomfördelning och förstärkning till nära vård klar',
    'Vi leder med delaktighet och beslut nära berörd verksamhet',
    'Tillit och ansvar bär ledarskap och medarbetarskap',
    'Stärkt attraktionskraft genom kompetensförsörjning baserad på framtidens villkor',
  ]);
});
