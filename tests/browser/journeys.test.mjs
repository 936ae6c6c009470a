// The five journeys of the product brief, clicked and typed as a person
// would, in headless Chromium. Journeys 1 and 3 run again with JavaScript off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { BASE, launch, context, signIn, PDF, tempFile, screenshot, assertNoHorizontalOverflow } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const RICE = "hybrid-rice-varieties-and-high-yield-cultivation-for-tropical-paddy-fields";

async function journey1(js) {
  const ctx = await context(browser, { locale: "id-ID", js });
  const page = await ctx.newPage();
  // The browser prefers Indonesian: / lands on /id/.
  await page.goto(`${BASE}/`);
  assert.equal(new URL(page.url()).pathname, "/id/");
  // Search the catalogue for "padi".
  await page.locator("#hero-q").fill("padi");
  await Promise.all([page.waitForURL(/\/id\/technologies\?q=padi/), page.locator("#hero-q").press("Enter")]);
  const first = page.locator(".tech-card h3 a").first();
  assert.match(await first.innerText(), /padi/i);
  // Open the rice technology, then switch to Chinese: same technology.
  await Promise.all([page.waitForURL(new RegExp(`/id/technologies/${RICE}`)), first.click()]);
  await Promise.all([page.waitForURL(new RegExp(`/zh-CN/technologies/${RICE}`)), page.locator(".lang-switch a[hreflang='zh-CN']").click()]);
  assert.match(await page.locator("h1").innerText(), /水稻/);
  // Send an inquiry.
  const who = js ? "Siti Rahmawati" : "Siti Nurhaliza (tanpa JS)";
  await page.locator("#name").fill(who);
  await page.locator("#organisation").fill("Koperasi Tani Makmur");
  await page.locator("#country").selectOption("ID");
  await page.locator("#email").fill("siti@koperasi.example.org");
  await page.locator("#message").fill("Kami ingin menanam padi hibrida ini di 50 hektar sawah di Karawang. Berapa biayanya?");
  await page.locator("#consent").check();
  await Promise.all([page.waitForURL(/\/inquiry\/sent(#.*)?$/), page.locator("#inquiry form button[type=submit]").click()]);
  assert.ok(await page.locator(".confirmation").isVisible());
  await screenshot(page, `journey1-confirmation-${js ? "js" : "nojs"}`);
  // An editor sees it in the back office.
  const admin = await (await context(browser)).newPage();
  await signIn(admin);
  await admin.goto(`${BASE}/admin/inquiries?status=new`);
  assert.ok((await admin.locator("table").innerText()).includes(who));
  await ctx.close();
  await admin.context().close();
}

test("1. Indonesian visitor: padi, switch to Chinese, inquiry, seen by an editor", () => journey1(true));
test("1. the same with JavaScript off", () => journey1(false));

test("2. Chinese search for 水稻 with field and country filters", async () => {
  const ctx = await context(browser, { locale: "zh-CN" });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/zh/technologies`);
  assert.equal(new URL(page.url()).pathname, "/zh-CN/technologies");
  // Ticking a filter applies it at once (JavaScript on).
  await Promise.all([page.waitForURL(/field=agriculture/), page.locator("#f-field-agriculture").check()]);
  await Promise.all([page.waitForURL(/country=ID/), page.locator("#f-country-ID").check()]);
  await page.locator("#q").fill("水稻");
  await Promise.all([page.waitForURL(/q=%E6%B0%B4%E7%A8%BB/), page.locator("#q").press("Enter")]);
  const hrefs = await page.locator(".tech-card h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.equal(hrefs.length, 2, hrefs.join(", "));
  assert.equal(hrefs[0], `/zh-CN/technologies/${RICE}`, "the title hit ranks first");
  assert.ok((await page.locator(".tech-card mark").count()) >= 2);
  assert.match(await page.locator(".result-count").innerText(), /2/);
  await screenshot(page, "journey2-results");
  await ctx.close();
});

test("8. On a 360 px phone without JavaScript: penjernihan air, two filters, back at the results, the right technology", async () => {
  const WATER = "solar-powered-ultrafiltration-drinking-water-stations-for-villages";
  const ctx = await context(browser, { locale: "id-ID", js: false, width: 360, height: 740 });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/id/technologies`);
  await page.locator("#q").fill("penjernihan air");
  await Promise.all([page.waitForURL(/q=penjernihan\+air/), page.locator("#q").press("Enter")]);
  // The words are in the title; the form carries no stale order.
  assert.match(await page.title(), /penjernihan air/);
  await page.locator("#f-field-environment_water").check();
  await page.locator("#f-country-KH").check();
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get("field") === "environment_water" && u.searchParams.get("country") === "KH" && u.hash === "#results"),
    page.locator(".filters button[type=submit]").click(),
  ]);
  // Back on the results, not at the top of the page.
  const top = await page.locator("#results").evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 80, `the results start ${top}px from the top of the screen`);
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  assert.match(await page.title(), /2/, "the title counts the two filters");
  await screenshot(page, "journey8-results-360");
  const first = page.locator(".tech-card h3 a").first();
  assert.equal(await first.getAttribute("href"), `/id/technologies/${WATER}`);
  await Promise.all([page.waitForURL(new RegExp(`/id/technologies/${WATER}$`)), first.click()]);
  await assertNoHorizontalOverflow(page);
  await ctx.close();
});

