/**
 * The label taxonomy: fine-grained labels (`PII.Email`) grouped in categories
 * and rolled up to four ordered sensitivity levels. Compliance rules and the
 * catalog only ever compare levels through `sensitivityRank`, so adding a
 * level later means touching this file alone.
 */

export const SENSITIVITY_LEVELS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];

export const LABEL_CATEGORIES = ['PII', 'PCI', 'Financial', 'PHI', 'Secret', 'GDPR-special'] as const;
export type LabelCategory = (typeof LABEL_CATEGORIES)[number];

export interface LabelDefinition {
  id: string;
  displayName: string;
  description: string;
  category: LabelCategory;
  sensitivity: SensitivityLevel;
}

function label(
  id: string,
  displayName: string,
  category: LabelCategory,
  sensitivity: SensitivityLevel,
  description: string,
): LabelDefinition {
  return { id, displayName, description, category, sensitivity };
}

/** Every built-in label. Order is display order (by category, then roughly by how common). */
export const LABELS = [
  label('PII.Email', 'Email address', 'PII', 'Confidential', 'A personal or work email address.'),
  label('PII.Phone', 'Phone number', 'PII', 'Confidential', 'A telephone number, validated per country by libphonenumber.'),
  label('PII.PersonName', 'Person name', 'PII', 'Confidential', "A person's first, last or full name."),
  label('PII.Address', 'Street address', 'PII', 'Confidential', 'A postal street address (house number and street).'),
  label('PII.PostalCode', 'Postal code', 'PII', 'Internal', 'A ZIP or postal code; identifying in combination with other attributes.'),
  label('PII.DateOfBirth', 'Date of birth', 'PII', 'Confidential', "A person's date of birth."),
  label('PII.NationalId', 'National identifier', 'PII', 'Restricted', 'A government-issued personal identifier: US SSN, UK NINO, Canadian SIN, Spanish DNI/NIE, French NIR, Dutch BSN, Indian Aadhaar, Italian codice fiscale.'),
  label('PII.Passport', 'Passport number', 'PII', 'Restricted', 'A passport number.'),
  label('PII.DriverLicense', "Driver's licence number", 'PII', 'Restricted', "A driver's licence number."),
  label('PII.IPAddress', 'IP address', 'PII', 'Confidential', 'An IPv4 or IPv6 address; personal data under GDPR when it identifies a device or subscriber.'),
  label('PII.Gender', 'Gender', 'PII', 'Confidential', "A person's gender or sex."),
  label('PII.Geolocation', 'Precise geolocation', 'PII', 'Confidential', 'Latitude/longitude precise enough to locate a person (3+ decimal places).'),
  label('PCI.CardNumber', 'Payment card number', 'PCI', 'Restricted', 'A payment card primary account number (PAN): issuer range and Luhn check.'),
  label('PCI.CardExpiry', 'Card expiry date', 'PCI', 'Confidential', 'A payment card expiry date (MM/YY).'),
  label('PCI.CardVerificationCode', 'Card verification code', 'PCI', 'Restricted', 'A CVV/CVC security code; PCI-DSS forbids storing it after authorisation.'),
  label('Financial.IBAN', 'IBAN', 'Financial', 'Confidential', 'An International Bank Account Number (country length and mod-97 check).'),
  label('Financial.BIC', 'BIC / SWIFT code', 'Financial', 'Internal', 'A bank identifier code; identifies a bank, not a person.'),
  label('Financial.TaxId', 'Tax identifier', 'Financial', 'Confidential', 'A tax identifier: US EIN/ITIN, UK UTR, EU VAT number, Indian PAN.'),
  label('Financial.BankAccount', 'Bank account number', 'Financial', 'Confidential', 'A domestic bank account or US ABA routing number.'),
  label('PHI.Diagnosis', 'Diagnosis code', 'PHI', 'Restricted', 'An ICD-10 diagnosis code.'),
  label('PHI.MedicalRecordNumber', 'Medical record number', 'PHI', 'Restricted', 'A medical record number or NHS number.'),
  label('PHI.HealthPlanId', 'Health plan identifier', 'PHI', 'Restricted', 'A health insurance member identifier, e.g. a US Medicare Beneficiary Identifier (MBI).'),
  label('Secret.Password', 'Password', 'Secret', 'Restricted', 'A password, hashed or (worse) in plain text.'),
  label('Secret.ApiKey', 'API key or token', 'Secret', 'Restricted', 'An API key, access token or client secret (known token formats and high-entropy strings).'),
  label('Secret.PrivateKey', 'Private key', 'Secret', 'Restricted', 'A PEM/OpenSSH private key.'),
  label('GDPR.Religion', 'Religion or belief', 'GDPR-special', 'Restricted', 'Religious or philosophical belief (GDPR Art. 9 special category).'),
  label('GDPR.Ethnicity', 'Racial or ethnic origin', 'GDPR-special', 'Restricted', 'Racial or ethnic origin (GDPR Art. 9 special category).'),
  label('GDPR.Health', 'Health data', 'GDPR-special', 'Restricted', 'Health conditions, allergies, blood type (GDPR Art. 9 special category).'),
  label('GDPR.SexualOrientation', 'Sexual orientation', 'GDPR-special', 'Restricted', 'Sexual orientation (GDPR Art. 9 special category).'),
] as const satisfies readonly LabelDefinition[];

export type LabelId = (typeof LABELS)[number]['id'];

const byId = new Map<string, LabelDefinition>(LABELS.map((l) => [l.id, l]));

export function getLabel(id: string): LabelDefinition | undefined {
  return byId.get(id);
}

export function isLabelId(id: string): id is LabelId {
  return byId.has(id);
}

/** 0 for Public … 3 for Restricted; -1 for anything that is not a level. */
export function sensitivityRank(level: string): number {
  return (SENSITIVITY_LEVELS as readonly string[]).indexOf(level);
}

/** The highest level among `levels` (Public for none): what a table or source rolls up to. */
export function maxSensitivity(levels: Iterable<SensitivityLevel>): SensitivityLevel {
  let best: SensitivityLevel = 'Public';
  for (const l of levels) if (sensitivityRank(l) > sensitivityRank(best)) best = l;
  return best;
}

/** The sensitivity of a set of labels: the max of their levels; unknown labels count as Internal. */
export function sensitivityOfLabels(labels: Iterable<string>): SensitivityLevel {
  const levels: SensitivityLevel[] = [];
  for (const id of labels) levels.push(byId.get(id)?.sensitivity ?? 'Internal');
  return maxSensitivity(levels);
}
