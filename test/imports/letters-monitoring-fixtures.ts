/**
 * An Area SEND monitoring inspection letter written for these tests in the published structure
 * (issue #16): title, inspection and publication dates, the inspectorates, why the partnership was
 * monitored, a summary counting the areas for priority action that showed sufficient progress,
 * then per area a numbered heading, a lead-in, the area's wording (reworded from the report, as
 * real letters often are), the inspectors' commentary and the verdict; then next steps. The prose
 * is invented; it follows the report in letters-fixtures.ts (AREA_SEND_REPORT).
 */

/** The report's two areas for priority action, as the monitoring letter rewords them. */
export const MONITORING_AREAS = [
  'Leaders in the council and the integrated care board should urgently reduce how long families wait for an assessment of need, so that plans are issued within 20 weeks.',
  'The integrated care board should reduce therapy waiting lists and make sure families know what support they can have while they wait.',
];

const COMMENTARY = [
  [
    'Leaders have added assessment capacity and now track every request weekly. The proportion of plans issued within 20 weeks has risen from under a fifth to more than two thirds over the last year.',
    'Families told inspectors that they are kept informed while they wait, and that they no longer have to tell their story again and again.',
  ],
  [
    'Waiting lists for speech and language therapy remain long, and the integrated care board does not yet know how many children are waiting for occupational therapy.',
    'Information for families about support while they wait has been written, but few families inspectors spoke to knew about it.',
  ],
];

export function monitoringLetter(verdicts: ('sufficient' | 'insufficient')[], summary: { sufficient: string; total: string }): string {
  const blocks = MONITORING_AREAS.map(
    (area, i) => `Area for priority action ${i + 1}
At the inspection in October 2023, inspectors found that:
${area}
${COMMENTARY[i]!.join('\n')}
The local area partnership has made ${verdicts[i]} progress in addressing this area for priority action.`,
  ).join('\n');
  return `
Area SEND monitoring inspection of Testshire Local Area Partnership
Inspection dates: 3 to 5 March 2025
Date of publication: 15 April 2025
This letter is from Ofsted and the Care Quality Commission (CQC).
Dear Mrs Example
Between 3 and 5 March 2025, Ofsted and the Care Quality Commission (CQC) carried out a monitoring
inspection of the Testshire local area partnership’s arrangements for children and young people
with special educational needs and/or disabilities (SEND).
The area SEND inspection in October 2023 found widespread and/or systemic failings. This monitoring
inspection evaluated the progress the local area partnership has made in addressing the areas for
priority action identified at that inspection.
Summary of findings
The local area partnership has made sufficient progress in addressing ${summary.sufficient} of the ${summary.total} areas for
priority action. It has made insufficient progress in addressing the other.
${blocks}
Next steps
The local area partnership should continue to update and publish its priority action plan. Ofsted
and CQC will carry out a further monitoring inspection.
Yours sincerely
A. Inspector
`;
}

export const MONITORING_VERDICTS = ['sufficient', 'insufficient'] as const;
export const MONITORING_LETTER = monitoringLetter([...MONITORING_VERDICTS], { sufficient: 'one', total: 'two' });
/** The summary says both areas showed sufficient progress, but the verdicts give one. */
export const MISMATCHED_MONITORING_LETTER = monitoringLetter([...MONITORING_VERDICTS], { sufficient: 'two', total: 'two' });
