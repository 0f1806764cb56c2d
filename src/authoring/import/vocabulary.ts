import { type ACTION_STATUSES, DETECTIONS, TRIGGERS, type DECISIONS, type ACTION_KINDS } from '../../schema/incident.ts';
import type { Severity } from '../../schema/taxonomy.ts';

/** The fields a source's frontmatter keys or "Key: value" lines are read into. */
export type SourceField =
  | 'title'
  | 'date'
  | 'time'
  | 'detected'
  | 'mitigated'
  | 'resolved'
  | 'duration'
  | 'severity'
  | 'services'
  | 'teams'
  | 'authors'
  | 'status'
  | 'tags'
  | 'summary'
  | 'type'
  | 'visibility'
  | 'detection'
  | 'trigger'
  | 'actions';

/** What people call each field, normalised: lower case, words joined by `_`. */
const KEY_NAMES: Record<SourceField, string[]> = {
  title: ['title', 'name', 'incident_title', 'incident_name', 'subject'],
  date: [
    'date',
    'incident_date',
    'date_of_incident',
    'incident_start',
    'start',
    'start_date',
    'start_time',
    'started',
    'started_at',
    'started_when',
    'start_when',
    'began',
    'occurred',
    'occurred_at',
    'occurred_on',
    'when',
    'impact_start',
    'impact_started',
  ],
  time: ['time', 'incident_time', 'time_of_incident', 'start_time_utc', 'time_started'],
  detected: ['detected', 'detected_at', 'detected_when', 'detection_time', 'time_detected', 'time_to_detect_at'],
  mitigated: [
    'mitigated',
    'mitigated_at',
    'mitigated_when',
    'mitigation_time',
    'time_mitigated',
    'impact_end',
    'impact_ended',
    'impact_ended_at',
  ],
  resolved: [
    'resolved',
    'resolved_at',
    'resolved_when',
    'resolution_time',
    'time_resolved',
    'end',
    'ended',
    'ended_at',
    'ended_when',
    'end_time',
    'closed_at',
  ],
  duration: [
    'duration',
    'impact_duration',
    'outage_duration',
    'incident_duration',
    'length',
    'total_duration',
    'time_to_recovery',
    'time_to_recover',
    'time_to_restore',
    'time_to_mitigate',
    'time_to_mitigation',
    'ttr',
    'downtime',
  ],
  severity: [
    'severity',
    'sev',
    'incident_severity',
    'severity_level',
    'sev_level',
    'level',
    'priority',
    'impact_level',
    'status_page',
    'status_page_impact',
    'status_page_status',
  ],
  services: [
    'service',
    'services',
    'system',
    'systems',
    'affected_service',
    'affected_services',
    'affected_system',
    'affected_systems',
    'component',
    'components',
    'affected_components',
    'services_affected',
    'systems_affected',
    'service_affected',
    'system_affected',
    'component_affected',
  ],
  teams: ['team', 'teams', 'owning_team', 'owning_teams', 'responsible_team'],
  authors: [
    'author',
    'authors',
    'owner',
    'owners',
    'written_by',
    'prepared_by',
    'document_owner',
    'postmortem_owner',
    'post_mortem_owner',
    'editor',
    'editors',
  ],
  status: ['status', 'state', 'document_status', 'postmortem_status', 'review_status'],
  tags: ['tags', 'labels', 'keywords'],
  summary: ['summary', 'tldr', 'tl_dr', 'description', 'abstract', 'synopsis'],
  type: ['type', 'incident_type', 'kind'],
  visibility: ['visibility', 'audience'],
  detection: ['detection', 'detected_by', 'detection_method', 'how_detected', 'detection_source'],
  trigger: ['trigger', 'triggered_by'],
  actions: ['action_items', 'actions', 'follow_ups', 'followups', 'follow_up_actions', 'action_points', 'todo', 'todos'],
};

