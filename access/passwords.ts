// Passwords hashed with argon2id (memory-hard), as PHC strings carrying their own parameters.
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** Refused before hashing, so a weak password is never stored. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 个字符';
  if (password.length > 200) return '密码至多 200 个字符';
  return null;
}

export const hashPassword = (password: string) => hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export const checkPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);
