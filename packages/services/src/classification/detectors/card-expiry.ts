import { defineDetector, namePatterns, tokens } from '../detector';
import { TEXT_TYPES } from './common';

const MM_YY = /^(0[1-9]|1[0-2]) ?[/-] ?([0-9]{2}|20[0-9]{2})$/;
const MMYY = /^(0[1-9]|1[0-2])([0-9]{2})$/;
const YYYY_MM = /^(20[0-9]{2})-(0[1-9]|1[0-2])$/;

/**
 * Card expiry dates (MM/YY, MM/YYYY, MMYY, YYYY-MM). "Expires" is on every
 * token, session and subscription table, so the name must be about a card's
 * expiry, and timestamps (`expires_at`) never qualify: text types only.
 */
export const cardExpiryDetector = defineDetector({
  id: 'builtin.card-expiry',
  label: 'PCI.CardExpiry',
  version: 1,
  noun: 'card expiry dates',
  validation: 'MM/YY, MM/YYYY, MMYY or YYYY-MM with a month 01–12',
  namePatterns: namePatterns(
    tokens(
      '(cc|card|pan|credit_?card)_?(exp|expiry|expiration|expires)(_?(date|dt|mm_?yy|mmyy|month_?year))?|' +
        'exp(iry|iration)?_?(mm_?yy|mmyy|month_?year)|expiry|expiry_?date|expiration_?date|exp_?date|' +
        'valid_?(thru|through|until)|card_?valid_?(to|until)',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'at|ts|timestamp|token|session|password|subscription|trial|license|licence|contract|policy|passport|visa|' +
        'certificate|cert|domain|link|coupon|offer|promo|membership|cache|cookie|key|lease|reservation|warranty|' +
        'document|id_?card|is|has|flag|count|cnt|reminder|notified|notice',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  nameRequired: true,
  valueMatcher: (value) => (value.length >= 4 && value.length <= 9 && (MM_YY.test(value) || MMYY.test(value) || YYYY_MM.test(value)) ? 'match' : 'nomatch'),
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.7,
  cardinality: { minDistinct: 2 },
  maskStyle: 'category',
});
