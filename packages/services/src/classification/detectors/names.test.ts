import { describe, expect, it } from 'vitest';
import { normalizeName } from '../column';
import { nameSignalOf } from '../detector';
import { builtInDetectors } from './index';

/** Column names people really use, per label: each must give its detector a positive name signal. */
const POSITIVE: Record<string, string[]> = {
  'PII.Email': ['email', 'Email', 'emailAddress', 'customer_email', 'e_mail', 'work_email', 'contact_email', 'billing_email', 'user_email', 'courriel', 'mail'],
  'PII.Phone': ['phone', 'phone_number', 'phoneNumber', 'mobile', 'mobile_phone', 'cell', 'telephone', 'tel', 'fax', 'home_phone', 'work_phone', 'msisdn', 'contact_number'],
  'PII.PersonName': ['first_name', 'last_name', 'firstName', 'lastName', 'full_name', 'surname', 'given_name', 'family_name', 'middle_name', 'maiden_name', 'fname', 'lname', 'prenom', 'nachname', 'customer_name', 'patient_name', 'cardholder_name', 'contact_name'],
  'PII.Address': ['address', 'street_address', 'address_line_1', 'addressLine1', 'address1', 'addr1', 'street', 'billing_address', 'shipping_address', 'home_address', 'mailing_address'],
  'PII.PostalCode': ['zip', 'zip_code', 'zipCode', 'postal_code', 'postcode', 'post_code', 'plz', 'billing_zip', 'shipping_postcode'],
  'PII.DateOfBirth': ['dob', 'date_of_birth', 'dateOfBirth', 'birth_date', 'birthdate', 'birthday', 'DOB', 'DoB', 'patient_dob'],
  'PII.NationalId': ['ssn', 'SSN', 'social_security_number', 'national_id', 'nino', 'ni_number', 'sin', 'dni', 'bsn', 'aadhaar', 'cpf'],
  'PII.Passport': ['passport', 'passport_number', 'passportNo', 'passport_no'],
  'PII.DriverLicense': ['drivers_license', 'driver_license_number', 'driving_licence', 'dl_number', 'driversLicenseNumber'],
  'PII.IPAddress': ['ip', 'ip_address', 'ipAddress', 'client_ip', 'remote_addr', 'last_login_ip', 'ipv4', 'clientIPv4', 'source_ip', 'user_ip'],
  'PII.Gender': ['gender', 'sex', 'Gender', 'patient_sex', 'gender_identity', 'sex_at_birth'],
  'PII.Geolocation': ['lat', 'lng', 'latitude', 'longitude', 'lon', 'geo', 'coordinates', 'gps', 'home_latitude', 'last_known_location'],
  'PCI.CardNumber': ['card_number', 'cardNumber', 'cc_number', 'credit_card', 'credit_card_number', 'pan', 'ccnum', 'card_no'],
  'PCI.CardExpiry': ['card_expiry', 'cc_exp', 'expiry_date', 'expiration_date', 'card_exp_mmyy', 'exp_date'],
  'PCI.CardVerificationCode': ['cvv', 'cvc', 'cvv2', 'card_cvv', 'security_code_card', 'card_verification_code'],
  'Financial.IBAN': ['iban', 'IBAN', 'iban_number', 'bank_account_iban'],
  'Financial.BIC': ['bic', 'swift', 'swift_code', 'bic_code', 'bank_bic'],
  'Financial.TaxId': ['tax_id', 'taxId', 'ein', 'vat_number', 'vat_id', 'tin', 'utr', 'siren', 'siret', 'abn', 'vatNumber'],
  'Financial.BankAccount': ['account_number', 'bank_account', 'bank_account_number', 'routing_number', 'sort_code', 'acct_no', 'accountNumber'],
  'PHI.Diagnosis': ['diagnosis', 'diagnosis_code', 'icd10', 'icd_10_code', 'dx_code', 'primary_dx', 'icd_code'],
  'PHI.MedicalRecordNumber': ['mrn', 'medical_record_number', 'patient_mrn', 'nhs_number', 'chart_number'],
  'PHI.HealthPlanId': ['mbi', 'medicare_id', 'medicaid_id', 'insurance_member_id', 'health_plan_id'],
  'Secret.Password': ['password', 'password_hash', 'passwd', 'pwd', 'hashed_password', 'encrypted_password', 'user_password', 'passwordHash'],
  'Secret.ApiKey': ['api_key', 'apiKey', 'access_token', 'refresh_token', 'secret_key', 'client_secret', 'token', 'auth_token', 'webhook_secret', 'api_secret'],
  'Secret.PrivateKey': ['private_key', 'privateKey', 'ssh_private_key', 'pem', 'tls_key'],
  'GDPR.Religion': ['religion', 'religious_affiliation', 'faith', 'denomination'],
  'GDPR.Ethnicity': ['ethnicity', 'race', 'ethnic_origin', 'ethnic_group', 'race_ethnicity'],
  'GDPR.Health': ['medical_conditions', 'allergies', 'blood_type', 'medications', 'health_condition', 'disability', 'diagnosis_text'],
  'GDPR.SexualOrientation': ['sexual_orientation', 'sexuality', 'orientation_sexuelle'],
};

