/**
 * The demo tables' columns once, with their SQLite and PostgreSQL types, so
 * both writers create the same shape.
 */
import type { DemoTable } from './data';

export interface DemoColumn {
  name: string;
  sqlite: string;
  pg: string;
  /** PostgreSQL array type used to bulk-insert through unnest(). */
  pgArray: string;
  notNull?: boolean;
  primaryKey?: boolean;
  references?: { table: DemoTable; column: string };
  default?: string;
  unique?: boolean;
  comment?: string;
}

const id: DemoColumn = {
  name: 'id',
  sqlite: 'INTEGER',
  pg: 'integer',
  pgArray: 'int[]',
  primaryKey: true,
  notNull: true,
};
const text = (name: string, extra: Partial<DemoColumn> = {}): DemoColumn => ({
  name,
  sqlite: 'TEXT',
  pg: 'text',
  pgArray: 'text[]',
  ...extra,
});
const int = (name: string, extra: Partial<DemoColumn> = {}): DemoColumn => ({
  name,
  sqlite: 'INTEGER',
  pg: 'integer',
  pgArray: 'int[]',
  ...extra,
});
const ts = (name: string, extra: Partial<DemoColumn> = {}): DemoColumn => ({
  name,
  sqlite: 'TIMESTAMP',
  pg: 'timestamptz',
  pgArray: 'timestamptz[]',
  ...extra,
});

export const DEMO_SCHEMA: Record<DemoTable, { comment: string; columns: DemoColumn[] }> = {
  customers: {
    comment: 'Customers of the shop and members of the health plan',
    columns: [
      id,
      text('first_name', { notNull: true }),
      text('last_name', { notNull: true }),
      text('email', { notNull: true, unique: true }),
      {
        name: 'email_verified',
        sqlite: 'BOOLEAN',
        pg: 'boolean',
        pgArray: 'boolean[]',
        notNull: true,
        default: 'false',
      },
      text('phone'),
      { name: 'date_of_birth', sqlite: 'DATE', pg: 'date', pgArray: 'date[]' },
      text('gender', { comment: 'F, M or X' }),
      text('street_address'),
      text('city'),
      text('postal_code'),
      text('country', { notNull: true, default: "'US'" }),
      text('national_id', { comment: 'US Social Security Number' }),
      {
        name: 'created_at',
        sqlite: 'INTEGER',
        pg: 'bigint',
        pgArray: 'bigint[]',
        notNull: true,
        comment: 'Unix epoch seconds',
      },
      text('notes'),
    ],
  },
  orders: {
    comment: 'Orders placed by customers',
    columns: [
      id,
      int('customer_id', { notNull: true, references: { table: 'customers', column: 'id' } }),
      text('status', {
        notNull: true,
        default: "'P'",
        comment: 'P pending, S shipped, D delivered, C cancelled, R refunded',
      }),
      int('total_cents', { notNull: true }),
      text('currency', { notNull: true, default: "'USD'" }),
      ts('created_at', { notNull: true }),
    ],
  },
  payments: {
    comment: 'Card and bank-transfer payments',
    columns: [
      id,
      int('order_id', { notNull: true, references: { table: 'orders', column: 'id' } }),
      text('card_number'),
      text('card_expiry'),
      text('iban'),
      int('amount_cents', { notNull: true }),
      ts('paid_at', { notNull: true }),
    ],
  },
  support_tickets: {
    comment: 'Member support requests',
    columns: [
      id,
      int('customer_id', { notNull: true, references: { table: 'customers', column: 'id' } }),
      text('subject', { notNull: true }),
      text('body', { notNull: true }),
      text('diagnosis_code', { comment: 'ICD-10-CM' }),
      ts('created_at', { notNull: true }),
    ],
  },
  api_credentials: {
    comment: 'Credentials for third-party services',
    columns: [
      id,
      text('service', { notNull: true }),
      text('api_key', { notNull: true }),
      text('password_hash', { notNull: true }),
    ],
  },
  product: {
    comment: 'Product catalogue (nothing sensitive)',
    columns: [
      id,
      text('sku', { notNull: true, unique: true }),
      text('name', { notNull: true }),
      int('price_cents', { notNull: true }),
      text('category', { notNull: true }),
    ],
  },
};
