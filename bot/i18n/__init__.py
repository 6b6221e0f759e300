"""Translations: Fluent bundles per locale, the fallback chain and typed message ids."""