/** Names that mention the thing but are about something else: each must give a negative signal. */
const NEGATIVE: Record<string, string[]> = {
  'PII.Email': ['email_verified', 'emailVerified', 'email_sent_at', 'email_count', 'email_opt_in', 'email_domain', 'is_email_confirmed'],
  'PII.Phone': ['phone_verified', 'phone_country_code', 'phone_ext', 'phone_type', 'phone_model'],
  'PII.PersonName': ['username', 'user_name', 'product_name', 'company_name', 'file_name', 'hostname', 'table_name'],
  'PII.Address': ['email_address', 'ip_address', 'mac_address', 'wallet_address', 'address_id', 'address_type'],
  'PII.PostalCode': ['zip_file', 'postal_code_count', 'zip_prefix'],
  'PII.DateOfBirth': ['birth_place', 'birth_country', 'birth_name', 'birth_weight'],
  'PII.NationalId': ['ssn_last4', 'ssn_verified', 'ssn_hash', 'national_id_type', 'national_id_country'],
  'PII.Passport': ['passport_expiry', 'passport_country', 'passport_issue_date'],
  'PII.DriverLicense': ['driver_license_state', 'driver_license_expiry', 'driver_license_class'],
  'PII.IPAddress': ['ip_country', 'ip_count', 'ip_range', 'ip_allowlist'],
  'PII.Gender': ['gender_ratio', 'sexual_orientation', 'sex_offender'],
  'PII.Geolocation': ['lat_precision', 'location_accuracy', 'geo_radius'],
  'PCI.CardNumber': ['card_type', 'card_brand', 'card_last4', 'card_count', 'card_expiry', 'card_token', 'card_id'],
  'PCI.CardExpiry': ['expires_at', 'token_expiry', 'session_expiry', 'subscription_expiry_date'],
  'PCI.CardVerificationCode': ['cvv_result', 'cvv_check', 'cvc_status'],
  'Financial.IBAN': ['iban_country', 'iban_verified', 'iban_hash'],
  'Financial.BIC': ['bic_country', 'swift_message', 'swift_mt103'],
  'Financial.TaxId': ['tax_rate', 'vat_amount', 'tax_exempt', 'vat_rate', 'tax_amount'],
  'Financial.BankAccount': ['account_balance', 'bank_account_type', 'account_holder', 'account_id'],
  'PHI.Diagnosis': ['diagnosis_date', 'diagnosis_description', 'icd_version'],
  'PHI.MedicalRecordNumber': ['mrn_issuer', 'mrn_hash'],
  'PHI.HealthPlanId': ['medicare_effective_date', 'health_plan_name'],
  'Secret.Password': ['password_changed_at', 'password_reset_token', 'password_policy', 'password_strength', 'password_hint'],
  'Secret.ApiKey': ['api_key_id', 'token_type', 'token_expires_at', 'api_key_prefix', 'token_hash', 'api_key_last_used'],
  'Secret.PrivateKey': ['private_key_id', 'public_key', 'private_key_path', 'key_fingerprint'],
  'GDPR.Religion': ['religious_holiday', 'religion_id'],
  'GDPR.Ethnicity': ['race_time', 'race_results', 'race_id'],
  'GDPR.Health': ['condition_code', 'weather_condition', 'product_condition'],
  'GDPR.SexualOrientation': ['sexual_orientation_policy'],
};

describe('name priors', () => {
  for (const d of builtInDetectors) {
    it(`${d.label}: real names are positive, look-alikes negative`, () => {
      for (const n of POSITIVE[d.label] ?? []) expect(nameSignalOf(d, normalizeName(n)).signal, n).toBe('positive');
      for (const n of NEGATIVE[d.label] ?? []) expect(nameSignalOf(d, normalizeName(n)).signal, n).not.toBe('positive');
    });
  }

  it('a comment speaks when the name does not, unless the comment is itself about a flag', () => {
    const email = builtInDetectors.find((d) => d.label === 'PII.Email')!;
    expect(nameSignalOf(email, 'c7', undefined, normalizeName('Customer email address')).signal).toBe('positive');
    expect(nameSignalOf(email, 'c7', undefined, normalizeName('Whether the email was verified')).signal).toBe('none');
  });
});
