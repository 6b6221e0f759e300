"""Web chat channel: a page served by the app and a WebSocket per browser tab."""
