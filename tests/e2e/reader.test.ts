import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolveThresholds, stanceAfterImpact } from '../../src/lib/trends/decision-guide.ts';
import type { SloBudget } from '../../src/lib/trends/budgets.ts';
import { axeViolations, closeSite, openSite, type FixtureSite } from '../support/site.ts';

// The reader's journeys through the fixture site (tests/fixtures/site, Kestrel Energy, built for
// 15 October 2026), in Chromium at a phone's width and a desktop's. Every expected value is worked out
// by hand from the fixture's README.

const TOP_UPS = 'Prepayment top-ups failed for 71 minutes during a database failover';
const SIGN_IN_2025 = 'Customers could not sign in for 42 minutes after a session library upgrade';
const SIGN_IN_2026 = 'Sign-in failed for 34 minutes after the identity provider rotated its keys';
const DEBITS = '3,118 direct debits were collected twice after a retry change';
const BILL_RUN = "The nightly bill run stalled after the winter release and missed the bank's cut-off";
const BILL_EMAILS = 'Bill e-mails arrived up to ten hours late on the first of the month';
/** The results of the search page, sections within a result left out. */
const RESULT_TITLES = '.search-result-title > a';

let site: FixtureSite | undefined;
beforeAll(async () => {
  site = await openSite();
});
afterAll(() => closeSite(site));

