import type { IndicatorRow, JudgedRow, ScoringProfile } from "./types";

// STUB — replaced by the judge module (SPEC §3).
export function judgeRow(row: IndicatorRow, profile: ScoringProfile): JudgedRow {
  void profile;
  return { ...row, status: "review", quantitative: false };
}
