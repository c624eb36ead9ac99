// Fault and load injection, switchable per run and at runtime: latency with
// jitter, Throttling and 5xx answers, dropped connections, garbage bodies,
// slow-loris delivery, hangs and AccessDenied for chosen actions. Random
// choices come from a seeded PRNG that draws the same number of values for
// every request, so a given seed and request order always fault the same
// requests, and changing one rate does not reshuffle the others.
import { SeededRandom } from './random';

export interface FaultConfig {
  /** Seed of the fault PRNG (default 1). */
  readonly seed?: number;
  /** Added to every API answer, in ms. */
  readonly latencyMs?: number;
  /** Plus a uniform 0..jitterMs, in ms. */
  readonly jitterMs?: number;
  /** Share (0–1) of requests answered 400 Throttling "Rate exceeded". */
  readonly throttleRate?: number;
  /** Per-action share, overriding throttleRate for that action. */
  readonly throttleRateByAction?: Readonly<Record<string, number>>;
  /** Share answered with a server error (ServiceFailure 500 / ServiceUnavailable 503). */
  readonly serverErrorRate?: number;
  /** Which server error; 'mixed' picks per request (default 500). */
  readonly serverErrorStatus?: 500 | 503 | 'mixed';
  /** Share of connections destroyed without any answer. */
  readonly dropRate?: number;
  /** Share answered with a body the client cannot parse. */
  readonly garbageRate?: number;
  /** 'html': a proxy error page with status 200; 'truncated-xml': the real answer cut short (default 'mixed'). */
  readonly garbageKind?: 'html' | 'truncated-xml' | 'mixed';
  /** Share whose body is trickled: headers first, then a few bytes at a time. */
  readonly slowLorisRate?: number;
  readonly slowLorisChunkBytes?: number;
  readonly slowLorisIntervalMs?: number;
  /** Stop trickling halfway and never finish the body. */
  readonly slowLorisNeverFinish?: boolean;
  /** Share of requests never answered (1 = hang mode). */
  readonly hangRate?: number;
  /** Actions answered AccessDenied for every caller. */
  readonly denyActions?: readonly string[];
  /** Random faults only hit these actions (default: all). Latency and denyActions apply regardless. */
  readonly faultActions?: readonly string[];
  /**
   * Deterministic faults per action, whatever the random rates say: 'serverError' answers 500
   * ServiceFailure without running the action; 'lostAnswer' runs the action (its change is made)
   * and then drops the connection, as when an answer is lost on the way back.
   */
  readonly actionFaults?: Readonly<Record<string, ActionFault>>;
  /**
   * IAM writes (CreateAccessKey, UpdateAccessKey, DeleteAccessKey) answered AccessDenied unless
   * signed with a GetSessionToken session made with an MFA code, like a policy denying them
   * when aws:MultiFactorAuthPresent is false.
   */
  readonly requireMfaForWrites?: boolean;
  /** ms after CreateAccessKey before the new key can sign (IAM is eventually consistent); default 0. */
  readonly propagationDelayMs?: number;
}

export type ActionFault = 'serverError' | 'lostAnswer';

export type FaultOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'throttle' }
  | { readonly kind: 'serverError'; readonly status: 500 | 503 }
  | { readonly kind: 'garbage'; readonly variant: 'html' | 'truncated-xml' };

export interface SlowLoris {
  readonly chunkBytes: number;
  readonly intervalMs: number;
  readonly neverFinish: boolean;
}

export interface FaultDecision {
  readonly delayMs: number;
  readonly outcome: FaultOutcome;
  /** Set when the body (of whatever answer) is to be trickled. */
  readonly slowLoris?: SlowLoris;
}

const RATE_FIELDS = ['throttleRate', 'serverErrorRate', 'dropRate', 'garbageRate', 'slowLorisRate', 'hangRate'] as const;

