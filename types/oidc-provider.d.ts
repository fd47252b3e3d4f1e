// oidc-provider (test-only dependency) ships no type declarations.
declare module 'oidc-provider';
