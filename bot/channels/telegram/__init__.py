"""The Telegram channel: long polling through aiogram 3, replies as messages with inline keyboards."""
