import type { Feed } from '../feed.js';
import { casesFeed } from './cases.js';
import { complaintsFeed } from './complaints.js';
import { ratingsFeed } from './ratings.js';
import { reportsFeed } from './reports.js';
import { uploadsFeed } from './uploads.js';

export const FEEDS: Record<string, Feed> = { cases: casesFeed, reports: reportsFeed, uploads: uploadsFeed, ratings: ratingsFeed, complaints: complaintsFeed };
