#!/usr/bin/env node
// Enriches dataset/titles.json from bangumi-data (CC BY 4.0): streaming links and missing external ids. Re-runnable
// (a second run changes nothing); run extract.js after it, since the extract follows the catalogue's MAL ids:
//
//   mkdir -p /tmp/bangumi && cd /tmp/bangumi && npm install bangumi-data
//   node /path/to/catalog-service/src/test/resources/bangumi/enrich.js
//   node /path/to/catalog-service/src/test/resources/bangumi/extract.js
//
// A title's bangumi-data entry is the one with its MAL id (the first-air one when several share it); a title without
// a MAL id takes the one entry under one of its names that agrees on format, year and season (as BangumiCrossCheckTest
// checks them) and whose MAL id no other title has. From that entry:
// - externalIds: mal, anilist, anidb and bangumi are added where missing (never overwritten);
// - streaming: the entry's international sites (STREAMING below) as links, url from siteMeta[site].urlTemplate (or
//   the site's own url, which bangumi-data gives when the template does not fit), regions from the site or siteMeta
//   (none for these services: bangumi-data then means no region restriction is recorded, so the list stays empty).
// The first 56 titles are the articles': their services stay exactly as the articles name them, and only get a url
// (and regions) where bangumi-data has the same service. Other titles keep any link bangumi-data does not have.
'use strict';
const fs = require('fs');
const path = require('path');

const datasetFile = path.resolve(__dirname, '../../../main/resources/dataset/titles.json');
const pkgDir = path.dirname(require.resolve('bangumi-data/package.json', { paths: [process.cwd()] }));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(pkgDir, pkg.main), 'utf8'));
const titles = JSON.parse(fs.readFileSync(datasetFile, 'utf8'));

const ARTICLE_TITLES = 56;
// International streaming services: bangumi-data site key -> the name the dataset shows.
const STREAMING = { crunchyroll: 'Crunchyroll', netflix: 'Netflix', prime: 'Amazon Prime Video', disneyplus: 'Disney+' };
// The names the articles use -> service keys (bangumi-data's site keys where it has the service).
const KEYS = { 'Netflix': 'netflix', 'Amazon Prime Video': 'prime', 'Crunchyroll': 'crunchyroll', 'Disney+': 'disneyplus',
    'Funimation': 'funimation', 'Hulu': 'hulu' };
const FORMATS = { tv: 'TV', movie: 'MOVIE', ova: 'OVA', web: 'ONA' };
// BangumiCrossCheckTest's KNOWN_EXCEPTIONS: bangumi-data has the entry under the title's name but a wrong date.
const WRONG_DATE_IN_BANGUMI_DATA = new Set(['given-the-movie']);

const normalize = s => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const siteId = (item, name) => (item.sites.find(s => s.site === name) || {}).id || null;

// As BangumiCrossCheckTest: the first broadcast in Japanese time, its quarter, or the next one from the 20th of a
// quarter's last month.
function agrees(title, item) {
    if (FORMATS[item.type] === title.format && WRONG_DATE_IN_BANGUMI_DATA.has(title.slug)) {
        return true;
    }
    if (FORMATS[item.type] !== title.format || !item.begin) {
        return false;
    }
    const anilist = siteId(item, 'aniList');
    if (title.externalIds && title.externalIds.anilist && anilist && Number(anilist) !== title.externalIds.anilist) {
        return false;
    }
    const tokyo = new Date(Date.parse(item.begin) + 9 * 3600 * 1000);
    const year = tokyo.getUTCFullYear(), month = tokyo.getUTCMonth() + 1, day = tokyo.getUTCDate();
    const names = ['WINTER', 'SPRING', 'SUMMER', 'FALL'];
    const quarter = Math.floor((month - 1) / 3);
    const seasons = [names[quarter]];
    if (month % 3 === 0 && day >= 20 && quarter < 3) {
        seasons.push(names[quarter + 1]);
    }
    return title.year === year && (!title.season || seasons.includes(title.season));
}

const byMal = new Map();
[...data.items].sort((a, b) => (a.begin || '9999').localeCompare(b.begin || '9999')).forEach(item => {
    const mal = siteId(item, 'mal');
    if (mal && !byMal.has(mal)) {
        byMal.set(mal, item);
    }
});
const malsInUse = new Set(titles.filter(t => t.externalIds && t.externalIds.mal).map(t => String(t.externalIds.mal)));

function entryOf(title) {
    if (title.externalIds && title.externalIds.mal) {
        return byMal.get(String(title.externalIds.mal)) || null;
    }
    const names = new Set([title.title, title.nativeTitle, ...(title.alternativeTitles || [])]
        .filter(Boolean).map(normalize).filter(n => n));
    const candidates = data.items.filter(item =>
        [item.title, ...Object.values(item.titleTranslate || {}).flat()].some(n => names.has(normalize(n)))
        && agrees(title, item)
        && !(siteId(item, 'mal') && malsInUse.has(siteId(item, 'mal'))));
    return candidates.length === 1 ? candidates[0] : null;
}

function link(item, key, name) {
    const site = item && item.sites.find(s => s.site === key);
    if (!site) {
        return null;
    }
    const meta = data.siteMeta[key];
    return {
        service: key,
        name,
        url: site.url || meta.urlTemplate.replace('{{id}}', site.id),
        regions: site.regions || meta.regions || [],
    };
}

// The stored links, read from either shape (display names before issue 14, links since).
const current = title => (title.streaming || []).map(s => typeof s === 'string'
    ? { service: KEYS[s], name: s, url: null, regions: [] } : s);

// One entry, one title: an entry found by name for two titles fits neither for certain.
const entries = titles.map(entryOf);
const taken = new Map();
entries.forEach(item => item && taken.set(item, (taken.get(item) || 0) + 1));

let linked = 0, urls = 0, matchedByName = 0;
const added = { mal: 0, anilist: 0, anidb: 0, bangumi: 0 };
const enriched = titles.map((title, index) => {
    const item = entries[index] && taken.get(entries[index]) === 1 ? entries[index] : null;
    if (item && !(title.externalIds && title.externalIds.mal)) {
        matchedByName++;
    }
    const ids = { ...(title.externalIds || {}) };
    for (const [key, site] of [['mal', 'mal'], ['anilist', 'aniList'], ['anidb', 'anidb'], ['bangumi', 'bangumi']]) {
        const id = item && siteId(item, site);
        if (ids[key] == null && id && /^\d+$/.test(id)) {
            ids[key] = Number(id);
            added[key]++;
        }
    }
    let streaming = current(title).map(l => {
        const fresh = link(item, l.service, l.name);
        return fresh || l;
    });
    if (index >= ARTICLE_TITLES && item) {
        for (const key of Object.keys(STREAMING)) {
            if (!streaming.some(l => l.service === key)) {
                const fresh = link(item, key, STREAMING[key]);
                if (fresh) {
                    streaming.push(fresh);
                }
            }
        }
    }
    if (streaming.length) {
        linked++;
    }
    urls += streaming.filter(l => l.url).length;
    // Same field order as before; streaming in place, externalIds with the new ids.
    const out = {};
    for (const [k, v] of Object.entries(title)) {
        out[k] = k === 'streaming' ? streaming : k === 'externalIds' ? ids : v;
    }
    return out;
});

fs.writeFileSync(datasetFile, JSON.stringify(enriched, null, 2) + '\n');
console.log(`bangumi-data ${pkg.version}: ${titles.length} titles, ${matchedByName} matched by name; ${linked} with `
    + `streaming links (${urls} with a url); ids added: ${JSON.stringify(added)} -> ${datasetFile}`);
