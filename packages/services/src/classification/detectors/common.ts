/**
 * Name tokens that turn a column about X into a column *about* X — a flag,
 * a count, a timestamp, a type — shared by most detectors' negative patterns.
 */
export const META_TOKENS =
  'is|has|flag|flags|count|counts|cnt|at|on|date|dt|time|ts|timestamp|type|types|kind|status|state|verified|' +
  'verification|valid|validated|validity|confirmed|enabled|disabled|required|hash|hashed|masked|token|tokenized|' +
  'encrypted|enc|last_?4|last4|last_?four';

/** The text types most detectors accept: strings and unknown/enum types whose values arrive as text. */
export const TEXT_TYPES = ['string', 'other'] as const;
