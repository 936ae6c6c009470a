// Shared helpers for the browser tests: the portal under test, a browser
// launched from Debian's Chromium, signing in, axe and screenshots.
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";

export const BASE = process.env.PORTAL_URL ?? "http://127.0.0.1:18080";
export const ADMIN = { email: process.env.ADMIN_EMAIL ?? "admin@centre.example.org", password: process.env.ADMIN_PASSWORD ?? "violet-harbour-kettle-42" };
export const ARTIFACTS = path.resolve(process.env.ARTIFACTS ?? "artifacts");
export const LANGS = ["zh-CN", "en", "id"];

fs.mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/// A fresh browser context: a person with a language and, optionally, no JavaScript.
export async function context(browser, { locale = "en-US", js = true, width = 1280, height = 900 } = {}) {
  return browser.newContext({
    locale,
    javaScriptEnabled: js,
    viewport: { width, height },
    extraHTTPHeaders: { "Accept-Language": `${locale},${locale.split("-")[0]};q=0.9` },
  });
}

export async function signIn(page, who = ADMIN) {
  await page.goto(`${BASE}/admin/login`);
  await page.getByLabel(/email|邮箱|Email/i).first().fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("form[action='/admin/login'] button[type=submit]").click();
  await page.waitForURL(/\/admin\/$/);
}

/// Serious and critical WCAG 2.1 A/AA violations on the page.
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(vs) {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("\n");
}

/// Nothing may be wider than the viewport.
export async function assertNoHorizontalOverflow(page, label) {
  const { scroll, inner, culprits } = await page.evaluate(() => {
    const inner = window.innerWidth;
    // The outermost elements that stick out, to say what to fix.
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > inner + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > inner + 1))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} (${Math.round(e.getBoundingClientRect().right)}px)`);
    return { scroll: document.documentElement.scrollWidth, inner, culprits };
  });
  assert.ok(scroll <= inner, `${label}: page is ${scroll}px wide in a ${inner}px viewport: ${culprits.join(", ")}`);
}

/// A full-page screenshot once every image has arrived (lazy ones too, so
/// that the picture shows what a person scrolling down would see); an
/// image that fails to load fails the test.
export async function screenshot(page, name) {
  const broken = await page.evaluate(async () => {
    const imgs = [...document.images];
    for (const img of imgs) img.loading = "eager";
    await Promise.all(imgs.map((img) => img.complete ? null : new Promise((done) => {
      img.addEventListener("load", done, { once: true });
      img.addEventListener("error", done, { once: true });
      setTimeout(done, 5000);
    })));
    return imgs.filter((img) => img.naturalWidth === 0).map((img) => img.getAttribute("src"));
  });
  if (broken.length) throw new Error(`${name}: images that did not load: ${broken.join(", ")}`);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/// A minimal valid PDF.
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export function tempFile(name, bytes) {
  const dir = fs.mkdtempSync(path.join(ARTIFACTS, "upload-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/// The messages the portal sent, as the test mail server (aiosmtpd, started
/// by run.sh) received them: parsed with mailparser, with the envelope's
/// recipients. Waits until one to `to` whose subject matches arrives.
export const MAIL_DIR = process.env.MAIL_DIR;

export async function mailsTo(to) {
  const { simpleParser } = await import("mailparser");
  if (!MAIL_DIR) throw new Error("MAIL_DIR is not set: run the suite with run.sh");
  const files = fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml")).sort();
  const out = [];
  for (const f of files) {
    const raw = fs.readFileSync(path.join(MAIL_DIR, f));
    const envelope = raw.toString("utf8").split("\r\n", 1)[0].replace(/^X-Envelope-To: /, "").split(",");
    if (!envelope.includes(to)) continue;
    const m = await simpleParser(raw);
    out.push({ subject: m.subject, text: m.text, headers: m.headers, lang: m.headers.get("content-language"), file: f });
  }
  return out;
}

export async function waitForMail(to, subject, timeout = 20000) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await mailsTo(to)).filter((m) => subject.test(m.subject));
    if (found.length) return found[found.length - 1];
    if (Date.now() > until) throw new Error(`no mail to ${to} with a subject like ${subject}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/// The first link to the portal in a message's text that contains `part`.
export function linkIn(mail, part) {
  const link = (mail.text.match(/https?:\/\/\S+/g) ?? []).find((l) => l.includes(part));
  if (!link) throw new Error(`no link with ${part} in:\n${mail.text}`);
  return link;
}
