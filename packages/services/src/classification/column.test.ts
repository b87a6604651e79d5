import { describe, expect, it } from 'vitest';
import { normalizeDataType, normalizeName } from './column';

describe('normalizeDataType', () => {
  it.each([
    ['integer', 'integer'], ['bigint', 'integer'], ['int8', 'integer'], ['bigserial', 'integer'], ['smallint', 'integer'],
    ['numeric(10,2)', 'decimal'], ['double precision', 'decimal'], ['real', 'decimal'], ['money', 'decimal'],
    ['boolean', 'boolean'], ['bool', 'boolean'],
    ['date', 'date'],
    ['timestamp without time zone', 'timestamp'], ['timestamp(3) with time zone', 'timestamp'], ['timestamptz', 'timestamp'],
    ['character varying(255)', 'string'], ['varchar', 'string'], ['text', 'string'], ['citext', 'string'], ['char(2)', 'string'],
    ['inet', 'string'], ['cidr', 'string'], ['macaddr', 'string'],
    ['uuid', 'uuid'], ['jsonb', 'json'], ['json', 'json'], ['bytea', 'binary'],
    ['integer[]', 'other'], ['_int4', 'other'], ['USER-DEFINED', 'other'], ['interval', 'other'], ['time', 'other'],
    ['pg_catalog.int4', 'integer'],
  ])('postgres %s → %s', (raw, t) => expect(normalizeDataType(raw, 'postgres')).toBe(t));

  it.each([
    ['tinyint(1)', 'boolean'], ['bit(1)', 'boolean'], ['tinyint(4)', 'integer'], ['int(11) unsigned', 'integer'],
    ['bigint unsigned', 'integer'], ['decimal(10,2)', 'decimal'], ['double', 'decimal'], ['float', 'decimal'],
    ['datetime', 'timestamp'], ['timestamp', 'timestamp'], ['date', 'date'], ['year', 'date'],
    ['varchar(255)', 'string'], ['char(36)', 'string'], ['longtext', 'string'], ["enum('m','f')", 'string'],
    ["set('a','b')", 'string'], ['json', 'json'], ['varbinary(16)', 'binary'], ['blob', 'binary'], ['geometry', 'other'],
    ['varchar(64) character set utf8mb4 collate utf8mb4_bin', 'string'],
  ])('mysql %s → %s', (raw, t) => expect(normalizeDataType(raw, 'mysql')).toBe(t));

  it.each([
    ['INTEGER', 'integer'], ['BIGINT', 'integer'], ['TEXT', 'string'], ['VARCHAR(20)', 'string'], ['CLOB', 'string'],
    ['REAL', 'decimal'], ['DOUBLE', 'decimal'], ['NUMERIC', 'decimal'], ['DECIMAL(10,5)', 'decimal'], ['BLOB', 'binary'],
    ['BOOLEAN', 'boolean'], ['DATE', 'date'], ['DATETIME', 'timestamp'], ['TIMESTAMP', 'timestamp'], ['UUID', 'uuid'],
    ['JSON', 'json'], ['', 'other'], ['WHATEVER', 'other'],
  ])('sqlite %s → %s', (raw, t) => expect(normalizeDataType(raw, 'sqlite')).toBe(t));
});

describe('normalizeName', () => {
  it.each([
    ['customerEmailAddress', 'customer_email_address'],
    ['E-Mail', 'e_mail'],
    ['SSNNumber', 'ssn_number'],
    ['Prénom', 'prenom'],
    ['Straße', 'strasse'],
    ['  __zip  code__ ', 'zip_code'],
    ['IPv4', 'ipv4'],
    ['clientIPv6Address', 'client_ipv6_address'],
    ['DoB', 'do_b'],
    ['address1', 'address1'],
  ])('%s → %s', (raw, n) => expect(normalizeName(raw)).toBe(n));
});
