// How the PostGIS point of comparison keys a commune's name, both when it loads the communes (bench/postgis.ts) and
// when it reads a question (bench/postgis-server.mjs): no accents, no case, hyphens and apostrophes as spaces, no
// trailing département number (« Moulins 03 »).
/** @param {string} name */
export const communeKey = (name) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+\d{2,3}$/, '')
    .trim()