async function journey3(js) {
  const ctx = await context(browser, { js });
  const page = await ctx.newPage();
  const email = js ? "mai.nguyen@hus.example.edu.vn" : "tran.an@vnu.example.edu.vn";
  await page.goto(`${BASE}/en/programme/apply`);
  const fill = async (skip) => {
    const values = {
      "#name": js ? "Nguyen Thi Mai" : "Tran Van An", "#email": email, "#date_of_birth": "1991-06-15",
      "#research_years": "6", "#institution": "Hanoi University of Science",
      "#proposal_title": "Salt-tolerant rice for the Mekong Delta",
      "#proposal": "I propose to screen Guangxi rice germplasm for salinity tolerance and cross the best lines with Vietnamese varieties grown in the Mekong Delta, where sea water intrudes further every dry season. Field trials and marker-assisted selection in the host laboratory.",
    };
    for (const [sel, v] of Object.entries(values)) if (sel !== skip) await page.locator(sel).fill(v);
    await page.locator("#nationality").selectOption("VN");
    await page.locator("#degree").selectOption("phd");
    await page.locator("#field").selectOption("agriculture");
    await page.locator("#host_post").selectOption({ index: 1 });
    await page.locator("#english_level").selectOption("fluent");
    await page.locator("#chinese_level").selectOption("basic");
    await page.locator("#consent").check();
    // The two referees.
    await page.locator("#referee1_name").fill("Le Van Hoa");
    await page.locator("#referee1_email").fill("le.hoa@referee.example.edu.vn");
    await page.locator("#referee1_institution").fill("Vietnam Academy of Agricultural Sciences");
    await page.locator("#referee1_lang").selectOption("en");
    await page.locator("#referee2_name").fill("Wei Lan");
    await page.locator("#referee2_email").fill("wei.lan@referee.example.cn");
    await page.locator("#referee2_institution").fill("Guangxi University");
    await page.locator("#referee2_lang").selectOption("zh-CN");
  };
  const submit = () => Promise.all([page.waitForEvent("load"), page.locator("form[enctype='multipart/form-data'] button[type=submit]:not([value=save])").click()]);
  const cv = tempFile("cv.pdf", PDF);
  const degree = tempFile("degree.pdf", PDF);
  // 1) A field missing.
  await fill("#institution");
  await page.locator("#cv").setInputFiles(cv);
  await page.locator("#degree_file").setInputFiles(degree);
  await submit();
  assert.ok(await page.locator("#institution-error").isVisible(), "error at the missing field");
  assert.equal(await page.locator("#name").inputValue(), js ? "Nguyen Thi Mai" : "Tran Van An");
  assert.match(await page.locator("#proposal").inputValue(), /Mekong/);
  // 2) A 6 MB file.
  await page.locator("#institution").fill("Hanoi University of Science");
  const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024, 97), Buffer.from("\n%%EOF\n")]);
  await page.locator("#cv").setInputFiles(tempFile("big-cv.pdf", big));
  if (js) {
    // Refused in the browser before a byte is sent; the CV accepted in 1) stays kept.
    assert.ok(await page.locator("#cv-check").isVisible(), "the browser refuses the file at the CV field");
    assert.equal(await page.locator("#cv").evaluate((el) => el.files.length), 0);
  } else {
    await page.locator("#degree_file").setInputFiles(degree);
    await submit();
    assert.ok(await page.locator("#cv-error").isVisible(), "error at the CV field");
    assert.equal(await page.locator("#institution").inputValue(), "Hanoi University of Science");
  }
  assert.match(await page.locator("#cv-kept").innerText(), /cv\.pdf/);
  // 3) A text file renamed .pdf.
  await page.locator("#cv").setInputFiles(tempFile("notes.pdf", Buffer.from("Just some text, not a PDF.\n")));
  await page.locator("#degree_file").setInputFiles(degree);
  await submit();
  assert.ok(await page.locator("#cv-error").isVisible(), "error at the CV field again");
  assert.match(await page.locator("#proposal").inputValue(), /Mekong/);
  // 4) Correct: a reference number.
  await page.locator("#cv").setInputFiles(cv);
  await page.locator("#degree_file").setInputFiles(degree);
  await submit();
  const reference = (await page.locator("#reference").innerText()).trim();
  assert.match(reference, /^ATS-\d{4}-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await screenshot(page, `journey3-reference-${js ? "js" : "nojs"}`);
  // Later: the status, by reference and email.
  const lookUp = async () => {
    await page.goto(`${BASE}/en/programme/status`);
    await page.locator("#reference").fill(reference);
    await page.locator("#email").fill(email);
    await Promise.all([page.waitForEvent("load"), page.locator("main form[method=post] button[type=submit]").click()]);
    return (await page.locator(".status-now").innerText()).trim();
  };
  assert.equal(await lookUp(), "Submitted");
  // An editor moves it to "under review".
  const admin = await (await context(browser)).newPage();
  await signIn(admin);
  await admin.goto(`${BASE}/admin/applications`);
  await Promise.all([admin.waitForURL(/\/admin\/applications\/\d+$/), admin.getByRole("link", { name: reference }).click()]);
  const docUrl = await admin.locator("#docs-title ~ ul a").first().getAttribute("href");
  await admin.locator("#new-status").selectOption("under_review");
  await Promise.all([admin.waitForURL(/flash=changed/), admin.locator("form[action$='/status'] button[type=submit]").click()]);
  assert.equal(await lookUp(), "Under review");
  // Nobody else can read the application or its CV.
  const stranger = await (await context(browser)).newPage();
  await stranger.goto(`${BASE}${docUrl}`);
  assert.match(new URL(stranger.url()).pathname, /^\/admin\/login/);
  await stranger.context().close();
  await admin.context().close();
  await ctx.close();
}

