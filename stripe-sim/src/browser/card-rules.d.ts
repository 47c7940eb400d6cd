// Types for card-rules.js, which is plain JavaScript because the browser loads it as it is.

export interface BrandRule {
  brand: string;
  pattern: RegExp;
  lengths: number[];
  cvcLength: number;
  groups: number[];
}
export interface FieldError {
  code: string;
  message: string;
}
export interface FieldState {
  empty: boolean;
  complete: boolean;
  error: FieldError | null;
}
export interface CardFieldsState {
  number: FieldState;
  expiry: FieldState;
  cvc: FieldState;
}
export type ExpiryProblem = 'invalid_month' | 'past_year' | 'past_month' | 'invalid_year';

export function cardDigits(value: string): string;
export function brandRule(digits: string): BrandRule;
export function luhnValid(digits: string): boolean;
export function cardNumberValid(digits: string): boolean;
export function formatCardNumber(value: string): string;
export function formatExpiry(value: string): string;
export function parseExpiry(value: string): { month: number; year: number } | null;
export function expiryProblem(month: number, year: number, now: Date): ExpiryProblem | null;
export function validateCardFields(
  fields: { number: string; expiry: string; cvc: string },
  now?: Date,
): CardFieldsState;
