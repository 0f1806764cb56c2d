import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';

/** The day the demo site is built for in tests: overdue items and budgets left are judged against it. */
export const DEMO_TODAY = '2026-11-26';

/** Builds the demo site once for every end-to-end test file; they read its folder with inject('demoDist'). */
export default function setup(project: TestProject): void {
  project.provide('demoDist', buildSite({ today: DEMO_TODAY }));
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoDist: string;
  }
}
