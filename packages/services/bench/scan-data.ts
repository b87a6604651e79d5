/**
 * The benchmark source's shape and values, shared by the full-scan bench
 * (which copies one template into every table) and the classification bench
 * (which classifies many differently-seeded samples of it in memory).
 */
import { faker } from '@faker-js/faker';
import { cardNumber, iban, usSsn } from '../src/demo-source/index';

export const BENCH_COLUMNS = [
  ['id', 'integer PRIMARY KEY'],
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['email', 'text'],
  ['email_verified', 'boolean'],
  ['phone', 'text'],
  ['date_of_birth', 'date'],
  ['gender', 'text'],
  ['city', 'text'],
  ['postal_code', 'text'],
  ['ssn', 'text'],
  ['card_number', 'text'],
  ['iban', 'text'],
  ['status', 'text'],
  ['created_at', 'timestamptz'],
  ['amount', 'numeric(12,2)'],
  ['ip_address', 'text'],
  ['notes', 'text'],
  ['product_code', 'text'],
  ['updated_epoch', 'bigint'],
] as const;

export const BENCH_REFERENCE_DATE = new Date('2026-06-01T00:00:00Z');

/** `count` realistic rows (people, contact details, national ids, cards, IBANs, codes, timestamps, free text) from `seed`. */
export function benchRows(count: number, seed: number): unknown[][] {
  faker.seed(seed);
  // Dates relative to a fixed instant, not the clock: the same seed gives the same rows on any day.
  faker.setDefaultRefDate(BENCH_REFERENCE_DATE);
  return Array.from({ length: count }, (_, i) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    return [
      i + 1,
      first,
      last,
      faker.internet.email({ firstName: first, lastName: last }).toLowerCase(),
      faker.datatype.boolean(),
      faker.phone.number({ style: 'international' }),
      faker.date.birthdate({ min: 18, max: 90, mode: 'age' }).toISOString().slice(0, 10),
      faker.helpers.arrayElement(['female', 'male', 'non-binary']),
      faker.location.city(),
      faker.location.zipCode('#####'),
      usSsn(faker),
      cardNumber(faker),
      iban(faker),
      faker.helpers.arrayElement(['NEW', 'PAID', 'SHIPPED', 'CANCELLED']),
      faker.date.past({ years: 3 }).toISOString(),
      faker.number.float({ min: 1, max: 5000, fractionDigits: 2 }),
      faker.internet.ipv4(),
      faker.lorem.sentence(),
      `SKU-${faker.string.alphanumeric({ length: 6, casing: 'upper' })}`,
      Math.floor(faker.date.recent({ days: 90 }).getTime() / 1000),
    ];
  });
}
