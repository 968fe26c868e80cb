/**
 * Abbreviations a SEND self-evaluation or plan update commonly uses (domain brief, "Words"). The
 * glossary lists only those that appear in the document, so readers outside the partnership
 * (parents, board members) can follow it without a page of terms they never meet.
 */
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['AP', 'Alternative provision'],
  ['APP', 'Accelerated Progress Plan'],
  ['CAMHS', 'Child and adolescent mental health services'],
  ['CCG', 'Clinical commissioning group (replaced by the ICB in July 2022)'],
  ['CQC', 'Care Quality Commission'],
  ['CYP', 'Children and young people'],
  ['DCO', 'Designated clinical officer'],
  ['DfE', 'Department for Education'],
  ['EHCNA', 'Education, health and care needs assessment'],
  ['EHCP', 'Education, health and care plan'],
  ['EHC', 'Education, health and care (as in EHC plan)'],
  ['EP', 'Educational psychologist'],
  ['HMI', "His Majesty's Inspector"],
  ['ICB', 'Integrated care board'],
  ['KPI', 'Key performance indicator'],
  ['LA', 'Local authority'],
  ['NHSE', 'NHS England'],
  ['PAP', 'Priority action plan'],
  ['PCF', 'Parent carer forum'],
  ['PfA', 'Preparation for adulthood'],
  ['QA', 'Quality assurance'],
  ['RAG', 'Red, amber, green rating'],
  ['SEF', 'Self-evaluation'],
  ['SEN', 'Special educational needs'],
  ['SENCo', 'Special educational needs coordinator'],
  ['SENDCo', 'Special educational needs and disabilities coordinator'],
  ['SEND', 'Special educational needs and disabilities'],
  ['SENDIASS', 'SEND information, advice and support service'],
  ['SRO', 'Senior responsible officer'],
  ['WSOA', 'Written Statement of Action'],
];

function pattern(abbreviation: string): RegExp {
  // Case-sensitive whole words (plurals too): "AP" must not match "app" or "APP", "SEN" not "SEND".
  return new RegExp(`(?<![\\p{L}\\p{N}])${abbreviation}s?(?![\\p{L}\\p{N}])`, 'u');
}

const PATTERNS = ABBREVIATIONS.map(([abbreviation, meaning]) => ({ abbreviation, meaning, re: pattern(abbreviation) }));

/** Collects the text written into a document, then says which abbreviations it used. */
export class AbbreviationFinder {
  private readonly found = new Set<string>();
  private readonly remaining = [...PATTERNS];

  scan(text: string): void {
    if (this.remaining.length === 0 || text.length < 2) return;
    for (let i = this.remaining.length - 1; i >= 0; i--) {
      const p = this.remaining[i]!;
      if (p.re.test(text)) {
        this.found.add(p.abbreviation);
        this.remaining.splice(i, 1);
      }
    }
  }

  used(): { abbreviation: string; meaning: string }[] {
    return PATTERNS.filter((p) => this.found.has(p.abbreviation))
      .map(({ abbreviation, meaning }) => ({ abbreviation, meaning }))
      .sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'en-GB', { sensitivity: 'base' }));
  }
}
