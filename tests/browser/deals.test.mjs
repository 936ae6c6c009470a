// Journeys 6 and 7 of the product brief, from first contact to a signed
// agreement, with the e-mails really sent (to the test mail server run.sh
// starts) and their links followed. Each runs with JavaScript on and off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, context, signIn, screenshot, waitForMail, linkIn } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const RICE = "hybrid-rice-varieties-and-high-yield-cultivation-for-tropical-paddy-fields";
const RICE_CONTACT = "huangzq@gxrice.example.cn";

/// The agreements figure on a home page, as a number, and its note.
async function agreements(page, lang, label) {
  await page.goto(`${BASE}/${lang}/`);
  const li = page.locator(".figure-list li", { hasText: label });
  const value = Number((await li.locator(".figure-value").innerText()).replace(/\D/g, ""));
  const note = (await li.locator(".figure-note").count()) ? await li.locator(".figure-note").innerText() : "";
  return { value, note };
}

async function journey6(js) {
  const tag = js ? "js" : "nojs";
  const org = js ? "PT Benih Unggul Demo" : "PT Benih Unggul Tanpa JS";
  const email = `pembelian.${tag}@benih-unggul.example.id`;
  const company = await context(browser, { locale: "id-ID", js });
  const visitor = await company.newPage();
  const before = await agreements(visitor, "id", "perjanjian kerja sama");

  // 1. The Indonesian company asks about a Chinese technology.
  await visitor.goto(`${BASE}/id/technologies/${RICE}`);
  await visitor.locator("#name").fill("Rina Wijaya");
  await visitor.locator("#organisation").fill(org);
  await visitor.locator("#country").selectOption("ID");
  await visitor.locator("#email").fill(email);
  await visitor.locator("#message").fill("Kami ingin melisensikan varietas padi hibrida ini untuk 200 hektar sawah di Sulawesi Selatan. Apa syarat lisensinya?");
  await visitor.locator("#consent").check();
  await Promise.all([visitor.waitForURL(/\/inquiry\/sent(#.*)?$/), visitor.locator("#inquiry form button[type=submit]").click()]);

  // 2. An editor forwards it from the deals board.
  const staff = await context(browser, { js });
  const editor = await staff.newPage();
  await signIn(editor);
  await editor.goto(`${BASE}/admin/deals?stage=new`);
  const row = editor.locator("table.deals-table tbody tr", { hasText: org });
  await Promise.all([editor.waitForURL(/\/admin\/deals\/\d+$/), row.locator("a").first().click()]);
  const dealUrl = editor.url();
  await editor.locator("#forward-note").fill("请尽快答复，谢谢。");
  await Promise.all([editor.waitForURL(/flash=deal-moved/), editor.locator("form[action$='/forward'] button[type=submit]").click()]);

  // 3. The provider's e-mail is in Chinese, says the inquiry was written in
  //    Indonesian, and links to the reply page: no account needed.
  const forwarded = await waitForMail(RICE_CONTACT, new RegExp(org));
  assert.match(forwarded.subject, /咨询/);
  assert.equal(forwarded.lang, "zh-CN");
  assert.match(forwarded.text, /Bahasa Indonesia/);
  assert.match(forwarded.text, /200 hektar sawah/);
  const provider = await context(browser, { locale: "zh-CN", js });
  const reply = await provider.newPage();
  await reply.goto(linkIn(forwarded, "/reply/"));
  assert.equal(await reply.locator("html").getAttribute("lang"), "zh-CN");
  assert.match(await reply.locator("h1").innerText(), /答复咨询/);
  await screenshot(reply, `journey6-reply-${tag}`);
  await reply.locator("#answer-interested").check();
  await reply.locator("#message").fill("我们有意向许可，可提供南苏拉威西的试种方案和技术培训。");
  await Promise.all([reply.waitForURL(/\/zh-CN\/reply\/done$/), reply.locator("main form button[type=submit]").click()]);
  assert.match(await reply.locator("h1").innerText(), /谢谢/);

  // 4. The company gets the answer in Indonesian.
  const answer = await waitForMail(email, /Jawaban tentang/);
  assert.equal(answer.lang, "id");
  assert.match(answer.text, /Kabar baik/);
  assert.match(answer.text, /试种方案/);

  // 5. The editor moves the deal through talks to a signed licence.
  await editor.goto(dealUrl);
  await editor.locator("#meeting").selectOption("visit");
  await editor.locator("#on_date").fill("2026-11-20");
  await editor.locator("#talks-note").fill("Kunjungan lapangan ke Nanning.");
  await Promise.all([editor.waitForURL(/flash=deal-moved/), editor.locator("form[action$='/talks'] button[type=submit]").click()]);
  await editor.locator("#signed_on").fill("2026-12-01");
  await editor.locator("#kind").selectOption("licence");
  await Promise.all([editor.waitForURL(/flash=deal-moved/), editor.locator("form[action$='/sign'] button[type=submit]").click()]);
  assert.match(await editor.locator(".state-signed").first().innerText(), /Agreement signed/);
  const steps = await editor.locator("ol.exchange > li .step-head").allInnerTexts();
  assert.deepEqual(steps.map((s) => s.split(" · ")[0]), ["Inquiry received", "Forwarded", "Answered", "Talks recorded", "Agreement signed"]);
  await screenshot(editor, `journey6-deal-${tag}`);

  // 6. The agreements figure on the home page counts it.
  const after = await agreements(visitor, "id", "perjanjian kerja sama");
  assert.equal(after.value, before.value + 1, `${before.value} then ${after.value}`);
  assert.match(after.note, /653 hingga Mei 2022, \d+ tercatat sejak itu/);
  console.log(`journey 6 (${tag}): agreements ${before.value} (“${before.note}”) → ${after.value} (“${after.note}”)`);
  await screenshot(visitor, `journey6-home-${tag}`);
  for (const c of [company, staff, provider]) await c.close();
}

test("6. An Indonesian company's inquiry, answered by a Chinese provider from the e-mail link, to a signed licence on the home page", () => journey6(true));
test("6. the same with JavaScript off", () => journey6(false));

async function journey7(js) {
  const tag = js ? "js" : "nojs";
  const title = js ? "Desalinasi air payau untuk desa nelayan" : "Desalinasi air payau untuk desa pesisir (tanpa JS)";
  const poster = `kebutuhan.${tag}@desa-nelayan.example.id`;
  const providerEmail = `zhang.${tag}@membrane.example.cn`;
  const org = js ? "广西示例膜技术有限公司" : "广西示例膜技术有限公司（无脚本）";

  // 1. An Indonesian organisation posts a need, and an editor publishes it.
  const posterCtx = await context(browser, { locale: "id-ID", js });
  const p = await posterCtx.newPage();
  await p.goto(`${BASE}/id/needs/new`);
  await p.locator("#title").fill(title);
  await p.locator("#description").fill("Kami mencari teknologi desalinasi air payau bertenaga surya untuk 3.000 warga desa nelayan di Sulawesi Tenggara.");
  await p.locator("#field").selectOption("environment_water");
  await p.locator("#country").selectOption("ID");
  await p.locator("#organisation").fill("Koperasi Nelayan Contoh");
  await p.locator("#contact_name").fill("Andi Saputra");
  await p.locator("#contact_email").fill(poster);
  await p.locator("#consent").check();
  await p.locator("#match_alerts").check();
  await Promise.all([p.waitForURL(/\/id\/needs\/submitted$/), p.locator("main form button[type=submit]").click()]);
  const staff = await context(browser, { js });
  const editor = await staff.newPage();
  await signIn(editor);
  await editor.goto(`${BASE}/admin/needs?state=pending`);
  await Promise.all([editor.waitForURL(/\/admin\/needs\/\d+$/), editor.getByRole("link", { name: title }).click()]);
  await editor.locator("#status").selectOption("published");
  await Promise.all([editor.waitForURL(/flash=saved/), editor.locator(".form-actions button[value=save]").click()]);

  // 2. A Chinese provider answers it with an expression of interest.
  const providerCtx = await context(browser, { locale: "zh-CN", js });
  const pr = await providerCtx.newPage();
  await pr.goto(`${BASE}/zh-CN/needs`);
  await Promise.all([pr.waitForURL(/\/zh-CN\/needs\/[a-z0-9-]+$/), pr.getByRole("link", { name: title }).first().click()]);
  await Promise.all([pr.waitForURL(/\/interest$/), pr.locator("a[href$='/interest']").click()]);
  await pr.locator("#organisation").fill(org);
  await pr.locator("#country").selectOption("CN");
  await pr.locator("#contact_name").fill("张明");
  await pr.locator("#email").fill(providerEmail);
  await pr.locator("#technology").selectOption({ index: 1 });
  await pr.locator("#message").fill("我们的太阳能反渗透淡化装置已在广西沿海村庄运行三年，日产水五十吨。");
  await pr.locator("#consent").check();
  await Promise.all([pr.waitForURL(/\/interest\/sent$/), pr.locator("main form button[type=submit]").click()]);
  await screenshot(pr, `journey7-interest-sent-${tag}`);

  // 3. Moderated: an editor approves it.
  await editor.goto(`${BASE}/admin/interests`);
  const row = editor.locator("table.interests-table tbody tr", { hasText: org });
  await Promise.all([editor.waitForURL(/flash=approved/), row.locator("button[value=approve]").click()]);

  // 4. The poster gets it by e-mail in Indonesian and answers from the link.
  const mail = await waitForMail(poster, /Seorang penyedia menanggapi kebutuhan Anda/);
  assert.equal(mail.lang, "id");
  assert.match(mail.text, /太阳能反渗透/);
  assert.match(mail.text, /中文/);
  await p.goto(linkIn(mail, "/reply/"));
  assert.match(await p.locator("h1").innerText(), /Jawab pertanyaan/);
  await p.locator("#answer-interested").check();
  await p.locator("#message").fill("Kami tertarik. Bisakah tim Anda datang ke Kendari bulan depan?");
  await Promise.all([p.waitForURL(/\/id\/reply\/done$/), p.locator("main form button[type=submit]").click()]);

  // 5. The provider hears back in Chinese; the contact is a deal like an inquiry.
  const back = await waitForMail(providerEmail, /^关于/);
  assert.equal(back.lang, "zh-CN");
  assert.match(back.text, /Kendari/);
  await editor.goto(`${BASE}/admin/deals?stage=answered`);
  const deal = editor.locator("table.deals-table tbody tr", { hasText: "Koperasi Nelayan Contoh" });
  assert.ok(await deal.first().isVisible());
  assert.match(await deal.first().innerText(), /answer to a need/);
  await screenshot(editor, `journey7-board-${tag}`);
  for (const c of [posterCtx, staff, providerCtx]) await c.close();
}

test("7. A provider answers a published need; after moderation the poster gets it in Indonesian; it becomes a deal", () => journey7(true));
test("7. the same with JavaScript off", () => journey7(false));
