"""The WhatsApp Cloud API channel: signed webhooks into the inbox, replies and templates via the Graph API."""
