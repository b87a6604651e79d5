import { describe, expect, it } from 'vitest';
import { classify, col, cycle, generate, labels, suggestion } from '../testing';
import { emailDetector } from './email';

const emails = generate(100, (i, r) => `${['ana', 'li.wei', 'j.smith', 'o_brien', 'x+tag'][i % 5]}${Math.floor(r() * 1e4)}@${['gmail.com', 'corp.example.org', 'uni.ac.uk'][i % 3]}`);

describe('PII.Email detector', () => {
  it('labels email columns, named or not', () => {
    expect(labels(col('email', 'string'), emails)).toEqual(['PII.Email']);
    expect(labels(col('contactEmail', 'string'), emails)).toEqual(['PII.Email']);
    expect(labels(col('c12', 'string'), emails)).toEqual(['PII.Email']);
    expect(labels(col('login', 'other', { dataType: 'citext' }), emails)).toEqual(['PII.Email']);
  });

  it('tolerates junk in a column named email', () => {
    const messy = [...emails.slice(0, 40), ...cycle(['none given', 'see notes', 'refused'], 60)];
    expect(labels(col('email', 'string'), messy)).toEqual(['PII.Email']);
    // Unnamed, 40% is too few for an email column: reported only as a low-confidence 'contains'.
    const unnamed = suggestion('PII.Email', col('c12', 'string'), messy)!;
    expect(unnamed.evidence.matchMode).toBe('contains');
    expect(unnamed.evidence.reasons[0]).toMatch(/40 are nothing else/);
  });

  it('repeated emails (an orders table) still count; one repeated address does not', () => {
    expect(labels(col('customer_email', 'string'), cycle(emails.slice(0, 5), 100))).toEqual(['PII.Email']);
    expect(labels(col('customer_email', 'string'), cycle(['noreply@example.com'], 100))).toEqual([]);
  });

  it('does not label flags, counts, domains or templates', () => {
    expect(labels(col('email_verified', 'boolean'), cycle([true, false], 100))).toEqual([]);
    expect(labels(col('email_count', 'integer'), generate(100, (_i, r) => Math.floor(r() * 9)))).toEqual([]);
    expect(labels(col('email_domain', 'string'), cycle(['gmail.com', 'yahoo.com', 'corp.io'], 100))).toEqual([]);
    expect(labels(col('email_template', 'string'), cycle(['welcome', 'reset_password', 'digest'], 100))).toEqual([]);
    expect(labels(col('emails_sent_at', 'timestamp'), generate(100, (i) => new Date(1.7e12 + i * 1e6)))).toEqual([]);
  });

  it('free text gets at most a low-confidence contains suggestion', () => {
    const notes = generate(60, (i) => (i % 2 ? `Forwarded to ops${i}@example.com for review.` : 'No action needed.'));
    const s = suggestion('PII.Email', col('notes', 'string'), notes)!;
    expect(s.evidence.matchMode).toBe('contains');
    expect(s.confidence).toBeLessThanOrEqual(0.5);
  });

  it('matches whole values only', () => {
    expect(emailDetector.valueMatcher('ana@example.com')).toBe('match');
    expect(emailDetector.valueMatcher('ana@localhost')).toBe('invalid');
    expect(emailDetector.valueMatcher('mail ana@example.com')).toBe('nomatch');
    expect(emailDetector.valueMatcher('true')).toBe('nomatch');
    expect(emailDetector.containsMatcher!('mail ana@example.com today')).toBe('ana@example.com');
  });

  it('masks examples', () => {
    const [s] = classify(col('email', 'string'), ['john@example.com', ...emails.slice(0, 20)]);
    expect(s!.evidence.maskedExamples[0]).toBe('j***@e******.com');
  });
});
