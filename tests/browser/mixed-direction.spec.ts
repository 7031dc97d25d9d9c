import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseLanguage, logIn, shootWithoutHeader, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// What the page functions below use of the browser (this project's browser tests are typed without the DOM).
type TextNode = { data: string };
type Browser = {
  document: {
    createTreeWalker: (root: unknown, show: number) => { nextNode: () => TextNode | null };
    createRange: () => {
      setStart: (n: TextNode, o: number) => void;
      setEnd: (n: TextNode, o: number) => void;
      getBoundingClientRect: () => { left: number; width: number };
    };
  };
  getComputedStyle: (element: unknown) => Record<string, string>;
};
const SHOW_TEXT = 4;

/** Where on the screen the first and the last character of an element's text are drawn. */
async function endsOf(locator: Locator): Promise<{ first: number; last: number }> {
  return locator.evaluate((element, show) => {
    const { document } = globalThis as unknown as Browser;
    const walker = document.createTreeWalker(element, show);
    const texts: TextNode[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    const at = (node: TextNode, offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const box = range.getBoundingClientRect();
      return box.left + box.width / 2;
    };
    const tail = texts[texts.length - 1]!;
    return { first: at(texts[0]!, 0), last: at(tail, tail.data.length - 1) };
  }, SHOW_TEXT);
}

async function styleOf(locator: Locator, property: 'direction' | 'textAlign'): Promise<string> {
  return locator.evaluate(
    (element, name) => (globalThis as unknown as Browser).getComputedStyle(element)[name] ?? '',
    property,
  );
}

async function openRow(page: Page, caseId: string): Promise<Locator> {
  const row = page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`).first();
  await expect(row).toBeVisible();
  return row;
}

test('a Latin subject in an Arabic row and an Arabic subject in an English row keep their own direction', async ({
  page,
  request,
}) => {
  const write = async (name: string, email: string, subject: string, body: string) => {
    const created = await request.post(`/api/v1/portal/${staff().slug}/requests`, {
      data: { name, email, subject, body },
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { reference: string }).reference;
  };
  // An Arabic-speaking customer writing in English, and an English name writing in Arabic.
  const latinSubject = 'Order 48213: "Soundbar S2" stopped working?';
  const arabicSubject = 'لا يعمل "Soundbar S2" بعد التحديث؟';
  const latinRef = await write(
    'ليلى حداد',
    `layla-${Date.now()}@example.com`,
    latinSubject,
    'My soundbar stopped working after the update, what can I do?',
  );
  const arabicRef = await write(
    'Emily Carter',
    `emily-${Date.now()}@example.com`,
    arabicSubject,
    'توقف مكبر الصوت عن العمل بعد التحديث، ماذا أفعل؟',
  );

  await logIn(page, staff().admin.email);
  const idOf = async (reference: string) => {
    const found = (await (await page.request.get(`/api/v1/cases?view=all&q=${reference}`)).json()) as {
      cases: Array<{ id: string }>;
    };
    return found.cases[0]!.id;
  };
  const latinId = await idOf(latinRef);
  const arabicId = await idOf(arabicRef);

  await page.goto('/app/queues/unanswered');
  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const latinRow = await openRow(page, latinId);
  const subject = latinRow.locator('[data-user-text]').filter({ hasText: 'Soundbar' }).first();
  await expect(subject).toHaveAttribute('dir', 'auto');
  expect(await styleOf(subject, 'direction')).toBe('ltr');
  // "Order…" starts on the left and its question mark ends on the right, inside a right-to-left row;
  // without isolation the "?" and the quotes jump to the far (left) end.
  const latinEnds = await endsOf(subject);
  expect(latinEnds.last).toBeGreaterThan(latinEnds.first);
  // …and stays aligned with its column's right-hand start, like the header above it.
  expect(await styleOf(subject, 'textAlign')).toBe('right');
  // The customer's Arabic name is isolated from the Latin around it.
  await expect(latinRow.locator('bdi', { hasText: 'ليلى حداد' })).toHaveCount(1);
  await latinRow.scrollIntoViewIfNeeded();
  await shootWithoutHeader(latinRow, path.join(SHOTS, 'mixed-direction-row-ar.png'));

  await chooseLanguage(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const arabicRow = await openRow(page, arabicId);
  const arabicSubjectCell = arabicRow.locator('[data-user-text]').filter({ hasText: 'Soundbar' }).first();
  expect(await styleOf(arabicSubjectCell, 'direction')).toBe('rtl');
  const arabicEnds = await endsOf(arabicSubjectCell);
  expect(arabicEnds.last).toBeLessThan(arabicEnds.first);
  // The column stays aligned with its header: the Arabic line is not pushed to the far side.
  expect(await styleOf(arabicSubjectCell, 'textAlign')).toBe('left');
  await arabicRow.scrollIntoViewIfNeeded();
  await shootWithoutHeader(arabicRow, path.join(SHOTS, 'mixed-direction-row-en.png'));

  // A sentence of the interface with a name of the other direction inside ("Emily Carter wrote via
  // the portal", in Arabic): the name is isolated, so the sentence's words keep their order.
  await chooseLanguage(page, 'ar');
  await page.goto(`/app/cases/${arabicId}`);
  const message = page.locator('[data-testid="timeline-item"][data-kind^="message"]').first();
  await expect(message).toBeVisible();
  expect(await message.innerText()).toContain('\u2068Emily Carter\u2069');
});
