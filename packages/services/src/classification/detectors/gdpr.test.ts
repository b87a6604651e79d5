import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { ethnicityDetector } from './ethnicity';
import { healthDetector } from './health';
import { religionDetector } from './religion';
import { sexualOrientationDetector } from './sexual-orientation';

describe('GDPR.Religion detector', () => {
  it('labels religion columns in several languages', () => {
    expect(labels(col('religion', 'string'), cycle(['Christian', 'Muslim', 'Hindu', 'Buddhist', 'Jewish', 'Sikh', 'No religion'], 100))).toEqual([
      'GDPR.Religion',
    ]);
    expect(labels(col('c', 'string'), cycle(['Catholic', 'Protestant', 'Orthodox', 'Muslim', 'Atheist'], 100))).toEqual(['GDPR.Religion']);
    expect(labels(col('konfession', 'string'), cycle(['katholisch', 'evangelisch', 'konfessionslos', 'muslimisch'], 100))).toEqual(['GDPR.Religion']);
  });

  it('"none" and "other" need the name', () => {
    expect(labels(col('c', 'string'), cycle(['none', 'other', 'Christian'], 99))).toEqual([]);
    expect(religionDetector.valueMatcher('no religion')).toBe('nomatch');
    expect(religionDetector.valueMatcher('no religion', matchContext({ nameSignal: 'positive' }))).toBe('match');
  });

  it('does not label holiday calendars or free text', () => {
    expect(labels(col('religious_holiday', 'string'), cycle(['Christmas', 'Eid', 'Diwali'], 100))).toEqual([]);
    expect(religionDetector.valueMatcher('The Christian Science Monitor published an article')).toBe('nomatch');
  });
});

describe('GDPR.Ethnicity detector', () => {
  it('labels census categories', () => {
    expect(
      labels(col('c', 'string'), cycle(['Hispanic or Latino', 'Not Hispanic or Latino', 'Black or African American', 'Asian American', 'Caucasian'], 100)),
    ).toEqual(['GDPR.Ethnicity']);
    expect(labels(col('ethnicity', 'string'), cycle(['White British', 'Indian', 'Pakistani', 'Black Caribbean', 'Mixed', 'Chinese'], 100))).toEqual([
      'GDPR.Ethnicity',
    ]);
    expect(labels(col('race', 'string'), cycle(['White', 'Black', 'Asian', 'Other'], 100))).toEqual(['GDPR.Ethnicity']);
  });

  it('colours, languages and cuisines are not ethnicity', () => {
    expect(labels(col('color', 'string'), cycle(['White', 'Black', 'Red', 'Blue'], 100))).toEqual([]);
    expect(labels(col('language', 'string'), cycle(['Chinese', 'Japanese', 'Korean', 'Irish'], 100))).toEqual([]);
    expect(labels(col('cuisine', 'string'), cycle(['Indian', 'Chinese', 'Mexican'], 100))).toEqual([]);
    expect(ethnicityDetector.valueMatcher('White')).toBe('nomatch');
    expect(ethnicityDetector.valueMatcher('White', matchContext({ nameSignal: 'positive' }))).toBe('match');
  });
});

describe('GDPR.Health detector', () => {
  it('labels conditions, allergies and medications', () => {
    expect(
      labels(col('medical_conditions', 'string'), cycle(['Type 2 diabetes mellitus', 'Asthma', 'Hypertension', 'Chronic kidney disease', 'None known', 'Depression'], 100)),
    ).toEqual(['GDPR.Health']);
    expect(labels(col('allergies', 'string'), cycle(['Penicillin allergy', 'Peanut allergy', 'NKDA', 'Latex allergy'], 100))).toEqual(['GDPR.Health']);
    expect(labels(col('c', 'string'), cycle(['metformin', 'lisinopril', 'atorvastatin', 'sertraline', 'insulin'], 100))).toEqual(['GDPR.Health']);
  });

  it('blood types count only in a blood-type column (otherwise they are grades)', () => {
    expect(labels(col('blood_type', 'string'), cycle(['A+', 'O-', 'B+', 'AB+', 'O+'], 100))).toEqual(['GDPR.Health']);
    expect(labels(col('grade', 'string'), cycle(['A+', 'B-', 'B+', 'A-'], 100))).toEqual([]);
  });

  it('does not label product condition, weather or long notes', () => {
    expect(labels(col('condition', 'string'), cycle(['New', 'Used', 'Refurbished'], 100))).toEqual([]);
    expect(labels(col('weather_condition', 'string'), cycle(['Sunny', 'Cloudy', 'Tropical depression'], 100))).toEqual([]);
    expect(healthDetector.valueMatcher('Customer mentioned their cat has diabetes but the order is for the dog food we discussed last week on the call')).toBe('nomatch');
  });
});

describe('GDPR.SexualOrientation detector', () => {
  it('labels orientation columns', () => {
    expect(labels(col('sexual_orientation', 'string'), cycle(['Heterosexual', 'Gay', 'Lesbian', 'Bisexual', 'Straight', 'Prefer not to say'], 100))).toEqual([
      'GDPR.SexualOrientation',
    ]);
    expect(labels(col('c', 'string'), cycle(['heterosexual', 'homosexual', 'bisexual'], 90))).toEqual(['GDPR.SexualOrientation']);
  });

  it('"straight" and "bi" need the name; page orientation is not sexual orientation', () => {
    expect(labels(col('orientation', 'string'), cycle(['portrait', 'landscape'], 100))).toEqual([]);
    expect(labels(col('road_shape', 'string'), cycle(['straight', 'curved'], 100))).toEqual([]);
    expect(sexualOrientationDetector.valueMatcher('straight')).toBe('nomatch');
    expect(sexualOrientationDetector.valueMatcher('straight', matchContext({ nameSignal: 'positive' }))).toBe('match');
  });

  it('is Restricted', () => {
    expect(suggestion('GDPR.SexualOrientation', col('sexuality', 'string'), cycle(['gay', 'lesbian', 'bisexual'], 30))!.sensitivity).toBe('Restricted');
  });

  it('free text about orientation is not labelled', () => {
    expect(labels(col('notes', 'string'), generate(30, () => 'Attended the LGBT inclusion training session in March'))).toEqual([]);
  });
});
