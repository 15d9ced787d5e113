// The annual evaluation round (evaluation/): plans, forms and scores, evidence, transitions,
// frozen results and the 通报. The route table lets signed-in roles in; who may act on a
// round or region is the round's membership, checked in evaluation/ (403 with the reason).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { type RegionAction, REGION_ACTIONS } from '../../contracts/evaluation.js';
import type { EvaluationConfig } from '../../evaluation/config.js';
import type { Caller, Clock } from '../../evaluation/context.js';
import { frozenPdf, frozenResult, latestFrozen } from '../../evaluation/difference.js';
import { regionForm, saveEntries, submitEntries } from '../../evaluation/entries.js';
import { EvaluationError } from '../../evaluation/errors.js';
import { evidenceFile, uploadEvidence } from '../../evaluation/evidence.js';
import { createRound } from '../../evaluation/plan.js';
import { BULLETIN_FORMATS, bulletin, publish } from '../../evaluation/publication.js';
import { loadRound, regionRow, regionRows, roundRows } from '../../evaluation/rounds.js';
import { history, type TransitionDeps, transition } from '../../evaluation/transitions.js';
import type { MartRefresher } from '../../ingest/marts.js';
import type { Database } from '../../warehouse/database.js';
import { accessOf } from '../access.js';
import { toXlsx, XLSX_MIME } from '../format.js';
import { BadRequest, validJson, validParams, validQuery } from '../validate.js';
import type { Dims } from '../dims.js';

export interface EvaluationDeps {
  marts: MartRefresher;
  clock: Clock;
  config: EvaluationConfig;
  renderPdf?: TransitionDeps['renderPdf'];
}

const roundParams = z.object({ id: z.coerce.number().int().positive() });
const regionParams = roundParams.extend({ region: z.string().regex(/^\d{6}$/, { error: 'must be a 6-digit region code' }) });
const entriesBody = z.strictObject({
  mode: z.string(),
  entries: z
    .array(
      z.strictObject({
        indicator_code: z.string().min(1),
        score: z.number({ error: 'must be a number from 0 to 100' }).min(0, { error: '评分须在 0–100 之间' }).max(100, { error: '评分须在 0–100 之间' }),
        comment: z.string().max(2000, { error: '说明最多 2000 字' }).default(''),
      }),
    )
    .min(1, { error: '至少一项评分' }),
});
const transitionBody = z.strictObject({ action: z.enum(REGION_ACTIONS), reason: z.string().max(2000).optional() });
const frozenQuery = z.object({ region: z.string(), year: z.coerce.number().int(), scheme: z.string() });
const bulletinQuery = z.object({ format: z.enum(BULLETIN_FORMATS).default('html') });

const BULLETIN_TYPES = { html: 'text/html; charset=utf-8', pdf: 'application/pdf', xlsx: XLSX_MIME } as const;

function callerOf(c: Context): Caller {
  const { session, actor } = accessOf(c);
  if (!session) throw new EvaluationError(403, '请先登录');
  return { user: session.user, actor };
}

const bytes = (c: Context, data: Uint8Array, type: string, sha256: string, name: string) =>
  c.body(data as Uint8Array<ArrayBuffer>, 200, {
    'content-type': type,
    'x-content-sha256': sha256,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });

