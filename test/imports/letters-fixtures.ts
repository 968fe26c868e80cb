/**
 * Letters written for these tests in the published 2016-framework structures (issue #16). The
 * prose is invented; only the shape (title, dates, summary, lead-in, weakness, commentary,
 * verdict; the WSOA paragraph and its bulleted list) follows the real letters.
 */

export const INITIAL_WEAKNESSES = [
  'the slow and inconsistent identification of needs in the early years, so that families wait too long for help',
  'the poor quality of education, health and care plans, which do not capture what children and young people want to achieve',
  'the lack of a shared strategy between leaders in education, health and care for improving the local offer',
  'the high and rising rate of fixed-term exclusions of pupils with special educational needs',
];

export const INITIAL_LETTER = `
14 July 2017
Mrs A Example
Director of Children’s Services
Testshire County Council
Dear Mrs Example
Joint local area SEND inspection in Testshire
Between 12 June 2017 and 16 June 2017, Ofsted and the Care Quality Commission (CQC) conducted a
joint inspection of the local area of Testshire to judge the effectiveness of the area in
implementing the disability and special educational needs reforms as set out in the Children and
Families Act 2014.
The inspection was led by one of Her Majesty’s Inspectors (HMI) from Ofsted, with a team of
inspectors including an Ofsted Inspector and a children’s services inspector from the CQC.
As a result of the findings of this inspection and in accordance with the Children Act 2004
(Joint Area Reviews) Regulations 2015, Her Majesty’s Chief Inspector (HMCI) has determined that a
Written Statement of Action is required because of significant areas of weakness in the local
area’s practice. These are:
• ${INITIAL_WEAKNESSES[0]}
• ${INITIAL_WEAKNESSES[1]}
• ${INITIAL_WEAKNESSES[2]}
• ${INITIAL_WEAKNESSES[3]}
Main findings
Leaders have begun to work together more closely, although this is recent.
`;

/** The revisit rewords the weaknesses, as real revisit letters often do. */
export const REVISIT_WEAKNESSES = [
  'Needs in the early years are identified slowly and inconsistently, and families wait too long for help.',
  'Education, health and care plans are of poor quality and do not capture what children and young people want to achieve.',
  'There is no shared strategy between education, health and care leaders to improve the local offer.',
  'Fixed-term exclusions of pupils with special educational needs are high and rising.',
];

const COMMENTARY = [
  'Leaders have introduced a single route for early help. Health visitors now check development at two years in every locality, and the waiting time for a first appointment has fallen sharply since the initial inspection.',
  'Plans remain too generic. Many of the plans inspectors sampled did not include the views of the young person, and health advice arrives late in too many cases.',
  'Leaders now share a strategy that was written with the parent carer forum. The local offer website has been rebuilt and families say it is easier to use.',
  'Exclusions have fallen in primary schools but remain high in secondary schools, and leaders do not yet know why.',
];

export function revisitLetter(verdicts: ('has' | 'has not')[], summary: { sufficient: string; total: string; not: string }): string {
  const blocks = REVISIT_WEAKNESSES.map(
    (w, i) => `The initial inspection found that:
${w}
${COMMENTARY[i]}
The area ${verdicts[i]} made sufficient progress to improve this area of significant weakness.`,
  ).join('\n');
  return `
4 March 2019
Mrs A Example
Director of Children’s Services
Testshire County Council
Dear Mrs Example
Joint area SEND revisit in Testshire
Between 4 February 2019 and 6 February 2019, Ofsted and the Care Quality Commission (CQC)
revisited the area of Testshire to decide whether sufficient progress has been made in
addressing each of the areas of significant weakness detailed in the written statement of action
(WSOA) issued on 19 October 2017.
As a result of the findings of the initial inspection and in accordance with the Children Act
2004 (Joint Area Reviews) Regulations 2015, Her Majesty’s Chief Inspector required the local area
to produce and submit a WSOA to Ofsted.
Inspectors have determined that the area has made sufficient progress in addressing ${summary.sufficient} of the
${summary.total} significant weaknesses identified at the initial inspection. The area has not made sufficient
progress in addressing ${summary.not}. This letter outlines our findings from the revisit.
Main findings
${blocks}
The area has made sufficient progress in addressing ${summary.sufficient} of the ${summary.total} significant weaknesses.
Yours sincerely
A. Inspector
`;
}

export const REVISIT_VERDICTS = ['has', 'has not', 'has', 'has not'] as const;
export const REVISIT_LETTER = revisitLetter([...REVISIT_VERDICTS], { sufficient: 'two', total: 'four', not: 'two' });
/** The summary says three of four, but the verdicts give two. */
export const MISMATCHED_REVISIT_LETTER = revisitLetter([...REVISIT_VERDICTS], { sufficient: 'three', total: 'four', not: 'one' });

/** Lays text out as a published PDF would: wrapped lines, a running header and page numbers. */
export function pdfLines(text: string, width = 85): string[][] {
  const lines: string[] = [];
  for (const para of text.trim().split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 40) pages.push(lines.slice(i, i + 40));
  return pages;
}

/** An Area SEND report (2023 framework) with the third outcome, naming partners for each finding. */
export const AREA_SEND_REPORT = `
Area SEND inspection of Testshire Local Area Partnership
Inspection dates: 9 to 13 October 2023
Date of publication: 28 November 2023
This report is from Ofsted and the Care Quality Commission (CQC).
Inspection outcome
There are widespread and/or systemic failings leading to significant concerns about the
experiences and outcomes of children and young people with SEND, which the local area
partnership must address urgently.
Information about the local area partnership
Testshire County Council and NHS Testshire Integrated Care Board are jointly responsible for the
planning and commissioning of services.
What is it like to be a child or young person with SEND in this area?
Many families describe long waits and having to tell their story again and again.
Areas for priority action
Leaders in Testshire County Council and the integrated care board should urgently reduce the time
families wait for an assessment of need, so that plans are issued within 20 weeks.
The integrated care board should make sure that therapy waiting lists are reduced and that
families know what support is available while they wait.
Areas for improvement
Testshire County Council should improve the quality of annual reviews so that plans are updated
when needs change.
Leaders across the partnership should work with Testshire Parent Carer Forum to rebuild the local
offer website.
`;
