import { termSet } from './normalize';

/**
 * Health conditions, disabilities, allergies and common prescription drugs
 * (English, with the commonest French/German/Spanish/Italian spellings).
 * Matched as whole words inside short values, so "Type 2 diabetes mellitus"
 * hits on "diabetes".
 */
export const HEALTH_TERMS = termSet(
  'diabetes|type 1 diabetes|type 2 diabetes|prediabetes|asthma|hypertension|high blood pressure|hypotension|' +
    'cancer|breast cancer|lung cancer|prostate cancer|colon cancer|leukemia|leukaemia|lymphoma|melanoma|' +
    'carcinoma|tumor|tumour|depression|depressive disorder|anxiety|anxiety disorder|panic disorder|bipolar|' +
    'bipolar disorder|schizophrenia|ptsd|adhd|autism|asd|dementia|alzheimers|alzheimer|parkinsons|' +
    'parkinson|epilepsy|seizures|multiple sclerosis|arthritis|rheumatoid arthritis|osteoarthritis|' +
    'osteoporosis|copd|emphysema|bronchitis|pneumonia|tuberculosis|hiv|hiv positive|aids|hepatitis|' +
    'hepatitis a|hepatitis b|hepatitis c|covid|covid 19|long covid|influenza|heart disease|' +
    'coronary artery disease|heart failure|congestive heart failure|myocardial infarction|heart attack|' +
    'stroke|atrial fibrillation|arrhythmia|angina|obesity|anemia|anaemia|celiac|celiac disease|coeliac|' +
    'crohns|crohns disease|ulcerative colitis|ibs|irritable bowel syndrome|migraine|migraines|psoriasis|' +
    'eczema|lupus|kidney disease|chronic kidney disease|renal failure|dialysis|cirrhosis|hypothyroidism|' +
    'hyperthyroidism|sickle cell|sickle cell disease|cystic fibrosis|down syndrome|cerebral palsy|glaucoma|' +
    'cataract|cataracts|macular degeneration|hearing loss|deafness|blindness|visual impairment|infertility|' +
    'endometriosis|pcos|hemophilia|haemophilia|gout|sleep apnea|sleep apnoea|insomnia|anorexia|bulimia|' +
    'eating disorder|substance abuse|substance use disorder|alcoholism|alcohol dependence|addiction|' +
    'opioid use disorder|ocd|obsessive compulsive disorder|allergy|allergies|peanut allergy|nut allergy|' +
    'penicillin allergy|latex allergy|shellfish allergy|lactose intolerance|gluten intolerance|' +
    'pregnant|pregnancy|gestational diabetes|disability|wheelchair user|mobility impairment|' +
    'learning disability|dyslexia|mental illness|chronic pain|fibromyalgia|chronic fatigue syndrome|' +
    'diabète|asthme|dépression|cancer du sein|maladie cardiaque|' +
    'bluthochdruck|krebs|depressionen|herzkrankheit|zuckerkrankheit|' +
    'asma|hipertensión|cáncer|depresión|enfermedad cardiaca|' +
    'diabete|ipertensione|depressione|cancro|' +
    'metformin|insulin|insulin glargine|lisinopril|atorvastatin|simvastatin|rosuvastatin|amlodipine|' +
    'levothyroxine|omeprazole|pantoprazole|metoprolol|losartan|albuterol|salbutamol|gabapentin|sertraline|' +
    'fluoxetine|citalopram|escitalopram|prednisone|warfarin|apixaban|rivaroxaban|clopidogrel|amoxicillin|' +
    'azithromycin|hydrochlorothiazide|furosemide|montelukast|tramadol|oxycodone|morphine|methadone|' +
    'buprenorphine|quetiapine|risperidone|olanzapine|aripiprazole|bupropion|venlafaxine|duloxetine|' +
    'trazodone|zolpidem|lorazepam|alprazolam|diazepam|clonazepam|methylphenidate|adderall|semaglutide|' +
    'ozempic|adalimumab|humira|tenofovir|truvada|antiretroviral|chemotherapy|radiotherapy',
);

/** Blood groups written out, or values that fit a health column but say nothing alone. */
export const HEALTH_WEAK_VALUES = termSet(
  'a|b|ab|o|a positive|a negative|b positive|b negative|ab positive|ab negative|o positive|o negative|' +
    'a rh+|a rh-|b rh+|b rh-|ab rh+|ab rh-|o rh+|o rh-|healthy|none known|no known allergies|nka|nkda|' +
    'other|prefer not to say|lithium|aspirin|ibuprofen|paracetamol|acetaminophen|insulin dependent',
);

/** Blood types that are also school grades: counted only with a health-looking column name. */
export const BLOOD_TYPES = termSet('a+|a-|b+|b-|ab+|ab-|o+|o-');
