/** See commune-key.mjs: a plain module, shared with the PostGIS endpoint that node runs without TypeScript. */
export declare const communeKey: (name: string) => string
