import { describe, expect, it } from 'vitest';
import type { NormalizedType } from './column';
import { cycle, generate, labels } from './testing';

const H = '0123456789abcdef';

/**
 * Ordinary columns from ordinary schemas. Each is a false positive some
 * classifier somewhere has produced; none of them may get a label here.
 */
const COLUMNS: Array<[string, NormalizedType, unknown[]]> = [
  ['id', 'integer', generate(100, (i) => i + 1)],
  ['order_id', 'string', generate(100, (i) => String(100000 + i * 37))],
  ['amount', 'decimal', generate(100, (_i, r) => Math.round(r() * 1e6) / 100)],
  ['price', 'string', generate(100, (_i, r) => (r() * 1000).toFixed(2))],
  ['status', 'string', cycle(['active', 'inactive', 'pending', 'deleted'], 100)],
  ['sku', 'string', generate(100, (_i, r) => `SKU-${Math.floor(r() * 1e6)}`)],
  ['url', 'string', generate(100, (i) => `https://example.com/products/${i}?ref=home`)],
  ['file_path', 'string', generate(100, (i) => `/var/data/exports/2024/file_${i}.csv`)],
  ['request_id', 'string', generate(100, (_i, r) => Array.from({ length: 32 }, () => H[Math.floor(r() * 16)]).join(''))],
  ['checksum', 'string', generate(100, (_i, r) => Array.from({ length: 64 }, () => H[Math.floor(r() * 16)]).join(''))],
  ['version', 'string', generate(100, (i) => `${i % 4}.${i % 7}.${i % 11}`)],
  ['created', 'string', generate(100, (i) => new Date(1.7e12 + i * 86400000).toISOString())],
  ['day', 'string', generate(100, (i) => new Date(1.7e12 + i * 86400000).toISOString().slice(0, 10))],
  ['enabled', 'string', cycle(['true', 'false'], 100)],
  ['flag', 'string', cycle(['Y', 'N'], 100)],
  ['priority', 'integer', cycle([1, 2, 3], 100)],
  ['currency', 'string', cycle(['USD', 'EUR', 'GBP', 'JPY'], 100)],
  ['lang', 'string', cycle(['en', 'fr', 'de', 'es', 'en-US'], 100)],
  ['color', 'string', cycle(['red', 'green', 'blue', 'white', 'black'], 100)],
  ['product_name', 'string', cycle(['Wireless Mouse', 'USB-C Cable', 'Standing Desk', 'Noise Cancelling Headphones'], 100)],
  ['title', 'string', generate(100, (i) => `How to configure widget number ${i} in production`)],
  ['html', 'string', generate(100, (i) => `<div class="item"><a href="/p/${i}">Item ${i}</a></div>`)],
  ['level', 'string', cycle(['INFO', 'WARN', 'ERROR', 'DEBUG'], 100)],
  ['method', 'string', cycle(['GET', 'POST', 'PUT', 'DELETE'], 100)],
  ['mime_type', 'string', cycle(['application/json', 'text/html', 'image/png'], 100)],
  ['hostname', 'string', generate(100, (i) => `web-${i}.prod.internal`)],
  ['tracking_number', 'string', generate(100, (_i, r) => `1Z${Math.floor(r() * 1e8)}${Math.floor(r() * 1e8)}`)],
  ['isbn', 'string', generate(100, (i) => `978-3-16-${String(148410 + i)}-0`)],
  ['duration', 'string', generate(100, (i) => `${i % 24}:${String(i % 60).padStart(2, '0')}:00`)],
  ['percentage', 'decimal', generate(100, (_i, r) => Math.round(r() * 10000) / 100)],
  ['score', 'decimal', generate(100, (_i, r) => r())],
  ['epoch', 'string', generate(100, (i) => String(1_700_000_000 + i * 3607))],
  ['barcode', 'string', generate(100, (_i, r) => String(Math.floor(1e12 + r() * 8.9e12)))],
  ['invoice_number', 'string', generate(100, (i) => `INV-2024-${String(i).padStart(5, '0')}`)],
  ['code', 'string', cycle(['A1', 'B2', 'C3', 'D4', 'E5'], 100)],
  ['postal_flag', 'boolean', cycle([true, false], 100)],
  ['count', 'integer', generate(100, (_i, r) => Math.floor(r() * 100000))],
  ['ean', 'string', generate(100, (_i, r) => String(4006381333931 + Math.floor(r() * 1e6)))],
  ['tags', 'string', cycle(['vip,new', 'returning', 'wholesale'], 100)],
  ['city', 'string', cycle(['London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Austin', 'Jackson', 'Charlotte', 'Victoria', 'Houston'], 100)],
  ['category', 'string', cycle(['Books', 'Electronics', 'Toys', 'Garden', 'Health & Beauty'], 100)],
  ['month', 'string', cycle(['January', 'February', 'March', 'April', 'May', 'June'], 100)],
  ['weekday', 'string', cycle(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], 100)],
  ['rating', 'string', cycle(['A+', 'A', 'B', 'C'], 100)],
  ['semver', 'string', generate(100, (i) => `v${i % 3}.${i % 10}.${i}`)],
  ['region', 'string', cycle(['EMEA', 'APAC', 'NA', 'LATAM'], 100)],
  ['timezone', 'string', cycle(['Europe/Paris', 'America/New_York', 'Asia/Tokyo'], 100)],
  ['account_type', 'string', cycle(['checking', 'savings'], 100)],
  ['nickname', 'string', generate(100, (i) => `gamer${i}`)],
  ['serial_number', 'string', generate(100, (_i, r) => `SN${Math.floor(r() * 1e9)}`)],
  ['batch', 'string', generate(100, (i) => `B${String(i).padStart(6, '0')}`)],
];

describe('ordinary columns get no labels', () => {
  it.each(COLUMNS)('%s (%s)', (name, type, values) => {
    expect(labels({ name, dataType: type, normalizedType: type, nullable: true }, values)).toEqual([]);
  });

  it('13-digit EAN barcodes that start like a Visa number are not cards, not even by chance', () => {
    // ~10% of random digit runs pass Luhn; those chance hits must not surface as 'contains'.
    expect(labels({ name: 'ean', dataType: 'text', normalizedType: 'string', nullable: true }, generate(100, (_i, r) => String(4006381333931 + Math.floor(r() * 1e6))))).toEqual([]);
  });
});
