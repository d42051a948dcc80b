// `hoptrace report summary`: the case on one page — counts, a timeline, the top infrastructure with why it
// scored, relay chains, identity clusters (account ids, providers, which fields agreed; no PII), the
// attribution ranking in estimative words, and the attribution graph.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../core/types.ts';
import type { Store } from '../../../store/store.ts';
import { esc, kv, page, table } from '../html.ts';
import { barsSvg, timelineSvg } from '../svg.ts';
import { attributionGraph } from './attribution-graph.ts';
import { graphSvg } from './graph-svg.ts';

const utc = (t: number | null) => (t == null ? '' : `${new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

export async function writeSummaryReport(store: Store, outDir: string, caseName: string): Promise<string[]> {
  const findings = await store.findings({});
  const of = (a: string, k: string) => findings.filter((f) => f.analyzer === a && f.kind === k);
  const counts = { evidence: await store.count('evidence'), flows: await store.count('flows'), orgs: await store.count('orgs'), indicators: await store.count('indicators') };
  const victims = of('impact', 'victim-impact');
  const actors = of('attribution', 'actor').sort((a, b) => b.score - a.score);
  const noConfident = of('attribution', 'no-confident-attribution')[0];
  const html = page(`Case summary: ${caseName}`, [
    headlineBox(victims, actors, noConfident),
    '<h2>At a glance</h2>',
    kv([['Evidence files', counts.evidence], ['Flow records', counts.flows.toLocaleString('en')], ['Organisations in scope', counts.orgs],
      ['Victims (attacker infrastructure touched them)', `${victims.length} — ${['critical', 'high', 'medium', 'low'].map((s) => `${victims.filter((v) => v.details.severity === s).length} ${s}`).join(', ')}`],
      ['Attacker infrastructure (shared-infra ≥ 0.7)', of('shared-infra', 'endpoint').filter((f) => f.score >= 0.7).length], ['Relay chains', of('relays', 'relay-chain').length],
      ['Known indicators matched', of('ioc-match', 'ioc-hit').length], ['Prior-intel indicators', counts.indicators],
      ['Leases attributed to rented servers', of('leases', 'lease-attribution').length], ['Identity clusters', of('identities', 'identity-cluster').length]]),
    '<h2>Timeline</h2>',
    '<p class="sub">When victims were first touched, when relayed sessions started, and when beacons were active.</p>',
    timelineSvg([
      { label: 'victim first contact', color: '#3a6ea5', times: victims.map((f) => f.first_seen ?? 0) },
      { label: 'relayed session start', color: '#b3261e', times: of('relays', 'relay-chain').map((f) => f.first_seen).filter((t): t is number => t != null) },
      { label: 'beacon first seen', color: '#f2b300', times: of('beacons', 'beacon').map((f) => f.first_seen).filter((t): t is number => t != null) },
    ]),
    '<h2>Attribution</h2>', attributionSection(actors, noConfident),
    '<h2>Attribution graph</h2>',
    '<p class="sub">Read left to right: victims were touched by attacker servers; those servers were rented under provider accounts; accounts that look like the same person form an identity; servers and identities tie to the actor through intel indicators and victims\' sightings. Dashed lines: servers or identities that the actor\'s intel (indicators, victims\' sightings) points to. Hover a box or line for details.</p>',
    graphSvg(attributionGraph(findings)),
    '<h2>Top attacker infrastructure</h2>', infrastructureSection(of('shared-infra', 'endpoint')),
    '<h2>Relay chains (stepping stones)</h2>', relaySection(of('relays', 'relay-chain')),
    '<h2>Identity clusters</h2>', identitySection(of('identities', 'identity-cluster')),
  ].join('\n'), { tlp: 'amber', subtitle: 'what happened, who did it (and how sure we are), and the evidence behind it' });
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'summary.html');
  writeFileSync(path, html);
  return [path];
}

function headlineBox(victims: Finding[], actors: Finding[], none: Finding | undefined): string {
  const first = Math.min(...victims.map((v) => v.first_seen ?? Infinity)), last = Math.max(...victims.map((v) => v.last_seen ?? 0));
  const top = actors[0];
  const who = top && top.details.confidence !== 'unlikely' && !none
    ? `We assess it is <b>${esc(top.details.confidence)}</b> that this is the work of <b>${esc(top.subject)}</b>.`
    : 'The evidence does not support a confident attribution to any known group.';
  return `<div class="box"><p style="font-size:15px;margin:.2rem 0">${victims.length ? `Between ${esc(utc(first))} and ${esc(utc(last))}, attacker-controlled rented servers touched <b>${victims.length}</b> organisations.` : 'No victim has been identified yet.'} ${who}</p></div>`;
}

function attributionSection(actors: Finding[], none: Finding | undefined): string {
  const note = none ? `<p class="bad">No confident attribution: ${esc(none.details.reason)}</p>` : '';
  return note + table(actors, [
    { head: 'Rank', cell: (f) => f.details.rank, num: true }, { head: 'Actor', cell: (f) => `${f.subject}${(f.details.external_ids as string[])?.length ? ` (${(f.details.external_ids as string[]).join(', ')})` : ''}` },
    { head: 'Confidence', cell: (f) => `<b>${esc(f.details.confidence)}</b>`, raw: true }, { head: 'Score', cell: (f) => f.score.toFixed(2), num: true },
    { head: 'Strongest evidence (weight, path)', cell: (f) => `<ul style="margin:0;padding-left:1rem">${((f.details.evidence as string[]) ?? []).slice(0, 4).map((e) => `<li>${esc(e.split(' | ')[0])}</li>`).join('')}</ul>`, raw: true },
    { head: 'Items shared with other actors', cell: (f) => ((f.details.shared_items as Array<{ item: string; shared_by: number }>) ?? []).slice(0, 5).map((s) => `${s.item} (×${s.shared_by})`).join(', ') },
  ], 'no candidate actors (no intel ties the evidence to any group)')
    + '<p class="sub">Score = 1 − exp(−Σ weights); an item\'s weight falls with the number of actors known to use it, so tools many groups share count for little. Words: <i>almost certain</i> = score ≥ 0.9 and ≥ 0.3 ahead of the runner-up; <i>likely</i> = ≥ 0.7 and ≥ 0.15 ahead; <i>roughly even</i> = ≥ 0.4; otherwise, or when all of an actor\'s evidence is shared with other actors, <i>unlikely</i>.</p>';
}

function infrastructureSection(endpoints: Finding[]): string {
  const top = [...endpoints].sort((a, b) => b.score - a.score).slice(0, 15);
  return `<p class="sub">shared-infra score (0–1) and how many victim organisations contacted each endpoint; the full explanation of each score is in the findings (hoptrace findings --analyzer shared-infra).</p>` + barsSvg(top.map((f) => ({ label: f.subject, value: f.score, note: `${f.score.toFixed(2)} · ${why(f)}` })), { color: '#b3261e' });
}

function why(f: Finding): string {
  const n = (f.details.numbers as Record<string, unknown>) ?? {};
  const comps = Object.entries((f.details.components as Record<string, number>) ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${Number(v).toFixed(2)}`);
  if (n.orgs != null) return `${n.orgs} orgs`;
  return comps[0] ?? (f.details.domain ? `name; ${(f.details.orgs_using_name as number) ?? '?'} orgs` : '');
}

function relaySection(chains: Finding[]): string {
  return table([...chains].sort((a, b) => b.score - a.score).slice(0, 15), [
    { head: 'Started', cell: (f) => utc(f.first_seen) }, { head: 'Origin → relays → target', cell: (f) => `<span class="mono">${esc(f.subject)}</span>`, raw: true },
    { head: 'Score', cell: (f) => f.score.toFixed(2), num: true },
  ], 'no relay chains found');
}

function identitySection(clusters: Finding[]): string {
  return table(clusters, [
    { head: 'Identity', cell: (f) => f.subject }, { head: 'Accounts (provider:id)', cell: (f) => ((f.details.accounts as string[]) ?? []).join(', ') },
    { head: 'Fields that agreed', cell: (f) => ((f.details.explanation as Array<{ field: string; agreement: string }>) ?? []).filter((x) => x.agreement !== 'disagree').map((x) => `${x.field} (${x.agreement})`).join(', ') },
    { head: 'Confidence', cell: (f) => f.score.toFixed(2), num: true },
  ], 'no identity clusters') + '<p class="sub">Personal details stay in the case store; this report names accounts only by provider and account id.</p>';
}
