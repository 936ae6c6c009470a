// Every page type in every language: no serious or critical axe violation
// (WCAG 2.1 A/AA), valid HTML (Nu HTML Checker), nothing wider than a
// 360 px phone, screenshots at 360 and 1280 px; and the keyboard alone is
// enough, with a visible focus.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BASE, ADMIN as ACCOUNT, LANGS, ARTIFACTS, PDF, launch, context, signIn, tempFile, axeViolations, describeViolations, assertNoHorizontalOverflow, screenshot, waitForMail, linkIn } from "./lib.mjs";

let browser;
/// The path of a live reply link (after the language): an editor forwards
/// the demo deal that is still new, and the link is read from the
/// provider's e-mail. (Not a fresh inquiry: with the journeys, the suite
/// would pass the per-address inquiry limit.)
let replyPath;
/// The paths of a live alert confirmation and refusal link, read from the
/// confirmation e-mail of an alert asked for here.
let confirmPath;
let stopPath;
before(async () => {
  browser = await launch();
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await signIn(page);
  await page.goto(`${BASE}/admin/deals?stage=new`);
  await Promise.all([page.waitForURL(/\/admin\/deals\/\d+$/), page.locator("table.deals-table tbody tr", { hasText: "Sample Livestock Cooperative" }).locator("a").first().click()]);
  await Promise.all([page.waitForURL(/flash=deal-moved/), page.locator("form[action$='/forward'] button[type=submit]").click()]);
  const mail = await waitForMail("denghua@scbiogas.example.org", /Sample Livestock Cooperative/);
  replyPath = new URL(linkIn(mail, "/reply/")).pathname.replace(/^\/[^/]+/, "");
  const follower = "quality.alerts@example.org";
  await page.goto(`${BASE}/en/alerts?topic=needs`);
  await page.locator("#frequency-weekly").check();
  await page.locator("#email").fill(follower);
  await Promise.all([page.waitForURL(/\/alerts\/sent/), page.locator("main form button[type=submit]").click()]);
  const confirmMail = await waitForMail(follower, /confirm/i);
  confirmPath = new URL(linkIn(confirmMail, "/alerts/confirm/")).pathname.replace(/^\/[^/]+/, "");
  stopPath = new URL(linkIn(confirmMail, "/alerts/unsubscribe/")).pathname.replace(/^\/[^/]+/, "");
  await ctx.close();
});
after(async () => { await browser?.close(); });

const RICE = "hybrid-rice-varieties-and-high-yield-cultivation-for-tropical-paddy-fields";

