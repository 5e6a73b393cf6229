import { type IndicatorDeclaration } from '@pingyi/server-core';

/** 有效投诉件数: complaints upheld against the unit in the year; fewer is better. */
export const COMPLAINTS: IndicatorDeclaration = {
  code: 'complaints',
  label: '有效投诉件数',
  unit: '件',
  description: 'Complaints upheld against the unit in the year (fewer is better; normalized over the units)',
  min: 0,
  integer: true,
};

/** 明查暗访得分: the discipline inspectors' score of the unit, 0 to 100. */
export const INSPECTION_SCORE: IndicatorDeclaration = {
  code: 'inspection-score',
  label: '明查暗访得分',
  unit: '分',
  description: "The inspectors' score from open and covert inspections, 0 to 100",
  min: 0,
  max: 100,
};
