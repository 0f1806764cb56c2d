export * from './common.ts';
export * from './taxonomy.ts';
export * from './catalog.ts';
export * from './incident.ts';
export * from './reading-list.ts';
