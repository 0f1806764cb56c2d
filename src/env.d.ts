declare module 'virtual:hindsight/config' {
  /** The configuration parsed once in astro.config.mjs (src/config), as the site sees it. */
  const config: import('./integrations/config.ts').SiteConfig;
  export default config;
}

declare module 'virtual:hindsight/charts.css' {}
