import type { GeneratedBlock } from './blocks.ts';
import { fieldsBlock } from './fields.ts';
import { enforcedRulesBlock } from './pull-request.ts';
import { rulesBlock } from './rules.ts';
import { settingsBlock } from './settings.ts';

/** Every generated block of the docs; `npm run docs` writes them and a unit test keeps them fresh. */
export const GENERATED_BLOCKS: GeneratedBlock[] = [settingsBlock, fieldsBlock, rulesBlock, enforcedRulesBlock];
