/**
 * The demo data set, built in memory from a seed: the same seed gives the
 * same rows, byte for byte (a dedicated faker instance, a fixed reference
 * date, a fixed generation order). Writers for SQLite and PostgreSQL turn it
 * into a database.
 *
 * It holds what a classifier should find (names, e-mails, phones, dates of
 * birth, addresses, SSNs, cards, IBANs, ICD-10 codes, API keys, password
 * hashes) and the traps it should not fall into: `email_verified` is a
 * boolean, `created_at` epoch seconds (not a card or a phone), `status` a
 * one-letter code, `notes` free text that only sometimes holds an e-mail, and
 * `product` a table with nothing sensitive at all.
 */
import { base, en, en_US, Faker } from '@faker-js/faker';
import {
  bcryptHash,
  cardExpiry,
  cardNumber,
  iban,
  ICD10_CODES,
  liveApiKey,
  usSsn,
} from './generators';

export interface DemoOptions {
  seed?: number;
  /** Number of customers (default 200); orders, payments and tickets scale with it. */
  people?: number;
}

/** Everything is dated relative to this instant, never to the clock. */
export const DEMO_REFERENCE_DATE = new Date('2025-06-30T12:00:00Z');

export interface Customer {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  email_verified: boolean;
  phone: string | null;
  date_of_birth: string;
  gender: string;
  street_address: string;
  city: string;
  postal_code: string;
  country: string;
  national_id: string | null;
  /** Unix epoch seconds. */
  created_at: number;
  notes: string | null;
}

export interface Order {
  id: number;
  customer_id: number;
  /** P pending, S shipped, D delivered, C cancelled, R refunded. */
  status: string;
  total_cents: number;
  currency: string;
  /** ISO 8601 UTC timestamp. */
  created_at: string;
}

export interface Payment {
  id: number;
  order_id: number;
  card_number: string | null;
  card_expiry: string | null;
  iban: string | null;
  amount_cents: number;
  paid_at: string;
}

export interface SupportTicket {
  id: number;
  customer_id: number;
  subject: string;
  body: string;
  diagnosis_code: string | null;
  created_at: string;
}

export interface ApiCredential {
  id: number;
  service: string;
  api_key: string;
  password_hash: string;
}

export interface Product {
  id: number;
  sku: string;
  name: string;
  price_cents: number;
  category: string;
}

export interface DemoData {
  customers: Customer[];
  orders: Order[];
  payments: Payment[];
  support_tickets: SupportTicket[];
  api_credentials: ApiCredential[];
  product: Product[];
}

export type DemoTable = keyof DemoData;
export const DEMO_TABLES: readonly DemoTable[] = [
  'customers',
  'orders',
  'payments',
  'support_tickets',
  'api_credentials',
  'product',
];

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const NOTE_TEMPLATES: readonly ((f: Faker, c: { email: string; first: string }) => string)[] = [
  (_f, c) => `Prefers to be contacted by e-mail at ${c.email} rather than by phone.`,
  (f, c) =>
    `Asked us to copy ${f.internet.email({ provider: 'example.org' }).toLowerCase()} on invoices for ${c.first}.`,
  () => 'Called about a late delivery; offered a 10% voucher.',
  () => 'VIP customer, handle with care.',
  (f) =>
    `Moved recently; new address confirmed on ${f.date.past({ years: 1 }).toISOString().slice(0, 10)}.`,
  () => 'Requested paper statements.',
  (f) => f.lorem.sentence(),
  () => 'Do not call before 10am.',
];

const TICKET_SUBJECTS = [
  'Claim reimbursement question',
  'Coverage for prescribed treatment',
  'Cannot log in to the member portal',
  'Billing discrepancy on last statement',
  'Request for pre-authorization',
  'Update my contact details',
  'Question about my deductible',
];