test("3. Scientist: three refused submissions, a reference, status, reviewer's change", () => journey3(true));
test("3. the same with JavaScript off", () => journey3(false));

test("4. Editor: trilingual news from draft to feed, sitemap and home; fallback notice", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await signIn(page);
  // An image first.
  await page.goto(`${BASE}/admin/media`);
  await page.locator("#file").setInputFiles(new URL("./fixtures/matchmaking.png", import.meta.url).pathname);
  await page.locator("#alt-en").fill("Partners signing agreements at the matchmaking session");
  await page.locator("#alt-zh-CN").fill("对接会上合作伙伴签署协议");
  await page.locator("#alt-id").fill("Mitra menandatangani perjanjian di sesi temu bisnis");
  await Promise.all([page.waitForURL(/flash=uploaded/), page.locator("form[action='/admin/media'] button[type=submit]").click()]);
  // The news item, in three languages, saved as a draft.
  await page.goto(`${BASE}/admin/news/new`);
  // The cover is picked by its thumbnail (a radio button labelled by the file name and alt text).
  await page.locator("#cover label", { hasText: "matchmaking.png" }).first().click();
  await page.locator("#status").selectOption("draft");
  const texts = {
    en: ["Three agreements at the Jakarta matchmaking", "Three agreements on rice and solar power were signed.", "## Results\n\n**Three agreements** were signed:\n\n- hybrid rice seed\n- rooftop solar\n- cold storage"],
    "zh-CN": ["雅加达对接会签署三项协议", "在水稻和光伏领域签署了三项协议。", "## 成果\n\n签署了**三项协议**：\n\n- 杂交水稻种子\n- 屋顶光伏\n- 冷库"],
    id: ["Tiga perjanjian di temu bisnis Jakarta", "Tiga perjanjian tentang padi dan tenaga surya ditandatangani.", "## Hasil\n\n**Tiga perjanjian** ditandatangani:\n\n- benih padi hibrida\n- surya atap\n- gudang pendingin"],
  };
  for (const [lang, [title, summary, body]] of Object.entries(texts)) {
    const tab = page.locator(`.lang-tabs a[data-tab='${lang}']`);
    await tab.click();
    await page.locator(`#${lang}-title`).fill(title);
    await page.locator(`#${lang}-summary`).fill(summary);
    await page.locator(`#${lang}-body`).fill(body);
  }
  await Promise.all([page.waitForURL(/\/admin\/news\/\d+\?flash=saved/), page.locator(".form-actions button[value=save]").click()]);
  const edit = page.url().split("?")[0];
  const visitor = await (await context(browser, { locale: "zh-CN" })).newPage();
  await visitor.goto(`${BASE}/zh-CN/news`);
  assert.ok(!(await visitor.content()).includes("雅加达对接会签署三项协议"), "a draft is not public");
  // Publish.
  await page.goto(edit);
  await page.locator("#status").selectOption("published");
  await Promise.all([page.waitForURL(/flash=saved/), page.locator(".form-actions button[value=save]").click()]);
  await visitor.goto(`${BASE}/zh-CN/news`);
  await Promise.all([visitor.waitForURL(/\/zh-CN\/news\/three-agreements/), visitor.getByRole("link", { name: "雅加达对接会签署三项协议" }).click()]);
  assert.ok((await visitor.locator(".prose strong").innerText()).includes("三项协议"));
  assert.ok(await visitor.locator("figure img[alt='对接会上合作伙伴签署协议']").isVisible());
  const slug = new URL(visitor.url()).pathname.split("/").pop();
  const feed = await (await visitor.request.get(`${BASE}/zh-CN/news/feed.xml`)).text();
  assert.ok(feed.includes("雅加达对接会签署三项协议"), "in the Atom feed");
  const sitemap = await (await visitor.request.get(`${BASE}/sitemap.xml`)).text();
  assert.ok(sitemap.includes(`/zh-CN/news/${slug}`), "in the sitemap");
  await visitor.goto(`${BASE}/zh-CN/`);
  assert.ok((await visitor.locator(".news-card").allInnerTexts()).join(" ").includes("雅加达对接会签署三项协议"), "on the home page");
  // A news item without Indonesian text falls back, and says so in Indonesian.
  const id = await (await context(browser, { locale: "id-ID" })).newPage();
  await id.goto(`${BASE}/id/news/three-new-profiles-in-the-demonstration-fellows-directory`);
  assert.match(await id.locator(".notice-fallback").innerText(), /belum tersedia dalam bahasa Indonesia/i);
  await screenshot(id, "journey4-fallback-notice");
  for (const p of [visitor, id]) await p.context().close();
  await ctx.close();
});

