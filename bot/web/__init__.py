"""The one ASGI app: web chat, health, staff console, and later the platform webhooks."""
