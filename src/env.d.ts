interface ImportMetaEnv {
  /** True under `astro dev` only: drafts are visible. Set by src/integrations/drafts.ts. */
  readonly HINDSIGHT_SHOW_DRAFTS: boolean;
}