/** A key as written (`Incident Date`, `incident-date`, `incidentDate`) in its normalised form, `incident_date`. */
export function normaliseKey(key: string): string {
  // camelCase keys (`resolvedWhen`, `affectedServices`) are words too.
  return key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The field a key means, or undefined for a key the format has no place for. */
export function fieldOfKey(key: string): SourceField | undefined {
  const normal = normaliseKey(key);
  for (const [field, names] of Object.entries(KEY_NAMES)) if (names.includes(normal)) return field as SourceField;
  return undefined;
}

/** What a section of the source is, by its heading. */
export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'factors'
  | 'response'
  | 'well'
  | 'wrong'
  | 'lucky'
  | 'lessons'
  | 'supporting'
  | 'actions'
  | 'trigger'
  | 'detection'
  | 'severity'
  | 'details';

/** The template's section names, which clearly corresponding source headings are renamed to. */
export const TEMPLATE_SECTIONS: Partial<Record<SectionKind, string>> = {
  impact: 'Impact',
  timeline: 'Timeline',
  factors: 'Contributing factors',
  response: 'Response and the decision taken',
  well: 'What went well',
  wrong: 'What went wrong',
  lucky: 'Where we got lucky',
  lessons: 'Lessons',
  supporting: 'Supporting information',
};

const SECTION_NAMES: Record<SectionKind, RegExp> = {
  summary:
    /^(?:(?:executive|incident|issue|short)\s+)?summary$|^tl;?\s?dr$|^overview$|^synopsis$|^abstract$|^what happened\??$|^description$|^incident description$/,
  impact: /^(?:(?:customer|user|business|service)\s+)?impact(?:\s+assessment)?$|^who was affected\??$|^scope(?: and impact)?$/,
  timeline: /^(?:incident\s+|detailed\s+)?timeline(?:\s+of\s+events)?$|^chronology$|^sequence of events$|^events$/,
  factors:
    /^root\s*causes?(?:\s+analysis)?$|^rca$|^(?:contributing|causal)\s+factors?$|^causes?$|^why (?:did )?it happen(?:ed)?\??$|^what caused it\??$|^root causes? and contributing factors$|^5 whys$|^five whys$/,
  response:
    /^resolution(?:\s+and\s+recovery)?$|^response$|^(?:incident\s+)?response(?:\s+and\s+recovery)?$|^mitigation$|^recovery$|^how (?:was it|we) (?:fixed|resolved)(?: it)?\??$|^fix$/,
  well: /^(?:what|things that)\s+went\s+(?:well|right)$|^went well$|^the good$/,
  wrong: /^(?:what|things that)\s+went\s+(?:wrong|badly|poorly)$|^what (?:didn'?t|did not) go well$|^went wrong$|^the bad$/,
  lucky:
    /^where we got lucky$|^(?:where|what) (?:we|were we) (?:got )?lucky$|^lucky$|^luck$|^(?:what|how it) could have (?:gone|been) worse$/,
  lessons: /^lessons?(?:\s+learn(?:ed|t))?$|^learnings?$|^(?:key\s+)?takeaways?$|^what we learn(?:ed|t)$/,
  supporting: /^supporting (?:information|material|data)$|^appendi(?:x|ces)$|^references?$|^links?$|^attachments?$|^further reading$/,
  actions:
    /^(?:action\s+(?:items?|points?|plan)|actions?(?:\s+taken)?|follow[-\s]?ups?(?:\s+actions?|\s+items?)?|next steps|corrective actions?|remediation(?:\s+items?|\s+actions?|\s+plan)?|(?:preventive|preventative|corrective)(?:\s+(?:and|&)\s+(?:preventive|preventative|corrective))?\s+(?:actions?|measures?)|looking (?:forward|ahead)|what(?:'s| is) next|what we(?:'re| are| will be)? (?:doing|changing|going to (?:do|change))(?: about it| next| to prevent (?:this|it|a repeat))?|improvements?(?: we are making)?|(?:improving|preventing|reducing) [\w\s'-]+|todo|to[-\s]dos?)$/,
  trigger: /^trigger$|^what triggered it\??$/,
  detection: /^detection$|^how (?:was it|we) (?:detected|noticed)(?: it)?\??$/,
  severity: /^(?:incident\s+)?severity(?:\s+level)?$|^sev(?:erity)? level$/,
  details: /^(?:incident\s+)?(?:details|metadata|information|info|facts)$|^at a glance$|^key facts$|^(?:incident\s+)?overview$/,
};

/** The heading text without numbering, emoji, trailing colons or a parenthesised note, lower-cased. */
export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[\s\d.)-]+(?=[a-z])/, '')
    .replace(/[^\p{L}\p{N}\s;'?-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim();
}

/** What a section is, by its heading; undefined when it is none of the known kinds. */
export function sectionKind(title: string): SectionKind | undefined {
  const normal = normaliseHeading(title);
  for (const [kind, pattern] of Object.entries(SECTION_NAMES)) if (pattern.test(normal)) return kind as SectionKind;
  // "Appendix A: detailed timeline", "Timeline of the outage": a heading that names the timeline is one.
  if (/\btimeline\b/.test(normal) && normal.split(' ').length <= 6) return 'timeline';
  return undefined;
}

/** A severity mapped to the taxonomy: its id and whether the mapping is an interpretation to check. */
export interface SeverityMapping {
  id: string;
  exact: boolean;
}

// Status-page words are levels too: a major outage is the top one, a partial outage or disruption the
// second, degraded performance the third.
const SEVERITY_WORDS: [RegExp, number][] = [
  [/^(?:critical|crit|blocker|emergency|urgent|highest|catastrophic|major outage|full outage|outage|down)$/, 0],
  [/^(?:high|major|severe|serious|partial outage|disrupted|disruption|service disruption|partially disrupted)$/, 1],
  [/^(?:medium|moderate|normal|med|significant|degraded|degraded performance|degradation|performance degradation)$/, 2],
  [/^(?:low|minor|lowest|trivial|cosmetic|informational|info|minor disruption)$/, 3],
];

/** Maps `1`, `P1`, `SEV-2`, `Sev 2`, `high` or a taxonomy name to a severity id; undefined when it cannot. */
export function mapSeverity(value: string, severities: readonly Severity[]): SeverityMapping | undefined {
  // "Sev-3 (minor)": the level, else the word in brackets.
  const aside = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(value.trim());
  if (aside) {
    const mapping = mapSeverity(aside[1]!, severities) ?? mapSeverity(aside[2]!, severities);
    return mapping ? { id: mapping.id, exact: false } : undefined;
  }
  const written = value.trim();
  const exact = severities.find((s) => s.id === written);
  if (exact) return { id: exact.id, exact: true };
  const lower = written.toLowerCase();
  const byId = severities.find(
    (s) => s.id.toLowerCase() === lower || s.id.toLowerCase().replace(/[^a-z0-9]/g, '') === lower.replace(/[^a-z0-9]/g, ''),
  );
  if (byId) return { id: byId.id, exact: false };
  const byName = severities.find((s) => s.name.toLowerCase() === lower);
  if (byName) return { id: byName.id, exact: false };
  const number = /^(?:sev(?:erity)?|s|p|priority|level|lvl)?\s*[-_ ]?\s*(\d)$/i.exec(written);
  if (number) {
    // Level 0 is the highest on scales that start at 0 (SEV0, P0).
    const rank = Math.max(Number(number[1]) - 1, 0);
    const severity = severities[Math.min(rank, severities.length - 1)];
    if (severity && Number(number[1]) <= severities.length) return { id: severity.id, exact: false };
    return undefined;
  }
  for (const [pattern, rank] of SEVERITY_WORDS) {
    if (pattern.test(lower)) return { id: severities[Math.min(rank, severities.length - 1)]!.id, exact: false };
  }
  return undefined;
}

/** An action item's status from what the source wrote (`Done`, `✅`, `in progress`, `won't fix`); undefined when unclear. */
export function mapActionStatus(value: string): (typeof ACTION_STATUSES)[number] | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .trim();
  if (/^(?:\[x\]|x|✅|✔️?|☑️?|done|complete[d]?|closed|fixed|resolved|finished|shipped|merged|deployed|yes|implemented)$/.test(v))
    return 'done';
  if (/^(?:in[-\s]?progress|doing|started|wip|ongoing|underway|in review|in development|🚧|⏳)$/.test(v)) return 'in-progress';
  if (
    /^(?:won'?t[-\s]?(?:do|fix)|will not (?:do|fix)|wont-do|cancell?ed|dropped|rejected|obsolete|abandoned|declined|n\/a|not doing|❌)$/.test(
      v,
    )
  )
    return 'wont-do';
  if (/^(?:\[ \]|open|to[-\s]?do|not started|new|planned|backlog|pending|proposed|scheduled|agreed|todo|⬜|🔲|no)$/.test(v)) return 'open';
  return undefined;
}

/** Action-item kinds by what an item's title says; `process` when nothing is obvious. */
const KIND_WORDS: [(typeof ACTION_KINDS)[number], RegExp][] = [
  [
    'detect',
    /\b(?:alerts?|alerting|alarms?|monitor(?:s|ing)?|dashboards?|pag(?:e|ing) (?:on|when)|synthetic|probes?|detect(?:ion)?|slo burn)\b/i,
  ],
  [
    'mitigate',
    /\b(?:runbooks?|playbooks?|fail ?over|roll ?backs?|circuit[- ]breakers?|fallbacks?|kill[- ]switch(?:es)?|retr(?:y|ies)|timeouts?|rate[- ]limit(?:s|ing)?|degrade gracefully|graceful degradation|backoff)\b/i,
  ],
  [
    'prevent',
    /\b(?:prevent|validat(?:e|es|ion)|reject|refuse|block|guard(?:rail)?s?|lint(?:er)?|tests?|canary|canaries|pin(?:ned)?|enforce|require|fix|patch)\b/i,
  ],
  [
    'learn',
    /\b(?:training|train|share|sharing|brown[- ]bag|lunch[- ]and[- ]learn|write[- ]up|onboarding|teach|study|document(?:ation)?)\b/i,
  ],
];

/** The kind of an action item by its title, and whether it was guessed (else the default `process`). */
export function guessActionKind(title: string): { kind: (typeof ACTION_KINDS)[number]; guessed: boolean } {
  for (const [kind, pattern] of KIND_WORDS) if (pattern.test(title)) return { kind, guessed: true };
  return { kind: 'process', guessed: false };
}

/** A written action-item kind (`Mitigate`, `prevention`, `detection`); undefined when it is none of them. */
export function mapActionKind(value: string): (typeof ACTION_KINDS)[number] | undefined {
  const v = value.trim().toLowerCase();
  if (/^prevent(?:ion|ive)?$|^repair$|^fix$/.test(v)) return 'prevent';
  if (/^mitigat(?:e|ion)$/.test(v)) return 'mitigate';
  if (/^detect(?:ion)?$|^monitoring$|^alerting$/.test(v)) return 'detect';
  if (/^process$/.test(v)) return 'process';
  if (/^learn(?:ing)?$|^education$|^documentation$/.test(v)) return 'learn';
  return undefined;
}

/** Contributing-factor categories by what a factor says; `other` when nothing matches. */
const CATEGORY_WORDS: [string, RegExp][] = [
  [
    'monitoring-gap',
    /\b(?:no alert|alerts? (?:did not|didn'?t|never)|monitoring|not (?:monitored|alerted)|dashboards?|alerting|(?:did not|didn'?t|not) (?:notice|detect)|we measure)\b/i,
  ],
  ['runbook-gap', /\b(?:runbooks?|playbooks?)\b/i],
  ['release-size', /\b(?:large|big|huge) (?:release|deploy(?:ment)?|change|batch)|\bbatched\b|\bmany changes\b/i],
  ['configuration', /\b(?:config(?:uration)?|settings?|flags?|parameters?|misconfigur\w*|threshold)\b/i],
  [
    'capacity',
    /\b(?:capacity|load|saturat\w*|exhaust\w*|memory|cpu|disk (?:full|space)|quota|connection pool|throttl\w*|traffic spike|surge|out of)\b/i,
  ],
  ['dependency', /\b(?:third[- ]party|vendor|provider|upstream|supplier|dependency|external service|cloud provider|aggregator)\b/i],
  ['testing', /\b(?:tests?|testing|untested|coverage)\b/i],
  ['code-review', /\b(?:code review|reviewed|reviewer|review)\b/i],
  ['environment-drift', /\b(?:staging|drift|environments? (?:differ\w*)|differ\w* (?:from|between) (?:staging|production))\b/i],
  ['qa-uat', /\b(?:qa|uat|acceptance test\w*|manual test\w*)\b/i],
  ['communication', /\b(?:communicat\w*|status page|hand-?over|not informed|escalat\w*)\b/i],
  ['knowledge-gap', /\b(?:did not know|didn'?t know|unaware|undocumented|not documented|knowledge|nobody knew|no one knew)\b/i],
  ['process', /\b(?:process|procedure|approval|manual step|sign-?off)\b/i],
];

/** The category of a contributing factor by its text, among the taxonomy's categories; `other` (or the last category) otherwise. */
export function guessCategory(text: string, categories: readonly string[]): string {
  for (const [category, pattern] of CATEGORY_WORDS) if (categories.includes(category) && pattern.test(text)) return category;
  return categories.includes('other') ? 'other' : categories[categories.length - 1]!;
}

/** The value whose pattern matches earliest in the text (the first one listed on a tie); undefined when none matches. */
function earliest<T>(table: readonly [T, RegExp][], text: string): T | undefined {
  let best: { value: T; index: number } | undefined;
  for (const [value, pattern] of table) {
    const index = text.search(pattern);
    if (index >= 0 && (!best || index < best.index)) best = { value, index };
  }
  return best?.value;
}

const TRIGGER_WORDS: [(typeof TRIGGERS)[number], RegExp][] = [
  [
    'config-change',
    /\b(?:(?:config(?:uration)?|rate[- ]limit|limit|threshold|setting|flag) (?:change|push|update)|changed? (?:the )?(?:config(?:uration)?|setting|flag)|feature flag|flag (?:flip|push)|toggled)\b/i,
  ],
  [
    'deploy',
    /\b(?:deploy(?:ed|ment|s)?|release[ds]?|roll(?:ed|ing)?[- ]?out|rollout|shipped|merged|new version|firmware (?:update|upgrade))\b/i,
  ],
  ['security', /\b(?:attack\w*|breach|credential stuffing|vulnerab\w*|malicious|ddos)\b/i],
  [
    'traffic',
    /\b(?:traffic (?:spike|surge)|spike in (?:traffic|requests|load)|surge|load spike|marketing (?:e-?mail|campaign)|viral|bot traffic)\b/i,
  ],
  ['dependency', /\b(?:third[- ]party|vendor|provider|upstream|supplier|outage at|dependency|aggregator|partner)\b/i],
  ['data', /\b(?:migration|backfill|corrupt\w*|bad data|malformed (?:data|record|file)|schema change|data import)\b/i],
  [
    'infrastructure',
    /\b(?:disk|node|hardware|network|dns|certificate|host|cluster|kubernetes|k8s|database failover|instance|volume|load balancer|power|storage|controller fault|backup|broker)\b/i,
  ],
];

/** What set the incident off, guessed from text (the earliest clue wins); undefined when nothing matches. */
export function guessTrigger(text: string): (typeof TRIGGERS)[number] | undefined {
  return earliest(TRIGGER_WORDS, text);
}

/** A written trigger (`Deploy`, `config change`) as a format value; undefined when it is none. */
export function mapTrigger(value: string): (typeof TRIGGERS)[number] | undefined {
  const v = normaliseKey(value).replace(/_/g, '-');
  return (TRIGGERS as readonly string[]).includes(v) ? (v as (typeof TRIGGERS)[number]) : guessTrigger(value);
}

// In order of precedence: an alert named anywhere in the text beats a customer mentioned before it.
const DETECTION_WORDS: [(typeof DETECTIONS)[number], RegExp][] = [
  ['synthetic-check', /\b(?:synthetic|probes?|uptime check|pingdom|smoke test)\b/i],
  ['alert', /\b(?:alerts?|alarms?|paged|pager(?:duty)?|opsgenie|monitor(?:ing)? (?:fired|triggered)|fired)\b/i],
  [
    'customer-report',
    /\b(?:(?:customers?|riders?|users?|clients?) (?:report|complain|contact|call|tweet|wrote|e-?mail)\w*|support (?:tickets?|contacts?|agents?|team|reports?)|complain\w*|social media|tweets?|call cent(?:re|er))\b/i,
  ],
  ['employee-report', /\b(?:engineer|employee|staff|colleague|noticed|spotted|ops team|someone on|lead|crew|driver)\b/i],
];

/** How the incident was noticed, guessed from text; undefined when nothing matches. */
export function guessDetection(text: string): (typeof DETECTIONS)[number] | undefined {
  return DETECTION_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** A written detection (`Alert`, `customer report`) as a format value; undefined when it is none. */
export function mapDetection(value: string): (typeof DETECTIONS)[number] | undefined {
  const v = normaliseKey(value).replace(/_/g, '-');
  return (DETECTIONS as readonly string[]).includes(v) ? (v as (typeof DETECTIONS)[number]) : guessDetection(value);
}

const DECISION_WORDS: [(typeof DECISIONS)[number], RegExp][] = [
  [
    'config-revert',
    /\b(?:revert(?:ed|ing)? (?:the )?(?:config(?:uration)?|setting|flag|change to the config)|flag (?:turned|switched) off|disabled the (?:feature )?flag|turned (?:the )?flag off)\b/i,
  ],
  ['rollback', /\b(?:roll(?:ed|ing)?[- ]?back|revert(?:ed|ing)? (?:the )?(?:deploy(?:ment)?|release|commit|change|version))\b/i],
  [
    'failover',
    /\b(?:fail(?:ed|ing)?[- ]?over|switch(?:ed|ing)?\b.{0,40}\bto (?:the |a |an )?(?:[\w-]+ )?(?:fallback|secondary|stand-?by|backup|replica))\b/i,
  ],
  ['restore', /\b(?:restor(?:ed|ing) (?:from|the data|data|a backup|the backup))\b/i],
  ['hotfix', /\b(?:hot-?fix(?:ed)?|emergency (?:patch|fix))\b/i],
  ['forward-fix', /\b(?:fix(?:ed)? forward|forward[- ]fix|roll(?:ed)? forward|deployed a fix|shipped a fix|patch(?:ed)?)\b/i],
  ['wait-and-watch', /\b(?:recovered on its own|self[- ]heal\w*|resolved itself|waited|wait and watch)\b/i],
];

/** How the impact was stopped, guessed from text (the earliest clue wins); undefined when nothing matches. */
export function guessDecision(text: string): (typeof DECISIONS)[number] | undefined {
  return earliest(DECISION_WORDS, text);
}

// "Rolled back. The map stays empty": a step that did not stop the impact is an action, not the mitigation.
const STILL_BROKEN =
  /\b(?:stays?|still|remain(?:s|ed)?|keeps? (?:failing|erroring)|did(?: not|n't) help|no (?:change|effect|improvement)|without effect)\b/i;

/** The kind of a timeline event by its text. */
export function guessEventKind(
  text: string,
  first: boolean,
): 'trigger' | 'detect' | 'escalate' | 'action' | 'mitigate' | 'resolve' | 'note' {
  if (
    /\b(?:resolved|incident (?:closed|over)|all clear|fully (?:recovered|restored|current|caught up|up to date)|all caught up|fixed|fix (?:deployed|released|rolled out)|closed the incident)\b/i.test(
      text,
    )
  )
    return 'resolve';
  if (
    /\b(?:mitigat\w*|rolled back|roll(?:back|ing back) (?:complete|finished|done)|reverted|failed over|recovered|restored|back to normal|error rates? (?:returned|back|dropped)|impact (?:ended|stopped)|recovering|stabili[sz]ed|back (?:up|online|above|below|under|within|to)|return(?:s|ed)? to normal|(?:errors?|charges?|failures?|timeouts?|duplicates?|impact) (?:stop|stops|stopped|ceased?|end|ends|ended)|(?:succeed|work|arriv|respond|flow|load|live|show|appear|see|acknowledg|open|unlock|connect|reach|complet|process)\w*\b.{0,30}\bagain)\b/i.test(
      text,
    ) &&
    !STILL_BROKEN.test(text)
  )
    return 'mitigate';
  if (/\b(?:escalat\w*|declared|incident commander|bridge|war room|called in|joined|paged (?:the|in)|brought in|pulled in)\b/i.test(text))
    return 'escalate';
  if (
    /\b(?:alerts?|alarms?|paged|pager|notic(?:e|es|ed)|report(?:s|ed)?|detected|complain\w*|support tickets?|spotted|fired)\b/i.test(text)
  )
    return 'detect';
  if (
    first ||
    /\b(?:deploy(?:ed|ment)? (?:started|began|of)|pushed|merged|released|began|started failing|started to fail|rollout (?:started|began))\b/i.test(
      text,
    )
  )
    return 'trigger';
  if (
    /\b(?:restart\w*|scal(?:e|es|ed)|ran|runs?|investigat\w*|appl(?:y|ies|ied)|increas\w*|decreas\w*|disabl\w*|enabl\w*|deploy(?:s|ed)|rolled|drain\w*|kill(?:s|ed)|remov\w*|add(?:s|ed)|check(?:s|ed)|tri(?:es|ed)|start(?:s|ed)|switch\w*|open(?:s|ed)|paus\w*|attach\w*|moved?|links?|confirm\w*)\b/i.test(
      text,
    )
  )
    return 'action';
  return 'note';
}
