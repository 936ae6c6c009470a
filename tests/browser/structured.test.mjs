// The schema.org data of the pages, read as a search engine reads it: with
// a real JSON-LD processor (jsonld.js, the W3C JSON-LD 1.1 reference
// implementation's family), expanded to full IRIs and checked field by
// field in every language. The processor resolves the "https://schema.org"
// context offline to its vocabulary ({"@vocab": "https://schema.org/"}):
// the machines that run these tests do not reach schema.org.
import { test } from "node:test";
import assert from "node:assert/strict";
import jsonld from "jsonld";
import { BASE, LANGS } from "./lib.mjs";

const S = "https://schema.org/";
const CONTEXT = { "@context": { "@vocab": S } };

function documentLoader(url) {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) {
    return Promise.resolve({ contextUrl: null, documentUrl: url, document: CONTEXT });
  }
  return Promise.reject(new Error(`no remote contexts here: ${url}`));
}

async function html(path) {
  const res = await fetch(`${BASE}${path}`);
  assert.equal(res.status, 200, path);
  return res.text();
}

/// Every JSON-LD block of a page, expanded: one array of nodes.
async function expanded(path) {
  const page = await html(path);
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
  assert.ok(blocks.length > 0, `${path}: no JSON-LD`);
  const nodes = [];
  for (const b of blocks) nodes.push(...(await jsonld.expand(b, { documentLoader, safe: true })));
  return nodes;
}

const ofType = (nodes, type) => nodes.find((n) => (n["@type"] ?? []).includes(S + type));
const value = (node, prop) => node?.[S + prop]?.[0]?.["@value"];
const child = (node, prop) => node?.[S + prop]?.[0];

/// The first link on a list page that leads to one of its items.
async function firstItem(lang, section) {
  const page = await html(`/${lang}/${section}`);
  const m = page.match(new RegExp(`href="(/${lang}/${section}/[a-z0-9-]+)"`));
  assert.ok(m, `/${lang}/${section}: no item link`);
  return m[1];
}

for (const lang of LANGS) {
  test(`JSON-LD in ${lang}: expanded by a JSON-LD processor, the fields search engines read`, async () => {
    // The home page: the organisation and the site search.
    const home = await expanded(`/${lang}/`);
    const org = ofType(home, "Organization");
    assert.ok(value(org, "name"), "organisation name");
    assert.equal(value(org, "inLanguage"), lang);
    const site = ofType(home, "WebSite");
    assert.ok(child(site, "potentialAction"), "a search action");

    // A technology: a product with its provider and maturity.
    const tech = ofType(await expanded(await firstItem(lang, "technologies")), "Product");
    assert.ok(value(tech, "name"), "technology name");
    assert.ok(value(child(tech, "brand"), "name"), "provider");
    assert.equal(value(tech, "inLanguage"), lang);

    // An event: start and end with their zone's offset, a place, an organiser.
    const event = ofType(await expanded(await firstItem(lang, "events")), "Event");
    assert.ok(value(event, "name"), "event name");
    for (const p of ["startDate", "endDate"]) {
      assert.match(value(event, p) ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$/, `${p} with its offset`);
    }
    assert.ok(Date.parse(value(event, "endDate")) >= Date.parse(value(event, "startDate")), "ends after it starts");
    const place = child(event, "location");
    assert.ok((place?.["@type"] ?? []).includes(S + "Place"), "a Place");
    assert.ok(value(child(place, "address"), "addressCountry"), "a country");
    assert.ok(value(child(event, "organizer"), "name"), "an organiser");

    // A news article: headline, publication date, publisher.
    const news = ofType(await expanded(await firstItem(lang, "news")), "NewsArticle");
    assert.ok(value(news, "headline"), "headline");
    assert.ok(!Number.isNaN(Date.parse(value(news, "datePublished"))), "datePublished");
    assert.ok(value(child(news, "publisher"), "name"), "publisher");

    // The programme's call.
    const programme = ofType(await expanded(`/${lang}/programme`), "EducationalOccupationalProgram");
    assert.ok(value(programme, "name"), "programme name");
  });
}
