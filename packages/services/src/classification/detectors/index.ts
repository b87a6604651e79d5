import type { Detector } from '../detector';
import { addressDetector } from './address';
import { apiKeyDetector } from './api-key';
import { bankAccountDetector } from './bank-account';
import { bicDetector } from './bic';
import { cardExpiryDetector } from './card-expiry';
import { cardNumberDetector } from './card-number';
import { cardVerificationCodeDetector } from './card-verification-code';
import { dateOfBirthDetector } from './date-of-birth';
import { diagnosisDetector } from './diagnosis';
import { driverLicenseDetector } from './driver-license';
import { emailDetector } from './email';
import { ethnicityDetector } from './ethnicity';
import { genderDetector } from './gender';
import { geolocationDetector } from './geolocation';
import { healthDetector } from './health';
import { healthPlanIdDetector } from './health-plan-id';
import { ibanDetector } from './iban';
import { ipAddressDetector } from './ip-address';
import { medicalRecordNumberDetector } from './medical-record-number';
import { nationalIdDetector } from './national-id';
import { passportDetector } from './passport';
import { passwordDetector } from './password';
import { personNameDetector } from './person-name';
import { phoneDetector } from './phone';
import { postalCodeDetector } from './postal-code';
import { privateKeyDetector } from './private-key';
import { religionDetector } from './religion';
import { sexualOrientationDetector } from './sexual-orientation';
import { taxIdDetector } from './tax-id';

/** Every built-in detector, in taxonomy order. */
export const builtInDetectors: readonly Detector[] = [
  emailDetector,
  phoneDetector,
  personNameDetector,
  addressDetector,
  postalCodeDetector,
  dateOfBirthDetector,
  nationalIdDetector,
  passportDetector,
  driverLicenseDetector,
  ipAddressDetector,
  genderDetector,
  geolocationDetector,
  cardNumberDetector,
  cardExpiryDetector,
  cardVerificationCodeDetector,
  ibanDetector,
  bicDetector,
  taxIdDetector,
  bankAccountDetector,
  diagnosisDetector,
  medicalRecordNumberDetector,
  healthPlanIdDetector,
  passwordDetector,
  apiKeyDetector,
  privateKeyDetector,
  religionDetector,
  ethnicityDetector,
  healthDetector,
  sexualOrientationDetector,
];

export {
  addressDetector,
  apiKeyDetector,
  bankAccountDetector,
  bicDetector,
  cardExpiryDetector,
  cardNumberDetector,
  cardVerificationCodeDetector,
  dateOfBirthDetector,
  diagnosisDetector,
  driverLicenseDetector,
  emailDetector,
  ethnicityDetector,
  genderDetector,
  geolocationDetector,
  healthDetector,
  healthPlanIdDetector,
  ibanDetector,
  ipAddressDetector,
  medicalRecordNumberDetector,
  nationalIdDetector,
  passportDetector,
  passwordDetector,
  personNameDetector,
  phoneDetector,
  postalCodeDetector,
  privateKeyDetector,
  religionDetector,
  sexualOrientationDetector,
  taxIdDetector,
};