/// Page types: name, how to reach it from a fresh page (path, or a function).
const PUBLIC = [
  ["home", "/"],
  ["catalogue", "/technologies"],
  ["catalogue-results", "/technologies?q=rice&field=agriculture"],
  ["catalogue-empty", "/technologies?q=zzzqqq"],
  ["technology", `/technologies/${RICE}`],
  ["inquiry-errors", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/technologies/${RICE}`);
    await Promise.all([page.waitForEvent("load"), page.locator("#inquiry form button[type=submit]").click()]);
  }],
  ["needs", "/needs"],
  ["need", "/needs/high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang"],
  ["need-form-errors", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/needs/new`);
    await Promise.all([page.waitForEvent("load"), page.locator("main form button[type=submit]").click()]);
  }],
  ["events", "/events"],
  ["event", "/events/jakarta-technology-matchmaking-agriculture-and-new-energy"],
  ["news", "/news"],
  ["news-item", "/news/china-and-asean-launch-special-action-to-transfer-1000-technologies"],
  ["programme", "/programme"],
  ["fellows", "/programme/fellows"],
  ["fellow", "/programme/fellows/nguyen-thi-lan"],
  ["apply", "/programme/apply"],
  ["apply-errors", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/programme/apply`);
    await Promise.all([page.waitForEvent("load"), page.locator("form[enctype='multipart/form-data'] button[type=submit]:not([value=save])").click()]);
  }],
  ["apply-draft-saved", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/programme/apply`);
    await page.locator("#email").fill(`quality.draft.${lang}@example.org`);
    await Promise.all([page.waitForEvent("load"), page.locator("button[value=save]").click()]);
  }],
  ["apply-draft-resumed", async (page, lang) => {
    const mail = await waitForMail(`quality.draft.${lang}@example.org`, /./);
    await page.goto(linkIn(mail, "/programme/apply?draft="));
  }],
  ["apply-draft-refused", "/programme/apply?draft=1.abc.99999999999.00"],
  ["referee-refused", "/programme/referee?token=1.letter.99999999999.00"],
  ["status-link-refused", "/programme/status?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
  ["status", "/programme/status"],
  ["status-not-found", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/programme/status`);
    await page.locator("#reference").fill("ATS-2027-AAAAA-BBBBB");
    await page.locator("#email").fill("nobody@example.org");
    await Promise.all([page.waitForEvent("load"), page.locator("main form button[type=submit]").click()]);
  }],
  ["about", "/about"],
  ["privacy", "/privacy"],
  ["api", "/api"],
  ["reply", (page, lang) => page.goto(`${BASE}/${lang}${replyPath}`)],
  ["reply-errors", async (page, lang) => {
    await page.goto(`${BASE}/${lang}${replyPath}`);
    await Promise.all([page.waitForEvent("load"), page.locator("main form button[type=submit]").click()]);
  }],
  ["reply-refused", "/reply/1.abc.99999999999.00"],
  ["reply-done", "/reply/done"],
  ["need-interest", "/needs/high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang/interest"],
  ["need-interest-errors", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/needs/high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang/interest`);
    await Promise.all([page.waitForEvent("load"), page.locator("main form button[type=submit]").click()]);
  }],
  ["alerts", "/alerts?topic=technologies&filters=q%3Drice%26field%3Dagriculture"],
  ["alerts-errors", async (page, lang) => {
    await page.goto(`${BASE}/${lang}/alerts?topic=needs`);
    await Promise.all([page.waitForEvent("load"), page.locator("main form button[type=submit]").click()]);
  }],
  ["alerts-sent", "/alerts/sent"],
  ["alerts-confirm", (page, lang) => page.goto(`${BASE}/${lang}${confirmPath}`)],
  ["alerts-confirm-refused", "/alerts/confirm/1.abc.99999999999.00"],
  ["alerts-unsubscribe", (page, lang) => page.goto(`${BASE}/${lang}${stopPath}`)],
  ["alerts-unsubscribe-refused", "/alerts/unsubscribe/1.abc.99999999999.00"],
  ["search-results", "/search?q=solar"],
  ["search-empty", "/search?q=zzzqqq"],
  ["not-found", "/no-such-page"],
];

const ADMIN = [
  ["admin-dashboard", "/admin/"],
  ["admin-list", "/admin/technologies"],
  ["admin-edit", "/admin/technologies/1"],
  ["admin-edit-errors", async (page) => {
    await page.goto(`${BASE}/admin/news/new`);
    await Promise.all([page.waitForEvent("load"), page.locator(".form-actions button[value=save]").click()]);
  }],
  ["admin-applications", "/admin/applications"],
  ["admin-inquiries", "/admin/inquiries"],
  ["admin-media", "/admin/media"],
  ["admin-deals", "/admin/deals"],
  ["admin-deal", "/admin/deals/1"],
  ["admin-deal-errors", async (page) => {
    await page.goto(`${BASE}/admin/deals/3`);
    await Promise.all([page.waitForEvent("load"), page.locator("form[action$='/sign'] button[type=submit]").click()]);
  }],
  ["admin-interests", "/admin/interests"],
  ["admin-report", "/admin/report"],
  ["admin-call-review", "/admin/calls/1/review"],
  ["admin-call-report", "/admin/calls/1/report"],
];

async function visit(page, target, lang) {
  if (typeof target === "function") {
    await target(page, lang);
  } else {
    const url = target.startsWith("/admin") ? `${BASE}${target}` : `${BASE}/${lang}${target}`;
    await page.goto(url);
  }
}

const html = {};
const axeCounts = {};

async function check(page, name, lang, target) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(page, target, lang);
  const violations = await axeViolations(page);
  axeCounts[`${name} ${lang}`] = violations.length;
  assert.equal(violations.length, 0, `${name} (${lang}):\n${describeViolations(violations)}`);
  html[`${name}.${lang}`] = await page.content();
  await screenshot(page, `${name}-${lang}-1280`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(50);
  await assertNoHorizontalOverflow(page, `${name} (${lang}) at 360 px`);
  // A phone gets its own violations (a table that now scrolls, say).
  const narrow = await axeViolations(page);
  assert.equal(narrow.length, 0, `${name} (${lang}) at 360 px:\n${describeViolations(narrow)}`);
  await screenshot(page, `${name}-${lang}-360`);
}

