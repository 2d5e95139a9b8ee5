/**
 * Editions: several newsletters from one config and one store. Pure. An edition's
 * config is the whole config with the edition's newsletter, rank defaults, sources and
 * interests; its issues are keyed `<edition>/<date>`, so they sit in
 * `outbox/<edition>/<date>/` and have ledger rows, novelty and an archive of their own.
 */
import { BriefingError } from '../errors.js';
import type { BriefingConfig, NewsletterConfig, RankConfig } from './schema.js';

/** The edition ids of a config, in config order (none without `editions:`). */
export function editionIds(config: Pick<BriefingConfig, 'editions'>): string[] {
  return config.editions.map((e) => e.id);
}

/** The config as edition `id` sees it. Throws EUSAGE naming the editions when there is no such edition. */
export function editionConfig(config: BriefingConfig, id: string): BriefingConfig {
  const e = config.editions.find((x) => x.id === id);
  if (!e) {
    const known = editionIds(config);
    throw new BriefingError(
      'EUSAGE',
      known.length ? `no edition "${id}" in the config` : `--edition ${id}: the config defines no editions`,
      known.length ? `use one of: ${known.join(', ')}` : 'add an editions: list to the config, or leave --edition out',
    );
  }
  const sources = e.sources ? config.sources.filter((s) => e.sources?.includes(s.name)) : config.sources;
  const interests = e.interests ? config.interests.filter((i) => e.interests?.includes(i.id)) : config.interests;
  const newsletter: NewsletterConfig = e.newsletter;
  const rank: RankConfig = e.rank;
  return { ...config, edition: e.id, newsletter, rank, sources, interests };
}

/**
 * The configs a command runs for: the one edition asked for, every edition when the
 * config has editions and none was asked for, or the config itself.
 */
export function configsFor(config: BriefingConfig, edition?: string): BriefingConfig[] {
  if (edition !== undefined) return [editionConfig(config, edition)];
  if (config.editions.length === 0) return [config];
  return editionIds(config).map((id) => editionConfig(config, id));
}

/** The prefix of an edition's issue ids (`weekly/`); '' for the one newsletter. */
export function issuePrefix(edition: string | undefined): string {
  return edition ? `${edition}/` : '';
}

/** The edition of an issue id (`weekly/2026-11-16` → `weekly`), undefined for the one newsletter's. */
export function editionOfIssue(issueId: string): string | undefined {
  const i = issueId.indexOf('/');
  return i > 0 ? issueId.slice(0, i) : undefined;
}
