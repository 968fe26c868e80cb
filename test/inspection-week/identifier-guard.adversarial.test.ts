import { describe, expect, it } from 'vitest';
import { findPersonalIdentifiers, isValidNhsNumber } from '../../electron/core/inspection-week/identifier-guard';

const today = '2026-11-24';
const kinds = (text: string, strict = false) => findPersonalIdentifiers(text, { today, strict }).map((f) => f.kind);

describe('identifier guard: refuses identifiers', () => {
  it.each([
    ['Jane Smith', 'name'],
    ['Oliver O’Brien-Jones', 'name'],
    ['Mary-Jane Smith', 'name'],
    ['Smith, Jane', 'name'],
    ['Mr Patel', 'name'],
  ])('pseudonym %s → %s', (text, kind) => {
    expect(kinds(text, true)).toContain(kind);
  });

  it('finds a name inside notes', () => {
    expect(kinds('Mum said Amelia Hughes prefers mornings')).toContain('name');
    expect(kinds('Spoke to Dr Okafor about the plan')).toContain('name');
  });

  it('finds NHS numbers that pass the Modulus 11 check, with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(kinds('NHS 943 476 5919')).toContain('nhs_number');
    expect(kinds('9434765919')).toContain('nhs_number');
    expect(kinds('943-476-5919')).toContain('nhs_number');
    expect(kinds('Ref 4010232137 held by the GP')).toContain('nhs_number');
  });

  it('finds UPNs (a letter then 12 digits, or a temporary one ending in a letter)', () => {
    expect(kinds('A123456789012', true)).toContain('upn');
    expect(kinds('UPN is H801200001001 on the census')).toContain('upn');
    expect(kinds('temporary Z80120000100A')).toContain('upn');
  });

  it('finds dates of birth', () => {
    expect(kinds('DOB 03/04/2015')).toContain('date_of_birth');
    expect(kinds('born 3rd March 2015')).toContain('date_of_birth');
    expect(kinds('date of birth 2015-03-04')).toContain('date_of_birth');
    // A date that would make the child 0–25 and is not a recent working date.
    expect(kinds('Year 5, 12/09/2016')).toContain('date_of_birth');
    // Any date at all in a pseudonym.
    expect(kinds('CYP 24/11/2026', true)).toContain('date_of_birth');
  });

  it('finds email addresses', () => {
    expect(kinds('parent is j.smith@example.org')).toContain('email');
  });

  it('explains each refusal in words', () => {
    const [finding] = findPersonalIdentifiers('943 476 5919', { today });
    expect(finding!.reason).toBe('“943 476 5919” looks like an NHS number.');
  });
});

describe('identifier guard: leaves pseudonyms and ordinary notes alone', () => {
  it.each(['CYP-A', 'Child 3', 'TC-2026-01', 'Tracked child B', 'YP 6', 'C-07', 'CYP A (secondary)'])('pseudonym %s is accepted', (text) => {
    expect(kinds(text, true)).toEqual([]);
  });

  it.each([
    'Documents sent 23/11/2026; tracking meeting booked for 26/11/2026.',
    'EHC plan reviewed in March 2025, annual review due.',
    'Attends a Special School out of area; SENCo and Speech and Language Therapy involved.',
    'Consent Given by parent on Monday. Parent Carer Forum contact offered.',
    'Bristol City Council social worker attending.',
    'Plan issued within 20 weeks; 6 of 10 outcomes met.',
  ])('notes “%s” are accepted', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('does not mistake a 10-digit number that fails the check digit for an NHS number', () => {
    expect(kinds('Case ref 1234567890')).toEqual([]);
  });
});
