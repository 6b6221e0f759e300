"""Channel adapters: each translates a platform's updates to InboundMessage and renders replies."""