async function open(width: number, path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await site!.browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${site!.server.url}${path}`);
  return page;
}

const close = (page: Page) => page.context().close();
const titles = (page: Page) => page.locator(RESULT_TITLES).allTextContents();
const query = (page: Page) => new URL(page.url()).search;

for (const width of [390, 1440]) {
  describe(`the reader's site at ${width} pixels`, () => {
    it('reaches the latest SEV1 from the home page in one click', async () => {
      const page = await open(width, '/');
      // SEV1s: sign-in (4 Mar 2025) and top-ups (15 Apr 2025); the SEV2s' latest is the sign-in of 6 Oct 2026, in review.
      const severe = page.getByRole('region', { name: 'Latest SEV1 and SEV2' });
      expect(await severe.locator('.item-title').allTextContents()).toEqual([TOP_UPS, SIGN_IN_2026]);
      await severe.getByRole('link', { name: TOP_UPS }).click();
      await page.waitForURL(/2025-04-15-prepayment-top-ups-failed-during-a-database-failover\/$/);
      expect(await page.locator('h1').textContent()).toBe(TOP_UPS);
      await close(page);
    });

    it('opens a service’s on-call view in one click from home, and its stance follows the minutes entered', async () => {
      const page = await open(width, '/');
      await page.getByRole('navigation', { name: 'On call? Pick your service' }).getByRole('link', { name: 'Payments API' }).click();
      await page.waitForURL(/\/services\/payments-api\/on-call\/$/);
      expect(await page.locator('h1').textContent()).toBe('On call: Payments API');
      // payment-success, 99.95% over 30 days: 21.6 budget minutes, none spent in the window ending 15 Oct 2026.
      const stance = page.locator('[data-stance]');
      expect(await stance.textContent()).toBe('Hot-fix or investigate');
      expect(await page.locator('[data-deciding]').textContent()).toBe('Payments and top-ups processed without error');
      expect(await page.locator('[data-stance-basis]').textContent()).toBe('100% of its budget left now, from the written post-mortems.');
      expect(await page.locator('.on-call-caveat').textContent()).toContain('The archive cannot know about the incident in progress.');
      // (1 - 0.5) × 21.6 = 10.8 minutes until below 50%; (1 - 0.25) × 21.6 = 16.2 until below 25%.
      const minutes = page.getByLabel('Minutes of impact so far in this incident');
      for (const [entered, expected, left] of [
        ['10.8', 'Hot-fix or investigate', '50%'],
        ['11', 'Prefer a roll-back', '49%'],
        ['16.2', 'Prefer a roll-back', '25%'],
        ['17', 'Roll back first', '21%'],
      ]) {
        await minutes.fill(entered!);
        expect(await stance.textContent(), entered).toBe(expected);
        expect(await page.locator('[data-left-after]').textContent(), entered).toBe(left);
      }
      expect(await page.locator('[data-stance-basis]').textContent()).toBe(
        '21% of its budget left after 17 min of full impact on top of the written post-mortems.',
      );
      await minutes.fill('soon');
      expect(await page.locator('[data-impact-problem]').isVisible()).toBe(true);
      // Who to call and where to look.
      expect(await page.getByRole('region', { name: 'Who to call, where to look' }).textContent()).toContain(
        'Owned by Billing: #billing-oncall.',
      );
      expect(
        await page.locator('.on-call-links a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
      ).toEqual([
        ['Runbook', 'https://wiki.kestrel.example/runbooks/payments-api'],
        ['Dashboard', 'https://grafana.kestrel.example/d/payments'],
        ['Card processor status', 'https://status.cardprocessor.example'],
      ]);
      // Its two post-mortems, newest first, with the decision taken and the time to mitigate.
      expect(await page.locator('.on-call-incidents > li').allInnerTexts()).toEqual([
        expect.stringMatching(
          /^3,118 direct debits were collected twice after a retry change\n[\s\S]*13 Jan 2026[\s\S]*4 h 35 min to mitigate$/,
        ),
        expect.stringMatching(
          /^Prepayment top-ups failed for 71 minutes during a database failover\n[\s\S]*15 Apr 2025[\s\S]*Failover[\s\S]*1 h 11 min to mitigate$/,
        ),
      ]);
      await close(page);
    });

    it('browses every SEV1 or SEV2 incident in search without a word typed', async () => {
      const page = await open(width, '/search/');
      await page.getByText('Severity', { exact: true }).click();
      await page.getByRole('checkbox', { name: /SEV1/ }).check();
      await page.getByRole('checkbox', { name: /SEV2/ }).check();
      await page.getByLabel('Order results by').selectOption('newest');
      await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual([SIGN_IN_2026, DEBITS, TOP_UPS, SIGN_IN_2025, BILL_RUN]);
      expect(await page.locator('.search-message').textContent()).toBe('5 results with severity SEV1 or SEV2');
      expect(query(page)).toBe('?sort=newest&severity=SEV1&severity=SEV2');
      // With no words there is nothing to highlight: each result shows its summary, and no badge text.
      expect(await page.locator('.search-result-excerpt').first().textContent()).toMatch(/^The identity provider /);
      expect(await page.locator('.search-result-excerpt').allTextContents()).not.toContainEqual(expect.stringContaining('(Critical)'));
      await close(page);
    });

    it('links a service chosen in search, or named in the words, to its on-call view', async () => {
      const page = await open(width, '/search/?service=Payments+API');
      await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual([DEBITS, TOP_UPS]);
      const hint = page.locator('[data-service-hint] a');
      expect(await hint.evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
        ['On call for Payments API? Its stance, budgets and contacts', '/services/payments-api/on-call/'],
      ]);
      await page.getByRole('searchbox', { name: 'Search every post-mortem' }).fill('account login');
      await expect
        .poll(() => hint.allTextContents(), { timeout: 15_000 })
        .toEqual([
          'On call for Account Login? Its stance, budgets and contacts',
          'On call for Payments API? Its stance, budgets and contacts',
        ]);
      await hint.first().click();
      await page.waitForURL(/\/services\/account-login\/on-call\/$/);
      // login-success: 1 - 30/43.2 = 30.6% left, between 25% and 50%.
      expect(await page.locator('[data-stance]').textContent()).toBe('Prefer a roll-back');
      await close(page);
    });

    it('restores a filtered search pasted as an address: words, filters, order and results', async () => {
      const page = await open(width, '/search/');
      await page.getByRole('searchbox', { name: 'Search every post-mortem' }).fill('sign-in');
      await page.getByText('Severity', { exact: true }).click();
      await page.getByRole('checkbox', { name: /SEV1/ }).check();
      await page.getByRole('checkbox', { name: /SEV2/ }).check();
      await page.getByLabel('Order results by').selectOption('oldest');
      await expect.poll(() => query(page), { timeout: 15_000 }).toBe('?q=sign-in&sort=oldest&severity=SEV1&severity=SEV2');
      // The SEV1 of March 2025 and the SEV2 of October 2026 mention sign-in; the other severe ones do not.
      await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual([SIGN_IN_2025, SIGN_IN_2026]);
      const pasted = await open(width, `/search/${query(page)}`);
      await expect.poll(() => titles(pasted), { timeout: 15_000 }).toEqual([SIGN_IN_2025, SIGN_IN_2026]);
      expect(await pasted.getByRole('searchbox', { name: 'Search every post-mortem' }).inputValue()).toBe('sign-in');
      // The group stays closed, so the results do not move down; its name says two values are chosen.
      expect(await pasted.locator('.search-filter summary', { hasText: 'Severity' }).textContent()).toBe('Severity (2)');
      expect(
        await pasted.locator('.search-filter input:checked').evaluateAll((boxes) => boxes.map((b) => b.parentElement!.textContent)),
      ).toEqual([' SEV1 (1)', ' SEV2 (1)']);
      expect(await pasted.getByLabel('Order results by').inputValue()).toBe('oldest');
      // A search that arrives in the address puts focus on its results, and the count is announced.
      expect(await pasted.evaluate(() => document.activeElement?.className)).toBe('search-message');
      expect(await pasted.locator('[data-search-status]').textContent()).toBe('2 results for sign-in, with severity SEV1 or SEV2');
      // Each section of a result is shown once.
      for (const result of await pasted.locator('.search-result').all()) {
        const sections = await result
          .locator('.search-sub-result-title a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(new Set(sections).size).toBe(sections.length);
      }
      await close(pasted);
      await close(page);
    });

    for (const address of ['/search/?q=rollback&severity=SEV1&severity=SEV2', '/search/?q=rollback'])
      it(`does not move the search page while filters and results load (${address})`, async () => {
        const context = await site!.browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const shifts: number[] = [];
          (window as unknown as { shifts: number[] }).shifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
              if (!entry.hadRecentInput) shifts.push(entry.value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${site!.server.url}${address}`);
        await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
        await page.waitForTimeout(500);
        const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, v) => sum + v, 0));
        expect(shifted).toBeLessThan(0.05);
        await context.close();
      });

    it('gives words arriving in the address the same results and filter counts as typing them', async () => {
      const counts = (page: import('playwright-core').Page) =>
        page.evaluate(() =>
          Array.from(
            document.querySelectorAll('.search-filter label'),
            (l) => `${(l.textContent ?? '').replace(/\s+/g, ' ').trim()}${(l as HTMLElement).hidden ? ' (hidden)' : ''}`,
          ),
        );
      const arrived = await open(width, '/search/?q=rollback');
      await expect.poll(() => titles(arrived), { timeout: 15_000 }).not.toEqual([]);
      await expect.poll(() => counts(arrived), { timeout: 15_000 }).toContain('SEV1 (1)');
      const typed = await open(width, '/search/');
      await typed.locator('#search-query').fill('rollback');
      await expect.poll(() => titles(typed), { timeout: 15_000 }).toEqual(await titles(arrived));
      await expect.poll(() => counts(typed), { timeout: 15_000 }).toEqual(await counts(arrived));
      await close(arrived);
      await close(typed);
    });

    it('focuses search with /, and Enter opens the first result', async () => {
      const page = await open(width, '/');
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
      await page.keyboard.type('warm-up period');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=warm-up\+period$/);
      await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual([BILL_EMAILS]);
      // On the search page the same keys: / back to the box, Enter to the first result.
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/incidents\/2025-08-01-bill-e-mails-delayed-by-a-sending-limit\/$/);
      // "/" typed into a field is text, not a shortcut.
      await page.getByRole('searchbox', { name: 'Search post-mortems' }).fill('a/b');
      expect(await page.getByRole('searchbox', { name: 'Search post-mortems' }).inputValue()).toBe('a/b');
      await close(page);
    });

    it('keeps the incident list’s filters and order in the address, and lists everything without JavaScript', async () => {
      const page = await open(width, '/incidents/');
      expect(await page.locator('[data-incident-count]').textContent()).toBe('Showing all 11 post-mortems');
      await page.locator('summary', { hasText: 'Severity' }).click();
      await page.getByRole('checkbox', { name: /^SEV1/ }).check();
      await page.getByRole('checkbox', { name: /^SEV2/ }).check();
      await page.getByLabel('Order', { exact: true }).selectOption('ttm-longest');
      expect(query(page)).toBe('?severity=SEV1&severity=SEV2&sort=ttm-longest');
      expect(await page.locator('[data-incident-count]').textContent()).toBe('Showing 5 of 11 post-mortems');
      // 275, 250, 71, 42 and 34 minutes to mitigate.
      const visibleTitles = () => page.locator('table.incidents tbody tr:visible td.lead a').allTextContents();
      expect(await visibleTitles()).toEqual([DEBITS, BILL_RUN, TOP_UPS, SIGN_IN_2025, SIGN_IN_2026]);
      await page.reload();
      expect(await visibleTitles()).toEqual([DEBITS, BILL_RUN, TOP_UPS, SIGN_IN_2025, SIGN_IN_2026]);
      expect(
        await page.locator('input[name="severity"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
      ).toEqual(['SEV1', 'SEV2']);
      expect(await page.locator('summary', { hasText: 'Severity' }).textContent()).toBe('Severity (2)');
      // Filters across groups must all hold: SEV1 or SEV2, and Billing's.
      await page.locator('summary', { hasText: 'Team' }).click();
      await page.getByRole('checkbox', { name: /^Billing/ }).check();
      expect(await visibleTitles()).toEqual([DEBITS, BILL_RUN, TOP_UPS]);
      await close(page);

      // The home page's count of severe incidents links to this list filtered to them: the same 5.
      const home = await open(width, '/');
      expect(await home.locator('.card', { hasText: 'SEV1 and SEV2 incidents in the archive' }).textContent()).toContain('5');
      await home.locator('.card', { hasText: 'SEV1 and SEV2 incidents in the archive' }).getByRole('link').click();
      await home.waitForURL(/\/incidents\/\?severity=SEV1&severity=SEV2&type=incident$/);
      expect(await home.locator('[data-incident-count]').textContent()).toBe('Showing 5 of 11 post-mortems');
      await close(home);

      const plain = await open(width, '/incidents/?severity=SEV1', { javaScriptEnabled: false });
      expect(await plain.locator('table.incidents tbody tr:visible').count()).toBe(11);
      expect(await plain.locator('[data-incident-filters]').isVisible()).toBe(false);
      await close(plain);
    });

    it('keeps start-here progress after a reload, with previous and next from the list', async () => {
      const page = await open(width, '/start-here/teams/billing/');
      await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('0 of 5 read');
      await page.getByRole('link', { name: TOP_UPS }).click();
      await page.waitForURL(/\?list=start-here\/teams\/billing$/);
      const position = page.locator('.list-position.is-current');
      expect(await position.locator('p').first().textContent()).toBe('1 of 5 in Start here: Billing');
      await position.getByRole('button', { name: 'Mark as read' }).click();
      await position.getByRole('link', { name: 'Next →' }).click();
      await page.waitForURL(/\?list=start-here\/teams\/billing$/);
      expect(await page.locator('.list-position.is-current p').first().textContent()).toBe('2 of 5 in Start here: Billing');
      await page.locator('.list-position.is-current').getByRole('link', { name: '← Previous' }).click();
      await page.waitForURL(/2025-04-15-prepayment-top-ups-failed-during-a-database-failover\/\?list=start-here\/teams\/billing$/);
      await page.goto(`${site!.server.url}/start-here/teams/billing/`);
      await page.reload();
      await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('1 of 5 read');
      expect(await page.locator('li.is-read > a').allTextContents()).toEqual([TOP_UPS]);
      // Opened on its own, an incident does not show the generated list's place.
      await page.goto(`${site!.server.url}/incidents/2025-04-15-prepayment-top-ups-failed-during-a-database-failover/`);
      expect(await page.locator('[data-list-position="start-here/teams/billing"]').isVisible()).toBe(false);
      await close(page);
    });

    it('offers a search made of a missing address', async () => {
      const page = await open(width, '/incidents/2025-03-04-sign-in-failed-after-the-library-upgrade/');
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('[data-not-found-offer]').textContent()).toBe(
        'Were you looking for this? Search the archive for “sign in failed after the library upgrade”.',
      );
      await page.locator('[data-not-found-offer] a').click();
      await page.waitForURL(/\/search\/\?q=sign%20in%20failed%20after%20the%20library%20upgrade$/);
      await expect.poll(async () => (await titles(page))[0], { timeout: 15_000 }).toBe(SIGN_IN_2025);
      await close(page);
    });

    for (const colorScheme of ['light', 'dark'] as const)
      it(`has no axe violations on the pages the reader starts from, in ${colorScheme} mode`, async () => {
        const context = await site!.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        const found: Record<string, string[]> = {};
        for (const path of [
          '/',
          '/incidents/?severity=SEV1&sort=severity',
          '/services/payments-api/on-call/',
          '/services/tariff-catalogue/on-call/',
          '/services/customer-portal/',
          '/search/?q=rollback&severity=SEV1',
          '/search/',
          '/start-here/teams/billing/',
          '/start-here/services/meter-ingest/',
          '/no/such/page/',
        ]) {
          await page.goto(`${site!.server.url}${path}`);
          if (path.startsWith('/search/?')) await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
          if (path === '/search/') await page.locator('.search-filter:not(.is-pending)').first().waitFor({ timeout: 15_000 });
          const violations = await axeViolations(page);
          if (violations.length > 0) found[path] = violations;
        }
        expect(found).toEqual({});
        await context.close();
      });
  });
}

describe('the on-call page and the decision guide', () => {
  it('give the same stance for the numbers the page renders, in the browser as in the library', async () => {
    const page = await open(1440, '/services/meter-ingest/on-call/');
    const rendered = await page.locator('[data-slo]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-slo')!,
        name: row.getAttribute('data-slo-name')!,
        left: Number(row.getAttribute('data-left')),
        budgetMinutes: Number(row.getAttribute('data-budget-minutes')),
      })),
    );
    // Both untouched in their windows: 99.9% over 30 days is 43.2 minutes, 99% over 7 days 100.8.
    expect(rendered.map((r) => [r.id, r.left, r.budgetMinutes])).toEqual([
      ['reading-ingest-availability', 1, 43.2],
      ['reading-freshness', 1, 100.8],
    ]);
    const budgets = rendered.map(
      (r) => ({ slo: { id: r.id }, budgetMinutes: r.budgetMinutes, now: { left: r.left } }) as unknown as SloBudget,
    );
    const thresholds = resolveThresholds({ roll_back_below: 25, investigate_from: 50 });
    const minutes = page.getByLabel('Minutes of impact so far in this incident');
    const seen = new Set<string>();
    // 21.6 and 32.4 minutes are where 43.2 falls below 50% and 25%.
    for (const entered of [0, 1, 21.6, 21.61, 32.4, 32.41, 50.4, 75.6, 100.8, 400]) {
      await minutes.fill(String(entered));
      const lib = stanceAfterImpact(budgets, entered, thresholds);
      const name = rendered.find((r) => r.id === lib.deciding!.budget.slo.id)!.name;
      expect(
        [await page.locator('[data-stance]').textContent(), await page.locator('[data-deciding]').textContent()],
        String(entered),
      ).toEqual([lib.stance.label, name]);
      seen.add(lib.stance.label);
    }
    expect([...seen]).toEqual(['Hot-fix or investigate', 'Prefer a roll-back', 'Roll back first']);
    await close(page);
  });
});
