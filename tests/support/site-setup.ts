import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { SITE_ARCHIVE, SITE_TODAY } from './site-archive.ts';

/** Builds the fixture site (tests/fixtures/site) once for every end-to-end file; they read its folder with inject('siteDist'). */
export default function setup(project: TestProject): void {
  project.provide('siteDist', buildSite({ archive: SITE_ARCHIVE, today: SITE_TODAY }));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
  }
}
