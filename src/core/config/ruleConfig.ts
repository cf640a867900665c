import type { Severity } from "../types";

/**
 * scorecheck.config.json: a finance bureau's scoring rules, written once and used by
 * every reviewer, add-in and batch. It extends a preset (national, the default) and
 * overrides what the province or year does differently. JSON Schema:
 * schema/scorecheck.config.schema.json; validation: validate.ts; merging: resolve.ts.
 */
export interface RuleConfig {
  $schema?: string;
  /** How reports name these rules (default: the file's name, or the preset's). */
  name?: string;
  /** A preset by name (see PROFILES in ../profile.ts); default "national". */
  extends?: string;
  /** Best first; every grade but the last has the lowest total score that earns it. */
  grades?: { name: string; min?: number }[];
  /** Fractions of the weight a qualitative indicator's score falls in, by completion. */
  qualitativeBands?: { met: [number, number]; partial: [number, number]; unmet: [number, number] };
  reverseFormula?: "linear" | "ratio";
  /** The expected Σ weight (100). */
  totalWeight?: number;
  /** Points within which a stated total agrees with the recomputed one. */
  tolerance?: number;
  /** Points of gap above which SCORE_NOT_PROPORTIONAL speaks. */
  proportionalGap?: number;
  executionRate?: { fullScoreAt?: number };
  /** Severity per finding code, ESLint-style. */
  rules?: Record<string, Severity | "off">;
}

export const CONFIG_KEYS = [
  "$schema",
  "name",
  "extends",
  "grades",
  "qualitativeBands",
  "reverseFormula",
  "totalWeight",
  "tolerance",
  "proportionalGap",
  "executionRate",
  "rules",
] as const;

export const SEVERITY_SETTINGS = ["off", "info", "warning", "error"] as const;

/** The file name looked up next to a checked file and above it. */
export const CONFIG_FILE_NAME = "scorecheck.config.json";