test("4b. Editor: the form opens on the source language, a typed tab says so, and 'Saved.' shows once", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await signIn(page);
  await page.goto(`${BASE}/admin/needs/new`);
  await page.locator("#source_lang").selectOption("id");
  await page.locator("#field").selectOption("agriculture");
  await page.locator("#country").selectOption("ID");
  await page.locator("#organisation").fill("Koperasi Tani Makmur");
  await page.locator("#contact_name").fill("Siti Rahma");
  await page.locator("#contact_email").fill("siti@example.org");
  await page.locator(".lang-tabs a[data-tab='id']").click();
  await page.locator("#id-title").fill("Pengering gabah tenaga surya");
  await page.locator("#id-description").fill("Kami mencari pengering gabah bertenaga surya untuk 40 petani.");
  await Promise.all([page.waitForURL(/\/admin\/needs\/\d+\?flash=saved/), page.locator(".form-actions button[value=save]").click()]);
  assert.ok(await page.locator(".flash").isVisible(), "the save is confirmed");
  await page.waitForFunction(() => !location.search.includes("flash"));
  await page.reload();
  assert.equal(await page.locator(".flash").count(), 0, "a reload does not confirm the save again");
  // Written in Indonesian: the form opens on the Indonesian text.
  assert.equal(await page.locator(".lang-tabs a[aria-selected='true']").getAttribute("data-tab"), "id");
  const unsaved = await page.locator(".lang-tabs").getAttribute("data-unsaved");
  const badge = page.locator(".lang-tabs a[data-tab='zh-CN'] .tr-badge");
  const before = await badge.innerText();
  await page.locator(".lang-tabs a[data-tab='zh-CN']").click();
  await page.locator("#zh-CN-title").fill("太阳能稻谷烘干机");
  assert.equal(await badge.innerText(), unsaved, "the badge says the text changed");
  await page.locator("#zh-CN-title").fill("");
  assert.equal(await badge.innerText(), before, "and goes back when the change is undone");
  await ctx.close();
});

