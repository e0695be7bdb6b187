// Maps the bangumi-data npm package (https://github.com/bangumi-data/bangumi-data, CC-BY-4.0: real anime titles with
// their air dates and ids on MyAnimeList and other sites) to catalog-service's NDJSON import format.
// Titles, native titles, translations, formats, years, seasons and MyAnimeList ids are real. bangumi-data has no
// emotional facets, so tags, ending and tearjerker are filled in deterministically from a hash of the id (the
// import requires them): they are placeholders, not editorial facts.
//
//   node bench/lib/bangumi-to-ndjson.js <node_modules/bangumi-data> <out dir>
'use strict';
const fs = require('fs');
const path = require('path');

const [pkgDir, outDir] = process.argv.slice(2);
const data = require(path.resolve(pkgDir));
const tags = JSON.parse(fs.readFileSync('catalog-service/src/main/resources/dataset/tags.json', 'utf8')).map(t => t.slug);
const ENDINGS = ['BITTERSWEET', 'HOPEFUL', 'TRAGIC', 'OPEN'];
const FORMATS = { tv: 'TV', movie: 'MOVIE', ova: 'OVA', web: 'ONA' };
const SEASONS = ['WINTER', 'WINTER', 'WINTER', 'SPRING', 'SPRING', 'SPRING', 'SUMMER', 'SUMMER', 'SUMMER', 'FALL', 'FALL', 'FALL'];

function hash(s) { // FNV-1a, 32 bit
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}
function slugify(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}
const cut = (s, n) => (s.length > n ? s.slice(0, n) : s);

fs.mkdirSync(outDir, { recursive: true });
let chunk = 0, bytes = 0, out = null, count = 0;
const seen = new Set();
function write(line) {
  const size = Buffer.byteLength(line) + 1;
  if (!out || bytes + size > 1500000) {
    if (out) fs.closeSync(out);
    out = fs.openSync(path.join(outDir, `bangumi-${String(++chunk).padStart(4, '0')}.ndjson`), 'w');
    bytes = 0;
  }
  fs.writeSync(out, line + '\n');
  bytes += size;
}
for (const item of data.items) {
  const sites = Object.fromEntries((item.sites || []).map(s => [s.site, s.id]));
  const key = sites.mal ? `mal-${sites.mal}` : sites.bangumi ? `bgm-${sites.bangumi}` : `item-${hash(item.title)}`;
  const en = (item.titleTranslate && item.titleTranslate.en) || [];
  const base = slugify(en[0] || '') || 'bangumi';
  const slug = `${base}-${key}`;
  if (seen.has(slug) || !item.title) continue;
  seen.add(slug);
  const h = hash(key);
  const begin = item.begin ? new Date(item.begin) : null;
  const year = begin && begin.getUTCFullYear() >= 1900 && begin.getUTCFullYear() <= 2100 ? begin.getUTCFullYear() : null;
  const alternatives = [];
  for (const list of Object.values(item.titleTranslate || {})) for (const t of list) if (alternatives.length < 20) alternatives.push(cut(t, 300));
  const chosen = new Set([tags[h % tags.length], tags[(h >>> 8) % tags.length], tags[(h >>> 16) % tags.length]]);
  const externalIds = {};
  if (sites.mal) externalIds.mal = Number(sites.mal) || sites.mal;
  if (sites.bangumi) externalIds.bangumi = Number(sites.bangumi) || sites.bangumi;
  write(JSON.stringify({
    slug, title: cut(en[0] || item.title, 300), nativeTitle: cut(item.title, 300), alternativeTitles: alternatives,
    format: FORMATS[item.type] || 'SPECIAL', year, season: begin ? SEASONS[begin.getUTCMonth()] : null,
    synopsis: null, tags: [...chosen], ending: ENDINGS[(h >>> 4) % 4], tearjerker: 1 + ((h >>> 12) % 10),
    streaming: [], externalIds,
  }));
  count++;
}
if (out) fs.closeSync(out);
console.log(`bangumi-data: ${count} titles in ${chunk} chunks`);
