// A drop folder of statistical report files (CSV, XLSX): each run loads the files
// waiting in the inbox, oldest first, one file per page (so a file's rows commit
// together), then moves each to the archive. A file put back into the inbox is
// loaded again; its rows replace themselves by natural key, so reloading is harmless.
// A crash between commit and move reloads the file: same harmless repeat.
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isoCst } from '../../core/time.js';
import type { Source, SourcePage } from '../source.js';
import { readReportFile } from './report-file.js';

export class ReportFolderSource implements Source {
  readonly kind = 'files';
  readonly label: string;

  constructor(
    private readonly inbox: string,
    private readonly archive: string,
  ) {
    this.label = `folder ${inbox}`;
  }

  /** Files waiting, oldest first; editor lock and hidden files are not reports. */
  private async waiting(): Promise<{ name: string; mtime: number }[]> {
    await mkdir(this.inbox, { recursive: true });
    const files = [];
    for (const entry of await readdir(this.inbox, { withFileTypes: true })) {
      if (!entry.isFile() || /^(\.|~\$)/.test(entry.name)) continue;
      files.push({ name: entry.name, mtime: (await stat(join(this.inbox, entry.name))).mtimeMs });
    }
    return files.sort((a, b) => a.mtime - b.mtime || (a.name < b.name ? -1 : 1));
  }

  async page(since: string): Promise<SourcePage> {
    const files = await this.waiting();
    const file = files[0];
    if (!file) return { items: [], next: since, has_more: false };
    const path = join(this.inbox, file.name);
    const { records, error } = await readReportFile(path, isoCst(file.mtime));
    return {
      items: records,
      rejected: error ? [{ key: file.name, reason: error, payload: JSON.stringify({ file: file.name }) }] : [],
      next: `${isoCst(Math.floor(file.mtime))}|${file.name}`,
      has_more: files.length > 1,
      committed: () => this.moveToArchive(file.name),
    };
  }

  private async moveToArchive(name: string): Promise<void> {
    await mkdir(this.archive, { recursive: true });
    const taken = await stat(join(this.archive, name)).then(
      () => true,
      () => false,
    );
    // A reloaded file keeps its earlier archived copy: the new one gets a time stamp.
    const target = taken ? `${name.slice(0, -extname(name).length || undefined)}.${isoCst(Date.now()).slice(0, 19).replace(/\D/g, '')}${extname(name)}` : name;
    const from = join(this.inbox, name);
    const to = join(this.archive, target);
    await rename(from, to).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EXDEV') throw err;
      await copyFile(from, to);
      await rm(from);
    });
  }
}
