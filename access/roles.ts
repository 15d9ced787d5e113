// The roles of the access model and their Chinese names. A user has one region and
// one or more roles; what each role may do is written once, in the API's route table
// (api/route-rules.ts).
export const ROLES = ['admin', 'leader', 'analyst', 'agency', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  leader: '领导',
  analyst: '分析员',
  agency: '经办机构',
  evaluator: '评价人',
};

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