for (const lang of LANGS) {
  test(`public page types in ${lang}: axe, layout, screenshots`, async () => {
    const ctx = await context(browser, { locale: lang });
    const page = await ctx.newPage();
    for (const [name, target] of PUBLIC) await check(page, name, lang, target);
    await ctx.close();
  });
}

test("back-office page types in every language: axe, layout, screenshots", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await signIn(page);
  for (const lang of LANGS) {
    await page.goto(`${BASE}/admin/account`);
    await page.locator("#ui_lang").selectOption(lang);
    await Promise.all([page.waitForURL(/flash=saved/), page.locator("form:has(#ui_lang) button[type=submit]").click()]);
    for (const [name, target] of ADMIN) await check(page, name, lang, target);
  }
  await page.goto(`${BASE}/admin/account`);
  await page.locator("#ui_lang").selectOption("en");
  await Promise.all([page.waitForURL(/flash=saved/), page.locator("form:has(#ui_lang) button[type=submit]").click()]);
  await ctx.close();
});

test("the login page: axe, layout", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await check(page, "admin-login", "en", "/admin/login");
  await ctx.close();
});

test("valid HTML: the Nu HTML Checker finds no error on any page type", () => {
  const dir = fs.mkdtempSync(path.join(ARTIFACTS, "html-"));
  for (const [key, body] of Object.entries(html)) fs.writeFileSync(path.join(dir, `${key}.html`), body);
  const jar = new URL("./node_modules/vnu-jar/build/dist/vnu.jar", import.meta.url).pathname;
  let out;
  try {
    out = execFileSync("java", ["-jar", jar, "--errors-only", "--format", "json", "--stdout", "--exit-zero-always", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = e.stdout || e.stderr;
  }
  // vnu writes its JSON report to stderr.
  const report = JSON.parse(out || "{\"messages\":[]}");
  const errors = report.messages.filter((m) => m.type === "error");
  const byFile = {};
  for (const m of errors) {
    const f = path.basename(m.url ?? "");
    byFile[f] = (byFile[f] ?? 0) + 1;
  }
  const checked = Object.keys(html).length;
  console.log(`vnu: ${checked} pages checked, ${errors.length} errors`);
  assert.ok(checked >= 70, `only ${checked} pages collected`);
  assert.equal(errors.length, 0, errors.slice(0, 20).map((e) => `${path.basename(e.url)}:${e.lastLine}: ${e.message}`).join("\n"));
});

test("axe summary", () => {
  console.log(`axe: ${Object.keys(axeCounts).length} page checks, ${Object.values(axeCounts).reduce((a, b) => a + b, 0)} serious/critical violations`);
});

async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
  });
}

