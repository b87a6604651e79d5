import { type BuiltInFramework, PROTECTED } from './types';

const pii = 'asset.labels any like "PII.*"';
const sensitivePi = '["PII.NationalId", "PII.DriverLicense", "PII.Passport", "PII.Geolocation", "GDPR.Ethnicity", "GDPR.Religion", "GDPR.Health", "GDPR.SexualOrientation"]';

export const ccpa: BuiltInFramework = {
  key: 'ccpa',
  name: 'CCPA',
  version: 'CPRA 2023',
  description: 'California Consumer Privacy Act as amended by the CPRA (Cal. Civ. Code §1798.100 ff.): personal information known, owned, deletable, secured.',
  rules: [
    {
      code: 'CCPA §1798.100',
      title: 'Personal-information tables have an owner',
      description: 'A business informs consumers of the categories it collects; someone must answer for each table of personal information.',
      severity: 'medium',
      target: 'table',
      appliesWhen: pii,
      requires: 'asset.owners.count > 0',
      remediation: 'Assign an owner to the table.',
    },
    {
      code: 'CCPA §1798.110',
      title: 'Right to know: personal-information tables are described',
      description: 'Consumers may ask which categories of personal information are held; each table says what it holds.',
      severity: 'low',
      target: 'table',
      appliesWhen: pii,
      requires: 'asset.description != null',
      remediation: 'Describe the table (what personal information it holds and why).',
    },
    {
      code: 'CCPA §1798.105',
      title: 'Right to delete: personal-information tables declare retention',
      description: 'A business deletes personal information on request and does not keep it longer than necessary (§1798.100(a)(3)).',
      severity: 'medium',
      target: 'table',
      appliesWhen: pii,
      requires: 'asset.tags any like "retention:*"',
      remediation: 'Tag the table with its retention period and make sure deletion requests reach it.',
    },
    {
      code: 'CCPA §1798.150',
      title: 'Reasonable security for identifiers named by the breach provision',
      description: 'Social security, driver’s licence, passport and account numbers must be protected by reasonable security (encryption or redaction).',
      severity: 'high',
      target: 'column',
      appliesWhen: 'asset.labels has_any ["PII.NationalId", "PII.DriverLicense", "PII.Passport", "Financial.BankAccount", "Financial.IBAN"]',
      requires: `asset.tags has_any ${PROTECTED}`,
      remediation: 'Encrypt, tokenize or redact the column and tag it.',
    },
    {
      code: 'CCPA §1798.121',
      title: 'Sensitive personal information is limited to production use',
      description: 'Use of sensitive personal information is limited to what is necessary; copies outside production are masked or tokenized.',
      severity: 'high',
      target: 'column',
      appliesWhen: `asset.labels has_any ${sensitivePi} and source.environment != "prod"`,
      requires: 'asset.tags has_any ["masked", "tokenized", "synthetic"]',
      remediation: 'Mask or tokenize the column in this copy (or use synthetic data) and tag it.',
    },
  ],
};