export function buildDemoData(opts: DemoOptions = {}): DemoData {
  const seed = opts.seed ?? 42;
  const people = Math.max(1, Math.floor(opts.people ?? 200));
  const f = new Faker({ locale: [en_US, en, base] });
  f.seed(seed);
  f.setDefaultRefDate(DEMO_REFERENCE_DATE);
  const now = DEMO_REFERENCE_DATE;
  const since = new Date('2019-01-01T00:00:00Z');

  const customers: Customer[] = [];
  const emails = new Set<string>();
  for (let id = 1; id <= people; id++) {
    const sex = f.helpers.arrayElement(['female', 'male'] as const);
    const first = f.person.firstName(sex);
    const last = f.person.lastName();
    let email = f.internet.email({ firstName: first, lastName: last }).toLowerCase();
    if (emails.has(email)) email = email.replace('@', `${id}@`);
    emails.add(email);
    const created = f.date.between({ from: since, to: now });
    customers.push({
      id,
      first_name: first,
      last_name: last,
      email,
      email_verified: f.datatype.boolean({ probability: 0.8 }),
      phone: f.datatype.boolean({ probability: 0.9 })
        ? f.phone.number({ style: f.helpers.arrayElement(['national', 'international'] as const) })
        : null,
      date_of_birth: f.date.birthdate({ mode: 'age', min: 18, max: 90 }).toISOString().slice(0, 10),
      gender: f.helpers.weightedArrayElement([
        { weight: 49, value: sex === 'female' ? 'F' : 'M' },
        { weight: 1, value: 'X' },
      ]),
      street_address: f.location.streetAddress(),
      city: f.location.city(),
      postal_code: f.location.zipCode('#####'),
      country: 'US',
      national_id: f.datatype.boolean({ probability: 0.95 }) ? usSsn(f) : null,
      created_at: Math.floor(created.getTime() / 1000),
      notes: f.datatype.boolean({ probability: 0.55 })
        ? f.helpers.arrayElement(NOTE_TEMPLATES)(f, { email, first })
        : null,
    });
  }

  const orders: Order[] = [];
  const payments: Payment[] = [];
  for (const c of customers) {
    const count = f.number.int({ min: 0, max: 5 });
    for (let i = 0; i < count; i++) {
      const created = f.date.between({ from: new Date(c.created_at * 1000), to: now });
      const order: Order = {
        id: orders.length + 1,
        customer_id: c.id,
        status: f.helpers.weightedArrayElement([
          { weight: 10, value: 'P' },
          { weight: 20, value: 'S' },
          { weight: 55, value: 'D' },
          { weight: 10, value: 'C' },
          { weight: 5, value: 'R' },
        ]),
        total_cents: f.number.int({ min: 499, max: 49_999 }),
        currency: f.helpers.weightedArrayElement([
          { weight: 80, value: 'USD' },
          { weight: 12, value: 'EUR' },
          { weight: 8, value: 'GBP' },
        ]),
        created_at: iso(created),
      };
      orders.push(order);
      if (order.status === 'S' || order.status === 'D' || order.status === 'R') {
        const byCard = f.datatype.boolean({ probability: 0.75 });
        payments.push({
          id: payments.length + 1,
          order_id: order.id,
          card_number: byCard ? cardNumber(f) : null,
          card_expiry: byCard ? cardExpiry(f, now) : null,
          iban: byCard ? null : iban(f),
          amount_cents: order.total_cents,
          paid_at: iso(
            new Date(created.getTime() + f.number.int({ min: 60, max: 72 * 3600 }) * 1000),
          ),
        });
      }
    }
  }

  const support_tickets: SupportTicket[] = [];
  for (const c of customers) {
    if (!f.datatype.boolean({ probability: 0.6 })) continue;
    const subject = f.helpers.arrayElement(TICKET_SUBJECTS);
    const contact = f.helpers.arrayElement([
      `You can reach me at ${c.phone ?? c.email}.`,
      `Please reply to ${c.email}.`,
      'Thanks in advance.',
      '',
    ]);
    support_tickets.push({
      id: support_tickets.length + 1,
      customer_id: c.id,
      subject,
      body: `Hello, ${f.lorem.sentences({ min: 1, max: 3 })} ${contact}`.trim(),
      diagnosis_code: f.datatype.boolean({ probability: 0.7 })
        ? f.helpers.arrayElement(ICD10_CODES)
        : null,
      created_at: iso(f.date.between({ from: new Date(c.created_at * 1000), to: now })),
    });
  }

  const services = ['stripe', 'sendgrid', 'twilio', 'github', 'datadog', 'slack', 'aws', 'mapbox'];
  const api_credentials: ApiCredential[] = [];
  for (let i = 0; i < Math.max(8, Math.round(people / 16)); i++) {
    api_credentials.push({
      id: i + 1,
      service: services[i % services.length]!,
      api_key: liveApiKey(f),
      password_hash: bcryptHash(f),
    });
  }

  const product: Product[] = [];
  for (let i = 0; i < 40; i++) {
    product.push({
      id: i + 1,
      sku: `SKU-${String(10_000 + i * 7).padStart(5, '0')}`,
      name: f.commerce.productName(),
      price_cents: f.number.int({ min: 199, max: 99_999 }),
      category: f.commerce.department(),
    });
  }

  return { customers, orders, payments, support_tickets, api_credentials, product };
}
