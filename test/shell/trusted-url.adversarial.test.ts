import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedNavigation, isAppUrl, isSafeExternalUrl, isTrustedFrame } from '../../electron/desktop/support/trusted-url';

describe('external links: only https reaches the system browser', () => {
  it.each([
    'https://www.gov.uk/government/publications/area-send-framework-and-handbook',
    'https://reports.ofsted.gov.uk/provider/44/80000',
    'HTTPS://WWW.GOV.UK/',
  ])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://www.gov.uk/',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://attacker/share',
    '\\\\attacker\\share\\x.exe',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'app://workbook/index.html',
    'mailto:someone@example.org',
    'ftp://example.org/file',
    'https://user:password@evil.example/',
    'https://gov.uk@evil.example/',
    'https://',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://www.gov.uk/'], { toString: () => 'https://www.gov.uk/' }])('refuses a non-string %#', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });

  it('refuses absurdly long links', () => {
    expect(isSafeExternalUrl(`https://www.gov.uk/${'a'.repeat(10_000)}`)).toBe(false);
  });
});

describe('the app origin', () => {
  it('recognises its own page', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://workbook/index.html#/plans/3')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://workbook:8080/index.html',
    'app://user@workbook/index.html',
    'file:///work/main/dist/index.html',
    'http://127.0.0.1:5173/index.html',
    'https://workbook/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'chrome://settings',
  ])('does not trust %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('navigation', () => {
  it('allows hash-route changes within the app page', () => {
    expect(isAllowedNavigation('app://workbook/index.html#/', 'app://workbook/index.html#/evidence')).toBe(true);
  });

  it.each([
    'https://www.gov.uk/',
    'http://evil.example/',
    'file:///etc/passwd',
    'app://workbook/other.html',
    'app://evil/index.html',
    'javascript:alert(1)',
    'about:blank',
  ])('refuses navigating to %s', (target) => {
    expect(isAllowedNavigation('app://workbook/index.html#/', target)).toBe(false);
  });
});

describe('IPC sender frames', () => {
  const main = { url: 'app://workbook/index.html#/', parent: null };

  it('trusts the main frame of the app page', () => {
    expect(isTrustedFrame(main)).toBe(true);
  });

  it('refuses a sub-frame, even one showing the app page', () => {
    expect(isTrustedFrame({ url: 'app://workbook/index.html', parent: main })).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'about:blank', 'app://other/index.html', ''])('refuses a main frame showing %s', (url) => {
    expect(isTrustedFrame({ url, parent: null })).toBe(false);
  });

  it('refuses a missing frame (destroyed or navigated away)', () => {
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
  });
});