test("5. Editor: an event in Nanning 09:00–17:00 is 01:00–09:00 UTC in a calendar", async () => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await signIn(page);
  await page.goto(`${BASE}/admin/events/new`);
  await page.locator("#kind").selectOption("forum");
  await page.locator("#timezone").fill("Asia/Shanghai");
  await page.locator("#starts_at").fill("2027-03-10T09:00");
  await page.locator("#ends_at").fill("2027-03-10T17:00");
  await page.locator("#country").selectOption("CN");
  await page.locator("#status").selectOption("published");
  await page.locator(".lang-tabs a[data-tab='en']").click();
  await page.locator("#en-title").fill("China-ASEAN Digital Agriculture Forum");
  await page.locator("#en-summary").fill("A one-day forum on digital tools for smallholder farms.");
  await page.locator("#en-body").fill("Talks and demonstrations of **Beidou** precision farming.");
  await page.locator("#en-venue").fill("Nanning International Convention and Exhibition Center");
  await page.locator("#en-city").fill("Nanning");
  await Promise.all([page.waitForURL(/\/admin\/events\/\d+\?flash=saved/), page.locator(".form-actions button[value=save]").click()]);
  const visitor = await ctx.newPage();
  await visitor.goto(`${BASE}/en/events`);
  await Promise.all([visitor.waitForURL(/\/en\/events\/china-asean-digital-agriculture-forum/), visitor.getByRole("link", { name: "China-ASEAN Digital Agriculture Forum" }).click()]);
  const facts = await visitor.locator(".detail-facts").innerText();
  assert.match(facts, /09:00/);
  assert.match(facts, /17:00/);
  assert.match(facts, /Asia\/Shanghai/);
  const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.locator("main a[href$='.ics']").click()]);
  const ics = fs.readFileSync(await download.path(), "utf8");
  assert.match(ics, /DTSTART:20270310T010000Z/);
  assert.match(ics, /DTEND:20270310T090000Z/);
  await ctx.close();
});
