// One victim's notification package: notice.html (printable), notice.md, indicators.stix.json (only that
// victim's indicators and sightings, TLP-marked), and a draft row in the notifications table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Tlp } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';
import { victimOnly } from '../export/export-case.ts';
import type { ExportModel } from '../export/model.ts';
import { strictestTlp } from '../export/tlp.ts';
import { caseBundle } from '../stix/case-bundle.ts';
import { TLP_MARKING_IDS } from '../stix/markings.ts';
import { noticeData, type NoticeData } from './notice-data.ts';
import { noticeHtml } from './notice-html.ts';
import { noticeMarkdown } from './notice-md.ts';
import { upsertDraft, type NotificationRow } from './notifications-store.ts';

export interface PackageResult { org: string; dir: string; files: string[]; tlp: Tlp; notification: NotificationRow; created: boolean; refreshed: boolean; notice: NoticeData }

export const PACKAGE_FILES = { html: 'notice.html', md: 'notice.md', stix: 'indicators.stix.json', eml: 'notice.eml' } as const;

export async function writePackage(store: Store, model: ExportModel, impact: Finding, o: { outDir: string; maxTlp: Tlp; contact: string; actor: string; now: number }): Promise<PackageResult> {
  const notice = noticeData(impact, model, { contact: o.contact, maxTlp: o.maxTlp });
  const bundle = caseBundle(victimOnly(model, notice.org.id), { org: notice.org.id, maxTlp: o.maxTlp });
  const bundleTlps = bundle.objects.filter((x) => x.type === 'report').map((x) => tlpOfMarking(x.object_marking_refs as string[] | undefined));
  notice.tlp = strictestTlp([notice.tlp, ...bundleTlps], 'green');
  const dir = join(o.outDir, safeName(notice.org.id));
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, PACKAGE_FILES.html), join(dir, PACKAGE_FILES.md), join(dir, PACKAGE_FILES.stix)];
  writeFileSync(files[0], noticeHtml(notice));
  writeFileSync(files[1], noticeMarkdown(notice));
  writeFileSync(files[2], `${JSON.stringify(bundle, null, 2)}\n`);
  writeFileSync(join(dir, 'notice.json'), `${JSON.stringify(notice, null, 2)}\n`);
  const up = await upsertDraft(store, { org: notice.org.id, tlp: notice.tlp, packagePath: dir, actor: o.actor, now: o.now });
  return { org: notice.org.id, dir, files, tlp: notice.tlp, notification: up.row, created: up.created, refreshed: up.refreshed, notice };
}

const TLP_BY_ID = Object.fromEntries(Object.entries(TLP_MARKING_IDS).map(([t, id]) => [id, t as Tlp])) as Record<string, Tlp>;
const tlpOfMarking = (refs: string[] | undefined): Tlp => strictestTlp((refs ?? []).map((r) => TLP_BY_ID[r]));

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
