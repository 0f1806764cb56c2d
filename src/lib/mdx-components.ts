/**
 * Components every post-mortem body may use without an import: the incident page passes them to the
 * MDX content (`<Content components={{ Internal }} />`). Keep this list and that call in step.
 */
export const PROVIDED_COMPONENTS = ['Internal'] as const;
