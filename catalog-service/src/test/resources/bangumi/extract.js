#!/usr/bin/env node
// Regenerates bangumi-extract.json: the few bangumi-data entries that BangumiCrossCheckTest compares the curated
// catalogue with. Run it again whenever dataset/titles.json changes (the test fails while the extract is stale):
//
//   mkdir -p /tmp/bangumi && cd /tmp/bangumi && npm install bangumi-data
//   node /path/to/catalog-service/src/test/resources/bangumi/extract.js
//
// bangumi-data is resolved from the current directory, so nothing is installed in the project and neither the
// build nor the services need npm. An entry is kept when its MAL id is one of ours, or when one of its names equals
// (after normalisation) one of a title's names — the latter so that titles without a MAL id can still be reported.
'use strict';
const fs = require('fs');
const path = require('path');

const datasetFile = path.resolve(__dirname, '../../../main/resources/dataset/titles.json');
const outFile = path.join(__dirname, 'bangumi-extract.json');
const pkgDir = path.dirname(require.resolve('bangumi-data/package.json', { paths: [process.cwd()] }));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(pkgDir, pkg.main), 'utf8'));
const titles = JSON.parse(fs.readFileSync(datasetFile, 'utf8'));

// Same normalisation as BangumiCrossCheckTest.normalize: NFKC, lower case, letters and digits only.
const normalize = s => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const site = (item, name) => (item.sites.find(s => s.site === name) || {}).id || null;
// International streaming services (bangumi-data site keys), as enrich.js links them.
const STREAMING = ['crunchyroll', 'disneyplus', 'netflix', 'prime'];

const malIds = new Set(titles.filter(t => t.externalIds && t.externalIds.mal).map(t => String(t.externalIds.mal)));
const names = new Set();
for (const t of titles) {
    [t.title, t.nativeTitle, ...(t.alternativeTitles || [])].filter(Boolean).map(normalize).filter(n => n).forEach(n => names.add(n));
}

const items = data.items
    .filter(item => malIds.has(site(item, 'mal'))
        || [item.title, ...Object.values(item.titleTranslate || {}).flat()].some(n => names.has(normalize(n))))
    .map(item => ({
        title: item.title,
        titleEn: (item.titleTranslate && item.titleTranslate.en) || [],
        type: item.type,
        begin: item.begin || null,
        mal: site(item, 'mal') ? Number(site(item, 'mal')) : null,
        anilist: site(item, 'aniList') ? Number(site(item, 'aniList')) : null,
        anidb: site(item, 'anidb') ? Number(site(item, 'anidb')) : null,
        bangumi: site(item, 'bangumi') ? Number(site(item, 'bangumi')) : null,
        // The site's id (and its own url where bangumi-data gives one), so that the test can rebuild every link.
        streaming: item.sites.filter(s => STREAMING.includes(s.site))
            .map(s => Object.assign({ site: s.site, id: s.id }, s.url ? { url: s.url } : {}, s.regions ? { regions: s.regions } : {}))
            .sort((a, b) => a.site.localeCompare(b.site) || a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => (a.begin || '').localeCompare(b.begin || '') || a.title.localeCompare(b.title));

const extract = {
    source: 'bangumi-data',
    version: pkg.version,
    license: pkg.license,
    attribution: 'Selected fields of bangumi-data ' + pkg.version + ' (https://github.com/bangumi-data/bangumi-data), '
        + 'licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Only entries that match the catalogue '
        + 'are kept; fields renamed, streaming sites reduced to international services (with their ids and siteMeta).',
    generatedBy: 'catalog-service/src/test/resources/bangumi/extract.js',
    titles: titles.map(t => t.slug).sort(),
    // urlTemplate ({{id}} is the site's id) and regions of the streaming sites.
    siteMeta: Object.fromEntries(STREAMING.map(key => [key, data.siteMeta[key]])),
    items,
};
fs.writeFileSync(outFile, JSON.stringify(extract, null, 1) + '\n');
console.log(`${items.length} bangumi-data ${pkg.version} entries for ${titles.length} titles -> ${outFile}`);
