/**
 * The one API instance the renderer talks to. Set once at start-up, before the first render,
 * so components can call it without threading it through props or context.
 */
import type { FieldcheckApi } from '../../shared/api/contract';

let current: FieldcheckApi | null = null;

export function setApi(next: FieldcheckApi): void {
  current = next;
}

export function api(): FieldcheckApi {
  if (!current) throw new Error('API used before start-up resolved it');
  return current;
}
