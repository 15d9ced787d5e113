// The annual evaluation round (§8, §10–§12 of the standard): its states, the transitions each
// round role may make, and the rows the API and the dashboard share. The transition table is
// THE rule: evaluation/ enforces it, the dashboard shows only the buttons it allows, and the
// README prints it (test/unit/evaluation-states.test.ts keeps the three in step).

/** What a member does in a round (plan's members; a user may hold several in one round). */
export const ROUND_ROLES = ['workgroup', 'agency', 'third_party', 'superior', 'approver'] as const;
export type RoundRole = (typeof ROUND_ROLES)[number];

export const ROUND_ROLE_NAMES: Record<RoundRole, string> = {
  workgroup: '评价工作组',
  agency: '经办机构（自我评价）',
  third_party: '第三方评价',
  superior: '上级评价',
  approver: '审核人',
};

/** The evaluation mode a role's scores are recorded under (v_manual_score's precedence). */
export const ROLE_MODE = { agency: '自我评价', third_party: '第三方评价', superior: '上级评价' } as const;
export type ScoringRole = keyof typeof ROLE_MODE;

/** A region's state in a round. */
export const REGION_STATES = ['draft', 'submitted', 'accepted', 'returned', 'approved', 'appealed', 'reopened'] as const;
export type RegionState = (typeof REGION_STATES)[number];

export const REGION_STATE_NAMES: Record<RegionState, string> = {
  draft: '自评中',
  submitted: '已提交',
  accepted: '审核中（已锁定）',
  returned: '已退回',
  approved: '已审批（已冻结）',
  appealed: '申诉中',
  reopened: '申诉成立，已重开',
};

/** A round's own state: planned → published (a 通报 exists) ; re-published after a re-freeze. */
export const ROUND_STATES = ['open', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const REGION_ACTIONS = ['submit', 'accept', 'return', 'approve', 'unapprove', 'appeal', 'uphold', 'reject'] as const;
export type RegionAction = (typeof REGION_ACTIONS)[number];

export const REGION_ACTION_NAMES: Record<RegionAction, string> = {
  submit: '提交自评',
  accept: '受理（锁定审核）',
  return: '退回',
  approve: '审批通过并冻结',
  unapprove: '撤销审批',
  appeal: '提出申诉',
  uphold: '申诉成立',
  reject: '驳回申诉',
};

/** Who acts on a region: its own agency, the approvers of the region above it (the workgroup
 * for a region with none above it in the round), or the round's workgroup. */
export type Actor = 'agency' | 'upper' | 'workgroup';

export interface Transition {
  action: RegionAction;
  from: readonly RegionState[];
  to: RegionState;
  by: Actor;
  /** A reason is required (returns, un-approvals, appeals and their decisions). */
  reason: boolean;
  /** What else must hold, in words (evaluation/ checks each; the README prints them). */
  requires: string;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft', 'returned', 'reopened'], to: 'submitted', by: 'agency', reason: false, requires: '每个手工指标都有自评分' },
  { action: 'accept', from: ['submitted'], to: 'accepted', by: 'upper', reason: false, requires: '' },
  { action: 'return', from: ['submitted', 'accepted'], to: 'returned', by: 'upper', reason: true, requires: '' },
  {
    action: 'approve',
    from: ['accepted'],
    to: 'approved',
    by: 'upper',
    reason: false,
    requires: '本轮范围内的下级地区均已审批；冻结指标值、得分、等级、排名和报告 PDF',
  },
  { action: 'unapprove', from: ['approved'], to: 'accepted', by: 'workgroup', reason: true, requires: '本轮尚未发布，且上级地区未审批' },
  { action: 'appeal', from: ['approved'], to: 'appealed', by: 'agency', reason: true, requires: '本轮已发布，且在申诉期限（工作日）内' },
  { action: 'uphold', from: ['appealed'], to: 'reopened', by: 'workgroup', reason: true, requires: '只重开该地区；重新审批后重新冻结' },
  { action: 'reject', from: ['appealed'], to: 'approved', by: 'workgroup', reason: true, requires: '' },
];

/** The transition an action makes from a state, or undefined when it is not allowed there. */
export const transitionFor = (action: RegionAction, from: RegionState): Transition | undefined =>
  TRANSITIONS.find((t) => t.action === action && t.from.includes(from));

/** States in which the agency and the evaluators may still change scores. */
export const EDITABLE_BY: Record<ScoringRole, readonly RegionState[]> = {
  agency: ['draft', 'returned', 'reopened'],
  third_party: ['submitted', 'accepted', 'reopened'],
  superior: ['submitted', 'accepted', 'reopened'],
};

/** Deadlines of a plan, in working days (dim_calendar) after the round opens / is published. */
export interface RoundDeadlines {
  self_evaluation_days: number;
  review_days: number;
  appeal_days: number;
}

export interface RoundMember {
  login: string;
  role: RoundRole;
  /** Regions this member acts for: an agency its own, an approver the region whose
   * subordinates it approves, evaluators the regions assigned to them. */
  regions: string[];
  /** Evaluators only: the manual indicators (Appendix A codes) they assess; empty = all. */
  indicators: string[];
}

/** The plan, as posted by the workgroup (validated by evaluation/plan.ts). */
export interface RoundPlan {
  year: number;
  scheme: string;
  name: string;
  regions: string[];
  members: RoundMember[];
  deadlines: RoundDeadlines;
}

/** A round as listed, with the dates its working-day deadlines fall on. */
export interface RoundRow {
  id: number;
  name: string;
  year: number;
  scheme: string;
  scheme_version: string;
  state: RoundState;
  opened_on: string;
  self_evaluation_due: string;
  review_due: string;
  published_on: string | null;
  appeal_due: string | null;
  edition: number;
}

export interface RoundRegionRow {
  round_id: number;
  region_code: string;
  region_name: string;
  parent_code: string | null;
  level: string;
  state: RegionState;
  state_name: string;
  changed_at: string;
  /** Version of the latest freeze (0: never frozen). */
  frozen_version: number;
  frozen_total: string | null;
  frozen_grade: string | null;
  /** Actions the signed-in user may take now (from TRANSITIONS and their membership). */
  actions: RegionAction[];
}

/** One manual indicator on the form: each mode's entry beside the others. */
export interface FormEntryRow {
  indicator_code: string;
  indicator_name: string;
  max_points: string;
  mode: string;
  score: number | null;
  comment: string;
  submitted: boolean;
  assessor: string | null;
  evidence: EvidenceRow[];
}

export interface EvidenceRow {
  id: number;
  indicator_code: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface TransitionRow {
  round_id: number;
  region_code: string;
  action: RegionAction;
  from_state: RegionState;
  to_state: RegionState;
  actor: string;
  reason: string | null;
  acted_at: string;
}

/** A frozen score beside the live one, and why they differ. */
export interface FrozenDifferenceRow {
  code: string;
  name: string;
  level: string;
  frozen: string | null;
  live: string | null;
  difference: string | null;
  reason: string | null;
}

/** A region's latest freeze in a round (…/frozen, /api/evaluation/frozen), with its lines beside the live ones. */
export interface FrozenResult {
  round_id: number;
  version: number;
  frozen_at: string;
  total: string | null;
  grade: string | null;
  rank: number | null;
  report_sha256: string;
  rows: FrozenDifferenceRow[];
}

/** Score differences between the evaluators' and the self-evaluated score flagged at or above this (0–100 scale). */
export const LARGE_DIFFERENCE = 20;
