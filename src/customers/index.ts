// The public face of src/customers/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { normalizeEmail } from './customer-identity.ts';
export type { CustomerIdentity, CustomerRow } from './customer-identity.ts';
export { upsertCustomerByEmail, type UpsertedCustomer } from './upsert-customer.ts';
export { createCustomer, updateCustomer, type CustomerFields } from './edit-customer.ts';