/** Throws a readable error when a config cannot be used (rates outside 0–1, negative times). */
export function validateFaultConfig(config: FaultConfig): void {
  for (const name of RATE_FIELDS) checkRate(name, config[name]);
  for (const [action, rate] of Object.entries(config.throttleRateByAction ?? {})) checkRate(`throttleRateByAction.${action}`, rate);
  for (const [action, fault] of Object.entries(config.actionFaults ?? {})) {
    if (fault !== 'serverError' && fault !== 'lostAnswer') throw new Error(`actionFaults.${action} must be 'serverError' or 'lostAnswer'`);
  }
  for (const name of ['latencyMs', 'jitterMs', 'slowLorisIntervalMs', 'propagationDelayMs'] as const) {
    const value = config[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be a number >= 0`);
  }
  if (config.slowLorisChunkBytes !== undefined && !(config.slowLorisChunkBytes >= 1)) {
    throw new Error('slowLorisChunkBytes must be >= 1');
  }
}

function checkRate(name: string, value: number | undefined): void {
  if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1)) {
    throw new Error(`${name} must be a number from 0 to 1`);
  }
}

export class FaultInjector {
  private current: FaultConfig = {};
  private random = new SeededRandom(1);

  constructor(config: FaultConfig = {}) {
    this.replace(config);
  }

  get config(): FaultConfig {
    return this.current;
  }

  /** Replaces the whole configuration and restarts the PRNG from its seed. */
  replace(config: FaultConfig): void {
    validateFaultConfig(config);
    this.current = { ...config };
    this.random = new SeededRandom(config.seed ?? 1);
  }

  /** Merges into the configuration; the PRNG restarts only when a seed is given. */
  update(partial: FaultConfig): void {
    const merged = { ...this.current, ...partial };
    validateFaultConfig(merged);
    this.current = merged;
    if (partial.seed !== undefined) this.random = new SeededRandom(partial.seed);
  }

  actionFault(action: string): ActionFault | undefined {
    return this.current.actionFaults?.[action];
  }

  isDenied(action: string): boolean {
    return this.current.denyActions?.includes(action) ?? false;
  }

  /** Decides the fate of one API request. */
  decide(action: string): FaultDecision {
    const c = this.current;
    // Always draw the same count, whatever is configured, to keep the sequence stable.
    const [jitter, hang, drop, throttle, serverError, garbage, slowLoris, variant] = Array.from({ length: 8 }, () =>
      this.random.float(),
    );
    const delayMs = (c.latencyMs ?? 0) + Math.floor(jitter * (c.jitterMs ?? 0));
    const eligible = c.faultActions === undefined || c.faultActions.includes(action);
    const slow: SlowLoris | undefined =
      eligible && slowLoris < (c.slowLorisRate ?? 0)
        ? {
            chunkBytes: c.slowLorisChunkBytes ?? 16,
            intervalMs: c.slowLorisIntervalMs ?? 50,
            neverFinish: c.slowLorisNeverFinish ?? false,
          }
        : undefined;
    return { delayMs, outcome: eligible ? this.pickOutcome(action, { hang, drop, throttle, serverError, garbage, variant }) : NONE, slowLoris: slow };
  }

  private pickOutcome(
    action: string,
    draw: { hang: number; drop: number; throttle: number; serverError: number; garbage: number; variant: number },
  ): FaultOutcome {
    const c = this.current;
    if (draw.hang < (c.hangRate ?? 0)) return { kind: 'hang' };
    if (draw.drop < (c.dropRate ?? 0)) return { kind: 'drop' };
    if (draw.throttle < (c.throttleRateByAction?.[action] ?? c.throttleRate ?? 0)) return { kind: 'throttle' };
    if (draw.serverError < (c.serverErrorRate ?? 0)) {
      const setting = c.serverErrorStatus ?? 500;
      const status = setting === 'mixed' ? (draw.variant < 0.5 ? 500 : 503) : setting;
      return { kind: 'serverError', status };
    }
    if (draw.garbage < (c.garbageRate ?? 0)) {
      const setting = c.garbageKind ?? 'mixed';
      const variant = setting === 'mixed' ? (draw.variant < 0.5 ? 'html' : 'truncated-xml') : setting;
      return { kind: 'garbage', variant };
    }
    return NONE;
  }
}

const NONE: FaultOutcome = { kind: 'none' };