export function evaluationRoutes(db: Database, dims: Dims, deps: EvaluationDeps): Hono {
  const app = new Hono();
  // Refusals from evaluation/ carry their status; anything else is the app's to answer.
  app.onError((err, c) => {
    if (err instanceof EvaluationError) return c.json({ error: err.message }, err.status);
    throw err;
  });
  const round = (c: Context, id: number) => loadRound(db, callerOf(c), id);

  app.get('/evaluation/rounds', async (c) => c.json(await roundRows(db, callerOf(c))));

  app.post('/evaluation/rounds', async (c) => c.json(await createRound(db, callerOf(c), deps.clock, await c.req.json().catch(() => undefined))));

  app.get('/evaluation/rounds/:id', validParams(roundParams), async (c) => {
    const r = await round(c, c.req.valid('param').id);
    return c.json({ round: r.row, plan: r.plan, regions: await regionRows(db, r), my_roles: r.members.roles() });
  });

  app.get('/evaluation/rounds/:id/regions/:region/form', validParams(regionParams), async (c) => {
    const { id, region } = c.req.valid('param');
    return c.json(await regionForm(db, await round(c, id), region));
  });

  app.put('/evaluation/rounds/:id/regions/:region/entries', validParams(regionParams), validJson(entriesBody), async (c) => {
    const { id, region } = c.req.valid('param');
    const { mode, entries } = c.req.valid('json');
    return c.json(await saveEntries(db, await round(c, id), region, mode, entries));
  });

  app.post('/evaluation/rounds/:id/regions/:region/entries/submit', validParams(regionParams), validJson(z.strictObject({ mode: z.string() })), async (c) => {
    const { id, region } = c.req.valid('param');
    return c.json(await submitEntries(db, deps.marts, await round(c, id), region, c.req.valid('json').mode));
  });

  app.post('/evaluation/rounds/:id/regions/:region/evidence', validParams(regionParams), async (c) => {
    const { id, region } = c.req.valid('param');
    const form = await c.req.parseBody().catch(() => null);
    const file = form?.file;
    const indicator = form?.indicator_code;
    if (!(file instanceof File)) throw new BadRequest("请在 multipart/form-data 的 'file' 字段上传文件");
    if (typeof indicator !== 'string' || !indicator) throw new BadRequest("请在 'indicator_code' 字段指明指标");
    const row = await uploadEvidence(db, deps.config, await round(c, id), region, indicator, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.json(row);
  });

  app.get('/evaluation/evidence/:id', validParams(roundParams), async (c) => {
    const file = await evidenceFile(db, callerOf(c), c.req.valid('param').id);
    return bytes(c, file.bytes, file.mediaType, file.sha256, file.fileName);
  });

  app.post('/evaluation/rounds/:id/regions/:region/transitions', validParams(regionParams), validJson(transitionBody), async (c) => {
    const { id, region } = c.req.valid('param');
    const { action, reason } = c.req.valid('json');
    return c.json(await transition(db, deps, await round(c, id), region, action as RegionAction, reason));
  });

  app.get('/evaluation/rounds/:id/regions/:region/history', validParams(regionParams), async (c) => {
    const { id, region } = c.req.valid('param');
    return c.json(await history(db, await round(c, id), region));
  });

  app.get('/evaluation/rounds/:id/regions/:region/frozen', validParams(regionParams), async (c) => {
    const { id, region } = c.req.valid('param');
    await regionRow(db, await round(c, id), region);
    const result = await frozenResult(db, id, region);
    if (!result) throw new EvaluationError(404, `地区 ${region} 在评价轮次 ${id} 中尚未冻结`);
    return c.json(result);
  });

  app.get('/evaluation/rounds/:id/regions/:region/report.pdf', validParams(regionParams), async (c) => {
    const { id, region } = c.req.valid('param');
    await regionRow(db, await round(c, id), region);
    const pdf = await frozenPdf(db, id, region);
    return bytes(c, pdf.bytes, 'application/pdf', pdf.sha256, `frozen-report-${id}-${region}-v${pdf.version}.pdf`);
  });

  // The region's own frozen result, for the score pages: the route table checks the region is in scope.
  app.get('/evaluation/frozen', validQuery(frozenQuery, { region: 'region', scheme: 'scheme' }, dims), async (c) => {
    const { region, year, scheme } = c.req.valid('query');
    return c.json(await latestFrozen(db, region, year, scheme));
  });

  app.post('/evaluation/rounds/:id/publish', validParams(roundParams), async (c) =>
    c.json(await publish(db, deps.clock, await round(c, c.req.valid('param').id), toXlsx)),
  );

  app.get('/evaluation/rounds/:id/bulletin', validParams(roundParams), validQuery(bulletinQuery, {}, dims), async (c) => {
    const { id } = c.req.valid('param');
    await round(c, id);
    const { format } = c.req.valid('query');
    const found = await bulletin(db, id, format);
    return bytes(c, found.bytes, BULLETIN_TYPES[format], found.sha256, `bulletin-${id}-${found.edition}.${format}`);
  });
  return app;
}
