import * as p from '@clack/prompts';
import type { InitPrompter } from './cli.ts';

/** The terminal prompter of `npm run init`: clack's text and confirm prompts; Ctrl-C cancels. */
export const clackPrompter: InitPrompter = {
  intro: (title) => p.intro(title),
  async text(question) {
    const answer = await p.text({
      message: question.message,
      placeholder: question.placeholder,
      initialValue: question.initialValue,
      validate: question.validate ? (value) => question.validate!(value ?? '') : undefined,
    });
    if (p.isCancel(answer)) {
      p.cancel('Nothing was changed.');
      return undefined;
    }
    return String(answer ?? '');
  },
  async confirm(message) {
    const answer = await p.confirm({ message, initialValue: false });
    if (p.isCancel(answer)) return undefined;
    return answer;
  },
};
