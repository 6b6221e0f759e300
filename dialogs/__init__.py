"""Dialog modules, one per user goal; the composition root registers them with the engine."""