test("keyboard only: skip link, search, a result, the inquiry form; focus always visible", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await page.goto(`${BASE}/en/technologies`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  assert.ok(await focusIsVisible(page));
  // Tab to the catalogue search field.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    assert.ok(await focusIsVisible(page), `focus not visible after ${i + 2} tabs`);
    if (await page.evaluate(() => document.activeElement.id === "q")) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
  await page.keyboard.type("rice");
  await Promise.all([page.waitForURL(/q=rice/), page.keyboard.press("Enter")]);
  // Tab to the first result and open it.
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => !!document.activeElement.closest(".tech-card h3"))) break;
  }
  assert.ok(await focusIsVisible(page));
  await Promise.all([page.waitForURL(/\/en\/technologies\/[a-z0-9-]+$/), page.keyboard.press("Enter")]);
  // The inquiry form, by keyboard.
  await page.locator("#name").focus();
  await page.keyboard.type("Keyboard User");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Accessible Farms Co.");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "country");
  assert.ok(await focusIsVisible(page));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.type("keyboard@example.org");
  await page.keyboard.press("Tab");
  await page.keyboard.type("We would like to test this technology on our farm next season.");
  // Past the hidden honeypot to the consent box and the button.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "consent");
  await page.keyboard.press("Space");
  // The privacy notice's link under the box, then the button.
  await page.keyboard.press("Tab");
  assert.match(await page.evaluate(() => document.activeElement.getAttribute("href")), /\/privacy$/);
  assert.ok(await focusIsVisible(page));
  await page.keyboard.press("Tab");
  assert.ok(await focusIsVisible(page));
  await Promise.all([page.waitForURL(/inquiry\/sent(#.*)?$/), page.keyboard.press("Enter")]);
  await ctx.close();
});

/// Presses Tab until every selector in `want` has had the focus (or the
/// page runs out of stops), checking at each stop that the focus is
/// visible. Returns the selectors never reached.
async function tabThrough(page, want, max = 300) {
  const left = new Set(want);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  for (let i = 0; i < max && left.size > 0; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate((sels) => sels.filter((s) => document.activeElement && document.activeElement.matches(s)), [...left]);
    if (await page.evaluate(() => document.activeElement !== document.body)) {
      assert.ok(await focusIsVisible(page), `focus not visible on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))}`);
    }
    for (const s of hit) left.delete(s);
  }
  return [...left];
}

test("keyboard only: every control of the other journeys is reached by Tab, focus visible", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  // 2. Chinese search with filters.
  await page.goto(`${BASE}/zh-CN/technologies`);
  assert.deepEqual(await tabThrough(page, ["#q", "input[name=field][value=agriculture]", "input[name=country][value=ID]", "#catalog-form button[type=submit]"]), []);
  // 3. The application form, its documents and consent; the status look-up.
  await page.goto(`${BASE}/en/programme/apply`);
  const fields = ["#name", "#email", "#nationality", "#date_of_birth", "#degree", "#research_years", "#field", "#institution", "#host_post", "#english_level", "#chinese_level", "#proposal_title", "#proposal", "#referee1_name", "#referee1_email", "#referee1_institution", "#referee1_lang", "#referee2_name", "#referee2_email", "#referee2_institution", "#referee2_lang", "#cv", "#degree_file", "#consent", "form[enctype='multipart/form-data'] button[type=submit]:not([value=save])", "button[value=save]"];
  assert.deepEqual(await tabThrough(page, fields), []);
  // A document is chosen from the keyboard: Space on the file field opens the chooser.
  // On a loaded machine the first key press can land before the field has
  // the focus (seen once in CI), so the press is tried a few times.
  let chooser = null;
  for (let attempt = 0; attempt < 4 && !chooser; attempt++) {
    await page.locator("#cv").focus();
    const opened = page.waitForEvent("filechooser", { timeout: 5000 }).catch(() => null);
    await page.keyboard.press("Space");
    chooser = await opened;
  }
  assert.ok(chooser, "Space on the focused file field opens the file chooser");
  await chooser.setFiles(tempFile("cv.pdf", PDF));
  assert.equal(await page.locator("#cv").evaluate((el) => el.files.length), 1);
  await page.goto(`${BASE}/en/programme/status`);
  assert.deepEqual(await tabThrough(page, ["#reference", "#email", "main form[method=post] button[type=submit]"]), []);
  // 4 and 5. Signing in, then the news and event forms with their language tabs.
  await page.goto(`${BASE}/admin/login`);
  assert.deepEqual(await tabThrough(page, ["#email", "#password", "form[action='/admin/login'] button[type=submit]"]), []);
  await page.locator("#email").focus();
  await page.keyboard.type(ACCOUNT.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(ACCOUNT.password);
  await Promise.all([page.waitForURL(/\/admin\/$/), page.keyboard.press("Enter")]);
  for (const kind of ["news", "events"]) {
    await page.goto(`${BASE}/admin/${kind}/new`);
    const shared = kind === "news" ? ["#status", "#cover input[type=radio]:checked"] : ["#kind", "#timezone", "#starts_at", "#ends_at", "#country", "#status"];
    assert.deepEqual(await tabThrough(page, [...shared, ".form-actions button[value=save]"]), [], kind);
    for (const lang of LANGS) {
      // The language tabs are one stop (the chosen tab); arrows move between them.
      assert.deepEqual(await tabThrough(page, [".lang-tabs a[tabindex='0']"]), [], `${kind}: the tab list`);
      for (let i = 0; i < LANGS.length; i++) {
        if (await page.evaluate((l) => document.activeElement.dataset.tab === l, lang)) break;
        await page.keyboard.press("ArrowRight");
        assert.ok(await focusIsVisible(page), `${kind}: focus on the ${lang} tab`);
      }
      assert.equal(await page.evaluate(() => document.activeElement.dataset.tab), lang, `${kind}: ${lang} tab`);
      assert.deepEqual(await tabThrough(page, [`#${lang}-title`, `#${lang}-summary`, `#${lang}-body`]), [], `${kind}: ${lang} fields`);
    }
  }
  await ctx.close();
});
